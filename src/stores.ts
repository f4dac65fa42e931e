/**
 * Where everything the bot keeps is stored: SQLite files in DATA_DIR (the default, one process),
 * or one PostgreSQL database shared by every bot instance and worker (`DATABASE_URL`). Both give
 * the same set of stores behind the same interfaces; `app.ts` wires the rest of the bot to
 * whichever it gets, and nothing else knows which it is.
 */
import path from 'node:path';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { openClaimsApiStores, type ClaimsApiStores } from './claims-api/claims-api-stores.js';
import type { Config } from './config.js';
import type { JobQueue } from './jobs/job-queue.js';
import { PgJobQueue } from './jobs/pg-job-queue.js';
import { SqliteJobQueue } from './jobs/sqlite-job-queue.js';
import { errorSummary } from './logger.js';
import { NOTIFY } from './notifications/notification-job.js';
import {
  pgNotificationStores,
  sqliteNotificationStores,
  type NotificationStores,
} from './notifications/notification-stores.js';
import { PgReceiptStore } from './receipts/pg-receipt-store.js';
import type { ReceiptStore } from './receipts/receipt-store.js';
import { SqliteReceiptStore } from './receipts/sqlite-receipt-store.js';
import type { ReadinessCheck } from './readiness.js';
import { fileClaimJob } from './services/claim-outbox.js';
import type { ReplayGuard, StateStore, TurnLock } from './services/conversation-runner.js';
import type { StateScan } from './services/outbox-worker.js';
import { readReceiptJob } from './services/receipt-reading.js';
import { migrate } from './store/pg/migrate.js';
import { openPool, type PgTx } from './store/pg/pg-database.js';
import { PgProcessedActivities } from './store/pg/pg-processed-activities.js';
import { PgStorage } from './store/pg/pg-storage.js';
import { PgTurnLock, TURN_LOCK_WAIT_MS } from './store/pg/pg-turn-lock.js';
import { ProcessedActivities } from './store/processed-activities.js';
import { openDatabase, type SqliteTx } from './store/sqlite-database.js';
import { SqliteStorage } from './store/sqlite-storage.js';
import { WalCheckpointer } from './store/wal-checkpointer.js';

/** The stores of one backend; `Tx` is its transaction handle. */
export interface Stores<Tx> {
  readonly backend: 'sqlite' | 'postgres';
  storage: Storage & StateStore<Tx> & StateScan;
  /** Marks an activity handled in its turn's state write, so a replay is dropped. */
  processed: ReplayGuard<Tx>;
  /**
   * A look before a turn whether its activity was handled: on SQLite it costs nothing; on
   * PostgreSQL a round trip at every message to save work at a rare replay, so there is none.
   */
  replayLook?: { seen(key: string): boolean | Promise<boolean> };
  queue: JobQueue<Tx>;
  /** Receipt rows and their image bytes (SQLite: files in DATA_DIR/receipts; PostgreSQL: bytea). */
  receipts: ReceiptStore<Tx>;
  /** Conversation references, the status ledger and reminders, on the same queue. */
  notifications: NotificationStores<Tx>;
  /** Orders one person's turns across processes; none with one process. */
  turnLock?: TurnLock;
  /** The embedded claims API's tables (SQLite: their own file; PostgreSQL: this database). */
  openClaimsApi(): { stores: ClaimsApiStores; checks: ReadinessCheck[]; close(): void };
  /** What /readyz asks. */
  checks: ReadinessCheck[];
  close(): Promise<void>;
}

export type AnyStores =
  (Stores<SqliteTx> & { backend: 'sqlite' }) | (Stores<PgTx> & { backend: 'postgres' });

export function openSqliteStores(config: Config, logger?: Logger): AnyStores {
  const db = openDatabase(path.join(config.DATA_DIR, 'bot.sqlite'));
  // Every turn writes here: its checkpoints run on a thread of their own (wal-checkpointer.ts).
  const checkpointer = new WalCheckpointer(db, {
    startAfterMs: 2_000,
    onError: (message) => logger?.warn({ err: message }, 'WAL checkpoint failed'),
  });
  const queue = new SqliteJobQueue(db);
  const receipts = new SqliteReceiptStore(db, path.join(config.DATA_DIR, 'receipts'));
  const processed = new ProcessedActivities(db);
  return {
    backend: 'sqlite',
    storage: new SqliteStorage(db),
    processed,
    replayLook: processed,
    queue,
    receipts,
    notifications: sqliteNotificationStores(db, {
      queue,
      receiptsWaiting: (employeeId, before) => receipts.countWaiting(employeeId, before),
    }),
    openClaimsApi: () => {
      const claimsDb = openDatabase(path.join(config.DATA_DIR, 'claims-api.sqlite'));
      return {
        stores: openClaimsApiStores({ sqlite: claimsDb }),
        checks: [['claims database', () => claimsDb.prepare('select 1').get()]],
        close: () => claimsDb.close(),
      };
    },
    checks: [['bot database', () => db.prepare('select 1').get()]],
    close: async () => {
      await checkpointer.stop();
      db.close();
    },
  };
}

export async function openPgStores(
  config: Config & { DATABASE_URL: string },
  logger: Logger,
): Promise<AnyStores> {
  const log = logger.child({ component: 'postgres' });
  const onError = (err: Error) => log.warn({ err: errorSummary(err) }, 'idle connection failed');
  const schema = config.DATABASE_SCHEMA;
  const options = { max: config.DATABASE_POOL_MAX, onError, ...(schema ? { schema } : {}) };
  const pool = openPool(config.DATABASE_URL, options);
  // Turn locks wait on connections of their own (pg-turn-lock.ts says why).
  const lockPool = openPool(config.DATABASE_URL, { ...options, lockTimeoutMs: TURN_LOCK_WAIT_MS });
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    const queue = await PgJobQueue.start(pool, {
      schema: schema ? `${schema}_jobs` : 'pgboss',
      kinds: [fileClaimJob, readReceiptJob, NOTIFY],
      onError: (err) => log.warn({ err: errorSummary(err) }, 'job queue maintenance failed'),
    });
    const receipts = new PgReceiptStore(pool);
    return {
      backend: 'postgres',
      storage: new PgStorage(pool),
      processed: new PgProcessedActivities(pool),
      queue,
      receipts,
      notifications: pgNotificationStores(pool, queue, {
        receiptsWaiting: (employeeId, before) => receipts.countWaiting(employeeId, before),
      }),
      turnLock: new PgTurnLock(lockPool, log),
      // Migration 005 made its tables; the pool is the bot's.
      openClaimsApi: () => ({
        stores: openClaimsApiStores({ pool }),
        checks: [],
        close: () => undefined,
      }),
      checks: [
        ['database', () => pool.query('SELECT 1')],
        ['job queue', () => queue.nextDue(NOTIFY)],
      ],
      close: async () => {
        await queue.stop();
        await Promise.all([pool.end(), lockPool.end()]);
      },
    };
  } catch (err) {
    await Promise.all([pool.end(), lockPool.end()]);
    throw err;
  }
}

/** The stores `config` asks for: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openStores(config: Config, logger: Logger): Promise<AnyStores> {
  const url = config.DATABASE_URL;
  return url
    ? openPgStores({ ...config, DATABASE_URL: url }, logger)
    : Promise.resolve(openSqliteStores(config, logger));
}
