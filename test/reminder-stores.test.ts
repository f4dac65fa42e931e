/**
 * The reminder round on its stores, SQLite and PostgreSQL (migrations 001 and 003, pg-boss for the
 * jobs), against one contract. The PostgreSQL run needs a server (test/helpers/pg-test-database.ts
 * says which, and when it skips).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { NOTIFY } from '../src/notifications/notification-job.js';
import {
  pgNotificationStores,
  sqliteNotificationStores,
} from '../src/notifications/notification-stores.js';
import type { ReceiptsWaiting } from '../src/notifications/reminder-store.js';
import { PgStorage } from '../src/store/pg/pg-storage.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { reminderContract } from './contracts/reminder-contract.js';
import { usePgInstances } from './helpers/pg-instances.js';
import { describePg, useMigratedSchemas } from './helpers/pg-test-database.js';

let dir: string;
const opened: Database.Database[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reminder-stores-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bot's file, opened once more: a first open is a fresh database, a later one another connection. */
function sqliteWorld(receiptsWaiting: ReceiptsWaiting, now: () => Date) {
  const db = openDatabase(join(dir, 'bot.sqlite'));
  opened.push(db);
  const storage = new SqliteStorage(db);
  return Promise.resolve({
    stores: sqliteNotificationStores(db, { receiptsWaiting, now }),
    storage,
  });
}

reminderContract('SQLite', {
  fresh: sqliteWorld,
  another: sqliteWorld,
  touch: (employeeId, at) => {
    opened[0]
      ?.prepare('UPDATE bot_state SET updated_at = ? WHERE key = ?')
      .run(at.getTime(), `users/${employeeId}`);
    return Promise.resolve();
  },
});

describePg('PostgreSQL reminder store', () => {
  const schemas = useMigratedSchemas('reminders', [
    'bot_state',
    'reminders_sent',
    'conversation_refs',
  ]);
  // Two instances: each its own pool and its own pg-boss on the one schema.
  const instances = usePgInstances(schemas, [NOTIFY]);

  const world = (n: number) => (receiptsWaiting: ReceiptsWaiting) => {
    const { pool, queue } = instances[n]!;
    return Promise.resolve({
      stores: pgNotificationStores(pool, queue, { receiptsWaiting }),
      storage: new PgStorage(pool),
    });
  };

  reminderContract('PostgreSQL', {
    fresh: world(0),
    another: world(1),
    touch: async (employeeId, at) => {
      await schemas.pool.query('UPDATE bot_state SET updated_at = $1 WHERE key = $2', [
        at,
        `users/${employeeId}`,
      ]);
    },
  });
});
