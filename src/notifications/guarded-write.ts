/**
 * The write the status ledger and the reminder store share: one conditional statement
 * (`INSERT … ON CONFLICT DO UPDATE … WHERE`) that changes a row for only the first of any number
 * of writers racing on it — two instances seeing the same status change, two instances running
 * the same reminder round — and then, in the same transaction, the work that goes with it (the
 * notification job), so the row and its message commit together or not at all.
 * Statements are written once with `$n` placeholders and run on either backend.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { mustBeSync } from '../jobs/awaitable.js';
import type { Awaitable } from '../jobs/job-queue.js';
import { withTransaction, type PgTx } from '../store/pg/pg-database.js';
import { settle, type SqliteTx } from '../store/sqlite-database.js';

/** A `$n` statement for SQLite, which binds `?` by position: each `$n` gets its value in place. */
export function sqliteStatement(db: Database.Database, sql: string, args: readonly unknown[]) {
  const order = [...sql.matchAll(/\$(\d)/g)].map((m) => args[Number(m[1]) - 1]);
  return { statement: db.prepare(sql.replace(/\$\d/g, '?')), args: order };
}

/** What runs when the guarded statement changed a row; its answer is the write's answer. */
export type OnChanged<Tx> = (tx: Tx) => Awaitable<boolean>;

/**
 * Runs `sql` in an immediate transaction; when it changed a row, `then` too (synchronously: a
 * SQLite transaction commits when its callback returns). False, with nothing run, when it did not.
 */
export function guardedSqlite(
  db: Database.Database,
  sql: string,
  args: readonly unknown[],
  then: OnChanged<SqliteTx>,
  where: string,
): Promise<boolean> {
  return settle(() =>
    db
      .transaction(() => {
        const prepared = sqliteStatement(db, sql, args);
        if (prepared.statement.run(...prepared.args).changes === 0) return false;
        const done = then({ db });
        mustBeSync(done, where);
        return done as boolean;
      })
      .immediate(),
  );
}

/** The same on PostgreSQL, where a racing writer waits for the first one's row and then finds it changed. */
export function guardedPg(
  pool: pg.Pool,
  sql: string,
  args: readonly unknown[],
  then: OnChanged<PgTx>,
): Promise<boolean> {
  return withTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query(sql, [...args]);
    return rowCount === 1 ? then(tx) : false;
  });
}
