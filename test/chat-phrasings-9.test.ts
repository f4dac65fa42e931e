/**
 * The ninth round (after eval/chat-own/cases-8 was measured): complaints that name a kind of
 * expense are for the guide; a denied round trip, kind or "one way" is not taken as said; dates
 * with a two-digit year, Swedish ":-" prices and crowns named by their country; emoji and
 * misspelt kinds; the answer to "how much?" framed in a few words; filing, cancelling and undoing
 * in yet more words; a trip told and its per diem asked about; counted trips, odometer readings
 * and a price per person. The project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';
import { ctx, run, say, texts } from './helpers/engine-driver.js';

const fresh = { today: '2026-12-06' };

describe('complaints naming a kind of expense', () => {
  it.each([
    ['ferja kjem ikkje med på køyrerekninga'],
    ['jeg får ikke lagt til parkeringen, knappen virker ikke'],
    ["the hotel isn't showing on my travel claim"],
    ['my taxi receipt never showed up'],
  ])('"%s" goes to the guide', (text) => {
    expect(understand(text, fresh).intent).toBe('help');
  });

  it('with an amount it is still an expense', () => {
    expect(understand('fikk ikke kvittering på parkeringa, 90 kr i går', fresh)).toMatchObject({
      intent: 'newOutlay',
      outlay: { kind: 'parking', amountMinor: 9000, date: '2026-12-05' },
    });
  });
});

describe('what is denied is not taken', () => {
  it.each([
    ['kjørte 55 km til Moss, ikke tur/retur', 55],
    ['køyrde berre éin veg til Voss, 102 km', 102],
    ['drove 30 km one way to the depot', 30],
    ['drove to Ski and back, 30 km one way', 60],
  ])('"%s" is %i km', (text, km) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { km } });
  });

  it('a denied round trip is no round trip', () => {
    const u = understand('drove to Moss, 55 km, not a round trip', fresh);
    expect(u.intent === 'newMileage' && u.trip?.roundTrip).toBeFalsy();
  });

  it.each([
    ['fant ingen taxi, tok bussen for 52 kr', 'transport'],
    ['took the tram instead of a cab, 40 kr', 'transport'],
  ])('"%s" is %s', (text, kind) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { kind } });
  });

  it('"ikkje taxi men tog" corrects the kind of the draft waiting for its purpose', () => {
    const { state } = run([say('taxi 88 kr i dag'), say('ikkje taxi men tog')]);
    expect(state.outlay?.fields).toMatchObject({ kind: 'transport', amount: '88' });
    expect(state.outlay?.fields.purpose ?? '').toBe('');
  });
});

describe('amounts and dates in other hands', () => {
  it.each([
    ['ferje 14.11.26 kr 112', { kind: 'ferry', amountMinor: 11200, date: '2026-11-14' }],
    ['taxi 2/12-26 kr 310', { kind: 'taxi', amountMinor: 31000, date: '2026-12-02' }],
    ['fika i Göteborg 89:- i går', { kind: 'meal', amountMinor: 8900, date: '2026-12-05' }],
    ['hotell 1 200 svenske kronor', { kind: 'hotel', amountMinor: 120000, currency: 'SEK' }],
    ['parkering 150 danske kroner', { kind: 'parking', amountMinor: 15000, currency: 'DKK' }],
    ['bought a book for 320 Norwegian kroner', { amountMinor: 32000, currency: 'NOK' }],
  ])('"%s"', (text, outlay) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay });
  });

  it('a day and month before a dash and another figure stay no date', () => {
    const u = understand('taxi 24.11-26 kr 300', fresh);
    expect(u.intent === 'newOutlay' && u.outlay.date).toBeFalsy();
  });
});

describe('kinds said with an emoji, a slip or a coastal ship', () => {
  it.each([
    ['🅿️ 45 kr i dag', 'parking'],
    ['🚕 240 kr yesterday', 'taxi'],
    ['restaurnt 640 kr med kunden', 'meal'],
    ['hurtigruten Tromsø–Finnsnes 780 kr', 'ferry'],
  ])('"%s" is %s', (text, kind) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { kind } });
  });

  it.each([
    ['charged the pool car, 260 kr', 'fuel'],
    ['lada tenestebilen for 199 kr', 'fuel'],
  ])('"%s" is %s, and no merchant', (text, kind) => {
    const u = understand(text, fresh);
    expect(u).toMatchObject({ intent: 'newOutlay', outlay: { kind } });
    expect(u.intent === 'newOutlay' && u.outlay.merchant).toBeFalsy();
  });
});

describe('the answer to "how much?" in a few words', () => {
  const asked = { ...fresh, draft: 'outlay' as const, missing: 'amount' as const };

  it.each([
    ['det kostet 230', 23000],
    ['it was 64', 6400],
    ['40 bucks', 4000],
    ['eg betalte 115', 11500],
  ])('"%s" fills the amount', (text, amountMinor) => {
    expect(understand(text, asked)).toMatchObject({ intent: 'correct', fix: { amountMinor } });
  });

  it('and the purpose after it is the purpose', () => {
    const { state } = run([say('parkering i dag'), say('det kosta 95'), say('synfaring på Voss')]);
    expect(state.outlay?.fields).toMatchObject({ amount: '95', purpose: 'synfaring på Voss' });
  });
});

describe('filing, cancel and undo in yet more words', () => {
  it.each([
    ['jupp, send den inn', 'file'],
    ['yeah, submit it', 'file'],
    ['send ho inn', 'file'],
    ['fyr den av gårde', 'file'],
    ['nice, send it off', 'file'],
    ['nullstill alt', 'cancel'],
    ['reset', 'cancel'],
    ['nei, eg treng den ikkje likevel', 'cancel'],
    ["we don't need it anymore", 'cancel'],
    ['gjør om det', 'undo'],
    ['feil knapp, angre', 'undo'],
    ['whoops wrong one, undo', 'undo'],
  ])('"%s" is %s', (text, name) => {
    expect(parseCommand(text)?.name).toBe(name);
  });

  it.each([['fire'], ['taxi i går, send inn'], ['send meg kvitteringen']])(
    '"%s" is not filing',
    (text) => {
      expect(parseCommand(text)?.name).not.toBe('file');
    },
  );
});

describe('a trip told, then its per diem asked about', () => {
  it.each([
    ['var på konferanse i Tromsø fra mandag til onsdag, får jeg diett?', 'Tromsø'],
    ['spent Mon–Wed at a workshop in Molde. Do I get per diem?', 'Molde'],
  ])('"%s" opens the travel form', (text, destination) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'newTravel',
      travel: { destination, departureDate: '2026-11-30', returnDate: '2026-12-02' },
    });
  });

  it('asked as a how-to it stays a question for the guide', () => {
    expect(
      understand('korleis fører eg diett for ein tur til Molde frå måndag til onsdag?', fresh)
        .intent,
    ).toBe('help');
  });
});

describe('counted trips, odometer readings and a price per person', () => {
  it.each([
    ['kjørte 4 turer à 9 km til byggeplassen i dag', 36],
    ['2 trips of 25 km to the depot yesterday', 50],
    ['kjørte til Gjøvik, kilometerstand fra 102 400 til 102 530', 130],
    ['drove to Hønefoss, odometer 8 120 to 8 191', 71],
  ])('"%s" is %i km', (text, km) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { km } });
  });

  it.each([
    ['middag 320 kr per person, vi var 4', 128000],
    ['lunch 150 NOK each, 3 of us', 45000],
  ])('"%s" is the whole bill', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });

  it('a list of passengers ends before the destination', () => {
    expect(understand('kjørte med Liv og Arne til Askim i går, 64 km', fresh)).toMatchObject({
      intent: 'newMileage',
      trip: { to: 'Askim', passengers: [{ name: 'Liv' }, { name: 'Arne' }] },
    });
    const u = understand('kjørte med Liv og Arne til Askim i går, 64 km', fresh);
    expect(u.intent === 'newMileage' && u.trip?.from).toBeFalsy();
  });
});

describe('requests to write something', () => {
  it.each([
    ['hjelp meg å skrive en e-post til regnskap om taxien', 'nb-NO', /Det kan jeg dessverre ikke/],
    ['kan du hjelpe meg med å skrive eit brev til sjefen?', 'nn-NO', /Det kan eg dessverre ikkje/],
    ['help me write a poem about my mileage claim', 'en-US', /I'm afraid I can't help/],
  ])('"%s" is out of scope, answered without the guide', (text, locale, reply) => {
    const { last } = run([say(text)], { welcomed: true }, ctx({ locale }));
    expect(texts(last).join('\n')).toMatch(reply);
    expect(last.effects.some((e) => e.type === 'answerHelp')).toBe(false);
  });

  it('with a draft waiting, the draft’s question comes again', () => {
    const { last, state } = run([say('ferje 96 kr i dag'), say('skriv en vits om ferjer')]);
    expect(texts(last).join('\n')).toMatch(/Det kan jeg dessverre ikke/);
    expect(state.outlay?.fields.purpose ?? '').toBe('');
    expect(texts(last).join('\n')).toMatch(/formålet/);
  });
});
