/**
 * The receipt store on PostgreSQL (migration 004): the store contract
 * (contracts/receipt-store-contract.ts), and what only it has: the image bytes in the database,
 * kept once per employee and content, and shared by every instance. On a real server
 * (test/helpers/pg-test-database.ts says which, and when this file skips).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgJobQueue } from '../src/jobs/pg-job-queue.js';
import { PgReceiptStore } from '../src/receipts/pg-receipt-store.js';
import {
  CONTRACT_READ_JOB,
  KARI,
  OLA,
  receipt,
  receiptStoreContract,
} from './contracts/receipt-store-contract.js';
import { describePg, useMigratedSchemas } from './helpers/pg-test-database.js';

describePg('PostgreSQL receipt store', () => {
  const schemas = useMigratedSchemas('receipts', ['receipts', 'receipt_blobs']);
  let queue: PgJobQueue | undefined;

  beforeAll(async () => {
    queue = await PgJobQueue.start(schemas.pool, {
      schema: schemas.db.bossSchema,
      supervise: false,
      kinds: [CONTRACT_READ_JOB],
    });
  });
  afterAll(() => queue?.stop());

  receiptStoreContract('PostgreSQL', {
    fresh: (options) => Promise.resolve(new PgReceiptStore(schemas.pool, options)),
    another: () => Promise.resolve(new PgReceiptStore(schemas.db.open(2))),
    queue: () => queue as PgJobQueue,
  });

  describe('image bytes in the database', () => {
    const blobs = async () =>
      (
        await schemas.pool.query<{ employee_id: string }>(
          'SELECT employee_id FROM receipt_blobs ORDER BY employee_id',
        )
      ).rows.map((row) => row.employee_id);

    it('keeps one image per employee and content, and removes it with the last receipt', async () => {
      const store = new PgReceiptStore(schemas.pool);
      const first = (await store.add(KARI, receipt('same'))).receipt;
      const second = (await store.add(KARI, receipt('same'))).receipt;
      const olas = (await store.add(OLA, receipt('same'))).receipt;
      expect(await blobs()).toEqual([KARI, OLA]);
      await store.remove(KARI, first.id);
      expect(await blobs()).toEqual([KARI, OLA]);
      await store.remove(KARI, second.id);
      expect(await blobs()).toEqual([OLA]);
      await store.remove(OLA, olas.id);
      expect(await blobs()).toEqual([]);
    });

    it('refuses to show bytes that no longer match their hash', async () => {
      const store = new PgReceiptStore(schemas.pool);
      const { receipt: saved } = await store.add(KARI, receipt('will be damaged'));
      await schemas.pool.query("UPDATE receipt_blobs SET bytes = 'garbage'::bytea");
      await expect(store.readBlob(KARI, saved.id)).rejects.toThrow(/hash/);
    });

    it('of two instances changing the same receipts at once, one wins and the other is refused', async () => {
      const a = new PgReceiptStore(schemas.pool);
      const b = new PgReceiptStore(schemas.db.open(2));
      const saved = (await a.add(KARI, receipt('contested'))).receipt;
      const outcomes = await Promise.allSettled([
        a.markFiled(KARI, [saved.id], 'claim-a'),
        b.markFiled(KARI, [saved.id], 'claim-b'),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const filed = await b.get(KARI, saved.id);
      expect(['claim-a', 'claim-b']).toContain(filed?.claimId);
    });

    it('adds and removes the same file at once on two instances without losing either', async () => {
      const a = new PgReceiptStore(schemas.pool);
      const b = new PgReceiptStore(schemas.db.open(2));
      for (let round = 0; round < 5; round++) {
        const old = (await a.add(KARI, receipt(`race ${round}`))).receipt;
        const [added] = await Promise.all([
          b.add(KARI, receipt(`race ${round}`)),
          a.remove(KARI, old.id),
        ]);
        const bytes = await a.readBlob(KARI, added.receipt.id);
        expect(bytes.equals(receipt(`race ${round}`).bytes)).toBe(true);
      }
    });
  });
});
