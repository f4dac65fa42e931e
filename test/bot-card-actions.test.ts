/**
 * A broken or foreign card click through the real bot (botbuilder's TestAdapter): both action
 * paths, Action.Execute and its Action.Submit fallback, get a clear reply instead of silence.
 */
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CardRenderer } from '../src/bot/card-renderer.js';
import { ExpenseBot } from '../src/bot/expense-bot.js';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { ReceiptStore } from '../src/receipts/receipt-store.js';
import { ProcessedActivities } from '../src/store/processed-activities.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { createExpenseServices } from '../src/services/expense-services.js';

function makeBot() {
  const db = openDatabase(':memory:');
  let n = 0;
  return new ExpenseBot({
    services: createExpenseServices({
      storage: new SqliteStorage(db),
      help: new HelpService(loadGuide()),
      receipts: new ReceiptPipeline({
        store: new ReceiptStore(db, mkdtempSync(path.join(tmpdir(), 'rr-bot-actions-'))),
        extractor: createOfflineExtractor(),
      }),
      intake: { authEnabled: false },
      // Nothing here files a claim: a closed port is enough.
      claims: createClaimsClient({ baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 500 }),
      logger: pino({ level: 'silent' }),
    }),
    botAppId: '',
    processed: new ProcessedActivities(db),
    cards: new CardRenderer(),
    logger: pino({ level: 'silent' }),
    defaultLang: 'nb',
    now: () => new Date('2026-11-24T09:00:00Z'),
    newId: () => `draft-${++n}`,
  });
}

function chat(locale: string) {
  const sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      sent.push(...activities);
      return next();
    });
    await makeBot().run(context);
  });
  let id = 0;
  const base = (over: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    id: `activity-${++id}`,
    locale,
    from: { id: '29:aad-actions', name: 'Kari Nordmann', aadObjectId: 'aad-actions' },
    conversation: { id: 'conv-actions', conversationType: 'personal', isGroup: false, name: '' },
    ...over,
  });
  return {
    texts: () => sent.filter((a) => a.type === ActivityTypes.Message && a.text).map((a) => a.text),
    /** Action.Submit: a message whose value is the card's data. */
    submit: (value: unknown) => adapter.processActivity(base({ type: 'message', value })),
    /** Action.Execute: an invoke whose value carries the verb and the data. */
    execute: (value: unknown) =>
      adapter.processActivity(base({ type: 'invoke', name: 'adaptiveCard/action', value })),
  };
}

describe('an unknown or malformed card action through the bot', () => {
  it('answers Action.Submit payloads it cannot read, in bokmål', async () => {
    const c = chat('nb-NO');
    await c.submit(['outlay.file']);
    await c.submit('outlay.file');
    await c.submit({ action: 42 });
    await c.submit({ action: 'receipt.toClaim' });
    expect(c.texts()).toEqual(
      Array(4).fill(expect.stringMatching(/Jeg klarte ikke å lese det den knappen sendte/)),
    );
  });

  it('answers an unknown Action.Execute verb in nynorsk', async () => {
    const c = chat('nn-NO');
    await c.execute({ action: { type: 'Action.Execute', verb: 'outlay.frobnicate', data: {} } });
    expect(c.texts()).toEqual([expect.stringMatching(/Den knappen kjenner eg ikkje/)]);
  });

  it('answers an Action.Execute without a readable action in English', async () => {
    const c = chat('en-US');
    await c.execute({ action: 'outlay.start' });
    await c.execute({
      action: { type: 'Action.Execute', verb: 'receipt.toClaim', data: { receiptId: 5 } },
    });
    expect(c.texts()).toEqual(
      Array(2).fill(expect.stringMatching(/I could not read what that button sent/)),
    );
  });
});
