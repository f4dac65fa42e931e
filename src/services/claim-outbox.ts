/**
 * The durable outbox for filing. A click on File commits, in one transaction, the draft's move to
 * "filing" and a `fileClaim` job holding everything needed to file it (the claim, its receipts,
 * its Idempotency-Key, where to tell the user). The turn then delivers it at once; if the claims
 * API does not answer, the job waits with backoff and the worker delivers it later, also after a
 * restart or a `kill -9`. The outcome (filed, or refused for good) is committed together with the
 * draft's state: a draft is "filing" exactly while its job is live.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import { attachmentRefSchema, type NewClaim } from '../claims/claim.js';
import { filingDraftIds } from '../conversation/engine.js';
import type { ConversationEvent, View } from '../conversation/types.js';
import { backoffDelay, type BackoffOptions } from '../jobs/backoff.js';
import { inOrder } from '../jobs/awaitable.js';
import {
  jobKind,
  type Awaitable,
  type Job,
  type JobQueue,
  type LeasedJob,
} from '../jobs/job-queue.js';
import { NOTIFY } from '../notifications/notification-job.js';
import type { ClaimFiling } from './claim-filing.js';
import type { RecordedTurn, TurnRecorder } from './conversation-runner.js';

/**
 * Where a filing came from, as the bot layer keeps it: opaque here, except that its `reference`
 * (the conversation reference) is where the outcome is told when nobody waits for it.
 */
export type Origin = Record<string, unknown>;

/** What a filing's outcome says, as notification jobs: the card it leaves, then the messages. */
/**
 * The acknowledgement ("Reading your receipt…") a reading's first result takes the place of, when
 * a worker read it: the first photo of the message, as the turn itself would have done.
 */
function replacedBy({ origin, event, announce }: RecordedTurn): string | undefined {
  const first = (event.type === 'receiptRead' || event.type === 'receiptFailed') && event.batch;
  const replaces = origin?.replaces;
  return announce && first && first.index === 0 && typeof replaces === 'string'
    ? replaces
    : undefined;
}

function viewsOf({ result }: RecordedTurn): View[] {
  return [...(result.replace ? [result.replace] : []), ...result.messages];
}

export const fileClaimJob = jobKind(
  'fileClaim',
  z.object({
    employeeId: z.string().min(1),
    draftId: z.string().min(1),
    // The claims API judges the claim; here it only has to be a claim-shaped object.
    claim: z.custom<NewClaim>(
      (v) => typeof v === 'object' && v !== null && Array.isArray((v as NewClaim).lines),
    ),
    receiptIds: z.array(z.string()).optional(),
    documentIds: z.array(z.string()).optional(),
    resubmits: z
      .object({
        claimId: z.string(),
        number: z.string(),
        version: z.number().int().positive(),
        attachments: z.array(attachmentRefSchema),
      })
      .optional(),
    origin: z.record(z.string(), z.unknown()).optional(),
  }),
);
export type FileClaimPayload = z.infer<typeof fileClaimJob.schema>;

export interface OutboxOptions {
  /** How long one delivery attempt may hold the job before another worker may take it. */
  leaseMs: number;
  backoff: BackoffOptions;
  now?: () => number;
}

export class ClaimOutbox<Tx> implements TurnRecorder<Tx> {
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      queue: JobQueue<Tx>;
      filing: ClaimFiling;
      logger: Logger;
      options: OutboxOptions;
    },
  ) {
    this.now = deps.options.now ?? Date.now;
  }

  /**
   * Inside the transaction that commits a turn's state: a File enqueues its job, a filed or
   * refused outcome settles it. The job waits one lease before a worker may take it, because the
   * turn delivers it itself right after the commit. Each step runs after the one before; on SQLite
   * all of them synchronously (its transaction commits when the callback returns), on PostgreSQL
   * as a promise the state write awaits before its commit.
   */
  record(tx: Tx, turn: RecordedTurn): Awaitable<void> {
    const { employeeId, event, result, origin } = turn;
    const { queue, options } = this.deps;
    const steps: Array<() => Awaitable<unknown>> = [];
    for (const effect of result.effects) {
      if (effect.type !== 'fileClaim') continue;
      const { type: _type, ...delivery } = effect;
      steps.push(() =>
        queue.enqueue(tx, fileClaimJob, {
          key: effect.draftId,
          payload: { employeeId, ...delivery, ...(origin ? { origin } : {}) },
          runAt: new Date(this.now() + options.leaseMs),
        }),
      );
    }
    if (event.type === 'filed')
      steps.push(() => queue.completeKey(tx, fileClaimJob, event.draftId));
    // A cancelled filing leaves the queue with the draft's move back (its lease is this turn's).
    if (
      event.type === 'filingCancelled' &&
      event.stopped &&
      !filingDraftIds(result.state).includes(event.draftId)
    )
      steps.push(() =>
        queue.deadLetterKey(tx, fileClaimJob, event.draftId, 'cancelled by the user'),
      );
    if (event.type === 'fileFailed' && event.reason === 'rejected')
      steps.push(() =>
        queue.deadLetterKey(tx, fileClaimJob, event.draftId, event.detail ?? 'refused'),
      );
    return inOrder([...steps, ...this.announce(tx, turn)]);
  }

  /**
   * The outcome of a filing is told durably: its views are notification jobs committed with the
   * outcome. Nobody waiting (the worker, recovery): due now, the notification worker sends them.
   * The user's own turn: due one lease later, and settled by `delivered` once the turn has shown
   * them, so a crash between the commit and the answer still ends with the user told.
   */
  private announce(tx: Tx, turn: RecordedTurn): Array<() => Awaitable<unknown>> {
    const keys = this.announcementKeys(turn);
    const reference = turn.origin?.reference;
    if (keys.length === 0 || typeof reference !== 'object' || reference === null) return [];
    const runAt = new Date(this.now() + (turn.announce ? 0 : this.deps.options.leaseMs));
    const replaces = replacedBy(turn);
    return viewsOf(turn).map(
      (view, i) => () =>
        this.deps.queue.enqueue(tx, NOTIFY, {
          key: keys[i] ?? '',
          payload: {
            employeeId: turn.employeeId,
            message: {
              type: 'view',
              view,
              reference: reference as Record<string, unknown>,
              ...(i === 0 && replaces ? { replaces } : {}),
            },
          },
          runAt,
        }),
    );
  }

  /** The turn has shown the outcome itself: its announcement jobs are done. */
  async delivered(turn: RecordedTurn): Promise<void> {
    for (const key of this.announcementKeys(turn)) {
      const job = await this.deps.queue.takeKey(NOTIFY, key, {
        leaseMs: this.deps.options.leaseMs,
      });
      if (job) await this.deps.queue.complete(job);
    }
  }

  private announcementKeys(turn: RecordedTurn): string[] {
    const { event } = turn;
    const outcome = event.type === 'filed' || event.type === 'fileFailed';
    if (!turn.origin || (!outcome && !turn.announce)) return [];
    // The user's turn finds its keys again (`delivered`); a turn nobody waits for needs its own,
    // as one person may have several such turns queued (the photos of one message).
    const about = turn.announce ? randomUUID() : 'draftId' in event ? event.draftId : '';
    return viewsOf(turn).map((_, i) => `told:${event.type}:${about}:${i}`);
  }

  /** Delivers the job a turn just committed, so the user usually hears "filed" at once. */
  async deliverNow(draftId: string): Promise<ConversationEvent> {
    const job = await this.deps.queue.takeKey(fileClaimJob, draftId, {
      leaseMs: this.deps.options.leaseMs,
    });
    // A worker has it (it was due already): it tells the user when it is through.
    if (!job) return { type: 'fileQueued', draftId };
    return this.attempt(job, true);
  }

  /**
   * The user cancels a claim waiting here: its job is leased to this turn unless a worker is
   * delivering it right now, so no worker can start it before the turn commits the cancel (which
   * dead-letters it). A crash before that commit only lets the lease run out: it is filed.
   */
  async cancel(draftId: string): Promise<ConversationEvent> {
    const job = await this.deps.queue.takeKey(fileClaimJob, draftId, {
      leaseMs: this.deps.options.leaseMs,
    });
    return { type: 'filingCancelled', draftId, stopped: job !== undefined };
  }

  /** Due jobs for the worker. */
  takeDue(limit: number): Promise<Array<LeasedJob<FileClaimPayload>>> {
    return this.deps.queue.take(fileClaimJob, { leaseMs: this.deps.options.leaseMs, limit });
  }

  nextDue(): Promise<Date | undefined> {
    return this.deps.queue.nextDue(fileClaimJob);
  }

  find(draftId: string): Promise<Job<FileClaimPayload> | undefined> {
    return this.deps.queue.find(fileClaimJob, draftId);
  }

  /** Start-up: nothing runs the jobs a previous process held or meant to run, so all are due. */
  wakeAll(): Promise<number> {
    return this.deps.queue.wakeAll(fileClaimJob);
  }

  /**
   * One delivery attempt. Filed or refused comes back as the event the conversation commits
   * (settling the job in the same transaction); not answering puts the job back with backoff.
   */
  async attempt(job: LeasedJob<FileClaimPayload>, userWaits = false): Promise<ConversationEvent> {
    const { draftId, employeeId } = job.payload;
    let outcome = await this.deps.filing.deliver(employeeId, job.payload);
    // While the user waits for the answer, a connection that failed at once (a keep-alive socket
    // the server had just closed) is tried once more rather than queued; the key makes it safe.
    if (userWaits && outcome.type === 'retry' && outcome.atOnce)
      outcome = await this.deps.filing.deliver(employeeId, job.payload);
    switch (outcome.type) {
      case 'filed':
        return { type: 'filed', draftId, claim: outcome.claim };
      case 'refused':
        return {
          type: 'fileFailed',
          draftId,
          reason: 'rejected',
          detail: outcome.error,
          refusal: outcome.refusal,
        };
      case 'retry': {
        const delay = backoffDelay(job.attempts, this.deps.options.backoff, outcome.retryAfterMs);
        await this.deps.queue.retryAt(job, new Date(this.now() + delay), outcome.error);
        this.deps.logger.info({ draftId, attempts: job.attempts, delay }, 'claim queued for retry');
        return { type: 'fileQueued', draftId };
      }
    }
  }
}
