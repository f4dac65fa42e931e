/**
 * The PostgreSQL connection every PostgreSQL store here shares: one `pg` pool per process, and
 * transactions handed around as the pool client they run on (`PgTx`), like `SqliteTx` for SQLite.
 */
import pg, { escapeLiteral } from 'pg';

/** Whether `err` is PostgreSQL's foreign key violation (SQLSTATE 23503). */
export function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23503';
}

/** A pool client with an open transaction: work done on it commits or rolls back together. */
export type PgTx = pg.PoolClient;

export interface PgPoolOptions {
  /** Most connections this process opens; default 10. */
  max?: number;
  /**
   * The schema the stores' tables live in (`search_path`); default the server's (`public`).
   * Tests give each file a schema of its own.
   */
  schema?: string;
  /** How long a statement waits for a lock (PostgreSQL's lock_timeout); default: no limit. */
  lockTimeoutMs?: number;
  /** An idle connection that fails (the server restarted) is reported here instead of crashing. */
  onError?: (err: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPool(connectionString: string, options: PgPoolOptions = {}): pg.Pool {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new RangeError(`openPool: "${schema}" is not a plain lower-case schema name.`);
  }
  const settings = [
    ...(schema ? [`-c search_path=${schema}`] : []),
    ...(options.lockTimeoutMs !== undefined
      ? [`-c lock_timeout=${Math.round(options.lockTimeoutMs)}`]
      : []),
  ];
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // A server that does not answer should fail a turn, not hang it.
    connectionTimeoutMillis: 10_000,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
  });
  // Without a listener an idle client's error (e.g. the server restarting) would end the process.
  pool.on('error', options.onError ?? (() => undefined));
  // The pool listens only to its idle clients: a connection that drops while lent (a turn's lock
  // connection, a transaction, the migration lock) would emit an error nobody hears, which ends
  // the process. Its holder learns of it anyway, as the query in flight or the next one fails.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Throws unless `tx` is a client with an open transaction, so work meant to be atomic cannot run alone. */
export function assertInPgTransaction(tx: PgTx): void {
  if (tx.getTransactionStatus() !== 'T')
    throw new Error('expected an open transaction on this database');
}

/**
 * Runs `work` in a transaction on a client of `pool`: committed when it resolves, rolled back when
 * it throws (and the error passed on). The client goes back to the pool either way.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (tx: PgTx) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    return await inTransactionOn(client, work);
  } catch (err) {
    // The connection itself failed (not even ROLLBACK got through): do not hand it on.
    broken = client.getTransactionStatus() !== 'I';
    throw err;
  } finally {
    client.release(broken);
  }
}

/** BEGIN, `work`, COMMIT on `client`; ROLLBACK when `work` throws. */
async function inTransactionOn<T>(
  client: pg.PoolClient,
  work: (tx: PgTx) => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * `sql` with its `$n` placeholders replaced by the values as escaped literals: a plain-text query,
 * which can travel in one round trip with others (`BEGIN; …`) and costs the client one message
 * instead of the five of a prepared one. Only for strings and finite numbers.
 */
export function inlineValues(sql: string, values: ReadonlyArray<string | number>): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return escapeLiteral(value);
    throw new RangeError(`inlineValues: no string or number for $${n}`);
  });
}
