/**
 * The conversation after a claim is filed, with plain data: "Endre og send inn på nytt" reopens a
 * rejected claim of any kind the chat files as a draft with everything kept, and filing it asks
 * for the same claim to be filed again; the reminder's buttons; the reminder commands in all
 * three languages.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../src/claims/claim.js';
import { parseCommand } from '../src/understanding/commands.js';
import { act, cards, run, say, texts } from './helpers/engine-driver.js';

const claim = (lines: ClaimLine[], status: Claim['status'] = 'rejected'): Claim => ({
  id: 'c-1',
  number: 'RR-2026-000123',
  employeeId: 'kari',
  status,
  description: 'Utlegg',
  purpose: 'Samling i Bodø',
  dimensions: {},
  lines,
  attachments: [
    { sha256: 'a'.repeat(64), mime: 'image/jpeg', role: 'receipt', name: 'hotell.jpg' },
  ],
  totals: [{ currency: 'NOK', amountMinor: 123_450 }],
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
  version: 2,
  rejectionReason: 'Mangler kvittering',
});
const hotel: ClaimLine = {
  type: 'outlay',
  date: '2026-11-20',
  kind: 'hotel',
  amountMinor: 123_450,
  currency: 'NOK',
  merchant: 'Scandic',
};

describe('a rejected claim fixed and filed again', () => {
  it('reopens a one-outlay claim at its form with everything kept, and refiles the same claim', () => {
    const { state, results } = run([
      act('claim.reopen', { claimId: 'c-1' }),
      { type: 'claimReopened', claim: claim([hotel]) },
      act('outlay.submit', { draftId: 'id-1' }),
      act('outlay.file', { draftId: 'id-1' }),
    ]);
    expect(results[0]?.effects).toEqual([{ type: 'reopenClaim', claimId: 'c-1' }]);
    expect(texts(results[1]!).join()).toContain('Her er RR-2026-000123 igjen');
    expect(JSON.stringify(cards(results[1]!))).toContain('1234,50');
    expect(JSON.stringify(cards(results[1]!))).toContain('Samling i Bodø');
    expect(results[3]?.effects).toEqual([
      expect.objectContaining({
        type: 'fileClaim',
        draftId: 'id-1',
        resubmits: {
          claimId: 'c-1',
          number: 'RR-2026-000123',
          version: 2,
          attachments: claim([]).attachments,
        },
      }),
    ]);
    expect(state.outlay?.step).toBe('filing');
  });

  it('reopens several outlays as one claim, and a mileage claim with its trip', () => {
    const parking: ClaimLine = {
      ...hotel,
      kind: 'parking',
      amountMinor: 6_000,
      merchant: undefined,
    };
    const several = run([{ type: 'claimReopened', claim: claim([hotel, parking]) }]);
    expect(several.state.outlayClaim?.lines.map((l) => l.fields.amount)).toEqual(['1234,50', '60']);
    expect(several.state.outlayClaim?.resubmits?.claimId).toBe('c-1');
    const trip: ClaimLine = {
      type: 'mileage',
      date: '2026-11-20',
      from: 'Bodø',
      to: 'Fauske',
      km: 62.5,
      passengers: [{ name: 'OL', km: 62.5 }],
      amountMinor: 33_125,
      currency: 'NOK',
      taxFreeMinor: 21_875,
      taxableMinor: 11_250,
    };
    const mileage = run([{ type: 'claimReopened', claim: claim([trip, parking]) }]);
    expect(mileage.state.mileage).toMatchObject({
      fields: { from: 'Bodø', to: 'Fauske', km: '62,5', purpose: 'Samling i Bodø' },
      passengers: [{ name: 'OL', km: 62.5 }],
      outlays: [parking],
    });
  });

  it('says so for a claim that is not rejected, a travel claim, and a claim it cannot fetch', () => {
    const approved = run([{ type: 'claimReopened', claim: claim([hotel], 'approved') }]);
    expect(texts(approved.last).join()).toContain('ikke avvist');
    expect(approved.state.outlay).toBeUndefined();
    const perDiem: ClaimLine = {
      type: 'perDiem',
      date: '2026-11-20',
      departure: '2026-11-20T07:00',
      return: '2026-11-21T18:00',
      destination: 'Bodø',
      hotelNights: 1,
      unreceiptedNights: 0,
      amountMinor: 150_000,
      currency: 'NOK',
      taxFreeMinor: 100_000,
      taxableMinor: 50_000,
    };
    const travel = run([{ type: 'claimReopened', claim: claim([perDiem, hotel]) }]);
    expect(texts(travel.last).join()).toContain('har diett');
    expect(travel.state.outlay).toBeUndefined();
    const failed = run([{ type: 'claimReopenFailed', reason: 'unavailable' }]);
    expect(texts(failed.last).join()).toContain('svarer ikke');
  });
});

describe('reminder buttons and commands', () => {
  it('"Gjør ferdig" opens the waiting draft; "Forkast" cancels it and clears the inbox', () => {
    const finish = run([say('ny utlegg'), act('reminder.finish')]);
    expect(finish.last.replace).toMatchObject({ kind: 'card', template: 'outlay-form' });
    const inboxOnly = run([act('reminder.finish')]);
    expect(inboxOnly.last.effects).toEqual([{ type: 'gatherInbox' }]);
    const drop = run([say('ny utlegg'), act('reminder.drop'), { type: 'inboxDropped', count: 2 }]);
    expect(drop.state.outlay).toBeUndefined();
    expect(drop.results[1]?.effects).toEqual([{ type: 'dropInbox' }]);
    expect(texts(drop.last).join()).toContain('2 kvitteringer er fjernet');
  });

  it('understands stop and start in bokmål, nynorsk and English, apart from a plain "stopp"', () => {
    for (const text of [
      'stopp påminnelser',
      'Stopp påminningar!',
      'stop reminders',
      'turn off reminders',
    ])
      expect(parseCommand(text)).toEqual({ name: 'remindersOff' });
    for (const text of ['start påminnelser', 'start påminningar', 'start reminders'])
      expect(parseCommand(text)).toEqual({ name: 'remindersOn' });
    expect(parseCommand('stopp')).toEqual({ name: 'cancel' });
    const off = run([say('stop reminders')]);
    expect(off.state.remindersOff).toBe(true);
    expect(run([say('start reminders')], off.state).state.remindersOff).toBeUndefined();
  });
});
