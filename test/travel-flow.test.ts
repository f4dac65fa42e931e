import { describe, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { UserState, View } from '../src/conversation/types.js';
import { act, cards, ctx, plainSpaces as nbsp, run, say, texts } from './helpers/engine-driver.js';

const data = (v: View | undefined) => (v?.kind === 'card' ? v.data : {}) as Record<string, unknown>;

const trip = {
  departureDate: '2026-11-23', departureTime: '08:00', returnDate: '2026-11-24', returnTime: '20:00',
  destination: 'Bergen', purpose: 'Kurs i Bergen', over15km: 'true', hotelNights: '1', unreceiptedNights: '0', breakfasts: '0', lunches: '0', dinners: '0',
};

function start(c = ctx(), command = 'ny reise'): { state: UserState; id: string } {
  const r = handleEvent({ welcomed: true }, say(command), c);
  expect(cards(r)[0]?.template).toBe('travel-form');
  return { state: r.state, id: r.state.travel?.id as string };
}

describe('travel claim with per diem', () => {
  it('computes an overnight trip day by day with the 2026 rates (36 h: one døgn + 12 h)', () => {
    const { state, id } = start();
    const r = handleEvent(state, act('travel.submit', { draftId: id, ...trip }), ctx());
    expect(r.state.travel?.step).toBe('review');
    const lines = data(r.replace).lines as Array<{ label: string; amount: string }>;
    // Særavtalen 2026 (src/claims/rates/state-rates.json): overnight døgn 1 012,00; the 12 h after
    // it at the 6–12 h rate 397,00 (DFØ: "fra og med 6 timer til og med 12 timer").
    expect(lines.map((l) => nbsp(l.amount))).toEqual(['1 012,00 kr', '397,00 kr']);
    expect(nbsp(data(r.replace).total)).toBe('1 409,00 kr');
    expect(texts(r)[0]).toMatch(/utlegg på reisen/);
  });

  it('deducts a provided dinner and never goes below zero', () => {
    const { state, id } = start();
    const r = handleEvent(state, act('travel.submit', { draftId: id, ...trip, dinners: '1' }), ctx());
    const lines = data(r.replace).lines as Array<{ label: string; amount: string }>;
    expect(lines.some((l) => /Middag dekket, −50 %/.test(l.label))).toBe(true);
    const all = handleEvent(state, act('travel.submit', { draftId: id, ...trip, breakfasts: '2', lunches: '2', dinners: '2' }), ctx());
    expect(nbsp(data(all.replace).total)).toMatch(/^0,00 kr$|^\d/);
    expect(nbsp(data(all.replace).total)).not.toContain('−');
  });

  it('a trip of 15 km or less gives no per diem and says why', () => {
    const { state, id } = start();
    const r = handleEvent(state, act('travel.submit', { draftId: id, ...trip, over15km: 'false' }), ctx());
    const lines = data(r.replace).lines as Array<{ label: string }>;
    expect(lines.map((l) => l.label).join(' ')).toMatch(/ikke mer enn 15 km/);
  });

  it('field errors: return before departure, too many meals, missing destination', () => {
    const { state, id } = start(ctx({ locale: 'en-US' }), 'new travel');
    const r = handleEvent(state, act('travel.submit', { draftId: id, ...trip, returnDate: '2026-11-22', destination: '', lunches: '5' }), ctx({ locale: 'en-US' }));
    const errors = data(r.replace).errors as Record<string, string>;
    expect(errors.destination).toBe('Enter where you travelled to.');
    expect(errors.lunches).toMatch(/At most one a day/);
  });

  it('gathers an outlay and mileage into the same claim and files it once', () => {
    const c = ctx({ locale: 'nn-NO' });
    const { state, id } = start(c);
    let s = handleEvent(state, act('travel.submit', { draftId: id, ...trip }), c).state;
    // A hotel on receipt typed in the chat goes onto the travel claim.
    const hotel = handleEvent(s, say('hotell 1 290 kr'), c);
    expect(cards(hotel)[0]?.data.labels).toMatchObject({ file: 'Legg til på kravet' });
    s = handleEvent(hotel.state, act('outlay.file', { draftId: hotel.state.outlay?.id }), c).state;
    expect(s.travel?.outlays.map((o) => o.amountMinor)).toEqual([129000]);
    // Mileage to the airport, computed in the mileage flow, also lands on the claim.
    const m = handleEvent(s, act('travel.addMileage', { draftId: id }), c);
    const mid = m.state.mileage?.id;
    const mm = handleEvent(m.state, act('mileage.submit', { draftId: mid, date: '2026-11-23', from: 'Heime', to: 'Flesland', km: '20', purpose: 'Kurs i Bergen', trailerKm: '', forestRoadKm: '' }), c);
    const added = handleEvent(mm.state, act('mileage.file', { draftId: mid }), c);
    expect(added.effects).toEqual([]);
    expect(added.state.travel?.mileage?.amountMinor).toBe(10600);
    const filing = handleEvent(added.state, act('travel.file', { draftId: id }), c);
    const claim = (filing.effects[0] as { claim: NewClaim }).claim;
    expect(claim.lines.map((l) => l.type)).toEqual(['perDiem', 'mileage', 'outlay']);
    expect(claim.lines.reduce((a, l) => a + l.amountMinor, 0)).toBe(140900 + 10600 + 129000);
    const second = handleEvent(filing.state, act('travel.file', { draftId: id }), c);
    expect(second.effects).toEqual([]);
  });
});
