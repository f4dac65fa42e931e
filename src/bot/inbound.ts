/**
 * The door of /api/messages. botbuilder's own `adapter.process` answers a forged token with 500
 * and a body naming the key server it failed to reach, writes a stack trace per request, and
 * fetches the signing keys even for a token that cannot be valid. Here instead:
 *
 * - with auth on, a missing, malformed, unsigned (`alg: none`) or expired token → 401 before any
 *   key is fetched;
 * - a body that is not an activity → 400;
 * - a well-formed token whose signing keys cannot be fetched → 503, since the fault is ours;
 * - every refusal: a neutral JSON body and one log line without a stack.
 *
 * A token that passes goes to botbuilder's own verification (signature, issuer, audience,
 * endorsements); only its outcome is translated.
 */
import type { Activity, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import { z } from 'zod';
import { errorSummary, errorWithStack } from '../logger.js';
import type { BotAdapter } from './adapter.js';

/** The algorithms the Bot Framework signs with (botframework-connector's AllowedSigningAlgorithms). */
const SIGNING_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** botframework-connector allows this much clock skew; a token older than that cannot pass. */
const CLOCK_TOLERANCE_S = 5 * 60;
const MAX_TOKEN_LENGTH = 16 * 1024;
/** Errors jsonwebtoken raises for a token that fails verification: the caller's fault, not ours. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export type TokenProblem = 'missing' | 'malformed' | 'unsigned' | 'expired';

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with an Authorization header on its face, or undefined when it is worth asking
 * the key server about. Checks only what needs no key: shape, algorithm, key id, expiry.
 */
export function tokenProblem(header: unknown, nowMs: number): TokenProblem | undefined {
  if (typeof header !== 'string' || header.trim() === '') return 'missing';
  if (header.length > MAX_TOKEN_LENGTH) return 'malformed';
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) return 'malformed';
  const [, head = '', body = '', signature = ''] = match;
  const jose = decodeSegment(head);
  const claims = decodeSegment(body);
  if (!isRecord(jose) || !isRecord(claims)) return 'malformed';
  if (typeof jose.alg !== 'string' || !SIGNING_ALGORITHMS.has(jose.alg) || signature === '')
    return 'unsigned';
  if (typeof jose.kid !== 'string' || typeof claims.exp !== 'number') return 'malformed';
  if ((claims.exp + CLOCK_TOLERANCE_S) * 1000 < nowMs) return 'expired';
  return undefined;
}

/** True when botbuilder failed because of the token itself, false when it could not check it. */
function isTokenRejection(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (TOKEN_ERRORS.has(err.name)) return true;
  // botbuilder's AuthenticationError (named plain "Error") carries a statusCode: 401 for a bad
  // token, 500 when the OpenID configuration or the keys could not be loaded.
  return (err as { statusCode?: unknown }).statusCode === 401;
}

export interface MessagesHandlerDeps {
  adapter: BotAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  authEnabled: boolean;
  logger: Logger;
  /** The bot's turn, once it has started; undefined answers 503 "starting". */
  logic: () => ((context: TurnContext) => Promise<void>) | undefined;
  now?: () => number;
}

/** The restify handler for POST /api/messages. */
export function messagesHandler(deps: MessagesHandlerDeps) {
  const now = deps.now ?? Date.now;
  const refuse = (
    req: restify.Request,
    res: restify.Response,
    status: number,
    reason: string,
    extra: object = {},
  ) => {
    // The request id ties a caller's refused request to its one log line.
    const requestId = req.getId();
    deps.logger.warn({ status, reason, requestId, ...extra }, 'request to /api/messages refused');
    res.header('x-request-id', requestId);
    res.send(status, { error: status === 503 ? 'unavailable' : 'unauthorized' });
  };
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const logic = deps.logic();
    if (!logic) return void res.send(503, { error: 'starting' });
    // The token first: a caller without one learns nothing, not even what a valid body is.
    const header: unknown = req.headers.authorization;
    if (deps.authEnabled) {
      const problem = tokenProblem(header, now());
      if (problem) return refuse(req, res, 401, problem);
    }
    const activity = toActivity(req.body);
    if (!activity) return void res.send(400, { error: 'not_an_activity' });
    let authenticated;
    try {
      authenticated = await deps.auth.authenticateRequest(
        activity,
        typeof header === 'string' ? header : '',
      );
    } catch (err) {
      if (isTokenRejection(err))
        return refuse(req, res, 401, 'rejected', { err: errorSummary(err) });
      return refuse(req, res, 503, 'signing keys unavailable', { err: errorSummary(err) });
    }
    try {
      const invoke = await deps.adapter.runTurn(authenticated, activity, logic);
      const status = invoke?.status ?? 200;
      if (invoke?.body === undefined) res.send(status);
      else res.send(status, invoke.body);
    } catch (err) {
      // A turn's own errors end in onTurnError; what lands here is unexpected.
      deps.logger.error({ err: errorWithStack(err) }, 'processing an activity failed');
      res.send(500, { error: 'internal' });
    }
  };
}

const text = (max: number) => z.string().max(max).optional().catch(undefined);
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).optional().catch(undefined);
const account = z.looseObject({
  id: z.string().min(1).max(512),
  name: text(512),
  aadObjectId: text(128),
});

/**
 * The activity as the bot reads it. What a reply needs (type, channel, service URL, conversation,
 * sender) must be there; any other field the bot reads is dropped when it has the wrong type, so
 * a numeric `text` or a `locale` object reaches no code that expects a string.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: text(512),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: text(64) }),
  from: account,
  recipient: account.optional().catch(undefined),
  text: text(100_000),
  locale: text(64),
  localTimezone: text(64),
  name: text(256),
  replyToId: text(512),
  attachments: list(z.looseObject({}), 50),
  entities: list(z.looseObject({}), 50),
  membersAdded: list(account, 100),
  membersRemoved: list(account, 100),
});

/** The activity, or undefined when the body is none; timestamps as dates, as botbuilder's own parser does. */
export function toActivity(body: unknown): Activity | undefined {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const activity: Record<string, unknown> = parsed.data;
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[key];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[key] = new Date(value);
    } else delete activity[key];
  }
  return activity as unknown as Activity;
}
