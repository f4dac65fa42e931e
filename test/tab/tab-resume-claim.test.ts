import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/claim.js';
import { handleEvent } from '../../src/conversation/engine.js';
import type { TurnContextData, UserState } from '../../src/conversation/types.js';

const rejected: Claim = {
  id: 'c-1',
  number: 'RR-2026-000003',
  employeeId: 'kari',
  status: 'rejected',
  description: 'Taxi til flyplassen',
  purpose: 'Kundebesøk',
  dimensions: {},
  lines: [
    {
      type: 'outlay',
      date: '2026-02-03',
      kind: 'taxi',
      amountMinor: 64_950,
      currency: 'NOK',
      merchant: 'Oslo Taxi',
    },
  ],
  attachments: [],
  totals: [{ currency: 'NOK', amountMinor: 64_950 }],
  createdAt: '2026-02-04T10:00:00Z',
  updatedAt: '2026-02-05T10:00:00Z',
  rejectionReason: 'Mangler kvittering',
};

let n = 0;
const ctx: TurnContextData = {
  today: '2026-03-01',
  scope: 'personal',
  locale: 'nb-NO',
  defaultLang: 'nb',
  newId: () => `id-${++n}`,
};

describe('a rejected claim taken up again from the tab', () => {
  it('becomes a claim draft at its form, with finance’s reason said first', () => {
    const result = handleEvent({}, { type: 'resumeClaim', claim: rejected }, ctx);
    expect(result.state.outlayClaim).toMatchObject({
      step: 'form',
      purpose: 'Kundebesøk',
      lines: [
        { fields: { date: '2026-02-03', amount: '649,50', kind: 'taxi', merchant: 'Oslo Taxi' } },
      ],
    });
    const [said, card] = result.messages;
    expect(said).toEqual({
      kind: 'text',
      text: expect.stringContaining('«Mangler kvittering»') as string,
    });
    expect(card).toMatchObject({ kind: 'card', template: 'outlay-claim' });
  });

  it('never overwrites a claim already in progress', () => {
    const first = handleEvent({}, { type: 'resumeClaim', claim: rejected }, ctx);
    const state: UserState = first.state;
    const again = handleEvent(
      state,
      { type: 'resumeClaim', claim: { ...rejected, number: 'RR-2' } },
      ctx,
    );
    expect(again.state.outlayClaim).toEqual(state.outlayClaim);
    expect(JSON.stringify(again.messages)).toContain('allerede et krav på gang');
  });

  it('says a mileage claim or one not rejected cannot be continued', () => {
    const approved = handleEvent(
      {},
      { type: 'resumeClaim', claim: { ...rejected, status: 'approved' } },
      ctx,
    );
    expect(approved.state.outlayClaim).toBeUndefined();
    expect(JSON.stringify(approved.messages)).toContain('kan ikke fortsettes');
  });
});
