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
 * The locks are session locks on connections of their own pool: a turn holding a lock connection
 * takes its working connections from the main pool, so a full lock pool only makes turns wait for
 * a lock, never for a connection a lock holder needs. The pool is opened with a lock_timeout
 * (TURN_LOCK_WAIT_MS), so a turn never waits forever behind a stuck one.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { errorSummary } from '../../logger.js';

/** First key of the two-key advisory lock: this lock's class, apart from every other use. */
const TURN_LOCK_CLASS = 0x72_72_74_6c; // 'rrtl'
/** A turn waits at most this long for another instance's turn of the same person. */
export const TURN_LOCK_WAIT_MS = 30_000;

// Fits services' TurnLock by shape: the store layer does not import services.
export class PgTurnLock {
  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_CLASS, key]);
    } catch (err) {
      // Ordering is lost for this turn, correctness is not: the state write's version check
      // still re-runs a turn that raced another.
      this.logger.warn(
        { err: errorSummary(err) },
        'turn lock not taken; running on versions alone',
      );
      client?.release(true);
      return work();
    }
    const held = client;
    try {
      return await work();
    } finally {
      // A connection that cannot unlock is closed, which releases the lock on the server.
      const unlocked = await held
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, key])
        .then(
          () => true,
          () => false,
        );
      held.release(!unlocked);
    }
  }
}
