/**
 * Reads the photos of one message and turns each into the event the conversation continues
 * with: the fields read, or a message in every language saying why not. Every photo yields an
 * event, or a claim waiting for the last one never comes.
 *
 * Reading is a job of the bot's queue: the receipt's row and its `receipt.read` job (keyed by the
 * receipt id, with the message it came with and where to answer) commit together. The turn that
 * stored it reads it at once; a reading that fails for no reason of the file's is tried again
 * with backoff, and after `maxAttempts` the user is told to fill it in by hand. A bot killed while
 * reading leaves the job behind; after the restart the worker (receipt-read-worker.ts) reads it
 * and the conversation gets the result as if nothing had happened. The job ends in the
 * transaction that commits the result to the person's state.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ConversationEvent, Lang } from '../conversation/types.js';
import { t } from '../i18n/translate.js';
import { backoffDelay, type BackoffOptions } from '../jobs/backoff.js';
import { andThen, inOrder } from '../jobs/awaitable.js';
import { jobKind, type Awaitable, type JobQueue, type LeasedJob } from '../jobs/job-queue.js';
import { errorSummary } from '../logger.js';
import {
  DEFAULT_MAX_BYTES,
  type AttachmentToFetch,
  type DownloadOptions,
  type FetchLike,
  type IntakeErrorCode,
} from '../receipts/intake.js';
import { INTAKE_MESSAGES } from '../receipts/intake-messages.js';
import type { Connect, LookupAll } from '../receipts/pinned-request.js';
import type { PipelineResult, ReceiptPipeline } from '../receipts/receipt-pipeline.js';
import type { Origin } from './claim-outbox.js';
import type { RecordedTurn, TurnRecorder } from './conversation-runner.js';

/** How files are fetched: auth decides whether loopback http is allowed (local use only). */
export interface IntakeOptions {
  authEnabled: boolean;
  /** Test doubles only: production connects through the pinned, address-checked transport. */
  fetch?: FetchLike;
  lookup?: LookupAll;
  connect?: Connect;
  allowedTokenHosts?: readonly string[];
  maxBytes?: number;
}

export interface ReceiptBatch {
  files: AttachmentToFetch[];
  /** Ties the photos read later to the message they came with. */
  batchId: string;
  /** What the user wrote with the photos, kept with each receipt. */
  comment?: string;
  /** The token the file host wants; Teams hands it to the bot, not to this layer. */
  getBotToken: () => Promise<string>;
  /** Where the result is told when a worker reads it (after a restart): the bot's origin. */
  origin?: Origin;
}

export const readReceiptJob = jobKind(
  'receipt.read',
  z.object({
    employeeId: z.string().min(1),
    receiptId: z.string().min(1),
    batch: z.object({ id: z.string(), index: z.number().int().nonnegative() }).optional(),
    comment: z.string().optional(),
    origin: z.record(z.string(), z.unknown()).optional(),
  }),
);
export type ReadReceiptPayload = z.infer<typeof readReceiptJob.schema>;

export interface ReadingOptions {
  /** How long one reading may hold its job; OCR on a busy machine takes seconds, not minutes. */
  leaseMs: number;
  backoff: BackoffOptions;
  /** Readings that fail (or die) this many times are given up, and the user told. */
  maxAttempts: number;
  /**
   * true: the turn that stored a photo reads it at once. false: it only stores it with its job,
   * due now, for a worker process (RECEIPT_READER=worker), which tells the chat when it is read.
   */
  inTurn: boolean;
  now?: () => number;
}

const DEFAULT_OPTIONS: ReadingOptions = {
  leaseMs: 5 * 60_000,
  backoff: { baseMs: 2_000, maxMs: 60_000 },
  maxAttempts: 3,
  inTurn: true,
};

/** `Tx`: the transaction handle of the database the receipts, their jobs and the state share. */
export class ReceiptReading<Tx> implements TurnRecorder<Tx> {
  private readonly options: ReadingOptions;
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      receipts: ReceiptPipeline<Tx>;
      intake: IntakeOptions;
      queue: JobQueue<Tx>;
      logger: Logger;
      options?: Partial<ReadingOptions>;
    },
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...deps.options };
    this.now = this.options.now ?? Date.now;
  }

  /** Reads each file and hands its event on; resolves when the last one has been handled. */
  async read(
    employeeId: string,
    batch: ReceiptBatch,
    onEvent: (event: ConversationEvent) => Promise<void>,
  ): Promise<void> {
    for (const [index, file] of batch.files.entries()) {
      const event = await this.storeAndRead(employeeId, file, batch, { id: batch.batchId, index });
      // Undefined: it is tried again later, by the worker, which tells the user then.
      if (event) await onEvent(event);
    }
  }

  /**
   * One attempt of a reading job: the event for the conversation, or undefined when it was put
   * back to be tried again later.
   */
  async attempt(job: LeasedJob<ReadReceiptPayload>): Promise<ConversationEvent | undefined> {
    const { employeeId, receiptId } = job.payload;
    const { maxAttempts } = this.options;
    // Taken more often than allowed: the process died reading it each time (a photo that kills it).
    if (job.attempts > maxAttempts) return this.gaveUp(job.payload);
    try {
      return eventOf(await this.deps.receipts.read(employeeId, receiptId), job.payload);
    } catch (err) {
      this.deps.logger.warn(
        { err: errorSummary(err), receiptId, attempts: job.attempts },
        'reading a receipt failed',
      );
      if (job.attempts >= maxAttempts) return this.gaveUp(job.payload);
      const delay = backoffDelay(job.attempts, this.options.backoff);
      const message = err instanceof Error ? err.message : String(err);
      await this.deps.queue.retryAt(job, new Date(this.now() + delay), message);
      return undefined;
    }
  }

  /** In the transaction that commits a reading's result: its job is over. */
  record(tx: Tx, { event }: RecordedTurn): Awaitable<void> {
    const { queue } = this.deps;
    if (event.type === 'receiptRead')
      return andThen(queue.completeKey(tx, readReceiptJob, event.receipt.id), () => undefined);
    if (event.type === 'receiptFailed' && event.receiptId)
      return andThen(
        queue.deadLetterKey(tx, readReceiptJob, event.receiptId, 'could not be read'),
        () => undefined,
      );
  }

  /** A result nobody is to be told (no chat to tell it in): the job settles on its own. */
  async settle(job: LeasedJob<ReadReceiptPayload>, event: ConversationEvent): Promise<void> {
    if (event.type === 'receiptRead') await this.deps.queue.complete(job);
    else await this.deps.queue.deadLetter(job, 'could not be read');
  }

  takeDue(limit: number): Promise<Array<LeasedJob<ReadReceiptPayload>>> {
    return this.deps.queue.take(readReceiptJob, { leaseMs: this.options.leaseMs, limit });
  }

  nextDue(): Promise<Date | undefined> {
    return this.deps.queue.nextDue(readReceiptJob);
  }

  /**
   * Start-up: the readings a stopped process held or had queued are due now, and a receipt
   * stored with no job at all (by a version before reading was a job) gets one, read without a
   * chat to tell. Returns how many receipts were waiting to be read.
   */
  async recover(): Promise<number> {
    const { queue, receipts } = this.deps;
    await queue.wakeAll(readReceiptJob);
    const unread = await receipts.unread();
    await receipts.inTransaction((tx) =>
      inOrder(
        unread.map(
          (r) => () =>
            queue.enqueue(tx, readReceiptJob, {
              key: r.id,
              payload: { employeeId: r.employeeId, receiptId: r.id },
            }),
        ),
      ),
    );
    return unread.length;
  }

  private async storeAndRead(
    employeeId: string,
    file: AttachmentToFetch,
    batch: ReceiptBatch,
    ref: { id: string; index: number },
  ): Promise<ConversationEvent | undefined> {
    const { receipts, queue, logger } = this.deps;
    const { comment, origin } = batch;
    let stored;
    try {
      stored = await receipts.store(
        employeeId,
        file,
        comment,
        this.downloadOptions(batch),
        (tx, receipt) =>
          // In the turn: due one lease later, this turn reads it now, a worker only if the turn
          // dies. Left to the workers: due now.
          queue.enqueue(tx, readReceiptJob, {
            key: receipt.id,
            payload: {
              employeeId,
              receiptId: receipt.id,
              batch: ref,
              ...(comment ? { comment } : {}),
              ...(origin ? { origin } : {}),
            },
            runAt: new Date(this.now() + (this.options.inTurn ? this.options.leaseMs : 0)),
          }),
      );
    } catch (err) {
      // The user hears "could not read it"; the cause stays in the log.
      logger.warn({ err: errorSummary(err) }, 'storing a receipt failed');
      return eventOf({ ok: false, code: 'unreadable' }, { batch: ref });
    }
    if (stored.type === 'done')
      return eventOf(stored.result, { batch: ref, ...(comment ? { comment } : {}) });
    if (!this.options.inTurn) return undefined;
    const job = await queue.takeKey(readReceiptJob, stored.receipt.id, {
      leaseMs: this.options.leaseMs,
    });
    return job ? this.attempt(job) : undefined;
  }

  private gaveUp(payload: ReadReceiptPayload): ConversationEvent {
    const pick = (lang: Lang) => t(lang, 'receipt.gaveUp');
    return {
      type: 'receiptFailed',
      messages: { nb: pick('nb'), nn: pick('nn'), en: pick('en') },
      receiptId: payload.receiptId,
      ...(payload.batch ? { batch: payload.batch } : {}),
    };
  }

  private downloadOptions(batch: ReceiptBatch): DownloadOptions {
    const { intake } = this.deps;
    return {
      ...(intake.fetch ? { fetch: intake.fetch } : {}),
      ...(intake.lookup ? { lookup: intake.lookup } : {}),
      ...(intake.connect ? { connect: intake.connect } : {}),
      getBotToken: batch.getBotToken,
      authEnabled: intake.authEnabled,
      ...(intake.allowedTokenHosts ? { allowedTokenHosts: intake.allowedTokenHosts } : {}),
      ...(intake.maxBytes ? { maxBytes: intake.maxBytes } : {}),
    };
  }
}

/** The conversation's event for a reading's result, tied to its message and photo. */
function eventOf(
  result: PipelineResult,
  about: { batch?: { id: string; index: number }; comment?: string; receiptId?: string },
): ConversationEvent {
  const { batch, comment, receiptId } = about;
  if (!result.ok)
    return {
      type: 'receiptFailed',
      messages: intakeMessages(result.code),
      ...(batch ? { batch } : {}),
      ...(receiptId ? { receiptId } : {}),
    };
  return {
    type: 'receiptRead',
    receipt: result.receipt,
    ...(batch ? { batch } : {}),
    ...(comment ? { comment } : {}),
    ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
  };
}

function intakeMessages(code: IntakeErrorCode | 'unreadable'): Record<Lang, string> {
  const maxMb = String(Math.round(DEFAULT_MAX_BYTES / 1024 / 1024));
  const pick = (lang: Lang) =>
    code === 'unreadable'
      ? t(lang, 'receipt.unreadable')
      : INTAKE_MESSAGES[lang][code].replace(/\{maxMb\}/g, maxMb);
  return { nb: pick('nb'), nn: pick('nn'), en: pick('en') };
}
