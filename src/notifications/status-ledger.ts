/**
 * Where the status tracker keeps the furthest state of each claim told so far: SQLite (the bot's
 * file) or PostgreSQL (shared by every instance, migration 003). `advance` raises a claim's
 * progress and, in the same transaction, runs the work that tells it (the notification job), so a
 * change is recorded together with its message or not at all.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { mustBeSync } from '../jobs/awaitable.js';
import type { Awaitable } from '../jobs/job-queue.js';
import { settle, type SqliteTx } from '../store/sqlite-database.js';
import { withTransaction, type PgTx } from '../store/pg/pg-database.js';

export interface ClaimProgress {
  claimId: string;
  employeeId: string;
  progress: number;
}

export interface StatusLedger<Tx> {
  /**
   * Raises the claim's progress when `seen.progress` is further than the stored one, and then runs
   * `onNews` in that transaction; false (and nothing run) when it was not news.
   */
  advance(seen: ClaimProgress, onNews: (tx: Tx) => Awaitable<boolean>): Promise<boolean>;
  /** Whether the claim was seen before. */
  known(claimId: string): Promise<boolean>;
}

// One statement in both: of two instances seeing the same change, only one finds it news.
const ADVANCE = `INSERT INTO claim_status_seen (claim_id, employee_id, progress) VALUES ($1, $2, $3)
  ON CONFLICT (claim_id) DO UPDATE SET progress = excluded.progress
  WHERE claim_status_seen.progress < excluded.progress`;

export class SqliteStatusLedger implements StatusLedger<SqliteTx> {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS claim_status_seen (
        claim_id    TEXT PRIMARY KEY,
        employee_id TEXT NOT NULL,
        progress    INTEGER NOT NULL
      )
    `);
  }

  advance(seen: ClaimProgress, onNews: (tx: SqliteTx) => Awaitable<boolean>): Promise<boolean> {
    const { db } = this;
    return settle(() =>
      db
        .transaction(() => {
          const { changes } = db
            .prepare(ADVANCE.replace(/\$\d/g, '?'))
            .run(seen.claimId, seen.employeeId, seen.progress);
          if (changes === 0) return false;
          const told = onNews({ db });
          mustBeSync(told, 'SqliteStatusLedger.advance');
          return told as boolean;
        })
        .immediate(),
    );
  }

  known(claimId: string): Promise<boolean> {
    return settle(() =>
      Boolean(this.db.prepare('SELECT 1 FROM claim_status_seen WHERE claim_id = ?').get(claimId)),
    );
  }
}

export class PgStatusLedger implements StatusLedger<PgTx> {
  constructor(private readonly pool: pg.Pool) {}

  advance(seen: ClaimProgress, onNews: (tx: PgTx) => Awaitable<boolean>): Promise<boolean> {
    return withTransaction(this.pool, async (tx) => {
      const { rowCount } = await tx.query(ADVANCE, [seen.claimId, seen.employeeId, seen.progress]);
      return rowCount === 1 ? onNews(tx) : false;
    });
  }

  async known(claimId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM claim_status_seen WHERE claim_id = $1',
      [claimId],
    );
    return rowCount === 1;
  }
}
