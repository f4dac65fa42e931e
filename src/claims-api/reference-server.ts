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
import { createHash, randomUUID } from 'node:crypto';
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
  type Payout,
  payoutSchema,
} from '../claims/claim.js';
import type { Logger } from '../logger.js';
import { CLAIMS_API_PREFIX } from './claims-client.js';
import type { ClaimsStore } from './claims-store.js';
import {
  ApiProblem,
  hashOf,
  MAX_ATTACHMENT_BYTES,
  notFound,
  param,
  readJsonBody,
  readRawBody,
  sameSecret,
  sendJson,
  validate,
} from './api-http.js';
import { employeeIdSchema, type ProfileSource } from './profiles.js';
import { registerSubscriptionRoutes } from './subscription-routes.js';
import { eventFor, type Webhooks } from './webhooks.js';

export { CLAIMS_API_PREFIX };

export interface ClaimsApiRouteOptions {
  /** The SQLite `ClaimsRepository` or the PostgreSQL `PgClaimsRepository`. */
  repo: ClaimsStore;
  serviceToken: string;
  /** Without it the admin route does not exist (404): nobody can move claims past `submitted`. */
  adminToken?: string;
  profiles: ProfileSource;
  logger: Logger;
  now?: () => Date;
  newId?: () => string;
  /** Without it there are no subscriptions (404), as with an expense system that has no webhooks. */
  webhooks?: Webhooks;
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
/**
 * `reason`: finance's words to the employee on a rejection; `payout`: the value date and amount of
 * a payment (the amount defaults to the claim's NOK total); `actor`: who in finance did it.
 * Each is ignored for a move it does not belong to.
 */
const adminStatusSchema = z.object({
  status: z.enum(CLAIM_STATUSES),
  reason: z.string().trim().min(1).max(1000).optional(),
  payout: z
    .object({
      date: payoutSchema.shape.date,
      amountMinor: payoutSchema.shape.amountMinor.optional(),
      currency: payoutSchema.shape.currency.default('NOK'),
    })
    .optional(),
  actor: z.string().trim().min(1).max(200).optional(),
});
/** A rejected claim filed again: its new content and the version it was edited from. */
const putClaimSchema = newClaimSchema.extend({ version: z.number().int().positive() });
const idempotencyKeySchema = z.string().regex(/^[\x20-\x7e]{1,200}$/);

export type Handler = (req: restify.Request, res: restify.Response) => Promise<void> | void;

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

  function idempotencyKeyOf(req: restify.Request): string {
    const key = req.headers['idempotency-key'];
    if (key === undefined)
      throw new ApiProblem(400, 'bad_request', 'The Idempotency-Key header is required');
    const parsed = idempotencyKeySchema.safeParse(key);
    if (!parsed.success)
      throw new ApiProblem(
        400,
        'bad_request',
        'The Idempotency-Key header must be 1–200 printable ASCII characters',
      );
    return parsed.data;
  }

  /** A claim may only name files the employee uploaded first. */
  async function requireAttachments(
    employeeId: string,
    attachments: ReadonlyArray<{ sha256: string }>,
  ): Promise<void> {
    const known = await Promise.all(
      attachments.map((a) => Promise.resolve(repo.hasAttachment(employeeId, a.sha256))),
    );
    const missing = attachments.filter((_, i) => !known[i]);
    if (missing.length > 0) {
      throw new ApiProblem(
        422,
        'unknown_attachment',
        `Upload these attachments first: ${missing.map((a) => a.sha256).join(', ')}`,
      );
    }
  }

  /** What the employee sent, with the profile's dimensions where they left them blank and the totals. */
  function contentOf(employeeId: string, body: z.infer<typeof newClaimSchema>) {
    return {
      description: body.description,
      purpose: body.purpose,
      dimensions: withProfileDefaults(body.dimensions, profiles.get(employeeId)),
      lines: body.lines,
      attachments: body.attachments,
      totals: totalsOf(body.lines),
    };
  }

  const p = CLAIMS_API_PREFIX;
  /** Tells the subscribers; a claim moved to a status nobody subscribes to sends nothing. */
  const announce = async (claim: Claim) => {
    const event = opts.webhooks && eventFor(claim, now().toISOString());
    if (event) await opts.webhooks?.publish(event);
  };
  registerSubscriptionRoutes(server, {
    prefix: p,
    webhooks: opts.webhooks,
    route,
    requireService: (req) => requireBearer(req, opts.serviceToken),
  });

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
      const outcome = await repo.putAttachment(
        employeeId,
        sha256,
        mime,
        bytes,
        now().toISOString(),
      );
      sendJson(res, outcome === 'created' ? 201 : 200, { sha256, mime, size: bytes.length });
    }),
  );

  server.get(
    `${p}/attachments/:sha256`,
    route('getAttachment', async (req, res) => {
      const employeeId = actingEmployee(req);
      const found = await repo.getAttachment(employeeId, param(req, 'sha256'));
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
      const idempotencyKey = idempotencyKeyOf(req);
      const body = validate(postClaimSchema, await readJsonBody(req));
      await requireAttachments(employeeId, body.attachments);
      const timestamp = now().toISOString();
      const claim: Omit<Claim, 'number'> = {
        id: newId(),
        employeeId,
        status: body.status,
        ...contentOf(employeeId, body),
        createdAt: timestamp,
        updatedAt: timestamp,
      };
      // Hashing the validated request, not the raw bytes, so a retry that differs only in key order
      // or whitespace still counts as the same request.
      const result = await repo.fileClaim({
        idempotencyKey,
        requestHash: hashOf(body),
        claim,
      });
      switch (result.outcome) {
        case 'created':
          log.info(
            { claimId: result.claim.id, number: result.claim.number, status: result.claim.status },
            'claim filed',
          );
          await announce(result.claim);
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
    route('listClaims', async (req, res) => {
      const employeeId = actingEmployee(req);
      const status = new URL(req.url ?? '/', 'http://localhost').searchParams.get('status');
      if (status !== null && !(CLAIM_STATUSES as readonly string[]).includes(status)) {
        throw new ApiProblem(
          400,
          'bad_request',
          `status must be one of ${CLAIM_STATUSES.join(', ')}`,
        );
      }
      const claims = await repo.listForEmployee(
        employeeId,
        status ? { status: status as ClaimStatus } : {},
      );
      sendJson(res, 200, { claims });
    }),
  );

  server.get(
    `${p}/claims/:id`,
    route('getClaim', async (req, res) => {
      const employeeId = actingEmployee(req);
      const claim = await repo.get(param(req, 'id'));
      if (!claim || claim.employeeId !== employeeId) throw notFound();
      sendJson(res, 200, claim);
    }),
  );

  server.put(
    `${p}/claims/:id`,
    route('resubmitClaim', async (req, res) => {
      const employeeId = actingEmployee(req);
      const idempotencyKey = idempotencyKeyOf(req);
      const body = validate(putClaimSchema, await readJsonBody(req));
      await requireAttachments(employeeId, body.attachments);
      const id = param(req, 'id');
      const result = await repo.resubmit({
        employeeId,
        claimId: id,
        version: body.version,
        idempotencyKey,
        requestHash: hashOf({ ...body, claimId: id }),
        content: contentOf(employeeId, body),
        at: now().toISOString(),
      });
      switch (result.outcome) {
        case 'not-found':
          throw notFound();
        case 'key-reused':
          throw new ApiProblem(
            409,
            'idempotency_conflict',
            'This Idempotency-Key was already used for a different request',
          );
        case 'not-rejected':
          throw new ApiProblem(
            409,
            'invalid_transition',
            `Only a rejected claim can be filed again; this one is ${result.claim.status}`,
            { currentStatus: result.claim.status },
          );
        case 'version-conflict':
          throw new ApiProblem(
            409,
            'version_conflict',
            'The claim changed since this version was read',
            { currentVersion: result.claim.version ?? 1 },
          );
        case 'replayed':
          sendJson(res, 200, result.claim, { 'Idempotent-Replayed': 'true' });
          return;
        case 'resubmitted':
          log.info({ claimId: id, version: result.claim.version }, 'claim resubmitted');
          await announce(result.claim);
          sendJson(res, 200, result.claim);
      }
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
      const body = validate(adminStatusSchema, await readJsonBody(req));
      const { status: to, reason } = body;
      const id = param(req, 'id');
      const claim = await repo.get(id);
      if (!claim) throw notFound();
      const moved = STATUS_MOVES[claim.status].includes(to)
        ? await repo.updateStatus(id, claim.status, to, now().toISOString(), reason, {
            ...(body.actor ? { actor: body.actor } : {}),
            ...(body.payout ? { payout: payoutOf(claim, body.payout) } : {}),
          })
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
      await announce(moved);
      sendJson(res, 200, moved);
    }),
  );
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

/** The amount paid defaults to the claim's total in the payout currency (finance pays it whole). */
function payoutOf(
  claim: Claim,
  given: { date: string; amountMinor?: number | undefined; currency: Payout['currency'] },
): Payout {
  const total = claim.totals.find((m) => m.currency === given.currency)?.amountMinor ?? 0;
  return { date: given.date, amountMinor: given.amountMinor ?? total, currency: given.currency };
}
