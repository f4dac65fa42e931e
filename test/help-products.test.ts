/**
 * The eleventh round's shapes, in the users' words: a product or service the guide does not name,
 * asks for a frequency, a size or a limit, logging out and notifications, and a procedure whose
 * action and object sit in two different sections. Each with the in-guide questions that look
 * like it and must stay answered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { askLikeTheBot } from '../scripts/lib/help-eval.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { productNames } from '../src/help/word-forms.js';
import type { Lang } from '../src/i18n/translate.js';
import { cited } from './helpers/help-answer.js';

let help: HelpService;
beforeAll(() => {
  help = new HelpService(loadGuide());
});

/** What each question cites ([] for nothing). */
type Case = [Lang, string, string | []];

async function expectCites([lang, question, section]: Case): Promise<void> {
  const ids = cited(await askLikeTheBot(help, question, lang));
  if (Array.isArray(section)) expect(ids, question).toEqual([]);
  else expect(ids, question).toContain(section);
}

describe('which capitalised words name a product', () => {
  const known = (word: string) => ['kari', 'hamar'].includes(word.toLowerCase());
  const common = (word: string) => ['drive', 'app', 'visma', 'attach'].includes(word.toLowerCase());
  const read = (text: string) => Object.fromEntries(productNames(text, known, common));

  it('reads brands, compounds and two-word names as products', () => {
    expect(read('how do I log in with BankID?')).toEqual({ bankid: 'brand' });
    expect(read('kan jeg bruke Vipps-kvitteringen?')).toEqual({ vipps: 'name' });
    expect(read('does it work with Google Maps?')).toEqual({ google: 'name', maps: 'name' });
    expect(read('kan eg laste opp frå Google Drive?')).toEqual({ google: 'name', drive: 'inName' });
  });

  it('leaves places, people and the guide’s own names alone', () => {
    expect(read('what counts when I fly to New York?')).toEqual({});
    expect(read('jeg kjørte med Kari Nordmann til Hamar')).toEqual({});
    expect(read('hvordan laster jeg ned Visma Attach fra App Store?')).toEqual({});
  });
});

describe('a product or service the guide does not name is outside it', () => {
  const cases: Case[] = [
    ['en', 'can I sign in to Expense with BankID?', []],
    ['nb', 'kan jeg sende kvitteringen fra WhatsApp rett inn i Expense?', []],
    ['en', 'does Expense measure the distance with Google Maps?', []],
    // Passengers' names and phones stay what they were.
    ['en', 'drove with Kjetil to Gol, how do I add him as passenger?', '5.3'],
    ['nb', 'jeg kjørte med Kari Nordmann til Hamar, hvordan legger jeg henne til?', '5.3'],
    ['nb', 'hvordan laster jeg ned Visma Attach fra App Store?', '4'],
  ];
  it.each(cases)('[%s] %s cites %j', (...c) => expectCites(c));
});

describe('how often, how big and a limit ask for a number', () => {
  const cases: Case[] = [
    ['nn', 'kor ofte må eg endre passordet?', []],
    ['en', 'how often do I have to change my Expense password?', []],
    ['nb', 'hvor stor kan bildefilen av kvitteringen være?', []],
    ['en', 'is there a maximum number of passengers on one trip?', []],
    ['nb', 'hva er maks antall vedlegg i Attach?', []],
    // The guide states the password's minimum, and a "new claim" is no limit.
    ['en', 'what is the minimum length of the password?', '1'],
    ['en', 'what goes in first when I make a new claim?', '5.1'],
  ];
  it.each(cases)('[%s] %s cites %j', (...c) => expectCites(c));
});

describe('logging out, notifications and security are not in the guide', () => {
  const cases: Case[] = [
    ['nb', 'hvorfor blir jeg logget ut av Expense hele tiden?', []],
    ['en', 'how do I switch off the e-mail notifications from Expense?', []],
    ['nn', 'er passordet mitt trygt, kven har innsyn i det?', []],
    ['en', 'how do I log in to Expense?', '1'],
  ];
  it.each(cases)('[%s] %s cites %j', (...c) => expectCites(c));
});

describe('a procedure is described in one place', () => {
  const cases: Case[] = [
    // "Change the language" is Expense's settings; the Attach app on a phone is another section.
    ['nn', 'korleis endrar eg språket i Attach-appen på mobilen?', []],
    ['en', 'how do I set the Attach app to English on my phone?', []],
    ['nb', 'hvordan endrer jeg språket i Expense?', '2'],
    ['en', 'how do I add a passenger?', '5.3'],
  ];
  it.each(cases)('[%s] %s cites %j', (...c) => expectCites(c));
});
