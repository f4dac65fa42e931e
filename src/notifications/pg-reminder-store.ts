/**
 * The reminder store on PostgreSQL, shared by every instance: `reminders_sent` (migration 003,
 * ms since the epoch like SQLite's) and the state's write time, `bot_state.updated_at`
 * (migration 001, a timestamptz the server sets on every write).
 */
import type pg from 'pg';
import type { PgTx } from '../store/pg/pg-database.js';
import { guardedPg, type OnChanged } from './guarded-write.js';
import {
  LAST_SENT,
  MARK_SENT,
  stateKey,
  type ReminderStore,
  type ReminderStoreOptions,
} from './reminder-store.js';

export class PgReminderStore implements ReminderStore<PgTx> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: ReminderStoreOptions,
  ) {}

  async lastSent(employeeId: string): Promise<Date | undefined> {
    // bigint comes back as text: pg does not guess that it fits a number.
    const { rows } = await this.pool.query<{ sent_at: string }>(LAST_SENT, [employeeId]);
    return rows[0] ? new Date(Number(rows[0].sent_at)) : undefined;
  }

  markSent(employeeId: string, at: Date, notAfter: Date, then: OnChanged<PgTx>): Promise<boolean> {
    return guardedPg(this.pool, MARK_SENT, [employeeId, at.getTime(), notAfter.getTime()], then);
  }

  async receiptsWaiting(employeeId: string, before: Date): Promise<number> {
    return this.options.receiptsWaiting(employeeId, before);
  }

  async lastTouched(employeeId: string): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ updated_at: Date }>(
      'SELECT updated_at FROM bot_state WHERE key = $1',
      [stateKey(employeeId)],
    );
    return rows[0]?.updated_at;
  }
}
