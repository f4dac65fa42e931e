/**
 * Starts the real bot (`src/index.ts` through tsx, or the compiled `dist/index.js` that `npm start`
 * runs) as a child process, and the
 * reference claims API (`npm run claims-api`) as a process of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BotProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  stop(): Promise<number | null>;
  /** `kill -9`: no shutdown code runs, as in a crash. */
  kill(): Promise<void>;
}

export function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  return startProcess(['--import', 'tsx', 'src/index.ts'], 'bot listening', env);
}

/** A jobs-only process (`npm run worker`, src/worker.ts) through tsx; it listens for /readyz. */
export function startWorkerProcess(env: Record<string, string>): Promise<BotProcess> {
  return startProcess(['--import', 'tsx', 'src/worker.ts'], 'worker listening', env);
}

/**
 * V8's old space for the bot, as `npm start` sets it (package.json; a test keeps the two alike).
 * The live heap stays near 55 MiB; without a bound V8 grows its heap under continuous load, and
 * the buffers the heap holds with it, to about 350 MiB of RSS (bench:soak). At 128 MiB it
 * collects earlier and RSS stays flat near 200 MiB, with receipts and PDFs still read.
 */
export const HEAP_FLAG = '--max-old-space-size=128';

/**
 * glibc's allocator as `npm start` sets it (package.json; the same test keeps them alike). Two
 * arenas: libvips, libuv and the OCR threads each got one and kept it (a 400 MiB receipt peak
 * became 310). Fixed mmap and trim thresholds: by default glibc raises its mmap threshold each
 * time a large block is freed, after which such blocks come from the main heap and stay there;
 * under chat load that heap grew 12 MiB a minute, fragments of freed buffers, while the live
 * heap was flat (bench:soak). With the thresholds fixed, blocks over 128 KiB are mapped and
 * returned when freed, and the heap's free top is given back past 256 KiB.
 */
export const MALLOC_ENV = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '262144',
} as const;

/** The compiled bot (`node dist/index.js`, what `npm start` runs); `npm run build` makes it. */
export function startBuiltBotProcess(env: Record<string, string>): Promise<BotProcess> {
  return startProcess([HEAP_FLAG, 'dist/index.js'], 'bot listening', { ...MALLOC_ENV, ...env });
}

/** The reference claims API on its own; `url` is its origin. Needs CLAIMS_API_TOKEN and DATA_DIR. */
export function startClaimsApiProcess(env: Record<string, string>): Promise<BotProcess> {
  return startProcess(['--import', 'tsx', 'src/claims-api/standalone.ts'], 'claims API listening', {
    CLAIMS_API_PORT: '0',
    ...env,
  });
}

/** Any entry of this project as a process (`node <args>`), ready once a log line has `ready`. */
export async function startProcess(
  args: string[],
  ready: string,
  env: Record<string, string>,
): Promise<BotProcess> {
  const entry = args[args.length - 1] ?? '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a caller that gives up on it.
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start:\n${logs.join('')}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      logs.push(text);
      for (const line of text.split('\n')) {
        if (!line.includes(ready)) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => logs.push(c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${logs.join('')}`));
    });
  });
  return {
    url,
    child,
    logs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
