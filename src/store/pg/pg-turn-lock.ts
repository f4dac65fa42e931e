/**
 * One person's turns, one at a time across every bot instance on the database: a PostgreSQL
 * advisory lock per person, held from reading their state to the end of the turn's effects.
 *
 * The in-process lock (keyed-lock.ts) orders turns inside one instance; with several instances
 * behind a load balancer two quick messages of one person can land on two of them. Optimistic
 * concurrency (the state row's version) already makes sure neither overwrites the other, but
 * without this lock the second message could be handled before the first one's effects ran, and
 * a conflicting turn is re-run, which costs the model call or the claims API call again.
 *
 * The locks are session locks on connections of their own pool, and the turn reads and writes the
 * person's state on its lock connection (the lock taken in the same round trip as the first read).
 * Everything else a turn stores (jobs, replay marks inside its write, references) takes the main
 * pool's connections, which nobody holds while waiting for a lock: a full lock pool makes turns
 * wait for a lock, never for a connection a lock holder needs. The pool is opened with a
 * lock_timeout (TURN_LOCK_WAIT_MS), so a turn never waits forever behind a stuck one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { Logger } from 'pino';
import { errorSummary } from '../../logger.js';
import { inlineValues } from './pg-database.js';

/** First key of the two-key advisory lock: this lock's class, apart from every other use. */
const TURN_LOCK_CLASS = 0x72_72_74_6c; // 'rrtl'
/** A turn waits at most this long for another instance's turn of the same person. */
export const TURN_LOCK_WAIT_MS = 30_000;

/**
 * The connection a person's turn holds: the lock is on it, and PgStorage reads and writes the
 * person's state on it too, so a turn costs no more round trips than it must. The lock is taken
 * with the turn's first read, in the same round trip.
 */
interface TurnConnection {
  client: pg.PoolClient;
  /** The lock's key until the first read has taken the lock. */
  pendingKey?: string;
  locked: boolean;
  /** False once the turn is over, or its connection failed: then the pool serves. */
  usable: boolean;
  onLockFailed(err: unknown): void;
}

const turnConnections = new AsyncLocalStorage<TurnConnection>();

/** The connection of the turn this code runs in, if it holds one. */
export function turnClient(): pg.PoolClient | undefined {
  const held = turnConnections.getStore();
  return held?.usable ? held.client : undefined;
}

/**
 * Runs `sql` (one plain statement, its values already in it as literals) on the turn's
 * connection; when the turn's lock is still to be taken, in one round trip with taking it.
 * Undefined when this code runs in no turn holding a connection.
 */
export async function queryInTurn<R extends pg.QueryResultRow>(
  sql: string,
): Promise<pg.QueryResult<R> | undefined> {
  const held = turnConnections.getStore();
  if (!held?.usable) return undefined;
  const key = held.pendingKey;
  if (key === undefined) return held.client.query<R>(sql);
  held.pendingKey = undefined;
  try {
    const lock = inlineValues('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_CLASS, key]);
    // Two statements, two results; each statement sees what committed before it ran, so the read
    // sees everything the previous holder of the lock wrote.
    const results = (await held.client.query(`${lock}; ${sql}`)) as unknown as Array<
      pg.QueryResult<R>
    >;
    held.locked = true;
    return results[1];
  } catch (err) {
    // Whether the lock was taken is unknown: the connection is closed at the end of the turn,
    // which frees it, and the rest of the turn runs on the pool, on versions alone.
    held.usable = false;
    held.onLockFailed(err);
    return undefined;
  }
}

// Fits services' TurnLock by shape: the store layer does not import services.
export class PgTurnLock {
  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const warn = (err: unknown) =>
      // Ordering is lost for this turn, correctness is not: the state write's version check
      // still re-runs a turn that raced another.
      this.logger.warn(
        { err: errorSummary(err) },
        'turn lock not taken; running on versions alone',
      );
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      warn(err);
      return work();
    }
    const held: TurnConnection = {
      client,
      pendingKey: key,
      locked: false,
      usable: true,
      onLockFailed: warn,
    };
    try {
      return await turnConnections.run(held, work);
    } finally {
      const failed = !held.usable;
      held.usable = false;
      // A connection that cannot unlock is closed, which releases the lock on the server.
      const unlocked =
        !held.locked ||
        (await client
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, key])
          .then(
            () => true,
            () => false,
          ));
      client.release(failed || !unlocked);
    }
  }
}
