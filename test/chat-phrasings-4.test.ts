/**
 * The fourth round of what employees type (eval/chat-own/cases-4, and trying the bot by hand): an
 * outlay typed without its amount asks for it, and a lone figure answers; short weekday names
 * after an amount; what was included is no kind; passengers who "satt på"; cancel idioms ("nvm",
 * "stryk det", "scratch that"); claims questions without a claim word ("what's pending?", "kva har
 * eg igjen å gjere?", "everything I submitted"); goodbyes and laughter; places in lower case on a
 * trip; "same way back"; weekdays inside a date range. The project's own sentences, in bokmål,
 * nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { formatDraftTotal } from '../src/conversation/card-views.js';
import type { OutlayDraft } from '../src/conversation/types.js';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { ctx, run, say, texts } from './helpers/engine-driver.js';

const TODAY = '2026-12-06'; // a Sunday
const fresh = { today: TODAY };
const outlayOf = (u: Understanding) => (u.intent === 'newOutlay' ? u.outlay : undefined);
const tripOf = (u: Understanding) => (u.intent === 'newMileage' ? u.trip : undefined);
const shown = (result: Parameters<typeof texts>[0]) => texts(result).join(' | ');

describe('an outlay without its amount asks for it, and a lone figure answers', () => {
  it('"parkering", then "120 kr", then the purpose: one parking outlay of 120 kr', () => {
    const { state, results } = run([say('parkering'), say('120 kr'), say('kundemøte')], {
      welcomed: true,
    });
    const first = shown(results[0] as Parameters<typeof texts>[0]);
    expect(first).toMatch(/Hvor mye kostet det\?/);
    expect(first).not.toMatch(/formålet med utgiften\?/);
    expect(state.outlay?.fields).toMatchObject({ kind: 'parking', amount: '120' });
    expect(state.outlay?.step).toBe('review');
  });

  it('nynorsk: the purpose said first still asks for the amount, then "95" fills it', () => {
    const { state, results } = run(
      [say('ferje i går'), say('kundebesøk på Stord'), say('95')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(shown(results[1] as Parameters<typeof texts>[0])).toMatch(/Kor mykje kosta det\?/);
    expect(state.outlay?.fields).toMatchObject({ kind: 'ferry', amount: '95' });
    expect(state.outlay?.step).toBe('review');
  });

  it('"parking 0 NOK" in English says the amount cannot be used and asks for it', () => {
    const { state, last } = run(
      [say('parking 0 NOK')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(shown(last)).toMatch(/could not use the amount.*How much was it\?/);
    expect(state.outlay?.fields.amount).toBe('');
    // The card's total says what is missing rather than standing empty.
    expect(formatDraftTotal('en', state.outlay as OutlayDraft)).toBe('missing');
  });

  it('a figure alone is no correction when the draft has its amount', () => {
    const u = understand('95', { today: TODAY, draft: 'outlay', awaitingPurpose: 'outlay' });
    expect(u.intent).not.toBe('correct');
    const filled = understand('ca. 95', { ...fresh, draft: 'outlay', missing: 'amount' });
    expect(filled).toMatchObject({ intent: 'correct', fix: { amountMinor: 9500 } });
  });

  it('a trip without km: "48" fills the km, a kind with a figure is a new outlay', () => {
    const context = { ...fresh, draft: 'mileage' as const, missing: 'km' as const };
    expect(understand('48', context)).toMatchObject({ intent: 'correct', fix: { km: 48 } });
    expect(understand('about 48 km', context)).toMatchObject({ fix: { km: 48 } });
    expect(understand('bom 48 kr', context).intent).toBe('newOutlay');
  });
});

describe('short weekday names', () => {
  it.each([
    ['ferry bergen-stord 212 kr wed', '2026-12-02'],
    ['lunch w/ client thu 380kr', '2026-12-03'],
    ['taxi 2 airport 540nok fri', '2026-12-04'],
    ['parkering 60 kr tirs', '2026-12-01'],
  ])('"%s" is dated %s', (text, date) => {
    expect(outlayOf(understand(text, fresh))?.date).toBe(date);
  });

  it('a word that is also a weekday name stays a word inside a sentence', () => {
    expect(outlayOf(understand('taxi hjem etter fri kveld 300 kr', fresh))?.date).toBeUndefined();
  });
});

describe('what the expense is', () => {
  it('what was included is no kind: the hotel stays a hotel', () => {
    const fix = understand('actually 1 290 NOK incl. breakfast', { ...fresh, draft: 'outlay' });
    expect(fix).toMatchObject({ intent: 'correct', fix: { amountMinor: 129000 } });
    expect(fix.intent === 'correct' && fix.fix.kind).toBeFalsy();
    expect(outlayOf(understand('hotell 1290 kr inkl. frokost', fresh))?.kind).toBe('hotel');
  });

  it.each([
    ['kr 99 for kaffi og baguett på Flesland'],
    ['smørbrød og kaffe 145 kr'],
    ['pizza w/ team 640 NOK'],
  ])('"%s" is a meal', (text) => {
    expect(outlayOf(understand(text, fresh))?.kind).toBe('meal');
  });
});

describe('a passenger said afterwards', () => {
  it.each([['Ola satt på også'], ['Siv sat på heile vegen'], ['Kari rode along too']])(
    '"%s" joins the trip',
    (text) => {
      const u = understand(text, { ...fresh, draft: 'mileage', awaitingPurpose: 'mileage' });
      expect(u.intent).toBe('correct');
      expect(u.intent === 'correct' && u.fix.passengers?.length).toBe(1);
    },
  );
});

describe('cancel idioms and goodbyes', () => {
  it.each([['nvm'], ['stryk det'], ['scratch that'], ['gløym det'], ['nei, la det være']])(
    '"%s" cancels',
    (text) => {
      expect(parseCommand(text)?.name).toBe('cancel');
    },
  );

  it('"scratch that" while the purpose is awaited cancels, and "undo that" brings it back', () => {
    const { state } = run(
      [say('lunch 210 NOK today'), say('scratch that'), say('undo that')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(state.outlay?.fields).toMatchObject({ kind: 'meal', amount: '210' });
  });

  it.each([
    ['god natt', 'goodbye'],
    ['ok, ha det bra', 'goodbye'],
    ['have a nice weekend', 'goodbye'],
    ['haha ok', 'thanks'],
  ])('"%s" is small talk (%s)', (text, name) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'command', command: { name } });
  });
});

describe('claims questions without a claim word', () => {
  it.each([
    ["what's pending?"],
    ['kva har eg igjen å gjere?'],
    ['do I have any drafts?'],
    ["anything I haven't submitted yet?"],
    ['show me everything I submitted in november'],
    ['hvor mye har jeg fått tilbake i år?'],
  ])('"%s" is about the user\'s claims', (text) => {
    expect(understand(text, fresh).intent).toBe('claimsQuestion');
  });

  it.each([['hva er et utkast?'], ['hvordan sletter jeg et utkast?']])(
    '"%s" is for the guide',
    (text) => {
      expect(understand(text, fresh).intent).toBe('help');
    },
  );

  it('"fått tilbake" asks for what was paid, "everything I submitted in november" for a month', () => {
    expect(understand('hvor mye har jeg fått tilbake i år?', fresh)).toMatchObject({
      question: { ask: 'amount', state: 'paid' },
    });
    expect(understand('show me everything I submitted in november', fresh)).toMatchObject({
      question: { ask: 'count', period: { month: 11 } },
    });
  });
});

describe('trips with places in lower case, and the way back', () => {
  it.each([
    ['kjørte til drammen i dag', { to: 'Drammen' }],
    [
      'kjørte fra kontoret til kunden i Drammen, 42 km',
      { from: 'Kontoret', to: 'Kunden i Drammen' },
    ],
    [
      'drove from the office to the airport and back',
      { from: 'Office', to: 'Airport', roundTrip: true },
    ],
    ['køyrde til flyplassen og heim att, 2 x 35 km', { to: 'Flyplassen', km: 70, roundTrip: true }],
  ])('"%s" is a trip %o', (text, expected) => {
    expect(tripOf(understand(text, fresh))).toMatchObject(expected);
  });

  it('"drove to pick up Kari" has no place called "Pick"', () => {
    expect(tripOf(understand('drove 30 km to pick up Kari', fresh))?.to).toBeUndefined();
  });

  it('"19 km, same veg tilbake" is 38 km', () => {
    const trip = tripOf(understand('køyring til kunden i Sandnes 19 km, same veg tilbake', fresh));
    expect(trip).toMatchObject({ km: 38, roundTrip: true });
  });
});

describe('weekdays inside a date range', () => {
  it('"Mon 30 Nov to Wed 2 Dec": the days, and the place is not "Wed"', () => {
    const u = understand('travel claim for the Bergen trip, Mon 30 Nov to Wed 2 Dec', fresh);
    expect(u).toMatchObject({
      intent: 'newTravel',
      travel: { destination: 'Bergen', departureDate: '2026-11-30', returnDate: '2026-12-02' },
    });
  });

  it('"fre 4.12 - søn 6.12" in bokmål', () => {
    const u = understand('reiseregning Bergen fre 4.12 - søn 6.12', fresh);
    expect(u).toMatchObject({ travel: { departureDate: '2026-12-04', returnDate: '2026-12-06' } });
  });
});
