import { describe, expect, it } from 'vitest';
import { handleEvent } from '../src/conversation/engine.js';
import { ctx, say } from './helpers/engine-driver.js';
import type { UserState } from '../src/conversation/types.js';

// ctx() is 2026-11-24 unless told otherwise.
const after = (state: UserState, text: string, locale?: string) =>
  handleEvent(state, say(text), ctx(locale ? { locale } : {})).state;

describe('a day of the month alone corrects a date, in the month it belongs to', () => {
  const trip = handleEvent(
    { welcomed: true },
    say('eg skal føre reiserekning for kurset i Tromsø frå 28. januar til 30. januar'),
    ctx({ locale: 'nn-NO' }),
  ).state;

  it('"vi kom heim den 2." moves the return into the month after the trip began', () => {
    const fields = after(trip, 'feil, vi kom heim den 2.', 'nn-NO').travel?.fields;
    expect([fields?.departureDate, fields?.returnDate]).toEqual(['2026-01-28', '2026-02-02']);
  });

  it('"we left on the 27th" moves the departure within its month', () => {
    const fields = after(trip, 'no, we left on the 27th', 'en-US').travel?.fields;
    expect([fields?.departureDate, fields?.returnDate]).toEqual(['2026-01-27', '2026-01-30']);
  });

  it('a day with neither leaving nor coming back changes no end of the trip', () => {
    expect(after(trip, 'nei, den 29.', 'nn-NO').travel?.fields).toEqual(trip.travel?.fields);
  });

  const outlay = handleEvent({ welcomed: true }, say('taxi 250 kr i går'), ctx()).state;

  it('"feil dato, det var den 4." dates an outlay on the most recent 4th and keeps its amount', () => {
    const fields = after(outlay, 'feil dato, det var den 4.').outlay?.fields;
    expect([fields?.date, fields?.amount]).toEqual(['2026-11-04', '250']);
  });

  it('a day after today is last month: "wrong date, it was the 28th"', () => {
    expect(after(outlay, 'wrong date, it was the 28th', 'en-US').outlay?.fields.date).toBe(
      '2026-10-28',
    );
  });

  it('without the word "date" a bare figure is still the amount', () => {
    expect(after(outlay, 'nei, det var den 40').outlay?.fields.amount).toBe('40');
  });
});
