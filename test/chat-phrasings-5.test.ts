/**
 * The fifth round (eval/chat-own/cases-5, and trying the bot by hand): cancel and undo in more
 * words, a correction after "glemte å si", a question while a draft waits (the draft comes back
 * with the bot's question), a kind of expense asked to be claimed without its amount, a date
 * before the marker that leads the amount, counted items and hours, hedged answers, "do I have
 * to" as a how-to, and a trip that asks where it started. The project's own sentences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountInput } from '../src/conversation/outlay-form.js';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { act, cards, ctx, run, say, texts } from './helpers/engine-driver.js';

const TODAY = '2026-12-06'; // a Sunday
const fresh = { today: TODAY };
const outlayOf = (u: Understanding) => (u.intent === 'newOutlay' ? u.outlay : undefined);

describe('cancel and undo in more words', () => {
  it.each([['KANSELLER'], ['nei drit i det'], ['ikkje bry deg om det'], ['fjern utlegget']])(
    '"%s" cancels',
    (text) => {
      expect(parseCommand(text)?.name).toBe('cancel');
    },
  );

  it('"fjern kjøringen" names the mileage claim', () => {
    expect(parseCommand('fjern kjøringen')).toEqual({ name: 'cancel', draft: 'mileage' });
  });

  it.each([['angre sletting'], ['oh wait, bring it back'], ['få det tilbake'], ['vent, angre']])(
    '"%s" undoes',
    (text) => {
      expect(parseCommand(text)?.name).toBe('undo');
    },
  );

  it('"slett utlegget" then "angre sletting" brings the parking back', () => {
    const { state } = run([say('parkering 70 kr'), say('slett utlegget'), say('angre sletting')]);
    expect(state.outlay?.fields).toMatchObject({ kind: 'parking', amount: '70' });
  });
});

describe('corrections and questions while a draft waits', () => {
  it('"glemte å si: det var i går" moves the date, and is no purpose', () => {
    const { state } = run([say('bompenger 29 kr'), say('glemte å si: det var i går')]);
    expect(state.outlay?.fields).toMatchObject({ date: '2026-11-23', purpose: '' });
  });

  it('"glemte parkering 50 kr" is a new outlay, not a correction', () => {
    expect(understand('glemte parkering 50 kr', { ...fresh, draft: 'outlay' }).intent).toBe(
      'newOutlay',
    );
  });

  it('a question answered while the purpose is awaited: the draft comes back with the question', () => {
    const { last } = run([
      say('lunsj 240 kr'),
      say('hva skriver jeg som formål?'),
      { type: 'helpAnswered', reply: { found: true, lang: 'nb', text: 'Fyll inn formålet.' } },
    ]);
    expect(cards(last).map((c) => c.template)).toContain('outlay-summary');
    expect(texts(last).join(' ')).toMatch(/formålet med utgiften\?/);
  });
});

describe('amounts and dates', () => {
  it.each([
    ['need to claim a taxi from last night', { kind: 'taxi', date: '2026-12-05' }],
    ['jeg skal føre en parkering fra i forgårs', { kind: 'parking', date: '2026-12-04' }],
    ['train ticket nov 15 NOK 899', { amountMinor: 89900, date: '2026-11-15' }],
    ['taxi fra jobb til Gardermoen 4.12 kr 720', { amountMinor: 72000, date: '2026-12-04' }],
    ['parkering 120 kr 24.11', { amountMinor: 12000, date: '2026-11-24' }],
    ['2 stk. bussbillett à 45 kr i dag', { kind: 'transport', amountMinor: 9000 }],
    ['parkering 3 timer à 45 kr', { kind: 'parking', amountMinor: 13500 }],
    ['uber 2 the office 189kr yest', { kind: 'taxi', date: '2026-12-05' }],
  ])('"%s" reads %o', (text, expected) => {
    expect(outlayOf(understand(text, fresh))).toMatchObject(expected);
  });

  it('"how do I claim a taxi" is a question for the guide', () => {
    expect(understand('how do I claim a taxi', fresh).intent).toBe('help');
  });

  it.each([
    ['ca 150 tror jeg', 15000],
    ['about 48 I think', 4800],
  ])('asked for the amount, "%s" answers it', (text, amountMinor) => {
    const u = understand(text, { ...fresh, draft: 'outlay', missing: 'amount' });
    expect(u).toMatchObject({ intent: 'correct', fix: { amountMinor } });
  });
});

describe('questions that are not what they seem', () => {
  it('"which fields do I have to fill in on a mileage claim" is for the guide', () => {
    expect(understand('which fields do I have to fill in on a mileage claim', fresh).intent).toBe(
      'help',
    );
    expect(understand('which claims do I have?', fresh).intent).toBe('claimsQuestion');
  });

  it('"morning!" is a greeting', () => {
    expect(understand('morning!', fresh)).toMatchObject({ command: { name: 'greeting' } });
  });
});

describe('a trip asks where it started', () => {
  it('asked where, a place word or a name is the place; what one did there is the purpose', () => {
    const asked = { ...fresh, draft: 'mileage' as const, missing: 'from' as const };
    expect(understand('kontoret', asked)).toMatchObject({ fix: { from: 'Kontoret' } });
    expect(understand('Lysaker', asked)).toMatchObject({ fix: { from: 'Lysaker' } });
    expect(understand('fra hytta', asked)).toMatchObject({ fix: { from: 'Hytta' } });
    expect(understand('synfaring på anlegget', { ...asked, awaitingPurpose: 'mileage' })).toEqual({
      intent: 'answerPurpose',
      purpose: 'synfaring på anlegget',
    });
  });

  it('a ferry on the trip, in nynorsk, asks next where the trip started', () => {
    const { state, last } = run(
      [say('køyrde 2 x 48 km til Sogndal i går'), say('ferja kosta 96 kr')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(state.mileage?.outlays).toMatchObject([{ kind: 'ferry', amountMinor: 9600 }]);
    expect(texts(last).join(' ')).toMatch(/Kvar starta turen\?/);
  });
});

describe('"hva mangler?" with a draft open', () => {
  it('shows the draft again with its question, not the guide', () => {
    const { last } = run([say('taxi 300 kr'), say('hva mangler?')]);
    expect(last.effects).toEqual([]);
    expect(cards(last).map((c) => c.template)).toContain('outlay-summary');
    expect(texts(last).join(' ')).toMatch(/formålet med utgiften\?/);
  });

  it('without a draft it is a question for the guide', () => {
    expect(understand('what else do you need?', fresh).intent).toBe('help');
    expect(understand('what else do you need?', { ...fresh, draft: 'outlay' })).toMatchObject({
      command: { name: 'whatNext' },
    });
  });
});

describe('an expense typed while a travel form is open goes on the trip', () => {
  it('the hotel is added to the trip, whose form stays open until "Gå videre" (nynorsk)', () => {
    const nn = ctx({ locale: 'nn-NO' });
    const first = run(
      [say('var på kurs i Bergen frå måndag til onsdag'), say('hotell 2 netter à 1290 kr')],
      { welcomed: true },
      nn,
    );
    expect(first.state.outlay?.parent?.kind).toBe('travel');
    expect(first.state.outlay?.fields.purpose).toBe(first.state.travel?.fields.purpose);
    const draftId = first.state.outlay?.id ?? '';
    const { state, last } = run([act('outlay.file', { draftId })], first.state, nn);
    expect(state.travel?.step).toBe('form');
    expect(state.travel?.outlays).toMatchObject([{ kind: 'hotel', amountMinor: 258000 }]);
    expect(cards(last).map((c) => c.template)).toContain('travel-form');
    expect(texts(last).join(' ')).toMatch(/Gå vidare/);
  });
});

describe('home as one end of a trip', () => {
  it.each([
    ['køyrde heimanfrå til kunden, 23 km kvar veg', { from: 'Heime', to: 'Kunden', km: 46 }],
    ['kjørte hjemmefra til kontoret 14 km', { from: 'Hjemme', to: 'Kontoret', km: 14 }],
    ['drove home from the airport, 45 km', { from: 'Airport', to: 'Home' }],
    ['kjørte til og fra jobb 30 km', { km: 30, roundTrip: true }],
  ])('"%s" reads %o', (text, expected) => {
    const u = understand(text, fresh);
    expect(u.intent === 'newMileage' && u.trip).toMatchObject(expected);
  });
});

describe('claims questions in everyday words', () => {
  it.each([
    ['kor mange krav har eg som ventar?', { ask: 'count', state: 'pending' }],
    ['har sjefen sett på kravet mitt?', { ask: 'status', one: true }],
    ['fikk jeg noen avslag?', { state: 'rejected' }],
  ])('"%s" reads %o', (text, question) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'claimsQuestion', question });
  });

  it.each([['er det noe jeg må fikse?'], ['is there anything I need to fix?']])(
    '"%s" lists the claims',
    (text) => {
      expect(understand(text, fresh).intent).toBe('claimsQuestion');
    },
  );

  it('"hva må jeg gjøre for å få diett?" is still for the guide', () => {
    expect(understand('hva må jeg gjøre for å få diett?', fresh).intent).toBe('help');
  });
});

describe('figures added up, and tickets', () => {
  it.each([
    ['bom 32 + 45 kr', { kind: 'toll', amountMinor: 7700 }],
    ['parkering 60+60,50 kr i går', { kind: 'parking', amountMinor: 12050 }],
    ['Ruter billett 44kr', { kind: 'transport', amountMinor: 4400 }],
    ['bussbillett 44kr', { kind: 'transport', amountMinor: 4400 }],
    ['Vy 299', { kind: 'transport', amountMinor: 29900 }],
  ])('"%s" reads %o', (text, expected) => {
    expect(outlayOf(understand(text, fresh))).toMatchObject(expected);
  });

  it('any two amounts written "a + b kr" are their sum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 99_999 }),
        (a, b) => {
          const text = `bompenger ${formatAmountInput(a)} + ${formatAmountInput(b)} kr`;
          expect(outlayOf(understand(text, fresh))?.amountMinor).toBe(a + b);
        },
      ),
    );
  });
});

describe('the purpose changed by text', () => {
  it.each([
    ['endre formålet til kundemøte hos Equinor', 'kundemøte hos Equinor'],
    ['change the purpose to client visit at Equinor', 'client visit at Equinor'],
    ['føremålet skal vere synfaring', 'synfaring'],
    ['formål: Kurs i Excel', 'Kurs i Excel'],
  ])('"%s" sets the purpose to "%s"', (text, purpose) => {
    expect(understand(text, { ...fresh, draft: 'outlay' })).toEqual({
      intent: 'correct',
      fix: { purpose },
    });
  });

  it('on a reviewed outlay, the summary shows the new purpose', () => {
    const { state } = run([
      say('parkering 120 kr i går'),
      say('møte med kunde'),
      say('endre formålet til kundemøte hos Equinor'),
    ]);
    expect(state.outlay).toMatchObject({
      step: 'review',
      fields: { purpose: 'kundemøte hos Equinor', amount: '120' },
    });
  });

  it('a trip and a travel claim take it too', () => {
    const trip = run([say('kjørte 40 km fra Oslo til Ski'), say('kurs'), say('formål: kundemøte')]);
    expect(trip.state.mileage?.fields.purpose).toBe('kundemøte');
    const travel = run([say('ny reise'), say('the purpose was a site visit')]);
    expect(travel.state.travel?.fields.purpose).toBe('a site visit');
  });
});

describe('travel asked for as a stay, a day trip, or with other ranges', () => {
  it.each([
    [
      'var på kundebesøk i Stavanger i går, dagstur',
      {
        destination: 'Stavanger',
        departureDate: '2026-12-05',
        returnDate: '2026-12-05',
        purpose: 'kundebesøk i Stavanger',
      },
    ],
    [
      'dagstur til Bergen på mandag for kundemøte',
      { destination: 'Bergen', departureDate: '2026-11-30', purpose: 'kundemøte' },
    ],
    ['overnattet i Ålesund to netter for jobb', { destination: 'Ålesund' }],
    [
      'stayed two nights in Oslo for the conference',
      { destination: 'Oslo', purpose: 'conference' },
    ],
    [
      'travel claim Stockholm Nov 30 - Dec 2',
      { destination: 'Stockholm', departureDate: '2026-11-30', returnDate: '2026-12-02' },
    ],
    ['tjenestereise til Bodø 14.-16.12', { departureDate: '2026-12-14', returnDate: '2026-12-16' }],
  ])('"%s" opens the travel form with %o', (text, travel) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newTravel', travel });
  });

  it('a night with its price is a hotel outlay, not a trip', () => {
    expect(understand('overnatting i Ålesund 1290 kr', fresh).intent).toBe('newOutlay');
  });
});

describe('what the user filed, and where the money is', () => {
  it.each([
    ['how much have I claimed this year?', { ask: 'amount', period: { unit: 'year', offset: 0 } }],
    ['what did I submit last week?', { ask: 'count', period: { unit: 'week', offset: -1 } }],
    ['kva leverte eg i november?', { ask: 'count', period: { month: 11 } }],
    ['where is my refund', { ask: 'status' }],
    ['hvor er pengene mine', { ask: 'status' }],
  ])('"%s" reads %o', (text, question) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'claimsQuestion', question });
  });

  it.each([
    ['what should I submit for a taxi?'],
    ['I submitted the wrong amount, can I change it?'],
  ])('"%s" is for the guide', (text) => {
    expect(understand(text, fresh).intent).toBe('help');
  });
});

describe('something sent that is no claim', () => {
  it('"jeg har sendt inn e-postadressen …, hva nå?" is for the guide; "hva har jeg sendt inn?" is not', () => {
    const sent = 'jeg har sendt inn e-postadressen på glemt passord, hva nå?';
    expect(understand(sent, fresh).intent).toBe('help');
    expect(understand('hva har jeg sendt inn?', fresh).intent).toBe('claimsQuestion');
  });
});

describe('km as a label, and a car without a driving verb', () => {
  it.each([
    ['km: 45, Oslo - Drammen, i dag', { from: 'Oslo', to: 'Drammen', km: 45 }],
    ['bil 45 km til kunde', { to: 'Kunde', km: 45 }],
  ])('"%s" is a trip %o', (text, trip) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip });
  });
});

describe('"show up" is not "show me"', () => {
  it('"does the help icon show up before I choose the claim type?" is for the guide', () => {
    const asked = 'does the help icon show up before I choose the claim type?';
    expect(understand(asked, fresh).intent).toBe('help');
  });
});
