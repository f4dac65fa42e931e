/**
 * The sixteenth round (after eval/chat-own/cases-15 was measured): praise of what the bot did
 * ("det var til god hjelp", "that was very helpful") with an emoji beside it, how far a claim
 * just filed has got, a new purpose asked for politely, a need to "put in" an expense with its
 * kind and day, and a heading naming an occasion (and maybe the day) over a list of kinds with
 * amounts. The project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../src/understanding/understand.js';
import { ctx, run, say, texts } from './helpers/engine-driver.js';

const today = '2026-12-06';
const fresh = { today };
const c = ctx({ today });

describe('praise of what the bot did is small talk', () => {
  it.each([
    ['mange takk, dette var til god hjelp 🙏'],
    ['takk skal du ha, det har vore til stor hjelp 😊'],
    ['cheers, that was really helpful 👍'],
    ["thanks! That's been a great help"],
    ['Det var veldig nyttig, takk'],
  ])('"%s" is thanks', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'command',
      command: { name: 'thanks' },
    });
  });

  it('is answered as thanks, not from the guide', () => {
    const { last } = run([say('takk, det var til god hjelp 👍')], { welcomed: true }, c);
    expect(texts(last).join(' ')).not.toMatch(/Kilde|Kjelde|Source/u);
  });

  it('asking for help is still asking', () => {
    expect(understand('kan du hjelpe meg med reiseregningen?', fresh).intent).toBe('help');
  });
});

describe('how far a claim has got', () => {
  it.each([
    ['hvor langt har den kommet nå?'],
    ['kor langt er det komme?'],
    ['how far along is it?'],
    ['how far has it got by now?'],
  ])('"%s" asks its status', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'claimsQuestion',
      question: { ask: 'status' },
    });
  });

  it.each([['hvor langt er det fra Lillehammer til Gjøvik?'], ['how far is it to Drammen?']])(
    '"%s" asks a distance, not a status',
    (text) => {
      expect(understand(text, fresh).intent).not.toBe('claimsQuestion');
    },
  );

  it('after filing, it is answered with the claim', () => {
    const { last } = run(
      [
        say('ferje 74 kr i dag'),
        say('befaring på Tau'),
        say('send inn'),
        say('hvor langt har den kommet?'),
      ],
      { welcomed: true },
      c,
    );
    expect(texts(last).join(' ')).not.toMatch(/Kilde|Kjelde|Source/u);
  });
});

describe('a new purpose asked for politely', () => {
  it.each([
    ['kan du endre formålet til kurs på Hamar?', 'kurs på Hamar'],
    ['kan du ver snill og endre føremålet til synfaring?', 'synfaring'],
    ['could you change the purpose to a client visit?', 'a client visit'],
  ])('"%s" corrects the purpose', (text, purpose) => {
    expect(understand(text, { today, draft: 'outlay' as const })).toMatchObject({
      intent: 'correct',
      fix: { purpose },
    });
  });

  it('changes the purpose of the outlay being checked', () => {
    const { state } = run(
      [say('bom 44 kr i går'), say('prosjektmøte'), say('kan du endre formålet til kurs?')],
      { welcomed: true },
      c,
    );
    expect(state.outlay?.fields).toMatchObject({
      purpose: 'kurs',
      kind: 'toll',
      date: '2026-12-05',
    });
  });
});

describe('a need to put in an expense', () => {
  it.each([
    ['I need to put in a taxi from last night', 'taxi', '2026-12-05'],
    ['I have to hand in a hotel from yesterday', 'hotel', '2026-12-05'],
    ['jeg må sende inn en parkering fra i går', 'parking', '2026-12-05'],
  ])('"%s" starts the outlay with its kind and day', (text, kind, date) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { kind, date } });
  });

  it('a question how to put one in is for the guide', () => {
    expect(understand('how do I put in a taxi from yesterday?', fresh).intent).toBe('help');
  });
});

describe('a heading naming an occasion over a list of kinds', () => {
  it.each([
    [
      'fagdag i Tromsø, tirsdag: fly 2 100 kr og hotell 1 150 kr',
      [
        ['transport', 210000],
        ['hotel', 115000],
      ],
      '2026-12-01',
    ],
    [
      'kurs i går: tog 320 kr, lunsj 185 kr og kursbok 450 kr',
      [
        ['transport', 32000],
        ['meal', 18500],
        ['other', 45000],
      ],
      '2026-12-05',
    ],
    [
      'Bergen customer visit, Friday: taxi 310 NOK, lunch 220 NOK',
      [
        ['taxi', 31000],
        ['meal', 22000],
      ],
      '2026-12-04',
    ],
  ])('"%s" is one line per kind', (text, lines, date) => {
    const read = understand(text, fresh);
    expect(read.intent).toBe('newOutlays');
    if (read.intent !== 'newOutlays') return;
    expect(read.outlays.map((o) => [o.kind, o.amountMinor])).toEqual(lines);
    expect(read.outlays.every((o) => o.date === date)).toBe(true);
  });

  it('becomes one claim with its lines', () => {
    const { state } = run(
      [say('seminar på Lillehammer i dag: buss 240 kr og parkering 90 kr')],
      { welcomed: true },
      c,
    );
    expect(state.outlayClaim?.lines.length).toBe(2);
  });
});
