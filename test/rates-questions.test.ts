/**
 * Questions for the state's domestic rates are answered from the rate table the bot computes
 * claims with, in the user's language, for the year asked, citing no guide section; questions the
 * domestic table cannot answer (abroad, other vehicles, tax), how-to questions, expenses stated
 * and questions about the user's own money go where they went before.
 */
import { describe, expect, it } from 'vitest';
import { knownYears, ratesFor, type OreFigure } from '../src/claims/rates.js';
import { formatMoney, type Lang } from '../src/i18n/translate.js';
import { understand } from '../src/understanding/understand.js';
import { cards, ctx, plainSpaces, run, say, texts } from './helpers/engine-driver.js';

const TODAY = '2026-11-24';
const THIS_YEAR = ratesFor(TODAY).state;
const LAST_YEAR = ratesFor('2025-06-01').state;
const CITATION = /\b(?:Kilde|Kjelde|Source)\s*:/i;

const money = (figure: OreFigure, lang: Lang) => plainSpaces(formatMoney(figure.ore, 'NOK', lang));
const read = (text: string) => understand(text, { today: TODAY });

/** Everything the bot showed for one typed message: texts and the help-answer card's text. */
function reply(text: string, lang: Lang = 'nb', scope: 'personal' | 'groupChat' = 'personal') {
  const locale = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' }[lang];
  const { last } = run([say(text)], { welcomed: true }, ctx({ locale, scope }));
  const shown = [...texts(last), ...cards(last).map((c) => String(c.data.text))];
  return { shown: plainSpaces(shown.join('\n')), last };
}

describe('reading a question for a rate', () => {
  it.each([
    ['hva er kilometersatsen nå?', 'car'],
    ['hvor mye betales det per km når jeg kjører egen bil?', 'car'],
    ['what does the state pay per kilometre for mileage?', 'car'],
    // An electric car is a car: the state's rate is the same.
    ['what is the mileage rate for an electric car in Norway?', 'car'],
    ['kor mykje får eg per km med elbil?', 'car'],
    ['kor mykje er passasjertillegget?', 'passenger'],
    ['what is the supplement per km for carrying a passenger?', 'passenger'],
    ['hva er satsen for kjøring på skogsvei?', 'forestRoad'],
    ['kva er tillegget for tilhengar?', 'trailer'],
    ['how much is the trailer supplement?', 'trailer'],
    ['hvor mye er diettsatsen?', 'perDiem'],
    ['kva er satsane for diett?', 'perDiem'],
    ['what is the per diem rate for a day trip?', 'perDiemDay'],
    ['hvor mye diett får man for en dagsreise på 10 timer?', 'perDiemDay'],
    ['kor mykje er døgndietten med overnatting?', 'perDiemOvernight'],
    ['how much per diem is paid per day when staying overnight?', 'perDiemOvernight'],
    ['hva er satsen for nattillegg?', 'nightSupplement'],
    ['hvor mye trekkes for lunsj i dietten?', 'mealDeduction'],
  ])('%s → %s', (text, rate) => {
    const meant = read(text);
    expect(meant.intent).toBe('ratesQuestion');
    if (meant.intent === 'ratesQuestion') expect(meant.rates.rate).toBe(rate);
  });

  it('takes the year named, relative or written, else today’s', () => {
    const year = (text: string) => {
      const meant = read(text);
      return meant.intent === 'ratesQuestion' ? [meant.rates.year, meant.rates.yearNamed] : [];
    };
    expect(year('hva var kilometersatsen i fjor?')).toEqual([2025, true]);
    expect(year('kva er diettsatsen for 2025?')).toEqual([2025, true]);
    expect(year("what's the passenger rate this year?")).toEqual([2026, true]);
    expect(year('hva er kilometersatsen?')).toEqual([2026, false]);
  });

  it('puts the hours of a day trip in their band', () => {
    const band = (text: string) => {
      const meant = read(text);
      return meant.intent === 'ratesQuestion' ? meant.rates.band : 'not a rate question';
    };
    expect(band('hvor mye diett får jeg for 9 timer?')).toBe('6to12');
    expect(band('how much is the per diem for a 14 hour day trip?')).toBe('over12');
    expect(band('kor mykje er dagdietten over 12 timar?')).toBe('over12');
    expect(band('hvor mye er dagdietten?')).toBeUndefined();
  });

  it.each([
    // Statements with an amount start outlays.
    'diett 450 kr i går',
    'kjøregodtgjørelse 530 kr for turen til Hamar',
    // How-to and entitlement questions are for the guide.
    'hvordan registrerer jeg diett?',
    'korleis fører eg passasjer på køyringa?',
    'how do I claim mileage for a trailer?',
    'får jeg diett for en dagstur til Gjøvik?',
    // The user's own money.
    'har jeg fått diett for reisen til Bodø?',
    'hvor mye kilometergodtgjørelse har jeg fått utbetalt i år?',
    'how much per diem did I get on my last claim?',
    // Abroad, a foreign place, another vehicle than a car, tax, a special case.
    'hva er diettsatsen i Danmark?',
    'how much per diem do I get in Stockholm?',
    'what is the per diem for a day in Berlin?',
    'kva er diettsatsen for reiser utanlands?',
    'what is the mileage rate for an electric car in Sweden?',
    'hvor mye får jeg per km med motorsykkel?',
    'hvor mye av dietten er skattefri?',
    'how much of the mileage allowance is taxable?',
    'what is the night supplement if I stay with family?',
    'er kilometersatsen lik for diesel og bensin?',
  ])('leaves “%s” where it went before', (text) => {
    expect(read(text).intent).not.toBe('ratesQuestion');
  });
});

describe('answering a rate question', () => {
  it('gives the car rate per km of this year as the state rate, in bokmål, with no guide citation', () => {
    const { shown, last } = reply('hva er kilometersatsen i år?');
    expect(shown).toContain(`${money(THIS_YEAR.carPerKm, 'nb')} per km`);
    expect(shown).toContain('Statens sats');
    expect(shown).toContain('særavtalen for reiser innenlands');
    expect(shown).toMatch(/\b2026\b/);
    expect(shown).not.toMatch(CITATION);
    expect(last.effects).toEqual([]);
    // The table's own figure, so the test also notices a wrong table.
    expect(shown).toContain('5,30 kr per km');
    // A mileage claim can be started from the answer.
    expect(cards(last)[0]?.data.action).toBe('mileage.start');
  });

  it('gives the passenger supplement in nynorsk and says it is not confirmed', () => {
    expect(THIS_YEAR.passengerPerKm.verified).toBe(false);
    const { shown } = reply('kor mykje får ein per km for kvar passasjer?', 'nn');
    expect(shown).toContain(money(THIS_YEAR.passengerPerKm, 'nn'));
    expect(shown).toMatch(/ikkje stadfesta/i);
    expect(shown).not.toMatch(CITATION);
  });

  it('gives the forest road and trailer supplements', () => {
    expect(reply('hva er tillegget for skogsbilvei?').shown).toContain(
      money(THIS_YEAR.forestRoadPerKm, 'nb'),
    );
    expect(reply('how much is the trailer rate per km?', 'en').shown).toContain(
      money(THIS_YEAR.trailerPerKm, 'en'),
    );
  });

  it('gives per diem with an overnight stay and both day-trip bands, in English', () => {
    const { shown, last } = reply('what are the per diem rates?', 'en');
    expect(shown).toContain(money(THIS_YEAR.perDiemOvernight, 'en'));
    expect(shown).toContain(money(THIS_YEAR.perDiemDay6to12, 'en'));
    expect(shown).toContain(money(THIS_YEAR.perDiemDayOver12, 'en'));
    expect(shown).toMatch(/6–12 hours/);
    expect(shown).toMatch(/over 12 hours/);
    expect(shown).toMatch(/not confirmed/i);
    expect(shown).not.toMatch(CITATION);
    expect(cards(last)[0]?.data.action).toBe('travel.start');
  });

  it('gives the overnight rate alone when an overnight stay is asked about', () => {
    const { shown } = reply('hvor mye er diett per døgn med overnatting?');
    expect(shown).toContain(`${money(THIS_YEAR.perDiemOvernight, 'nb')} per døgn`);
    expect(shown).not.toContain(money(THIS_YEAR.perDiemDay6to12, 'nb'));
  });

  it('gives the band the hours of a day trip fall in', () => {
    const { shown } = reply('hvor mye diett blir det for en dagsreise på 13 timer?');
    expect(shown).toContain(money(THIS_YEAR.perDiemDayOver12, 'nb'));
    expect(shown).not.toContain(money(THIS_YEAR.perDiemDay6to12, 'nb'));
  });

  it('gives last year’s figures when last year is asked about, confirmed ones unmarked', () => {
    expect(LAST_YEAR.carPerKm.verified).toBe(true);
    const { shown } = reply('hva var kilometersatsen i fjor?');
    expect(shown).toContain(`${money(LAST_YEAR.carPerKm, 'nb')} per km`);
    expect(shown).toContain('5,00 kr');
    expect(shown).toMatch(/\b2025\b/);
    expect(shown).not.toMatch(/ikke bekreftet/i);
  });

  it('gives the meal deductions as percentages', () => {
    const { shown } = reply('how much is deducted for breakfast from the per diem?', 'en');
    const { breakfast, lunch, dinner } = THIS_YEAR.mealDeduction;
    for (const meal of [breakfast, lunch, dinner]) expect(shown).toContain(`${meal.percent} %`);
  });

  it('says which years it knows when the year asked has no rates', () => {
    const { shown } = reply('hva var diettsatsen i 2019?');
    expect(shown).toContain('2019');
    for (const year of knownYears()) expect(shown).toContain(String(year));
    expect(shown).not.toContain(money(LAST_YEAR.perDiemOvernight, 'nb'));
  });

  it('answers in a group chat too, without a button that would start a claim', () => {
    const { shown, last } = reply('hva er kilometersatsen?', 'nb', 'groupChat');
    expect(shown).toContain(money(THIS_YEAR.carPerKm, 'nb'));
    expect(cards(last)).toEqual([]);
  });

  it('sends a how-to question and a question about rates abroad to the guide, as before', () => {
    for (const text of ['hvordan fører jeg diett?', 'how much per diem do I get in Sweden?']) {
      const { last, shown } = reply(text);
      expect(last.effects).toContainEqual(expect.objectContaining({ type: 'answerHelp' }));
      expect(shown).not.toContain(money(THIS_YEAR.perDiemOvernight, 'nb'));
    }
  });
});
