/**
 * What every botbuilder Storage of the bot promises, run against each implementation (SQLite in
 * sqlite-storage.test.ts, PostgreSQL in pg-stores.test.ts).
 */
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  UserState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ETagConflictError, isETagConflict } from '../../src/store/storage-documents.js';

export type ContractStorage = Storage & {
  keysContaining(prefix: string, text: string): Promise<string[]>;
};

export interface StorageHarness {
  /** A storage on an empty store. */
  fresh(): Promise<ContractStorage>;
  /** Another storage on the same store through a connection of its own (a reopen, an instance). */
  another(): Promise<ContractStorage>;
}

/** An eTag is opaque: the tests check only that there is one. */
const anyString: unknown = expect.any(String);

interface Counter {
  count: number;
  notes?: string[];
  eTag?: string;
}

const read = async <T = Counter>(storage: Storage, key: string) =>
  (await storage.read([key]))[key] as T | undefined;

/** Read-modify-write the way a turn does it, retrying on a conflict. */
async function update(
  storage: Storage,
  key: string,
  change: (doc: Counter) => void,
  maxAttempts = 5,
): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const doc: Counter = (await read(storage, key)) ?? { count: 0, notes: [] };
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

/** Two turns read the same version and write at once: exactly one may win. */
async function race(one: Storage, two: Storage) {
  await one.write({ k: { count: 0, notes: [] } });
  const a = (await read(one, 'k'))!;
  const b = (await read(two, 'k'))!;
  a.count += 1;
  a.notes?.push('from A');
  b.count += 1;
  b.notes?.push('from B');
  const results = await Promise.allSettled([one.write({ k: a }), two.write({ k: b })]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r) => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(isETagConflict((lost[0] as PromiseRejectedResult).reason)).toBe(true);
  expect(await read(one, 'k')).toMatchObject({ count: 1 });
  return results[0]?.status === 'rejected' ? 'from A' : 'from B';
}

export function storageContract(name: string, h: StorageHarness): void {
  describe(`${name}: botbuilder Storage contract`, () => {
    it('round-trips read, write and delete, returning only found keys with an eTag', async () => {
      const storage = await h.fresh();
      expect(await storage.read(['a', 'b'])).toEqual({});
      const doc = {
        name: 'Kari',
        trips: [{ km: 12.5, date: '2025-03-01' }],
        nested: { ok: true, none: null },
      };
      await storage.write({ a: doc });
      const items = await storage.read(['a', 'b']);
      expect(Object.keys(items)).toEqual(['a']);
      expect(items['a']).toEqual({ ...doc, eTag: anyString });

      await storage.delete(['a', 'never-existed']);
      expect(await storage.read(['a'])).toEqual({});
    });

    it('does not mutate the written object, like botbuilder storages', async () => {
      const storage = await h.fresh();
      const item = { count: 1, eTag: '*' };
      await storage.write({ k: item });
      expect(item).toEqual({ count: 1, eTag: '*' });
      const first = await read(storage, 'k');
      await storage.write({ k: { count: 2, eTag: '*' } });
      expect((await read(storage, 'k'))?.eTag).not.toBe(first?.eTag);
    });

    it('accepts a write with the eTag it read and rejects the now-stale eTag, keeping the stored value', async () => {
      const storage = await h.fresh();
      await storage.write({ k: { count: 1 } });
      const stale = (await read(storage, 'k'))!;
      await storage.write({ k: { ...stale, count: 2 } });
      const err = await storage.write({ k: { ...stale, count: 3 } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ETagConflictError);
      expect((err as ETagConflictError).key).toBe('k');
      expect(isETagConflict(err)).toBe(true);
      expect(await read(storage, 'k')).toMatchObject({ count: 2 });
    });

    it("overwrites unconditionally with eTag '*' or without an eTag", async () => {
      const storage = await h.fresh();
      await storage.write({ k: { count: 1 } });
      await storage.write({ k: { count: 2, eTag: '*' } });
      expect(await read(storage, 'k')).toMatchObject({ count: 2 });
      await storage.write({ k: { count: 3 } });
      expect(await read(storage, 'k')).toMatchObject({ count: 3 });
    });

    it('rejects an eTag of a key deleted since the read, even once the key is written again', async () => {
      const storage = await h.fresh();
      await storage.write({ k: { count: 1 } });
      const stale = (await read(storage, 'k'))!;
      await storage.delete(['k']);
      await expect(storage.write({ k: { ...stale, count: 2 } })).rejects.toBeInstanceOf(
        ETagConflictError,
      );
      expect(await storage.read(['k'])).toEqual({});
      // Written afresh: the old eTag must not match the new document by chance.
      await storage.write({ k: { count: 1 } });
      await expect(storage.write({ k: { ...stale, count: 9 } })).rejects.toBeInstanceOf(
        ETagConflictError,
      );
      await expect(
        storage.write({ k: { count: 9, eTag: 'not-an-etag-of-ours' } }),
      ).rejects.toBeInstanceOf(ETagConflictError);
    });

    it('lets exactly one of two racing turns win; the loser re-reads and nothing is lost', async () => {
      const storage = await h.fresh();
      const loserNote = await race(storage, storage);
      // The loser's turn retries from fresh state.
      const attempts = await update(storage, 'k', (doc) => {
        doc.count += 1;
        doc.notes?.push(loserNote);
      });
      expect(attempts).toBe(1);
      const final = (await read(storage, 'k'))!;
      expect(final.count).toBe(2);
      expect([...(final.notes ?? [])].sort()).toEqual(['from A', 'from B']);
    });

    it('two instances writing from the same version: exactly one wins', async () => {
      await race(await h.fresh(), await h.another());
    });

    it('retrying read-modify-write loses no update under many interleaved turns', async () => {
      const storage = await h.fresh();
      const other = await h.another();
      // Seeded, because a key that does not exist yet has no eTag to guard its first write.
      await storage.write({ k: { count: 0, notes: [] } });
      // Every round of conflicts has at least one winner, so ten turns need at most ten attempts.
      const attempts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          update(
            i % 2 ? other : storage,
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
      const final = (await read(storage, 'k'))!;
      expect(final.count).toBe(10);
      expect(final.notes).toHaveLength(10);
    });

    it('writes nothing of a batch in which one key conflicts', async () => {
      const storage = await h.fresh();
      await storage.write({ a: { v: 'a1' }, b: { v: 'b1' } });
      const stale = (await read<{ v: string; eTag: string }>(storage, 'b'))!;
      await storage.write({ b: { v: 'b2' } });
      await expect(
        storage.write({ a: { v: 'a2' }, new: { v: 'n' }, b: { ...stale, v: 'b3' } }),
      ).rejects.toBeInstanceOf(ETagConflictError);
      const items = await storage.read(['a', 'b', 'new']);
      expect(items['a']).toMatchObject({ v: 'a1' });
      expect(items['b']).toMatchObject({ v: 'b2' });
      expect(items['new']).toBeUndefined();
    });

    it('shares writes, conflicts and deletes between two connections', async () => {
      const one = await h.fresh();
      const two = await h.another();
      await one.write({ k: { count: 1 } });
      const seenByTwo = (await read(two, 'k'))!;
      expect(seenByTwo).toMatchObject({ count: 1 });
      const seenByOne = (await read(one, 'k'))!;
      await two.write({ k: { ...seenByTwo, count: 2 } });
      await expect(one.write({ k: { ...seenByOne, count: 99 } })).rejects.toBeInstanceOf(
        ETagConflictError,
      );
      expect(await read(one, 'k')).toMatchObject({ count: 2 });
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
        const storage = await h.fresh();
        const err = await storage.write({ good: { ok: 1 }, bad }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(TypeError);
        expect((err as Error).message).toMatch(message);
        expect((err as Error).message).toContain('"bad"');
        expect(await storage.read(['good', 'bad'])).toEqual({});
      },
    );

    it('rejects circular documents and non-object items with a clear error', async () => {
      const storage = await h.fresh();
      const loop: Record<string, unknown> = { a: 1 };
      loop['self'] = { back: loop };
      await expect(storage.write({ k: loop })).rejects.toThrow(/circular/);
      await expect(storage.write({ k: 42 })).rejects.toThrow(/plain object/);
      await expect(storage.write({ k: { eTag: 5 } })).rejects.toThrow(/eTag must be a string/);
    });

    it('stores dates via their JSON form and drops undefined properties, as JSON does', async () => {
      const storage = await h.fresh();
      await storage.write({ k: { when: new Date('2025-01-02T03:04:05.000Z'), maybe: undefined } });
      const doc = (await read<Record<string, unknown>>(storage, 'k'))!;
      expect(doc['when']).toBe('2025-01-02T03:04:05.000Z');
      expect('maybe' in doc).toBe(false);
    });

    it('finds keys by prefix whose document contains a text, wildcards in the prefix taken literally', async () => {
      const storage = await h.fresh();
      await storage.write({
        'users/b': { step: 'filing' },
        'users/a': { step: 'filing' },
        'users/c': { step: 'draft' },
        'conv/a': { step: 'filing' },
        usersXa: { step: 'filing' },
      });
      expect(await storage.keysContaining('users/', '"step":"filing"')).toEqual([
        'users/a',
        'users/b',
      ]);
      expect(await storage.keysContaining('users_', '"step":"filing"')).toEqual([]);
      expect(await storage.keysContaining('%', 'filing')).toEqual([]);
    });

    it('recognises botbuilder MemoryStorage conflicts too', async () => {
      const memory = new MemoryStorage();
      await memory.write({ k: { v: 1 } });
      const stale = (await read<{ v: number; eTag: string }>(memory, 'k'))!;
      await memory.write({ k: { ...stale, v: 2 } });
      const err = await memory.write({ k: { ...stale, v: 3 } }).catch((e: unknown) => e);
      expect(isETagConflict(err)).toBe(true);
      expect(isETagConflict(new Error('something else'))).toBe(false);
      expect(isETagConflict('due to eTag conflict')).toBe(false);
    });

    it('persists ConversationState and UserState across turns and across connections', async () => {
      await countingBot(await h.fresh())
        .send('hei')
        .assertReply('1:?')
        .send('name Ola')
        .assertReply('2:Ola')
        .send('hei igjen')
        .assertReply('3:Ola')
        .startTest();
      // A fresh process: new connection, new state objects, same conversation and user ids.
      await countingBot(await h.another())
        .send('er du der?')
        .assertReply('4:Ola')
        .startTest();
    });
  });
}

function countingBot(storage: Storage) {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const turns = conversationState.createProperty<number>('turns');
  const profile = userState.createProperty<{ name?: string }>('profile');
  return new TestAdapter(async (context: TurnContext) => {
    const n = (await turns.get(context, 0)) + 1;
    await turns.set(context, n);
    const p = await profile.get(context, {});
    if (context.activity.text?.startsWith('name ')) p.name = context.activity.text.slice(5);
    await profile.set(context, p);
    await context.sendActivity(`${n}:${p.name ?? '?'}`);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  });
}
