import { describe, expect, it } from 'vitest';
import { t, type Lang } from '../src/i18n/translate.js';
import { understand } from '../src/understanding/understand.js';

// "hjelp" lists what the bot can do, with commands in bold and examples in quotes: each must do
// what the line says, or the help text teaches the user something that fails.
const LANGS: Lang[] = ['nb', 'nn', 'en'];
const today = '2026-12-06';

describe('every command and example the help text gives is understood as it says', () => {
  it.each(LANGS)('%s', (lang) => {
    const text = t(lang, 'help.text');
    const bold = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] as string);
    const commands = bold
      .filter((b) => !/^(?:språk|language)\b/.test(b))
      .map((b) => {
        const meant = understand(b, { today });
        return meant.intent === 'command' ? meant.command.name : meant.intent;
      });
    expect(commands).toEqual([
      'newOutlay',
      'newMileage',
      'newTravel',
      'myClaims',
      'myReceipts',
      'cancel',
      'undo',
    ]);
    const examples = [...text.matchAll(/[«"]([^»"]+)[»"]/g)].map((m) => m[1] as string);
    expect(examples.map((e) => understand(e, { today }).intent)).toEqual([
      'newOutlay',
      'newMileage',
      'newTravel',
      'claimsQuestion',
      'help',
    ]);
  });
});
