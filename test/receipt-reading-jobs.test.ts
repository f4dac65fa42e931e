/**
 * Reading a receipt is a job of the bot's queue, in the application layer with real SQLite, the
 * real offline OCR and a file host answering from the fixtures: the job commits with the
 * receipt's row and ends with the turn that records its result; a bot killed while reading reads
 * it after the restart and the chat still gets the card; a reading that keeps failing is tried
 * again with backoff and then given up, with the user told to fill it in by hand.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../src/i18n/translate.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { ConversationRefs } from '../src/notifications/conversation-refs.js';
import type { ReceiptExtractor } from '../src/receipts/receipt-fields.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { readReceiptJob } from '../src/services/receipt-reading.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { readingInstance, useOfflineOcr } from './helpers/reading-instance.js';

const blobs = mkdtempSync(path.join(tmpdir(), 'rr-reading-jobs-'));

const ocr = useOfflineOcr();

/** The real OCR, or, while `mode` says so, a reader that never returns (killed) or fails. */
let mode: 'read' | 'hang' | 'fail' = 'read';
const extractor: ReceiptExtractor = {
  extract: (bytes, mime) =>
    mode === 'hang'
      ? new Promise(() => undefined)
      : mode === 'fail'
        ? Promise.reject(new Error('the OCR worker pool is gone'))
        : ocr().extract(bytes, mime),
  close: () => Promise.resolve(),
};

/** One bot process on `db`. */
const boot = (db: ReturnType<typeof openDatabase>) =>
  readingInstance(
    {
      storage: new SqliteStorage(db),
      queue: new SqliteJobQueue(db),
      store: new SqliteReceiptStore(db, blobs),
      refs: new ConversationRefs(db),
    },
    extractor,
  );

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
