/**
 * The loop an in-process worker runs: take due jobs and handle them, and when there were none,
 * sleep until the next is due (at most `pollMs`) or until woken (a turn just queued one). Stopping
 * lets the batch under way finish, so its outcome is committed.
 */
export interface JobLoopOptions {
  pollMs: number;
  /** Takes due jobs and handles them; true when there were any. */
  runOnce: () => Promise<boolean>;
  /** When the next job is due, so the loop sleeps no longer than needed. */
  nextDue: () => Promise<Date | undefined>;
  onError: (err: unknown) => void;
}

export class JobLoop {
  private stopped = true;
  private loop: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: JobLoopOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let worked = false;
      try {
        worked = await this.options.runOnce();
      } catch (err) {
        this.options.onError(err);
      }
      if (!worked && !this.stopped) await this.sleep(await this.untilDue());
    }
  }

  private async untilDue(): Promise<number> {
    const { pollMs } = this.options;
    const next = await this.options.nextDue().catch(() => undefined);
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
