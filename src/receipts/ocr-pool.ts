/**
 * A few warm Tesseract workers shared by everything that reads receipts. Starting a worker costs
 * about a second (the WebAssembly core and the trained data are loaded into a worker thread), so
 * they start on first use and then stay up; there are never more than the machine has cores for,
 * because each one keeps a core busy for the whole recognition.
 *
 * The trained data comes from the `@tesseract.js-data/*` packages in node_modules: tesseract.js
 * would otherwise fetch it from a CDN, which a bot on a locked-down network cannot reach and
 * which would make every restart depend on a third party.
 */
import { EventEmitter } from 'node:events';
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, as Tesseract reports it. */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

export interface OcrPage {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  lines: OcrLine[];
}

/** Page segmentation modes worth choosing between for receipts. */
export const PAGE_SEG_MODES = [
  'auto',
  'single-column',
  'single-block',
  'single-line',
  'sparse',
] as const;
export type PageSegMode = (typeof PAGE_SEG_MODES)[number];
const PSM_CODES: Record<PageSegMode, string> = {
  auto: '3',
  'single-column': '4',
  'single-block': '6',
  'single-line': '7',
  sparse: '11',
};

export interface RecognizeOptions {
  psm?: PageSegMode;
  signal?: AbortSignal;
}

export interface OcrPoolOptions {
  /** Languages by Tesseract code; each needs its `@tesseract.js-data/<code>` package. */
  languages?: readonly string[];
  /** Number of workers; default the machine's parallelism, at most 2. */
  size?: number;
  /** A worker stuck longer than this on one image is replaced (default 60 s). */
  jobTimeoutMs?: number;
  /** Where worker errors are reported; they never reach the process as uncaught exceptions. */
  onError?: (err: unknown) => void;
  /**
   * A worker left idle this long exits (default 3 minutes): its WebAssembly heap and trained data,
   * tens of MiB each, are not carried through hours of chat without photos. The next receipt
   * starts one again.
   */
  idleMs?: number;
  /**
   * Whether Tesseract may use its word lists (system and frequent-word dictionaries) when it
   * decodes a line; default true. Off, nothing pulls a misread name or figure towards a word.
   * Measured on the sroie-train tuning part: no reading changed either way (see the README).
   */
  dictionaries?: boolean;
  /**
   * Which of the data package's models reads, and how (default `lstm`: the integer LSTM model of
   * `4.0.0_best_int`). `tessdata-lstm` is the LSTM of the larger `4.0.0` data (the classic
   * tessdata, a different training), `combined` that data's legacy character classifier and LSTM
   * together (OEM 2), `legacy` the classifier alone (OEM 0). Kept to measure them (see the README).
   */
  model?: OcrModel;
}

export const OCR_MODELS = ['lstm', 'tessdata-lstm', 'combined', 'legacy'] as const;
export type OcrModel = (typeof OCR_MODELS)[number];

export class OcrError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
  }
}

export interface OcrPool {
  readonly size: number;
  /** Workers started now (idle or busy): 0 before the first receipt and after an idle spell. */
  running(): number;
  recognize(image: Buffer, opts?: RecognizeOptions): Promise<OcrPage>;
  /** Starts every worker now rather than on first use (e.g. at bot start-up). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_LANGUAGES = ['eng'] as const;
const INIT_TIMEOUT_MS = 60_000;

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export function createOcrPool(opts: OcrPoolOptions = {}): OcrPool {
  const languages = opts.languages ?? DEFAULT_LANGUAGES;
  const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  const jobTimeoutMs = opts.jobTimeoutMs ?? 60_000;
  const onError = opts.onError ?? (() => {});
  const idleMs = opts.idleMs ?? 3 * 60_000;
  const idleTimers = new Map<Tesseract.Worker, NodeJS.Timeout>();
  const dictionaries = opts.dictionaries ?? true;
  const model = opts.model ?? 'lstm';

  const idle: Tesseract.Worker[] = [];
  const waiting: Array<{ resolve: (w: Tesseract.Worker) => void; reject: (err: unknown) => void }> =
    [];
  const all = new Set<Tesseract.Worker>();
  const startups = new Set<Promise<void>>();
  let starting = 0;
  let closed = false;

  function spawn(): void {
    starting++;
    const startup = startWorker(languages, { dictionaries, model }, onError)
      .then((worker) => {
        starting--;
        if (closed) {
          worker.terminate().catch(onError);
          return;
        }
        all.add(worker);
        watchThread(worker, () => retire(worker, new OcrError('The OCR worker thread failed')));
        release(worker);
      })
      .catch((err: unknown) => {
        starting--;
        onError(err);
        // Without a worker nobody would ever serve the waiters; tell them rather than hang.
        if (all.size === 0 && starting === 0) {
          for (const w of waiting.splice(0))
            w.reject(new OcrError('The OCR engine could not be started', { cause: err }));
        }
      })
      .finally(() => startups.delete(startup));
    startups.add(startup);
  }

  function release(worker: Tesseract.Worker): void {
    if (!all.has(worker)) return;
    const next = waiting.shift();
    if (next) return next.resolve(worker);
    idle.push(worker);
    const timer = setTimeout(() => {
      idleTimers.delete(worker);
      if (!all.delete(worker)) return;
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      worker.terminate().catch(onError);
    }, idleMs);
    timer.unref();
    idleTimers.set(worker, timer);
  }

  /** Takes an idle worker, which then no longer times out. */
  function takeIdle(): Tesseract.Worker | undefined {
    const worker = idle.pop();
    if (worker) {
      clearTimeout(idleTimers.get(worker));
      idleTimers.delete(worker);
    }
    return worker;
  }

  function retire(worker: Tesseract.Worker, reason: unknown): void {
    if (!all.delete(worker)) return;
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    clearTimeout(idleTimers.get(worker));
    idleTimers.delete(worker);
    onError(reason);
    worker.terminate().catch(onError);
    if (!closed && waiting.length > 0) spawn();
  }

  function acquire(): Promise<Tesseract.Worker> {
    if (closed) return Promise.reject(new OcrError('The OCR pool is closed'));
    const worker = takeIdle();
    if (worker) return Promise.resolve(worker);
    const promise = new Promise<Tesseract.Worker>((resolve, reject) =>
      waiting.push({ resolve, reject }),
    );
    if (all.size + starting < size) spawn();
    return promise;
  }

  async function recognize(image: Buffer, ropts: RecognizeOptions = {}): Promise<OcrPage> {
    ropts.signal?.throwIfAborted();
    const worker = await acquire();
    if (ropts.signal?.aborted) {
      release(worker);
      ropts.signal.throwIfAborted();
    }
    // Tesseract parameters passed with one job are restored after it, so jobs with different
    // modes can share a worker.
    const params = {
      tessedit_pageseg_mode: PSM_CODES[ropts.psm ?? 'single-block'],
    } as unknown as Partial<Tesseract.RecognizeOptions>;
    const job = worker.recognize(image, params, { text: true, blocks: true });
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new OcrError(`OCR took longer than ${jobTimeoutMs} ms`)),
        jobTimeoutMs,
      );
      // An AbortSignal's reason is whatever the caller aborted with (DOM types: any); passed on as is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      onAbort = () => reject(ropts.signal?.reason ?? new Error('aborted'));
      ropts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const result = await Promise.race([job, stopped]);
      release(worker);
      return toPage(result.data);
    } catch (err) {
      if (err instanceof OcrError && /longer than/.test(err.message)) {
        retire(worker, err);
      } else if (ropts.signal?.aborted) {
        // The worker finishes the abandoned image in the background and then serves others.
        job.then(
          () => release(worker),
          (e: unknown) => retire(worker, e),
        );
      } else {
        // A failed job can leave the WebAssembly heap in an unknown state; start afresh.
        retire(worker, err);
      }
      if (ropts.signal?.aborted) throw ropts.signal.reason;
      throw err instanceof OcrError
        ? err
        : new OcrError(`OCR failed: ${String(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
      if (onAbort) ropts.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function warm(): Promise<void> {
    if (closed) throw new OcrError('The OCR pool is closed');
    while (all.size + starting < size) spawn();
    await Promise.all([...startups]);
    if (all.size === 0) throw new OcrError('The OCR engine could not be started');
  }

  async function close(): Promise<void> {
    closed = true;
    for (const w of waiting.splice(0)) w.reject(new OcrError('The OCR pool is closed'));
    const workers = [...all];
    all.clear();
    idle.length = 0;
    for (const timer of idleTimers.values()) clearTimeout(timer);
    idleTimers.clear();
    await Promise.all(workers.map((w) => w.terminate().catch(onError)));
  }

  return { size, running: () => all.size, recognize, warm, close };
}

// ---------------------------------------------------------------------------------------------
// Workers

const require = createRequire(import.meta.url);

/**
 * The folder holding `<code>.traineddata.gz` in the data package: `4.0.0_best_int` is LSTM-only
 * with integer weights, `4.0.0` the classic tessdata with the legacy classifier's data as well.
 */
function dataFolder(code: string, model: OcrModel): string {
  return join(
    dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)),
    model === 'lstm' ? '4.0.0_best_int' : '4.0.0',
  );
}

const ENGINE_MODES: Record<OcrModel, Tesseract.OEM> = {
  lstm: Tesseract.OEM.LSTM_ONLY,
  'tessdata-lstm': Tesseract.OEM.LSTM_ONLY,
  combined: Tesseract.OEM.TESSERACT_LSTM_COMBINED,
  legacy: Tesseract.OEM.TESSERACT_ONLY,
};

/**
 * tesseract.js reads every language from one `langPath` folder, and its other way in (passing
 * the bytes as `{ code, data }`) is broken in 7.0 (the data, not the code, is used as the
 * language name: naptha/tesseract.js#1052). The data packages live in separate folders, so for
 * more than one language a temporary folder links to each package's file; it is removed once the
 * worker has read them.
 */
async function languageFolder(
  languages: readonly string[],
  model: OcrModel,
): Promise<{ path: string; cleanup(): Promise<void> }> {
  const [only] = languages;
  if (languages.length === 1 && only)
    return { path: dataFolder(only, model), cleanup: async () => {} };
  const path = await mkdtemp(join(tmpdir(), 'receipt-ocr-'));
  for (const code of languages) {
    const source = join(dataFolder(code, model), `${code}.traineddata.gz`);
    const target = join(path, `${code}.traineddata.gz`);
    // Some systems refuse symbolic links to unprivileged users (Windows); a copy is 3 MB.
    await symlink(source, target).catch(() => copyFile(source, target));
  }
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** Dictionaries are loaded when a worker starts; they cannot be switched per job. */
const NO_DICTIONARIES = { load_system_dawg: '0', load_freq_dawg: '0' };

async function startWorker(
  languages: readonly string[],
  { dictionaries, model }: { dictionaries: boolean; model: OcrModel },
  onError: (err: unknown) => void,
): Promise<Tesseract.Worker> {
  const folder = await languageFolder(languages, model);
  try {
    const created = Tesseract.createWorker(
      languages.join('+'),
      ENGINE_MODES[model],
      {
        // The legacy classifier is only in tesseract.js's larger WebAssembly build.
        ...(ENGINE_MODES[model] === Tesseract.OEM.LSTM_ONLY ? {} : { legacyCore: true }),
        langPath: folder.path,
        gzip: true,
        // 'none': neither read a stale copy from nor write one into the working directory.
        cacheMethod: 'none',
        // Without a handler tesseract.js throws the worker's error inside a message listener,
        // which no caller can catch: the bot process would die on one bad image.
        errorHandler: onError,
        logger: () => {},
      },
      dictionaries ? {} : NO_DICTIONARIES,
    );
    // A failure while loading the language data leaves createWorker's promise pending forever.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new OcrError('The OCR engine did not start in time')),
        INIT_TIMEOUT_MS,
      );
    });
    const worker = await Promise.race([created, timeout]).finally(() => clearTimeout(timer));
    await worker.setParameters({
      // Receipts are scanned and photographed at all sorts of resolutions; without a figure
      // Tesseract guesses from the (often missing) file header and warns on every image.
      user_defined_dpi: '300',
      // Wide gaps between a label and its amount survive as several spaces: the parser reads
      // columns by them.
      preserve_interword_spaces: '1',
      // Tesseract's own diagnostics ("Image too small to scale!!") would otherwise be printed on
      // the process's stdout, in the middle of the CLI's JSON lines.
      debug_file: '/dev/null',
      // Receipts print dark on light. Retrying every doubtful word as white-on-black roughly
      // doubles the time spent on a noisy photo and finds nothing.
      tessedit_do_invert: '0',
    });
    return worker;
  } finally {
    await folder.cleanup().catch(onError);
  }
}

/**
 * tesseract.js gives the Node worker thread no 'error' listener of its own, and an EventEmitter
 * 'error' without one is thrown: an exception in the thread would end the process.
 */
function watchThread(worker: Tesseract.Worker, onFailure: () => void): void {
  const thread = (worker as unknown as { worker?: unknown }).worker;
  if (thread instanceof EventEmitter) {
    thread.on('error', onFailure);
    thread.on('exit', onFailure);
  }
}

function toPage(page: Tesseract.Page): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        lines.push({
          text: line.text.replace(/\n$/, ''),
          confidence: line.confidence,
          bbox: { ...line.bbox },
          words: line.words.map((w) => ({
            text: w.text,
            confidence: w.confidence,
            bbox: { ...w.bbox },
          })),
        });
      }
    }
  }
  return { text: page.text, confidence: page.confidence, lines };
}
