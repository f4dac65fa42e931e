/**
 * The eighth round (after eval/chat-own/cases-7 was measured): lists one expense a line, with
 * bullets, semicolons or a part that only gives the day; answers to the bot's questions in more
 * words, in number words, or with the purpose in the same breath; a modal that states a need
 * ("må føre en parkering"); filing, cancelling and undoing in more words; what the receipt says;
 * a passenger in the car or getting in on the way; writing requests; an electric car's rate. The
 * project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { messageText } from '../src/bot/turn-facts.js';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { run, say } from './helpers/engine-driver.js';

const fresh = { today: '2026-12-06' };
const amounts = (u: Understanding) =>
  u.intent === 'newOutlays' ? u.outlays.map((o) => [o.kind, o.amountMinor, o.date]) : u.intent;

describe('lists of expenses', () => {
  it.each([
    [
      'i dag:\nkaffe 45 kr\nbom 27 kr',
      [
        ['meal', 4500, '2026-12-06'],
        ['toll', 2700, '2026-12-06'],
      ],
    ],
    [
      'utlegg frå måndag:\n- taxi 199 kr\n• middag 410 kr',
      [
        ['taxi', 19900, '2026-11-30'],
        ['meal', 41000, '2026-11-30'],
      ],
    ],
    [
      'taxi 150 NOK; dinner 320 NOK, both on Thursday',
      [
        ['taxi', 15000, '2026-12-03'],
        ['meal', 32000, '2026-12-03'],
      ],
    ],
    [
      'parkering 80 kr og ferje 64 kr, alt fra onsdag',
      [
        ['parking', 8000, '2026-12-02'],
        ['ferry', 6400, '2026-12-02'],
      ],
    ],
  ])('%j is one claim with a line each', (text, lines) => {
    expect(amounts(understand(text, fresh))).toEqual(lines);
  });

  it('a part that says more than the day keeps the message from being a list', () => {
    expect(understand('parkering 80 kr og ferje 64 kr, var hos kunden', fresh).intent).not.toBe(
      'newOutlays',
    );
  });

  it('Teams line breaks reach the understanding', () => {
    const text = messageText({ text: 'i dag:<br>kaffe 45 kr\r\nbom 27 kr' });
    expect(text).toBe('i dag:\nkaffe 45 kr\nbom 27 kr');
  });

  it('tolls and parking typed together go on the trip waiting for its purpose', () => {
    const { state } = run([
      say('kjørte 60 km fra Oslo til Drammen i går'),
      say('ja, bom 44 kr og parkering 60'),
    ]);
    expect(state.mileage?.outlays.map((o) => [o.kind, o.amountMinor])).toEqual([
      ['toll', 4400],
      ['parking', 6000],
    ]);
    expect(state.outlayClaim).toBeUndefined();
  });
});

describe('answers to the bot’s question', () => {
  const askedAmount = { ...fresh, draft: 'outlay' as const, missing: 'amount' as const };
  const askedKm = { ...fresh, draft: 'mileage' as const, missing: 'km' as const };

  it.each([
    ['det kom på 145 kr', 14500],
    ['tre hundre og femti kroner', 35000],
    ['it came to about 95 kr I think', 9500],
  ])('"%s" fills the amount', (text, amountMinor) => {
    expect(understand(text, askedAmount)).toMatchObject({
      intent: 'correct',
      fix: { amountMinor },
    });
  });

  it.each([
    ['det var vel omtrent 42 km', 42],
    ['førtito kilometer', 42],
  ])('"%s" fills the km', (text, km) => {
    expect(understand(text, askedKm)).toMatchObject({ intent: 'correct', fix: { km } });
  });

  it('the amount and the purpose in one answer fill both, and the claim is ready to review', () => {
    expect(understand('245 kr, var på kurs i Bergen', askedAmount)).toMatchObject({
      fix: { amountMinor: 24500, purpose: 'kurs i Bergen' },
    });
    const { state } = run([say('må føre en taxi fra i går'), say('kundemøte hos Telenor, 278 kr')]);
    expect(state.outlay?.fields).toMatchObject({
      kind: 'taxi',
      amount: '278',
      purpose: 'kundemøte hos Telenor',
    });
    expect(state.outlay?.step).toBe('review');
  });
});

describe('statements of a need, filing, cancel and undo in more words', () => {
  it.each([
    ['må føre en parkering fra i går', 'parking'],
    ['trenger å registrere en ferje i dag', 'ferry'],
    ['need to log a taxi from last night', 'taxi'],
  ])('"%s" starts an outlay', (text, kind) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { kind } });
  });

  it('with its subject the modal asks', () => {
    expect(understand('må jeg føre parkering som utlegg?', fresh).intent).toBe('help');
  });

  it.each([
    ['go ahead and submit it', 'file'],
    ['ser fint ut, send det', 'file'],
    ['kan du sende den inn?', 'file'],
    ['stopp, jeg førte den i går', 'cancel'],
    ['kan du slette det utlegget?', 'cancel'],
    ['the meeting was cancelled, delete it', 'cancel'],
    ['nei vent, jeg trenger den likevel', 'undo'],
    ['oh wait, I need it after all', 'undo'],
  ])('"%s" is %s', (text, name) => {
    expect(parseCommand(text)?.name).toBe(name);
  });

  it.each([['send kvitteringen til meg'], ['kan du sende meg en kopi?']])(
    '"%s" files nothing',
    (text) => {
      expect(parseCommand(text)).toBeUndefined();
    },
  );
});

describe('corrections said in other ways', () => {
  const waiting = { ...fresh, draft: 'outlay' as const, awaitingPurpose: 'outlay' as const };

  it.each([
    ['det står 1 450 på kvitteringa', { amountMinor: 145000 }],
    ['the receipt says 212', { amountMinor: 21200 }],
    ['flytt den til onsdag', { date: '2026-12-02' }],
    ['move it to yesterday', { date: '2026-12-05' }],
  ])('"%s" corrects %o', (text, fix) => {
    expect(understand(text, waiting)).toMatchObject({ intent: 'correct', fix });
  });
});

describe('passengers in the car, and where they got in', () => {
  it('"hadde Siri i bilen" after a trip adds Siri', () => {
    const u = understand('og så hadde jeg Siri i bilen', {
      ...fresh,
      draft: 'mileage',
      awaitingPurpose: 'mileage',
    });
    expect(u).toMatchObject({ intent: 'correct', fix: { passengers: [{ name: 'Siri' }] } });
  });

  it('a passenger getting in on the way rides her own km, and the trip starts where it did', () => {
    const u = understand(
      'kjørte 150 km fra Oslo til Gjøvik, Eva satt på fra Hunndalen, 12 km',
      fresh,
    );
    expect(u).toMatchObject({
      intent: 'newMileage',
      trip: { from: 'Oslo', to: 'Gjøvik', km: 150, passengers: [{ name: 'Eva', km: 12 }] },
    });
  });
});

describe('writing requests and an electric car', () => {
  it.each([['skriv eit dikt om køyrebok'], ['write me a poem about expense claims']])(
    '"%s" is out of scope, no claim opened',
    (text) => {
      expect(understand(text, fresh).intent).toBe('help');
    },
  );

  it('an electric car gets the car rate', () => {
    expect(understand('hva er kilometersatsen for elbil?', fresh)).toMatchObject({
      intent: 'ratesQuestion',
      rates: { rate: 'car' },
    });
  });
});

describe('a trip’s day moved relative to itself', () => {
  it('"vi reiste dagen før" moves the departure one day back, in nynorsk', () => {
    const { state } = run([
      say('reiserekning Ålesund 24.–26. november'),
      say('vi reiste dagen før'),
    ]);
    expect(state.travel?.fields).toMatchObject({
      departureDate: '2026-11-23',
      returnDate: '2026-11-26',
    });
  });

  it.each([
    ['we came back a day later', { returnShift: 1 }],
    ['eg kom heim to dagar seinare', { returnShift: 2 }],
    ['vi dro en dag tidligere', { departureShift: -1 }],
  ])('"%s" moves %o', (text, fix) => {
    expect(understand(text, { ...fresh, draft: 'travel' })).toMatchObject({
      intent: 'correct',
      fix,
    });
  });
});

describe('a trip said to be wrong without its value', () => {
  it('"feil beløp" on a trip asks for the km, and the figure typed next is the km', () => {
    const { results, state } = run([
      say('kjørte 40 km fra Oslo til Ski i går'),
      say('feil beløp'),
      say('44'),
    ]);
    expect(JSON.stringify(results[1]?.messages)).toContain('Hvor mange kilometer var det?');
    expect(state.mileage?.fields.km).toBe('44');
  });
});
