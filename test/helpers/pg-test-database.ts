/**
 * PostgreSQL for tests: the server at TEST_DATABASE_URL (.ci/run sets it), else the usual
 * 127.0.0.1:5432 as postgres. Each test file works in schemas of its own, made fresh and dropped at
 * the end, so files running side by side share a server and nothing else.
 *
 * No server → the PostgreSQL tests skip and say why; with REQUIRE_SYSTEM_COMPONENTS=1 (CI) a
 * missing server is a failure instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { migrate } from '../../src/store/pg/migrate.js';
import { openPool } from '../../src/store/pg/pg-database.js';

const USUAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type PgTestServer = { url: string; skip?: undefined } | { url?: undefined; skip: string };

/** Whether a server answers; the reason to skip when none does (and none is required). */
export async function findTestDatabase(): Promise<PgTestServer> {
  const url = process.env['TEST_DATABASE_URL'] || USUAL_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (err) {
    const where = new URL(url);
    const reason = `no PostgreSQL answers at ${where.host}${where.pathname} (${(err as Error).message}); set TEST_DATABASE_URL`;
    if (process.env['REQUIRE_SYSTEM_COMPONENTS'] === '1')
      throw new Error(`REQUIRE_SYSTEM_COMPONENTS=1 but ${reason}`);
    // The summary only counts skips; say why where it will be read.
    console.warn(`PostgreSQL tests skipped: ${reason}`);
    return { skip: reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const server = await findTestDatabase();

/** The server the PostgreSQL tests use; only read inside a `describePg` block. */
export function testDatabaseUrl(): string {
  if (!server.url) throw new Error(server.skip);
  return server.url;
}

/** `describe`, or when no server answers `describe.skip` with the reason in its title. */
export function describePg(title: string, body: () => void): void {
  if (server.url) describe(title, body);
  else describe.skip(`${title} (skipped: ${server.skip})`, body);
}

export interface TestSchemas {
  /** The stores' schema (search_path of the pools opened here). */
  schema: string;
  /** A schema name for pg-boss, dropped with the other. */
  bossSchema: string;
  /** A new pool on the stores' schema: a connection of its own, like another bot instance. */
  open(max?: number): pg.Pool;
  /** Ends the pools and drops the schemas. */
  dispose(): Promise<void>;
}

/** Fresh, empty schemas for one test file, named after it. */
export async function freshSchemas(url: string, label: string): Promise<TestSchemas> {
  const schema = `t_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  // As the bot names it (DATABASE_SCHEMA's jobs go to `<schema>_jobs`).
  const bossSchema = `${schema}_jobs`;
  const admin = openPool(url, { max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pools: pg.Pool[] = [];
  return {
    schema,
    bossSchema,
    open(max = 5) {
      const pool = openPool(url, { schema, max });
      pools.push(pool);
      return pool;
    },
    async dispose() {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * Fresh schemas for a `describePg` block, migrated, with the named tables emptied before every
 * test (the store contracts expect an empty store). Read `db` and `pool` inside tests and hooks.
 */
export function useMigratedSchemas(
  label: string,
  tables: readonly string[],
): { readonly db: TestSchemas; readonly pool: pg.Pool } {
  let db: TestSchemas | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), label);
    pool = db.open();
    await migrate(pool);
  });
  afterAll(() => db?.dispose());
  beforeEach(() => (pool as pg.Pool).query(`TRUNCATE ${tables.join(', ')}`));
  return {
    get db() {
      return db as TestSchemas;
    },
    get pool() {
      return pool as pg.Pool;
    },
  };
}
