/**
 * Turns what the bot learns about claims (webhook events, polling) into at most one message per
 * change: the furthest state told so far is kept per claim (a `StatusLedger`, on SQLite or
 * PostgreSQL), and a change is queued as a notification job in the same transaction that records
 * it, so a crash loses none and a repeated or late event (a webhook retry, a poll after the
 * webhook, the same webhook at two instances) sends nothing.
 */
import type { JobQueue } from '../jobs/job-queue.js';
import { NOTIFY } from './notification-job.js';
import { progressOf, type StatusChangeNotice } from './status-change.js';
import type { StatusLedger } from './status-ledger.js';

/** What the webhook endpoint and the poller use of a tracker, whatever its backend. */
export type StatusObserver = Pick<StatusTracker<unknown>, 'observe' | 'known'>;

const TOLD = new Set(['approved', 'rejected', 'paid']);

export class StatusTracker<Tx> {
  constructor(
    private readonly ledger: StatusLedger<Tx>,
    private readonly queue: JobQueue<Tx>,
  ) {}

  /**
   * Records the change; true when it was news and a message is queued. `quiet`: record only
   * (a claim first seen by polling whose change predates the user's chat with the bot).
   */
  observe(change: StatusChangeNotice, quiet = false): Promise<boolean> {
    const progress = progressOf(change);
    const { claimId, employeeId } = change;
    return this.ledger.advance({ claimId, employeeId, progress }, (tx) =>
      quiet || !TOLD.has(change.status)
        ? false
        : this.queue.enqueue(tx, NOTIFY, {
            key: `status:${claimId}:${progress}`,
            payload: { employeeId, message: { type: 'status', change } },
          }),
    );
  }

  /** Whether the claim was seen before (polling stays quiet about claims it meets for the first time). */
  known(claimId: string): Promise<boolean> {
    return this.ledger.known(claimId);
  }
}
