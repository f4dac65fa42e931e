/**
 * The durable outbox for filing. A click on File commits, in one transaction, the draft's move to
 * "filing" and a `fileClaim` job holding everything needed to file it (the claim, its receipts,
 * its Idempotency-Key, where to tell the user). The turn then delivers it at once; if the claims
 * API does not answer, the job waits with backoff and the worker delivers it later, also after a
 * restart or a `kill -9`. The outcome (filed, or refused for good) is committed together with the
 * draft's state: a draft is "filing" exactly while its job is live.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { attachmentRefSchema, type NewClaim } from '../claims/claim.js';
import type { ConversationEvent } from '../conversation/types.js';
import { backoffDelay, type BackoffOptions } from '../jobs/backoff.js';
import { jobKind, type Job, type JobQueue, type LeasedJob } from '../jobs/job-queue.js';
import type { ClaimFiling } from './claim-filing.js';
import type { RecordedTurn, TurnRecorder } from './conversation-runner.js';

/** Where a filing came from, as the bot layer keeps it (its conversation reference): opaque here. */
export type Origin = Record<string, unknown>;

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
   * Inside the transaction that commits a turn's state (synchronous, as SQLite's is): a File
   * enqueues its job, a filed or refused outcome settles it. The job waits one lease before a
   * worker may take it, because the turn delivers it itself right after the commit.
   */
  record(tx: Tx, { employeeId, event, result, origin }: RecordedTurn) {
    const { queue, options } = this.deps;
    for (const effect of result.effects) {
      if (effect.type !== 'fileClaim') continue;
      const { type: _type, ...delivery } = effect;
      void queue.enqueue(tx, fileClaimJob, {
        key: effect.draftId,
        payload: { employeeId, ...delivery, ...(origin ? { origin } : {}) },
        runAt: new Date(this.now() + options.leaseMs),
      });
    }
    if (event.type === 'filed') void queue.completeKey(tx, fileClaimJob, event.draftId);
    if (event.type === 'fileFailed' && event.reason === 'rejected')
      void queue.deadLetterKey(tx, fileClaimJob, event.draftId, event.detail ?? 'refused');
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
