import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backoffDelay } from '../src/jobs/backoff.js';
import { jobKind, type JobState } from '../src/jobs/job-queue.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { openDatabase, type SqliteTx } from '../src/store/sqlite-database.js';
import { jobQueueContract } from './contracts/job-queue-contract.js';

jobQueueContract(
  'SQLite',
  () => {
    const db = openDatabase(':memory:');
    let now = 1_000_000;
    const queue = new SqliteJobQueue(db, { now: () => now });
    // One connection holds one transaction at a time: transactions asked for at once take turns.
    let turn: Promise<unknown> = Promise.resolve();
    const inTx = <T>(work: (tx: SqliteTx) => T | Promise<T>): Promise<T> => {
      const run = turn.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work({ db });
          db.exec('COMMIT');
          return result;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      });
      turn = run.catch(() => undefined);
      return run;
    };
    return Promise.resolve({
      queue,
      kind: jobKind('ping', z.object({ n: z.number() })),
      inTx,
      outsideTx: async (work) => work({ db }),
      now: () => now,
      tick: (ms: number) => Promise.resolve(void (now += ms)),
      corruptPayloads: (json: string) =>
        Promise.resolve(void db.prepare('UPDATE jobs SET payload = ?').run(json)),
      states: () =>
        Promise.resolve(db.prepare('SELECT state FROM jobs').pluck().all() as JobState[]),
    });
  },
  { wakeAllFreesLiveLeases: true },
);

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
