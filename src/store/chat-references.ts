/**
 * Where each employee's personal chat with the bot is, so the bot can post into it without a
 * message from them (the tab's "Continue in chat"). Bot Framework needs the conversation
 * reference of an earlier turn for that; the latest personal turn's is kept, one per employee.
 */
import type Database from 'better-sqlite3';

/** The parts of a Bot Framework conversation reference the bot posts with; stored as JSON. */
export type StoredReference = Record<string, unknown>;

export class ChatReferences {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS chat_references (
      employee_id TEXT PRIMARY KEY,
      reference TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
  }

  remember(employeeId: string, reference: StoredReference): void {
    this.db
      .prepare(
        `INSERT INTO chat_references (employee_id, reference, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (employee_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(employeeId, JSON.stringify(reference), new Date().toISOString());
  }

  find(employeeId: string): StoredReference | undefined {
    const row = this.db
      .prepare<[string], { reference: string }>(
        'SELECT reference FROM chat_references WHERE employee_id = ?',
      )
      .get(employeeId);
    return row ? (JSON.parse(row.reference) as StoredReference) : undefined;
  }
}
