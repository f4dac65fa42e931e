/**
 * Webhook subscriptions of the reference claims API: a subscriber (the bot) names a callback URL
 * and a secret; every status change of a claim is then POSTed to it, signed. Deliveries are rows
 * in the API's database before they are sent, so a restart loses none, and a failed one is tried
 * again later with a growing delay until it gets a 2xx or runs out of attempts.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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

export interface Subscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

interface SubscriptionRow {
  id: string;
  url: string;
  secret: string;
  events: string;
  created_at: string;
}

interface DeliveryRow {
  id: number;
  subscription_id: string;
  event_id: string;
  body: string;
  attempts: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS claims_api_subscriptions (
  id         TEXT PRIMARY KEY,
  url        TEXT NOT NULL UNIQUE,
  secret     TEXT NOT NULL,
  events     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims_api_webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  body            TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_at         INTEGER NOT NULL,
  done            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claims_api_webhook_due ON claims_api_webhook_deliveries (done, next_at);
`;

export interface WebhookOptions {
  logger: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** First retry after this long, doubling each time (default 2 s). */
  retryBaseMs?: number;
  /** Attempts before a delivery is given up (default 10, about half an hour in all). */
  maxAttempts?: number;
  timeoutMs?: number;
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
    private readonly db: Database.Database,
    private readonly opts: WebhookOptions,
  ) {
    db.exec(SCHEMA);
    this.now = opts.now ?? (() => new Date());
    this.fetch = opts.fetch ?? globalThis.fetch;
  }

  /** Subscribing the same URL again replaces its secret and events: a restarted bot resubscribes. */
  subscribe(url: string, secret: string, events: WebhookEventType[]): 'created' | 'updated' {
    const existing = this.db
      .prepare<[string], { id: string }>('SELECT id FROM claims_api_subscriptions WHERE url = ?')
      .get(url);
    if (existing) {
      this.db
        .prepare('UPDATE claims_api_subscriptions SET secret = ?, events = ? WHERE id = ?')
        .run(secret, JSON.stringify(events), existing.id);
      return 'updated';
    }
    this.db
      .prepare(
        'INSERT INTO claims_api_subscriptions (id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(randomUUID(), url, secret, JSON.stringify(events), this.now().toISOString());
    return 'created';
  }

  /** Without the secrets: they are never shown again. */
  list(): Subscription[] {
    return this.db
      .prepare<[], SubscriptionRow>('SELECT * FROM claims_api_subscriptions ORDER BY created_at')
      .all()
      .map((row) => ({
        id: row.id,
        url: row.url,
        events: JSON.parse(row.events) as WebhookEventType[],
        createdAt: row.created_at,
      }));
  }

  find(url: string): Subscription | undefined {
    return this.list().find((s) => s.url === url);
  }

  unsubscribe(id: string): boolean {
    this.db.prepare('DELETE FROM claims_api_webhook_deliveries WHERE subscription_id = ?').run(id);
    return this.db.prepare('DELETE FROM claims_api_subscriptions WHERE id = ?').run(id).changes > 0;
  }

  /** Queues the event for every subscriber that wants it, then starts sending. */
  publish(event: WebhookEvent): void {
    const body = JSON.stringify(event);
    const at = this.now().getTime();
    const insert = this.db.prepare(
      'INSERT INTO claims_api_webhook_deliveries (subscription_id, event_id, body, next_at) VALUES (?, ?, ?, ?)',
    );
    for (const sub of this.list())
      if (sub.events.includes(event.type)) insert.run(sub.id, event.id, body, at);
    this.kick();
  }

  /** Sends what is due now; also runs on a timer for the retries. */
  kick(): void {
    if (this.stopped) return;
    this.running ??= this.deliverDue().finally(() => {
      this.running = undefined;
      this.schedule();
    });
  }

  /** Lets the deliveries in flight finish; nothing is sent after. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = this.db
      .prepare<[], { next_at: number }>(
        'SELECT MIN(next_at) AS next_at FROM claims_api_webhook_deliveries WHERE done = 0',
      )
      .get()?.next_at;
    if (next === null || next === undefined) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, next - this.now().getTime()));
    this.timer.unref();
  }

  private async deliverDue(): Promise<void> {
    const due = this.db
      .prepare<[number], DeliveryRow & SubscriptionRow>(
        `SELECT d.id, d.subscription_id, d.event_id, d.body, d.attempts, s.url, s.secret
           FROM claims_api_webhook_deliveries d JOIN claims_api_subscriptions s ON s.id = d.subscription_id
          WHERE d.done = 0 AND d.next_at <= ? ORDER BY d.id LIMIT 50`,
      )
      .all(this.now().getTime());
    for (const delivery of due) {
      if (this.stopped) return;
      await this.deliver(delivery);
    }
  }

  private async deliver(d: DeliveryRow & SubscriptionRow): Promise<void> {
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
          [EVENT_ID_HEADER]: d.event_id,
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
    this.db
      .prepare(
        'UPDATE claims_api_webhook_deliveries SET attempts = ?, done = ?, next_at = ? WHERE id = ?',
      )
      .run(attempts, done, this.now().getTime() + delay, d.id);
    if (done === 2)
      this.opts.logger.warn({ eventId: d.event_id, attempts }, 'webhook delivery given up');
  }
}
