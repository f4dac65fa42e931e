import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  UserState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessedActivities } from '../src/store/processed-activities.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { ETagConflictError, SqliteStorage, isETagConflict } from '../src/store/sqlite-storage.js';

/** An eTag is opaque: the tests check only that there is one. */
const anyString: unknown = expect.any(String);

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

interface Counter {
  count: number;
  notes?: string[];
  eTag?: string;
}

/** Read-modify-write the way a turn does it, retrying on a conflict. */
async function update(
  storage: Storage,
  key: string,
  change: (doc: Counter) => void,
  maxAttempts = 5,
): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const found = (await storage.read([key]))[key] as Counter | undefined;
    const doc: Counter = found ?? { count: 0, notes: [] };
    change(doc);
    try {
      await storage.write({ [key]: doc });
      return attempt;
    } catch (err) {
      if (!isETagConflict(err)) throw err;
    }
  }
  throw new Error('gave up');
}

describe('openDatabase', () => {
  it('creates the parent folder and sets the pragmas', () => {
    const db = open();
    expect(existsSync(join(dir, 'nested'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('supports :memory:', async () => {
    const storage = new SqliteStorage(open(':memory:'));
    await storage.write({ a: { x: 1 } });
    expect((await storage.read(['a']))['a']).toMatchObject({ x: 1 });
  });
});

describe('SqliteStorage', () => {
  it('round-trips read, write and delete, returning only found keys with an eTag', async () => {
    const storage = new SqliteStorage(open());
    expect(await storage.read(['a', 'b'])).toEqual({});

    await storage.write({
      a: {
        name: 'Kari',
        trips: [{ km: 12.5, date: '2025-03-01' }],
        nested: { ok: true, none: null },
      },
    });
    const items = await storage.read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items['a']).toEqual({
      name: 'Kari',
      trips: [{ km: 12.5, date: '2025-03-01' }],
      nested: { ok: true, none: null },
      eTag: anyString,
    });

    await storage.delete(['a', 'never-existed']);
    expect(await storage.read(['a'])).toEqual({});
  });

  it('does not mutate the written object, like botbuilder storages', async () => {
    const storage = new SqliteStorage(open());
    const item = { count: 1, eTag: '*' };
    await storage.write({ k: item });
    expect(item).toEqual({ count: 1, eTag: '*' });
    const first = (await storage.read(['k']))['k'] as Counter;
    await storage.write({ k: { count: 2, eTag: '*' } });
    const second = (await storage.read(['k']))['k'] as Counter;
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('survives closing and reopening the file', async () => {
    const db = open();
    await new SqliteStorage(db).write({ 'users/1': { count: 7 } });
    close(db);

    const reopened = new SqliteStorage(open());
    expect((await reopened.read(['users/1']))['users/1']).toMatchObject({ count: 7 });
  });

  it('accepts a write with the eTag it read and rejects the now-stale eTag, keeping the stored value', async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ k: { count: 1 } });
    const read = (await storage.read(['k']))['k'] as Counter;

    await storage.write({ k: { ...read, count: 2 } });
    const err = await storage.write({ k: { ...read, count: 3 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ETagConflictError);
    expect((err as ETagConflictError).key).toBe('k');
    expect(isETagConflict(err)).toBe(true);

    expect((await storage.read(['k']))['k']).toMatchObject({ count: 2 });
  });

  it("overwrites unconditionally with eTag '*' or without an eTag", async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ k: { count: 1 } });
    await storage.write({ k: { count: 2, eTag: '*' } });
    expect((await storage.read(['k']))['k']).toMatchObject({ count: 2 });
    await storage.write({ k: { count: 3 } });
    expect((await storage.read(['k']))['k']).toMatchObject({ count: 3 });
  });

  it('rejects a specific eTag for a key that does not exist (it was deleted since the read)', async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ k: { count: 1 } });
    const read = (await storage.read(['k']))['k'] as Counter;
    await storage.delete(['k']);
    await expect(storage.write({ k: { ...read, count: 2 } })).rejects.toBeInstanceOf(
      ETagConflictError,
    );
    expect(await storage.read(['k'])).toEqual({});
  });

  it('lets exactly one of two racing turns win; the loser re-reads and nothing is lost', async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ k: { count: 0, notes: [] } });

    const a = (await storage.read(['k']))['k'] as Counter;
    const b = (await storage.read(['k']))['k'] as Counter;
    a.count += 1;
    a.notes?.push('from A');
    b.count += 1;
    b.notes?.push('from B');
    const results = await Promise.allSettled([storage.write({ k: a }), storage.write({ k: b })]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isETagConflict((lost[0] as PromiseRejectedResult).reason)).toBe(true);

    // The loser's turn retries from fresh state.
    const loserNote = results[0]?.status === 'rejected' ? 'from A' : 'from B';
    const attempts = await update(storage, 'k', (doc) => {
      doc.count += 1;
      doc.notes?.push(loserNote);
    });
    expect(attempts).toBe(1);

    const final = (await storage.read(['k']))['k'] as Counter;
    expect(final.count).toBe(2);
    expect([...(final.notes ?? [])].sort()).toEqual(['from A', 'from B']);
  });

  it('retrying read-modify-write loses no update under many interleaved turns', async () => {
    const storage = new SqliteStorage(open());
    // Seeded, because a key that does not exist yet has no eTag to guard its first write.
    await storage.write({ k: { count: 0, notes: [] } });
    // Every round of conflicts has at least one winner, so ten turns need at most ten attempts.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        update(
          storage,
          'k',
          (doc) => {
            doc.count += 1;
            doc.notes?.push(`turn ${i}`);
          },
          10,
        ),
      ),
    );
    expect(Math.max(...attempts)).toBeGreaterThan(1); // the turns really did collide
    const final = (await storage.read(['k']))['k'] as Counter;
    expect(final.count).toBe(10);
    expect(final.notes).toHaveLength(10);
  });

  it('writes nothing of a batch in which one key conflicts', async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ a: { v: 'a1' }, b: { v: 'b1' } });
    const stale = (await storage.read(['b']))['b'] as { v: string; eTag: string };
    await storage.write({ b: { v: 'b2' } });

    await expect(
      storage.write({ a: { v: 'a2' }, new: { v: 'n' }, b: { ...stale, v: 'b3' } }),
    ).rejects.toBeInstanceOf(ETagConflictError);

    const items = await storage.read(['a', 'b', 'new']);
    expect(items['a']).toMatchObject({ v: 'a1' });
    expect(items['b']).toMatchObject({ v: 'b2' });
    expect(items['new']).toBeUndefined();
  });

  it('shares writes and conflicts between two connections on the same file', async () => {
    const one = new SqliteStorage(open());
    const two = new SqliteStorage(open());

    await one.write({ k: { count: 1 } });
    const seenByTwo = (await two.read(['k']))['k'] as Counter;
    expect(seenByTwo).toMatchObject({ count: 1 });

    const seenByOne = (await one.read(['k']))['k'] as Counter;
    await two.write({ k: { ...seenByTwo, count: 2 } });
    await expect(one.write({ k: { ...seenByOne, count: 99 } })).rejects.toBeInstanceOf(
      ETagConflictError,
    );
    expect((await one.read(['k']))['k']).toMatchObject({ count: 2 });

    await one.delete(['k']);
    expect(await two.read(['k'])).toEqual({});
  });

  it.each([
    ['a function', { f: () => 1 }, /doc\.f is a function/],
    ['a bigint', { n: 10n }, /doc\.n is a bigint/],
    ['NaN', { deep: { list: [1, Number.NaN] } }, /doc\.deep\.list\[1\] is NaN/],
    ['a Map', { m: new Map([['a', 1]]) }, /doc\.m is a Map/],
  ])(
    'rejects a document containing %s and writes nothing of the batch',
    async (_label, bad, message) => {
      const storage = new SqliteStorage(open());
      const err = await storage.write({ good: { ok: 1 }, bad }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain('"bad"');
      expect(await storage.read(['good', 'bad'])).toEqual({});
    },
  );

  it('rejects circular documents and non-object items with a clear error', async () => {
    const storage = new SqliteStorage(open());
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = { back: loop };
    await expect(storage.write({ k: loop })).rejects.toThrow(/circular/);
    await expect(storage.write({ k: 42 })).rejects.toThrow(/plain object/);
    await expect(storage.write({ k: { eTag: 5 } })).rejects.toThrow(/eTag must be a string/);
  });

  it('stores dates via their JSON form and drops undefined properties, as JSON does', async () => {
    const storage = new SqliteStorage(open());
    await storage.write({ k: { when: new Date('2025-01-02T03:04:05.000Z'), maybe: undefined } });
    const read = (await storage.read(['k']))['k'] as Record<string, unknown>;
    expect(read['when']).toBe('2025-01-02T03:04:05.000Z');
    expect('maybe' in read).toBe(false);
  });

  it('recognises botbuilder MemoryStorage conflicts too', async () => {
    const memory = new MemoryStorage();
    await memory.write({ k: { v: 1 } });
    const read = (await memory.read(['k']))['k'] as { v: number; eTag: string };
    await memory.write({ k: { ...read, v: 2 } });
    const err = await memory.write({ k: { ...read, v: 3 } }).catch((e: unknown) => e);
    expect(isETagConflict(err)).toBe(true);
    expect(isETagConflict(new Error('something else'))).toBe(false);
    expect(isETagConflict('due to eTag conflict')).toBe(false);
  });
});

describe('SqliteStorage with botbuilder state', () => {
  function countingBot(storage: Storage) {
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const turns = conversationState.createProperty<number>('turns');
    const profile = userState.createProperty<{ name?: string }>('profile');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const n = (await turns.get(context, 0)) + 1;
      await turns.set(context, n);
      const p = await profile.get(context, {});
      if (context.activity.text?.startsWith('name ')) p.name = context.activity.text.slice(5);
      await profile.set(context, p);
      await context.sendActivity(`${n}:${p.name ?? '?'}`);
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
    });
    return adapter;
  }

  it('persists ConversationState and UserState properties across turns and across a reopen', async () => {
    const db = open();
    await countingBot(new SqliteStorage(db))
      .send('hei')
      .assertReply('1:?')
      .send('name Ola')
      .assertReply('2:Ola')
      .send('hei igjen')
      .assertReply('3:Ola')
      .startTest();
    close(db);

    // A fresh process: new connection, new state objects, same conversation and user ids.
    await countingBot(new SqliteStorage(open()))
      .send('er du der?')
      .assertReply('4:Ola')
      .startTest();
  });
});

describe('ProcessedActivities', () => {
  it('claims a key the first time and reports replays', () => {
    const processed = new ProcessedActivities(open());
    expect(processed.claim('msteams:conv-1:act-1')).toBe(true);
    expect(processed.claim('msteams:conv-1:act-1')).toBe(false);
    expect(processed.claim('msteams:conv-1:act-2')).toBe(true);
  });

  it('remembers claims across a reopen and across connections', () => {
    const db = open();
    expect(new ProcessedActivities(db).claim('k')).toBe(true);
    expect(new ProcessedActivities(open()).claim('k')).toBe(false);
    close(db);
    expect(new ProcessedActivities(open()).claim('k')).toBe(false);
  });

  it('prunes expired keys now and then, not on every claim', () => {
    const db = open();
    let now = 1_000_000;
    const processed = new ProcessedActivities(db, {
      ttlMs: 1_000,
      pruneIntervalMs: 10_000,
      now: () => now,
    });
    const rows = () =>
      db.prepare('SELECT key FROM processed_activities ORDER BY key').pluck().all();

    expect(processed.claim('a')).toBe(true);
    now += 2_000; // 'a' has expired, but the prune interval has not passed
    expect(processed.claim('b')).toBe(true);
    expect(rows()).toEqual(['a', 'b']);

    now += 8_000; // ten seconds after the first prune
    expect(processed.claim('c')).toBe(true);
    expect(rows()).toEqual(['c']);
  });

  it('treats a key as new once its TTL has passed, whether or not it was pruned yet', () => {
    let now = 0;
    const processed = new ProcessedActivities(open(), {
      ttlMs: 1_000,
      pruneIntervalMs: 60_000,
      now: () => now,
    });
    expect(processed.claim('k')).toBe(true);
    now = 999;
    expect(processed.claim('k')).toBe(false);
    now = 1_000;
    expect(processed.claim('k')).toBe(true);
    expect(processed.claim('k')).toBe(false);
  });

  it('defaults to a 24 hour TTL', () => {
    let now = 0;
    const processed = new ProcessedActivities(open(), { now: () => now });
    expect(processed.claim('k')).toBe(true);
    now = 24 * 60 * 60_000 - 1;
    expect(processed.claim('k')).toBe(false);
    now = 24 * 60 * 60_000;
    expect(processed.claim('k')).toBe(true);
    expect(processed.prune()).toBe(0);
  });
});
