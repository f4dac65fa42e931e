import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/sqlite-database.js';
import {
  FALLBACK_CHECKPOINT_PAGES,
  WalCheckpointer,
  type CheckpointRound,
} from '../src/store/wal-checkpointer.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('WalCheckpointer', () => {
  it('copies the WAL into the database on its own thread, and the writes stay readable', async () => {
    const file = join(dir, 'bot.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
    const rounds: CheckpointRound[] = [];
    const errors: string[] = [];
    const checkpointer = new WalCheckpointer(db, {
      everyMs: 20,
      onRound: (round) => rounds.push(round),
      onError: (message) => errors.push(message),
    });
    // The writing connection checkpoints by itself only far later than SQLite's 1 000 pages.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_CHECKPOINT_PAGES);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(2000));
    const before = statSync(`${file}-wal`).size;
    await expect.poll(() => rounds.some((r) => r.log > 0 && r.checkpointed === r.log)).toBe(true);
    // A write after a complete checkpoint starts the WAL over instead of growing it.
    for (let i = 0; i < 200; i++) insert.run('y'.repeat(2000));
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(before);
    await checkpointer.stop();
    expect(errors).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 400 });
    db.close();
  });

  it('does nothing for a database in memory, and stops at once', async () => {
    const db = openDatabase(':memory:');
    const checkpointer = new WalCheckpointer(db);
    await expect(checkpointer.stop()).resolves.toBeUndefined();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('starts its worker only after a while, and stopping before that starts none', async () => {
    const db = openDatabase(join(dir, 'later.sqlite'));
    const rounds: CheckpointRound[] = [];
    const checkpointer = new WalCheckpointer(db, {
      startAfterMs: 60_000,
      onRound: (round) => rounds.push(round),
    });
    await expect(checkpointer.stop()).resolves.toBeUndefined();
    expect(rounds).toEqual([]);
    db.close();
  });

  it('tells its first failure once and leaves checkpoints to the writing connection', async () => {
    const file = join(dir, 'gone.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (k)');
    const errors: string[] = [];
    // The worker's own connection cannot open a file that is no longer there.
    rmSync(file);
    const checkpointer = new WalCheckpointer(db, { onError: (m) => errors.push(m) });
    await expect.poll(() => errors.length).toBe(1);
    await checkpointer.stop();
    expect(errors).toHaveLength(1);
    db.close();
  });
});
