/**
 * What a card sends is checked before it is kept: a currency off the list or an over-long field
 * gets a field error and never reaches the saved state, and the claims list and every card still
 * render when bad data was stored by an older version.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { OutlayDraft, UserState } from '../src/conversation/types.js';
import { formatMoney } from '../src/i18n/translate.js';
import {
  act,
  cards,
  ctx,
  parkingForm,
  plainSpaces,
  run,
  say,
  texts,
} from './helpers/engine-driver.js';
import { threePhotos } from './helpers/receipt-batches.js';

const HUGE = 'x'.repeat(400_000);

function outlayForm(lang: 'nb' | 'en' = 'nb') {
  const c = ctx({ locale: `${lang}-NO` });
  return { c, start: run([say('ny utlegg')], { welcomed: true, lang, langChosen: true }, c) };
}

function submitOutlay(bad: Record<string, unknown>, lang: 'nb' | 'en' = 'nb') {
  const { c, start } = outlayForm(lang);
  const draftId = start.state.outlay?.id;
  return handleEvent(start.state, act('outlay.submit', { draftId, ...parkingForm, ...bad }), c);
}

const errorsOf = (r: ReturnType<typeof handleEvent>) =>
  (r.replace?.kind === 'card' ? r.replace.data.errors : {}) as Record<string, string>;

describe('a currency off the list', () => {
  it.each(['', 'XX', 'toString', 'nok ', '__proto__'])(
    'currency %j: a field error, and the draft keeps the currency it had',
    (currency) => {
      const r = submitOutlay({ currency }, 'en');
      expect(r.state.outlay?.step).toBe('form');
      expect(errorsOf(r).currency).toMatch(/Choose a currency/);
      expect(r.state.outlay?.fields.currency).toBe('NOK');
      // "mine krav" still answers afterwards.
      const list = handleEvent(r.state, say('my claims'), ctx());
      expect(list.effects).toEqual([{ type: 'listClaims' }]);
    },
  );

  it('formats money in a currency Intl does not know as the figure and the code', () => {
    expect(plainSpaces(formatMoney(12050, 'XX', 'nb'))).toBe('120,50 XX');
    expect(plainSpaces(formatMoney(12050, 'toString', 'en'))).toBe('120.50 toString');
    expect(plainSpaces(formatMoney(12050, 'NOK', 'nb'))).toMatch(/120,50 kr/);
  });
});

describe('data stored before the edge checked it still renders', () => {
  const badOutlay: OutlayDraft = {
    id: 'old-1',
    step: 'review',
    fields: { ...parkingForm, currency: 'toString', kind: 'toString', amount: '120' },
  };
  const badClaim = (currency: string): Claim =>
    ({
      id: 'c1',
      number: 'RR-2026-000001',
      employeeId: 'u1',
      status: 'submitted',
      description: 'Utlegg',
      purpose: 'Kundemøte',
      dimensions: {},
      attachments: [],
      lines: [
        { type: 'outlay', date: '2026-11-23', kind: 'parking', amountMinor: 12000, currency },
      ],
      totals: [{ currency, amountMinor: 12000 }],
      createdAt: '2026-11-24T10:00:00Z',
      updatedAt: '2026-11-24T10:00:00Z',
    }) as unknown as Claim;

  it('"mine krav" lists a claim and a draft whose currency is no currency', () => {
    const state: UserState = { welcomed: true, outlay: badOutlay };
    const asked = handleEvent(state, say('mine krav'), ctx());
    const listed = handleEvent(
      asked.state,
      { type: 'claimsListed', claims: [badClaim('XX'), badClaim('toString')] },
      ctx(),
    );
    expect(JSON.stringify(listed.messages)).toMatch(/120,00 XX/);
  });

  it('the outlay summary, its form and its filing show a stored bad currency and kind', () => {
    const state: UserState = { welcomed: true, outlay: badOutlay };
    const edit = handleEvent(state, act('outlay.edit', { draftId: 'old-1' }), ctx());
    expect(edit.replace?.kind).toBe('card');
    const file = handleEvent(state, act('outlay.file', { draftId: 'old-1' }), ctx());
    // The check refuses it now: the form comes back with the error instead of a filing.
    expect(file.effects).toEqual([]);
    expect(errorsOf(file).currency).toBeDefined();
    const typed = handleEvent(state, say('hjelp'), ctx());
    expect(texts(typed).length + cards(typed).length).toBeGreaterThan(0);
  });
});

describe('over-long inputs are refused at the edge', () => {
  it.each([
    ['merchant', /for langt/],
    ['purpose', /for langt/],
    ['comment', /for lang/],
    ['date', /gyldig dato/],
    ['amount', /beløp/],
  ])('an outlay %s of 400 000 characters: a field error, nothing of it kept', (field, message) => {
    const r = submitOutlay({ [field]: HUGE });
    expect(errorsOf(r)[field]).toMatch(message);
    expect(JSON.stringify(r.state).length).toBeLessThan(5_000);
    expect(JSON.stringify(r.replace).length).toBeLessThan(50_000);
  });

  it('keeps a field at its limit', () => {
    const r = submitOutlay({ merchant: 'm'.repeat(200) });
    expect(r.state.outlay?.fields.merchant).toBe('m'.repeat(200));
    expect(r.state.outlay?.step).toBe('review');
  });

  it('a mileage trip with an over-long place or km', () => {
    const c = ctx();
    const start = run([say('ny køyring')], { welcomed: true }, c);
    const draftId = start.state.mileage?.id;
    const r = handleEvent(
      start.state,
      act('mileage.submit', {
        draftId,
        from: HUGE,
        to: 'Bergen',
        km: '9'.repeat(500),
        purpose: 'Kundemøte',
      }),
      c,
    );
    expect(errorsOf(r).from).toMatch(/maks 200 te/);
    expect(errorsOf(r).km).toMatch(/maks 40 te/);
    expect(JSON.stringify(r.state).length).toBeLessThan(5_000);
    const passenger = handleEvent(
      r.state,
      act('mileage.addPassenger', { draftId, to: HUGE, passengerName: HUGE, passengerKm: '3' }),
      c,
    );
    expect(JSON.stringify(passenger.state).length).toBeLessThan(5_000);
    expect(JSON.stringify(passenger.replace).length).toBeLessThan(50_000);
  });

  it('a travel claim with an over-long destination', () => {
    const c = ctx();
    const start = run([say('ny reise')], { welcomed: true }, c);
    const draftId = start.state.travel?.id;
    const r = handleEvent(start.state, act('travel.submit', { draftId, destination: HUGE }), c);
    expect(errorsOf(r).destination).toMatch(/maks 200 te/);
    expect(JSON.stringify(r.state).length).toBeLessThan(5_000);
  });

  it('a claim of several receipts: an over-long purpose or line field', () => {
    const { state } = threePhotos('samle i ett krav');
    const claim = state.outlayClaim;
    expect(claim).toBeDefined();
    const purpose = handleEvent(
      state,
      act('claim.submit', { draftId: claim?.id, purpose: HUGE }),
      ctx(),
    );
    expect(purpose.state.outlayClaim?.purpose).toBe(claim?.purpose);
    expect(JSON.stringify(purpose.replace)).toMatch(/for langt/);
    const lineId = claim?.lines[0]?.id;
    const line = handleEvent(
      state,
      act('claim.saveLine', { draftId: claim?.id, lineId, merchant: HUGE, currency: 'toString' }),
      ctx(),
    );
    expect(JSON.stringify(line.state).length).toBeLessThan(10_000);
    expect(errorsOf(line).merchant).toMatch(/for langt/);
    expect(errorsOf(line).currency).toMatch(/valuta/);
  });
});
