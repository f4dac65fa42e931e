/**
 * The reference claims API's storage on either database: SQLite by default, PostgreSQL when the
 * bot runs as several instances on one (DATABASE_URL). The PostgreSQL tables come from migration
 * 005; whoever opens the pool runs `migrate(pool)` before the API takes requests.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { ClaimsRepository } from './claims-repository.js';
import type { ClaimsStore } from './claims-store.js';
import { PgClaimsRepository } from './pg-claims-repository.js';
import { PgWebhookStore } from './pg-webhook-store.js';
import { SqliteWebhookStore } from './sqlite-webhook-store.js';
import type { WebhookStore } from './webhook-store.js';

export type ClaimsApiDatabase = { sqlite: Database.Database } | { pool: pg.Pool };

export interface ClaimsApiStores {
  /** For `registerClaimsApiRoutes({ repo })`. */
  repo: ClaimsStore;
  /** For `new Webhooks(webhookStore, options)`, when the API offers webhooks. */
  webhookStore: WebhookStore;
}

export function openClaimsApiStores(db: ClaimsApiDatabase): ClaimsApiStores {
  if ('pool' in db)
    return { repo: new PgClaimsRepository(db.pool), webhookStore: new PgWebhookStore(db.pool) };
  return {
    repo: new ClaimsRepository(db.sqlite),
    webhookStore: new SqliteWebhookStore(db.sqlite),
  };
}
