/**
 * Reading a receipt is a job of the bot's queue, in the application layer with real SQLite, the
 * real offline OCR and a file host answering from the fixtures: the job commits with the
 * receipt's row and ends with the turn that records its result; a bot killed while reading reads
 * it after the restart and the chat still gets the card; a reading that keeps failing is tried
 * again with backoff and then given up, with the user told to fill it in by hand.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import type { TurnContextData, View } from '../src/conversation/types.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { t } from '../src/i18n/translate.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { ConversationRefs } from '../src/notifications/conversation-refs.js';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import {
  createOfflineExtractor,
  type OfflineExtractor,
} from '../src/receipts/offline-extractor.js';
import type { ReceiptExtractor } from '../src/receipts/receipt-fields.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { createExpenseServices } from '../src/services/expense-services.js';
import { readReceiptJob } from '../src/services/receipt-reading.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';

const KARI = '00000000-0000-4000-8000-0000000000b1';
const CHAT = { conversation: { id: 'a:kari-receipts' } };
const photo = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));
const blobs = mkdtempSync(path.join(tmpdir(), 'rr-reading-jobs-'));

let ocr: OfflineExtractor;
beforeAll(async () => {
  ocr = createOfflineExtractor();
  await ocr.warm();
}, 60_000);
afterAll(async () => {
  await ocr?.close();
});

/** The real OCR, or, while `mode` says so, a reader that never returns (killed) or fails. */
let mode: 'read' | 'hang' | 'fail' = 'read';
const extractor: ReceiptExtractor = {
  extract: (bytes, mime) =>
    mode === 'hang'
      ? new Promise(() => undefined)
      : mode === 'fail'
        ? Promise.reject(new Error('the OCR worker pool is gone'))
        : ocr.extract(bytes, mime),
  close: () => Promise.resolve(),
};

const facts: TurnContextData = {
  today: '2026-11-24',
  scope: 'personal',
  locale: 'nb-NO',
  defaultLang: 'nb',
  newId: () => 'draft-from-photo',
};

/** One bot process on `db`: its services, and what its notification worker posts. */
function boot(db: ReturnType<typeof openDatabase>) {
  const queue = new SqliteJobQueue(db);
  const services = createExpenseServices({
    storage: new SqliteStorage(db),
    queue,
    reading: { backoff: { baseMs: 10, maxMs: 20 }, maxAttempts: 3 },
    help: new HelpService(loadGuide(), { warmUp: false }),
    receipts: new ReceiptPipeline({ store: new SqliteReceiptStore(db, blobs), extractor }),
    claims: createClaimsClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', timeoutMs: 100 }),
    intake: {
      authEnabled: false,
      fetch: () => Promise.resolve(new Response(new Uint8Array(photo), { status: 200 })),
    },
    logger: pino({ level: 'silent' }),
  });
  const posted: View[] = [];
  const notices = new NotificationWorker({
    queue,
    refs: new ConversationRefs(db),
    deliver: (reference, view) => {
      expect(reference).toEqual(CHAT);
      return Promise.resolve(void posted.push(view));
    },
    langOf: () => Promise.resolve('nb'),
    logger: pino({ level: 'silent' }),
  });
  const reader = services.receiptWorker(
    { facts: () => facts, announced: () => notices.wake() },
    { pollMs: 20 },
  );
  /** A photo arrives in the chat, as the bot handles it: acknowledged, then read. */
  const send = async (batchId: string) => {
    await services.conversations.stepOnce(
      KARI,
      { type: 'receiptsArrived', count: 1, batchId },
      facts,
    );
    const shown: View[] = [];
    await services.receiptReading.read(
      KARI,
      {
        files: [{ kind: 'file', url: 'http://127.0.0.1:1/files/p.jpg', name: 'p.jpg' }],
        batchId,
        getBotToken: () => Promise.reject(new Error('no token without auth')),
        origin: { reference: CHAT },
      },
      (event) =>
        services.conversations.run(KARI, facts, [event], (r) =>
          Promise.resolve(void shown.push(...(r.replace ? [r.replace] : []), ...r.messages)),
        ),
    );
    return shown;
  };
  const state = async () =>
    (
      (await new SqliteStorage(db).read([`users/${KARI}`]))[`users/${KARI}`] as {
        state: { outlay?: { id: string; receiptIds?: string[] } };
      }
    ).state;
  const until = async (check: () => boolean) => {
    for (const end = Date.now() + 20_000; !check(); await new Promise((r) => setTimeout(r, 20)))
      if (Date.now() > end) throw new Error('timed out');
  };
  return { queue, services, reader, notices, posted, send, state, until };
}

const receiptOf = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT id, fields FROM receipts ORDER BY rowid DESC LIMIT 1').get() as {
    id: string;
    fields: string | null;
  }) ?? { id: '', fields: null };

describe('reading a receipt as a job', () => {
  it('commits the job with the row and ends it with the turn that records the result', async () => {
    mode = 'read';
    const db = openDatabase(':memory:');
    const { queue, send, state } = boot(db);
    const shown = await send('msg-read');
    expect(JSON.stringify(shown)).toContain('Aimo Park');
    const { id } = receiptOf(db);
    expect(await queue.find(readReceiptJob, id)).toMatchObject({ state: 'done', attempts: 1 });
    expect((await state()).outlay?.receiptIds).toEqual([id]);
  }, 60_000);

  it('a bot killed while reading reads it after the restart, and the chat gets the card', async () => {
    const db = openDatabase(':memory:');
    mode = 'hang';
    const first = boot(db);
    // Killed mid-OCR: the turns never end; the rows and their jobs were committed before. Two
    // messages, so the worker tells the same person twice after the restart.
    const leased = () =>
      (db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE state = 'leased'").get() as { n: number })
        .n;
    void first.send('msg-killed-1');
    await first.until(() => leased() === 1);
    void first.send('msg-killed-2');
    await first.until(() => leased() === 2);
    const { id } = receiptOf(db);
    expect(receiptOf(db).fields).toBeNull();

    mode = 'read';
    const second = boot(db);
    expect(await second.reader.start()).toBe(2);
    // Both turns are told: the card of the first, and that the second is the same receipt.
    const told = () => JSON.stringify(second.posted);
    try {
      await second.until(() => /Aimo Park[\s\S]*sendt denne kvitteringen før/.test(told()));
    } finally {
      await second.reader.stop();
    }
    expect(await second.queue.find(readReceiptJob, id)).toMatchObject({
      state: 'done',
      attempts: 2,
    });
    expect(second.posted.filter((v) => v.kind === 'card')).toHaveLength(1);
  }, 60_000);

  it('retries a failing reading with backoff, then gives up and says so in the chat', async () => {
    mode = 'fail';
    const db = openDatabase(':memory:');
    const { queue, reader, posted, send, until } = boot(db);
    // The turn's own attempt fails: nothing said yet, the job waits to be tried again.
    expect(await send('msg-fail')).toEqual([]);
    const { id } = receiptOf(db);
    expect(await queue.find(readReceiptJob, id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: 'the OCR worker pool is gone',
    });
    await reader.start();
    try {
      await until(() => posted.length > 0);
    } finally {
      await reader.stop();
    }
    expect(await queue.find(readReceiptJob, id)).toMatchObject({ state: 'dead', attempts: 3 });
    expect(posted).toContainEqual({ kind: 'text', text: t('nb', 'receipt.gaveUp') });
    const said = new Set((['nb', 'nn', 'en'] as const).map((l) => t(l, 'receipt.gaveUp')));
    expect(said.size).toBe(3);
    for (const text of said) expect(text).toMatch(/hånd|hand/);
  }, 60_000);
});
