/**
 * A turn's state write on PostgreSQL, as the bot makes it: the conversation runner on `PgStorage`,
 * the replay mark of `PgProcessedActivities` and the outbox's job changes on `PgJobQueue`, all
 * awaited inside the write's transaction (on SQLite the same code runs synchronously). On a real
 * server (test/helpers/pg-test-database.ts says which, and when this file skips).
 */
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import type { TurnContextData } from '../src/conversation/types.js';
import { PgJobQueue } from '../src/jobs/pg-job-queue.js';
import { NOTIFY } from '../src/notifications/notification-job.js';
import { ClaimOutbox, fileClaimJob } from '../src/services/claim-outbox.js';
import {
  ConversationRunner,
  ReplayedActivityError,
  type RecordedTurn,
} from '../src/services/conversation-runner.js';
import { migrate } from '../src/store/pg/migrate.js';
import { withTransaction, type PgTx } from '../src/store/pg/pg-database.js';
import { PgProcessedActivities } from '../src/store/pg/pg-processed-activities.js';
import { PgStorage } from '../src/store/pg/pg-storage.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

const logger = pino({ level: 'silent' });
const FACTS: TurnContextData = {
  today: '2026-03-02',
  scope: 'personal',
  defaultLang: 'nb',
  newId: () => 'id-1',
};
// The outbox only carries the claim; the claims API is what judges it.
const CLAIM = { lines: [] } as unknown as NewClaim;

describePg('a turn on PostgreSQL', () => {
  let db: TestSchemas;
  let pool: pg.Pool;
  let queue: PgJobQueue;
  let outbox: ClaimOutbox<PgTx>;
  let runner: ConversationRunner<PgTx>;
  const replay = () => new PgProcessedActivities(pool);

  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'turns');
    pool = db.open(6);
    await migrate(pool);
    queue = await PgJobQueue.start(pool, {
      schema: db.bossSchema,
      supervise: false,
      kinds: [fileClaimJob, NOTIFY],
    });
    // record() files nothing: the filing service is never reached in this file.
    outbox = new ClaimOutbox<PgTx>({
      queue,
      filing: undefined as never,
      logger,
      options: { leaseMs: 60_000, backoff: { baseMs: 1_000, maxMs: 10_000 } },
    });
    runner = new ConversationRunner<PgTx>({
      storage: new PgStorage(pool),
      // stepOnce runs no effects.
      effects: undefined as never,
      outbox,
      replay: replay(),
      logger,
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.dispose();
  });

  const filing = (draftId: string): RecordedTurn => ({
    employeeId: 'kari',
    event: { type: 'text', text: 'send' },
    result: {
      state: {},
      messages: [],
      effects: [{ type: 'fileClaim', draftId, claim: CLAIM }],
      lang: 'nb',
    },
  });

  it('the outbox job commits with the transaction that records it, or not at all', async () => {
    await withTransaction(pool, async (tx) => {
      await outbox.record(tx, filing('draft-kept'));
    });
    await withTransaction(pool, async (tx) => {
      await outbox.record(tx, filing('draft-lost'));
      throw new Error('the turn failed');
    }).catch((err: Error) => {
      if (err.message !== 'the turn failed') throw err;
    });
    expect((await outbox.find('draft-kept'))?.state).toBe('queued');
    expect(await outbox.find('draft-lost')).toBeUndefined();
  });

  it("a refused filing's turn settles its job and marks its activity with its state", async () => {
    await withTransaction(pool, async (tx) => {
      await outbox.record(tx, filing('draft-refused'));
    });
    const refused = { type: 'fileFailed', draftId: 'draft-refused', reason: 'rejected' } as const;
    await runner.stepOnce('kari', refused, FACTS, { activityKey: 'act-refused' });
    expect((await outbox.find('draft-refused'))?.state).toBe('dead');
    expect(await replay().seen('act-refused')).toBe(true);
    const state = await new PgStorage(pool).read(['users/kari']);
    expect(state['users/kari']).toBeDefined();
  });

  it('a replayed activity is dropped and its turn writes nothing', async () => {
    const hello = { type: 'text', text: 'hei' } as const;
    await runner.stepOnce('per', hello, FACTS, { activityKey: 'act-twice' });
    const before = await new PgStorage(pool).read(['users/per']);
    await expect(
      runner.stepOnce('per', hello, FACTS, { activityKey: 'act-twice' }),
    ).rejects.toBeInstanceOf(ReplayedActivityError);
    expect(await new PgStorage(pool).read(['users/per'])).toEqual(before);
  });
});
