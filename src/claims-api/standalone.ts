/**
 * Runs the reference claims API on its own (`npm run claims-api`), for when the bot should talk to
 * it as to a separate system: point the bot's CLAIMS_API_URL here. The bot's own config.ts does not
 * apply, since this process needs none of the bot's settings. Its data is in DATA_DIR's
 * claims-api.sqlite, or with DATABASE_URL in PostgreSQL, where several of these processes may
 * serve one set of claims.
 */
import 'dotenv/config';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import restify from 'restify';
import { z } from 'zod';
import { createLogger, type Logger } from '../logger.js';
import { CLAIMS_API_PREFIX } from './claims-client.js';
import { loadProfiles } from './profiles.js';
import { registerClaimsApiRoutes } from './reference-server.js';
import { migrate } from '../store/pg/migrate.js';
import { openPool } from '../store/pg/pg-database.js';
import { openDatabase } from '../store/sqlite-database.js';
import { adminTokenIssue, claimsTokenSchema } from '../token-rules.js';
import { openClaimsApiStores, type ClaimsApiDatabase } from './claims-api-stores.js';
import { Webhooks } from './webhooks.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  CLAIMS_API_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(65535).default(3979),
  ),
  CLAIMS_API_TOKEN: z.preprocess(emptyToUndefined, claimsTokenSchema),
  CLAIMS_API_ADMIN_TOKEN: z.preprocess(emptyToUndefined, claimsTokenSchema.optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** postgres://…: the claims in PostgreSQL instead of DATA_DIR's SQLite file. */
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  PROFILES_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
  /** `off`: no /subscriptions, like an expense system without webhooks (subscribers poll). */
  CLAIMS_API_WEBHOOKS: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});
export type StandaloneSettings = z.infer<typeof envSchema>;

export class StandaloneConfigError extends Error {
  override name = 'StandaloneConfigError';
}

export function parseStandaloneEnv(env: Record<string, string | undefined>): StandaloneSettings {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    // Names the variable, never the value: the value may be a token.
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`,
    );
    throw new StandaloneConfigError(`Invalid claims API configuration:\n${lines.join('\n')}`);
  }
  const adminIssue = adminTokenIssue(
    result.data.CLAIMS_API_TOKEN,
    result.data.CLAIMS_API_ADMIN_TOKEN,
  );
  if (adminIssue) {
    throw new StandaloneConfigError(
      `Invalid claims API configuration:\n  CLAIMS_API_ADMIN_TOKEN: ${adminIssue}`,
    );
  }
  return result.data;
}

export interface RunningClaimsApi {
  /** Base URL of the API for a client on this machine, e.g. `http://127.0.0.1:3979/claims-api/v1`. */
  url: string;
  port: number;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

/** The database the settings name, opened (and on PostgreSQL migrated), and how to close it. */
async function openStorage(
  settings: StandaloneSettings,
  logger: Logger,
): Promise<{ db: ClaimsApiDatabase; close(): Promise<void> }> {
  if (settings.DATABASE_URL) {
    const pool = openPool(settings.DATABASE_URL, {
      onError: (err) => logger.warn({ err }, 'idle database connection failed'),
    });
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db: { pool }, close: () => pool.end() };
  }
  // The same settings as the bot's embedded claims API: WAL, waiting for another process's write
  // lock, a bounded page cache.
  const sqlite = openDatabase(join(resolve(settings.DATA_DIR), 'claims-api.sqlite'));
  return {
    db: { sqlite },
    close: () => {
      sqlite.close();
      return Promise.resolve();
    },
  };
}

export async function startStandalone(
  settings: StandaloneSettings,
  logger: Logger,
): Promise<RunningClaimsApi> {
  const storage = await openStorage(settings, logger);
  try {
    const stores = openClaimsApiStores(storage.db);
    const profiles = loadProfiles(settings.PROFILES_FILE);

    const server = restify.createServer({ name: 'claims-api' });
    const webhooks =
      settings.CLAIMS_API_WEBHOOKS === 'on'
        ? new Webhooks(stores.webhookStore, { logger })
        : undefined;
    registerClaimsApiRoutes(server, {
      ...(webhooks ? { webhooks } : {}),
      repo: stores.repo,
      serviceToken: settings.CLAIMS_API_TOKEN,
      adminToken: settings.CLAIMS_API_ADMIN_TOKEN,
      profiles,
      logger,
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(settings.CLAIMS_API_PORT, () => {
        server.removeListener('error', fail);
        done();
      });
    });
    const { port } = server.address();
    // Deliveries an earlier run left unsent go out now.
    webhooks?.kick();

    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}${CLAIMS_API_PREFIX}`,
      port,
      close: () =>
        (closing ??= new Promise<void>((done) => {
          server.close(() => {
            void (async () => {
              try {
                await webhooks?.close();
              } finally {
                await storage
                  .close()
                  .catch((err: unknown) => logger.warn({ err }, 'closing the database failed'));
                done();
              }
            })();
          });
        })),
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}

async function main(): Promise<void> {
  let settings: StandaloneSettings;
  try {
    settings = parseStandaloneEnv(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(settings.LOG_LEVEL).child({ component: 'claims-api' });
  const api = await startStandalone(settings, logger);
  logger.info(
    { port: api.port, admin: Boolean(settings.CLAIMS_API_ADMIN_TOKEN) },
    'claims API listening',
  );

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'claims API shutting down');
    // A client holding a connection open must not keep the process alive forever.
    setTimeout(() => {
      logger.warn('claims API did not stop in time; exiting');
      process.exit(1);
    }, 10_000).unref();
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'claims API shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `claims API failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
