/**
 * Turns what the bot learns about claims (webhook events, polling) into at most one message per
 * change: the furthest state told so far is kept per claim, and a change is queued as a
 * notification job in the same transaction that records it, so a crash loses none and a
 * repeated or late event (a webhook retry, a poll after the webhook) sends nothing.
 */
import type Database from 'better-sqlite3';
import type { JobQueue } from '../jobs/job-queue.js';
import type { SqliteTx } from '../store/sqlite-database.js';
import { NOTIFY } from './notification-job.js';
import { progressOf, type StatusChangeNotice } from './status-change.js';

const TOLD = new Set(['approved', 'rejected', 'paid']);

export class StatusTracker {
  constructor(
    private readonly db: Database.Database,
    private readonly queue: JobQueue<SqliteTx>,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS claim_status_seen (
        claim_id    TEXT PRIMARY KEY,
        employee_id TEXT NOT NULL,
        progress    INTEGER NOT NULL
      )
    `);
  }

  /**
   * Records the change; true when it was news and a message is queued. `quiet`: record only
   * (a claim first seen by polling whose change predates the user's chat with the bot).
   */
  observe(change: StatusChangeNotice, quiet = false): boolean {
    const progress = progressOf(change);
    return this.db
      .transaction(() => {
        const seen = this.db
          .prepare<[string], { progress: number }>(
            'SELECT progress FROM claim_status_seen WHERE claim_id = ?',
          )
          .get(change.claimId);
        if (seen && seen.progress >= progress) return false;
        this.db
          .prepare(
            `INSERT INTO claim_status_seen (claim_id, employee_id, progress) VALUES (?, ?, ?)
             ON CONFLICT (claim_id) DO UPDATE SET progress = excluded.progress`,
          )
          .run(change.claimId, change.employeeId, progress);
        if (quiet || !TOLD.has(change.status)) return false;
        return Boolean(
          this.queue.enqueue({ db: this.db }, NOTIFY, {
            key: `status:${change.claimId}:${progress}`,
            payload: { employeeId: change.employeeId, message: { type: 'status', change } },
          }),
        );
      })
      .immediate();
  }

  /** Whether the claim was seen before (polling stays quiet about claims it meets for the first time). */
  known(claimId: string): boolean {
    return Boolean(
      this.db.prepare('SELECT 1 FROM claim_status_seen WHERE claim_id = ?').get(claimId),
    );
  }
}
