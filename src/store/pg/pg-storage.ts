import type { Storage, StoreItems } from 'botbuilder';
import type pg from 'pg';
import {
  ETagConflictError,
  assertKeys,
  prepareWrite,
  type PreparedWrite,
} from '../storage-documents.js';
import { inlineValues, withTransaction, type PgTx } from './pg-database.js';
import { queryInTurn, turnClient } from './pg-turn-lock.js';

const READ = 'SELECT key, doc, version::text AS version FROM bot_state WHERE key';

const NAME = 'PgStorage';

interface StateRow {
  key: string;
  doc: object;
  version: string;
}

/**
 * botbuilder `Storage` over PostgreSQL (table `bot_state`, migration 001), with the semantics of
 * `SqliteStorage`: a missing or '*' eTag overwrites, any other eTag must match, a batch is
 * all-or-nothing, and write() does not touch the objects it is given.
 *
 * Optimistic concurrency across processes: the eTag is the row's `version`, and a guarded write is
 * `UPDATE … WHERE key = $1 AND version = $2`. Two instances writing from the same version both
 * reach that row; PostgreSQL's row lock makes the second wait for the first to commit and then
 * re-check its WHERE against the new version, so it updates nothing and gets ETagConflictError.
 */
export class PgStorage implements Storage {
  constructor(private readonly pool: pg.Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading', NAME);
    if (keys.length === 0) return {};
    // One statement, so a multi-key read sees a single snapshot. In a person's turn, on the
    // turn's connection, taking its lock with it (pg-turn-lock.ts).
    const inTurn = await queryInTurn<StateRow>(
      inlineValues(`${READ} IN (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, keys),
    );
    const { rows } =
      inTurn ?? (await this.pool.query<StateRow>(`${READ} = ANY($1::text[])`, [keys]));
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: row.version };
    return items;
  }

  /**
   * `inTx`: work that must commit or roll back with these documents (the job a turn asks for, the
   * mark that its activity was handled); it runs on the same transaction, after the documents.
   */
  async write(changes: StoreItems, inTx?: (tx: PgTx) => void | Promise<void>): Promise<void> {
    if (changes === null || typeof changes !== 'object') {
      throw new ReferenceError('Changes are required when writing.');
    }
    // Serialise everything before opening a transaction, so a bad document fails the batch
    // without having touched the database.
    // In key order, so two batches sharing keys lock their rows in the same order and cannot
    // deadlock each other.
    const rows = Object.entries(changes)
      .map(([key, item]) => prepareWrite(key, item, NAME))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (rows.length === 0 && !inTx) return;
    const held = turnClient();
    if (held) return writeInTurn(held, rows, inTx);
    await withTransaction(this.pool, async (tx) => {
      for (const row of rows) await writeRow(tx, row);
      await inTx?.(tx);
    });
  }

  /** Keys starting with `prefix` whose document contains `text` (see SqliteStorage). */
  async keysContaining(prefix: string, text: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT key FROM bot_state WHERE key LIKE $1 ESCAPE '\\' AND strpos(doc::text, $2) > 0
        ORDER BY key COLLATE "C"`,
      [`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, text],
    );
    return rows.map((row) => row.key);
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting', NAME);
    if (keys.length > 0)
      await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}

const UPSERT = `INSERT INTO bot_state (key, doc) VALUES ($1, $2)
  ON CONFLICT (key) DO UPDATE
    SET doc = excluded.doc, version = nextval('bot_state_version'), updated_at = now()`;
const GUARDED = `UPDATE bot_state SET doc = $2, version = nextval('bot_state_version'), updated_at = now()
  WHERE key = $1 AND version = $3`;

/**
 * Writes one document. `opening`: the statement also opens the transaction, in the same round
 * trip (a plain-text query with the values as escaped literals), as a turn's write does.
 */
async function writeRow(tx: PgTx, row: PreparedWrite, opening = false): Promise<void> {
  // An eTag that is not one of ours (another store's, or made up) can match no version.
  if (row.ifMatch !== undefined && !/^\d{1,18}$/.test(row.ifMatch)) {
    if (opening) await tx.query('BEGIN');
    throw new ETagConflictError(row.key);
  }
  const sql = row.ifMatch === undefined ? UPSERT : GUARDED;
  const values = [row.key, row.doc, ...(row.ifMatch === undefined ? [] : [row.ifMatch])];
  const result = opening
    ? ((await tx.query(`BEGIN; ${inlineValues(sql, values)}`)) as unknown as pg.QueryResult[])[1]
    : await tx.query(sql, values);
  // Throwing rolls back the keys of the batch already written.
  if (row.ifMatch !== undefined && result?.rowCount !== 1) throw new ETagConflictError(row.key);
}

/** A write on the connection a turn holds: BEGIN goes with the first document. */
async function writeInTurn(
  held: PgTx,
  rows: PreparedWrite[],
  inTx?: (tx: PgTx) => void | Promise<void>,
): Promise<void> {
  try {
    if (rows.length === 0) await held.query('BEGIN');
    for (const [i, row] of rows.entries()) await writeRow(held, row, i === 0);
    await inTx?.(held);
    await held.query('COMMIT');
  } catch (err) {
    await held.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
