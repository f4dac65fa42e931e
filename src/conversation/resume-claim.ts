/**
 * A rejected outlay claim taken up again from the tab ("Continue in chat"): its lines become a new
 * claim draft at its form, with finance's reason said first, so the user fixes what was wrong and
 * files it again. Mileage and travel claims are computed from the rates of their dates and are
 * started anew; a claim already in progress is never overwritten.
 */
import type { Claim } from '../claims/claim.js';
import { outlayClaimFlow } from './outlay-claim-flow.js';
import { formatAmountInput } from './outlay-form.js';
import type { Turn } from './turn.js';
import type { OutlayClaimDraft } from './types.js';

export function resumeRejectedClaim(turn: Turn, claim: Claim) {
  const outlays = claim.lines.flatMap((l) => (l.type === 'outlay' ? [l] : []));
  if (claim.status !== 'rejected' || outlays.length !== claim.lines.length || outlays.length === 0)
    return turn.say('resume.notPossible', { number: claim.number });
  if (turn.state.outlayClaim) return turn.say('resume.claimInProgress');
  const draft: OutlayClaimDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    purpose: claim.purpose,
    lines: outlays.map((l) => ({
      id: turn.ctx.newId(),
      fields: {
        date: l.date,
        amount: formatAmountInput(l.amountMinor),
        currency: l.currency,
        kind: l.kind,
        merchant: l.merchant ?? '',
        comment: l.comment ?? '',
      },
      receiptIds: [],
    })),
  };
  turn.state.outlayClaim = draft;
  if (claim.rejectionReason)
    turn.say('resume.rejectedBecause', { number: claim.number, reason: claim.rejectionReason });
  else turn.say('resume.rejected', { number: claim.number });
  turn.messages.push(outlayClaimFlow.formView(turn, draft));
}
