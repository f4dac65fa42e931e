import { describe, expect, it } from 'vitest';
import { handleEvent } from '../src/conversation/engine.js';
import type { TurnResult, View } from '../src/conversation/types.js';
import { act, cards, ctx, plainSpaces as nbsp, run, say, texts } from './helpers/engine-driver.js';
import type { Claim, NewClaim } from '../src/claims/claim.js';

const lines = (v: View | undefined) =>
  v?.kind === 'card' ? (v.data.lines as Array<{ label: string; amount: string }>) : [];

describe('mileage from free text', () => {
  it('"kjørte 120 km til Drammen i går med Kari" computes the 2026 amount with the passenger and asks the purpose', () => {
    const r = handleEvent(
      { welcomed: true },
      say('kjørte 120 km til Drammen i går med Kari'),
      ctx(),
    );
    expect(r.state.mileage).toMatchObject({
      fields: { km: '120', to: 'Drammen', date: '2026-11-23' },
      passengers: [{ name: 'Kari', km: 120 }],
    });
    const card = cards(r)[0];
    expect(card?.template).toBe('trip-summary');
    // 120 km × 5,30 = 636,00; Kari 120 km × 1,00 = 120,00 (særavtale 2026, src/claims/rates/state-rates.json)
    expect(lines(card).map((l) => nbsp(`${l.label} = ${l.amount}`))).toEqual([
      'Bil, 120 km × 5,30 kr = 636,00 kr',
      'Passasjer Kari, 120 km × 1,00 kr = 120,00 kr',
    ]);
    expect(nbsp(String(card?.data.total))).toBe('756,00 kr');
    // Where the trip started is asked first, the purpose last.
    expect(texts(r)).toContain('Hvor startet turen? Skriv for eksempel «kontoret» eller «hjemme».');
  });

  it('a round trip without a distance: the form says to enter both ways, in each language', () => {
    const intro = (text: string, locale?: string) =>
      String(
        cards(handleEvent({ welcomed: true }, say(text), ctx(locale ? { locale } : {})))[0]?.data
          .intro,
      );
    expect(intro('kjorte Drammen–Kongsberg t/r i går')).toMatch(/hele turen, begge veier/);
    expect(intro('køyrde til Gol og tilbake', 'nn-NO')).toMatch(/heile turen, begge vegar/);
    expect(intro('drove to Asker and back on Monday', 'en-US')).toMatch(/both ways/);
    expect(intro('kjørte Drammen–Kongsberg i går')).not.toMatch(/begge veier/);
  });

  it('from missing: the bot asks where the trip started, "kontoret" fills it, then the purpose', () => {
    const { state, results } = run([
      say('kjørte 120 km til Drammen i går'),
      say('kontoret'),
      say('Kundemøte'),
    ]);
    expect(texts(results[1] as TurnResult)).toContain(
      'Hva var formålet med turen? Skriv det her i chatten.',
    );
    expect(state.mileage?.fields).toMatchObject({ from: 'Kontoret', purpose: 'Kundemøte' });
    expect(state.mileage?.step).toBe('review');
  });

  it('asked where it started, a purpose typed instead is the purpose, and the place is asked again', () => {
    const { state, last } = run([
      say('kjørte 120 km til Drammen i går'),
      say('kundemøte hos Equinor'),
    ]);
    expect(state.mileage?.fields).toMatchObject({ from: '', purpose: 'kundemøte hos Equinor' });
    expect(texts(last)).toContain(
      'Hvor startet turen? Skriv for eksempel «kontoret» eller «hjemme».',
    );
  });

  it('no place and no km, in nynorsk: km first, then both ends in one answer', () => {
    const { state, results } = run(
      [say('køyrde i dag'), say('køyrde 40 km i dag'), say('frå kontoret til Voss'), say('kurs')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(texts(results[1] as TurnResult).join(' ')).toMatch(/Kvar køyrde du frå og til\?/);
    expect(state.mileage?.fields).toMatchObject({ from: 'Kontoret', to: 'Voss', km: '40' });
    expect(state.mileage?.step).toBe('review');
  });

  it('the km asked for in English: "about 48" fills it', () => {
    const { state, results } = run(
      [say('drove from the office to the airport yesterday'), say('about 48')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(texts(results[0] as TurnResult).join(' ')).toMatch(
      /How many kilometres did you drive\?/,
    );
    expect(state.mileage?.fields.km).toBe('48');
  });

  it('files a mileage claim with a toll on the same claim, in English', () => {
    const c = ctx({ locale: 'en-US' });
    const { state, results, last } = run(
      [say('drove 45 km from Oslo to Asker yesterday'), say('Customer meeting'), say('toll 45 kr')],
      { welcomed: true },
      c,
    );
    expect(texts(results[1] as TurnResult).join(' ')).toMatch(/tolls, parking or ferries/);
    // The toll gets the trip's purpose and goes straight to its summary, to be added to the claim.
    expect(cards(last)[0]?.data.labels).toMatchObject({ file: 'Add to the claim' });
    const outlayId = state.outlay?.id;
    const added = handleEvent(state, act('outlay.file', { draftId: outlayId }), c);
    expect(added.state.outlay).toBeUndefined();
    expect(added.state.mileage?.outlays).toHaveLength(1);
    const summary = cards(added).find((v) => v.template === 'trip-summary');
    // 45 km × 5,30 = 238,50 + toll 45,00 = 283,50
    expect(nbsp(String(summary?.data.total))).toBe('NOK 283.50');
    const filing = handleEvent(
      added.state,
      act('mileage.file', { draftId: added.state.mileage?.id }),
      c,
    );
    const effect = filing.effects[0] as { type: string; claim: NewClaim };
    expect(effect.type).toBe('fileClaim');
    expect(effect.claim.lines.map((l) => [l.type, l.amountMinor])).toEqual([
      ['mileage', 23850],
      ['outlay', 4500],
    ]);
    expect(effect.claim.lines[0]).toMatchObject({
      from: 'Oslo',
      to: 'Asker',
      km: 45,
      taxFreeMinor: 15750,
      taxableMinor: 8100,
    });
    const claim = {
      number: 'RR-2026-000009',
      totals: [{ currency: 'NOK', amountMinor: 28350 }],
    } as Claim;
    const done = handleEvent(
      filing.state,
      { type: 'filed', draftId: added.state.mileage?.id as string, claim },
      c,
    );
    expect(texts(done)[0]).toMatch(
      /^Done! Your claim is filed as \*\*RR-2026-000009\*\* \(NOK\s283\.50\)/,
    );
    expect(done.state.mileage).toBeUndefined();
    const again = handleEvent(
      done.state,
      act('mileage.file', { draftId: added.state.mileage?.id }),
      c,
    );
    expect(again.effects).toEqual([]);
    expect(texts(again)[0]).toMatch(/already filed as \*\*RR-2026-000009\*\*/);
  });
});

describe('the mileage form, in nynorsk', () => {
  const c = ctx({ locale: 'nn-NO' });
  const form = {
    date: '2025-06-02',
    from: 'Bergen',
    to: 'Voss',
    km: '100',
    purpose: 'Kurs',
    trailerKm: '',
    forestRoadKm: '10',
  };

  it('adds passengers one at a time and rejects one who rode further than the trip', () => {
    const start = run([say('ny køyring')], { welcomed: true }, c);
    expect(cards(start.last)[0]?.template).toBe('mileage-form');
    const id = start.state.mileage?.id;
    const one = handleEvent(
      start.state,
      act('mileage.addPassenger', { draftId: id, ...form, passengerName: 'KN', passengerKm: '60' }),
      c,
    );
    expect(one.state.mileage?.passengers).toEqual([{ name: 'KN', km: 60 }]);
    const tooFar = handleEvent(
      one.state,
      act('mileage.addPassenger', {
        draftId: id,
        ...form,
        passengerName: 'OL',
        passengerKm: '150',
      }),
      c,
    );
    expect(tooFar.state.mileage?.passengers).toHaveLength(1);
    const errors =
      tooFar.replace?.kind === 'card' ? (tooFar.replace.data.errors as Record<string, string>) : {};
    expect(errors.passengerKm).toBe('Ein passasjer kan ikkje vere med lenger enn turen.');
    const removed = handleEvent(
      one.state,
      act('mileage.removePassenger', { draftId: id, ...form, index: '0' }),
      c,
    );
    expect(removed.state.mileage?.passengers).toEqual([]);
  });

  it('a passenger named before the distance is known rides the whole trip the form then gives', () => {
    const start = run(
      [say('køyrde Hamar - Gjøvik tur/retur i går, Ola sat på')],
      { welcomed: true },
      c,
    );
    const id = start.state.mileage?.id;
    const formCard = cards(start.last)[0];
    expect(formCard?.template).toBe('mileage-form');
    expect(JSON.stringify(formCard?.data.passengers)).toMatch(/Ola: heile turen/);
    const r = handleEvent(
      start.state,
      act('mileage.submit', {
        draftId: id,
        ...form,
        from: 'Hamar',
        to: 'Gjøvik',
        forestRoadKm: '',
      }),
      c,
    );
    expect(r.state.mileage?.step).toBe('review');
    // 2025: 100 km × 5,00 = 500; Ola the whole 100 km × 1,00 = 100.
    expect(lines(r.replace).map((l) => nbsp(l.amount))).toEqual(['500,00 kr', '100,00 kr']);
  });

  it('reviews with the 2025 rates, the forest-road supplement and the tax split', () => {
    const start = run([say('ny køyring')], { welcomed: true }, c);
    const id = start.state.mileage?.id;
    const one = handleEvent(
      start.state,
      act('mileage.addPassenger', { draftId: id, ...form, passengerName: 'KN', passengerKm: '60' }),
      c,
    );
    const r = handleEvent(one.state, act('mileage.submit', { draftId: id, ...form }), c);
    expect(r.state.mileage?.step).toBe('review');
    // 2025: 100 km × 5,00 = 500; KN 60 × 1,00 = 60; forest road 10 × 1,00 = 10 → 570,00.
    expect(lines(r.replace).map((l) => nbsp(l.amount))).toEqual([
      '500,00 kr',
      '60,00 kr',
      '10,00 kr',
    ]);
    expect(nbsp(String(r.replace?.kind === 'card' && r.replace.data.total))).toBe('570,00 kr');
    expect(String(r.replace?.kind === 'card' && r.replace.data.taxNote)).toMatch(/skattefritt/);
  });

  it('a date outside the known rate years is a clear error on the card', () => {
    const start = run([say('ny køyring')], { welcomed: true }, c);
    const r = handleEvent(
      start.state,
      act('mileage.submit', { draftId: start.state.mileage?.id, ...form, date: '2024-06-01' }),
      c,
    );
    const errors =
      r.replace?.kind === 'card' ? (r.replace.data.errors as Record<string, string>) : {};
    expect(errors.date).toMatch(/2025, 2026/);
  });

  it('cancel turns the summary read-only; a group chat does not start a mileage claim', () => {
    const start = run([say('ny køyring')], { welcomed: true }, c);
    const r = handleEvent(
      start.state,
      act('mileage.cancel', { draftId: start.state.mileage?.id }),
      c,
    );
    expect(r.state.mileage).toBeUndefined();
    const group = handleEvent({}, say('kjørte 40 km til Drammen'), ctx({ scope: 'groupChat' }));
    expect(group.state.mileage).toBeUndefined();
  });
});
