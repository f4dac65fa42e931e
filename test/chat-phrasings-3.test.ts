/**
 * The third round of what employees type (eval/chat-own/cases-3): a weekday said beside the date
 * it names, a day of this month ("den 3.", "the 3rd"), days counted back ("for to dager siden"),
 * "yday", arrows between places, the draft named in a cancel ("avbryt kjøringen"), an "oops"
 * before a command, a longer "how are you", "did … approve" about one's own claim, and a trip
 * ("reise til …") with its days. The sentences are the project's own, in bokmål, nynorsk and
 * English. Today is Sunday 6 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { findDate, isoOf, parseIsoDay } from '../src/text/typed-date.js';
import { foldInPlace, normaliseTypography } from '../src/text/fold.js';
import { ctx, run, say } from './helpers/engine-driver.js';

const TODAY = '2026-12-06';
const fresh = { today: TODAY };
const outlayOf = (u: Understanding) => (u.intent === 'newOutlay' ? u.outlay : undefined);
const tripOf = (u: Understanding) => (u.intent === 'newMileage' ? u.trip : undefined);
const dateIn = (text: string) => {
  const found = findDate(foldInPlace(normaliseTypography(text)), parseIsoDay(TODAY) ?? 0);
  return found && isoOf(found.day);
};

describe('a weekday beside a date: the date says which day', () => {
  it.each([
    ['bussbillett 64 kr tirsdag 24. november', '2026-11-24', 6400],
    ['hotell laurdag 28.11 1 320 kr', '2026-11-28', 132000],
    ['parking 70 NOK on Wed 25 Nov', '2026-11-25', 7000],
    ['dinner Friday, 20 November 2026, 540 NOK', '2026-11-20', 54000],
  ])('"%s" is dated %s', (text, date, amountMinor) => {
    expect(outlayOf(understand(text, fresh))).toMatchObject({ date, amountMinor });
  });

  it('a mileage trip on "torsdag 26.11" is on 26 November, not the last Thursday', () => {
    const trip = tripOf(understand('kjørte 48 km til Ski torsdag 26.11', fresh));
    expect(trip).toMatchObject({ km: 48, date: '2026-11-26' });
  });

  it('a weekday alone is still the last such day', () => {
    expect(dateIn('ferje 90 kr torsdag')).toBe('2026-12-03');
  });
});

describe('a day of this month, and days counted back', () => {
  it.each([
    ['bom den 2. 38 kr', '2026-12-02'],
    ['parkering den 28. 40 kr', '2026-11-28'],
    ['taxi on the 1st, 260 NOK', '2026-12-01'],
    ['hotel on the 30th, NOK 990', '2026-11-30'],
  ])('"%s" is dated %s', (text, date) => {
    expect(outlayOf(understand(text, fresh))?.date).toBe(date);
  });

  it('"den 3. desember" and "the 2nd of November" keep their month', () => {
    expect(dateIn('lunsj den 3. desember')).toBe('2026-12-03');
    expect(dateIn('lunch on the 2nd of November')).toBe('2026-11-02');
  });

  it('"den 4.12" is the date 4.12, not the 4th and a stray figure', () => {
    expect(dateIn('tog den 4.12')).toBe('2026-12-04');
  });

  it.each([
    ['taxi 300 kr for tre dager siden', '2026-12-03'],
    ['ferje 140 kr for 2 dagar sidan', '2026-12-04'],
    ['lunch 180 NOK 4 days ago', '2026-12-02'],
    ['parking 55 NOK yday', '2026-12-05'],
  ])('"%s" is dated %s', (text, date) => {
    expect(outlayOf(understand(text, fresh))?.date).toBe(date);
  });

  it('"mange dager siden" names no number of days', () => {
    expect(dateIn('for mange dager siden')).toBeUndefined();
  });
});

describe('arrows between places are a route', () => {
  it.each([
    ['kjørte Hamar → Elverum i går, 32 km', 'Hamar', 'Elverum'],
    ['køyrde Leikanger -> Sogndal 24 km i dag', 'Leikanger', 'Sogndal'],
    ['drove Moss => Halden yesterday, 45 km', 'Moss', 'Halden'],
  ])('"%s" goes from %s to %s', (text, from, to) => {
    expect(tripOf(understand(text, fresh))).toMatchObject({ from, to });
  });
});

describe('cancel and undo: the draft named, an "oops" first', () => {
  it.each([
    'avbryt kjøringen',
    'avbryt køyringa',
    'slett reisen',
    'forkast reiserekninga',
    'cancel the mileage claim',
    'oi, avbryt',
  ])('"%s" cancels', (text) => {
    expect(parseCommand(text)).toMatchObject({ name: 'cancel' });
  });

  it.each(['oops, undo', 'ups, angre', 'beklager, angre det'])('"%s" undoes', (text) => {
    expect(parseCommand(text)).toEqual({ name: 'undo' });
  });

  it('"avbryt kjøringen" while a mileage claim waits for its purpose cancels it', () => {
    const r = run(
      [say('kjørte 25 km til Lysaker i dag'), say('avbryt kjøringen')],
      undefined,
      ctx({ today: TODAY }),
    );
    expect(r.state.mileage).toBeUndefined();
  });
});

describe('small talk, claims questions and trips', () => {
  it('"hvordan går det med deg i dag?" is a greeting', () => {
    expect(understand('hvordan går det med deg i dag?', fresh)).toEqual({
      intent: 'command',
      command: { name: 'greeting' },
    });
  });

  it.each([
    'did my manager approve the hotel claim?',
    'har sjefen godkjent kravet mitt?',
    'did they reject my mileage claim?',
  ])('"%s" asks about the user\'s own claim', (text) => {
    expect(understand(text, fresh).intent).toBe('claimsQuestion');
  });

  it('"how do I approve a claim?" stays with the guide', () => {
    expect(understand('how do I approve a claim?', fresh).intent).toBe('help');
  });

  it('"reise til Hamar fra 1.12 til 3.12" is a travel claim with its days', () => {
    expect(understand('reise til Hamar fra 1.12 til 3.12', fresh)).toEqual({
      intent: 'newTravel',
      travel: { destination: 'Hamar', departureDate: '2026-12-01', returnDate: '2026-12-03' },
    });
  });

  it('a nynorsk trip said the same way is one too', () => {
    const u = understand('reisa til Førde frå 30.11 til 2.12', fresh);
    expect(u).toMatchObject({ intent: 'newTravel', travel: { destination: 'Førde' } });
  });
});

describe('the run of a conversation', () => {
  it('an outlay on "fredag den 27." is dated that day in nynorsk too', () => {
    const nn = ctx({ locale: 'nn-NO', today: TODAY });
    const r = run([say('parkering fredag den 27. 85 kr')], undefined, nn);
    expect(r.state.outlay?.fields).toMatchObject({ amount: '85', date: '2026-11-27' });
  });
});
