/**
 * The PostgreSQL job queue (pg-boss 10) against the queue contract, plus what only it has: jobs
 * dead-lettered into pg-boss's dead-letter queue, and several queues (instances) on one database.
 *
 * Time: pg-boss compares with the server's now(), which a test cannot move, so `tick(ms)` moves
 * the kind's stored times back by `ms` instead (start_after, started_on, created_on): to every
 * query the jobs are then `ms` older, as if that much time had passed.
 */
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { jobKind } from '../src/jobs/job-queue.js';
import { PgJobQueue, STATES } from '../src/jobs/pg-job-queue.js';
import { withTransaction, type PgTx } from '../src/store/pg/pg-database.js';
import { jobQueueContract } from './contracts/job-queue-contract.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

describePg('PostgreSQL job queue on pg-boss', () => {
  let db: TestSchemas;
  let pool: pg.Pool;
  let queue: PgJobQueue;
  let kinds = 0;

  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'jobs');
    pool = db.open(8);
    queue = await PgJobQueue.start(pool, { schema: db.bossSchema, supervise: false });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.dispose();
  });

  const job = () => `${db.bossSchema}.job`;

  jobQueueContract(
    'PostgreSQL',
    () => {
      // One pg-boss schema for the file; every test its own kind, i.e. its own pg-boss queue.
      const kind = jobKind(`ping-${++kinds}`, z.object({ n: z.number() }));
      const inTx = <T>(work: (tx: PgTx) => T | Promise<T>) =>
        withTransaction(pool, async (tx) => work(tx));
      return Promise.resolve({
        queue,
        kind,
        inTx,
        async outsideTx(work) {
          const client = await pool.connect();
          try {
            return await work(client);
          } finally {
            client.release();
          }
        },
        now: () => Date.now(),
        async tick(ms: number) {
          await pool.query(
            `UPDATE ${job()} SET start_after = start_after - $2 * interval '1 millisecond',
               started_on = started_on - $2 * interval '1 millisecond',
               created_on = created_on - $2 * interval '1 millisecond'
              WHERE name = $1`,
            [kind.name, ms],
          );
        },
        async corruptPayloads(json: string) {
          await pool.query(
            `UPDATE ${job()} SET data = jsonb_set(data, '{payload}', $2::jsonb) WHERE name = $1`,
            [kind.name, json],
          );
        },
        async states() {
          const { rows } = await pool.query<{ state: string }>(
            `SELECT state::text FROM ${job()} WHERE name = $1`,
            [kind.name],
          );
          return rows.map((row) => STATES[row.state as keyof typeof STATES]);
        },
      });
    },
    { wakeAllFreesLiveLeases: false },
  );

  it("copies a dead job, with its key and the reason, into the kind's dead-letter queue", async () => {
    const kind = jobKind('deliver', z.object({ to: z.string() }));
    await withTransaction(pool, (tx) =>
      queue.enqueue(tx, kind, { key: 'draft-7', payload: { to: 'kari' } }),
    );
    const [taken] = await queue.take(kind, { leaseMs: 60_000 });
    await queue.deadLetter(taken!, 'refused: 422');
    const { rows } = await pool.query<{ data: unknown; output: unknown }>(
      `SELECT data, output FROM ${job()} WHERE name = 'deliver-dead'`,
    );
    expect(rows).toEqual([
      {
        data: { key: 'draft-7', payload: { to: 'kari' } },
        output: { lastError: 'refused: 422' },
      },
    ]);
  });

  it('serves several instances started together on a fresh database, each job taken once', async () => {
    // pg-boss's own install races when instances start together on a fresh schema; they must not.
    const schema = `${db.bossSchema}2`;
    const pools = [1, 2, 3, 4].map(() => db.open(4));
    // Connected beforehand, so the starts really do overlap.
    await Promise.all(pools.map((each) => each.query('SELECT 1')));
    const instances = await Promise.all(
      pools.map((each) => PgJobQueue.start(each, { schema, supervise: false })),
    );
    try {
      const kind = jobKind('shared', z.object({ n: z.number() }));
      await withTransaction(pool, async (tx) => {
        for (let n = 0; n < 30; n++)
          await instances[n % 4]!.enqueue(tx, kind, { key: `k${n}`, payload: { n } });
      });
      const taken: number[] = [];
      await Promise.all(
        instances.map(async (instance) => {
          for (;;) {
            const jobs = await instance.take(kind, { leaseMs: 60_000, limit: 4 });
            if (jobs.length === 0) return;
            for (const one of jobs) {
              taken.push(one.payload.n);
              expect(await instance.complete(one)).toBe(true);
            }
          }
        }),
      );
      expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});
