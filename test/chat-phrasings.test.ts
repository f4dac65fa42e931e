/**
 * More of what employees type, in bokmål, nynorsk and English, written for the project's own chat
 * set (eval/chat-own): cancel and undo said in a few words, amounts marked as money with a
 * thousands point or comma, unit prices ("990 kr per natt", "142 kr x 2"), short weekday names,
 * a trip stated without a driving verb, corrections that say what was meant or which figure was
 * wrong, small talk, bookings that are no expense, and a trip to be claimed. The sentences are the
 * project's own. Today is Tuesday 24 November 2026.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { ctx, run, say } from './helpers/engine-driver.js';

const TODAY = '2026-11-24';
const fresh = { today: TODAY };
const onOutlay = { today: TODAY, draft: 'outlay', awaitingPurpose: 'outlay' } as const;
const onMileage = { today: TODAY, draft: 'mileage', awaitingPurpose: 'mileage' } as const;
const onTravel = { today: TODAY, draft: 'travel' } as const;
const outlayOf = (u: Understanding) => (u.intent === 'newOutlay' ? u.outlay : undefined);

describe('cancel and undo in a few words', () => {
  it.each([
    'glem det',
    'avbryt dette',
    'Bare glem det!',
    'nei, avbryt utlegget',
    'never mind, cancel that',
    'delete it',
    'forget it',
    'slett kravet',
  ])('"%s" cancels', (text) => {
    expect(parseCommand(text)).toMatchObject({ name: 'cancel' });
  });

  it.each(['angre', 'angre siste', 'undo that', 'bring it back', 'gjenopprett det'])(
    '"%s" undoes',
    (text) => {
      expect(parseCommand(text)).toEqual({ name: 'undo' });
    },
  );

  it.each(['slett kvitteringen', 'drop the taxi', 'stopp påminnelser'])(
    '"%s" is no cancel of the draft',
    (text) => {
      expect(parseCommand(text)?.name).not.toBe('cancel');
    },
  );

  it('"avbryt dette" while the purpose is asked for cancels; "angre siste" brings it back', () => {
    const nn = ctx({ locale: 'nn-NO' });
    const cancelled = run([say('bompengar 42 kr i dag'), say('avbryt dette')], undefined, nn);
    expect(cancelled.state.outlay).toBeUndefined();
    const back = run([say('angre siste')], cancelled.state, nn);
    expect(back.state.outlay?.fields).toMatchObject({ kind: 'toll', amount: '42' });
  });
});

describe('amounts marked as money', () => {
  it.each([
    ['flybillett 4.250 kr 12.11.2026', 425000],
    ['Taxi 1.349,- fra Torp', 134900],
    ['hotel 1,675 NOK on 20 November', 167500],
    ['hotell kr 2.100', 210000],
  ])('"%s": one separator before three digits groups thousands', (text, minor) => {
    expect(outlayOf(understand(text, fresh))?.amountMinor).toBe(minor);
  });

  it('an unmarked "1,234" is still not guessed', () => {
    expect(outlayOf(understand('parkering 1,234', fresh))?.amountMinor).toBeUndefined();
  });
});

describe('unit prices', () => {
  it.each([
    ['hotell 2 netter, 1 090 per natt', 218000],
    ['hotel 3 nights 950 NOK each', 285000],
    ['ferje 138 kr x 2 i dag', 27600],
    ['parkering kr 70 x 3 dager', 21000],
    ['middag 2 pers 420 kr per person', 84000],
  ])('"%s" is the total', (text, minor) => {
    expect(outlayOf(understand(text, fresh))?.amountMinor).toBe(minor);
  });

  it.each([
    ['hotell 2 netter 2 180 kr totalt', 218000],
    ['lunsj for 4 personer 760 kr', 76000],
    ['parkering 900 kr for 3 dager', 90000],
  ])('"%s" is a total already', (text, minor) => {
    expect(outlayOf(understand(text, fresh))?.amountMinor).toBe(minor);
  });
});

describe('dates', () => {
  it.each([
    ['ferje Moss 150 kr, ons', '2026-11-18'],
    ['taxi 220 kr på fre', '2026-11-20'],
    ['parking 80 NOK on Thu', '2026-11-19'],
    ['taksi 310 i forrigårs', '2026-11-22'],
    ['parkering 40 kr i gaar', '2026-11-23'],
  ])('"%s" is dated %s', (text, date) => {
    expect(outlayOf(understand(text, fresh))?.date).toBe(date);
  });

  it('"man" as a word is no Monday', () => {
    expect(outlayOf(understand('man får taxi 200 kr', fresh))?.date).toBeUndefined();
  });
});

describe('kinds', () => {
  it.each([
    ['EV charging 190 NOK yesterday', 'fuel'],
    ['frukost på hotellet 165 kr', 'meal'],
  ])('"%s" is %s', (text, kind) => {
    expect(outlayOf(understand(text, fresh))?.kind).toBe(kind);
  });
});

describe('a trip stated without a driving verb', () => {
  it('a route and km each way is mileage', () => {
    const u = understand('return trip Oslo to Halden, 118 km each way, yesterday', fresh);
    expect(u).toMatchObject({
      intent: 'newMileage',
      trip: { from: 'Oslo', to: 'Halden', km: 236, date: '2026-11-23' },
    });
  });

  it.each(['taxi 14 km til flyplassen 420 kr', 'fly Oslo-Bergen 460 km'])(
    '"%s" names another way of travelling: no mileage',
    (text) => {
      expect(understand(text, fresh).intent).not.toBe('newMileage');
    },
  );

  it('a question about a distance is no trip', () => {
    expect(understand('hvor langt er det Oslo til Hamar, 123 km', fresh).intent).not.toBe(
      'newMileage',
    );
  });
});

describe('corrections that say what was meant', () => {
  it.each([
    ['skulle være 260 kr', 26000],
    ['I meant 260', 26000],
    ['eg meinte 260', 26000],
    ['should have been 260 NOK', 26000],
    ['ikke 620, men 260', 26000],
    ['260 kr, ikkje 620', 26000],
    ['620 -> 260', 26000],
    ['beløp: 260', 26000],
  ])('"%s" corrects the amount', (text, minor) => {
    expect(understand(text, onOutlay)).toMatchObject({
      intent: 'correct',
      fix: { amountMinor: minor },
    });
  });

  it.each([
    ['jeg mente mandag', '2026-11-23'],
    ['dato: 20.11', '2026-11-20'],
  ])('"%s" corrects the date', (text, date) => {
    expect(understand(text, onOutlay)).toMatchObject({ intent: 'correct', fix: { date } });
  });

  it.each(['58 km, ikke 85', 'eg meinte 58 km'])('"%s" corrects the km of a trip', (text) => {
    expect(understand(text, onMileage)).toMatchObject({ intent: 'correct', fix: { km: 58 } });
  });

  it.each([
    ['vi reiste 17. november', { departureDate: '2026-11-17' }],
    ['I came back on Friday', { returnDate: '2026-11-20' }],
  ])('on a travel draft, "%s" moves that end of the trip', (text, fix) => {
    expect(understand(text, onTravel)).toMatchObject({ intent: 'correct', fix });
  });

  it('a purpose that mentions no figure is still the purpose', () => {
    expect(understand('møte med leverandør', onOutlay)).toEqual({
      intent: 'answerPurpose',
      purpose: 'møte med leverandør',
    });
  });
});

describe('small talk', () => {
  it.each([
    'how are you?',
    'hei, hvordan går det?',
    'korleis har du det?',
    'how are you doing today',
  ])('"%s" is greeted', (text) => {
    expect(understand(text, fresh)).toEqual({ intent: 'command', command: { name: 'greeting' } });
  });

  it.each(['ok flott', 'supert, takk!', 'got it'])('"%s" is answered like thanks', (text) => {
    expect(understand(text, fresh)).toEqual({ intent: 'command', command: { name: 'thanks' } });
  });

  it.each(['ha det bra', 'bye'])('"%s" is a goodbye', (text) => {
    expect(understand(text, fresh)).toEqual({ intent: 'command', command: { name: 'goodbye' } });
  });

  it('"supert" is no purpose', () => {
    expect(understand('supert', onOutlay).intent).toBe('command');
  });

  it('a how-question that only starts like small talk is asked', () => {
    expect(understand('how are you supposed to log a ferry?', fresh).intent).toBe('help');
  });
});

describe('requests that are no expense', () => {
  it.each([
    'book a flight to Tromsø',
    'bestill taxi til Gardermoen',
    'can you reserve a hotel in Bodø',
  ])('"%s" is out of scope, not an outlay', (text) => {
    expect(understand(text, fresh).intent).toBe('help');
  });

  it('a booking already paid is an outlay', () => {
    expect(outlayOf(understand('booket hotell 1 090 kr i går', fresh))).toMatchObject({
      kind: 'hotel',
      amountMinor: 109000,
    });
  });
});

describe('a trip to be claimed', () => {
  it.each([
    ['claim my trip to Bergen last week', 'Bergen'],
    ['jeg vil føre reisen til Tromsø', 'Tromsø'],
    ['eg må lage reiserekning for turen til Molde', 'Molde'],
  ])('"%s" starts a travel claim', (text, destination) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newTravel', travel: { destination } });
  });

  it('asking how is for the guide', () => {
    expect(understand('hvordan fører jeg reisen?', fresh).intent).toBe('help');
  });
});

describe('after the second batch', () => {
  it.each([
    ['kjørte 70 km til Ski, passenger: Lise', ['Lise']],
    ['køyrde 40 km i dag, passasjerar Siv og Eirik', ['Siv', 'Eirik']],
    ['kjørte 55 km til Moss m/ Jonas', ['Jonas']],
  ])('"%s" names passengers', (text, names) => {
    const u = understand(text, fresh);
    expect(u.intent === 'newMileage' ? u.trip?.passengers.map((p) => p.name) : []).toEqual(names);
  });

  it('"nei, dropp det" cancels', () => {
    expect(parseCommand('nei, dropp det')).toEqual({ name: 'cancel' });
  });

  it('"last night" is yesterday', () => {
    expect(outlayOf(understand('cab back to the hotel 260 NOK last night', fresh))?.date).toBe(
      '2026-11-23',
    );
  });

  it('asking to be shown what one has sent in lists the claims', () => {
    expect(understand('vis meg alt jeg har sendt inn', fresh).intent).toBe('claimsQuestion');
  });
});
