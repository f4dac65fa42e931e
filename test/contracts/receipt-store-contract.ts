/**
 * What every ReceiptStore promises (src/receipts/receipt-store.ts), run against the SQLite store
 * (receipt-store.test.ts) and the PostgreSQL one (pg-receipt-store.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { andThen } from '../../src/jobs/awaitable.js';
import { jobKind, type JobQueue } from '../../src/jobs/job-queue.js';
import type { ReceiptFields } from '../../src/receipts/receipt-fields.js';
import {
  ReceiptNotFoundError,
  ReceiptStateError,
  type NewReceipt,
  type ReceiptStore,
} from '../../src/receipts/receipt-store.js';

export const KARI = '3f0c9a1e-0000-4000-8000-00000000000a';
export const OLA = '3f0c9a1e-0000-4000-8000-00000000000b';

/** The job a receipt's arrival asks for, in the contract's own kind. */
export const CONTRACT_READ_JOB = jobKind(
  'receipt.contract-read',
  z.object({ receiptId: z.string() }),
);

export interface ReceiptStoreHarness<Tx> {
  /** A store on an empty database; its clock is `now` when given. */
  fresh(options?: { now?: () => Date }): Promise<ReceiptStore<Tx>>;
  /** Another store on the database of the last `fresh` one (another instance, or a restart). */
  another(): Promise<ReceiptStore<Tx>>;
  /** The job queue on that same database. */
  queue(): JobQueue<Tx>;
}

export function receipt(text: string, extra: Partial<NewReceipt> = {}): NewReceipt {
  // Any bytes do: the store trusts intake to have checked the type.
  return png(Buffer.from(`\x89PNG\r\n\x1a\n${text}`, 'latin1'), extra);
}

function png(bytes: Buffer, extra: Partial<NewReceipt> = {}): NewReceipt {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, mime: 'image/png', sha256, ...extra };
}

const certain = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0,
  vatRate: 0,
};

export function fields(over: Partial<ReceiptFields> = {}): ReceiptFields {
  return {
    kind: 'ferry',
    merchant: 'Fjord1 AS',
    date: '2026-03-14',
    totalMinor: 14_500,
    currency: 'NOK',
    confidence: certain,
    ...over,
  };
}

const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id);

export function receiptStoreContract<Tx>(name: string, h: ReceiptStoreHarness<Tx>): void {
  describe(`${name}: receipt store contract`, () => {
    it('keeps a photo with its comment in the inbox and gives the same bytes back', async () => {
      const store = await h.fresh();
      const input = receipt('ferry ticket', {
        name: 'IMG_0412.png',
        comment: '  Ferje Halhjem–Sandvikvåg  ',
      });
      const { receipt: saved, duplicateOf } = await store.add(KARI, input);
      expect(duplicateOf).toBeUndefined();
      expect(saved).toMatchObject({
        employeeId: KARI,
        mime: 'image/png',
        size: input.bytes.length,
        status: 'inbox',
        fileName: 'IMG_0412.png',
        comment: 'Ferje Halhjem–Sandvikvåg',
      });
      expect(await store.get(KARI, saved.id)).toEqual(saved);
      expect((await store.readBlob(KARI, saved.id)).equals(input.bytes)).toBe(true);
      expect(ids(await store.listInbox(KARI))).toEqual([saved.id]);
    });

    it('is the same store for another instance (or after a restart): rows, fields and bytes', async () => {
      const first = await h.fresh();
      const { receipt: saved } = await first.add(KARI, receipt('parking'));
      await first.setFields(KARI, saved.id, fields({ kind: 'parking', merchant: 'EasyPark' }));
      const second = await h.another();
      expect((await second.get(KARI, saved.id))?.fields).toMatchObject({
        kind: 'parking',
        merchant: 'EasyPark',
        totalMinor: 14_500,
      });
      expect((await second.readBlob(KARI, saved.id)).equals(receipt('parking').bytes)).toBe(true);
    });

    it('flags the same photo sent twice by the same employee, and only by them', async () => {
      const store = await h.fresh();
      const { receipt: first } = await store.add(KARI, receipt('same photo'));
      const again = await store.add(KARI, receipt('same photo', { comment: 'again?' }));
      expect(again.receipt.id).not.toBe(first.id);
      expect(again.duplicateOf?.id).toBe(first.id);
      // The earliest stays the one a third copy is flagged against.
      expect((await store.add(KARI, receipt('same photo'))).duplicateOf?.id).toBe(first.id);
      // Another employee sending the same file is not a duplicate of Kari's.
      expect((await store.add(OLA, receipt('same photo'))).duplicateOf).toBeUndefined();
    });

    it('finds the same purchase photographed twice by merchant, date and total', async () => {
      const store = await h.fresh();
      const { receipt: first } = await store.add(KARI, receipt('first photo'));
      await store.setFields(KARI, first.id, fields({ merchant: 'Fjord1 AS' }));
      const { receipt: second, duplicateOf } = await store.add(KARI, receipt('other angle'));
      expect(duplicateOf).toBeUndefined();

      const read = fields({ merchant: 'FJORD1' });
      expect((await store.findSimilar(KARI, read, { excludeId: second.id }))?.id).toBe(first.id);
      await store.setFields(KARI, second.id, read);
      expect((await store.findSimilar(KARI, read, { excludeId: second.id }))?.id).toBe(first.id);
      expect((await store.findSimilar(KARI, read, { excludeId: first.id }))?.id).toBe(second.id);

      for (const other of [
        fields({ totalMinor: 14_600 }),
        fields({ date: '2026-03-15' }),
        fields({ currency: 'EUR' }),
        fields({ merchant: 'Norled' }),
      ])
        expect(await store.findSimilar(KARI, other)).toBeUndefined();
      expect(await store.findSimilar(OLA, read)).toBeUndefined();
      // Without all three facts there is nothing to compare on.
      const { merchant: _m, ...noMerchant } = read;
      expect(await store.findSimilar(KARI, noMerchant)).toBeUndefined();
      // A receipt naming no currency matches one that does.
      const { currency: _c, ...noCurrency } = read;
      expect((await store.findSimilar(KARI, noCurrency, { excludeId: second.id }))?.id).toBe(
        first.id,
      );
    });

    it('shows another employee nothing and lets them change nothing', async () => {
      const store = await h.fresh();
      const { receipt: saved } = await store.add(KARI, receipt('private'));
      await store.attach(KARI, [saved.id], 'draft-kari');
      expect(await store.get(OLA, saved.id)).toBeUndefined();
      await expect(store.readBlob(OLA, saved.id)).rejects.toThrow(ReceiptNotFoundError);
      expect(await store.listByDraft(OLA, 'draft-kari')).toEqual([]);
      await expect(store.attach(OLA, [saved.id], 'draft-ola')).rejects.toThrow(
        ReceiptNotFoundError,
      );
      await expect(store.detach(OLA, [saved.id])).rejects.toThrow(ReceiptNotFoundError);
      await expect(store.markFiled(OLA, [saved.id], 'claim-ola')).rejects.toThrow(
        ReceiptNotFoundError,
      );
      await expect(store.setFields(OLA, saved.id, fields())).rejects.toThrow(ReceiptNotFoundError);
      expect(await store.remove(OLA, saved.id)).toBe(false);
      await store.detach(KARI, [saved.id]);
      expect(await store.listInbox(OLA)).toEqual([]);
      expect(await store.countWaiting(OLA, new Date(Date.now() + 60_000))).toBe(0);
      expect(await store.get(KARI, saved.id)).toMatchObject({ status: 'inbox' });
      expect((await store.get(KARI, saved.id))?.fields).toBeUndefined();
    });

    it('moves receipts from the inbox to a draft and on to a filed claim', async () => {
      const store = await h.fresh();
      const a = (await store.add(KARI, receipt('a'))).receipt;
      const b = (await store.add(KARI, receipt('b'))).receipt;
      await store.attach(KARI, [a.id, b.id, a.id], 'draft-1');
      expect(await store.listInbox(KARI)).toEqual([]);
      expect(ids(await store.listByDraft(KARI, 'draft-1')).sort()).toEqual([a.id, b.id].sort());

      await store.detach(KARI, [b.id]);
      expect(ids(await store.listInbox(KARI))).toEqual([b.id]);
      expect(await store.get(KARI, b.id)).not.toHaveProperty('draftId');

      await store.markFiled(KARI, [a.id], 'claim-42');
      await store.markFiled(KARI, [a.id], 'claim-42'); // a retried filing
      expect(await store.get(KARI, a.id)).toMatchObject({
        status: 'filed',
        claimId: 'claim-42',
        draftId: 'draft-1',
      });
      expect(ids(await store.listByClaim(KARI, 'claim-42'))).toEqual([a.id]);
      expect(await store.listByDraft(KARI, 'draft-1')).toEqual([]);
      await expect(store.markFiled(KARI, [a.id], 'claim-43')).rejects.toThrow(ReceiptStateError);
      await expect(store.attach(KARI, [a.id], 'draft-2')).rejects.toThrow(ReceiptStateError);
      await expect(store.detach(KARI, [a.id])).rejects.toThrow(ReceiptStateError);
      await expect(store.remove(KARI, a.id)).rejects.toThrow(ReceiptStateError);
      expect(await store.get(KARI, a.id)).toMatchObject({ status: 'filed' });
    });

    it('changes all receipts in a batch or none', async () => {
      const store = await h.fresh();
      const mine = (await store.add(KARI, receipt('mine'))).receipt;
      const filed = (await store.add(KARI, receipt('filed'))).receipt;
      const theirs = (await store.add(OLA, receipt('theirs'))).receipt;
      await expect(store.attach(KARI, [mine.id, theirs.id], 'draft-1')).rejects.toThrow(
        ReceiptNotFoundError,
      );
      await store.markFiled(KARI, [filed.id], 'claim-1');
      await expect(store.attach(KARI, [mine.id, filed.id], 'draft-1')).rejects.toThrow(
        ReceiptStateError,
      );
      expect(await store.get(KARI, mine.id)).toMatchObject({ status: 'inbox' });
      expect(await store.listByDraft(KARI, 'draft-1')).toEqual([]);
    });

    it('removes a receipt, and its image only with the last receipt that shares it', async () => {
      const store = await h.fresh();
      const first = (await store.add(KARI, receipt('twice'))).receipt;
      const second = (await store.add(KARI, receipt('twice'))).receipt;
      const olas = (await store.add(OLA, receipt('twice'))).receipt;
      expect(await store.remove(KARI, first.id)).toBe(true);
      expect((await store.readBlob(KARI, second.id)).equals(receipt('twice').bytes)).toBe(true);
      expect(await store.remove(KARI, second.id)).toBe(true);
      expect(await store.remove(KARI, second.id)).toBe(false);
      expect(await store.get(KARI, second.id)).toBeUndefined();
      await expect(store.readBlob(KARI, second.id)).rejects.toThrow(ReceiptNotFoundError);
      // Ola's copy of the same file is Ola's.
      expect((await store.readBlob(OLA, olas.id)).equals(receipt('twice').bytes)).toBe(true);
      // The same file sent again after all were removed is stored anew.
      const again = await store.add(KARI, receipt('twice'));
      expect(again.duplicateOf).toBeUndefined();
      expect((await store.readBlob(KARI, again.receipt.id)).length).toBe(
        receipt('twice').bytes.length,
      );
    });

    it('rejects fields that break the contract, unknown ids and input that does not add up', async () => {
      const store = await h.fresh();
      const { receipt: saved } = await store.add(KARI, receipt('x'));
      await expect(
        store.setFields(KARI, saved.id, { ...fields(), date: '14.03.2026' }),
      ).rejects.toThrow();
      expect((await store.get(KARI, saved.id))?.fields).toBeUndefined();
      await expect(store.setFields(KARI, 'no-such-id', fields())).rejects.toThrow(
        ReceiptNotFoundError,
      );
      await expect(store.add(KARI, { ...receipt('y'), sha256: 'f'.repeat(64) })).rejects.toThrow(
        /sha256/,
      );
      const gif = { ...receipt('z'), mime: 'image/gif' } as unknown as NewReceipt;
      await expect(store.add(KARI, gif)).rejects.toThrow(/mime/);
      await expect(store.add(' ', receipt('z'))).rejects.toThrow(/employee/);
      expect(ids(await store.listInbox(KARI))).toEqual([saved.id]);
    });

    it('lists the receipts nothing has read yet, everyone’s, oldest first', async () => {
      let now = Date.parse('2026-03-02T08:00:00Z');
      const store = await h.fresh({ now: () => new Date((now += 1_000)) });
      const a = (await store.add(KARI, receipt('a'))).receipt;
      const b = (await store.add(OLA, receipt('b'))).receipt;
      const c = (await store.add(KARI, receipt('c'))).receipt;
      await store.setFields(KARI, c.id, fields());
      expect(ids(await store.listUnread())).toEqual([a.id, b.id]);
      expect(ids(await store.listInbox(KARI))).toEqual([c.id, a.id]);
    });

    it('keeps the order receipts arrived in when the clock stands still', async () => {
      const at = new Date('2026-03-02T08:00:00Z');
      const store = await h.fresh({ now: () => at });
      const made = [];
      for (const text of ['1', '2', '3']) made.push((await store.add(KARI, receipt(text))).receipt);
      expect(ids(await store.listInbox(KARI))).toEqual(ids(made).reverse());
      expect(ids(await store.listUnread())).toEqual(ids(made));
      expect((await store.get(KARI, made[0]?.id ?? ''))?.createdAt).toBe(at.toISOString());
    });

    it('counts the receipts waiting in the inbox since before a time (for reminders)', async () => {
      let now = new Date('2026-03-02T08:00:00Z');
      const store = await h.fresh({ now: () => now });
      const early = (await store.add(KARI, receipt('early'))).receipt;
      const attached = (await store.add(KARI, receipt('attached'))).receipt;
      await store.attach(KARI, [attached.id], 'draft-1');
      now = new Date('2026-03-05T08:00:00Z');
      await store.add(KARI, receipt('late'));
      await store.add(OLA, receipt('olas'));
      expect(await store.countWaiting(KARI, new Date('2026-03-04T00:00:00Z'))).toBe(1);
      expect(await store.countWaiting(KARI, new Date('2026-03-06T00:00:00Z'))).toBe(2);
      expect(await store.countWaiting(KARI, new Date('2026-03-02T08:00:00Z'))).toBe(0);
      await store.remove(KARI, early.id);
      expect(await store.countWaiting(KARI, new Date('2026-03-04T00:00:00Z'))).toBe(0);
    });

    it('commits the work handed to add (the reading job) with the receipt, or neither', async () => {
      const store = await h.fresh();
      const queue = h.queue();
      const enqueue = (tx: Tx, receiptId: string) =>
        queue.enqueue(tx, CONTRACT_READ_JOB, { key: receiptId, payload: { receiptId } });

      const { receipt: kept } = await store.add(KARI, receipt('kept'), (tx, added) =>
        enqueue(tx, added.receipt.id),
      );
      expect(await queue.find(CONTRACT_READ_JOB, kept.id)).toMatchObject({
        state: 'queued',
        payload: { receiptId: kept.id },
      });

      let attempted = '';
      await expect(
        store.add(KARI, receipt('lost'), (tx, added) => {
          attempted = added.receipt.id;
          return andThen(enqueue(tx, attempted), () => {
            throw new Error('the job could not be queued');
          });
        }),
      ).rejects.toThrow('the job could not be queued');
      expect(attempted).not.toBe('');
      expect(await store.get(KARI, attempted)).toBeUndefined();
      expect(await queue.find(CONTRACT_READ_JOB, attempted)).toBeUndefined();
      expect(ids(await store.listInbox(KARI))).toEqual([kept.id]);
      expect(ids(await store.listUnread())).toEqual([kept.id]);
      // The same file may be sent again: nothing of the failed attempt is in the way.
      const retried = await store.add(KARI, receipt('lost'));
      expect(retried.duplicateOf).toBeUndefined();
      expect((await store.readBlob(KARI, retried.receipt.id)).equals(receipt('lost').bytes)).toBe(
        true,
      );
    });

    it('runs inTransaction work atomically: jobs for several receipts, or none', async () => {
      const store = await h.fresh();
      const queue = h.queue();
      const a = (await store.add(KARI, receipt('a'))).receipt;
      const b = (await store.add(KARI, receipt('b'))).receipt;
      const job = (id: string) => ({ key: id, payload: { receiptId: id } });
      await expect(
        store.inTransaction((tx) =>
          andThen(queue.enqueue(tx, CONTRACT_READ_JOB, job(a.id)), () => {
            throw new Error('stop');
          }),
        ),
      ).rejects.toThrow('stop');
      expect(await queue.find(CONTRACT_READ_JOB, a.id)).toBeUndefined();
      const queued = await store.inTransaction((tx) =>
        andThen(queue.enqueue(tx, CONTRACT_READ_JOB, job(a.id)), (first) =>
          andThen(queue.enqueue(tx, CONTRACT_READ_JOB, job(b.id)), (second) => [first, second]),
        ),
      );
      expect(queued).toEqual([true, true]);
      expect(await queue.find(CONTRACT_READ_JOB, b.id)).toMatchObject({ state: 'queued' });
    });

    it('keeps a 5 MB photo byte for byte', async () => {
      const store = await h.fresh();
      const input = png(randomBytes(5 * 1024 * 1024), { mime: 'image/jpeg' });
      const { receipt: saved } = await store.add(KARI, input);
      expect(saved.size).toBe(5 * 1024 * 1024);
      const back = await (await h.another()).readBlob(KARI, saved.id);
      expect(back.equals(input.bytes)).toBe(true);
      await expect(store.readBlob(OLA, saved.id)).rejects.toThrow(ReceiptNotFoundError);
    }, 30_000);
  });
}
