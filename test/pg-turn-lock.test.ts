/**
 * The per-person turn lock across instances (src/store/pg/pg-turn-lock.ts): two "instances" with
 * pools of their own on one server. On a real server (test/helpers/pg-test-database.ts says which,
 * and when this file skips).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../src/store/pg/migrate.js';
import { openPool } from '../src/store/pg/pg-database.js';
import { PgStorage } from '../src/store/pg/pg-storage.js';
import { PgTurnLock } from '../src/store/pg/pg-turn-lock.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

const logger = pino({ level: 'silent' });

describePg('the turn lock on PostgreSQL', () => {
  let db: TestSchemas;
  let a: PgTurnLock;
  let b: PgTurnLock;
  let poolA: pg.Pool;
  // A turn takes its lock with its first read of the person's state.
  let storage: PgStorage;

  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'turn_lock');
    poolA = db.open(4);
    await migrate(poolA);
    a = new PgTurnLock(poolA, logger);
    b = new PgTurnLock(db.open(4), logger);
    storage = new PgStorage(poolA);
  });
  afterAll(() => db?.dispose());

  /** Runs `n` turns of `keyOf(i)`, alternately on a and b, each noting when it ran. */
  async function turns(n: number, keyOf: (i: number) => string) {
    const spans: Array<{ key: string; from: number; to: number }> = [];
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 ? b : a).run(keyOf(i), async () => {
          await storage.read([keyOf(i)]);
          const from = performance.now();
          await sleep(15);
          spans.push({ key: keyOf(i), from, to: performance.now() });
        }),
      ),
    );
    return spans;
  }

  const overlaps = (spans: Array<{ key: string; from: number; to: number }>) =>
    spans.some((s, i) =>
      spans.some((t, j) => i !== j && s.key === t.key && s.from < t.to && t.from < s.to),
    );

  it("one person's turns on two instances never run at the same time", async () => {
    const spans = await turns(10, () => 'users/kari');
    expect(spans).toHaveLength(10);
    expect(overlaps(spans)).toBe(false);
  });

  it("different people's turns do run side by side", async () => {
    const spans = await turns(4, (i) => `users/person-${i}`);
    const first = Math.min(...spans.map((s) => s.to));
    expect(spans.filter((s) => s.from < first)).toHaveLength(4);
  });

  it('the lock is free again after a turn that threw', async () => {
    await expect(
      a.run('users/per', async () => {
        await storage.read(['users/per']);
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    const { rows } = await poolA.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted",
    );
    expect(Number(rows[0]?.n)).toBe(0);
    await expect(b.run('users/per', () => Promise.resolve('ran'))).resolves.toBe('ran');
  });

  it('without a connection for the lock the turn still runs, on versions alone', async () => {
    const broken = openPool(testDatabaseUrl(), { max: 1 });
    await broken.end();
    await expect(
      new PgTurnLock(broken, logger).run('users/ola', () => Promise.resolve('ran')),
    ).resolves.toBe('ran');
  });

  it('a turn stuck holding the lock delays another by the lock timeout, then it runs anyway', async () => {
    const pool = openPool(testDatabaseUrl(), { schema: db.schema, max: 1, lockTimeoutMs: 200 });
    const impatient = new PgTurnLock(pool, logger);
    let release = () => undefined as void;
    const stuck = a.run('users/siri', async () => {
      await storage.read(['users/siri']);
      await new Promise<void>((r) => (release = r));
    });
    await sleep(50);
    const started = performance.now();
    const reading = impatient.run('users/siri', async () => {
      await storage.read(['users/siri']);
      return 'ran';
    });
    await expect(reading).resolves.toBe('ran');
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    release();
    await stuck;
    await pool.end();
  });

  it("a turn reads and writes the person's state inside its lock", async () => {
    await a.run('users/eva', async () => {
      const found = await storage.read(['users/eva']);
      expect(found).toEqual({});
      await storage.write({ 'users/eva': { state: { n: 1 }, eTag: '*' } });
    });
    expect(await storage.read(['users/eva'])).toMatchObject({ 'users/eva': { state: { n: 1 } } });
  });

  it('a lock connection dropped during a turn ends neither the turn nor the process', async () => {
    // The pool stops listening to a client it lends; without a listener of our own the dropped
    // connection's error would be an uncaught exception (vitest fails the run on one).
    const pool = db.open(2);
    const lock = new PgTurnLock(pool, logger);
    const outcome = lock.run('users/frida', async () => {
      await new PgStorage(pool).read(['users/frida']);
      const others = await poolA.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE query LIKE '%pg_advisory_lock%' AND pid <> pg_backend_pid()",
      );
      expect(others.rows.length).toBeGreaterThan(0);
      await poolA.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        others.rows.map((r) => r.pid),
      ]);
      await sleep(200);
      return 'ran';
    });
    await expect(outcome).resolves.toBe('ran');
    const client = await pool.connect();
    expect(client.listenerCount('error')).toBeGreaterThan(0);
    client.release();
  });
});
