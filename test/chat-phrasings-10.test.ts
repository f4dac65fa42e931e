/**
 * The tenth round (after eval/chat-own/cases-9 was measured): cancel, undo and filing after more
 * than one lead-in clause, with a slip of the keyboard or an emoji, or said as not filing it after
 * all; a purpose changed by "make the purpose …"; what the receipt says in Norwegian; ordinals,
 * named days and thousands in short; a heading that counts the items of a list; a terse trip with
 * a lower-case dash route; claims "in the system"; dialect spellings of little words; praise. The
 * project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/i18n/language-detect.js';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';
import { standardWords } from '../src/text/dialect.js';
import { run, say } from './helpers/engine-driver.js';

const fresh = { today: '2026-12-06' };

describe('cancel, undo and filing in yet more shapes', () => {
  it.each([
    ['hmm, nei, det der ble dobbelt – bare slett det', 'cancel'],
    ['forget that one, I will sort it out tomorrow', 'cancel'],
    ['cancell', 'cancel'],
    ['avbyrt', 'cancel'],
    ['vi fører ikke den reisen likevel', 'cancel'],
    ["I'm not claiming it after all", 'cancel'],
    ['å nei, det var ikke meningen – angre', 'undo'],
    ['kan du hente tilbake det jeg avbrøt?', 'undo'],
    ['angre den siste', 'undo'],
    ['bare kjør, send den', 'file'],
    ['ship it 🙌', 'file'],
    ['all good, push it through', undefined],
    ['looks right, send it through', 'file'],
  ])('"%s" is %s', (text, name) => {
    expect(parseCommand(text)?.name).toBe(name);
  });

  it('a slip is read only in long command words', () => {
    expect(parseCommand('avbryt')?.name).toBe('cancel');
    expect(parseCommand('slutt')).toBeUndefined();
  });

  it('"ikkje send" and a list with "send" in it file nothing', () => {
    expect(parseCommand('ikkje send inn enno')?.name).not.toBe('file');
    expect(parseCommand('lunsj 120 kr, send inn')?.name).not.toBe('file');
  });
});

describe('corrections said in other ways', () => {
  const open = { ...fresh, draft: 'outlay' as const };

  it.each([
    ['actually, make the purpose "workshop with Statkraft"', 'workshop with Statkraft'],
    ['oi, formålet: «befaring på Gardermoen»', 'befaring på Gardermoen'],
  ])('"%s" sets the purpose', (text, purpose) => {
    expect(understand(text, open)).toMatchObject({ intent: 'correct', fix: { purpose } });
  });

  it.each([
    ['kvitteringen viser 312', 31200],
    ['kvitteringa syner 97', 9700],
  ])('"%s" answers "how much?"', (text, amountMinor) => {
    expect(understand(text, { ...open, missing: 'amount' as const })).toMatchObject({
      intent: 'correct',
      fix: { amountMinor },
    });
  });

  it('the purpose changed after the review card keeps the amount', () => {
    const { state } = run([
      say('lunsj 240 kr i dag'),
      say('kundemøte'),
      say('egentlig, endre formålet til "oppstartsmøte"'),
    ]);
    expect(state.outlay?.fields).toMatchObject({ amount: '240', purpose: 'oppstartsmøte' });
  });
});

describe('amounts and dates in other hands', () => {
  it.each([
    ['taxi 21ste nov 310 kr', '2026-11-21'],
    ['ferje den 3dje desember 96 kr', '2026-12-03'],
    ['parkering 60 kr fjerde desember', '2026-12-04'],
    ['dinner on the second of December, 640 NOK', '2026-12-02'],
    ['hotell tjueførste november 1 100 kr', '2026-11-21'],
    ['taxi 410 kr første juledag', '2025-12-25'],
    ["taxi home New Year's Eve 690 NOK", '2025-12-31'],
  ])('"%s" is dated %s', (text, date) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { date } });
  });

  it.each([
    ['hotell 2,4k i går', 240000],
    ['flight 3k yesterday', 300000],
    ['betalte to hundrelapper for parkeringa', 20000],
    ['taxi NOK412 i går', 41200],
    ['p 35 i dag', 3500],
  ])('"%s" is %i øre', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });

  it('"attende" (eighth or eighteenth once folded) is no date', () => {
    const u = understand('taxi 300 kr attende november', fresh);
    expect(u.intent === 'newOutlay' && u.outlay.date).toBeFalsy();
  });

  it('"parked" is parking', () => {
    expect(understand('parked by the client in Bærum yesterday, 70 NOK', fresh)).toMatchObject({
      outlay: { kind: 'parking', amountMinor: 7000 },
    });
  });
});

describe('a heading that counts the items of a list', () => {
  it.each([
    ['three things from yesterday: taxi 240 NOK, lunch 180 and a toll of 44', 3],
    ['2 ting frå reisa: ferje 96, middag 410', 2],
  ])('"%s" is one claim of %i lines', (text, n) => {
    const u = understand(text, fresh);
    expect(u.intent === 'newOutlays' && u.outlays.length).toBe(n);
  });
});

describe('a terse trip with a lower-case dash route', () => {
  it.each([
    ['km 38 hjem-Sandvika i går', { km: 38, from: 'Hjem', to: 'Sandvika' }],
    ['kjørte 22 km kontor - lageret', { km: 22, from: 'Kontor', to: 'Lageret' }],
  ])('"%s"', (text, trip) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip });
  });

  it('"t-bane" and "p-hus" are no routes', () => {
    const u = understand('kjørte 14 km, p-hus 60 kr', fresh);
    expect(u.intent === 'newMileage' && (u.trip?.from ?? u.trip?.to)).toBeFalsy();
  });
});

describe('claims in the system, dialect and praise', () => {
  it.each([['hvor mange krav ligger inne nå?'], ['how many expenses are in the system?']])(
    '"%s" counts the user\'s claims',
    (text) => {
      expect(understand(text, fresh)).toMatchObject({
        intent: 'claimsQuestion',
        question: { ask: 'count' },
      });
    },
  );

  it('dialect spellings of little words are the standard ones', () => {
    expect(standardWords('kæm har godkjent det æ sendte?')).toBe(
      'kven har godkjent det eg sendte?',
    );
    expect(standardWords('Vitamin E og e-post')).toBe('Vitamin E og e-post');
    expect(understand('ka har æ sendt inn?', fresh).intent).toBe('claimsQuestion');
  });

  it.each([['du e best!'], ["you're a lifesaver"], ['det gjekk kjapt, takk']])(
    '"%s" is thanked for',
    (text) => {
      expect(understand(text, fresh)).toMatchObject({
        intent: 'command',
        command: { name: 'thanks' },
      });
    },
  );

  it('a purpose with thanks after it is still the purpose', () => {
    expect(
      understand('synfaring, takk', { ...fresh, draft: 'outlay', awaitingPurpose: 'outlay' }),
    ).toMatchObject({ intent: 'answerPurpose' });
  });

  it('nynorsk plural toll words tell nynorsk', () => {
    expect(detectLanguage('bompengar 52 kr i går')).toBe('nn');
  });
});

describe('a trip with stops', () => {
  it.each([
    ['kjørte Bergen - Voss - Myrdal - Bergen i går, 260 km', 'Bergen', 'Voss – Myrdal – Bergen'],
    ['drove Hamar–Gjøvik–Lillehammer, 95 km', 'Hamar', 'Gjøvik – Lillehammer'],
  ])('"%s" starts at the first place and ends with the stops after it', (text, from, to) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { from, to } });
  });
});
