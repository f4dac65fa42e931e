/**
 * The eleventh round (after eval/chat-own/cases-10 was measured): a reason after a cancel typed
 * with a comma, undo "likevel" or with a reason, a translation request out of scope, the status
 * of the claim just filed asked by its status, "that was …" and "hold on" correcting the draft,
 * a place "to a customer in <town>", a heading of any words before a list, the date and the amount
 * corrected in one message, "kr natta", and the purpose given with a label in the first message.
 * The project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';
import { ctx, run, say, texts } from './helpers/engine-driver.js';

const fresh = { today: '2026-12-06' };
const open = { ...fresh, draft: 'outlay' as const };

describe('commands with a comma and a reason', () => {
  it.each([
    ['slett, den var feil', 'cancel'],
    ['avbryt, eg tok feil dag', 'cancel'],
    ['angre likevel', 'undo'],
    ['undo, I need it after all', 'undo'],
    ['angre, trengte den', 'undo'],
  ])('"%s" is %s', (text, name) => {
    expect(parseCommand(text)?.name).toBe(name);
  });

  it('a cancel with a reason while the purpose is awaited cancels, not the purpose', () => {
    const { state, last } = run([say('parkering 55 kr i dag'), say('avbryt, dobbeltført')]);
    expect(state.outlay).toBeUndefined();
    expect(texts(last).join('\n')).toMatch(/Avbrutt/);
  });
});

describe('a translation request', () => {
  it.each([
    ['kan du oversette kvitteringen til norsk?', 'nb-NO', /Det kan jeg dessverre ikke/],
    ['please translate this email into Polish', 'en-US', /I'm afraid I can't help/],
  ])('"%s" is out of scope', (text, locale, reply) => {
    const { last } = run([say(text)], { welcomed: true }, ctx({ locale }));
    expect(texts(last).join('\n')).toMatch(reply);
    expect(last.effects.some((e) => e.type === 'answerHelp')).toBe(false);
  });
});

describe('the claim just filed, asked by its status', () => {
  it.each([['kva er status på den no?'], ["what's the status of it?"]])('"%s"', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'claimsQuestion',
      question: { ask: 'status' },
    });
  });
});

describe('corrections after the purpose', () => {
  it.each([
    ['hold on, that was Friday', { date: '2026-12-04' }],
    ['vent litt, det var i forgårs', { date: '2026-12-04' }],
    ["that's 318, not 381", { amountMinor: 31800 }],
    ['feil på både beløp og dato: 212 kr, 2. desember', { amountMinor: 21200, date: '2026-12-02' }],
    ['wrong amount and date – 1 Dec, 95', { amountMinor: 9500, date: '2026-12-01' }],
  ])('"%s" corrects %o', (text, fix) => {
    expect(understand(text, open)).toMatchObject({ intent: 'correct', fix });
  });
});

describe('places and lists', () => {
  it('"to a customer in Ski" is a trip to that customer', () => {
    expect(understand('kjørte til en kunde i Ås i går', fresh)).toMatchObject({
      intent: 'newMileage',
      trip: { to: 'Kunde i Ås' },
    });
  });

  it('"to a client" alone names no place, so a toll paid on the way stays an outlay', () => {
    expect(understand('paid 44 kr in tolls on the way to a client today', fresh)).toMatchObject({
      intent: 'newOutlay',
      outlay: { kind: 'toll', amountMinor: 4400 },
    });
  });

  it('a heading of any words before the lines', () => {
    const u = understand('Messa i Lillestrøm-uka:\n- parkering 180 kr\n- lunsj 149 kr', fresh);
    expect(u.intent === 'newOutlays' && u.outlays.map((o) => o.amountMinor)).toEqual([
      18000, 14900,
    ]);
  });

  it('"kr natta" is a price per night', () => {
    expect(understand('hotell 2 netter, 990 kr natta', fresh)).toMatchObject({
      outlay: { kind: 'hotel', amountMinor: 198000 },
    });
  });
});

describe('the purpose with a label in the first message', () => {
  it.each([
    ['taxi 240 kr i går, formål: kundemøte hos Aker', 'kundemøte hos Aker'],
    ['ferry 96 NOK today. Purpose: inspection at Tau', 'inspection at Tau'],
  ])('"%s" carries its purpose', (text, purpose) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { purpose } });
  });

  it('goes straight to the review card, and filing needs no more questions', () => {
    const { state } = run([say('parkering 70 kr i dag, føremål: synfaring på Voss')]);
    expect(state.outlay?.step).toBe('review');
    expect(state.outlay?.fields.purpose).toBe('synfaring på Voss');
  });
});

describe('several passengers told in different shapes', () => {
  it('"X came along for the last 50 km and Y the whole way" adds both, each with their km', () => {
    expect(
      understand('Maja came along for the last 35 km and Tor Erik the whole way', {
        ...fresh,
        draft: 'mileage',
      }),
    ).toMatchObject({
      intent: 'correct',
      fix: { passengers: [{ name: 'Maja', km: 35 }, { name: 'Tor Erik' }] },
    });
  });

  it('"Kari hele veien og Per satt på fra Hønefoss (110 km)" in the trip itself', () => {
    const u = understand(
      'kjørte 180 km Drammen–Geilo i går, Siv heile vegen og Arne satt på fra Nesbyen (60 km)',
      fresh,
    );
    expect(u).toMatchObject({ intent: 'newMileage', trip: { from: 'Drammen', to: 'Geilo' } });
    const passengers = u.intent === 'newMileage' ? u.trip?.passengers : [];
    expect(passengers).toEqual(expect.arrayContaining([{ name: 'Siv' }, { name: 'Arne', km: 60 }]));
  });
});
