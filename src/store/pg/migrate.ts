/**
 * Schema migrations for the PostgreSQL stores: numbered SQL files in ./migrations
 * (`001-bot-state.sql`, `002-…`), each applied once, in order, in its own transaction, and recorded
 * in `schema_migrations` with a checksum.
 *
 * Why a tiny runner and not a migration tool: the schema is a handful of tables that only move
 * forward, and what matters is what a runner does at start-up with several instances — here every
 * instance calls `migrate()` and a PostgreSQL advisory lock lets exactly one apply while the others
 * wait and then find nothing left to do. That is twenty lines on the `pg` driver we already have;
 * a tool would add a dependency, its own CLI and its own locking story for no more safety.
 * The job queue's tables are not here: pg-boss creates and migrates its own schema on start
 * (under its own advisory lock), so a pg-boss upgrade never needs a migration of ours.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

// First key of the two-key advisory lock: this application's migrations. The second is the schema,
// so tests migrating their own schemas side by side do not queue behind each other.
const LOCK_CLASS = 0x72_72_6d_67; // 'rrmg'

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** The migration files of `dir`, by version; a file name without a number, or a repeat, is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d+)-[\w-]+\.sql$/.exec(file);
      if (!match) throw new Error(`migration file "${file}" must be named NNN-name.sql`);
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      return { version: Number(match[1]), name: file, sql, checksum };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version)
      throw new Error(`two migrations share the number ${m.version}`);
  });
  return migrations;
}

/**
 * Applies the migrations not yet applied, under an advisory lock held for the whole run; returns
 * the names it applied (none when another instance got there first). A file changed after it was
 * applied is refused: a shipped migration is history, and a fix is a new file.
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [LOCK_CLASS]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version    integer PRIMARY KEY,
          name       text NOT NULL,
          checksum   text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const { rows } = await client.query<{ version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations',
      );
      const applied = new Map(rows.map((row) => [row.version, row.checksum]));
      const done: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum === undefined) {
          await applyOne(client, migration);
          done.push(migration.name);
        } else if (checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after it was applied; add a new file instead`,
          );
        }
      }
      return done;
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [LOCK_CLASS])
        .catch(() => (failed = true));
    }
  } finally {
    // After a failure the connection is closed rather than pooled, so the session lock cannot
    // outlive this call on a connection whose unlock did not get through.
    client.release(failed);
  }
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
      [migration.version, migration.name, migration.checksum],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
