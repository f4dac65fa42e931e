/** A claim's status change as the bot learns it, from a webhook event or from polling. */
import { z } from 'zod';
import { CLAIM_STATUSES, payoutSchema, type Claim } from '../claims/claim.js';
import { claimEventData } from '../claims-api/webhook-events.js';

export const statusChangeSchema = z.object({
  employeeId: z.string(),
  claimId: z.string(),
  number: z.string(),
  status: z.enum(CLAIM_STATUSES),
  version: z.number().int().positive(),
  reason: z.string().optional(),
  payout: payoutSchema.optional(),
});
export type StatusChangeNotice = z.infer<typeof statusChangeSchema>;

export function changeOfClaim(claim: Claim): StatusChangeNotice {
  const { paidAt: _paidAt, ...change } = claimEventData(claim);
  return change;
}

/**
 * Orders a claim's states: a later version is later, and within one version paid follows
 * approved follows submitted. An event that arrives late (a retry) never undoes a newer one.
 */
export function progressOf(change: Pick<StatusChangeNotice, 'status' | 'version'>): number {
  const rank = { draft: 0, submitted: 1, approved: 2, rejected: 2, paid: 3 }[change.status];
  return change.version * 10 + rank;
}
