/**
 * Two bot instances on one migrated test database, for a `describePg` block: each its own pool
 * and its own pg-boss (one shared pg-boss schema), started once for the block, with the given job
 * kinds' jobs removed before every test. Read `instances` inside tests and hooks.
 */
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { JobKind } from '../../src/jobs/job-queue.js';
import { PgJobQueue } from '../../src/jobs/pg-job-queue.js';
import type { TestSchemas } from './pg-test-database.js';

export interface PgInstance {
  pool: pg.Pool;
  queue: PgJobQueue;
}

export function usePgInstances(
  schemas: { readonly db: TestSchemas; readonly pool: pg.Pool },
  kinds: ReadonlyArray<JobKind<unknown>>,
): readonly PgInstance[] {
  const instances: PgInstance[] = [];
  beforeAll(async () => {
    for (const pool of [schemas.pool, schemas.db.open()]) {
      const queue = await PgJobQueue.start(pool, {
        schema: schemas.db.bossSchema,
        supervise: false,
        kinds,
      });
      instances.push({ pool, queue });
    }
  });
  afterAll(async () => {
    for (const { queue } of instances.splice(0)) await queue.stop();
  });
  beforeEach(async () => {
    await schemas.pool.query(`DELETE FROM ${schemas.db.bossSchema}.job WHERE name = ANY($1)`, [
      kinds.map((kind) => kind.name),
    ]);
  });
  return instances;
}
