/**
 * A reply, a new message or an updated message, sent as one plain HTTP request. botframework-
 * connector sends each through @azure/core-client's operation machinery and @azure/core-rest-
 * pipeline's dozen policies: 250 µs of CPU a reply where the request itself costs 85, and this bot
 * sends two a turn. The request is the library's own, read from its operation spec: the same
 * URL, method, headers (content type, the conversation id header, user agent, a client request
 * id, the credentials' Authorization), the same body (activity-serializer.ts); the same retries as
 * core-rest-pipeline's default policy; the same answer (the parsed body) and the same failure (a
 * RestError with the status, code and response). test/plain-activity-requests.test.ts compares
 * both on the wire.
 *
 * Left to the library (see kept-clients.ts): every other operation, a call with options or a
 * callback, any proxy set in the environment, and an activity the compiled serializer is unsure of.
 */
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  RestError,
  createHttpHeaders,
  createPipelineRequest,
  type HttpMethods,
} from '@azure/core-rest-pipeline';

/** The parts of an @azure/core-client operation spec read here. */
export interface ActivityOperationSpec {
  httpMethod?: string;
  path?: string;
  urlParameters?: Array<{ parameterPath?: unknown; skipEncoding?: boolean }>;
  headerParameters?: Array<{
    parameterPath?: unknown;
    mapper?: { serializedName?: string; type?: { name?: string } };
  }>;
  queryParameters?: unknown[];
  formDataParameters?: unknown[];
  contentType?: string;
  mediaType?: string;
  isXML?: boolean;
  responses?: Record<string, unknown>;
}

/** What the client needs to send: its base URL, credentials and user agent. */
export interface ActivityClient {
  baseUri?: string;
  credentials?: { signRequest?: (resource: SignableRequest) => Promise<unknown> };
  options?: { userAgent?: unknown };
}

/** The request object a Bot Framework credential signs: it sets the Authorization header. */
export interface SignableRequest {
  url: string;
  method: string;
  headers: { set(name: string, value: string): void; get(name: string): string | undefined };
}

/** One operation, ready to send: path template, its parameters, the statuses it answers with. */
interface Operation {
  method: HttpMethods;
  path: string;
  urlParams: string[];
  headerParams: Array<[parameter: string, header: string]>;
  ok: ReadonlySet<number>;
}

/** core-rest-pipeline's default retry policy: three retries, a doubling delay from 1 s up to 64 s. */
const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 64_000;
/** The errors it retries: the connection was refused, reset or timed out, or the host not found. */
const SYSTEM_ERRORS = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT',
  'ENOTFOUND',
]);
/**
 * The library waits without limit for an answer; a channel that never answers would hold the turn
 * forever. After this long the reply fails (and is not sent again: it may have arrived).
 */
const ANSWER_TIMEOUT_MS = 30_000;

const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'];

/** core-rest-pipeline routes through a proxy named in the environment; this path does not. */
export const proxyConfigured = (env: NodeJS.ProcessEnv = process.env): boolean =>
  PROXY_VARIABLES.some((name) => Boolean(env[name] || env[name.toLowerCase()]));

/** The operation a spec describes, when it is a plain JSON call this module can send; else null. */
export function operationOf(spec: ActivityOperationSpec): Operation | null {
  const method = spec.httpMethod;
  if ((method !== 'POST' && method !== 'PUT') || typeof spec.path !== 'string') return null;
  if (spec.queryParameters?.length || spec.formDataParameters?.length || spec.isXML) return null;
  if ((spec.contentType ?? spec.mediaType ?? 'json') !== 'json') return null;
  const urlParams: string[] = [];
  for (const param of spec.urlParameters ?? []) {
    if (typeof param.parameterPath !== 'string' || param.skipEncoding) return null;
    urlParams.push(param.parameterPath);
  }
  const headerParams: Array<[string, string]> = [];
  for (const param of spec.headerParameters ?? []) {
    const header = param.mapper?.serializedName;
    if (typeof param.parameterPath !== 'string' || !header) return null;
    if (param.mapper?.type?.name !== 'String') return null;
    headerParams.push([param.parameterPath, header]);
  }
  const ok = new Set(
    Object.keys(spec.responses ?? {})
      .map(Number)
      .filter((status) => status >= 200 && status < 300),
  );
  if (ok.size === 0) return null;
  return { method, path: spec.path, urlParams, headerParams, ok };
}

/** The prefix every request URL of a client starts with, or null when the base is unusual. */
export function basePrefixOf(baseUri: string | undefined): string | null {
  if (!baseUri) return null;
  let url: URL;
  try {
    url = new URL(baseUri);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A query, a fragment or credentials in the URL: the library knows what to do with them.
  if (url.search || url.hash || url.username || url.password) return null;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

const USER_AGENT_TAIL = `Node/${process.versions.node} (${os.type()} ${os.release()}; ${os.arch()})`;

/**
 * Sends the operation with an already serialised body; answers what the library answers for it.
 * The arguments are the library's own (conversationId, activityId, …).
 */
export async function sendActivityOperation(
  client: ActivityClient,
  prefix: string,
  operation: Operation,
  args: Record<string, unknown>,
  body: unknown,
  answerTimeoutMs = ANSWER_TIMEOUT_MS,
): Promise<unknown> {
  let path = operation.path;
  for (const name of operation.urlParams) {
    const value = args[name];
    if (typeof value !== 'string') throw new Error(`${name} cannot be null or undefined.`);
    const encoded = encodeURIComponent(value);
    path = path.replace(`{${name}}`, () => encoded);
  }
  const url = prefix + path;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
  };
  for (const [name, header] of operation.headerParams) {
    const value = args[name];
    if (typeof value === 'string') headers[header] = value;
  }
  const agent = client.options?.userAgent;
  headers['user-agent'] =
    typeof agent === 'string' ? `${agent} ${USER_AGENT_TAIL}` : USER_AGENT_TAIL;
  const text = JSON.stringify(body);
  for (let retry = 0; ; retry++) {
    headers['x-ms-client-request-id'] = randomUUID();
    await sign(client, url, operation.method, headers);
    let answer: Answer | undefined;
    try {
      answer = await exchange(url, operation.method, headers, text, answerTimeoutMs);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const wait = typeof code === 'string' && SYSTEM_ERRORS.has(code) && retryDelay(retry);
      if (wait === false || retry >= MAX_RETRIES) throw sendError(err, url, operation.method);
      await sleep(wait);
      continue;
    }
    if (operation.ok.has(answer.status)) return answerOf(answer, url, operation.method);
    const wait = retry < MAX_RETRIES ? retryAfter(answer, retry) : undefined;
    if (wait === undefined) throw failureOf(answer, url, operation.method);
    await sleep(wait);
  }
}

/** The credentials set the Authorization header (or nothing, with authentication off). */
async function sign(
  client: ActivityClient,
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<void> {
  const signRequest = client.credentials?.signRequest;
  if (!signRequest) return;
  const resource: SignableRequest = {
    url,
    method,
    headers: {
      set: (name, value) => (headers[name.toLowerCase()] = value),
      get: (name) => headers[name.toLowerCase()],
    },
  };
  await signRequest.call(client.credentials, resource);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function exchange(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const request = (secure ? https : http).request(url, {
      method,
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: timeoutMs,
    });
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('no answer in time'), { code: 'ANSWER_TIMEOUT' })),
    );
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.end(body);
  });
}

/** The body, parsed when it says it is JSON; a 2xx without one answers `{}`, as the library does. */
function parsedBody(answer: Answer): { body: unknown; parseError?: Error } {
  const type = answer.headers['content-type'] ?? '';
  if (!answer.text || !/^(application|text)\/json\b/i.test(type)) return { body: undefined };
  try {
    return { body: JSON.parse(answer.text) as unknown };
  } catch (err) {
    // JSON.parse throws a SyntaxError, nothing else.
    return { body: undefined, parseError: err as Error };
  }
}

function answerOf(answer: Answer, url: string, method: string): unknown {
  const { body, parseError } = parsedBody(answer);
  if (parseError !== undefined) {
    throw restError(
      `Error "${parseError.name}: ${parseError.message}" occurred while parsing the response body - ${answer.text}.`,
      'PARSE_ERROR',
      answer,
      url,
      method,
    );
  }
  const result: object = typeof body === 'object' && body !== null ? { ...body } : {};
  Object.defineProperty(result, '_response', {
    value: {
      status: answer.status,
      headers: answer.headers,
      bodyAsText: answer.text,
      parsedBody: body,
    },
  });
  return result;
}

function failureOf(answer: Answer, url: string, method: string): RestError {
  const { body } = parsedBody(answer);
  const inner = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const top = body as { code?: unknown; message?: unknown } | undefined;
  const message = inner?.message ?? top?.message;
  const code = inner?.code ?? top?.code;
  return restError(
    typeof message === 'string' ? message : '',
    typeof code === 'string' ? code : undefined,
    answer,
    url,
    method,
    body ?? {},
  );
}

function restError(
  message: string,
  code: string | undefined,
  answer: Answer,
  url: string,
  method: string,
  details: unknown = {},
): RestError {
  const request = createPipelineRequest({ url, method: method as HttpMethods });
  const headers = createHttpHeaders();
  for (const [name, value] of Object.entries(answer.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const error = new RestError(message, {
    ...(code !== undefined ? { code } : {}),
    statusCode: answer.status,
    request,
    response: { request, status: answer.status, headers, bodyAsText: answer.text },
  });
  error.details = details;
  return error;
}

function sendError(err: unknown, url: string, method: string): RestError {
  const code = (err as { code?: unknown }).code;
  return new RestError(err instanceof Error ? err.message : String(err), {
    code: typeof code === 'string' ? code : RestError.REQUEST_SEND_ERROR,
    request: createPipelineRequest({ url, method: method as HttpMethods }),
  });
}

/** A doubling delay with jitter in its upper half, as core-rest-pipeline's exponential strategy. */
function retryDelay(retry: number): number {
  const delay = Math.min(MAX_RETRY_DELAY_MS, RETRY_DELAY_MS * 2 ** retry);
  return delay / 2 + Math.floor(Math.random() * (delay / 2 + 1));
}

/**
 * How long to wait before the next try of a failed answer, or undefined for none: a 429 or 503
 * with Retry-After waits as told, any other 5xx but 501 and 505 (and 408) backs off.
 */
function retryAfter(answer: Answer, retry: number): number | undefined {
  const told = toldToWait(answer);
  if (told !== undefined) return told;
  const { status } = answer;
  if ((status >= 500 || status === 408) && status !== 501 && status !== 505)
    return retryDelay(retry);
  return undefined;
}

function toldToWait(answer: Answer): number | undefined {
  if (answer.status !== 429 && answer.status !== 503) return undefined;
  for (const [header, factor] of [
    ['retry-after-ms', 1],
    ['x-ms-retry-after-ms', 1],
    ['retry-after', 1000],
  ] as const) {
    const raw = answer.headers[header];
    const value = typeof raw === 'string' ? Number(raw) : Number.NaN;
    if (raw !== undefined && raw !== '' && Number.isFinite(value)) return value * factor;
  }
  const date = Date.parse(String(answer.headers['retry-after'] ?? ''));
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
