/**
 * Where to reach each employee: the conversation reference of their personal chat with the bot,
 * taken from their first message or the app's installation and kept in the bot's database
 * (SQLite, or PostgreSQL shared by every instance: migration 003), so a status change or a
 * reminder can start a message there (`continueConversationAsync`) at any time. A 403 from Teams
 * means the app was removed: the reference is marked unusable until the user writes again.
 */
import type Database from 'better-sqlite3';
import type { ConversationReference } from 'botbuilder';
import type pg from 'pg';
import { settle } from '../store/sqlite-database.js';
import { sqliteStatement } from './guarded-write.js';

export interface StoredRef {
  reference: Partial<ConversationReference>;
  locale?: string;
  usable: boolean;
  /** When the bot first could reach them: changes before it are not news to announce. */
  since: Date;
}

export interface ConversationRefStore {
  /** Written only when something changed, so an ordinary message costs one read. */
  remember(
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale: string | undefined,
    now: Date,
  ): Promise<void>;
  get(employeeId: string): Promise<StoredRef | undefined>;
  markUnusable(employeeId: string): Promise<void>;
  /** Everyone the bot can reach now. */
  reachable(): Promise<string[]>;
}

interface RefRow {
  reference: string;
  locale: string | null;
  usable: number | boolean;
  created_at: number | string;
}

const sameRef = (row: RefRow | undefined, json: string, locale: string | undefined) =>
  row !== undefined &&
  row.reference === json &&
  Boolean(row.usable) &&
  row.locale === (locale ?? null);

function storedOf(row: RefRow | undefined): StoredRef | undefined {
  if (!row) return undefined;
  return {
    reference: JSON.parse(row.reference) as Partial<ConversationReference>,
    ...(row.locale ? { locale: row.locale } : {}),
    usable: Boolean(row.usable),
    since: new Date(Number(row.created_at)),
  };
}

// The same statements on both.
const SELECT = 'SELECT * FROM conversation_refs WHERE employee_id = $1';
const UPSERT = `INSERT INTO conversation_refs (employee_id, reference, locale, usable, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (employee_id) DO UPDATE SET reference = excluded.reference,
    locale = excluded.locale, usable = excluded.usable, updated_at = excluded.updated_at`;
const UNUSABLE = 'UPDATE conversation_refs SET usable = $1 WHERE employee_id = $2';
const REACHABLE =
  'SELECT employee_id FROM conversation_refs WHERE usable = $1 ORDER BY employee_id';

/** How long an instance trusts what it last saw stored for a person, without asking again. */
export const REMEMBERED_FOR_MS = 60_000;
const REMEMBERED_MAX = 10_000;

/** What this instance last found or wrote for each person, oldest first out (bounded). */
class RecentRefs {
  private readonly seen = new Map<string, { json: string; locale: string | null; at: number }>();

  constructor(private readonly trustMs: number) {}

  has(employeeId: string, json: string, locale: string | undefined, at: number): boolean {
    const known = this.seen.get(employeeId);
    return (
      known?.json === json && known.locale === (locale ?? null) && at - known.at < this.trustMs
    );
  }

  note(employeeId: string, json: string, locale: string | undefined, at: number): void {
    this.seen.delete(employeeId);
    if (this.seen.size >= REMEMBERED_MAX) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(employeeId, { json, locale: locale ?? null, at });
  }

  forget(employeeId: string): void {
    this.seen.delete(employeeId);
  }
}

export class ConversationRefs implements ConversationRefStore {
  private selectOne: Database.Statement<[string], RefRow> | undefined;
  private readonly recent = new RecentRefs(Number.POSITIVE_INFINITY);

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS conversation_refs (
        employee_id TEXT PRIMARY KEY,
        reference   TEXT NOT NULL,
        locale      TEXT,
        usable      INTEGER NOT NULL DEFAULT 1,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      )
    `);
  }

  remember(
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale: string | undefined,
    now: Date,
  ): Promise<void> {
    const json = JSON.stringify(reference);
    const at = now.getTime();
    // Only this process writes the file, so what it last saw stays true: no read per message.
    if (this.recent.has(employeeId, json, locale, at)) return Promise.resolve();
    return settle(() => {
      if (!sameRef(this.row(employeeId), json, locale)) {
        const { statement, args } = sqliteStatement(this.db, UPSERT, [
          employeeId,
          json,
          locale ?? null,
          1,
          at,
        ]);
        statement.run(...args);
      }
      this.recent.note(employeeId, json, locale, at);
    });
  }

  get(employeeId: string): Promise<StoredRef | undefined> {
    return settle(() => storedOf(this.row(employeeId)));
  }

  markUnusable(employeeId: string): Promise<void> {
    this.recent.forget(employeeId);
    return settle(() => {
      const { statement, args } = sqliteStatement(this.db, UNUSABLE, [0, employeeId]);
      statement.run(...args);
    });
  }

  reachable(): Promise<string[]> {
    return settle(() =>
      (this.db.prepare(REACHABLE.replace('$1', '?')).all(1) as Array<{ employee_id: string }>).map(
        (r) => r.employee_id,
      ),
    );
  }

  private row(employeeId: string): RefRow | undefined {
    // Prepared once: every personal-chat turn reads one.
    this.selectOne ??= this.db.prepare<[string], RefRow>(SELECT.replace('$1', '?'));
    return this.selectOne.get(employeeId);
  }
}

/**
 * The same on PostgreSQL (the reference as its JSON text, compared as written). A database round
 * trip at every message is a good part of a turn's cost there, so each instance remembers for a
 * minute what it last found stored for a person and does not read it again while it is the same.
 * The one thing that can change meanwhile, another instance marking the chat unusable after a 403,
 * is then repaired by the person's next message after that minute rather than at once.
 */
export class PgConversationRefs implements ConversationRefStore {
  private readonly recent = new RecentRefs(REMEMBERED_FOR_MS);

  constructor(private readonly pool: pg.Pool) {}

  async remember(
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale: string | undefined,
    now: Date,
  ): Promise<void> {
    const json = JSON.stringify(reference);
    const at = now.getTime();
    if (this.recent.has(employeeId, json, locale, at)) return;
    if (!sameRef(await this.row(employeeId), json, locale))
      await this.pool.query(UPSERT, [employeeId, json, locale ?? null, true, at]);
    this.recent.note(employeeId, json, locale, at);
  }

  async get(employeeId: string): Promise<StoredRef | undefined> {
    return storedOf(await this.row(employeeId));
  }

  async markUnusable(employeeId: string): Promise<void> {
    this.recent.forget(employeeId);
    await this.pool.query(UNUSABLE, [false, employeeId]);
  }

  async reachable(): Promise<string[]> {
    const { rows } = await this.pool.query<{ employee_id: string }>(REACHABLE, [true]);
    return rows.map((r) => r.employee_id);
  }

  private async row(employeeId: string): Promise<RefRow | undefined> {
    const { rows } = await this.pool.query<RefRow>(SELECT, [employeeId]);
    return rows[0];
  }
}
