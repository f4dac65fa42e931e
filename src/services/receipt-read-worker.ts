/**
 * Reads receipts the turn that stored them did not finish (the bot was killed mid-OCR, or a
 * reading failed and waits to be tried again) inside the bot's process. The result runs as the
 * person's turn, and what it says goes to the chat the photo came from as notification jobs
 * committed with it; a receipt with no chat to tell is only read.
 */
import type { Logger } from 'pino';
import { JobLoop } from '../jobs/job-loop.js';
import { errorSummary } from '../logger.js';
import type { ConversationRunner } from './conversation-runner.js';
import { concludeUnattended, type Announcer, type WorkerOptions } from './outbox-worker.js';
import type { ReceiptReading } from './receipt-reading.js';

export class ReceiptReadWorker<Tx> {
  private readonly loop: JobLoop;

  constructor(
    private readonly deps: {
      reading: ReceiptReading<Tx>;
      conversations: ConversationRunner<Tx>;
      announcer: Announcer;
      logger: Logger;
      options: WorkerOptions;
    },
  ) {
    const { reading, logger, options } = deps;
    this.loop = new JobLoop({
      pollMs: options.pollMs,
      runOnce: async () => {
        const jobs = await reading.takeDue(options.batch ?? 1);
        for (const job of jobs) {
          const event = await reading.attempt(job);
          if (!event) continue;
          const { employeeId, origin } = job.payload;
          if (origin) await concludeUnattended(this.deps, employeeId, origin, event);
          else await reading.settle(job, event);
        }
        return jobs.length > 0;
      },
      nextDue: () => reading.nextDue(),
      onError: (err) =>
        logger.error({ err: errorSummary(err) }, 'receipt reading worker failed; trying again'),
    });
  }

  /** Makes what a stopped process left due, then reads in the background. */
  async start(): Promise<number> {
    const waiting = await this.deps.reading.recover();
    this.loop.start();
    return waiting;
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }
}
