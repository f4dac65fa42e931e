import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessedActivities } from '../src/store/processed-activities.js';
import { openDatabase, PAGE_CACHE_KIB } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { replayContract } from './contracts/replay-contract.js';
import { storageContract } from './contracts/storage-contract.js';

let dir: string;
let file: string;
const opened: Database.Database[] = [];

function open(path = file): Database.Database {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

function close(db: Database.Database): void {
  db.close();
  opened.splice(opened.indexOf(db), 1);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-storage-'));
  file = join(dir, 'nested', 'bot.sqlite');
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the parent folder and sets the pragmas', () => {
    const db = open();
    expect(existsSync(join(dir, 'nested'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // better-sqlite3's own default is 16 MiB a connection, which a growing file fills for hours.
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
  });

  it('supports :memory:', async () => {
    const storage = new SqliteStorage(open(':memory:'));
    await storage.write({ a: { x: 1 } });
    expect((await storage.read(['a']))['a']).toMatchObject({ x: 1 });
  });
});

describe('SqliteStorage', () => {
  it('survives closing and reopening the file', async () => {
    const db = open();
    await new SqliteStorage(db).write({ 'users/1': { count: 7 } });
    close(db);
    const reopened = new SqliteStorage(open());
    expect((await reopened.read(['users/1']))['users/1']).toMatchObject({ count: 7 });
  });

  it('refuses work in its transaction that would finish after the commit (a promise)', async () => {
    const storage = new SqliteStorage(open());
    await expect(
      storage.write({ 'users/2': { count: 1 } }, () => Promise.resolve()),
    ).rejects.toThrow(/must finish synchronously/);
    expect(await storage.read(['users/2'])).toEqual({});
  });
});

// Each test has a file of its own (beforeEach); `another` is a second connection to it.
storageContract('SQLite', {
  fresh: () => Promise.resolve(new SqliteStorage(open())),
  another: () => Promise.resolve(new SqliteStorage(open())),
});

replayContract('SQLite', {
  fresh: (options) => Promise.resolve(new ProcessedActivities(open(), options)),
  another: (options) => Promise.resolve(new ProcessedActivities(open(), options)),
  keys: () =>
    Promise.resolve(
      open().prepare('SELECT key FROM processed_activities ORDER BY key').pluck().all() as string[],
    ),
  claimInTransaction(key, outcome) {
    const db = open();
    const processed = new ProcessedActivities(db);
    db.exec('BEGIN IMMEDIATE');
    const claimed = processed.claimIn({ db }, key);
    db.exec(outcome === 'commit' ? 'COMMIT' : 'ROLLBACK');
    return Promise.resolve(claimed);
  },
});
