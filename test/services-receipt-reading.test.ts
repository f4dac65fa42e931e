/**
 * Reading the photos of one message in the application layer, with the real receipt pipeline
 * (SQLite store, offline OCR) and a file host answering from the fixtures: every photo yields an
 * event in order, a read one with its fields, a refused download with a message in each language.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/conversation/types.js';
import {
  createOfflineExtractor,
  type OfflineExtractor,
} from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { readReceiptJob, ReceiptReading } from '../src/services/receipt-reading.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { openDatabase } from '../src/store/sqlite-database.js';

const KARI = '00000000-0000-4000-8000-00000000000a';
const photo = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));

let extractor: OfflineExtractor;
beforeAll(async () => {
  extractor = createOfflineExtractor();
  await extractor.warm();
}, 60_000);
afterAll(async () => {
  await extractor?.close();
});

/** The Teams file host: the parking photo, and a refusal for anything else. */
function fileHost(url: string): Promise<Response> {
  return Promise.resolve(
    url.endsWith('/parkering.jpg')
      ? new Response(new Uint8Array(photo), { status: 200 })
      : new Response('gone', { status: 403 }),
  );
}

describe('receipt reading', () => {
  it('hands on one event per photo, in order, with the comment and the batch', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteReceiptStore(db, mkdtempSync(path.join(tmpdir(), 'rr-reading-')));
    const queue = new SqliteJobQueue(db);
    const reading = new ReceiptReading({
      receipts: new ReceiptPipeline({ store, extractor }),
      intake: { authEnabled: false, fetch: fileHost },
      queue,
      logger: pino({ level: 'silent' }),
    });
    const file = (name: string) => ({
      kind: 'file' as const,
      url: `http://127.0.0.1:1/files/${name}`,
      contentType: 'image/jpeg',
      name,
    });
    const events: ConversationEvent[] = [];

    await reading.read(
      KARI,
      {
        files: [file('parkering.jpg'), file('gone.jpg')],
        batchId: 'msg-1',
        comment: 'kundemøte',
        getBotToken: () => Promise.reject(new Error('no token needed without auth')),
      },
      (event) => {
        events.push(event);
        return Promise.resolve();
      },
    );

    expect(events.map((e) => e.type)).toEqual(['receiptRead', 'receiptFailed']);
    expect(events[0]).toMatchObject({
      batch: { id: 'msg-1', index: 0 },
      comment: 'kundemøte',
      receipt: { name: 'parkering.jpg', fields: { kind: 'parking' } },
    });
    const failed = events[1];
    expect(failed?.type === 'receiptFailed' && failed.batch).toEqual({ id: 'msg-1', index: 1 });
    const messages = failed?.type === 'receiptFailed' ? failed.messages : undefined;
    expect(Object.keys(messages ?? {}).sort()).toEqual(['en', 'nb', 'nn']);
    expect(new Set(Object.values(messages ?? {})).size).toBe(3);
    expect(await store.listInbox(KARI)).toHaveLength(1);
    // Reading the stored photo was a job, keyed by the receipt; the turn that records the
    // result ends it (receipt-reading-jobs.test.ts).
    const id = (await store.listInbox(KARI))[0]?.id ?? '';
    expect(await queue.find(readReceiptJob, id)).toMatchObject({
      state: 'leased',
      attempts: 1,
      payload: { receiptId: id, batch: { id: 'msg-1', index: 0 }, comment: 'kundemøte' },
    });
  }, 60_000);
});
