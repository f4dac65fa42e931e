/**
 * The PostgreSQL stores against the same contracts as the SQLite ones, plus the migration runner,
 * on a real server (test/helpers/pg-test-database.ts says which, and when this file skips).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/store/pg/migrate.js';
import { openPool, withTransaction } from '../src/store/pg/pg-database.js';
import { PgProcessedActivities } from '../src/store/pg/pg-processed-activities.js';
import { PgStorage } from '../src/store/pg/pg-storage.js';
import { replayContract } from './contracts/replay-contract.js';
import { storageContract } from './contracts/storage-contract.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  useMigratedSchemas,
  type TestSchemas,
} from './helpers/pg-test-database.js';

describePg('PostgreSQL stores', () => {
  // The contracts expect an empty store at the start of every test.
  const schemas = useMigratedSchemas('stores', ['bot_state', 'processed_activities']);

  storageContract('PostgreSQL', {
    fresh: () => Promise.resolve(new PgStorage(schemas.pool)),
    another: () => Promise.resolve(new PgStorage(schemas.db.open())),
  });

  replayContract('PostgreSQL', {
    fresh: (options) => Promise.resolve(new PgProcessedActivities(schemas.pool, options)),
    another: (options) => Promise.resolve(new PgProcessedActivities(schemas.db.open(), options)),
    keys: async () =>
      (
        await schemas.pool.query<{ key: string }>(
          'SELECT key FROM processed_activities ORDER BY key',
        )
      ).rows.map((row) => row.key),
    claimInTransaction: async (key, outcome) => {
      const processed = new PgProcessedActivities(schemas.pool);
      let claimed = false;
      await withTransaction(schemas.pool, async (tx) => {
        claimed = await processed.claimIn(tx, key);
        if (outcome === 'rollback') throw new Error('the turn failed');
      }).catch((err: Error) => {
        if (err.message !== 'the turn failed') throw err;
      });
      return claimed;
    },
  });

  it('PgStorage commits work handed to write() with the documents, or neither', async () => {
    const storage = new PgStorage(schemas.pool);
    const processed = new PgProcessedActivities(schemas.pool);
    await storage.write({ k: { count: 1 } }, async (tx) => {
      expect(await processed.claimIn(tx, 'act-1')).toBe(true);
    });
    const stale = (await storage.read(['k']))['k'] as { eTag: string };
    await storage.write({ k: { count: 2 } });
    await expect(
      storage.write({ k: { ...stale, count: 3 } }, async (tx) => {
        await processed.claimIn(tx, 'act-2');
      }),
    ).rejects.toThrow(/eTag conflict/);
    expect(await processed.seen('act-1')).toBe(true);
    expect(await processed.seen('act-2')).toBe(false);
    const idle = await schemas.pool.connect();
    try {
      await expect(processed.claimIn(idle, 'x')).rejects.toThrow(/open transaction/);
    } finally {
      idle.release();
    }
  });
});

describePg('PostgreSQL migrations', () => {
  let db: TestSchemas;
  let dir: string;

  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'migrations');
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  });
  afterAll(async () => {
    await db?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the repository migrations once, however many instances start together', async () => {
    const instances = [db.open(), db.open(), db.open()];
    const applied = await Promise.all(instances.map((pool) => migrate(pool)));
    const names = readMigrations().map((m) => m.name);
    // Exactly one instance applied each file; the others found nothing left to do.
    expect(applied.flat().sort()).toEqual(names);
    expect(applied.filter((list) => list.length > 0)).toHaveLength(1);
    const { rows } = await instances[0]!.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.name)).toEqual(names);
    expect(await migrate(instances[1]!)).toEqual([]);
  });

  it('applies new files in order, rolls back a failing one, and refuses an edited one', async () => {
    const scratch = db.open(1);
    await scratch.query(`CREATE SCHEMA ${db.schema}_m`);
    // A schema of its own, so the runner starts from nothing with files of the test's making.
    const own = openPool(testDatabaseUrl(), { schema: `${db.schema}_m`, max: 1 });
    try {
      writeFileSync(join(dir, '001-a.sql'), 'CREATE TABLE a (id int);');
      writeFileSync(join(dir, '002-b.sql'), 'CREATE TABLE b (id int);');
      expect(await migrate(own, dir)).toEqual(['001-a.sql', '002-b.sql']);

      writeFileSync(join(dir, '003-bad.sql'), 'CREATE TABLE c (id int); SELECT 1/0;');
      await expect(migrate(own, dir)).rejects.toThrow(/division by zero/);
      const { rows } = await own.query<{ c: string | null }>("SELECT to_regclass('c')::text AS c");
      expect(rows[0]?.c).toBeNull();

      writeFileSync(join(dir, '003-bad.sql'), 'CREATE TABLE c (id int);');
      expect(await migrate(own, dir)).toEqual(['003-bad.sql']);

      writeFileSync(join(dir, '001-a.sql'), 'CREATE TABLE a (id bigint);');
      await expect(migrate(own, dir)).rejects.toThrow(/001-a\.sql was changed/);
    } finally {
      await own.end();
      await scratch.query(`DROP SCHEMA ${db.schema}_m CASCADE`);
    }
  });
});
