/**
 * What every JobQueue promises (src/jobs/job-queue.ts), run against the SQLite queue
 * (job-queue.test.ts) and the PostgreSQL one on pg-boss (pg-job-queue.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Awaitable, JobKind, JobQueue, JobState } from '../../src/jobs/job-queue.js';

export interface QueueHarness<Tx> {
  queue: JobQueue<Tx>;
  /** A kind no other test uses. */
  kind: JobKind<{ n: number }>;
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  inTx: <T>(work: (tx: Tx) => Awaitable<T>) => Promise<T>;
  /** Runs `work` on a handle with no transaction open. */
  outsideTx: <T>(work: (tx: Tx) => Awaitable<T>) => Promise<T>;
  /** The queue's time (ms); `tick` moves it on. */
  now: () => number;
  tick: (ms: number) => Promise<void>;
  /** Rewrites every stored payload of the kind, as an older version might have left it. */
  corruptPayloads: (json: string) => Promise<void>;
  /** The states of the kind's jobs, read from the tables. */
  states: () => Promise<JobState[]>;
}

export interface QueueContractOptions {
  /**
   * One process owns every lease (SQLite), so wakeAll at start-up frees leases that have not run
   * out. With several instances (PostgreSQL) a lease may be a live instance's and is left alone.
   */
  wakeAllFreesLiveLeases: boolean;
}

export function jobQueueContract<Tx>(
  name: string,
  setup: () => Promise<QueueHarness<Tx>>,
  options: QueueContractOptions,
): void {
  describe(`${name}: job queue contract`, () => {
    it('keeps a job only when the transaction that enqueued it commits', async () => {
      const { queue, kind, inTx } = await setup();
      await expect(
        inTx(async (tx) => {
          await queue.enqueue(tx, kind, { key: 'a', payload: { n: 1 } });
          throw new Error('the state write failed');
        }),
      ).rejects.toThrow('the state write failed');
      expect(await queue.find(kind, 'a')).toBeUndefined();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'a', payload: { n: 1 } }));
      expect(await queue.find(kind, 'a')).toMatchObject({ state: 'queued', payload: { n: 1 } });
    });

    it('refuses to enqueue outside a transaction and checks the payload against its kind', async () => {
      const { queue, kind, inTx, outsideTx } = await setup();
      await expect(
        outsideTx((tx) => queue.enqueue(tx, kind, { key: 'a', payload: { n: 1 } })),
      ).rejects.toThrow(/open transaction/);
      const bad = { key: 'a', payload: { n: 'x' as unknown as number } };
      await expect(inTx((tx) => queue.enqueue(tx, kind, bad))).rejects.toThrow();
      expect(await queue.find(kind, 'a')).toBeUndefined();
    });

    it('deduplicates live jobs by key, and a settled key can be enqueued again', async () => {
      const { queue, kind, inTx } = await setup();
      const enqueue = (n: number) =>
        inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n } }));
      expect(await enqueue(1)).toBe(true);
      expect(await enqueue(2)).toBe(false);
      const [job] = await queue.take(kind, { leaseMs: 60_000 });
      expect(job?.payload).toEqual({ n: 1 });
      // Leased is live too.
      expect(await enqueue(3)).toBe(false);
      expect(await queue.complete(job!)).toBe(true);
      expect(await enqueue(4)).toBe(true);
      expect(await queue.find(kind, 'k')).toMatchObject({ state: 'queued', payload: { n: 4 } });
    });

    it('lets one of two transactions enqueueing the same key at once win', async () => {
      const { queue, kind, inTx } = await setup();
      const results = await Promise.all(
        [1, 2, 3].map((n) => inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n } }))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await queue.take(kind, { leaseMs: 60_000, limit: 5 })).toHaveLength(1);
    });

    it('leases a job to one taker until its visibility timeout, then gives it out again', async () => {
      const { queue, kind, inTx, tick } = await setup();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n: 1 } }));
      const [first] = await queue.take(kind, { leaseMs: 60_000 });
      expect(first).toMatchObject({ attempts: 1, state: 'leased' });
      expect(await queue.take(kind, { leaseMs: 60_000 })).toEqual([]);
      await tick(60_000);
      const [again] = await queue.take(kind, { leaseMs: 60_000 });
      expect(again?.attempts).toBe(2);
      // The first taker's lease is gone: it can no longer settle the job.
      expect(await queue.complete(first!)).toBe(false);
      expect(await queue.retryAt(first!, new Date(), 'late')).toBe(false);
      expect(await queue.deadLetter(first!, 'late')).toBe(false);
      expect(await queue.complete(again!)).toBe(true);
      expect(await queue.find(kind, 'k')).toMatchObject({ state: 'done', attempts: 2 });
    });

    it('never gives one job to two workers taking at once', async () => {
      const { queue, kind, inTx } = await setup();
      for (let n = 0; n < 12; n++)
        await inTx((tx) => queue.enqueue(tx, kind, { key: `k${n}`, payload: { n } }));
      const batches = await Promise.all(
        [1, 2, 3, 4].map(() => queue.take(kind, { leaseMs: 60_000, limit: 5 })),
      );
      const taken = batches.flat().map((job) => job.payload.n);
      expect(new Set(taken).size).toBe(taken.length);
      const rest = await queue.take(kind, { leaseMs: 60_000, limit: 20 });
      expect([...taken, ...rest.map((job) => job.payload.n)].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, n) => n),
      );
    });

    it('retries at the time given, keeping the error, and dead-letters for good', async () => {
      const { queue, kind, inTx, tick, now } = await setup();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n: 1 } }));
      const [job] = await queue.take(kind, { leaseMs: 60_000 });
      const due = new Date(now() + 5000);
      expect(await queue.retryAt(job!, due, 'claims API down')).toBe(true);
      expect(await queue.nextDue(kind)).toEqual(due);
      expect(await queue.find(kind, 'k')).toMatchObject({ state: 'queued', runAt: due });
      expect(await queue.take(kind, { leaseMs: 1000 })).toEqual([]);
      await tick(5000);
      const [retried] = await queue.take(kind, { leaseMs: 1000 });
      expect(retried).toMatchObject({ attempts: 2, lastError: 'claims API down' });
      expect(await queue.deadLetter(retried!, 'refused: 422')).toBe(true);
      await tick(60_000);
      expect(await queue.take(kind, { leaseMs: 1000 })).toEqual([]);
      expect(await queue.nextDue(kind)).toBeUndefined();
      expect(await queue.find(kind, 'k')).toMatchObject({
        state: 'dead',
        lastError: 'refused: 422',
      });
    });

    it('gives a job to the turn that enqueued it before it is due, but not while leased', async () => {
      const { queue, kind, inTx, now } = await setup();
      await inTx((tx) =>
        queue.enqueue(tx, kind, { key: 'k', payload: { n: 1 }, runAt: new Date(now() + 60_000) }),
      );
      expect(await queue.take(kind, { leaseMs: 1000 })).toEqual([]);
      const taken = await queue.takeKey(kind, 'k', { leaseMs: 1000 });
      expect(taken).toMatchObject({ payload: { n: 1 }, attempts: 1 });
      expect(await queue.takeKey(kind, 'k', { leaseMs: 1000 })).toBeUndefined();
      expect(await queue.takeKey(kind, 'other', { leaseMs: 1000 })).toBeUndefined();
    });

    it('settles by key inside the transaction of the outcome, whoever holds the lease', async () => {
      const { queue, kind, inTx } = await setup();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n: 1 } }));
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'queued', payload: { n: 2 } }));
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'refused', payload: { n: 3 } }));
      await queue.takeKey(kind, 'k', { leaseMs: 60_000 });
      expect(await inTx((tx) => queue.completeKey(tx, kind, 'k'))).toBe(true);
      expect(await inTx((tx) => queue.completeKey(tx, kind, 'k'))).toBe(false);
      expect(await queue.find(kind, 'k')).toMatchObject({ state: 'done' });
      // A job no worker took yet is settled just the same.
      expect(await inTx((tx) => queue.completeKey(tx, kind, 'queued'))).toBe(true);
      expect(await queue.find(kind, 'queued')).toMatchObject({ state: 'done', attempts: 0 });
      // Rolled back with the transaction.
      await expect(
        inTx(async (tx) => {
          await queue.deadLetterKey(tx, kind, 'refused', 'refused: 422');
          throw new Error('the state write failed');
        }),
      ).rejects.toThrow();
      expect(await queue.find(kind, 'refused')).toMatchObject({ state: 'queued' });
      expect(await inTx((tx) => queue.deadLetterKey(tx, kind, 'refused', 'refused: 422'))).toBe(
        true,
      );
      expect(await queue.find(kind, 'refused')).toMatchObject({
        state: 'dead',
        lastError: 'refused: 422',
      });
      expect(await queue.take(kind, { leaseMs: 1000, limit: 5 })).toEqual([]);
    });

    it('hands out the jobs of a process that died when asked at start-up', async () => {
      const { queue, kind, inTx, tick } = await setup();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'k', payload: { n: 1 } }));
      await inTx((tx) =>
        queue.enqueue(tx, kind, { key: 'later', payload: { n: 2 }, runAt: new Date(9e12) }),
      );
      await queue.take(kind, { leaseMs: 600_000 });
      expect(await queue.take(kind, { leaseMs: 1000 })).toEqual([]);
      if (options.wakeAllFreesLiveLeases) {
        expect(await queue.wakeAll(kind)).toBe(2);
        expect(await queue.take(kind, { leaseMs: 1000, limit: 5 })).toHaveLength(2);
        return;
      }
      // The waiting job is due now; the lease, perhaps another live instance's, runs its course.
      expect(await queue.wakeAll(kind)).toBe(1);
      const woken = await queue.take(kind, { leaseMs: 1000, limit: 5 });
      expect(woken.map((job) => job.key)).toEqual(['later']);
      await queue.complete(woken[0]!);
      await tick(600_000);
      expect(await queue.wakeAll(kind)).toBe(1);
      const freed = await queue.take(kind, { leaseMs: 1000, limit: 5 });
      expect(freed.map((job) => job.key)).toEqual(['k']);
    });

    it('tells when the next job is due, a leased one when its lease runs out', async () => {
      const { queue, kind, inTx, now } = await setup();
      expect(await queue.nextDue(kind)).toBeUndefined();
      const later = new Date(now() + 120_000);
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'a', payload: { n: 1 }, runAt: later }));
      expect(await queue.nextDue(kind)).toEqual(later);
      const leased = await queue.takeKey(kind, 'a', { leaseMs: 30_000 });
      expect(await queue.nextDue(kind)).toEqual(leased?.leasedUntil);
      expect(leased!.leasedUntil.getTime()).toBeLessThan(later.getTime());
    });

    it('sets aside a job whose payload no longer reads instead of failing every take', async () => {
      const { queue, kind, inTx, corruptPayloads, states } = await setup();
      await inTx((tx) => queue.enqueue(tx, kind, { key: 'old', payload: { n: 1 } }));
      await corruptPayloads('{"n":"one"}');
      expect(await queue.take(kind, { leaseMs: 1000 })).toEqual([]);
      expect(await states()).toEqual(['dead']);
    });
  });
}
