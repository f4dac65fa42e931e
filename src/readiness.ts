/**
 * `/readyz`: 200 only when every store the bot needs answers (SQLite: its databases; PostgreSQL:
 * the pool, the job queue), 503 with the names of those that did not. A load balancer sends turns
 * only to an instance that is ready.
 */
import type restify from 'restify';
import type { Logger } from 'pino';
import { errorSummary } from './logger.js';

/** A named check: resolves when the component answers, throws (or rejects) when it does not. */
export type ReadinessCheck = readonly [name: string, check: () => unknown];

/** A check that has not answered by then counts as failed: a load balancer waits for no one. */
const CHECK_LIMIT_MS = 3_000;

export async function readiness(
  checks: readonly ReadinessCheck[],
  limitMs = CHECK_LIMIT_MS,
): Promise<{ ready: boolean; failing: string[] }> {
  const results = await Promise.all(
    checks.map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in time')), limitMs);
      });
      try {
        await Promise.race([Promise.resolve().then(check), late]);
        return undefined;
      } catch {
        return name;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failing = results.filter((name): name is string => name !== undefined);
  return { ready: failing.length === 0, failing };
}

export function registerReadiness(
  server: restify.Server,
  checks: readonly ReadinessCheck[],
  logger: Logger,
): void {
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    try {
      const { ready, failing } = await readiness(checks);
      if (!ready) logger.warn({ failing }, 'not ready');
      res.send(ready ? 200 : 503, ready ? { ready } : { ready, failing });
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'readiness check failed');
      res.send(503, { ready: false });
    }
  });
}
