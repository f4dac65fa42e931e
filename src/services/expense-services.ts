/**
 * The application layer in one place: what the bot needs to run conversations, read receipts and
 * file claims through the outbox, built from the domain pieces. `app.ts` builds it once; tests
 * build it the same way.
 */
import type { Logger } from 'pino';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';
import { ClaimFiling } from './claim-filing.js';
import { ClaimOutbox, type OutboxOptions } from './claim-outbox.js';
import { ClaimsListing } from './claims-listing.js';
import {
  ConversationRunner,
  type ReplayGuard,
  type StateStore,
  type TurnLock,
} from './conversation-runner.js';
import { EffectRunner, type HelpAnswerer } from './effect-runner.js';
import type { MessageDecider } from './model-understanding.js';
import { OutboxWorker, type Announcer, type WorkerOptions } from './outbox-worker.js';
import type { ReceiptLinks } from './receipt-links.js';
import { ReceiptReadWorker } from './receipt-read-worker.js';
import { ReceiptReading, type IntakeOptions, type ReadingOptions } from './receipt-reading.js';
import { inOrder } from '../jobs/awaitable.js';

/** A filing attempt may take this long before another worker may take the job over. */
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_BACKOFF = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * `Tx` is the database's transaction handle (`SqliteTx` or `PgTx`). The state, the queue and the
 * receipt store are on that one database: a receipt's reading job commits with its row.
 */
export interface ExpenseServicesDeps<Tx> {
  storage: StateStore<Tx>;
  /** The job queue on the same database as `storage`: the outbox commits with the state. */
  queue: JobQueue<Tx>;
  /** Marks an activity handled in the transaction of its turn; optional in tests. */
  replay?: ReplayGuard<Tx>;
  /** Lease and backoff of the outbox; defaults suit production. */
  outbox?: Partial<OutboxOptions>;
  /** Lease, backoff and attempts of receipt reading; defaults suit production. */
  reading?: Partial<ReadingOptions>;
  help: HelpAnswerer;
  receipts: ReceiptPipeline<Tx>;
  claims: ClaimsClient;
  intake: IntakeOptions;
  /** Signed links to receipts on filed claims; without it the claims list shows none. */
  links?: ReceiptLinks;
  /** A language model for typed messages the offline reading is unsure of; optional. */
  understanding?: MessageDecider;
  /** One person's turns in order across processes (instances sharing PostgreSQL). */
  turnLock?: TurnLock;
  logger: Logger;
}

export interface ExpenseServices<Tx> {
  conversations: ConversationRunner<Tx>;
  receiptReading: ReceiptReading<Tx>;
  outbox: ClaimOutbox<Tx>;
  /** The outbox worker, once the bot can tell users what became of their claims. */
  worker(announcer: Announcer, options: WorkerOptions): OutboxWorker<Tx>;
  /** The worker for receipt readings a turn did not finish (after a crash, or to retry). */
  receiptWorker(announcer: Announcer, options: WorkerOptions): ReceiptReadWorker<Tx>;
}

export function createExpenseServices<Tx>(deps: ExpenseServicesDeps<Tx>): ExpenseServices<Tx> {
  const { storage, queue, replay, help, receipts, claims, intake, links, understanding, logger } =
    deps;
  const outbox = new ClaimOutbox({
    queue,
    filing: new ClaimFiling({ claims, receipts, logger }),
    logger,
    options: {
      leaseMs: deps.outbox?.leaseMs ?? DEFAULT_LEASE_MS,
      backoff: deps.outbox?.backoff ?? DEFAULT_BACKOFF,
      ...(deps.outbox?.now ? { now: deps.outbox.now } : {}),
    },
  });
  const effects = new EffectRunner({
    help,
    receipts,
    filing: outbox,
    listing: new ClaimsListing({ claims, ...(links ? { links } : {}), logger }),
    logger,
  });
  const receiptReading = new ReceiptReading({
    receipts,
    intake,
    queue,
    logger,
    ...(deps.reading ? { options: deps.reading } : {}),
  });
  const conversations = new ConversationRunner<Tx>({
    storage,
    effects,
    // What a turn commits with its state: the outbox's jobs and announcements, and the end of
    // the reading job whose result it records.
    outbox: {
      record: (tx, turn) =>
        inOrder([() => outbox.record(tx, turn), () => receiptReading.record(tx, turn)]),
      delivered: (turn) => outbox.delivered(turn),
    },
    ...(replay ? { replay } : {}),
    logger,
    ...(understanding ? { understanding } : {}),
    ...(deps.turnLock ? { turnLock: deps.turnLock } : {}),
  });
  return {
    conversations,
    receiptReading,
    outbox,
    worker: (announcer, options) =>
      new OutboxWorker({ outbox, conversations, announcer, logger, options }),
    receiptWorker: (announcer, options) =>
      new ReceiptReadWorker({
        reading: receiptReading,
        conversations,
        announcer,
        logger,
        options,
      }),
  };
}
