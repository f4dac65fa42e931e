/**
 * Reading receipts as jobs with everything on PostgreSQL (state, queue, receipt store with the
 * image bytes), on a real server (test/helpers/pg-test-database.ts says which, and when this file
 * skips), with the real offline OCR: the receipt's row, its bytes and its reading job commit
 * together and the job ends with the turn that records the result; an instance killed while
 * reading leaves the job to another instance, which reads the bytes from the database and tells
 * the chat once.
 */
import { afterAll, expect, it } from 'vitest';
import { PgJobQueue } from '../src/jobs/pg-job-queue.js';
import { NOTIFY } from '../src/notifications/notification-job.js';
import { PgConversationRefs } from '../src/notifications/conversation-refs.js';
import type { ReceiptExtractor } from '../src/receipts/receipt-fields.js';
import { PgReceiptStore } from '../src/receipts/pg-receipt-store.js';
import { readReceiptJob } from '../src/services/receipt-reading.js';
import { PgStorage } from '../src/store/pg/pg-storage.js';
import { describePg, useMigratedSchemas } from './helpers/pg-test-database.js';
import { readingInstance, useOfflineOcr } from './helpers/reading-instance.js';

describePg('reading receipts on PostgreSQL', () => {
  const schemas = useMigratedSchemas('reading', [
    'bot_state',
    'receipts',
    'receipt_blobs',
    'conversation_refs',
  ]);
  const queues: PgJobQueue[] = [];
  const ocr = useOfflineOcr();
  afterAll(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
  });

  /** The real OCR, or a reader that never returns (the instance is killed mid-reading). */
  const reader = (hang: boolean): ReceiptExtractor => ({
    extract: (bytes, mime) => (hang ? new Promise(() => undefined) : ocr().extract(bytes, mime)),
    close: () => Promise.resolve(),
  });

  /** A bot instance with a pool of its own, as another process would have. */
  async function instance(hang = false) {
    const pool = schemas.db.open(4);
    const queue = await PgJobQueue.start(pool, {
      schema: schemas.db.bossSchema,
      supervise: false,
      kinds: [readReceiptJob, NOTIFY],
    });
    queues.push(queue);
    return readingInstance(
      {
        storage: new PgStorage(pool),
        queue,
        store: new PgReceiptStore(pool),
        refs: new PgConversationRefs(pool),
        // Short, so another instance may take over a dead one's reading within the test.
        reading: { leaseMs: 1_500 },
      },
      reader(hang),
    );
  }

  const latest = async () =>
    (
      await schemas.pool.query<{ id: string; read: boolean; bytes: number }>(
        `SELECT r.id, r.fields IS NOT NULL AS read, octet_length(b.bytes) AS bytes
           FROM receipts r JOIN receipt_blobs b USING (employee_id, sha256)
          ORDER BY r.seq DESC LIMIT 1`,
      )
    ).rows[0] ?? { id: '', read: false, bytes: 0 };

  it('commits the job with the row and the bytes, and ends it with the turn that records the result', async () => {
    const a = await instance();
    const shown = await a.send('msg-read');
    expect(JSON.stringify(shown)).toContain('Aimo Park');
    const { id, read, bytes } = await latest();
    expect({ read, bytes: bytes > 10_000 }).toEqual({ read: true, bytes: true });
    expect(await a.queue.find(readReceiptJob, id)).toMatchObject({ state: 'done', attempts: 1 });
    expect((await a.state()).outlay?.receiptIds).toEqual([id]);
  }, 60_000);

  it('an instance killed while reading leaves the job to another, which tells the chat once', async () => {
    const a = await instance(true);
    // Killed mid-OCR: the turn never ends; the row, its bytes and its job were committed before.
    void a.send('msg-killed');
    await a.until(async () => (await latest()).id !== '');
    const { id } = await latest();
    await a.until(async () => (await a.queue.find(readReceiptJob, id))?.state === 'leased');

    const b = await instance();
    expect(await b.reader.start()).toBe(1);
    try {
      await b.until(() => JSON.stringify(b.posted).includes('Aimo Park'));
    } finally {
      await b.reader.stop();
    }
    expect(await b.queue.find(readReceiptJob, id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(b.posted.filter((v) => v.kind === 'card')).toHaveLength(1);
    expect((await latest()).read).toBe(true);
    expect((await b.state()).outlay?.receiptIds).toEqual([id]);
  }, 60_000);
});
