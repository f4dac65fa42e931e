/**
 * One bot instance as far as reading receipts goes, on either backend: its services, its receipt
 * reading worker, and what its notification worker posts. A photo is sent the way the bot handles
 * one (acknowledged, then stored and read), fetched from a file host answering with `photo`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createClaimsClient } from '../../src/claims-api/claims-client.js';
import type { TurnContextData, View } from '../../src/conversation/types.js';
import { HelpService } from '../../src/help/compose-answer.js';
import { loadGuide } from '../../src/help/guide-loader.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import type { ConversationRefStore } from '../../src/notifications/conversation-refs.js';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import {
  createOfflineExtractor,
  type OfflineExtractor,
} from '../../src/receipts/offline-extractor.js';
import type { ReceiptExtractor } from '../../src/receipts/receipt-fields.js';
import { ReceiptPipeline } from '../../src/receipts/receipt-pipeline.js';
import type { ReceiptStore } from '../../src/receipts/receipt-store.js';
import type { StateStore } from '../../src/services/conversation-runner.js';
import { createExpenseServices } from '../../src/services/expense-services.js';
import type { ReadingOptions } from '../../src/services/receipt-reading.js';

export const KARI = '00000000-0000-4000-8000-0000000000b1';
const CHAT = { conversation: { id: 'a:kari-receipts' } };
const photo = readFileSync(path.join(import.meta.dirname, '../fixtures/receipts/parking-no.jpg'));

export const facts: TurnContextData = {
  today: '2026-11-24',
  scope: 'personal',
  locale: 'nb-NO',
  defaultLang: 'nb',
  newId: () => 'draft-from-photo',
};

/** The real offline OCR for a test file: warmed before its tests, closed after them. */
export function useOfflineOcr(): () => OfflineExtractor {
  let ocr: OfflineExtractor | undefined;
  beforeAll(async () => {
    ocr = createOfflineExtractor();
    await ocr.warm();
  }, 60_000);
  afterAll(() => ocr?.close());
  return () => ocr as OfflineExtractor;
}

/** Where one instance keeps things: every store on the same database as `queue`. */
export interface ReadingBackend<Tx> {
  storage: StateStore<Tx>;
  queue: JobQueue<Tx>;
  store: ReceiptStore<Tx>;
  refs: ConversationRefStore;
  reading?: Partial<ReadingOptions>;
}

export function readingInstance<Tx>(backend: ReadingBackend<Tx>, extractor: ReceiptExtractor) {
  const { storage, queue, store, refs } = backend;
  const services = createExpenseServices({
    storage,
    queue,
    reading: { backoff: { baseMs: 10, maxMs: 20 }, maxAttempts: 3, ...backend.reading },
    help: new HelpService(loadGuide(), { warmUp: false }),
    receipts: new ReceiptPipeline({ store, extractor }),
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
    refs,
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
      (await storage.read([`users/${KARI}`]))[`users/${KARI}`] as {
        state: { outlay?: { id: string; receiptIds?: string[] } };
      }
    ).state;
  const until = async (check: () => boolean | Promise<boolean>) => {
    for (const end = Date.now() + 20_000; !(await check()); await sleep(20))
      if (Date.now() > end) throw new Error('timed out');
  };
  return { queue, services, reader, notices, posted, send, state, until };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
