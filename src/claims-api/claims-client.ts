/**
 * The bot's only way to the claims API. It goes over HTTP even when the reference server runs in
 * the same process, so the embedded setup exercises exactly the contract another implementation
 * behind `CLAIMS_API_URL` must honour.
 *
 * Failures come in two kinds because the bot answers them differently: "unavailable" means try
 * again later (the claim stays a draft and waits), "rejected" means this request will never
 * succeed as sent.
 */
import { z } from 'zod';
import { claimSchema, type Claim, type NewClaim } from '../claims/claim.js';
import { employeeIdSchema, profileSchema, type Profile } from './profiles.js';

/** Where the reference server mounts the contract, so the API can share an origin with the bot. */
export const CLAIMS_API_PREFIX = '/claims-api/v1';

export interface ClaimsClient {
  /** Files (submits) a claim; the same key again returns the claim filed the first time. */
  fileClaim(employeeId: string, claim: NewClaim, idempotencyKey: string): Promise<Claim>;
  /**
   * Files a rejected claim again, as the same claim: `version` is the one the employee edited
   * (a newer one on the API answers 409), the key makes a retried call harmless.
   */
  resubmitClaim(
    employeeId: string,
    claimId: string,
    claim: NewClaim,
    version: number,
    idempotencyKey: string,
  ): Promise<Claim>;
  /**
   * Asks the API to POST claim events to `url`, signed with `secret`. `unsupported` when the API
   * has no webhooks (404): the caller polls instead.
   */
  subscribe(url: string, secret: string): Promise<'subscribed' | 'unsupported'>;
  /** The employee's claims, newest first. */
  listClaims(employeeId: string): Promise<Claim[]>;
  /** Undefined when the claim does not exist or is not the employee's. */
  getClaim(employeeId: string, id: string): Promise<Claim | undefined>;
  getProfile(employeeId: string): Promise<Profile>;
  /** Uploads a receipt or document before the claim that refers to it; uploading again is harmless. */
  uploadAttachment(
    employeeId: string,
    file: { bytes: Buffer; mime: string; sha256: string },
  ): Promise<void>;
  /** Undefined when it does not exist or is not the employee's. */
  getAttachment(
    employeeId: string,
    sha256: string,
  ): Promise<{ bytes: Buffer; mime: string } | undefined>;
}

export interface ClaimsClientOptions {
  /**
   * Base URL of the API, the `servers` URL of openapi.yaml, e.g. `https://claims.example.com/claims-api/v1`.
   * A bare origin (`http://127.0.0.1:3979`) means the standard `/claims-api/v1` on it.
   */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The API could not be reached or answered nonsense: worth retrying later. */
export class ClaimsApiUnavailableError extends Error {
  override name = 'ClaimsApiUnavailableError';
  /** The server's `Retry-After`, in ms from now, when it sent one: the outbox waits at least that. */
  retryAfterMs?: number;
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function unavailable(message: string, response: Response): ClaimsApiUnavailableError {
  const err = new ClaimsApiUnavailableError(message);
  const wait = retryAfterMs(response.headers.get('retry-after'));
  if (wait !== undefined) err.retryAfterMs = wait;
  return err;
}

/** The API understood the request and refused it (4xx): retrying the same request will not help. */
export class ClaimsApiRejectedError extends Error {
  override name = 'ClaimsApiRejectedError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const listSchema = z.object({ claims: z.array(claimSchema) });

// 408 and 429 are 4xx by number but say "not now" rather than "never": the claim should wait in
// the outbox, not be reported to the user as refused.
const TRANSIENT_4XX = new Set([408, 429]);

interface Sent {
  status: number;
  body: unknown;
}

export function createClaimsClient(opts: ClaimsClientOptions): ClaimsClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const apiBase = resolveBase(opts.baseUrl);

  /** `employeeId` undefined: a call for the bot itself (subscriptions), acting for nobody. */
  async function send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    employeeId: string | undefined,
    extra: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<Sent> {
    // A bad id is the caller's bug; thrown before the try so it is never mistaken for an outage.
    if (employeeId !== undefined && !employeeIdSchema.safeParse(employeeId).success)
      throw new TypeError('employeeId is not a valid employee id');
    const what = `${method} ${path}`;
    const headers = new Headers({
      accept: 'application/json',
      authorization: `Bearer ${opts.token}`,
    });
    if (employeeId !== undefined) headers.set('x-acting-employee', employeeId);
    if (extra.idempotencyKey !== undefined) headers.set('idempotency-key', extra.idempotencyKey);
    if (extra.body !== undefined) headers.set('content-type', 'application/json');

    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${apiBase}${path}`, {
        method,
        headers,
        body: extra.body === undefined ? undefined : JSON.stringify(extra.body),
        signal: AbortSignal.timeout(opts.timeoutMs),
        // A redirect could carry the bearer token to another host; the contract has none.
        redirect: 'error',
      });
      // Inside the try: the timeout also covers a server that sends headers and then stalls.
      text = await response.text();
    } catch (err) {
      const reason =
        err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
          ? `no answer within ${opts.timeoutMs} ms`
          : `request failed (${describe(err)})`;
      throw new ClaimsApiUnavailableError(`Claims API ${what}: ${reason}`, { cause: err });
    }

    let body: unknown = text;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok)
          throw new ClaimsApiUnavailableError(
            `Claims API ${what}: answered ${response.status} with a body that is not JSON`,
          );
      }
    }
    if (response.status >= 500 || TRANSIENT_4XX.has(response.status)) {
      throw unavailable(
        `Claims API ${what}: answered ${response.status}${problemText(body)}`,
        response,
      );
    }
    return { status: response.status, body };
  }

  /** Files travel as raw bytes, not JSON; same token, timeout and outage rules as `send`. */
  async function sendBytes(
    method: 'GET' | 'PUT',
    path: string,
    employeeId: string,
    what: string,
    file?: { bytes: Buffer; mime: string },
  ): Promise<Response> {
    if (!employeeIdSchema.safeParse(employeeId).success)
      throw new TypeError('employeeId is not a valid employee id');
    const headers = new Headers({
      authorization: `Bearer ${opts.token}`,
      'x-acting-employee': employeeId,
    });
    if (file) headers.set('content-type', file.mime);
    let response: Response;
    try {
      response = await doFetch(`${apiBase}${path}`, {
        method,
        headers,
        body: file ? new Uint8Array(file.bytes) : undefined,
        // Uploads of a large photo get more time than a JSON call.
        signal: AbortSignal.timeout(opts.timeoutMs * 4),
        redirect: 'error',
      });
    } catch (err) {
      throw new ClaimsApiUnavailableError(
        `Claims API ${method} ${what}: request failed (${describe(err)})`,
        { cause: err },
      );
    }
    if (response.status >= 500 || TRANSIENT_4XX.has(response.status)) {
      throw unavailable(`Claims API ${what}: answered ${response.status}`, response);
    }
    return response;
  }

  function rejected(what: string, sent: Sent): ClaimsApiRejectedError {
    return new ClaimsApiRejectedError(
      `Claims API ${what}: refused with ${sent.status}${problemText(sent.body)}`,
      sent.status,
      sent.body,
    );
  }

  function parse<T>(
    what: string,
    schema: z.ZodType<T>,
    sent: Sent,
    okStatuses: readonly number[],
  ): T {
    if (sent.status >= 400) throw rejected(what, sent);
    if (!okStatuses.includes(sent.status)) {
      throw new ClaimsApiUnavailableError(`Claims API ${what}: unexpected status ${sent.status}`);
    }
    const parsed = schema.safeParse(sent.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : '';
      throw new ClaimsApiUnavailableError(
        `Claims API ${what}: the answer does not match the contract${where}`,
      );
    }
    return parsed.data;
  }

  return {
    async fileClaim(employeeId, claim, idempotencyKey) {
      const sent = await send('POST', '/claims', employeeId, {
        body: { ...claim, status: 'submitted' },
        idempotencyKey,
      });
      return parse('POST /claims', claimSchema, sent, [200, 201]);
    },

    async resubmitClaim(employeeId, claimId, claim, version, idempotencyKey) {
      const sent = await send('PUT', `/claims/${encodeURIComponent(claimId)}`, employeeId, {
        body: { ...claim, version },
        idempotencyKey,
      });
      return parse('PUT /claims/{id}', claimSchema, sent, [200]);
    },

    async subscribe(url, secret) {
      const sent = await send('POST', '/subscriptions', undefined, { body: { url, secret } });
      if (sent.status === 404) return 'unsupported';
      parse('POST /subscriptions', z.object({ id: z.string() }), sent, [200, 201]);
      return 'subscribed';
    },

    async listClaims(employeeId) {
      const sent = await send('GET', '/claims', employeeId);
      return parse('GET /claims', listSchema, sent, [200]).claims;
    },

    async getClaim(employeeId, id) {
      const sent = await send('GET', `/claims/${encodeURIComponent(id)}`, employeeId);
      if (sent.status === 404) return undefined;
      return parse('GET /claims/{id}', claimSchema, sent, [200]);
    },

    async getProfile(employeeId) {
      const sent = await send('GET', '/profile', employeeId);
      return parse('GET /profile', profileSchema, sent, [200]);
    },

    async uploadAttachment(employeeId, file) {
      const what = 'PUT /attachments/{sha256}';
      const response = await sendBytes(
        'PUT',
        `/attachments/${file.sha256}`,
        employeeId,
        what,
        file,
      );
      if (response.status >= 400)
        throw new ClaimsApiRejectedError(
          `Claims API ${what}: refused with ${response.status}`,
          response.status,
          await response.text(),
        );
    },

    async getAttachment(employeeId, sha256) {
      const what = 'GET /attachments/{sha256}';
      const response = await sendBytes(
        'GET',
        `/attachments/${encodeURIComponent(sha256)}`,
        employeeId,
        what,
      );
      if (response.status === 404) return undefined;
      if (response.status >= 400)
        throw new ClaimsApiRejectedError(
          `Claims API ${what}: refused with ${response.status}`,
          response.status,
          await response.text(),
        );
      return {
        bytes: Buffer.from(await response.arrayBuffer()),
        mime: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    },
  };
}

function resolveBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return new URL(trimmed).pathname.replace(/\/+$/, '') === ''
    ? `${trimmed}${CLAIMS_API_PREFIX}`
    : trimmed;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // undici hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? `${err.message}: ${code}` : err.message;
}

function problemText(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, message } = body as { error?: unknown; message?: unknown };
  const parts = [error, message].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length ? `: ${parts.join(' — ')}` : '';
}
