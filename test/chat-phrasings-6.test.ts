/**
 * The sixth round (eval/chat-own/cases-6): a request asked as a question that carries the facts,
 * a closing "kan du ta den?", a dated statement without its amount, km before the route with no
 * driving verb, a correction asked for, cancel with a reason or "hele greia", filing with a
 * lead-in, status without a state word, charging as a verb, an operator's ticket, and "god
 * ettermiddag". The project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand, type Understanding } from '../src/understanding/understand.js';

const fresh = { today: '2026-12-06' };
const outlayOf = (u: Understanding) => (u.intent === 'newOutlay' ? u.outlay : undefined);

describe('statements asked as requests', () => {
  it.each([
    ['kan du føre et utlegg på 230 kr for taxi i går?', { kind: 'taxi', amountMinor: 23000 }],
    ['can you log a taxi for 300 kr yesterday?', { kind: 'taxi', amountMinor: 30000 }],
    [
      'Var på befaring i Asker i dag og betalte 75 kr for parkering. Kan du ta den?',
      { kind: 'parking', amountMinor: 7500, date: '2026-12-06' },
    ],
    ['drosje frå Bergen stasjon til kontoret i går', { kind: 'taxi', date: '2026-12-05' }],
    ['ladet bilen på Tesla supercharger 145 kr i går', { kind: 'fuel', amountMinor: 14500 }],
    ['Ruter-billett 44 kr i dag', { kind: 'transport', amountMinor: 4400 }],
  ])('"%s" is an outlay %o', (text, expected) => {
    expect(outlayOf(understand(text, fresh))).toMatchObject(expected);
  });

  it('a how-to asked of the bot stays a question', () => {
    expect(understand('kan du fortelle meg hvordan jeg fører parkering 50 kr?', fresh).intent).toBe(
      'help',
    );
    expect(understand('jeg lurer på om hotell dekkes av firmaet', fresh).intent).toBe('help');
  });

  it('km before the route, without a driving verb, is a trip', () => {
    const u = understand('46 km i dag, frå kontoret til kunden på Straume', fresh);
    expect(u).toMatchObject({ intent: 'newMileage', trip: { km: 46, from: 'Kontoret' } });
  });
});

describe('commands with more around them', () => {
  it.each([['gløym det, eg fører det sjølv'], ['nei, avbryt hele greia'], ['kast det']])(
    '"%s" cancels',
    (text) => {
      expect(parseCommand(text)?.name).toBe('cancel');
    },
  );

  it.each([['ja, send den inn'], ['send det inn no'], ['looks good, submit it']])(
    '"%s" files',
    (text) => {
      expect(parseCommand(text)?.name).toBe('file');
    },
  );

  it('"kan du endre datoen til fredag?" corrects the date', () => {
    const u = understand('kan du endre datoen til fredag?', { ...fresh, draft: 'outlay' });
    expect(u).toMatchObject({ intent: 'correct', fix: { date: '2026-12-04' } });
  });

  it('"god ettermiddag" is a greeting', () => {
    expect(understand('god ettermiddag', fresh)).toMatchObject({ command: { name: 'greeting' } });
  });
});

describe('status without a state word', () => {
  it.each([['noe nytt på kravet mitt?'], ['did my parking claim go through?']])(
    '"%s" asks where a claim stands',
    (text) => {
      expect(understand(text, fresh)).toMatchObject({
        intent: 'claimsQuestion',
        question: { ask: 'status' },
      });
    },
  );

  it('"føre noe nytt i Expense" is about the form, for the guide', () => {
    const asked = 'hvor mange valg har jeg når jeg skal føre noe nytt i Expense?';
    expect(understand(asked, fresh).intent).toBe('help');
  });
});
