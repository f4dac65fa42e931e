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
  private stopped = true;
  private loop: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly deps: {
      outbox: ClaimOutbox<Tx>;
      conversations: ConversationRunner<Tx>;
      announcer: Announcer;
      logger: Logger;
      options: WorkerOptions;
    },
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Lets the attempt under way finish (its outcome is committed), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  wake(): void {
    this.wakeUp?.();
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

  private async run(): Promise<void> {
    const { outbox, logger, options } = this.deps;
    while (!this.stopped) {
      let worked = false;
      try {
        const jobs = await outbox.takeDue(options.batch ?? 5);
        for (const job of jobs) await this.handle(job);
        worked = jobs.length > 0;
      } catch (err) {
        logger.error({ err: errorSummary(err) }, 'outbox worker failed; trying again');
      }
      if (!worked && !this.stopped) await this.sleep(await this.untilDue());
    }
  }

  private async handle(job: LeasedJob<FileClaimPayload>): Promise<void> {
    const event = await this.deps.outbox.attempt(job);
    if (event.type === 'fileQueued') return;
    await this.conclude(job.payload.employeeId, job.payload.origin, event);
  }

  /**
   * Commits the outcome to the person's state; what it says to them is queued in the same
   * transaction as notifications to the chat they filed from.
   */
  private async conclude(employeeId: string, origin: Origin | undefined, event: ConversationEvent) {
    const { conversations, announcer } = this.deps;
    await conversations.run(
      employeeId,
      announcer.facts(origin),
      [event],
      () => Promise.resolve(),
      origin ? { origin, announce: true } : {},
    );
    if (origin) announcer.announced?.();
  }

  private async untilDue(): Promise<number> {
    const { pollMs } = this.deps.options;
    const next = await this.deps.outbox.nextDue().catch(() => undefined);
    return next ? Math.max(10, Math.min(pollMs, next.getTime() - Date.now())) : pollMs;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
