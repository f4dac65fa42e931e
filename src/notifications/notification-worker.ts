/**
 * Delivers notification jobs to Teams. Teams allows about 7 messages a second per conversation:
 * a job over that is put back a moment later rather than sent; a 429 waits as long as Teams asks
 * (Retry-After) or backs off with jitter; a 403 means the app was removed, so the reference is
 * marked unusable and nothing more is tried for that person until they write again.
 */
import type { ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { View } from '../conversation/types.js';
import type { Lang } from '../i18n/translate.js';
import { backoffDelay } from '../jobs/backoff.js';
import type { JobQueue, LeasedJob } from '../jobs/job-queue.js';
import { errorSummary } from '../logger.js';
import type { ConversationRefStore } from './conversation-refs.js';
import { reminderView, statusChangeView } from './notice-views.js';
import { NOTIFY, type Notification } from './notification-job.js';

/** Sends one view into the conversation; throws what the Bot Connector answered. */
/** Posts `view` in the conversation, or puts it in the place of message `replaces` there. */
export type Deliver = (
  reference: Partial<ConversationReference>,
  view: View,
  replaces?: string,
) => Promise<void>;

export interface NotificationWorkerDeps {
  /** Any backend's queue: the worker only takes and settles jobs, in no transaction of its own. */
  queue: JobQueue<unknown>;
  refs: ConversationRefStore;
  deliver: Deliver;
  /** The user's language: their chosen or detected one, else their Teams locale's. */
  langOf: (employeeId: string, locale: string | undefined) => Promise<Lang>;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
}

const PER_SECOND = 7;
const MAX_ATTEMPTS = 8;
const LEASE_MS = 30_000;

/** The HTTP status and Retry-After of a failed send, wherever the connector client put them. */
function failureOf(err: unknown): { status?: number; retryAfterMs?: number } {
  const e = err as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: { get?: (name: string) => unknown } };
  };
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  return {
    ...(status !== undefined ? { status } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

export class NotificationWorker {
  private readonly now: () => Date;
  /** Send times per conversation in the last second. */
  private readonly sent = new Map<string, number[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly deps: NotificationWorkerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sends every job that is due; how many went out. */
  async runDue(): Promise<number> {
    let delivered = 0;
    this.forgetQuiet(this.now().getTime());
    for (;;) {
      const jobs = await this.deps.queue.take(NOTIFY, { leaseMs: LEASE_MS, limit: 20 });
      if (jobs.length === 0) return delivered;
      for (const job of jobs) if (await this.handle(job)) delivered++;
    }
  }

  /** Only the last second counts: a conversation sent nothing since is forgotten, so the map stays small. */
  private forgetQuiet(now: number): void {
    for (const [id, times] of this.sent)
      if (now - (times[times.length - 1] ?? 0) >= 1000) this.sent.delete(id);
  }

  /** Runs due jobs now and then whenever the next one is due (checked at least every `maxWaitMs`). */
  start(maxWaitMs = 5_000): void {
    this.stopped = false;
    this.wake();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.wake();
        loop();
      }, maxWaitMs);
      this.timer.unref();
    };
    loop();
  }

  /** A job was just queued: send it without waiting for the timer. */
  wake(): void {
    if (this.stopped) return;
    this.running ??= this.runDue()
      .catch((err: unknown) => {
        this.deps.logger.error({ err: errorSummary(err) }, 'notification worker failed');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** What to send, in the user's language; a view was written in it already. */
  private async viewOf({ employeeId, message }: Notification, locale: string | undefined) {
    if (message.type === 'view') return message.view;
    const lang = await this.deps.langOf(employeeId, locale);
    return message.type === 'status'
      ? statusChangeView(lang, message.change)
      : reminderView(lang, message);
  }

  private async handle(job: LeasedJob<Notification>): Promise<boolean> {
    const { queue, refs, logger } = this.deps;
    const { employeeId, message } = job.payload;
    const ref = await refs.get(employeeId);
    // A view goes to the chat it was written for; the rest to the person's personal chat.
    const reference: Partial<ConversationReference> | undefined =
      message.type === 'view' && message.reference && ref?.usable !== false
        ? message.reference
        : ref?.usable
          ? ref.reference
          : undefined;
    if (!reference) {
      await queue.deadLetter(job, ref ? 'the app was removed' : 'no conversation with this user');
      return false;
    }
    const conversationId = reference.conversation?.id ?? employeeId;
    const now = this.now().getTime();
    const recent = (this.sent.get(conversationId) ?? []).filter((t) => now - t < 1000);
    if (recent.length >= PER_SECOND) {
      await queue.retryAt(job, new Date((recent[0] ?? now) + 1000), 'rate limit per conversation');
      this.sent.set(conversationId, recent);
      return false;
    }
    const view = await this.viewOf(job.payload, ref?.locale);
    if (!view) {
      await queue.complete(job);
      return false;
    }
    try {
      recent.push(now);
      this.sent.set(conversationId, recent);
      const replaces = message.type === 'view' ? message.replaces : undefined;
      await this.deps.deliver(reference, view, replaces);
      await queue.complete(job);
      return true;
    } catch (err) {
      const { status, retryAfterMs } = failureOf(err);
      if (status === 403 || status === 404) {
        // Removed or blocked: nobody to tell, and trying again only earns more refusals.
        await refs.markUnusable(employeeId);
        await queue.deadLetter(job, `Teams answered ${status}`);
        logger.info({ status }, 'conversation no longer reachable; notifications stop');
        return false;
      }
      if (status !== 429 && job.attempts >= MAX_ATTEMPTS) {
        await queue.deadLetter(job, `gave up: ${errorSummary(err).message ?? String(status)}`);
        return false;
      }
      const delay = backoffDelay(
        job.attempts,
        {
          baseMs: 1_000,
          maxMs: 10 * 60_000,
          ...(this.deps.random ? { random: this.deps.random } : {}),
        },
        retryAfterMs,
      );
      await queue.retryAt(
        job,
        new Date(this.now().getTime() + delay),
        `send failed (${status ?? 'network'})`,
      );
      logger.warn({ status, delayMs: delay }, 'notification not delivered; retrying later');
      return false;
    }
  }
}
