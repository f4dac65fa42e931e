/**
 * Webhook subscriptions and deliveries in the reference claims API's SQLite database, beside its
 * claims (tables `claims_api_subscriptions`, `claims_api_webhook_deliveries`).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WebhookEventType } from './webhook-events.js';
import type {
  DeliveryState,
  Subscription,
  TakenDelivery,
  TakenRow,
  WebhookStore,
} from './webhook-store.js';

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

interface SubscriptionRow {
  id: string;
  url: string;
  events: string;
  created_at: string;
}

export class SqliteWebhookStore implements WebhookStore {
  readonly shared = false;
  private readonly takeTx: (now: number, leaseUntil: number) => TakenRow<number> | undefined;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    const due = db.prepare<[number], TakenRow<number>>(
      `SELECT d.id, d.subscription_id, d.event_id, d.body, d.attempts, s.url, s.secret
         FROM claims_api_webhook_deliveries d JOIN claims_api_subscriptions s ON s.id = d.subscription_id
        WHERE d.done = 0 AND d.next_at <= ? ORDER BY d.id LIMIT 1`,
    );
    const lease = db.prepare('UPDATE claims_api_webhook_deliveries SET next_at = ? WHERE id = ?');
    const takeTx = db.transaction((now: number, leaseUntil: number) => {
      const row = due.get(now);
      if (row) lease.run(leaseUntil, row.id);
      return row;
    });
    // IMMEDIATE: a second process on the file cannot read the same row before the lease is written.
    this.takeTx = (now, leaseUntil) => takeTx.immediate(now, leaseUntil);
  }

  subscribe(
    url: string,
    secret: string,
    events: readonly WebhookEventType[],
    createdAt: string,
  ): 'created' | 'updated' {
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
      .run(randomUUID(), url, secret, JSON.stringify(events), createdAt);
    return 'created';
  }

  list(): Subscription[] {
    return this.db
      .prepare<[], SubscriptionRow>(
        'SELECT id, url, events, created_at FROM claims_api_subscriptions ORDER BY created_at',
      )
      .all()
      .map((row) => ({
        id: row.id,
        url: row.url,
        events: JSON.parse(row.events) as WebhookEventType[],
        createdAt: row.created_at,
      }));
  }

  unsubscribe(id: string): boolean {
    this.db.prepare('DELETE FROM claims_api_webhook_deliveries WHERE subscription_id = ?').run(id);
    return this.db.prepare('DELETE FROM claims_api_subscriptions WHERE id = ?').run(id).changes > 0;
  }

  enqueue(eventId: string, type: WebhookEventType, body: string, at: number): number {
    const insert = this.db.prepare(
      'INSERT INTO claims_api_webhook_deliveries (subscription_id, event_id, body, next_at) VALUES (?, ?, ?, ?)',
    );
    let queued = 0;
    for (const sub of this.list())
      if (sub.events.includes(type)) queued += insert.run(sub.id, eventId, body, at).changes;
    return queued;
  }

  take(now: number, leaseUntil: number): TakenDelivery | undefined {
    const row = this.takeTx(now, leaseUntil);
    return (
      row && {
        id: row.id,
        subscriptionId: row.subscription_id,
        eventId: row.event_id,
        body: row.body,
        attempts: row.attempts,
        url: row.url,
        secret: row.secret,
      }
    );
  }

  record(taken: TakenDelivery, state: DeliveryState, nextAt: number): void {
    this.db
      .prepare(
        `UPDATE claims_api_webhook_deliveries SET attempts = ?, done = ?, next_at = ?
          WHERE id = ? AND attempts = ? AND done = 0`,
      )
      .run(taken.attempts + 1, state, nextAt, taken.id, taken.attempts);
  }

  nextDueAt(): number | undefined {
    return (
      this.db
        .prepare<[], { next_at: number | null }>(
          'SELECT MIN(next_at) AS next_at FROM claims_api_webhook_deliveries WHERE done = 0',
        )
        .get()?.next_at ?? undefined
    );
  }
}
