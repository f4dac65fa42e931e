/**
 * What `index.ts` (the bot) and `worker.ts` (a jobs-only process) share: read the environment (and
 * `.env`), start, and stop cleanly on SIGTERM/SIGINT — in-flight turns and the job under way
 * finish, then the stores close.
 */
import 'dotenv/config';
import { startApp, type AppRole } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 20_000;

export async function main(role: AppRole): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, logger, { role });
  if (role === 'bot' && !config.authEnabled) {
    logger.info(
      `authentication is off (no MicrosoftAppId): chat locally with "npm run playground", endpoint ${app.url}/api/messages`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck turn or job does not hold the process forever; its job's lease lets another finish it.
    const force = setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export function run(role: AppRole): void {
  main(role).catch((err: unknown) => {
    // The whole error, stack and cause included: a port in use or an unreadable data folder must be
    // diagnosable from this one line.
    console.error('start-up failed:', err);
    process.exit(1);
  });
}
