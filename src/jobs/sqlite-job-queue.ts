/**
 * The job queue on the bot's SQLite database. A job row is live while `queued` or `leased`; one
 * live row per (kind, key) is enforced by a partial unique index, so enqueueing twice is harmless
 * and a settled job (done or dead) does not block the same key from being enqueued again.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { assertInTransaction, settle, type SqliteTx } from '../store/sqlite-database.js';
import type {
  Job,
  JobKind,
  JobQueue,
  JobState,
  LeasedJob,
  NewJob,
  TakeOptions,
} from './job-queue.js';
import { jobOrThrow, readJob, type StoredJob } from './read-job.js';

interface JobRow {
  id: string;
  kind: string;
  key: string;
  payload: string;
  state: JobState;
  attempts: number;
  run_at: number;
  lease_token: string | null;
  leased_until: number | null;
  last_error: string | null;
}

export interface SqliteJobQueueOptions {
  /** Injected clock (ms since epoch), for tests. */
  now?: () => number;
}

export class SqliteJobQueue implements JobQueue<SqliteTx> {
  private readonly now: () => number;

  constructor(
    private readonly db: Database.Database,
    options: SqliteJobQueueOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,
        key          TEXT NOT NULL,
        payload      TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'dead')),
        attempts     INTEGER NOT NULL DEFAULT 0,
        run_at       INTEGER NOT NULL,
        lease_token  TEXT,
        leased_until INTEGER,
        last_error   TEXT,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS jobs_live_key ON jobs (kind, key)
        WHERE state IN ('queued', 'leased');
      CREATE INDEX IF NOT EXISTS jobs_due ON jobs (kind, state, run_at);
    `);
  }

  enqueue<P>(tx: SqliteTx, kind: JobKind<P>, job: NewJob<P>): boolean {
    assertInTransaction(tx, this.db);
    const payload = JSON.stringify(kind.schema.parse(job.payload));
    const now = this.now();
    return (
      this.db
        .prepare(
          `INSERT INTO jobs (id, kind, key, payload, state, run_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)
           ON CONFLICT (kind, key) WHERE state IN ('queued', 'leased') DO NOTHING`,
        )
        .run(randomUUID(), kind.name, job.key, payload, job.runAt?.getTime() ?? now, now, now)
        .changes === 1
    );
  }

  take<P>(kind: JobKind<P>, options: TakeOptions): Promise<Array<LeasedJob<P>>> {
    return settle(() => this.lease(kind, options, undefined));
  }

  takeKey<P>(kind: JobKind<P>, key: string, options: TakeOptions) {
    return settle(() => this.lease(kind, { ...options, limit: 1 }, key)[0]);
  }

  complete(job: LeasedJob<unknown>): Promise<boolean> {
    return settle(() => this.settleLeased(job, 'done', null));
  }

  completeKey(tx: SqliteTx, kind: JobKind<unknown>, key: string): boolean {
    return this.settleKey(tx, kind, key, 'done', null);
  }

  retryAt(job: LeasedJob<unknown>, at: Date, error: string): Promise<boolean> {
    return settle(
      () =>
        this.db
          .prepare(
            `UPDATE jobs SET state = 'queued', run_at = ?, last_error = ?, lease_token = NULL,
               leased_until = NULL, updated_at = ? WHERE id = ? AND lease_token = ? AND state = 'leased'`,
          )
          .run(at.getTime(), error, this.now(), job.id, job.leaseToken).changes === 1,
    );
  }

  deadLetter(job: LeasedJob<unknown>, error: string): Promise<boolean> {
    return settle(() => this.settleLeased(job, 'dead', error));
  }

  deadLetterKey(tx: SqliteTx, kind: JobKind<unknown>, key: string, error: string): boolean {
    return this.settleKey(tx, kind, key, 'dead', error);
  }

  find<P>(kind: JobKind<P>, key: string): Promise<Job<P> | undefined> {
    return settle(() => {
      const row = this.db
        .prepare<[string, string], JobRow>(
          'SELECT * FROM jobs WHERE kind = ? AND key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
        )
        .get(kind.name, key);
      return row ? toJob(kind, row) : undefined;
    });
  }

  wakeAll(kind: JobKind<unknown>): Promise<number> {
    return settle(
      () =>
        this.db
          .prepare(
            `UPDATE jobs SET state = 'queued', run_at = MIN(run_at, ?), lease_token = NULL,
               leased_until = NULL, updated_at = ? WHERE kind = ? AND state IN ('queued', 'leased')`,
          )
          .run(this.now(), this.now(), kind.name).changes,
    );
  }

  nextDue(kind: JobKind<unknown>): Promise<Date | undefined> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { due: number | null }>(
          `SELECT MIN(CASE state WHEN 'queued' THEN run_at ELSE leased_until END) AS due
             FROM jobs WHERE kind = ? AND state IN ('queued', 'leased')`,
        )
        .get(kind.name);
      return row?.due == null ? undefined : new Date(row.due);
    });
  }

  /** Leases due jobs in one immediate transaction, so two workers never take the same job. */
  private lease<P>(kind: JobKind<P>, options: TakeOptions, key: string | undefined) {
    const take = this.db.transaction(() => {
      const now = this.now();
      const rows = this.db
        .prepare<
          [string, number, string | null, number, string | null, string | null, number],
          JobRow
        >(
          `SELECT * FROM jobs WHERE kind = ?
             AND ((state = 'queued' AND (run_at <= ? OR key = ?))
               OR (state = 'leased' AND leased_until <= ?))
             AND (? IS NULL OR key = ?)
           ORDER BY run_at, created_at, rowid LIMIT ?`,
        )
        .all(kind.name, now, key ?? null, now, key ?? null, key ?? null, options.limit ?? 1);
      const update = this.db.prepare(
        `UPDATE jobs SET state = 'leased', attempts = attempts + 1, lease_token = ?,
           leased_until = ?, updated_at = ? WHERE id = ?`,
      );
      const leased: Array<LeasedJob<P>> = [];
      for (const row of rows) {
        const job = parseJob(kind, { ...row, attempts: row.attempts + 1, state: 'leased' });
        if (!job.ok) {
          // Written by an older version and unreadable now: set aside, not retried for ever.
          this.db
            .prepare(`UPDATE jobs SET state = 'dead', last_error = ?, updated_at = ? WHERE id = ?`)
            .run(job.error, now, row.id);
          continue;
        }
        const token = randomUUID();
        const until = now + options.leaseMs;
        update.run(token, until, now, row.id);
        leased.push({ ...job.job, leaseToken: token, leasedUntil: new Date(until) });
      }
      return leased;
    });
    return take.immediate();
  }

  private settleLeased(job: LeasedJob<unknown>, state: 'done' | 'dead', error: string | null) {
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = ?, last_error = COALESCE(?, last_error), lease_token = NULL,
             leased_until = NULL, updated_at = ? WHERE id = ? AND lease_token = ? AND state = 'leased'`,
        )
        .run(state, error, this.now(), job.id, job.leaseToken).changes === 1
    );
  }

  private settleKey(
    tx: SqliteTx,
    kind: JobKind<unknown>,
    key: string,
    state: 'done' | 'dead',
    error: string | null,
  ) {
    assertInTransaction(tx, this.db);
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = ?, last_error = COALESCE(?, last_error), lease_token = NULL,
             leased_until = NULL, updated_at = ? WHERE kind = ? AND key = ? AND state IN ('queued', 'leased')`,
        )
        .run(state, error, this.now(), kind.name, key).changes === 1
    );
  }
}

function toJob<P>(kind: JobKind<P>, row: JobRow): Job<P> {
  return jobOrThrow(kind, stored(row));
}

function parseJob<P>(kind: JobKind<P>, row: JobRow) {
  return readJob(kind, stored(row));
}

function stored(row: JobRow): StoredJob {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: JSON.parse(row.payload),
    state: row.state,
    attempts: row.attempts,
    runAt: new Date(row.run_at),
    lastError: row.last_error,
  };
}
