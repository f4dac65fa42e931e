/**
 * Webhook subscriptions of the reference claims API: a subscriber (the bot) names a callback URL
 * and a secret; every status change of a claim is then POSTed to it, signed. Deliveries are rows
 * in the API's database before they are sent, so a restart loses none, and a failed one is tried
 * again later with a growing delay until it gets a 2xx or runs out of attempts. The rows live in a
 * `WebhookStore` (SQLite or PostgreSQL); with several instances on one store each delivery is
 * leased to the one sending it, so a subscriber gets it once unless a sender stops mid-way.
 */
import { randomUUID } from 'node:crypto';
import type { Claim } from '../claims/claim.js';
import type { Logger } from '../logger.js';
import {
  claimEventData,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventType,
} from './webhook-events.js';
import type { Subscription, TakenDelivery, WebhookStore } from './webhook-store.js';

export type { Subscription };

/** Deliveries one run sends before it looks again when the next is due. */
const BATCH = 50;

export interface WebhookOptions {
  logger: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** First retry after this long, doubling each time (default 2 s). */
  retryBaseMs?: number;
  /** Attempts before a delivery is given up (default 10, about half an hour in all). */
  maxAttempts?: number;
  timeoutMs?: number;
  /**
   * With a shared store, how often to look for deliveries another instance left (default 30 s);
   * an instance only hears at once of the events it publishes itself.
   */
  pollMs?: number;
}

/** The event a claim's move sends; undefined for moves nobody subscribes to (to `draft`). */
export function eventFor(claim: Claim, at: string): WebhookEvent | undefined {
  const type = `claim.${claim.status}` as WebhookEventType;
  if (!WEBHOOK_EVENT_TYPES.includes(type)) return undefined;
  return {
    id: randomUUID(),
    type,
    createdAt: at,
    data: claimEventData(claim),
  };
}

export class Webhooks {
  private readonly now: () => Date;
  private readonly fetch: typeof fetch;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly opts: WebhookOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.fetch = opts.fetch ?? globalThis.fetch;
  }

  /** Subscribing the same URL again replaces its secret and events: a restarted bot resubscribes. */
  async subscribe(
    url: string,
    secret: string,
    events: WebhookEventType[],
  ): Promise<'created' | 'updated'> {
    return this.store.subscribe(url, secret, events, this.now().toISOString());
  }

  /** Without the secrets: they are never shown again. */
  async list(): Promise<Subscription[]> {
    return this.store.list();
  }

  async find(url: string): Promise<Subscription | undefined> {
    return (await this.list()).find((s) => s.url === url);
  }

  async unsubscribe(id: string): Promise<boolean> {
    return this.store.unsubscribe(id);
  }

  /** Queues the event for every subscriber that wants it, then starts sending. */
  async publish(event: WebhookEvent): Promise<void> {
    await this.store.enqueue(event.id, event.type, JSON.stringify(event), this.now().getTime());
    this.kick();
  }

  /** Sends what is due now; also runs on a timer for the retries. */
  kick(): void {
    if (this.stopped) return;
    this.running ??= this.deliverDue()
      .catch((err: unknown) => {
        // The database may be back by the next run; the deliveries wait in it until then.
        this.opts.logger.warn({ err }, 'webhook deliveries failed to run');
      })
      .finally(() => {
        this.running = undefined;
        void this.schedule();
      });
  }

  /** Lets the deliveries in flight finish; nothing is sent after. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async schedule(): Promise<void> {
    let next: number | undefined;
    try {
      next = await this.store.nextDueAt();
    } catch (err) {
      // Looked at again as if a delivery were due for a retry: the database may be back by then.
      next = this.now().getTime() + (this.opts.retryBaseMs ?? 2_000);
      this.opts.logger.warn({ err }, 'webhook deliveries could not be scheduled');
    }
    clearTimeout(this.timer);
    if (this.stopped || this.running) return;
    const poll = this.store.shared ? (this.opts.pollMs ?? 30_000) : undefined;
    const wait = next === undefined ? poll : Math.max(0, next - this.now().getTime());
    if (wait === undefined) return;
    this.timer = setTimeout(() => this.kick(), Math.min(wait, poll ?? wait));
    this.timer.unref();
  }

  private async deliverDue(): Promise<void> {
    // Held long enough for one attempt to time out and be recorded.
    const leaseMs = (this.opts.timeoutMs ?? 10_000) + 60_000;
    for (let sent = 0; sent < BATCH && !this.stopped; sent += 1) {
      const at = this.now().getTime();
      const taken = await this.store.take(at, at + leaseMs);
      if (!taken) return;
      await this.deliver(taken);
    }
  }

  private async deliver(d: TakenDelivery): Promise<void> {
    // Signed at sending time with the subscription's current secret, so a retry after the
    // subscriber restarted with a new secret still verifies.
    const timestamp = Math.floor(this.now().getTime() / 1000);
    let status = 0;
    try {
      const response = await this.fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, d.body),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_ID_HEADER]: d.eventId,
        },
        body: d.body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (err) {
      this.opts.logger.debug({ err, url: d.url }, 'webhook delivery failed');
    }
    const attempts = d.attempts + 1;
    const done =
      status >= 200 && status < 300 ? 1 : attempts >= (this.opts.maxAttempts ?? 10) ? 2 : 0;
    const delay = (this.opts.retryBaseMs ?? 2_000) * 2 ** (attempts - 1);
    await this.store.record(d, done, this.now().getTime() + delay);
    if (done === 2)
      this.opts.logger.warn({ eventId: d.eventId, attempts }, 'webhook delivery given up');
  }
}
