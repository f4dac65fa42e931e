/**
 * The application layer's claim work against the real claims API on a local port and a real
 * SQLite receipt store: filing uploads the receipts and marks them filed, the list carries signed
 * links, a refusal and an unreachable API come back as events the conversation can explain, and
 * a whole turn ("mine krav") runs from event through effect to the result the bot delivers.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import type { NewClaim } from '../src/claims/claim.js';
import type { TurnResult } from '../src/conversation/types.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { ClaimFiling } from '../src/services/claim-filing.js';
import { ClaimsListing } from '../src/services/claims-listing.js';
import { EffectRunner } from '../src/services/effect-runner.js';
import { createExpenseServices } from '../src/services/expense-services.js';
import { createReceiptLinks } from '../src/services/receipt-links.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { startClaimsApi, type RunningClaimsApi } from './helpers/claims-api-server.js';

const KARI = '00000000-0000-4000-8000-00000000000a';
const logger = pino({ level: 'silent' });
const parking: NewClaim = {
  description: 'Parkering',
  purpose: 'Kundemøte',
  lines: [
    { type: 'outlay', date: '2026-11-20', kind: 'parking', amountMinor: 6_000, currency: 'NOK' },
  ],
};
const photo = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));

let api: RunningClaimsApi;
beforeAll(async () => {
  api = await startClaimsApi();
});
afterAll(async () => {
  await api.close();
});

function setup(claimsUrl = api.url) {
  const db = openDatabase(':memory:');
  const store = new SqliteReceiptStore(db, mkdtempSync(path.join(tmpdir(), 'rr-services-')));
  const receipts = new ReceiptPipeline({ store, extractor: createOfflineExtractor() });
  const claims = createClaimsClient({ baseUrl: claimsUrl, token: api.token, timeoutMs: 2000 });
  const links = createReceiptLinks({ secret: 'test-secret', baseUrl: 'https://bot.example' });
  return { db, store, receipts, claims, links };
}

/** A photo already in the inbox, as if read earlier. */
async function storedPhoto(store: SqliteReceiptStore) {
  const sha256 = createHash('sha256').update(photo).digest('hex');
  const { receipt } = await store.add(KARI, {
    bytes: photo,
    sha256,
    mime: 'image/jpeg',
    name: 'p.jpg',
  });
  const sure = 1;
  await store.setFields(KARI, receipt.id, {
    kind: 'parking',
    totalMinor: 6_000,
    currency: 'NOK',
    date: '2026-11-20',
    confidence: {
      ...{ kind: sure, merchant: sure, orgNo: sure, date: sure },
      ...{ total: sure, currency: sure, vat: sure, vatRate: sure },
    },
  });
  return { id: receipt.id, sha256 };
}

describe('claim filing', () => {
  it('uploads the receipt, files the claim with it and takes the receipt out of the inbox', async () => {
    const { store, receipts, claims, links } = setup();
    const { id, sha256 } = await storedPhoto(store);
    expect(await receipts.inbox(KARI)).toHaveLength(1);
    const filing = new ClaimFiling({ claims, receipts, logger });

    const event = await filing.deliver(KARI, {
      draftId: 'draft-1',
      claim: parking,
      receiptIds: [id],
    });

    expect(event).toMatchObject({ type: 'filed' });
    const filed = event.type === 'filed' ? event.claim : undefined;
    expect(filed?.attachments).toEqual([
      { sha256, mime: 'image/jpeg', role: 'receipt', name: 'p.jpg' },
    ]);
    expect(await claims.getAttachment(KARI, sha256)).toMatchObject({ mime: 'image/jpeg' });
    expect(await receipts.inbox(KARI)).toEqual([]);

    const listed = await new ClaimsListing({ claims, links, logger }).list(KARI);
    expect(listed.type).toBe('claimsListed');
    const receiptLinks = listed.type === 'claimsListed' ? listed.receiptLinks : undefined;
    expect(receiptLinks?.[filed?.id ?? '']?.[0]).toMatch(
      new RegExp(`^https://bot\\.example/receipts/${sha256}\\?`),
    );
  });

  it('reports a claim the API refuses as refused for good, with the reason to tell', async () => {
    const { receipts, claims } = setup();
    const event = await new ClaimFiling({ claims, receipts, logger }).deliver(KARI, {
      draftId: 'draft-2',
      claim: { ...parking, lines: [] },
    });
    expect(event).toMatchObject({ type: 'refused', refusal: { code: 'validation' } });
  });

  it('reports an unreachable API as worth retrying, and the list as failed', async () => {
    const { receipts, claims, links } = setup('http://127.0.0.1:9/claims-api/v1');
    const event = await new ClaimFiling({ claims, receipts, logger }).deliver(KARI, {
      draftId: 'draft-3',
      claim: parking,
    });
    expect(event.type).toBe('retry');
    expect(event.type === 'retry' && event.error).toMatch(/request failed/);
    // No answer at all, quickly: worth one more try while the user waits.
    expect(event.type === 'retry' && event.atOnce).toBe(true);
    expect(await new ClaimsListing({ claims, links, logger }).list(KARI)).toEqual({
      type: 'claimsListFailed',
    });
  });
});

describe('conversation runner', () => {
  it('runs "mine krav" through the listClaims effect to the list, state kept in SQLite', async () => {
    const { db, receipts, claims, links } = setup();
    await claims.fileClaim(KARI, parking, 'draft-listed');
    const { conversations } = createExpenseServices({
      storage: new SqliteStorage(db),
      queue: new SqliteJobQueue(db),
      help: new HelpService(loadGuide()),
      receipts,
      claims,
      links,
      intake: { authEnabled: false },
      logger,
    });
    const delivered: TurnResult[] = [];
    const facts = {
      today: '2026-11-24',
      scope: 'personal' as const,
      locale: 'nb-NO',
      defaultLang: 'nb' as const,
      newId: () => 'id-1',
    };

    await conversations.run(KARI, facts, [{ type: 'text', text: 'mine krav' }], (r) => {
      delivered.push(r);
      return Promise.resolve();
    });

    expect(delivered.map((r) => r.effects.map((e) => e.type))).toEqual([['listClaims'], []]);
    expect(JSON.stringify(delivered[1]?.messages)).toContain('Parkering');
    const row = db.prepare('select count(*) as n from bot_state').get() as
      { n: number } | undefined;
    expect(row?.n).toBeGreaterThan(0);
  });
});

describe('effect runner', () => {
  it('answers from the guide and reads the inbox, each as the event the conversation expects', async () => {
    const { store, receipts, claims, links } = setup();
    const { id } = await storedPhoto(store);
    const effects = new EffectRunner({
      help: new HelpService(loadGuide(), { warmUp: false }),
      receipts,
      // Filing goes through the outbox (test/claim-outbox.test.ts); not asked for here.
      filing: {
        deliverNow: () => Promise.reject(new Error('no filing in this test')),
        cancel: () => Promise.reject(new Error('no filing in this test')),
      },
      listing: new ClaimsListing({ claims, links, logger }),
      logger,
    });

    const help = await effects.run(KARI, {
      type: 'answerHelp',
      question: 'hvordan bytter jeg språk?',
      lang: 'nb',
    });
    expect(help).toMatchObject({ type: 'helpAnswered', reply: { found: true, lang: 'nb' } });
    expect(await effects.run(KARI, { type: 'listReceipts' })).toMatchObject({
      type: 'receiptsListed',
      receipts: [{ id }],
    });
    expect(await effects.run(KARI, { type: 'gatherInbox' })).toMatchObject({
      type: 'inboxGathered',
      receipts: [{ id }],
    });
    expect(await effects.run(KARI, { type: 'loadReceipt', receiptId: id })).toMatchObject({
      type: 'receiptRead',
      receipt: { id, fields: { kind: 'parking' } },
    });
    // A receipt gone meanwhile (filed from another device): the inbox as it is now.
    expect(await effects.run(KARI, { type: 'loadReceipt', receiptId: 'gone' })).toMatchObject({
      type: 'receiptsListed',
    });
  });
});
