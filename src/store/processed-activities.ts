import type Database from 'better-sqlite3';
import { assertInTransaction, type SqliteTx } from './sqlite-database.js';

const HOUR_MS = 60 * 60_000;
const DEFAULT_TTL_MS = 24 * HOUR_MS;

export interface ProcessedActivitiesOptions {
  /** How long a claimed key blocks replays. Default 24 h. */
  ttlMs?: number;
  /** Injected clock (ms since epoch), for tests. */
  now?: () => number;
  /** Minimum time between prunes of expired keys. Default min(ttlMs, 1 h). */
  pruneIntervalMs?: number;
}

/**
 * Replay protection for incoming activities: the Bot Connector redelivers an activity
 * when our reply was slow or lost, and handling it twice could file a claim twice.
 * Claims live in SQLite so a restart, or a second process on the same file, still
 * recognises a replay.
 */
export class ProcessedActivities {
  private readonly ttlMs: number;
  private readonly pruneIntervalMs: number;
  private readonly now: () => number;
  private readonly claimStmt: Database.Statement<[{ key: string; now: number; cutoff: number }]>;
  private readonly pruneStmt: Database.Statement<[number]>;
  private readonly seenStmt: Database.Statement<[string, number], { seen: number }>;
  private lastPruneAt: number | undefined;

  constructor(
    private readonly db: Database.Database,
    opts: ProcessedActivitiesOptions = {},
  ) {
    const options = resolveReplayOptions(opts);
    this.ttlMs = options.ttlMs;
    this.pruneIntervalMs = options.pruneIntervalMs;
    this.now = options.now;

    db.exec(`
      CREATE TABLE IF NOT EXISTS processed_activities (
        key     TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS processed_activities_seen_at ON processed_activities (seen_at);
    `);
    // A single statement, so two processes claiming the same key cannot both win.
    // Unlike plain INSERT OR IGNORE it also re-claims a key whose entry has expired but
    // not been pruned yet, so the answer does not depend on when the last prune ran.
    this.claimStmt = db.prepare<[{ key: string; now: number; cutoff: number }]>(`
      INSERT INTO processed_activities (key, seen_at) VALUES (@key, @now)
      ON CONFLICT(key) DO UPDATE SET seen_at = excluded.seen_at
      WHERE processed_activities.seen_at <= @cutoff
    `);
    this.pruneStmt = db.prepare<[number]>('DELETE FROM processed_activities WHERE seen_at <= ?');
    this.seenStmt = db.prepare<[string, number], { seen: number }>(
      'SELECT 1 AS seen FROM processed_activities WHERE key = ? AND seen_at > ?',
    );
  }

  /** True the first time `key` is seen within the TTL, false for a replay. */
  claim(key: string): boolean {
    assertKey(key);
    const now = this.now();
    // Before the claim, not after: if pruning fails the caller sees the error and can
    // retry, whereas failing after a successful claim would make the retry look like a
    // replay and the activity would be dropped.
    if (this.lastPruneAt === undefined || now - this.lastPruneAt >= this.pruneIntervalMs) {
      this.pruneAt(now);
    }
    return this.claimStmt.run({ key, now, cutoff: now - this.ttlMs }).changes === 1;
  }

  /** True when `key` was handled within the TTL; marks nothing (see `claimIn`). */
  seen(key: string): boolean {
    assertKey(key);
    return this.seenStmt.get(key, this.now() - this.ttlMs) !== undefined;
  }

  /**
   * `claim`, inside the transaction that commits the activity's turn: the activity counts as
   * handled only if its turn committed, so Teams' resend after a crash is processed, while two
   * racing copies still cannot both commit.
   */
  claimIn(tx: SqliteTx, key: string): boolean {
    assertInTransaction(tx, this.db);
    return this.claim(key);
  }

  /** Deletes expired keys; returns how many. claim() calls this now and then by itself. */
  prune(): number {
    return this.pruneAt(this.now());
  }

  private pruneAt(now: number): number {
    const removed = this.pruneStmt.run(now - this.ttlMs).changes;
    this.lastPruneAt = now;
    return removed;
  }
}

/** The options with their defaults, checked; shared with the PostgreSQL store. */
export function resolveReplayOptions(
  opts: ProcessedActivitiesOptions,
): Required<ProcessedActivitiesOptions> {
  const ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
  const pruneIntervalMs = opts.pruneIntervalMs ?? Math.min(ttlMs, HOUR_MS);
  if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) {
    throw new RangeError(`ProcessedActivities: ttlMs must be a positive number, got ${ttlMs}.`);
  }
  if (!(pruneIntervalMs >= 0) || !Number.isFinite(pruneIntervalMs)) {
    throw new RangeError(
      `ProcessedActivities: pruneIntervalMs must be a non-negative number, got ${pruneIntervalMs}.`,
    );
  }
  return { ttlMs, pruneIntervalMs, now: opts.now ?? Date.now };
}

export function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('ProcessedActivities: key must be a non-empty string.');
  }
}
