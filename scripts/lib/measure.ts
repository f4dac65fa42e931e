/**
 * What the benchmarks and the eval scripts share: percentiles, a peak-memory sampler, reading a
 * process's memory and CPU from /proc, the machine's load, and the "target" lines they print.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export const MiB = 2 ** 20;

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending numbers, interpolating linearly between the two nearest
 * ranks (as spreadsheets' PERCENTILE.INC does); 0 for no numbers.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export interface Distribution {
  n: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** The usual figures of some measurements, in their own unit; the input is not changed. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export interface PeakSampler {
  /** The highest reading so far. */
  readonly peak: number;
  /** Takes a reading now (e.g. right after a step), and returns the peak. */
  sample(): number;
  /** Stops sampling, takes a last reading, and returns the peak. */
  stop(): number;
}

/**
 * Samples `read` (by default this process's resident set size, in bytes) every `everyMs` and keeps
 * the highest value. A spike shorter than the interval can be missed; call `sample()` after steps.
 */
export function startPeakSampler(
  read: () => number | undefined = () => process.memoryUsage.rss(),
  everyMs = 25,
): PeakSampler {
  let peak = 0;
  const sample = () => {
    const value = read();
    if (value !== undefined && value > peak) peak = value;
    return peak;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    sample,
    stop() {
      clearInterval(timer);
      return sample();
    },
  };
}

/**
 * A memory figure of a process from /proc/PID/status, in bytes: `VmRSS` (resident now) or `VmHWM`
 * (the kernel's high-water mark of it). Undefined where there is no /proc (not Linux) or no process.
 */
export function procMemory(
  pid: number | 'self',
  field: 'VmRSS' | 'VmHWM' = 'VmRSS',
): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat; undefined without /proc. */
export function procCpuSeconds(pid: number | 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    // Clock ticks; USER_HZ is 100 on every Linux Node runs on.
    return Number.isFinite(utime + stime) ? (utime + stime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** "2 cores, load 1.42": how busy the machine was when the figures were taken. */
export function machineLine(): string {
  return `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2) ?? '?'} at start`;
}

export interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  unit: string;
  ok: boolean;
}

export function checkTarget(name: string, value: number, limit: number, unit: string): TargetCheck {
  return { name, value, limit, unit, ok: value <= limit };
}

/** `median 1.04 s ≤ 1.5 s  ok`, or `… over` when the value is above the limit. */
export function formatTarget(t: TargetCheck, digits = 2): string {
  return `${t.name} ${t.value.toFixed(digits)} ${t.unit} ≤ ${t.limit} ${t.unit}  ${t.ok ? 'ok' : 'over'}`;
}

/** `--name VALUE` as a positive whole number, or the default; exits with usage on a bad value. */
/** A bench's input, or exit 2 with what went wrong and the usage: a bench with nothing to measure has no figures. */
export function readInputOrExit<T>(
  where: string,
  read: () => T[],
  emptyMessage: string,
  usage: string,
): T[] {
  let items: T[];
  try {
    items = read();
  } catch (err) {
    console.error(
      `Cannot read ${where}: ${err instanceof Error ? err.message : String(err)}\n${usage}`,
    );
    process.exit(2);
  }
  if (items.length === 0) {
    console.error(`${emptyMessage}\n${usage}`);
    process.exit(2);
  }
  return items;
}

export function intOption(
  args: readonly string[],
  name: string,
  fallback: number,
  usage: string,
): number {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} needs a whole number ≥ 1\n${usage}`);
    process.exit(2);
  }
  return value;
}

/** Arguments that are neither options nor the value of one of `valued` (names without --). */
export function positional(args: readonly string[], valued: readonly string[]): string[] {
  return args.filter(
    (a, i) => !a.startsWith('--') && !valued.some((v) => args[i - 1] === `--${v}`),
  );
}
