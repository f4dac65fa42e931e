/**
 * Status messages and reminders, wired: the conversation references, the status tracker, the
 * webhook endpoint or the poller, the reminder round and the worker that sends it all. `app.ts`
 * builds it once with the stores of the bot's database (SQLite or PostgreSQL: see
 * `notification-stores.ts`), its server and a way to deliver a view into a chat.
 */
import { randomBytes } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import type { UserState } from '../conversation/types.js';
import { langFromLocale, type Lang } from '../i18n/translate.js';
import { errorSummary } from '../logger.js';
import { CLAIM_EVENTS_PATH, registerClaimEvents, StatusPoller } from './claim-events.js';
import { NOTIFY } from './notification-job.js';
import type { NotificationStores } from './notification-stores.js';
import { NotificationWorker, type Deliver } from './notification-worker.js';
import { Reminders } from './reminders.js';
import { StatusTracker } from './status-tracker.js';

export interface NotificationsOptions<Tx> {
  stores: NotificationStores<Tx>;
  server: restify.Server;
  claims: ClaimsClient;
  deliver: Deliver;
  readState: (employeeId: string) => Promise<UserState>;
  defaultLang: Lang;
  logger: Logger;
  /** Signs the claims API's webhooks to us; a random one per start when not configured. */
  webhookSecret?: string;
  /** Seconds between polls when the claims API has no webhooks; 0 turns polling off. */
  pollSeconds: number;
  reminders: boolean;
  now?: () => Date;
}

export interface Notifications {
  /** A personal-chat turn: where to reach this person from now on. */
  remember(
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale?: string,
  ): Promise<void>;
  /** Where this person's personal chat is, when the bot can still post there. */
  reference(employeeId: string): Promise<Partial<ConversationReference> | undefined>;
  /** Messages were queued (e.g. what became of a claim filed later): send them now. */
  wake(): void;
  /** Subscribes to the claims API (or starts polling) with the callback under `publicBase`. */
  start(publicBase: string): Promise<'webhooks' | 'polling' | 'off'>;
  close(): Promise<void>;
}

const REMINDER_ROUND_MS = 15 * 60_000;

export function createNotifications<Tx>(opts: NotificationsOptions<Tx>): Notifications {
  const now = opts.now ?? (() => new Date());
  const log = opts.logger.child({ component: 'notifications' });
  const { queue, refs, ledger, soleProcess } = opts.stores;
  const tracker = new StatusTracker(ledger, queue);
  const worker = new NotificationWorker({
    queue,
    refs,
    deliver: opts.deliver,
    langOf: async (employeeId, locale) =>
      (await opts.readState(employeeId)).lang ?? langFromLocale(locale) ?? opts.defaultLang,
    logger: log,
    now,
  });
  const onQueued = () => worker.wake();
  const secret = opts.webhookSecret ?? randomBytes(32).toString('base64url');
  registerClaimEvents(opts.server, { secret, tracker, onQueued, logger: log, now });
  const poller = new StatusPoller({ claims: opts.claims, refs, tracker, onQueued, logger: log });
  const store = opts.stores.reminders;
  const reminders = new Reminders({ store, queue, refs, readState: opts.readState, now });
  let reminderTimer: NodeJS.Timeout | undefined;

  return {
    remember: (employeeId, reference, locale) =>
      refs.remember(employeeId, reference, locale, now()),
    wake: onQueued,
    reference: async (employeeId) => {
      const stored = await refs.get(employeeId);
      return stored?.usable ? stored.reference : undefined;
    },

    async start(publicBase) {
      // Jobs a crashed run had leased are due again, when no other process can hold them.
      if (soleProcess) await queue.wakeAll(NOTIFY);
      worker.start();
      if (opts.reminders) {
        const round = () =>
          void reminders
            .runOnce()
            .then((n) => n > 0 && onQueued())
            .catch((err: unknown) => log.warn({ err: errorSummary(err) }, 'reminder round failed'));
        reminderTimer = setInterval(round, REMINDER_ROUND_MS);
        reminderTimer.unref();
      }
      const callback = `${publicBase.replace(/\/+$/, '')}${CLAIM_EVENTS_PATH}`;
      try {
        if ((await opts.claims.subscribe(callback, secret)) === 'subscribed') {
          log.info({ callback }, 'subscribed to claim events');
          return 'webhooks';
        }
      } catch (err) {
        log.warn({ err: errorSummary(err) }, 'subscribing to claim events failed; polling');
      }
      if (opts.pollSeconds <= 0) return 'off';
      poller.start(opts.pollSeconds);
      log.info({ everySeconds: opts.pollSeconds }, 'polling claims for status changes');
      return 'polling';
    },

    async close() {
      clearInterval(reminderTimer);
      poller.stop();
      await worker.stop();
    },
  };
}
