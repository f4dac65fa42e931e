import type pg from 'pg';
import {
  assertKey,
  resolveReplayOptions,
  type ProcessedActivitiesOptions,
} from '../processed-activities.js';
import { assertInPgTransaction, inlineValues, type PgTx } from './pg-database.js';

/**
 * Replay protection for incoming activities on PostgreSQL (table `processed_activities`,
 * migration 002): `ProcessedActivities` with the same TTL, pruning and answers, but async, and
 * shared by every bot instance on the database, so a replay delivered to another instance is
 * still recognised.
 */
export class PgProcessedActivities {
  private readonly options: Required<ProcessedActivitiesOptions>;
  private lastPruneAt: number | undefined;

  constructor(
    private readonly pool: pg.Pool,
    opts: ProcessedActivitiesOptions = {},
  ) {
    this.options = resolveReplayOptions(opts);
  }

  /** True the first time `key` is seen within the TTL, false for a replay. */
  claim(key: string): Promise<boolean> {
    return this.claimOn(this.pool, key);
  }

  /** True when `key` was handled within the TTL; marks nothing. */
  async seen(key: string): Promise<boolean> {
    assertKey(key);
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM processed_activities WHERE key = $1 AND seen_at > $2',
      [key, this.options.now() - this.options.ttlMs],
    );
    return rowCount === 1;
  }

  /**
   * `claim`, inside the transaction that commits the activity's turn: the activity counts as
   * handled only if its turn committed. A racing copy on another instance waits on the row lock
   * of this uncommitted claim, and then finds it taken.
   */
  async claimIn(tx: PgTx, key: string): Promise<boolean> {
    assertInPgTransaction(tx);
    return this.claimOn(tx, key);
  }

  /** Deletes expired keys; returns how many. claim() calls this now and then by itself. */
  prune(): Promise<number> {
    return this.pruneAt(this.options.now());
  }

  private async claimOn(db: pg.Pool | PgTx, key: string): Promise<boolean> {
    assertKey(key);
    const now = this.options.now();
    // Before the claim, as in the SQLite store: a failed prune fails the call, not a later retry.
    if (this.lastPruneAt === undefined || now - this.lastPruneAt >= this.options.pruneIntervalMs) {
      await this.pruneAt(now);
    }
    // One statement, so two instances claiming the same key cannot both win; it also re-claims
    // a key whose entry expired but was not pruned yet.
    // Plain text: one message to the server at every turn instead of five.
    const { rowCount } = await db.query(
      inlineValues(
        `INSERT INTO processed_activities (key, seen_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at
         WHERE processed_activities.seen_at <= $3`,
        [key, now, now - this.options.ttlMs],
      ),
    );
    return rowCount === 1;
  }

  /**
   * On the pool, never inside a turn's transaction, and skipping rows another transaction holds
   * (a turn re-claiming an expired key): a prune waits for no one and so deadlocks with no one.
   * What it skips goes at the next prune.
   */
  private async pruneAt(now: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM processed_activities WHERE key IN (
         SELECT key FROM processed_activities WHERE seen_at <= $1 FOR UPDATE SKIP LOCKED)`,
      [now - this.options.ttlMs],
    );
    this.lastPruneAt = now;
    return rowCount ?? 0;
  }
}
