/**
 * What the conversation references store promises, run against SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationRefStore } from '../../src/notifications/conversation-refs.js';

export interface RefsHarness {
  /** A store on an empty database. */
  fresh(): Promise<ConversationRefStore>;
  /** Another on the same database through a connection of its own (another instance). */
  another(): Promise<ConversationRefStore>;
}

const chat = (id: string) => ({ channelId: 'msteams', conversation: { id } as never });
const T1 = new Date('2026-03-02T09:00:00Z');
const T2 = new Date('2026-03-03T09:00:00Z');

export function conversationRefsContract(name: string, h: RefsHarness): void {
  describe(`${name}: conversation references contract`, () => {
    it('keeps the latest reference and locale, and when the person first became reachable', async () => {
      const refs = await h.fresh();
      expect(await refs.get('ola')).toBeUndefined();
      await refs.remember('ola', chat('a:1'), 'nn-NO', T1);
      await refs.remember('ola', chat('a:2'), undefined, T2);
      const other = await h.another();
      expect(await other.get('ola')).toEqual({
        reference: chat('a:2'),
        usable: true,
        since: T1,
      });
    });

    it('an unusable reference is not reachable until the person writes again', async () => {
      const refs = await h.fresh();
      await refs.remember('ola', chat('a:1'), 'nb-NO', T1);
      await refs.remember('kari', chat('a:2'), 'nb-NO', T1);
      expect(await refs.reachable()).toEqual(['kari', 'ola']);
      await refs.markUnusable('ola');
      expect(await refs.reachable()).toEqual(['kari']);
      expect((await refs.get('ola'))?.usable).toBe(false);
      await refs.remember('ola', chat('a:1'), 'nb-NO', T2);
      expect(await refs.reachable()).toEqual(['kari', 'ola']);
    });
  });
}
