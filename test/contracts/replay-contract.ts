/**
 * What the replay records (ProcessedActivities) promise, run against SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { Awaitable } from '../../src/jobs/job-queue.js';
import type { ProcessedActivitiesOptions } from '../../src/store/processed-activities.js';

export interface ContractReplay {
  claim(key: string): Awaitable<boolean>;
  seen(key: string): Awaitable<boolean>;
  prune(): Awaitable<number>;
}

export interface ReplayHarness {
  /** Replay records on an empty store. */
  fresh(options?: ProcessedActivitiesOptions): Promise<ContractReplay>;
  /** Others on the same store through a connection of their own (a reopen, an instance). */
  another(options?: ProcessedActivitiesOptions): Promise<ContractReplay>;
  /** The keys stored, sorted, expired or not. */
  keys(): Promise<string[]>;
  /** claimIn inside a transaction that then commits or rolls back. */
  claimInTransaction(key: string, outcome: 'commit' | 'rollback'): Promise<boolean>;
}

export function replayContract(name: string, h: ReplayHarness): void {
  describe(`${name}: replay records contract`, () => {
    it('claims a key the first time and reports replays', async () => {
      const processed = await h.fresh();
      expect(await processed.claim('msteams:conv-1:act-1')).toBe(true);
      expect(await processed.claim('msteams:conv-1:act-1')).toBe(false);
      expect(await processed.claim('msteams:conv-1:act-2')).toBe(true);
      expect(await processed.seen('msteams:conv-1:act-2')).toBe(true);
      expect(await processed.seen('msteams:conv-1:act-3')).toBe(false);
    });

    it('remembers claims across a reopen and across connections', async () => {
      expect(await (await h.fresh()).claim('k')).toBe(true);
      expect(await (await h.another()).claim('k')).toBe(false);
    });

    it('lets one of two instances claiming the same key at once win', async () => {
      const [one, two] = [await h.fresh(), await h.another()];
      const won = await Promise.all(
        Array.from({ length: 10 }, (_, i) => Promise.resolve((i % 2 ? one : two).claim('same'))),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it('keeps a claim made in a transaction only if the transaction commits', async () => {
      const processed = await h.fresh();
      expect(await h.claimInTransaction('k', 'rollback')).toBe(true);
      expect(await processed.seen('k')).toBe(false);
      expect(await h.claimInTransaction('k', 'commit')).toBe(true);
      expect(await processed.claim('k')).toBe(false);
    });

    it('prunes expired keys now and then, not on every claim', async () => {
      let now = 1_000_000;
      const processed = await h.fresh({ ttlMs: 1_000, pruneIntervalMs: 10_000, now: () => now });
      expect(await processed.claim('a')).toBe(true);
      now += 2_000; // 'a' has expired, but the prune interval has not passed
      expect(await processed.claim('b')).toBe(true);
      expect(await h.keys()).toEqual(['a', 'b']);
      now += 8_000; // ten seconds after the first prune
      expect(await processed.claim('c')).toBe(true);
      expect(await h.keys()).toEqual(['c']);
    });

    it('treats a key as new once its TTL has passed, whether or not it was pruned yet', async () => {
      let now = 0;
      const options = { ttlMs: 1_000, pruneIntervalMs: 60_000, now: () => now };
      const processed = await h.fresh(options);
      expect(await processed.claim('k')).toBe(true);
      now = 999;
      expect(await processed.claim('k')).toBe(false);
      now = 1_000;
      expect(await processed.seen('k')).toBe(false);
      expect(await processed.claim('k')).toBe(true);
      expect(await processed.claim('k')).toBe(false);
    });

    it('defaults to a 24 hour TTL', async () => {
      let now = 0;
      const processed = await h.fresh({ now: () => now });
      expect(await processed.claim('k')).toBe(true);
      now = 24 * 60 * 60_000 - 1;
      expect(await processed.claim('k')).toBe(false);
      now = 24 * 60 * 60_000;
      expect(await processed.claim('k')).toBe(true);
      expect(await processed.prune()).toBe(0);
    });
  });
}
