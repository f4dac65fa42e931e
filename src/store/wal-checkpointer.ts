/**
 * Checkpoints of the bot's SQLite file, run on a thread of their own. SQLite copies the WAL back
 * into the database once it holds 1 000 pages, inside the commit that crossed the line, and with
 * synchronous = NORMAL that checkpoint syncs both files: under load every hundred-odd turns one
 * turn's write stalled the whole process 8–30 ms, and every turn in flight with it (half of the
 * state writes' time, and a good part of the reply p99). Here a worker thread with a connection
 * of its own runs a PASSIVE checkpoint (never waits for a lock, never blocks a writer) every
 * `everyMs`, so the commits only append to the WAL. The connection the bot writes on keeps an
 * automatic checkpoint, at a threshold the worker's rounds never let the WAL reach, in case the
 * worker stops: then it checkpoints as before, only less often.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Pages of WAL at which the writing connection checkpoints by itself (SQLite's default is 1 000). */
export const FALLBACK_CHECKPOINT_PAGES = 10_000;
const DEFAULT_EVERY_MS = 200;

// Plain CommonJS evaluated in the worker, so it runs the same from src/ (tsx, vitest) and dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const round = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ round: result });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(round, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointRound {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  everyMs?: number;
  /** When the worker starts (the bot's first turns write far less than the fallback's pages). */
  startAfterMs?: number;
  /** Each round's outcome (tests); a failed round's message. */
  onRound?: (round: CheckpointRound) => void;
  onError?: (message: string) => void;
}

export class WalCheckpointer {
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly starting: NodeJS.Timeout | undefined;
  private failed = false;
  private stopping = false;

  /** Does nothing for a database not in WAL mode (in memory, or a journal of another kind). */
  constructor(
    private readonly db: Database.Database,
    private readonly options: WalCheckpointerOptions = {},
  ) {
    if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return;
    db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
    // A thread and a V8 of its own cost about 0.1 s of CPU: not while the bot is starting.
    this.starting = setTimeout(() => this.start(), options.startAfterMs ?? 0);
    this.starting.unref();
  }

  private start(): void {
    if (this.stopping) return;
    const { options } = this;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: this.db.name,
        everyMs: options.everyMs ?? DEFAULT_EVERY_MS,
      },
    });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    // An idle bot's rounds do not keep the process alive.
    worker.unref();
    // The first failure is told and ends the rounds (the fallback checkpoints from then on), so
    // a lasting fault is one log line, not five a second.
    const failed = (message: string) => {
      if (this.failed) return;
      this.failed = true;
      options.onError?.(message);
      void this.stop();
    };
    worker.on('message', (message: { round?: CheckpointRound; error?: string }) => {
      if (message.round) options.onRound?.(message.round);
      if (message.error) failed(message.error);
    });
    worker.on('error', (err) => failed(err.message));
  }

  /** Ends the rounds and closes the worker's connection; before the database itself closes. */
  stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.starting);
    // Held while it stops, so a caller awaiting this is not left by an empty event loop.
    this.worker?.ref();
    this.worker?.postMessage('stop');
    return this.exited;
  }
}
