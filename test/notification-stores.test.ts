/**
 * The notification stores (the status tracker's ledger, the conversation references) on SQLite
 * and on PostgreSQL (migration 003), each against one contract.
 * The PostgreSQL run needs a server (test/helpers/pg-test-database.ts says which, and when it skips).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { ConversationRefs, PgConversationRefs } from '../src/notifications/conversation-refs.js';
import { PgStatusLedger, SqliteStatusLedger } from '../src/notifications/status-ledger.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { conversationRefsContract } from './contracts/conversation-refs-contract.js';
import { statusLedgerContract } from './contracts/status-ledger-contract.js';
import { describePg, useMigratedSchemas } from './helpers/pg-test-database.js';

let dir: string;
const opened: Database.Database[] = [];
const open = () => {
  const db = openDatabase(join(dir, 'bot.sqlite'));
  opened.push(db);
  return db;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-ledger-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

statusLedgerContract('SQLite', {
  fresh: () => Promise.resolve(new SqliteStatusLedger(open())),
  another: () => Promise.resolve(new SqliteStatusLedger(open())),
});

conversationRefsContract('SQLite', {
  fresh: () => Promise.resolve(new ConversationRefs(open())),
  another: () => Promise.resolve(new ConversationRefs(open())),
});

describePg('PostgreSQL notification stores', () => {
  const schemas = useMigratedSchemas('ledger', ['claim_status_seen', 'conversation_refs']);

  statusLedgerContract('PostgreSQL', {
    fresh: () => Promise.resolve(new PgStatusLedger(schemas.pool)),
    another: () => Promise.resolve(new PgStatusLedger(schemas.db.open())),
  });

  conversationRefsContract('PostgreSQL', {
    fresh: () => Promise.resolve(new PgConversationRefs(schemas.pool)),
    another: () => Promise.resolve(new PgConversationRefs(schemas.db.open())),
  });
});
