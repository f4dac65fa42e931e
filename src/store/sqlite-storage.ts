import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { mustBeSync } from '../jobs/awaitable.js';
import type { Awaitable } from '../jobs/job-queue.js';
import { settle, type SqliteTx } from './sqlite-database.js';
import {
  ETagConflictError,
  assertKeys,
  prepareWrite,
  type PreparedWrite,
} from './storage-documents.js';

// Where they were first defined; callers import them from here.
export { ETagConflictError, isETagConflict } from './storage-documents.js';

interface StateRow {
  key: string;
  doc: string;
  etag: string;
}

/**
 * botbuilder `Storage` over SQLite, with the eTag semantics of botbuilder's own
 * storages: a missing or '*' eTag overwrites, any other eTag must match the stored one.
 * A batch is all-or-nothing, which botbuilder's storages do not promise but callers
 * can only benefit from.
 *
 * Like MemoryStorage, CosmosDbPartitionedStorage and BlobsStorage, write() does not
 * touch the objects it is given; read again to learn the new eTag.
 */
export class SqliteStorage implements Storage {
  private readonly selectOne: Database.Statement<[string], StateRow>;
  private readonly selectEtag: Database.Statement<[string], { etag: string }>;
  private readonly upsert: Database.Statement<[string, string, string, number]>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly readBatch: (keys: readonly string[]) => StoreItems;
  private readonly writeBatch: (
    rows: readonly PreparedWrite[],
    inTx: ((tx: SqliteTx) => Awaitable<void>) | undefined,
  ) => void;
  private readonly selectKeysLike: Database.Statement<[string, string], { key: string }>;
  private readonly deleteBatch: (keys: readonly string[]) => void;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS bot_state (
        key        TEXT PRIMARY KEY,
        doc        TEXT NOT NULL,
        etag       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      )
    `);
    this.selectOne = db.prepare<[string], StateRow>(
      'SELECT key, doc, etag FROM bot_state WHERE key = ?',
    );
    this.selectEtag = db.prepare<[string], { etag: string }>(
      'SELECT etag FROM bot_state WHERE key = ?',
    );
    this.upsert = db.prepare<[string, string, string, number]>(`
      INSERT INTO bot_state (key, doc, etag, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at
    `);
    this.deleteOne = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');

    // One transaction so a multi-key read sees a single snapshot.
    this.readBatch = db.transaction((keys: readonly string[]) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = this.selectOne.get(key);
        if (row) items[key] = { ...(JSON.parse(row.doc) as object), eTag: row.etag };
      }
      return items;
    });

    const writeTx = db.transaction(
      (rows: readonly PreparedWrite[], inTx: ((tx: SqliteTx) => Awaitable<void>) | undefined) => {
        const now = Date.now();
        for (const row of rows) {
          if (row.ifMatch !== undefined && this.selectEtag.get(row.key)?.etag !== row.ifMatch) {
            // Throwing inside the transaction rolls back the keys already written.
            throw new ETagConflictError(row.key);
          }
          this.upsert.run(row.key, row.doc, randomUUID(), now);
        }
        // Last, so it runs only once the documents are known to be written: a throw still
        // rolls them back.
        mustBeSync(inTx?.({ db }), 'SqliteStorage.write');
      },
    );
    // IMMEDIATE takes the write lock before the eTag check. A deferred transaction would
    // read first and then have to upgrade its lock, and in WAL mode that upgrade fails
    // with SQLITE_BUSY at once (busy_timeout does not apply) if another connection
    // committed in between.
    this.writeBatch = (rows, inTx) => writeTx.immediate(rows, inTx);
    this.selectKeysLike = db.prepare<[string, string], { key: string }>(
      "SELECT key FROM bot_state WHERE key LIKE ? ESCAPE '\\' AND instr(doc, ?) > 0 ORDER BY key",
    );

    this.deleteBatch = db.transaction((keys: readonly string[]) => {
      for (const key of keys) this.deleteOne.run(key);
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    return settle(() => {
      assertKeys(keys, 'reading', 'SqliteStorage');
      return keys.length === 0 ? {} : this.readBatch(keys);
    });
  }

  /**
   * `inTx`: work that must commit or roll back with these documents, such as the outbox job a
   * turn asks for or the mark that its activity was handled; it runs inside the same transaction.
   */
  write(changes: StoreItems, inTx?: (tx: SqliteTx) => Awaitable<void>): Promise<void> {
    return settle(() => {
      if (changes === null || typeof changes !== 'object') {
        throw new ReferenceError('Changes are required when writing.');
      }
      // Serialise everything before taking the write lock, so a bad document fails the
      // batch without having touched the database.
      const rows = Object.entries(changes).map(([key, item]) =>
        prepareWrite(key, item, 'SqliteStorage'),
      );
      if (rows.length > 0 || inTx) this.writeBatch(rows, inTx);
    });
  }

  /**
   * Keys starting with `prefix` whose document contains `text`: a cheap first sift at start-up
   * (e.g. the users with a draft being filed), which the caller confirms on the parsed documents.
   */
  keysContaining(prefix: string, text: string): Promise<string[]> {
    return settle(() =>
      this.selectKeysLike
        .all(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, text)
        .map((row) => row.key),
    );
  }

  delete(keys: string[]): Promise<void> {
    return settle(() => {
      assertKeys(keys, 'deleting', 'SqliteStorage');
      if (keys.length > 0) this.deleteBatch(keys);
    });
  }
}
