/**
 * Reference implementation of the claims API (openapi.yaml beside this file). It stands in for
 * the company's expense system, which has no public API, and runs inside the bot by default; the
 * bot still reaches it over HTTP through the same client it would use for any other implementation.
 *
 * The bot is trusted with one service token and names the employee it acts for in a header:
 * identity comes from Teams, so there is no second login. Everything an employee can see is
 * therefore filtered by that header, and a claim of someone else answers 404, not 403, so ids
 * cannot be probed.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import {
  ATTACHMENT_MIMES,
  CLAIM_STATUSES,
  newClaimSchema,
  totalsOf,
  type Claim,
  type ClaimStatus,
  type Dimensions,
} from '../claims/claim.js';
import type { Logger } from '../logger.js';
import { CLAIMS_API_PREFIX } from './claims-client.js';
import type { ClaimsRepository } from './claims-repository.js';
import { employeeIdSchema, type ProfileSource } from './profiles.js';

export { CLAIMS_API_PREFIX };

export interface ClaimsApiRouteOptions {
  repo: ClaimsRepository;
  serviceToken: string;
  /** Without it the admin route does not exist (404): nobody can move claims past `submitted`. */
  adminToken?: string;
  profiles: ProfileSource;
  logger: Logger;
  now?: () => Date;
  newId?: () => string;
}

/** The moves finance makes; everything past `submitted` is theirs, never the bot's. */
export const STATUS_MOVES: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['submitted'],
  submitted: ['approved', 'rejected'],
  approved: ['paid'],
  rejected: [],
  paid: [],
};

const postClaimSchema = newClaimSchema.extend({
  status: z.enum(['draft', 'submitted']).default('submitted'),
});
/** `reason`: finance's words to the employee on a rejection; ignored for any other move. */
const adminStatusSchema = z.object({
  status: z.enum(CLAIM_STATUSES),
  reason: z.string().trim().min(1).max(1000).optional(),
});
const idempotencyKeySchema = z.string().regex(/^[\x20-\x7e]{1,200}$/);

/** A claim with 200 lines is well under this; anything bigger is a mistake or an attack. */
const MAX_BODY_BYTES = 1_000_000;

class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void> | void;

export function registerClaimsApiRoutes(server: restify.Server, opts: ClaimsApiRouteOptions): void {
  // The caller names the component in its logger (the embedding bot already does).
  const { repo, profiles, logger: log } = opts;
  const now = opts.now ?? (() => new Date());
  const newId = opts.newId ?? randomUUID;

  function route(name: string, handler: Handler): restify.RequestHandler {
    return async (req: restify.Request, res: restify.Response) => {
      try {
        await handler(req, res);
      } catch (err) {
        if (err instanceof ApiProblem) {
          sendJson(
            res,
            err.status,
            { error: err.error, message: err.message, ...err.extra },
            err.headers,
          );
          return;
        }
        // The log keeps the detail; the caller gets nothing it could learn internals from.
        log.error(
          { err, route: name, method: req.method, path: req.path() },
          'claims API request failed',
        );
        sendJson(res, 500, {
          error: 'internal',
          message: 'The claims API failed to handle the request',
        });
      }
    };
  }

  function requireBearer(req: restify.Request, token: string): void {
    const match = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1] || !sameSecret(match[1], token)) {
      throw new ApiProblem(
        401,
        'unauthorized',
        'A valid bearer token is required',
        {},
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
  }

  function actingEmployee(req: restify.Request): string {
    requireBearer(req, opts.serviceToken);
    const header = req.headers['x-acting-employee'];
    const parsed = employeeIdSchema.safeParse(header);
    if (!parsed.success) {
      throw new ApiProblem(
        400,
        'bad_request',
        'The X-Acting-Employee header must name the employee (1–100 characters of A–Z, a–z, 0–9, -, _, : or .)',
      );
    }
    return parsed.data;
  }

  const p = CLAIMS_API_PREFIX;

  server.get(
    `${p}/health`,
    route('health', (_req, res) => {
      sendJson(res, 200, { ok: true });
    }),
  );

  server.put(
    `${p}/attachments/:sha256`,
    route('putAttachment', async (req, res) => {
      const employeeId = actingEmployee(req);
      const sha256 = param(req, 'sha256');
      if (!/^[a-f0-9]{64}$/.test(sha256))
        throw new ApiProblem(
          400,
          'bad_request',
          'The path must end in the SHA-256 of the file, in lower-case hex',
        );
      const mime =
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '';
      if (!(ATTACHMENT_MIMES as readonly string[]).includes(mime)) {
        throw new ApiProblem(
          415,
          'unsupported_media_type',
          `Content-Type must be one of ${ATTACHMENT_MIMES.join(', ')}`,
        );
      }
      const bytes = await readRawBody(req, MAX_ATTACHMENT_BYTES);
      if (bytes.length === 0) throw new ApiProblem(400, 'bad_request', 'The file is empty');
      if (createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new ApiProblem(
          422,
          'hash_mismatch',
          'The body does not have the SHA-256 named in the path',
        );
      const outcome = repo.putAttachment(employeeId, sha256, mime, bytes, now().toISOString());
      sendJson(res, outcome === 'created' ? 201 : 200, { sha256, mime, size: bytes.length });
    }),
  );

  server.get(
    `${p}/attachments/:sha256`,
    route('getAttachment', (req, res) => {
      const employeeId = actingEmployee(req);
      const found = repo.getAttachment(employeeId, param(req, 'sha256'));
      // Another employee's file answers exactly like a missing one.
      if (!found) throw new ApiProblem(404, 'not_found', 'No such attachment');
      res.writeHead(200, {
        'content-type': found.mime,
        'content-length': String(found.bytes.length),
        'cache-control': 'private, max-age=3600',
      });
      res.end(found.bytes);
    }),
  );

  server.post(
    `${p}/claims`,
    route('fileClaim', async (req, res) => {
      const employeeId = actingEmployee(req);
      const key = req.headers['idempotency-key'];
      if (key === undefined)
        throw new ApiProblem(400, 'bad_request', 'The Idempotency-Key header is required');
      const parsedKey = idempotencyKeySchema.safeParse(key);
      if (!parsedKey.success)
        throw new ApiProblem(
          400,
          'bad_request',
          'The Idempotency-Key header must be 1–200 printable ASCII characters',
        );

      const body = validate(postClaimSchema, await readJsonBody(req));
      const missing = body.attachments.filter((a) => !repo.hasAttachment(employeeId, a.sha256));
      if (missing.length > 0) {
        throw new ApiProblem(
          422,
          'unknown_attachment',
          `Upload these attachments first: ${missing.map((a) => a.sha256).join(', ')}`,
        );
      }
      const timestamp = now().toISOString();
      const claim: Omit<Claim, 'number'> = {
        id: newId(),
        employeeId,
        status: body.status,
        description: body.description,
        purpose: body.purpose,
        dimensions: withProfileDefaults(body.dimensions, profiles.get(employeeId)),
        lines: body.lines,
        attachments: body.attachments,
        totals: totalsOf(body.lines),
        createdAt: timestamp,
        updatedAt: timestamp,
      };
      // Hashing the validated request, not the raw bytes, so a retry that differs only in key order
      // or whitespace still counts as the same request.
      const result = repo.fileClaim({
        idempotencyKey: parsedKey.data,
        requestHash: hashOf(body),
        claim,
      });
      switch (result.outcome) {
        case 'created':
          log.info(
            { claimId: result.claim.id, number: result.claim.number, status: result.claim.status },
            'claim filed',
          );
          sendJson(res, 201, result.claim, {
            Location: `${p}/claims/${encodeURIComponent(result.claim.id)}`,
          });
          return;
        case 'replayed':
          sendJson(res, 200, result.claim, { 'Idempotent-Replayed': 'true' });
          return;
        case 'key-reused':
          throw new ApiProblem(
            409,
            'idempotency_conflict',
            'This Idempotency-Key was already used for a different claim',
          );
      }
    }),
  );

  server.get(
    `${p}/claims`,
    route('listClaims', (req, res) => {
      const employeeId = actingEmployee(req);
      const status = new URL(req.url ?? '/', 'http://localhost').searchParams.get('status');
      if (status !== null && !(CLAIM_STATUSES as readonly string[]).includes(status)) {
        throw new ApiProblem(
          400,
          'bad_request',
          `status must be one of ${CLAIM_STATUSES.join(', ')}`,
        );
      }
      const claims = repo.listForEmployee(
        employeeId,
        status ? { status: status as ClaimStatus } : {},
      );
      sendJson(res, 200, { claims });
    }),
  );

  server.get(
    `${p}/claims/:id`,
    route('getClaim', (req, res) => {
      const employeeId = actingEmployee(req);
      const claim = repo.get(param(req, 'id'));
      if (!claim || claim.employeeId !== employeeId) throw notFound();
      sendJson(res, 200, claim);
    }),
  );

  server.get(
    `${p}/profile`,
    route('getProfile', (req, res) => {
      sendJson(res, 200, profiles.get(actingEmployee(req)));
    }),
  );

  server.post(
    `${p}/admin/claims/:id/status`,
    route('setStatus', async (req, res) => {
      const adminToken = opts.adminToken;
      if (!adminToken) throw notFound();
      requireBearer(req, adminToken);
      const { status: to, reason } = validate(adminStatusSchema, await readJsonBody(req));
      const id = param(req, 'id');
      const claim = repo.get(id);
      if (!claim) throw notFound();
      const moved = STATUS_MOVES[claim.status].includes(to)
        ? repo.updateStatus(id, claim.status, to, now().toISOString(), reason)
        : undefined;
      if (!moved) {
        throw new ApiProblem(
          409,
          'invalid_transition',
          `A ${claim.status} claim cannot become ${to}`,
          { currentStatus: claim.status },
        );
      }
      log.info({ claimId: id, from: claim.status, to }, 'claim status changed');
      sendJson(res, 200, moved);
    }),
  );
}

function notFound(): ApiProblem {
  return new ApiProblem(404, 'not_found', 'No such claim');
}

/**
 * Writes JSON directly instead of through restify's content negotiation, so an odd Accept header
 * can never turn a claim into "[object Object]" and errors look the same on every route.
 */
function sendJson(
  res: restify.Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.sendRaw(status, JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** Hashes both sides first so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function validate<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  // Paths and messages only: echoing the submitted values back could spread personal data into logs.
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String),
    code: i.code,
    message: i.message,
  }));
  throw new ApiProblem(422, 'validation', 'The request body is not valid', { issues });
}

/** The employee's own choice wins; only blank fields are taken from the profile. */
function withProfileDefaults(requested: Dimensions, profile: Dimensions): Dimensions {
  const result: Dimensions = {};
  for (const field of ['company', 'department', 'project'] as const) {
    const value = requested[field]?.trim() || profile[field]?.trim();
    if (value) result[field] = value;
  }
  return result;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The bot's server may already run restify's bodyParser for every route (it needs one for
 * /api/messages) or none at all, and running it twice fails on the already-parsed body; so this
 * takes a parsed body when there is one and reads the stream itself otherwise.
 */
/** Receipts are photos: a larger cap than JSON bodies, checked while the bytes arrive. */
const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

function readRawBody(req: restify.Request, max: number): Promise<Buffer> {
  return readCapped(
    req,
    max,
    () => new ApiProblem(413, 'payload_too_large', `The file exceeds ${max} bytes`),
  );
}

/** The body's bytes, refused as soon as the declared or the received size passes `max`. */
async function readCapped(
  req: restify.Request,
  max: number,
  tooBig: () => ApiProblem,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw tooBig();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > max) throw tooBig();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readJsonBody(req: restify.Request): Promise<unknown> {
  const existing: unknown = (req as { body?: unknown }).body;
  if (existing !== undefined && existing !== null) {
    if (typeof existing === 'string') return parseJson(existing);
    if (Buffer.isBuffer(existing)) return parseJson(existing.toString('utf8'));
    return existing;
  }
  if ((req as { _readBody?: boolean })._readBody || req.readableEnded) return undefined;

  const bytes = await readCapped(req, MAX_BODY_BYTES, tooLarge);
  return parseJson(bytes.toString('utf8'));
}

function tooLarge(): ApiProblem {
  return new ApiProblem(
    413,
    'payload_too_large',
    `The request body exceeds ${MAX_BODY_BYTES} bytes`,
  );
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'invalid_json', 'The request body is not valid JSON');
  }
}

/** A route parameter as a string; restify types `params` as any. */
function param(req: restify.Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
