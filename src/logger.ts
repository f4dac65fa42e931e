import { pino, type Logger } from 'pino';

/**
 * Paths that may carry secrets. Tokens and passwords must never reach the logs, even at debug
 * level, because logs are shipped to places with wider access than the bot's secrets.
 */
export const REDACT_PATHS = [
  'MicrosoftAppPassword',
  'CLAIMS_API_TOKEN',
  'CLAIMS_API_ADMIN_TOKEN',
  'OPENAI_API_KEY',
  'RECEIPT_LINK_SECRET',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'connectionString',
  '*.connectionString',
  '*.OPENAI_API_KEY',
  'apiKey',
  '*.apiKey',
  '*.MicrosoftAppPassword',
  '*.CLAIMS_API_TOKEN',
  '*.CLAIMS_API_ADMIN_TOKEN',
  'req.headers.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
  'token',
  '*.token',
  'password',
  '*.password',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'reiserekning' },
      // A thrown Error gets pino's serializer (type, message, stack, cause); an errorSummary or
      // errorWithStack object is already what should be written and passes as it is, instead of
      // gaining an empty "stack" that says nothing.
      serializers: {
        err: (err: unknown) => (err instanceof Error ? pino.stdSerializers.err(err) : err),
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };

export interface ErrorSummary {
  name: string;
  message: string;
  /** An HTTP status or error code the error carries (an API's 401, a socket's ECONNREFUSED). */
  status?: number;
  code?: string;
}

/** Logs what went wrong without request bodies or headers, which can hold tokens. */
export function errorSummary(err: unknown): ErrorSummary {
  if (!(err instanceof Error)) return { name: 'unknown', message: String(err) };
  const { status, code } = err as { status?: unknown; code?: unknown };
  return {
    name: err.name,
    message: err.message,
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/**
 * For an unexpected error (a failed turn, a 500): the summary plus the stack, so the log says
 * where it broke. Expected failures (a refused token, an unreachable host) use errorSummary alone.
 */
export function errorWithStack(err: unknown): ErrorSummary & { stack?: string } {
  const summary = errorSummary(err);
  return err instanceof Error && err.stack ? { ...summary, stack: err.stack } : summary;
}

/**
 * Logs a failure once per cause (kind, status, code) and again when the cause changes or after a
 * success: a wrong API key shows once in the log, not on every message.
 */
export function oncePerCause(logger: Logger | undefined, message: string) {
  let last: string | undefined;
  return {
    failed(err: unknown): void {
      const summary = errorSummary(err);
      const cause = `${summary.name}/${summary.status ?? ''}/${summary.code ?? ''}`;
      if (cause === last) return;
      last = cause;
      logger?.warn({ err: summary }, message);
    },
    succeeded(): void {
      last = undefined;
    },
  };
}
