/**
 * Webhook subscriptions and deliveries of the reference claims API on PostgreSQL (migration 005),
 * shared by every bot instance: any instance may queue an event, and each delivery is sent by one
 * instance at a time — taking one skips the rows another instance is taking (SKIP LOCKED) and
 * leases it by moving its due time, so nobody else takes it until the lease runs out.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { isForeignKeyViolation } from '../store/pg/pg-database.js';
import type { WebhookEventType } from './webhook-events.js';
import type {
  DeliveryState,
  Subscription,
  TakenDelivery,
  TakenRow,
  WebhookStore,
} from './webhook-store.js';

export class PgWebhookStore implements WebhookStore {
  readonly shared = true;

  constructor(private readonly pool: pg.Pool) {}

  async subscribe(
    url: string,
    secret: string,
    events: readonly WebhookEventType[],
    createdAt: string,
  ): Promise<'created' | 'updated'> {
    // One statement, so two instances subscribing the same URL at once leave one subscription.
    // `xmax = 0` holds for a row this statement inserted, not for one it updated.
    const { rows } = await this.pool.query<{ inserted: boolean }>(
      `INSERT INTO claims_api_subscriptions (id, url, secret, events, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET secret = excluded.secret, events = excluded.events
       RETURNING (xmax = 0) AS inserted`,
      [randomUUID(), url, secret, JSON.stringify(events), createdAt],
    );
    return rows[0]?.inserted ? 'created' : 'updated';
  }

  async list(): Promise<Subscription[]> {
    const { rows } = await this.pool.query<{
      id: string;
      url: string;
      events: WebhookEventType[];
      created_at: string;
    }>('SELECT id, url, events, created_at FROM claims_api_subscriptions ORDER BY created_at, id');
    return rows.map((row) => ({
      id: row.id,
      url: row.url,
      events: row.events,
      createdAt: row.created_at,
    }));
  }

  async unsubscribe(id: string): Promise<boolean> {
    // The deliveries go with it (ON DELETE CASCADE).
    const { rowCount } = await this.pool.query(
      'DELETE FROM claims_api_subscriptions WHERE id = $1',
      [id],
    );
    return rowCount === 1;
  }

  async enqueue(
    eventId: string,
    type: WebhookEventType,
    body: string,
    at: number,
  ): Promise<number> {
    const insert = () =>
      this.pool.query(
        `INSERT INTO claims_api_webhook_deliveries (subscription_id, event_id, body, next_at)
         SELECT id, $1, $2, $3 FROM claims_api_subscriptions WHERE events ? $4 ORDER BY created_at, id`,
        [eventId, body, at, type],
      );
    // A subscription removed between this statement's snapshot and its rows' foreign-key check
    // fails it; run again, the statement no longer sees that subscription.
    const { rowCount } = await insert().catch((err: unknown) => {
      if (isForeignKeyViolation(err)) return insert();
      throw err;
    });
    return rowCount ?? 0;
  }

  async take(now: number, leaseUntil: number): Promise<TakenDelivery | undefined> {
    const { rows } = await this.pool.query<TakenRow<string>>(
      `WITH taken AS (
         UPDATE claims_api_webhook_deliveries SET next_at = $2
          WHERE id = (SELECT id FROM claims_api_webhook_deliveries
                       WHERE done = 0 AND next_at <= $1
                       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, subscription_id, event_id, body, attempts)
       SELECT t.id::text AS id, t.subscription_id, t.event_id, t.body, t.attempts, s.url, s.secret
         FROM taken t JOIN claims_api_subscriptions s ON s.id = t.subscription_id`,
      [now, leaseUntil],
    );
    const row = rows[0];
    return (
      row && {
        id: Number(row.id),
        subscriptionId: row.subscription_id,
        eventId: row.event_id,
        body: row.body,
        attempts: row.attempts,
        url: row.url,
        secret: row.secret,
      }
    );
  }

  async record(taken: TakenDelivery, state: DeliveryState, nextAt: number): Promise<void> {
    await this.pool.query(
      `UPDATE claims_api_webhook_deliveries SET attempts = $1, done = $2, next_at = $3
        WHERE id = $4 AND attempts = $5 AND done = 0`,
      [taken.attempts + 1, state, nextAt, taken.id, taken.attempts],
    );
  }

  async nextDueAt(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ next_at: string | null }>(
      'SELECT MIN(next_at)::text AS next_at FROM claims_api_webhook_deliveries WHERE done = 0',
    );
    const next = rows[0]?.next_at;
    return next === null || next === undefined ? undefined : Number(next);
  }
}
