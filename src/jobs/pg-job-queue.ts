/**
 * The job queue on PostgreSQL, on pg-boss 10 (the line that runs on Node 20). pg-boss owns its
 * schema (created and migrated by `boss.start()` under its own advisory lock), enqueues with
 * `send` inside the caller's transaction (its `db` executor option), hands out due jobs with
 * `fetch … FOR UPDATE SKIP LOCKED`, and settles them with `complete` and `fail`; a job failed for
 * good is copied to the kind's dead-letter queue (`<kind>-dead`).
 *
 * Where the JobQueue interface asks for more than pg-boss's API gives, this works on pg-boss's own
 * tables (in its schema, columns as pg-boss 10 defines them), each time in one transaction:
 * - one live job per key: pg-boss's `singletonKey` deduplicates only per policy (one *queued*, or
 *   one *active*), so a partial unique index `job_live_key (name, singleton_key) WHERE state <
 *   'completed'` makes `send` a no-op (`ON CONFLICT DO NOTHING` → null) while one is queued or leased;
 * - leases: `leaseMs` is written to the job's `expire_in` when it is taken, the lease is
 *   `started_on + expire_in`, and a lease token is the take's `retry_count` (pg-boss adds one on
 *   every take after the first), so a worker whose lease was given to another cannot settle;
 * - an expired lease is handed out again at the next take, not only at pg-boss's next maintenance;
 * - `takeKey`, `find`, `nextDue`, `wakeAll` and settling by key are queries on those tables.
 * Retries are decided by the caller (`retryAt`, `deadLetter`), so pg-boss's own retry limit is set
 * out of reach and `fail` is followed by the time the caller chose.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { assertInPgTransaction, withTransaction, type PgTx } from '../store/pg/pg-database.js';
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

export interface PgJobQueueOptions {
  /** pg-boss's schema; default 'pgboss'. */
  schema?: string;
  /** Run pg-boss's maintenance (archiving, expiry, deletion) in this process; default true. */
  supervise?: boolean;
  /** Kinds to prepare at start, so the first enqueue inside a turn's transaction waits for none. */
  kinds?: ReadonlyArray<JobKind<unknown>>;
  /** pg-boss's background errors (maintenance); default: ignored. */
  onError?: (err: Error) => void;
}

// pg-boss must never retry or give up on its own: the caller decides (retryAt, deadLetter).
const RETRY_LIMIT = 1_000_000;
const DAY_S = 24 * 60 * 60;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// Second key of the advisory lock that instances starting on one schema take in turn.
const START_LOCK = 0x72_72_6a_71; // 'rrjq'

type BossState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

interface JobRow {
  id: string;
  key: string;
  data: { payload?: unknown } | null;
  state: BossState;
  retry_count: number;
  started: boolean;
  start_after: Date;
  leased_until: Date | null;
  last_error: string | null;
}

const COLUMNS = `id, singleton_key AS key, data, state::text AS state, retry_count,
  started_on IS NOT NULL AS started, start_after, started_on + expire_in AS leased_until,
  COALESCE(output->>'lastError', output->'value'->>'message') AS last_error`;

/** pg-boss's job states in the queue interface's words. */
export const STATES: Record<BossState, JobState> = {
  created: 'queued',
  retry: 'queued',
  active: 'leased',
  completed: 'done',
  cancelled: 'dead',
  failed: 'dead',
};

/**
 * Runs `work` while holding an advisory lock (on a connection of its own) that every instance
 * starting on this schema takes, so they start one after the other. pg-boss 10 guards its own
 * install with a lock too, but on a fresh database instances starting together still collide on
 * `CREATE SCHEMA IF NOT EXISTS` (duplicate key in pg_namespace: the check is not atomic), and the
 * live-key index below has the same race. Needs a pool of two connections or more.
 */
async function oneAtATime(pool: pg.Pool, schema: string, work: () => Promise<void>) {
  const lock = await pool.connect();
  let failed = false;
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1), $2)', [schema, START_LOCK]);
    await work();
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock(hashtext($1), $2)', [schema, START_LOCK])
      .catch(() => (failed = true));
    // A connection whose unlock did not get through is closed, which ends its lock.
    lock.release(failed);
  }
}

/** pg-boss's `db` option: its statements run on this client, inside its open transaction. */
function executor(tx: PgTx): PgBoss.Db {
  return { executeSql: (text, values) => tx.query(text, values) };
}

export class PgJobQueue implements JobQueue<PgTx> {
  private readonly kinds = new Map<string, Promise<void>>();
  private readonly job: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    schema: string,
  ) {
    this.job = `${schema}.job`;
  }

  /** Starts pg-boss on `pool` (creating or migrating its schema) and prepares the queue's index. */
  static async start(pool: pg.Pool, options: PgJobQueueOptions = {}): Promise<PgJobQueue> {
    const schema = options.schema ?? 'pgboss';
    if (!SCHEMA_NAME.test(schema)) throw new RangeError(`"${schema}" is not a plain schema name`);
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema,
      supervise: options.supervise ?? true,
      schedule: false,
      // Dead jobs stay beside the live ones for a month, where find() and people can see them.
      archiveFailedAfterSeconds: 30 * DAY_S,
    });
    boss.on('error', options.onError ?? (() => undefined));
    const queue = new PgJobQueue(pool, boss, schema);
    // Creating queues is DDL too: two instances doing it at once can deadlock each other.
    await oneAtATime(pool, schema, async () => {
      await boss.start();
      await queue.createLiveKeyIndex(schema);
      for (const kind of options.kinds ?? []) await queue.ensureKind(kind);
    });
    return queue;
  }

  /** Stops pg-boss's maintenance; the pool is the caller's to end. */
  async stop(): Promise<void> {
    await this.boss.stop({ close: false, graceful: false, wait: true });
  }

  async enqueue<P>(tx: PgTx, kind: JobKind<P>, job: NewJob<P>): Promise<boolean> {
    assertInPgTransaction(tx);
    const payload = kind.schema.parse(job.payload);
    await this.ensureKind(kind);
    const id = await this.boss.send(
      kind.name,
      // The key is in the data too, so a dead-letter copy (which pg-boss makes without it) says
      // which draft or person it was for.
      { key: job.key, payload },
      { singletonKey: job.key, ...(job.runAt ? { startAfter: job.runAt } : {}), db: executor(tx) },
    );
    return id !== null;
  }

  async take<P>(kind: JobKind<P>, options: TakeOptions): Promise<Array<LeasedJob<P>>> {
    await this.ensureKind(kind);
    return withTransaction(this.pool, async (tx) => {
      await this.reclaimExpired(tx, kind.name);
      let failure: Error | undefined;
      // pg-boss's fetch swallows its errors and answers []; keep them, so a failing database
      // is not mistaken for an empty queue.
      const fetched = await this.boss.fetch(kind.name, {
        batchSize: options.limit ?? 1,
        db: {
          executeSql: (text, values) =>
            tx.query(text, values).catch((err: Error) => {
              failure = err;
              throw err;
            }),
        },
      });
      if (failure) throw failure;
      if (fetched.length === 0) return [];
      const ids = fetched.map((job) => job.id);
      const { rows } = await tx.query<JobRow>(
        `UPDATE ${this.job} SET expire_in = $3 * interval '1 millisecond'
          WHERE name = $1 AND id = ANY($2::uuid[]) RETURNING ${COLUMNS}`,
        [kind.name, ids, options.leaseMs],
      );
      rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      return this.leased(tx, kind, rows);
    });
  }

  async takeKey<P>(
    kind: JobKind<P>,
    key: string,
    options: TakeOptions,
  ): Promise<LeasedJob<P> | undefined> {
    await this.ensureKind(kind);
    return withTransaction(this.pool, async (tx) => {
      await this.reclaimExpired(tx, kind.name);
      // What pg-boss's fetch does to the job it takes, for the one job with this key, due or not.
      const { rows } = await tx.query<JobRow>(
        `UPDATE ${this.job} SET state = 'active', started_on = now(),
           retry_count = CASE WHEN started_on IS NOT NULL THEN retry_count + 1 ELSE retry_count END,
           expire_in = $3 * interval '1 millisecond'
          WHERE name = $1 AND id = (
            SELECT id FROM ${this.job} WHERE name = $1 AND singleton_key = $2 AND state < 'active'
            LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING ${COLUMNS}`,
        [kind.name, key, options.leaseMs],
      );
      return (await this.leased(tx, kind, rows))[0];
    });
  }

  complete(job: LeasedJob<unknown>): Promise<boolean> {
    return this.settleLeased(job, async (tx, row) => {
      await this.boss.complete(job.kind, job.id, outputOf(row.last_error), { db: executor(tx) });
    });
  }

  async completeKey(tx: PgTx, kind: JobKind<unknown>, key: string): Promise<boolean> {
    const row = await this.lockLive(tx, kind, key);
    if (!row) return false;
    // pg-boss completes only an active job; one still queued is settled by the turn that filed
    // it, so it is made active first, in the same transaction (its attempts are left as they are).
    if (row.state !== 'active') {
      await tx.query(`UPDATE ${this.job} SET state = 'active' WHERE name = $1 AND id = $2`, [
        kind.name,
        row.id,
      ]);
    }
    await this.boss.complete(kind.name, row.id, outputOf(row.last_error), { db: executor(tx) });
    return true;
  }

  retryAt(job: LeasedJob<unknown>, at: Date, error: string): Promise<boolean> {
    return this.settleLeased(job, async (tx) => {
      await this.boss.fail(job.kind, job.id, outputOf(error), { db: executor(tx) });
      // pg-boss sets the retry at now() + retry_delay; the caller chose the time.
      await tx.query(`UPDATE ${this.job} SET start_after = $3 WHERE name = $1 AND id = $2`, [
        job.kind,
        job.id,
        at,
      ]);
    });
  }

  deadLetter(job: LeasedJob<unknown>, error: string): Promise<boolean> {
    return this.settleLeased(job, (tx, row) => this.markDead(tx, job.kind, row, error));
  }

  async deadLetterKey(
    tx: PgTx,
    kind: JobKind<unknown>,
    key: string,
    error: string,
  ): Promise<boolean> {
    const row = await this.lockLive(tx, kind, key);
    if (!row) return false;
    await this.markDead(tx, kind.name, row, error);
    return true;
  }

  async find<P>(kind: JobKind<P>, key: string): Promise<Job<P> | undefined> {
    await this.ensureKind(kind);
    // Settled jobs move to pg-boss's archive after a while, and are still found there.
    const { rows } = await this.pool.query<JobRow>(
      `SELECT * FROM (
         SELECT ${COLUMNS}, created_on FROM ${this.job} WHERE name = $1 AND singleton_key = $2
         UNION ALL
         SELECT ${COLUMNS}, created_on FROM ${this.job.replace(/job$/, 'archive')}
          WHERE name = $1 AND singleton_key = $2
       ) found ORDER BY created_on DESC LIMIT 1`,
      [kind.name, key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return jobOrThrow(kind, stored(kind, row));
  }

  /**
   * Makes every waiting job of a kind due now, and hands out those whose lease has expired.
   * Unlike SQLite's (one bot process, so any lease at start-up is a dead process's), a lease that
   * has not expired is left alone: on PostgreSQL it may be held by another instance that is alive,
   * and the lease running out is how a dead instance's job is noticed.
   */
  async wakeAll(kind: JobKind<unknown>): Promise<number> {
    await this.ensureKind(kind);
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.job} SET start_after = LEAST(start_after, now()),
         state = CASE WHEN state = 'active' THEN 'retry' ELSE state END
        WHERE name = $1 AND (state < 'active'
          OR (state = 'active' AND started_on + expire_in <= now()))`,
      [kind.name],
    );
    return rowCount ?? 0;
  }

  async nextDue(kind: JobKind<unknown>): Promise<Date | undefined> {
    await this.ensureKind(kind);
    const { rows } = await this.pool.query<{ due: Date | null }>(
      `SELECT MIN(CASE WHEN state = 'active' THEN started_on + expire_in ELSE start_after END) AS due
         FROM ${this.job} WHERE name = $1 AND state < 'completed'`,
      [kind.name],
    );
    return rows[0]?.due ?? undefined;
  }

  /** A kind is a pg-boss queue, with a dead-letter queue beside it; created once, by any instance. */
  private ensureKind(kind: JobKind<unknown>): Promise<void> {
    let ready = this.kinds.get(kind.name);
    if (!ready) {
      const dead = `${kind.name}-dead`;
      ready = (async () => {
        await this.boss.createQueue(dead, { name: dead });
        await this.boss.createQueue(kind.name, {
          name: kind.name,
          retryLimit: RETRY_LIMIT,
          retryDelay: 0,
          deadLetter: dead,
          // A job waiting for its time (a reminder, a retry) is not archived before a year.
          retentionMinutes: 365 * 24 * 60,
        });
      })();
      // A failure is not cached: the next call tries again.
      ready.catch(() => this.kinds.delete(kind.name));
      this.kinds.set(kind.name, ready);
    }
    return ready;
  }

  private async createLiveKeyIndex(schema: string): Promise<void> {
    const { rows } = await this.pool.query<{ found: string | null }>(
      'SELECT to_regclass($1)::text AS found',
      [`${schema}.job_live_key`],
    );
    if (rows[0]?.found) return;
    await this.pool.query(
      `CREATE UNIQUE INDEX job_live_key ON ${this.job} (name, singleton_key)
         WHERE state < 'completed'`,
    );
  }

  /** Leases that ran out go back to the queue, due at once; rows another take holds are skipped. */
  private async reclaimExpired(tx: PgTx, name: string): Promise<void> {
    await tx.query(
      `UPDATE ${this.job} SET state = 'retry', start_after = LEAST(start_after, now())
        WHERE name = $1 AND id IN (
          SELECT id FROM ${this.job} WHERE name = $1 AND state = 'active'
             AND started_on + expire_in <= now()
          FOR UPDATE SKIP LOCKED)`,
      [name],
    );
  }

  /** Taken rows as leased jobs; one whose payload no longer reads is dead-lettered instead. */
  private async leased<P>(tx: PgTx, kind: JobKind<P>, rows: JobRow[]) {
    const jobs: Array<LeasedJob<P>> = [];
    for (const row of rows) {
      const parsed = toJob(kind, row);
      if (!parsed.ok) {
        // Written by an older version and unreadable now: set aside, not retried for ever.
        await this.markDead(tx, kind.name, row, parsed.error);
        continue;
      }
      jobs.push({
        ...parsed.job,
        leaseToken: String(row.retry_count),
        leasedUntil: row.leased_until ?? new Date(),
      });
    }
    return jobs;
  }

  /** Runs `settle` on the job only while this worker's take is still the job's latest. */
  private settleLeased(
    job: LeasedJob<unknown>,
    settle: (tx: PgTx, row: JobRow) => Promise<void>,
  ): Promise<boolean> {
    return withTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `SELECT ${COLUMNS} FROM ${this.job}
          WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count::text = $3 FOR UPDATE`,
        [job.kind, job.id, job.leaseToken],
      );
      const row = rows[0];
      if (!row) return false;
      await settle(tx, row);
      return true;
    });
  }

  private async lockLive(tx: PgTx, kind: JobKind<unknown>, key: string) {
    assertInPgTransaction(tx);
    const { rows } = await tx.query<JobRow>(
      `SELECT ${COLUMNS} FROM ${this.job}
        WHERE name = $1 AND singleton_key = $2 AND state < 'completed' FOR UPDATE`,
      [kind.name, key],
    );
    return rows[0];
  }

  /** Failed for good: pg-boss marks it failed and copies it to the dead-letter queue. */
  private async markDead(tx: PgTx, name: string, row: JobRow, error: string): Promise<void> {
    await tx.query(`UPDATE ${this.job} SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
      name,
      row.id,
    ]);
    await this.boss.fail(name, row.id, outputOf(error), { db: executor(tx) });
  }
}

/** pg-boss's `output` of a settled job: where the last error is kept. */
function outputOf(error: string | null): object {
  return error === null ? {} : { lastError: error };
}

function toJob<P>(kind: JobKind<P>, row: JobRow) {
  return readJob(kind, stored(kind, row));
}

function stored(kind: JobKind<unknown>, row: JobRow): StoredJob {
  return {
    id: row.id,
    kind: kind.name,
    key: row.key,
    payload: row.data?.payload,
    state: STATES[row.state],
    // Every take after the first adds one to retry_count.
    attempts: row.state === 'active' || row.started ? row.retry_count + 1 : 0,
    runAt: row.start_after,
    lastError: row.last_error,
  };
}
