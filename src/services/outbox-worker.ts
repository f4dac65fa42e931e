/**
 * Runs the outbox inside the bot's process: delivers due filings, commits their outcome to the
 * person's conversation state and tells them in the chat they filed from. At start-up it first
 * reconciles every draft found "filing", so none stays stuck after a crash.
 */
import type { Logger } from 'pino';
import { filingDraftIds } from '../conversation/engine.js';
import type { ConversationEvent, TurnContextData, UserState } from '../conversation/types.js';
import { errorSummary } from '../logger.js';
import type { ClaimOutbox, FileClaimPayload, Origin } from './claim-outbox.js';
import type { ConversationRunner } from './conversation-runner.js';
import type { LeasedJob } from '../jobs/job-queue.js';
import { JobLoop } from '../jobs/job-loop.js';

/**
 * The bot layer's part: facts for a turn nobody typed. What such a turn says is committed with it
 * as notification jobs (claim-outbox.ts), so a crash after filing still ends with the user told;
 * `announced` wakes the worker that sends them.
 */
export interface Announcer {
  /** The facts a turn without a message runs with (the user's day, chat scope, locale). */
  facts(origin: Origin | undefined): TurnContextData;
  /** Messages were queued for the user: send them now rather than at the next poll. */
  announced?(): void;
}

/** What recovery reads: the keys of people with a draft being filed, and their state. */
export interface StateScan {
  keysContaining(prefix: string, text: string): Promise<string[]>;
  read(keys: string[]): Promise<Record<string, unknown>>;
}

export interface WorkerOptions {
  /** Longest sleep between looks at the queue; a turn that queues a claim also wakes it. */
  pollMs: number;
  /** Jobs taken at a time. */
  batch?: number;
}

export class OutboxWorker<Tx> {
  private readonly loop: JobLoop;

  constructor(
    private readonly deps: {
      outbox: ClaimOutbox<Tx>;
      conversations: ConversationRunner<Tx>;
      announcer: Announcer;
      logger: Logger;
      options: WorkerOptions;
    },
  ) {
    const { outbox, logger, options } = deps;
    this.loop = new JobLoop({
      pollMs: options.pollMs,
      runOnce: async () => {
        const jobs = await outbox.takeDue(options.batch ?? 5);
        for (const job of jobs) await this.handle(job);
        return jobs.length > 0;
      },
      nextDue: () => outbox.nextDue(),
      onError: (err) =>
        logger.error({ err: errorSummary(err) }, 'outbox worker failed; trying again'),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Lets the attempt under way finish (its outcome is committed), then stops. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /**
   * Every draft found "filing" at start-up: its job is made due at once (the process that held
   * it is gone), and a draft with no live job is filed again under the same Idempotency-Key, so
   * each ends filed exactly once or back as a draft the user can file. Returns how many drafts
   * were found and how many had to be filed again.
   */
  async recover(storage: StateScan): Promise<{ filing: number; refiled: number }> {
    const { outbox } = this.deps;
    await outbox.wakeAll();
    let filing = 0;
    let refiled = 0;
    const keys = await storage.keysContaining('users/', '"step":"filing"');
    const found = await storage.read(keys);
    for (const key of keys) {
      const state = (found[key] as { state?: UserState } | undefined)?.state ?? {};
      const employeeId = key.slice('users/'.length);
      for (const draftId of filingDraftIds(state)) {
        filing++;
        const job = await outbox.find(draftId);
        if (job && (job.state === 'queued' || job.state === 'leased')) continue;
        refiled++;
        await this.conclude(employeeId, job?.payload.origin, { type: 'refile', draftId });
      }
    }
    return { filing, refiled };
  }

  private async handle(job: LeasedJob<FileClaimPayload>): Promise<void> {
    const event = await this.deps.outbox.attempt(job);
    if (event.type === 'fileQueued') return;
    await this.conclude(job.payload.employeeId, job.payload.origin, event);
  }

  private conclude(employeeId: string, origin: Origin | undefined, event: ConversationEvent) {
    return concludeUnattended(this.deps, employeeId, origin, event);
  }
}

/**
 * Runs an outcome nobody is waiting for (a filing, a receipt read by a worker) as the person's
 * turn; what it says to them is queued in the same transaction as notifications to the chat it
 * came from, so a crash after the commit still ends with them told.
 */
export async function concludeUnattended<Tx>(
  deps: { conversations: ConversationRunner<Tx>; announcer: Announcer },
  employeeId: string,
  origin: Origin | undefined,
  event: ConversationEvent,
): Promise<void> {
  const { conversations, announcer } = deps;
  await conversations.run(
    employeeId,
    announcer.facts(origin),
    [event],
    () => Promise.resolve(),
    origin ? { origin, announce: true } : {},
  );
  if (origin) announcer.announced?.();
}
