/**
 * When to try a failed job again: exponential backoff with full jitter (a random wait between 0
 * and base·2^(attempt−1), capped), so workers that failed together do not retry together. A
 * `Retry-After` from the server wins when it asks for longer.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** [0, 1); injected in tests. */
  random?: () => number;
}

export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  retryAfterMs?: number,
): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  // Never 0: a job retried at once would spin against a server that is down.
  const jittered = Math.max(Math.min(options.baseMs, ceiling), Math.round(random() * ceiling));
  return Math.max(jittered, retryAfterMs ?? 0);
}
