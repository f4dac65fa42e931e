import { describe, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import { formatDay } from '../src/conversation/card-views.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { UserState, View } from '../src/conversation/types.js';
import { act, cards, ctx, plainSpaces as nbsp, say, texts } from './helpers/engine-driver.js';

const data = (v: View | undefined): Record<string, unknown> => (v?.kind === 'card' ? v.data : {});

const trip = {
  departureDate: '2026-11-23',
  departureTime: '08:00',
  returnDate: '2026-11-24',
  returnTime: '20:00',
  destination: 'Bergen',
  purpose: 'Kurs i Bergen',
  over15km: 'true',
  hotelNights: '1',
  unreceiptedNights: '0',
  breakfasts: '0',
  lunches: '0',
  dinners: '0',
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
    const r = handleEvent(
      state,
      act('travel.submit', { draftId: id, ...trip, dinners: '1' }),
      ctx(),
    );
    const lines = data(r.replace).lines as Array<{ label: string; amount: string }>;
    expect(lines.some((l) => /Middag dekket, −50 %/.test(l.label))).toBe(true);
    const all = handleEvent(
      state,
      act('travel.submit', { draftId: id, ...trip, breakfasts: '2', lunches: '2', dinners: '2' }),
      ctx(),
    );
    expect(nbsp(data(all.replace).total)).toMatch(/^0,00 kr$|^\d/);
    expect(nbsp(data(all.replace).total)).not.toContain('−');
  });

  it('a trip of 15 km or less gives no per diem and says why', () => {
    const { state, id } = start();
    const r = handleEvent(
      state,
      act('travel.submit', { draftId: id, ...trip, over15km: 'false' }),
      ctx(),
    );
    const lines = data(r.replace).lines as Array<{ label: string }>;
    expect(lines.map((l) => l.label).join(' ')).toMatch(/ikke mer enn 15 km/);
  });

  it('field errors: return before departure, too many meals, missing destination', () => {
    const { state, id } = start(ctx({ locale: 'en-US' }), 'new travel');
    const r = handleEvent(
      state,
      act('travel.submit', { draftId: id, ...trip, returnDate: '2026-11-22', destination: '' }),
      ctx({ locale: 'en-US' }),
    );
    const errors = data(r.replace).errors as Record<string, string>;
    expect(errors.destination).toBe('Enter where you travelled to.');
    expect(errors.returnDate).toBe('The return must be after the departure.');
    const meals = handleEvent(
      r.state,
      act('travel.submit', { draftId: id, ...trip, lunches: '5' }),
      ctx({ locale: 'en-US' }),
    );
    expect((data(meals.replace).errors as Record<string, string>).lunches).toBe(
      'At most one a day: the trip spans 2 calendar days.',
    );
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
    const mm = handleEvent(
      m.state,
      act('mileage.submit', {
        draftId: mid,
        date: '2026-11-23',
        from: 'Heime',
        to: 'Flesland',
        km: '20',
        purpose: 'Kurs i Bergen',
        trailerKm: '',
        forestRoadKm: '',
      }),
      c,
    );
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

describe('meals provided, per date on a trip over several days', () => {
  type Line = { label: string; amount: string };
  const lines = (v: View | undefined) =>
    (data(v).lines as Line[]).map((l) => [l.label, nbsp(l.amount)]);
  const errorsOf = (v: View | undefined) => data(v).errors as Record<string, string>;
  const fieldsOf = (v: View | undefined) => data(v).fields as Record<string, string>;
  const day = (iso: string, lang: 'nb' | 'nn' | 'en' = 'nb') => formatDay(lang, iso);
  /** Mon 2 Nov 08:00 to Wed 4 Nov 18:00 2026, two hotel nights: three calendar dates. */
  const threeDays = {
    ...trip,
    departureDate: '2026-11-02',
    departureTime: '08:00',
    returnDate: '2026-11-04',
    returnTime: '18:00',
    destination: 'Trondheim',
    purpose: 'Fagsamling i Trondheim',
    hotelNights: '2',
  };
  const noMeals = { breakfasts: '0', lunches: '0', dinners: '0' };

  it('hotel breakfast on two mornings and a dinner on the first evening: each deducted from its own day’s rate, then filed', () => {
    const { state, id } = start();
    // The form opens before the dates are known, as a one-day trip: meals as counts.
    expect(
      data(cards(handleEvent({ welcomed: true }, say('ny reise'), ctx()))[0]).meals,
    ).toMatchObject({ perDate: false });
    const review = handleEvent(
      state,
      act('travel.submit', { draftId: id, ...threeDays, ...noMeals }),
      ctx(),
    );
    expect(review.state.travel?.step).toBe('review');
    // Edit now offers each meal as the trip's three dates to tick.
    const form = handleEvent(review.state, act('travel.edit', { draftId: id }), ctx());
    expect(form.replace).toMatchObject({ template: 'travel-form' });
    expect(data(form.replace).meals).toMatchObject({
      perDate: true,
      style: 'expanded',
      choices: [
        { value: '2026-11-02', title: day('2026-11-02') },
        { value: '2026-11-03', title: day('2026-11-03') },
        { value: '2026-11-04', title: day('2026-11-04') },
      ],
    });
    // Teams sends a multi-select as "a,b" and leaves out one with nothing ticked (lunches here).
    const { lunches: _none, ...ticked } = {
      ...threeDays,
      breakfasts: '2026-11-03,2026-11-04',
      dinners: '2026-11-02',
    };
    const r = handleEvent(form.state, act('travel.submit', { draftId: id, ...ticked }), ctx());
    expect(r.state.travel?.step).toBe('review');
    // 2026 rates (src/claims/rates/state-rates.json): overnight døgn 1 012,00, 6–12 h 397,00; meals
    // deducted at breakfast 20 %, dinner 50 % of the rate the døgn is paid at (basis "paidRate").
    // 58 h from Mon 08:00 = two whole døgn + 10 h; each meal counts where its time falls
    // (breakfast 08:00, dinner 18:00):
    //   døgn 1, 02.11 08:00–03.11 08:00, overnight  1 012,00; dinner 2 Nov:     − 506,00 (50 % of 1 012) =   506,00
    //   døgn 2, 03.11 08:00–04.11 08:00, overnight  1 012,00; breakfast 3 Nov:  − 202,40 (20 % of 1 012) =   809,60
    //   rest,   04.11 08:00–18:00, 10 h, 6–12 h       397,00; breakfast 4 Nov:  −  79,40 (20 % of 397)   =   317,60
    //   total                                                                                               1 633,20
    expect(lines(r.replace)).toEqual([
      ['Døgn 02.11 08:00–03.11 08:00, med overnatting', '1 012,00 kr'],
      [`Middag dekket, −50 % (${day('2026-11-02')})`, '−506,00 kr'],
      ['Døgn 03.11 08:00–04.11 08:00, med overnatting', '1 012,00 kr'],
      [`Frokost dekket, −20 % (${day('2026-11-03')})`, '−202,40 kr'],
      ['Døgn 04.11 08:00–04.11 18:00, 6–12 timer', '397,00 kr'],
      [`Frokost dekket, −20 % (${day('2026-11-04')})`, '−79,40 kr'],
    ]);
    expect(nbsp(data(r.replace).total)).toBe('1 633,20 kr');
    expect(data(r.replace).note).toBe('');
    const filing = handleEvent(r.state, act('travel.file', { draftId: id }), ctx());
    const claim = (filing.effects[0] as { claim: NewClaim }).claim;
    expect(claim.lines[0]).toMatchObject({ type: 'perDiem', amountMinor: 163320 });
  });

  it('takes the dates as an array too, from clients that send a multi-select that way', () => {
    const { state, id } = start();
    const r = handleEvent(
      state,
      act('travel.submit', {
        draftId: id,
        ...threeDays,
        breakfasts: ['2026-11-03', '2026-11-04'],
        lunches: [],
        dinners: ['2026-11-02'],
      }),
      ctx(),
    );
    expect(nbsp(data(r.replace).total)).toBe('1 633,20 kr');
  });

  it('counts on a trip over several days are placed on dates the review names, and Edit ticks them to correct', () => {
    const { state, id } = start();
    const r = handleEvent(
      state,
      act('travel.submit', {
        draftId: id,
        ...threeDays,
        breakfasts: '2',
        lunches: '0',
        dinners: '1',
      }),
      ctx(),
    );
    // Breakfasts go on the mornings after the hotel nights, the dinner on the first evening: the
    // same dates as ticked above, so the same 1 633,20 kr.
    expect(
      lines(r.replace)
        .filter(([label]) => /dekket/.test(label!))
        .map(([label]) => label),
    ).toEqual([
      `Middag dekket, −50 % (${day('2026-11-02')})`,
      `Frokost dekket, −20 % (${day('2026-11-03')})`,
      `Frokost dekket, −20 % (${day('2026-11-04')})`,
    ]);
    expect(nbsp(data(r.replace).total)).toBe('1 633,20 kr');
    expect(data(r.replace).note).toBe(
      'Måltidene du oppga som antall, er ført på datoene over. Stemmer ikke en dato, velg «Endre» og kryss av for riktige dager.',
    );

    const form = handleEvent(r.state, act('travel.edit', { draftId: id }), ctx());
    expect(fieldsOf(form.replace)).toMatchObject({
      breakfasts: '2026-11-03,2026-11-04',
      lunches: '',
      dinners: '2026-11-02',
    });
    // The dinner was on the second evening, and only one hotel breakfast was included.
    const fixed = handleEvent(
      form.state,
      act('travel.submit', {
        draftId: id,
        ...threeDays,
        breakfasts: '2026-11-03',
        dinners: '2026-11-03',
      }),
      ctx(),
    );
    // Døgn 1: 1 012,00; døgn 2: 1 012,00 − 202,40 (breakfast 3 Nov) − 506,00 (dinner 3 Nov, 18:00) = 303,60;
    // the 10 h rest: 397,00. Total 1 712,60.
    expect(nbsp(data(fixed.replace).total)).toBe('1 712,60 kr');
    expect(data(fixed.replace).note).toBe('');
  });

  it('unticking every date of a meal removes it, though Teams sends nothing for that input', () => {
    const { state, id } = start();
    const ticked = handleEvent(
      state,
      act('travel.submit', {
        draftId: id,
        ...threeDays,
        breakfasts: '2026-11-03',
        lunches: '',
        dinners: '',
      }),
      ctx(),
    );
    expect(lines(ticked.replace).some(([label]) => /Frokost/.test(label!))).toBe(true);
    const { breakfasts: _b, lunches: _l, dinners: _d, ...withoutMeals } = threeDays;
    const edit = handleEvent(ticked.state, act('travel.edit', { draftId: id }), ctx());
    const r = handleEvent(
      edit.state,
      act('travel.submit', { draftId: id, ...withoutMeals }),
      ctx(),
    );
    expect(lines(r.replace).some(([label]) => /dekket/.test(label!))).toBe(false);
    expect(nbsp(data(r.replace).total)).toBe('2 421,00 kr'); // 1 012 + 1 012 + 397
  });

  it.each([
    [
      'nb-NO',
      'ny reise',
      'nb',
      `${formatDay('nb', '2026-11-05')} er utenfor reisen (${formatDay('nb', '2026-11-02')} – ${formatDay('nb', '2026-11-04')}). Fjern krysset, eller endre datoene for reisen.`,
    ],
    [
      'nn-NO',
      'ny reise',
      'nn',
      `${formatDay('nn', '2026-11-05')} er utanfor reisa (${formatDay('nn', '2026-11-02')} – ${formatDay('nn', '2026-11-04')}). Fjern krysset, eller endre datoane for reisa.`,
    ],
    [
      'en-GB',
      'new travel',
      'en',
      "Outside the trip (Mon 2 Nov – Wed 4 Nov): Thu 5 Nov. Untick it, or change the trip's dates.",
    ],
  ] as const)(
    'a meal date outside the trip is refused on the card (%s), and nothing typed is lost',
    (locale, command, _lang, message) => {
      const c = ctx({ locale });
      const { state, id } = start(c, command);
      // E.g. the return was moved a day earlier after the Thursday was ticked.
      const r = handleEvent(
        state,
        act('travel.submit', {
          draftId: id,
          ...threeDays,
          breakfasts: '2026-11-03,2026-11-05',
          lunches: '',
          dinners: '2026-11-02',
        }),
        c,
      );
      expect(r.state.travel?.step).toBe('form');
      expect(r.replace).toMatchObject({ template: 'travel-form' });
      expect(errorsOf(r.replace).breakfasts).toBe(message);
      expect(errorsOf(r.replace).dinners).toBe('');
      // Everything stays as typed, and the stray Thursday stays visible, ticked, to untick.
      expect(fieldsOf(r.replace)).toMatchObject({
        destination: 'Trondheim',
        purpose: 'Fagsamling i Trondheim',
        breakfasts: '2026-11-03,2026-11-05',
        dinners: '2026-11-02',
      });
      expect(
        (data(r.replace).meals as { choices: Array<{ value: string }> }).choices.map(
          (ch) => ch.value,
        ),
      ).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    },
  );

  it('a value that is no date is refused with the value named', () => {
    const c = ctx({ locale: 'en-GB' });
    const { state, id } = start(c, 'new travel');
    const r = handleEvent(
      state,
      act('travel.submit', {
        draftId: id,
        ...threeDays,
        breakfasts: '2026-11-03,3 Nov',
        lunches: '2026-02-30',
        dinners: '',
      }),
      c,
    );
    expect(errorsOf(r.replace).breakfasts).toBe(
      '"3 Nov" is not a date. Tick the days in the list.',
    );
    expect(errorsOf(r.replace).lunches).toBe(
      '"2026-02-30" is not a date. Tick the days in the list.',
    );
    expect(fieldsOf(r.replace).breakfasts).toBe('2026-11-03');
  });

  it('a one-day trip keeps the meals as counts', () => {
    const { state, id } = start();
    const oneDay = {
      ...trip,
      returnDate: '2026-11-23',
      returnTime: '18:00',
      hotelNights: '0',
      breakfasts: '0',
      lunches: '1',
      dinners: '0',
    };
    const r = handleEvent(state, act('travel.submit', { draftId: id, ...oneDay }), ctx());
    // 10 h at the 2026 6–12 h rate 397,00, less lunch 30 % = 119,10: 277,90.
    expect(lines(r.replace)).toEqual([
      ['Døgn 23.11 08:00–23.11 18:00, 6–12 timer', '397,00 kr'],
      [`Lunsj dekket, −30 % (${day('2026-11-23')})`, '−119,10 kr'],
    ]);
    expect(data(r.replace).note).toBe('');
    const form = handleEvent(r.state, act('travel.edit', { draftId: id }), ctx());
    expect(data(form.replace).meals).toMatchObject({ perDate: false });
    expect(data(form.replace).numbers).toMatchObject({ breakfasts: 0, lunches: 1, dinners: 0 });
    const two = handleEvent(
      form.state,
      act('travel.submit', { draftId: id, ...oneDay, lunches: '2' }),
      ctx(),
    );
    expect(errorsOf(two.replace).lunches).toBe('Høyst ett på en endagsreise.');
  });
});

describe('a reviewed trip corrected in words', () => {
  it('"nei, vi kom hjem onsdag" moves the return day and computes the trip again', () => {
    const { state, id } = start();
    const reviewed = handleEvent(state, act('travel.submit', { draftId: id, ...trip }), ctx());
    expect(reviewed.state.travel?.step).toBe('review');
    const r = handleEvent(
      reviewed.state,
      say('nei, vi kom hjem onsdag'),
      ctx({ today: '2026-11-26' }),
    );
    expect(r.state.travel?.fields).toMatchObject({
      departureDate: '2026-11-23',
      returnDate: '2026-11-25',
    });
    expect(r.state.travel?.step).toBe('review');
    // Three days now, not 36 hours: more than the 1 409,00 kr of the trip as first submitted.
    const shown = cards(r).find((v) => v.kind === 'card');
    expect(
      Number(
        nbsp(data(shown).total)
          .replace(/[^\d,]/g, '')
          .replace(',', '.'),
      ),
    ).toBeGreaterThan(1409);
  });
});
