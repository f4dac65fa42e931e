/**
 * The fifteenth round (after eval/chat-own/cases-14 was measured): a heading naming the kind over
 * a list of places or bare amounts, asking leave to register an expense, an apology beside an
 * asked figure, the lines of one message read as turns, polite and wished commands, the passenger
 * rate asked as a colleague riding along, thanks and praise in several clauses, hours as a count
 * before an hourly price, the first or last day of a month, legs listed with their km, a price
 * "each way", and a passenger for one direction of a round trip. The project's own sentences, in
 * bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';
import { ctx, run, say, texts } from './helpers/engine-driver.js';

const today = '2026-12-06';
const fresh = { today };
const c = ctx({ today });

describe('a heading naming the kind over a list', () => {
  it.each([
    ['parkering i går: Torget 45 kr, Bryggen 60 kr og Stasjonen 30 kr', 'parking', 3],
    ['bompengar i dag: Os 21 kr og Voss 33 kr', 'toll', 2],
    ['ferry tickets yesterday: Horten 120 NOK, Moss 118 NOK', 'ferry', 2],
  ])('"%s" is one line per place', (text, kind, n) => {
    const read = understand(text, fresh);
    expect(read.intent).toBe('newOutlays');
    if (read.intent !== 'newOutlays') return;
    expect(read.outlays).toHaveLength(n);
    expect(read.outlays.every((o) => o.kind === kind)).toBe(true);
  });

  it.each([
    ['bom 31, 22 og 17 kr', [3100, 2200, 1700]],
    ['to bomstasjonar i dag: 44 og 18 kr', [4400, 1800]],
    ['tolls 18, 26 and 33 NOK', [1800, 2600, 3300]],
  ])('"%s": bare amounts are more of the same kind', (text, amounts) => {
    const read = understand(text, fresh);
    expect(read).toMatchObject({
      intent: 'newOutlays',
      outlays: amounts.map((amountMinor) => ({ kind: 'toll', amountMinor, currency: 'NOK' })),
    });
  });

  it.each([
    ['bompenger på Fv 300 i går, 26 kr', 2600],
    ['bompengar på Rv 13 i dag, 41 kr', 4100],
    ['toll on Route 7 yesterday, 33 NOK', 3300],
  ])('"%s": a road number before the amount is one toll', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });

  it('several tolls typed while a trip waits for its purpose become its lines', () => {
    const { last } = run(
      [say('kjørte 40 km fra Gjøvik til Hamar i dag'), say('to bommer: 35 og 22 kr')],
      { welcomed: true },
      c,
    );
    const lines = last.state.mileage?.outlays ?? [];
    expect(lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ['toll', 3500],
      ['toll', 2200],
    ]);
  });
});

describe('asking leave to register an expense', () => {
  it.each([
    ['kan jeg registrere en bussbillett fra i går?', 'transport', '2026-12-05'],
    ['kan eg få føre ein togbillett frå i går?', 'transport', '2026-12-05'],
    ['May I please log a taxi from yesterday?', 'taxi', '2026-12-05'],
  ])('"%s" starts the outlay', (text, kind, date) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { kind, date } });
  });

  it.each([['kan jeg føre taxi?'], ['can I claim a hotel?']])(
    '"%s" asks what is allowed',
    (text) => {
      expect(understand(text, fresh).intent).toBe('help');
    },
  );

  it.each([
    ['Could I please register a bus ticket from yesterday?', 'It was 54 NOK, sorry for the delay'],
    ['kan jeg registrere en togbillett fra i går?', 'Beklager, den kostet 78 kr'],
    ['kan eg få føre ein bussbillett frå i går?', '87 kr, orsak at eg gløymde det'],
  ])('"%s" then "%s": the apology is no purpose', (first, second) => {
    const { state } = run([say(first), say(second)], { welcomed: true }, c);
    expect(state.outlay?.fields.purpose).toBe('');
    expect(Number(state.outlay?.fields.amount)).toBeGreaterThan(0);
    expect(state.outlay?.fields.date).toBe('2026-12-05');
  });
});

describe('the lines of one message read as turns', () => {
  it.each([
    ['Parkering 95 kr i dag.\nBefaring på Gjøvik.\nSend den inn, takk.', 'Befaring på Gjøvik.'],
    [
      'Eg betalte ferje 64 kr i dag\nSynfaring på Stord\nVer snill og send inn kravet',
      'Synfaring på Stord',
    ],
    [
      'drove 33 km from Ski to Moss today\nsite inspection\nThanks! Could you submit it?',
      'site inspection',
    ],
  ])('%j is filed with its purpose', (text, purpose) => {
    const { last } = run([say(text)], { welcomed: true }, c);
    const filed = last.effects.find((e) => e.type === 'fileClaim');
    expect(filed).toMatchObject({ claim: { purpose } });
  });

  it('a second line that adds to the trip is read with it', () => {
    const read = understand('kjørte fra Gjøvik til Hamar i dag\n45 km', fresh);
    expect(read).toMatchObject({ intent: 'newMileage', trip: { km: 45 } });
    const { last } = run([say('kjørte fra Gjøvik til Hamar i dag\n45 km')], { welcomed: true }, c);
    expect(last.state.mileage?.fields.km).toBe('45');
  });
});

describe('commands asked politely or wished for', () => {
  it.each([
    ['Vær så snill og send inn utlegget.', 'file'],
    ['Ver snill og lever kravet no', 'file'],
    ['Thank you! Would you kindly file the claim?', 'file'],
    ['Jeg vil slette det utlegget, det er allerede ført.', 'cancel'],
    ['Eg vil avbryte køyringa, ho var feil', 'cancel'],
    ["I'd like to cancel this claim, it's a duplicate", 'cancel'],
    ['Beklager, det var en feil. Kan du gjenopprette det?', 'undo'],
    ['Orsak, kan du angre det?', 'undo'],
    ['Sorry, my mistake. Could you undo that?', 'undo'],
  ])('"%s" is %s', (text, name) => {
    expect(parseCommand(text)?.name).toBe(name);
  });

  it.each([
    [
      'nb',
      'kjørte 18 km fra Ski til Ås i dag',
      'Jeg vil slette den kjøringen, den er ført fra før',
    ],
    ['nn', 'køyrde 22 km frå Os til Bergen i dag', 'Eg vil slette den køyringa, ho er ført'],
    [
      'en',
      'drove 19 km from Ski to Ås today',
      'I want to delete this mileage claim, it was filed already',
    ],
  ])('%s: a wish to delete while the purpose is asked cancels', (_lang, trip, wish) => {
    const { state } = run([say(trip), say(wish)], { welcomed: true }, c);
    expect(state.mileage).toBeUndefined();
  });

  it('an undo asked in whole sentences brings the draft back', () => {
    const { state } = run(
      [say('parkering 70 kr i dag'), say('avbryt'), say('Oi, det var feil. Kan du angre det?')],
      { welcomed: true },
      c,
    );
    expect(state.outlay?.fields.amount).toBe('70');
  });
});

describe('the passenger rate asked as a colleague riding along', () => {
  it.each([
    ['hvor mye ekstra per km får jeg når en kollega sitter på med meg?'],
    ['kva er satsen per km om ein kollega køyrer med meg?'],
    ["what's the extra rate per km when a coworker travels with me?"],
  ])('"%s"', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'ratesQuestion',
      rates: { rate: 'passenger' },
    });
  });
});

describe('thanks and praise in several clauses are small talk', () => {
  it.each([
    ['Tusen takk for hjelpen, det var veldig enkelt!'],
    ['God morgon, og takk for hjelpa!'],
    ["Thanks a lot for the help, you've been really helpful"],
    ['Thank you for your help, you made it so easy'],
  ])('"%s" is thanks', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'command',
      command: { name: 'thanks' },
    });
  });

  it('thanks before a question is the question', () => {
    expect(understand('thanks for the help, but how do I add a receipt?', fresh).intent).toBe(
      'help',
    );
  });

  it('is answered as thanks, not from the guide', () => {
    const { last } = run(
      [say('Takk for hjelpa, du har vore til stor hjelp')],
      { welcomed: true },
      c,
    );
    expect(last.effects).toEqual([]);
    expect(texts(last).join(' ')).not.toMatch(/Kilde|Kjelde|Source/);
  });
});

describe('hours before an hourly price', () => {
  it.each([
    ['parkerte 3,5 timer i dag, 30 kr timen', 10500],
    ['parkering i 2,5 timar à 24 kr', 6000],
    ['parked 1.5 hours, 50 NOK per hour', 7500],
  ])('"%s" is the whole bill', (text, amountMinor) => {
    const read = understand(text, fresh);
    expect(read).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
    if (read.intent !== 'newOutlay') return;
    // A fraction of hours is never a day and a month.
    expect(read.outlay.date === undefined || read.outlay.date === today).toBe(true);
    expect(read.outlay.dateUnread).toBeUndefined();
  });
});

describe('the first or last day of a month', () => {
  it.each([
    ['taxi 240 kr siste dag i oktober', '2026-10-31'],
    ['ferje 60 kr den fyrste dagen i november', '2026-11-01'],
    ['hotel 900 NOK on the last day of February', '2026-02-28'],
  ])('"%s" is %s', (text, date) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { date } });
  });
});

describe('legs listed with their km', () => {
  it.each([
    ['kjørte i dag: Lillehammer–Gjøvik 45 km, Gjøvik–Hamar 50 km og Hamar–Lillehammer 60 km', 155],
    ['køyrde Førde–Florø 60 km og Florø–Naustdal 55 km i går', 115],
    ['drove Oslo–Ski 25 km, Ski–Moss 35 km today', 60],
  ])('"%s" adds up to %i km', (text, km) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { km } });
  });
});

describe('a price each way', () => {
  it.each([
    ['ferje 110 kr hver vei', 22000],
    ['bompengar 25 kr kvar veg', 5000],
    ['ferry 140 NOK each way', 28000],
  ])('"%s" is paid twice', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });
});

describe('a passenger for one direction of a round trip', () => {
  it.each([
    ['kjørte Gjøvik–Hamar t/r i dag, 50 km hver vei, Ola satt på tilbake', 'Ola', 50],
    ['køyrde Voss–Bergen og heim att, 100 km kvar veg, Siv var med heim', 'Siv', 100],
    ['drove Ski to Oslo and back, 25 km each way, Anna rode along on the way back', 'Anna', 25],
  ])('"%s"', (text, name, km) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'newMileage',
      trip: { passengers: [{ name, km }] },
    });
  });

  it('a passenger said without a direction rides the whole way', () => {
    expect(understand('kjørte Gjøvik–Hamar t/r i dag, 100 km, med Ola', fresh)).toMatchObject({
      trip: { passengers: [{ name: 'Ola' }] },
    });
  });
});
