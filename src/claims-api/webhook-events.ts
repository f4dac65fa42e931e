/**
 * The claims API's webhook events, as the contract (openapi.yaml, `webhooks`) describes them:
 * what a subscriber receives, and how it proves a delivery came from the API. Shared by the
 * reference server (which signs) and the bot (which verifies), so the two cannot drift apart.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { claimSchema, payoutSchema, type Claim } from '../claims/claim.js';

export const WEBHOOK_EVENT_TYPES = [
  'claim.submitted',
  'claim.approved',
  'claim.rejected',
  'claim.paid',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Headers of a delivery: the signature covers `<timestamp>.<raw body>`. */
export const SIGNATURE_HEADER = 'x-claims-signature';
export const TIMESTAMP_HEADER = 'x-claims-timestamp';
export const EVENT_ID_HEADER = 'x-claims-event-id';

/** A delivery older (or further ahead) than this is refused: a captured one cannot be replayed later. */
export const WEBHOOK_TOLERANCE_S = 300;

export const webhookEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  createdAt: z.string(),
  data: z.object({
    claimId: z.string(),
    number: z.string(),
    employeeId: z.string(),
    status: claimSchema.shape.status,
    version: z.number().int().positive(),
    /** On `claim.rejected`: finance's words to the employee. */
    reason: z.string().optional(),
    /** On `claim.paid`: the payout date and amount, when finance gave them. */
    payout: payoutSchema.optional(),
    paidAt: z.string().optional(),
  }),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookCheck = { ok: true; event: WebhookEvent } | { ok: false; why: string };

/**
 * Checks a delivery: a signature made with `secret` over exactly these bytes, a timestamp within
 * the tolerance of `now`, and a body the contract knows. Anything else is refused whole.
 */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  now: Date,
): WebhookCheck {
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(timestamp)) return { ok: false, why: 'no timestamp' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > WEBHOOK_TOLERANCE_S)
    return { ok: false, why: 'stale timestamp' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, why: 'bad signature' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  const parsed = webhookEventSchema.safeParse(json);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, why: 'not an event' };
}

/** What an event says about its claim: who, which, where it is now, and why or what was paid. */
export function claimEventData(claim: Claim): WebhookEvent['data'] {
  return {
    claimId: claim.id,
    number: claim.number,
    employeeId: claim.employeeId,
    status: claim.status,
    version: claim.version ?? 1,
    ...(claim.status === 'rejected' && claim.rejectionReason
      ? { reason: claim.rejectionReason }
      : {}),
    ...(claim.status === 'paid' && claim.payout ? { payout: claim.payout } : {}),
    ...(claim.status === 'paid' && claim.paidAt ? { paidAt: claim.paidAt } : {}),
  };
}
