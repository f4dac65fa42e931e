import { describe, expect, it } from 'vitest';
import { ctx, run, say, texts } from './helpers/engine-driver.js';
import type { TurnResult } from '../src/conversation/types.js';

// ctx() is 2026-11-24.
describe('a date that cannot be used is said so, never silently replaced by today', () => {
  it('"lunsj 250 kr 31.02": today, marked to check, and the user told how to correct it', () => {
    const { state, last } = run([say('lunsj 250 kr 31.02')]);
    expect(state.outlay?.fields.date).toBe('2026-11-24');
    expect(state.outlay?.check).toEqual(['date']);
    expect(texts(last).join(' ')).toMatch(/Datoen du skrev kunne jeg ikke bruke.*feil dato/);
  });

  it('"hotel 1200 NOK tomorrow" in English, then "wrong date, it was 20.11" clears the mark', () => {
    const { state, results } = run(
      [say('hotel 1200 NOK tomorrow'), say('wrong date, it was 20.11')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(texts(results[0] as TurnResult).join(' ')).toMatch(/could not use the date/);
    expect(state.outlay?.fields.date).toBe('2026-11-20');
    expect(state.outlay?.check ?? []).toEqual([]);
  });

  it('decimals and times are no dates (nynorsk)', () => {
    for (const text of ['lunsj 12.50', 'bompengar 45 kr kl 10.05', 'parkering 120 kr 24.11']) {
      const { state, last } = run([say(text)], { welcomed: true }, ctx({ locale: 'nn-NO' }));
      expect(state.outlay?.check ?? [], text).toEqual([]);
      expect(texts(last).join(' '), text).not.toMatch(/Datoen du skreiv/);
    }
  });
});
