/**
 * Answers a question for one of the state's domestic rates from the rate table the bot computes
 * claims with (`src/claims/rates/state-rates.json`), not from the user guide: the guide has no
 * figures. The answer names the figures as the state's (særavtalen for reiser innenlands), marks
 * each figure no stored source confirmed, and cites no guide section, because none was used.
 */
import { knownYears, periodsOfYear, type OreFigure, type YearRates } from '../claims/rates.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import type { DayBand, RateKind, RatesQuestion } from '../understanding/rates-question.js';
import { formatDate } from './card-views.js';
import type { Turn } from './turn.js';
import { helpAnswerView } from './welcome-and-help.js';

type State = YearRates['state'];
/** One line of the answer: its wording and whether every figure in it is confirmed. */
interface Line {
  text: string;
  verified: boolean;
}

const PER_KM: Partial<Record<RateKind, keyof State>> = {
  car: 'carPerKm',
  passenger: 'passengerPerKm',
  forestRoad: 'forestRoadPerKm',
  trailer: 'trailerPerKm',
};

const DAY_BANDS: ReadonlyArray<[DayBand, 'perDiemDay6to12' | 'perDiemDayOver12', MessageKey]> = [
  ['6to12', 'perDiemDay6to12', 'rates.line.day6to12'],
  ['over12', 'perDiemDayOver12', 'rates.line.dayOver12'],
];

export function answerRates(turn: Turn, asked: RatesQuestion, personal: boolean) {
  const lang = turn.lang;
  const periods = periodsOfYear(asked.year);
  if (periods.length === 0) {
    const years = new Intl.ListFormat(lang === 'en' ? 'en' : 'nb', { type: 'conjunction' });
    return turn.say('rates.unknownYear', {
      year: asked.year,
      years: years.format(knownYears().map(String)),
    });
  }
  const lines = periods.flatMap((period) => {
    const own = linesOf(lang, asked, period.state);
    if (periods.length === 1) return own;
    const from = formatDate(lang, period.validFrom);
    const to = formatDate(lang, period.validTo);
    return [{ text: t(lang, 'rates.period', { from, to }), verified: true }, ...own];
  });
  const what = t(lang, `rates.what.${asked.rate}` as MessageKey);
  const unverified = t(lang, 'rates.unverified');
  const shown = lines.map((l) => (l.verified ? l.text : `${l.text}${unverified}`));
  const parts =
    // One figure is said in a sentence; per diem bands keep their labels in a list.
    shown.length === 1 && asked.rate !== 'perDiemDay'
      ? [t(lang, 'rates.one', { what, year: asked.year, figure: shown[0] ?? '' })]
      : [t(lang, 'rates.many', { what, year: asked.year }), shown.map((s) => `- ${s}`).join('\n')];
  if (lines.some((l) => !l.verified)) parts.push(t(lang, 'rates.unverifiedNote'));
  const action = PER_KM[asked.rate] ? 'mileage.start' : 'travel.start';
  turn.messages.push(
    helpAnswerView({ found: false, lang, text: parts.join('\n\n'), action }, personal),
  );
}

function linesOf(lang: Lang, asked: RatesQuestion, state: State): Line[] {
  const money = (figure: OreFigure) => formatMoney(figure.ore, 'NOK', lang);
  const line = (key: MessageKey, figure: OreFigure): Line => ({
    text: t(lang, key, { amount: money(figure) }),
    verified: figure.verified,
  });
  const perKm = PER_KM[asked.rate];
  if (perKm) {
    const key = asked.rate === 'passenger' ? 'rates.perPassengerKm' : 'rates.perKm';
    return [line(key, state[perKm] as OreFigure)];
  }
  switch (asked.rate) {
    case 'nightSupplement':
      return [line('rates.perNight', state.nightSupplement)];
    case 'mealDeduction':
      return mealLines(lang, state);
    case 'perDiemOvernight':
      return [line('rates.perDay', state.perDiemOvernight)];
    default: {
      // A day trip of given hours gets its band; without hours, both; per diem asked for
      // as such, the overnight rate and both day bands.
      const days = DAY_BANDS.filter(([band]) => !asked.band || asked.band === band).map(
        ([, name, key]) => line(key, state[name]),
      );
      if (asked.rate === 'perDiemDay') return days;
      return [line('rates.line.overnight', state.perDiemOvernight), ...days];
    }
  }
}

function mealLines(lang: Lang, state: State): Line[] {
  const { breakfast, lunch, dinner, basis } = state.mealDeduction;
  const meals: Array<[MessageKey, typeof breakfast]> = [
    ['rates.line.breakfast', breakfast],
    ['rates.line.lunch', lunch],
    ['rates.line.dinner', dinner],
  ];
  return [
    ...meals.map(([key, figure]) => ({
      text: t(lang, key, { percent: figure.percent }),
      verified: figure.verified,
    })),
    { text: t(lang, `rates.basis.${basis.value}`), verified: basis.verified },
  ];
}
