/**
 * Where to reach each employee: the conversation reference of their personal chat with the bot,
 * taken from their first message or the app's installation and kept in SQLite, so a status
 * change or a reminder can start a message there (`continueConversationAsync`) at any time.
 * A 403 from Teams means the app was removed: the reference is marked unusable until the user
 * writes again.
 */
import type Database from 'better-sqlite3';
import type { ConversationReference } from 'botbuilder';

interface RefRow {
  reference: string;
  locale: string | null;
  usable: number;
  created_at: number;
}

export interface StoredRef {
  reference: Partial<ConversationReference>;
  locale?: string;
  usable: boolean;
  /** When the bot first could reach them: changes before it are not news to announce. */
  since: Date;
}

export class ConversationRefs {
  private readonly selectOne: Database.Statement<[string], RefRow>;
  private readonly upsert: Database.Statement<[string, string, string | null, number, number]>;

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
    // Prepared once: every personal-chat turn reads one.
    this.selectOne = db.prepare('SELECT * FROM conversation_refs WHERE employee_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO conversation_refs (employee_id, reference, locale, usable, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (employee_id) DO UPDATE SET reference = excluded.reference,
         locale = excluded.locale, usable = 1, updated_at = excluded.updated_at`,
    );
  }

  /** Written only when something changed, so an ordinary message costs one read. */
  remember(
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale: string | undefined,
    now: Date,
  ): void {
    const json = JSON.stringify(reference);
    const row = this.selectOne.get(employeeId);
    if (row && row.reference === json && row.usable === 1 && row.locale === (locale ?? null))
      return;
    this.upsert.run(employeeId, json, locale ?? null, now.getTime(), now.getTime());
  }

  get(employeeId: string): StoredRef | undefined {
    const row = this.selectOne.get(employeeId);
    if (!row) return undefined;
    return {
      reference: JSON.parse(row.reference) as Partial<ConversationReference>,
      ...(row.locale ? { locale: row.locale } : {}),
      usable: row.usable === 1,
      since: new Date(row.created_at),
    };
  }

  markUnusable(employeeId: string): void {
    this.db
      .prepare('UPDATE conversation_refs SET usable = 0 WHERE employee_id = ?')
      .run(employeeId);
  }

  /** Everyone the bot can reach now. */
  reachable(): string[] {
    return this.db
      .prepare<[], { employee_id: string }>(
        'SELECT employee_id FROM conversation_refs WHERE usable = 1 ORDER BY employee_id',
      )
      .all()
      .map((r) => r.employee_id);
  }
}
