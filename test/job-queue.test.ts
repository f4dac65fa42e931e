import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backoffDelay } from '../src/jobs/backoff.js';
import { jobKind } from '../src/jobs/job-queue.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { openDatabase, type SqliteTx } from '../src/store/sqlite-database.js';

const ping = jobKind('ping', z.object({ n: z.number() }));

function setup() {
  const db = openDatabase(':memory:');
  let now = 1_000_000;
  const queue = new SqliteJobQueue(db, { now: () => now });
  const inTx = <T>(work: (tx: SqliteTx) => T) => db.transaction(() => work({ db }))();
  return { db, queue, inTx, tick: (ms: number) => (now += ms), at: () => now };
}

describe('the SQLite job queue', () => {
  it('keeps a job only when the transaction that enqueued it commits', async () => {
    const { queue, inTx } = setup();
    expect(() =>
      inTx((tx) => {
        queue.enqueue(tx, ping, { key: 'a', payload: { n: 1 } });
        throw new Error('the state write failed');
      }),
    ).toThrow('the state write failed');
    expect(await queue.find(ping, 'a')).toBeUndefined();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'a', payload: { n: 1 } }));
    expect(await queue.find(ping, 'a')).toMatchObject({ state: 'queued', payload: { n: 1 } });
  });

  it('refuses to enqueue outside a transaction and checks the payload against its kind', () => {
    const { db, queue, inTx } = setup();
    expect(() => queue.enqueue({ db }, ping, { key: 'a', payload: { n: 1 } })).toThrow(
      /open transaction/,
    );
    expect(() =>
      inTx((tx) => queue.enqueue(tx, ping, { key: 'a', payload: { n: 'x' as unknown as number } })),
    ).toThrow();
  });

  it('deduplicates live jobs by key, and a settled key can be enqueued again', async () => {
    const { queue, inTx } = setup();
    expect(inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 } }))).toBe(true);
    expect(inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 2 } }))).toBe(false);
    const [job] = await queue.take(ping, { leaseMs: 1000 });
    expect(job?.payload).toEqual({ n: 1 });
    expect(await queue.complete(job!)).toBe(true);
    expect(inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 3 } }))).toBe(true);
  });

  it('leases a job to one taker until its visibility timeout, then gives it out again', async () => {
    const { queue, inTx, tick } = setup();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 } }));
    const [first] = await queue.take(ping, { leaseMs: 1000 });
    expect(first?.attempts).toBe(1);
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    tick(1000);
    const [again] = await queue.take(ping, { leaseMs: 1000 });
    expect(again?.attempts).toBe(2);
    // The first taker's lease is gone: it can no longer settle the job.
    expect(await queue.complete(first!)).toBe(false);
    expect(await queue.complete(again!)).toBe(true);
  });

  it('retries at the time given, keeping the error, and dead-letters for good', async () => {
    const { queue, inTx, tick, at } = setup();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 } }));
    const [job] = await queue.take(ping, { leaseMs: 60_000 });
    await queue.retryAt(job!, new Date(at() + 5000), 'claims API down');
    expect(await queue.nextDue(ping)).toEqual(new Date(at() + 5000));
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    tick(5000);
    const [retried] = await queue.take(ping, { leaseMs: 1000 });
    expect(retried).toMatchObject({ attempts: 2, lastError: 'claims API down' });
    await queue.deadLetter(retried!, 'refused: 422');
    tick(60_000);
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    expect(await queue.find(ping, 'k')).toMatchObject({ state: 'dead', lastError: 'refused: 422' });
  });

  it('gives a job to the turn that enqueued it before it is due, but not while leased', async () => {
    const { queue, inTx, at } = setup();
    inTx((tx) =>
      queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 }, runAt: new Date(at() + 60_000) }),
    );
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    const now = await queue.takeKey(ping, 'k', { leaseMs: 1000 });
    expect(now?.payload).toEqual({ n: 1 });
    expect(await queue.takeKey(ping, 'k', { leaseMs: 1000 })).toBeUndefined();
  });

  it('settles by key inside the transaction of the outcome, whoever holds the lease', async () => {
    const { queue, inTx } = setup();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 } }));
    await queue.take(ping, { leaseMs: 60_000 });
    expect(inTx((tx) => queue.completeKey(tx, ping, 'k'))).toBe(true);
    expect(await queue.find(ping, 'k')).toMatchObject({ state: 'done' });
  });

  it('hands out the jobs of a process that died when asked at start-up', async () => {
    const { queue, inTx } = setup();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'k', payload: { n: 1 } }));
    inTx((tx) =>
      queue.enqueue(tx, ping, { key: 'later', payload: { n: 2 }, runAt: new Date(9e12) }),
    );
    await queue.take(ping, { leaseMs: 600_000 });
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    expect(await queue.wakeAll(ping)).toBe(2);
    expect(await queue.take(ping, { leaseMs: 1000, limit: 5 })).toHaveLength(2);
  });

  it('sets aside a job whose payload no longer reads instead of failing every take', async () => {
    const { db, queue, inTx } = setup();
    inTx((tx) => queue.enqueue(tx, ping, { key: 'old', payload: { n: 1 } }));
    db.prepare(`UPDATE jobs SET payload = '{"n":"one"}'`).run();
    expect(await queue.take(ping, { leaseMs: 1000 })).toEqual([]);
    expect((await db.prepare(`SELECT state FROM jobs`).get()) as object).toEqual({ state: 'dead' });
  });
});

describe('backoff', () => {
  const opts = { baseMs: 1000, maxMs: 60_000 };
  it('grows exponentially with jitter, capped, never zero', () => {
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(1000);
    expect(backoffDelay(4, { ...opts, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(20, { ...opts, random: () => 0.999 })).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(20, { ...opts, random: () => 0.999 })).toBeGreaterThan(59_000);
  });
  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(1, { ...opts, random: () => 0 }, 30_000)).toBe(30_000);
    expect(backoffDelay(7, { ...opts, random: () => 0.99 }, 10)).toBeGreaterThan(10);
  });
});
