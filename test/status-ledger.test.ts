/**
 * The status tracker's ledger on SQLite and on PostgreSQL (migration 003), against one contract.
 * The PostgreSQL run needs a server (test/helpers/pg-test-database.ts says which, and when it skips).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { PgStatusLedger, SqliteStatusLedger } from '../src/notifications/status-ledger.js';
import { migrate } from '../src/store/pg/migrate.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { statusLedgerContract } from './contracts/status-ledger-contract.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

let dir: string;
const opened: Database.Database[] = [];
const open = () => {
  const db = openDatabase(join(dir, 'bot.sqlite'));
  opened.push(db);
  return db;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-ledger-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

statusLedgerContract('SQLite', {
  fresh: () => Promise.resolve(new SqliteStatusLedger(open())),
  another: () => Promise.resolve(new SqliteStatusLedger(open())),
});

describePg('PostgreSQL status ledger', () => {
  let db: TestSchemas;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'ledger');
    pool = db.open();
    await migrate(pool);
  });
  afterAll(() => db?.dispose());
  beforeEach(() => pool.query('TRUNCATE claim_status_seen'));

  statusLedgerContract('PostgreSQL', {
    fresh: () => Promise.resolve(new PgStatusLedger(pool)),
    another: () => Promise.resolve(new PgStatusLedger(db.open())),
  });
});
