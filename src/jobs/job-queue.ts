/**
 * A small durable job queue: work that must survive a crash (filing a claim, later reading
 * receipts, notifications and reminders) is written as a job in the same transaction as the state
 * change that asks for it, then taken by a worker under a lease, and completed, retried later or
 * dead-lettered.
 *
 * The interface is what a PostgreSQL queue (pg-boss: `send` with a `db` executor in the caller's
 * transaction, `fetch`, `complete`, `fail` with `retryDelay`, dead-letter queues) offers, so the
 * scale-out issue can put one behind it; `SqliteJobQueue` implements it on the bot's database.
 * `Tx` is the backend's transaction handle: a job enqueued with it exists only if that
 * transaction commits.
 */
import type { z } from 'zod';

export type Awaitable<T> = T | Promise<T>;

/** A kind of job and the zod schema of its payload: every payload is checked going in and out. */
export interface JobKind<P> {
  readonly name: string;
  readonly schema: z.ZodType<P>;
}

export function jobKind<P>(name: string, schema: z.ZodType<P>): JobKind<P> {
  return { name, schema };
}

export interface NewJob<P> {
  /**
   * Deduplication key: while a job of this kind and key is queued or leased, enqueueing another
   * is a no-op. A claim uses its draft id, which is also its Idempotency-Key at the claims API.
   */
  key: string;
  payload: P;
  /** Not before this time; default now. */
  runAt?: Date;
}

export type JobState = 'queued' | 'leased' | 'done' | 'dead';

export interface Job<P> {
  id: string;
  kind: string;
  key: string;
  payload: P;
  state: JobState;
  /** How many times it was taken (a take counts, whether it then succeeded or not). */
  attempts: number;
  runAt: Date;
  /** The error of the last failed attempt, or why it was dead-lettered. */
  lastError?: string;
}

/** A job taken by a worker: the lease token proves it is still this worker's to settle. */
export interface LeasedJob<P> extends Job<P> {
  leaseToken: string;
  leasedUntil: Date;
}

export interface TakeOptions {
  /** The visibility timeout: a worker that dies leaves the job to be taken again after it. */
  leaseMs: number;
  /** At most this many jobs; default 1. */
  limit?: number;
}

export interface JobQueue<Tx> {
  /** In the caller's transaction; false when a live job with the same kind and key exists. */
  enqueue<P>(tx: Tx, kind: JobKind<P>, job: NewJob<P>): Awaitable<boolean>;
  /** Due jobs of a kind (queued and due, or leased with an expired lease), oldest first. */
  take<P>(kind: JobKind<P>, options: TakeOptions): Promise<Array<LeasedJob<P>>>;
  /**
   * The live job with this key, due or not, unless a worker holds its lease: the turn that
   * enqueued a job runs it at once, and a job enqueued with a later `runAt` waits for workers.
   */
  takeKey<P>(
    kind: JobKind<P>,
    key: string,
    options: TakeOptions,
  ): Promise<LeasedJob<P> | undefined>;
  /**
   * Done. With a transaction, by key and within it (the outcome is recorded in the same commit
   * as the state it changes); without, only while the lease is still this worker's.
   */
  complete(job: LeasedJob<unknown>): Promise<boolean>;
  completeKey(tx: Tx, kind: JobKind<unknown>, key: string): Awaitable<boolean>;
  /** Failed this time: back to the queue, due at `at`, with the error kept. */
  retryAt(job: LeasedJob<unknown>, at: Date, error: string): Promise<boolean>;
  /** Will never succeed: kept aside with the reason, never taken again. */
  deadLetter(job: LeasedJob<unknown>, error: string): Promise<boolean>;
  deadLetterKey(tx: Tx, kind: JobKind<unknown>, key: string, error: string): Awaitable<boolean>;
  /** The newest job of a kind with this key, live or settled. */
  find<P>(kind: JobKind<P>, key: string): Promise<Job<P> | undefined>;
  /**
   * Makes every live job of a kind due now, leased or waiting: at start-up, when the process that
   * held the leases or meant to run the jobs itself is gone (SQLite runs one bot process).
   */
  wakeAll(kind: JobKind<unknown>): Promise<number>;
  /** When the next job of a kind is due, so a worker can sleep until then. */
  nextDue(kind: JobKind<unknown>): Promise<Date | undefined>;
}
