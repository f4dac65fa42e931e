/**
 * The bot for botbuilder's TestAdapter tests, built the way the app builds it: real SQLite state
 * in memory, a receipt store in a temporary folder, the user guide, and a claims client for
 * whatever claims API the test names. Also the pieces every such chat needs: a personal-chat
 * activity from one user, a TestAdapter that records what the bot sends, and an Action.Execute.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { CardRenderer } from '../../src/bot/card-renderer.js';
import { ExpenseBot } from '../../src/bot/expense-bot.js';
import { createClaimsClient } from '../../src/claims-api/claims-client.js';
import { HelpService } from '../../src/help/compose-answer.js';
import { loadGuide } from '../../src/help/guide-loader.js';
import type { FetchLike } from '../../src/receipts/intake.js';
import { createOfflineExtractor } from '../../src/receipts/offline-extractor.js';
import type { ReceiptExtractor } from '../../src/receipts/receipt-fields.js';
import { ReceiptPipeline } from '../../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../../src/receipts/sqlite-receipt-store.js';
import { createExpenseServices } from '../../src/services/expense-services.js';
import { ProcessedActivities } from '../../src/store/processed-activities.js';
import { SqliteJobQueue } from '../../src/jobs/sqlite-job-queue.js';
import { openDatabase, type SqliteTx } from '../../src/store/sqlite-database.js';
import { SqliteStorage } from '../../src/store/sqlite-storage.js';

export interface TestBotOptions {
  /** The claims API the bot files to. */
  claims: { baseUrl: string; token: string; timeoutMs: number };
  /**
   * Reads the receipt photos. Default: a fresh offline extractor, whose OCR workers start only
   * when a photo arrives, so a test that sends none pays nothing for it.
   */
  extractor?: ReceiptExtractor;
  /** The Teams file host the photos are downloaded from. Default: the real `fetch`. */
  fetch?: FetchLike;
  /** New drafts are `<idPrefix>-1`, `<idPrefix>-2`, … Default: `draft`. */
  idPrefix?: string;
  /** While this says so, state writes fail as a crash mid-turn would leave them: not committed. */
  failWrites?: () => boolean;
}

export interface TestBot {
  bot: ExpenseBot<SqliteTx>;
  /** The bot's receipts, for checking what stayed in a user's inbox. */
  receipts: ReceiptPipeline;
}

/** A bot on its own in-memory database, in bokmål by default, at 2026-11-24 09:00 UTC. */
export function makeTestBot(options: TestBotOptions): TestBot {
  const db = openDatabase(':memory:');
  const receipts = new ReceiptPipeline({
    store: new SqliteReceiptStore(db, mkdtempSync(path.join(tmpdir(), 'rr-test-bot-'))),
    extractor: options.extractor ?? createOfflineExtractor(),
  });
  const idPrefix = options.idPrefix ?? 'draft';
  let n = 0;
  const processed = new ProcessedActivities(db);
  const bot = new ExpenseBot({
    services: createExpenseServices({
      storage: failingWhen(new SqliteStorage(db), options.failWrites),
      queue: new SqliteJobQueue(db),
      replay: processed,
      help: new HelpService(loadGuide()),
      receipts,
      intake: {
        authEnabled: false,
        // The fake file host answers every name; the names it is given resolve to a public
        // address (example.com's), so the address check passes without a DNS server.
        ...(options.fetch
          ? {
              fetch: options.fetch,
              lookup: () => Promise.resolve([{ address: '93.184.215.14', family: 4 }]),
            }
          : {}),
      },
      claims: createClaimsClient(options.claims),
      logger: pino({ level: 'silent' }),
    }),
    botAppId: '',
    processed,
    cards: new CardRenderer(),
    logger: pino({ level: 'silent' }),
    defaultLang: 'nb',
    now: () => new Date('2026-11-24T09:00:00Z'),
    newId: () => `${idPrefix}-${++n}`,
  });
  return { bot, receipts };
}

function failingWhen(storage: SqliteStorage, fail: (() => boolean) | undefined) {
  if (!fail) return storage;
  return {
    read: (keys: string[]) => storage.read(keys),
    write: (changes: Record<string, unknown>, inTx?: (tx: SqliteTx) => void) =>
      fail() ? Promise.reject(new Error('the process died here')) : storage.write(changes, inTx),
  };
}

/** Activities from one user in their personal chat with the bot; `over` adds the rest. */
export function personalChat(locale: string, aad: string, conversation = `conv-${aad}`) {
  return (over: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    locale,
    from: { id: `29:${aad}`, name: 'Kari Nordmann', aadObjectId: aad },
    conversation: { id: conversation, conversationType: 'personal', isGroup: false, name: '' },
    ...over,
  });
}

/**
 * A TestAdapter that runs `logic` for each activity and records everything the bot sends,
 * invoke responses included; an updated activity is recorded with the type `update`.
 */
export function recordingAdapter(logic: (context: TurnContext) => Promise<void>) {
  const sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      sent.push(...activities);
      return next();
    });
    context.onUpdateActivity(async (_ctx, activity, next) => {
      sent.push({ ...activity, type: 'update' });
      return next();
    });
    await logic(context);
  });
  return { adapter, sent };
}

/** A click on an Action.Execute button whose data is `data`: an `adaptiveCard/action` invoke. */
export const actionExecute = (data: Record<string, unknown>): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb: data.action, data } },
});
