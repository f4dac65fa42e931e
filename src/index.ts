/** Starts the bot from the environment (and `.env`), and stops it cleanly on SIGTERM/SIGINT. */
import 'dotenv/config';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main() {
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
  const app = await startApp(config, logger);
  if (!config.authEnabled) {
    logger.info(
      `authentication is off (no MicrosoftAppId): chat locally with "npm run playground", endpoint ${app.url}/api/messages`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // In-flight turns finish (server.close waits for open requests); a stuck one does not hold us forever.
    const force = setTimeout(() => process.exit(1), 10_000);
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

main().catch((err: unknown) => {
  // The whole error, stack and cause included: a port in use or an unreadable data folder must be
  // diagnosable from this one line.
  console.error('start-up failed:', err);
  process.exit(1);
});
