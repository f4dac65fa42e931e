/**
 * The one place that reads the environment. Every setting is validated with zod, so a wrong
 * value stops start-up with a message naming the variable instead of failing later mid-chat.
 * Every setting is documented in `.env.example`.
 */
import { z } from 'zod';
import { adminTokenIssue, claimsTokenSchema } from './token-rules.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Unset: 127.0.0.1 with auth off (anyone reaching the port could act as anyone), 0.0.0.0 with it on. */
    HOST: optionalString,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Unset: everything is stored in SQLite under DATA_DIR. Set: in this PostgreSQL database. */
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    /**
     * The PostgreSQL schema the tables live in (default: the server's, `public`); pg-boss's jobs
     * are in `<schema>_jobs` (default `pgboss`). Several deployments can share one database.
     */
    DATABASE_SCHEMA: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,57}$/, 'must be a plain lower-case schema name')
        .optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
    /**
     * Where photos are read (OCR): `here`, in this instance's turn; `worker`, only by the
     * `npm run worker` processes, so chat instances stay light (needs DATABASE_URL).
     */
    RECEIPT_READER: z.preprocess(emptyToUndefined, z.enum(['here', 'worker']).default('here')),
    /** How long one reading may hold its job before another process takes it over (a crash). */
    RECEIPT_READ_LEASE_S: z.coerce.number().int().min(2).max(3_600).default(300),
    DEFAULT_LOCALE: z.enum(['nb', 'nn', 'en']).default('nb'),

    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalString,
    /** Where the Bot Framework's signing keys are published; unset = the public cloud's. */
    BOT_OPENID_METADATA_URL: optionalUrl,

    CLAIMS_API_URL: optionalUrl,
    CLAIMS_API_TOKEN: z.preprocess(emptyToUndefined, claimsTokenSchema.optional()),
    CLAIMS_API_ADMIN_TOKEN: z.preprocess(emptyToUndefined, claimsTokenSchema.optional()),
    CLAIMS_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    // The outbox's retries when the claims API does not answer: backoff from base to max.
    CLAIMS_OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
    CLAIMS_OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(300_000),
    PROFILES_FILE: optionalString,
    CLAIMS_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(16, 'must be at least 16 characters').optional(),
    ),
    CLAIMS_STATUS_POLL_S: z.coerce.number().int().min(0).max(86_400).default(300),
    REMINDERS: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
    PUBLIC_BASE_URL: optionalUrl,
    RECEIPT_LINK_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),

    /** The Teams app's id (manifest id) for links to its tab; derived from MicrosoftAppId when unset. */
    TEAMS_APP_ID: optionalString,
    /** The app registration the tab's SSO tokens are issued for; MicrosoftAppId when unset. */
    TAB_SSO_CLIENT_ID: optionalString,
    /** Who the tab shows with auth off (local use); the Agents Playground's default user. */
    TAB_DEV_EMPLOYEE_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9\-_:.]{1,100}$/)
        .default('00000000-0000-0000-0000-0000000000020'),
    ),

    GUIDE_NB_PATH: optionalString,
    GUIDE_NN_PATH: optionalString,
    GUIDE_EN_PATH: optionalString,

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(4_000),
  })
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppType === 'SingleTenant' && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'is required when MicrosoftAppType=SingleTenant',
      });
    }
    if (c.MicrosoftAppType !== 'UserAssignedMSI' && c.MicrosoftAppId && !c.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required when MicrosoftAppId is set (MicrosoftAppType=${c.MicrosoftAppType})`,
      });
    }
    if (c.CLAIMS_API_URL && !c.CLAIMS_API_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLAIMS_API_TOKEN'],
        message: 'is required when CLAIMS_API_URL points at another claims API',
      });
    }
    // Instances sharing a database answer for each other: what one signs, another must accept.
    if (c.DATABASE_URL && !c.RECEIPT_LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['RECEIPT_LINK_SECRET'],
        message:
          'is required with DATABASE_URL: the same on every instance, so a receipt link any of them made opens on all',
      });
    }
    if (c.DATABASE_URL && c.PUBLIC_BASE_URL && !c.CLAIMS_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLAIMS_WEBHOOK_SECRET'],
        message:
          'is required with DATABASE_URL and PUBLIC_BASE_URL: the instances share one webhook subscription and its secret',
      });
    }
    if (c.RECEIPT_READER === 'worker' && !c.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['RECEIPT_READER'],
        message:
          'worker needs DATABASE_URL: a worker process reads the photos a chat instance stored',
      });
    }
    const adminIssue = adminTokenIssue(c.CLAIMS_API_TOKEN, c.CLAIMS_API_ADMIN_TOKEN);
    if (adminIssue)
      ctx.addIssue({ code: 'custom', path: ['CLAIMS_API_ADMIN_TOKEN'], message: adminIssue });
  });

export type Config = Omit<z.infer<typeof schema>, 'HOST'> & {
  HOST: string;
  /** True when inbound requests must carry a Bot Framework token (MicrosoftAppId is set). */
  authEnabled: boolean;
  /** Settings that start but deserve a line in the log (e.g. a wide HOST with auth off). */
  warnings: string[];
};

const LOCAL_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the given environment (process.env by default); throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`,
    );
    throw new ConfigError(
      `Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`,
    );
  }
  const authEnabled = Boolean(result.data.MicrosoftAppId);
  const HOST = result.data.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1');
  const warnings =
    !authEnabled && !LOCAL_HOSTS.has(HOST)
      ? [
          `HOST=${HOST} with authentication off: anyone who reaches this port can act as any user; keep HOST=127.0.0.1 unless MicrosoftAppId is set`,
        ]
      : [];
  return { ...result.data, HOST, authEnabled, warnings };
}
