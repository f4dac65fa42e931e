/**
 * What the claims API's webhook storage promises (src/claims-api/webhook-store.ts), run against
 * SQLite and PostgreSQL (claims-api-stores.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { TakenDelivery, WebhookStore } from '../../src/claims-api/webhook-store.js';

export interface WebhookStoreHarness {
  /** A store on an empty database. */
  fresh(): Promise<WebhookStore>;
  /** The same database through a connection of its own (another bot instance). */
  another(): Promise<WebhookStore>;
}

const AT = '2026-03-02T08:00:00.000Z';
const HOOK = 'https://bot.example.com/api/claims-webhook';
const OTHER = 'https://other.example.com/hook';

export function webhookStoreContract(name: string, h: WebhookStoreHarness): void {
  describe(`${name}: webhook store contract`, () => {
    it('keeps one subscription per URL, the latest secret and events, and never lists a secret', async () => {
      const store = await h.fresh();
      expect(await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.paid'], AT)).toBe(
        'created',
      );
      expect(await store.subscribe(OTHER, 'secret-other-0123456', ['claim.paid'], AT)).toBe(
        'created',
      );
      expect(
        await store.subscribe(HOOK, 'secret-two-0123456789', ['claim.approved', 'claim.paid'], AT),
      ).toBe('updated');
      const list = await store.list();
      expect(list.map((s) => s.url).sort()).toEqual([HOOK, OTHER].sort());
      expect(list.find((s) => s.url === HOOK)).toEqual({
        id: expect.any(String) as unknown,
        url: HOOK,
        events: ['claim.approved', 'claim.paid'],
        createdAt: AT,
      });
      expect(JSON.stringify(list)).not.toContain('secret');
      await store.enqueue('e1', 'claim.paid', '{}', 0);
      expect((await store.take(0, 10))?.secret).toBeDefined();
    });

    it('queues an event for the subscribers that want it, and hands out the oldest due first', async () => {
      const store = await h.fresh();
      await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.approved'], AT);
      await store.subscribe(OTHER, 'secret-other-0123456', ['claim.approved', 'claim.paid'], AT);
      expect(await store.enqueue('e1', 'claim.paid', '{"n":1}', 1_000)).toBe(1);
      expect(await store.enqueue('e2', 'claim.approved', '{"n":2}', 2_000)).toBe(2);
      expect(await store.enqueue('e3', 'claim.submitted', '{"n":3}', 2_000)).toBe(0);
      expect(await store.nextDueAt()).toBe(1_000);
      expect(await store.take(999, 60_000)).toBeUndefined();
      const first = await store.take(1_500, 60_000);
      expect(first).toMatchObject({
        eventId: 'e1',
        body: '{"n":1}',
        attempts: 0,
        url: OTHER,
        secret: 'secret-other-0123456',
      });
      expect(await store.take(1_500, 60_000)).toBeUndefined();
      const taken = [await store.take(2_000, 60_000), await store.take(2_000, 60_000)];
      expect(taken.map((d) => d?.eventId)).toEqual(['e2', 'e2']);
      expect(taken.map((d) => d?.url).sort()).toEqual([HOOK, OTHER].sort());
    });

    it('leases a taken delivery until it is recorded or the lease runs out', async () => {
      const store = await h.fresh();
      await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.paid'], AT);
      await store.enqueue('e1', 'claim.paid', '{}', 1_000);
      const taken = (await store.take(1_000, 5_000)) as TakenDelivery;
      expect(await store.take(4_999, 10_000)).toBeUndefined();
      expect(await store.nextDueAt()).toBe(5_000);
      // Its sender stopped: the delivery is due again when the lease is over, attempts unchanged.
      const retaken = (await store.take(5_000, 9_000)) as TakenDelivery;
      expect(retaken).toEqual(taken);
      await store.record(retaken, 0, 7_000);
      // The first sender's late answer does not overwrite the one recorded since.
      await store.record(taken, 1, 100);
      expect(await store.nextDueAt()).toBe(7_000);
      const again = (await store.take(7_000, 20_000)) as TakenDelivery;
      expect(again.attempts).toBe(1);
      await store.record(again, 1, 30_000);
      expect(await store.nextDueAt()).toBeUndefined();
      expect(await store.take(1e12, 1e12 + 1)).toBeUndefined();
    });

    it('keeps a delivery given up out of the queue', async () => {
      const store = await h.fresh();
      await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.paid'], AT);
      await store.enqueue('e1', 'claim.paid', '{}', 0);
      await store.record((await store.take(0, 10)) as TakenDelivery, 2, 50);
      expect(await store.nextDueAt()).toBeUndefined();
      expect(await store.take(1e12, 1e12 + 1)).toBeUndefined();
    });

    it('drops what was still to send to a subscription that is removed', async () => {
      const store = await h.fresh();
      await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.paid'], AT);
      const [sub] = await store.list();
      await store.enqueue('e1', 'claim.paid', '{}', 0);
      expect(await store.unsubscribe(sub?.id ?? '')).toBe(true);
      expect(await store.unsubscribe(sub?.id ?? '')).toBe(false);
      expect(await store.list()).toEqual([]);
      expect(await store.nextDueAt()).toBeUndefined();
      expect(await store.take(1e12, 1e12 + 1)).toBeUndefined();
    });

    it('hands each due delivery to one of several senders taking at once', async () => {
      const senders = [await h.fresh(), await h.another(), await h.another()];
      const [store] = senders as [WebhookStore];
      await store.subscribe(HOOK, 'secret-one-0123456789', ['claim.paid'], AT);
      for (let i = 0; i < 12; i += 1) await store.enqueue(`e${i}`, 'claim.paid', '{}', 0);
      const taken: TakenDelivery[] = [];
      await Promise.all(
        senders.map(async (sender) => {
          for (;;) {
            const delivery = await sender.take(100, 60_000);
            if (!delivery) return;
            taken.push(delivery);
          }
        }),
      );
      expect(taken.map((d) => d.eventId).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `e${i}`).sort(),
      );
    });
  });
}
