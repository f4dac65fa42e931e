/**
 * Where the reference claims API keeps its webhook subscriptions and the deliveries still to send:
 * `SqliteWebhookStore` beside the claims in SQLite, `PgWebhookStore` in PostgreSQL, shared by every
 * bot instance. `Webhooks` (webhooks.ts) does the sending and knows neither.
 */
import type { Awaitable } from '../jobs/job-queue.js';
import type { WebhookEventType } from './webhook-events.js';

export interface Subscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

/** A delivery taken to be sent: the event, and where and how to send it. */
export interface TakenDelivery {
  id: number;
  subscriptionId: string;
  eventId: string;
  body: string;
  /** Attempts before this one. */
  attempts: number;
  url: string;
  secret: string;
}

/** Done: 0 still to send (at `nextAt`), 1 delivered, 2 given up. */
export type DeliveryState = 0 | 1 | 2;

/** A delivery taken, joined with its subscription, as both stores read it (`Id`: their key type). */
export interface TakenRow<Id> {
  id: Id;
  subscription_id: string;
  event_id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

export interface WebhookStore {
  /**
   * True when other processes send from the same store (bot instances on one PostgreSQL): each
   * sender then looks now and then for deliveries another left, e.g. one that stopped mid-way.
   */
  readonly shared: boolean;
  /** Subscribing the same URL again replaces its secret and events: a restarted bot resubscribes. */
  subscribe(
    url: string,
    secret: string,
    events: readonly WebhookEventType[],
    createdAt: string,
  ): Awaitable<'created' | 'updated'>;
  /** Oldest first, without the secrets: they are never shown again. */
  list(): Awaitable<Subscription[]>;
  /** Removes the subscription and what was still to be sent to it. */
  unsubscribe(id: string): Awaitable<boolean>;
  /** Queues the event for every subscriber that wants `type`, due at `at` (ms); returns how many. */
  enqueue(eventId: string, type: WebhookEventType, body: string, at: number): Awaitable<number>;
  /**
   * Takes the oldest delivery due at `now`, and holds it for the caller until `leaseUntil`: no
   * other sender takes it meanwhile. One not recorded by then (its sender stopped) is due again.
   */
  take(now: number, leaseUntil: number): Awaitable<TakenDelivery | undefined>;
  /**
   * Records the attempt on a taken delivery. Ignored when someone recorded one since it was taken
   * (its lease ran out and another sender took it): what that sender records stands.
   */
  record(taken: TakenDelivery, state: DeliveryState, nextAt: number): Awaitable<void>;
  /** When the next delivery still to send is due (ms), or undefined when none is. */
  nextDueAt(): Awaitable<number | undefined>;
}
