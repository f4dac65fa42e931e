/**
 * The slot grammar of trips, as small patterns for the shapes of each slot rather than lists of
 * sentences: distances ("48 km", "2 x 48 km", "48 km x 2", "4,8 mil", "48 km hver vei"), round
 * trips ("tur/retur", "t/r", "og tilbake", "and back"), routes ("fra Oslo til Hamar",
 * "Drammen–Kongsberg", "Drammen - Kongsberg"), passengers ("med Kari og Ola", "Siri var med",
 * "brought Jonas along", "with my colleague Per") and a destination ("i Bodø", "the Stavanger
 * workshop"). Rules read the folded text (lower case, no diacritics, same positions as the
 * original); names are read off the original, where capitals still mark them.
 */
import { MONTHS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from '../text/typed-date.js';
import type { Message } from './message.js';

export interface Distance {
  /** The distance driven in total, after multipliers and "each way". */
  km: number;
  start: number;
  end: number;
}

const NUM = String.raw`(\d{1,4}(?:[.,]\d{1,2})?)`;
const TIMES = String.raw`\s*(?:x|×|\*|ganger|gonger|times)\s*`;
const UNIT = String.raw`\s*(km|kilometer|kilometre|kilometers|kilometres|mil)(?![\p{L}])`;
const ODOMETER_READING = String.raw`(\d{1,3}(?:[ .]\d{3})+|\d{1,7})`;
/** "kjørte 3 turer à 14 km", "2 trips of 35 km": a count of trips before their length. */
const TRIPS = String.raw`\s*(?:turer|turar|trips|runder|rundar|rounds)\s*(?:a|à|@|pa|of|x|med|at)?\s*`;
const DISTANCES: ReadonlyArray<{
  re: RegExp;
  km: (m: RegExpExecArray) => number;
  /** A multiplier is written, so "hver vei" does not double it again. */
  multiplied?: boolean;
}> = [
  // "8, 12 og 15 km", "10 + 14 km": short trips listed, added up (a decimal comma has no space,
  // and "27.11, 31 km" is a date before a distance).
  {
    re: new RegExp(
      `(?<![\\d.,/])(\\d{1,4}(?:,\\d{1,2})?)(?![.\\d])((?:,\\s+\\d{1,4}(?:,\\d{1,2})?)*(?:,\\s+|\\s*\\+\\s*|\\s+(?:og|and)\\s+)\\d{1,4}(?:,\\d{1,2})?)${UNIT}`,
      'u',
    ),
    km: (m) =>
      [m[1], ...(m[2] ?? '').split(/,\s+|\s*\+\s*|\s+(?:og|and)\s+/u)]
        .filter((n) => n !== undefined && n.trim() !== '')
        .map((n) => Number((n ?? '').trim().replace(',', '.')))
        .reduce((a, b) => a + b, 0) * (m[3] === 'mil' ? 10 : 1),
    multiplied: true,
  },
  // "km-stand fra 45 210 til 45 298", "odometer 12 400 – 12 488": the difference driven.
  {
    re: new RegExp(
      String.raw`\b(?:km-?stand\w*|kilometerstand\w*|malerstand\w*|odometer|mileage\s+reading)\s*(?:fra|fraa|from|var|was)?\s*${ODOMETER_READING}\s*(?:til|to|-)\s*${ODOMETER_READING}(?!\d)`,
      'u',
    ),
    km: (m) => reading(m[2]) - reading(m[1]),
    multiplied: true,
  },
  {
    re: new RegExp(`(\\d)(?:${TIMES}|${TRIPS})${NUM}${UNIT}`, 'u'),
    km: (m) => Number(m[1]) * unit(m, 2, 3),
    multiplied: true,
  },
  {
    re: new RegExp(`${NUM}${UNIT}${TIMES}(\\d)(?!\\d)`, 'u'),
    km: (m) => unit(m, 1, 2) * Number(m[3]),
    multiplied: true,
  },
  { re: new RegExp(`${NUM}${UNIT}`, 'u'), km: (m) => unit(m, 1, 2) },
  // "km: 45", "kilometer = 120", "km 46": the unit as a label before the figure.
  {
    re: new RegExp(
      `\\b(km|kilometer|kilometre)\\s*[:=]?\\s*${NUM}(?!\\d|[.,]\\d|\\s*(?:kr|nok|,-|km))`,
      'u',
    ),
    km: (m) => Number((m[2] ?? '').replace(',', '.')),
  },
];
function reading(text: string | undefined): number {
  return Number((text ?? '').replace(/\D/g, ''));
}
function unit(m: RegExpExecArray, value: number, name: number): number {
  const n = Number((m[value] ?? '').replace(',', '.'));
  // The Norwegian mil is ten kilometres.
  return m[name] === 'mil' ? n * 10 : n;
}

/** "samme vei tilbake", "same veg attende", "same way back": back the way one came, as far. */
const SAME_WAY_BACK = String.raw`\b(?:samme|same)\s+(?:vei|veg|way|strekning)\s+(?:tilbake|attende|heim|hjem|back|home)\b`;
const ROUND_TRIP = new RegExp(
  String.raw`\btur\s*[-/]?\s*retur\b|\bt\s*\/\s*r\b|\b(?:fram|frem)?\s*og\s+tilbake\b|\band\s+back\b|\bthere\s+and\s+back\b|\bround[\s-]?trip\b|\breturn\s+trip\b|\bboth\s+ways\b|\bbegge\s+(?:veier|vegar|vegene|veiene|retninger|retningar)\b|\b(?:hjem|heim|home)\s+(?:igjen|att|again)\b|\b(?:til|to)\s+(?:og|and)\s+(?:fra|from)\b|${SAME_WAY_BACK}`,
  'u',
);

/** "hver vei", "kvar veg", "each way" (the figure is for one direction of a trip both ways). */
const EACH_WAY = new RegExp(
  String.raw`\b(?:hver|kvar|each|per)\s+(?:vei|veg|way|retning)\b|${SAME_WAY_BACK}`,
  'u',
);
/** "én vei", "one way": the figure is one direction, doubled only when the trip went both ways. */
const ONE_WAY = /\b(?:one|en|ein|ei)\s+(?:vei|veg|way|retning)\b/u;
/** "ikke tur/retur", "not a round trip": the words of a round trip, denied. */
const DENIED = /\b(?:ikke|ikkje|not|no|never)(?:\s+(?:a|an|en|ein|noen|nokon|some))?\s*$/u;

export function isRoundTrip(folded: string): boolean {
  const re = new RegExp(ROUND_TRIP.source, 'gu');
  return [...folded.matchAll(re)].some((m) => !DENIED.test(folded.slice(0, m.index)));
}

/** The distance in the text; a figure for one way of a round trip counts twice. */
/** "Oslo–Drammen 40 km og videre til Kongsberg 42 km": legs told one after another, added up. */
const LEG_WORDS =
  /\b(?:videre|vidare|deretter|etterpa|sa|then|on\s+to|onwards?|after\s+that|og\s+sa)\b/u;
const ONE_LEG = new RegExp(`${NUM}${UNIT}`, 'gu');
/** "Hamar–Stange 16 km, Stange–Løten 21 km og …": a list of legs, each with its own two ends. */
const NEXT_LEG_IN_LIST =
  /^\s*(?:,|;|\+|og|and)\s*(?:(?:og|and|sa|then)\s+)?(?:(?:fra|from)\s+)?\p{L}[\p{L} .]*?\s*(?:-|>|->|til|to)\s*\p{L}[\p{L} .]*?\s*$/u;

function legsTotal(folded: string): Distance | undefined {
  const legs = [...folded.matchAll(ONE_LEG)];
  if (legs.length < 2 || legs.length > 5) return undefined;
  const between = legs.slice(1).every((leg, i) => {
    const prev = legs[i] as RegExpExecArray;
    const between = folded.slice(prev.index + prev[0].length, leg.index);
    return LEG_WORDS.test(between) || NEXT_LEG_IN_LIST.test(between);
  });
  if (!between) return undefined;
  const km = legs.reduce((sum, m) => sum + unit(m, 1, 2), 0);
  const last = legs[legs.length - 1] as RegExpExecArray;
  return {
    km: Math.round(km * 10) / 10,
    start: legs[0]?.index ?? 0,
    end: last.index + last[0].length,
  };
}

const perDirection = (folded: string) =>
  EACH_WAY.test(folded) || (ONE_WAY.test(folded) && isRoundTrip(folded));

export function findDistance(msg: Message): Distance | undefined {
  for (const { re, km, multiplied } of DISTANCES) {
    const m = re.exec(msg.folded);
    if (!m) continue;
    const one = km(m);
    if (!(one > 0)) return undefined;
    if (!multiplied && !perDirection(msg.folded)) {
      const legs = legsTotal(msg.folded);
      if (legs) return legs;
    }
    const total = !multiplied && perDirection(msg.folded) ? one * 2 : one;
    return { km: Math.round(total * 10) / 10, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** A car named: with a distance, enough to make a trip ("tur til Hamar med bil, 123 km"). */
const CAR = /\b(?:bil|bilen|car|privatbil|elbil|egen\s+bil|eigen\s+bil|own\s+car|my\s+car)\b/u;

export function mentionsCar(folded: string): boolean {
  return CAR.test(folded);
}

/** Driving verbs and nouns, with or without diacritics, in all three languages. */
const DRIVING =
  /\b(?:kjor(?:te|de|t|e|ing|er)|koyr(?:de|te|t|e|ing|er)|drove|driven|drive|driving|mileage|kjoregodtgjorelse|koyregodtgjersle|bilkjoring|bilgodtgjorelse|kilometergodtgjorelse)\b/u;

export function mentionsDriving(folded: string): boolean {
  return DRIVING.test(folded);
}

// ---------------------------------------------------------------------------------------------
// Names: places and people, read off the original text.

/** A dot only inside or after a short abbreviation ("St. Olavs plass"), not a sentence's end ("Molde. Do …"). */
const WORD = String.raw`\p{Lu}[\p{L}']*(?:\.(?<=(?<![\p{L}])[\p{L}]{1,3}\.)(?:[\p{L}']+)?)*`;
/** One or more capitalised words ("Drammen", "Oslo S", "Nye Veier"), no dash inside. */
const PLACE = `(${WORD}(?:\\s+${WORD})*)`;
const NOT_A_PLACE = new Set([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(WEEKDAY_ABBREVIATIONS),
  'i',
  'jeg',
  'eg',
]);

function place(found: string | undefined): string | undefined {
  if (!found) return undefined;
  const words = found.split(/\s+/);
  while (words.length && NOT_A_PLACE.has(words[words.length - 1]?.toLowerCase() ?? '')) words.pop();
  const name = words.join(' ').replace(/\.$/, '');
  return name && !NOT_A_PLACE.has(name.toLowerCase()) ? name : undefined;
}

const FROM = new RegExp(String.raw`(?<![\p{L}])(?:fra|frå|from)\s+${PLACE}`, 'gu');
/** "Kari satt på fra Hamar": where a passenger got in, not where the trip started. */
const GOT_IN_BEFORE =
  /(?:satt|sat|sitte|sitje|var\s+med|kom\s+med|ble\s+med|blei\s+med|joined|hopped\s+in|got\s+in|steg\s+på|steig\s+på|hoppet\s+på|hoppa\s+på|rode\s+along|came\s+along)(?:\s+på)?\s+$/iu;

function tripStart(original: string): string | undefined {
  for (const m of original.matchAll(FROM)) {
    if (GOT_IN_BEFORE.test(original.slice(Math.max(0, m.index - 25), m.index))) continue;
    const found = place(m[1]);
    if (found) return found;
  }
  return undefined;
}
const TO = new RegExp(String.raw`(?<![\p{L}])(?:til|to)\s+(?:the\s+)?${PLACE}`, 'u');
/**
 * "Oslo til Hamar", "mileage: Oslo to Hamar" (not the capitalised first word of a message, nor the
 * last of a list of people: "med Ole og Siri til Fredrikstad").
 */
const PLACE_TO_PLACE = new RegExp(
  `(?<=[^\\s]\\s+|:\\s*)(?<!(?:\\b(?:og|and|med|with)|[&,+])\\s+)${PLACE}\\s+(?:til|to)\\s+${PLACE}`,
  'u',
);
/** "Drammen–Kongsberg", "Drammen - Kongsberg" (dashes are plain hyphens after normalising). */
const DASH_ROUTE = new RegExp(`${PLACE}\\s*-\\s*${PLACE}`, 'u');
/**
 * "Oslo - Lillehammer - Gjøvik - Oslo": a trip with stops. The form has a start and an end, so the
 * start is the first place and the end the stops after it as written.
 */
const STOPS_ROUTE = new RegExp(`${PLACE}((?:\\s*-\\s*${WORD}(?:\\s+${WORD})*){2,})`, 'u');

function stopsRoute(original: string): Route | undefined {
  const m = STOPS_ROUTE.exec(original);
  const from = place(m?.[1]);
  const stops = (m?.[2] ?? '')
    .split(/\s*-\s*/u)
    .map((p) => place(p.trim()))
    .filter(Boolean);
  return from && stops.length >= 2 ? { from, to: stops.join(' – ') } : undefined;
}

export interface Route {
  from?: string;
  to?: string;
}

/**
 * A place written in lower case ("til drammen", "fra kontoret til kunden", "to the airport"): one
 * word after fra/til, read only in a sentence about driving, where "til" leads to a place.
 */
const LOWER_PLACE = String.raw`(?:(?:the|a|an|en|ein|ei)\s+)?(\p{Ll}[\p{L}'-]*)(?:\s+(?:i|på|pa|in|at|ved|hos|on)\s+(\p{Lu}[\p{L}'-]*))?`;
const LOWER_FROM = new RegExp(String.raw`(?<![\p{L}])(?:fra|frå|from)\s+${LOWER_PLACE}`, 'u');
const LOWER_TO = new RegExp(String.raw`(?<![\p{L}])(?:til|to)\s+${LOWER_PLACE}`, 'u');
/** Words after fra/til that are no place: little words, and what one drives "to" do. */
const NOT_A_LOWER_PLACE = new Set(
  (
    'og and fra fra from til to med with i in pa på on at kl ca cirka en ei et a an for og ' +
    'tilbake back retur return hjem heim home-made my min mitt mi your hans hennes ' +
    'pick get meet see visit bring drop collect fetch hente levere mote møte moete be do go ' +
    'fill use add file claim log register make have take buy pay attend ' +
    'work-related ulike forskjellige diverse flere fleire noen nokre various different several some ' +
    'the'
  ).split(' '),
);

/** "kunden i Drammen" names the place as "Kunden i Drammen": the town is what matters. */
function lowerPlace(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  const word = m?.[1];
  if (!m || !word || NOT_A_LOWER_PLACE.has(word) || NOT_A_PLACE.has(word)) return undefined;
  const town = place(m[2]);
  // "to a client" is any client; "to a customer in Ski" names the place by its town.
  if (!town && /^(?:til|to|fra|frå|from)\s+(?:a|an|en|ein|ei)\s/iu.test(m[0])) return undefined;
  const name = town ? m[0].slice(m[0].indexOf(word)).trim() : word;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Words for the places trips start and end at. */
const PLACE_WORDS = String.raw`kontor\w*|office|hjem\w*|heim\w*|home|hus\w*|house|kunde\w*|client\w*|customer\w*|flyplass\w*|lufthavn\w*|airport|stasjon\w*|station|hotell\w*|hotel|jobb\w*|work|hytt\w*|cabin|lager\w*|warehouse|anlegg\w*|site|fabrikk\w*|factory|avdeling\w*|branch|sykehus\w*|hospital|skole\w*|school`;
export const PLACE_WORD = new RegExp(`\\b(?:${PLACE_WORDS})\\b`, 'u');
const PLACE_WORD_ALONE = new RegExp(`^(?:${PLACE_WORDS})$`, 'u');

/**
 * "kontor-Asker", "hjem - kunden": a dash route in lower case, read only where one end is a word
 * for a place (so "t-bane", "e-post" and "p-hus" are no routes).
 */
const LOOSE_DASH = /(?<![\p{L}-])(\p{L}+)\s*-\s*(\p{L}+)(?![\p{L}-])/gu;

function looseDashRoute(msg: Message): Route | undefined {
  for (const m of msg.folded.matchAll(LOOSE_DASH)) {
    const [a, b] = [m[1] ?? '', m[2] ?? ''];
    // "p-hus", "t-bane": a letter before the dash makes one word.
    if (a.length < 2 || b.length < 2 || NOT_A_PLACE.has(a) || NOT_A_PLACE.has(b)) continue;
    if (!PLACE_WORD_ALONE.test(a) && !PLACE_WORD_ALONE.test(b)) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const from = msg.original.slice(start, start + a.length);
    const to = msg.original.slice(m.index + m[0].length - b.length, m.index + m[0].length);
    return { from: capitalised(from), to: capitalised(to) };
  }
  return undefined;
}
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `loose`: the sentence is about driving, so a place may be written in lower case. */
export function findRoute(msg: Message, loose = false): Route {
  const route: Route = {};
  const dash = DASH_ROUTE.exec(msg.original);
  const lowerDash = loose && !dash ? looseDashRoute(msg) : undefined;
  const stops = dash ? stopsRoute(msg.original) : undefined;
  const whole = lowerDash ?? stops;
  if (whole) return whole;
  const from =
    tripStart(msg.original) ??
    place(dash?.[1]) ??
    place(PLACE_TO_PLACE.exec(msg.original)?.[1]) ??
    (loose ? lowerPlace(LOWER_FROM, msg.original) : undefined);
  const to =
    place(TO.exec(msg.original)?.[1]) ??
    place(dash?.[2]) ??
    (loose ? lowerPlace(LOWER_TO, msg.original) : undefined);
  if (from) route.from = from;
  else if (loose) {
    const home = FROM_HOME.exec(msg.folded)?.[1];
    if (home) route.from = home.startsWith('hjem') ? 'Hjemme' : 'Heime';
  }
  const homeward = !to && loose ? TO_HOME.exec(msg.folded)?.[1] : undefined;
  if (homeward) route.to = homeward === 'home' ? 'Home' : homeward === 'hjem' ? 'Hjem' : 'Heim';
  if (to && to !== from) route.to = to;
  return route;
}

/** "hjemmefra", "heimanfrå": from home. */
const FROM_HOME = /\b(hjemmefra|hjemmefraa|heimanfra|heimefra)\b/u;
/** "kjørte hjem", "drove home": the trip ended at home. */
const TO_HOME =
  /\b(?:kjorte|kjore|koyrde|koyre|drove|drive|driving)\s+(?:\w+\s+)?(hjem|heim|home)(?![\p{L}-])/u;

const NAME = String.raw`\p{Lu}[\p{L}'-]*`;
const NAMES = `(${NAME}(?:\\s*(?:,|\\bog\\b|\\band\\b|&|\\+)\\s*${NAME})*)`;
const COLLEAGUE = String.raw`(?:(?:min|my|our|vår|var|two|three|to|tre|2|3)\s+)?(?:kollega(?:en|er|ar)?|kollegaen\s+min|kollegaene\s+mine|kollegane\s+mine|colleagues?|co-?workers?)?[\s,:]*`;
const PASSENGER_PATTERNS: readonly RegExp[] = [
  // "med Kari og Ola", "with my colleague Per", "sammen med Siri", "m/ Kari"
  new RegExp(`(?<![\\p{L}])(?:(?:med|with)\\s+|m\\/\\s*)${COLLEAGUE}${NAMES}`, 'u'),
  // "passenger: Kari", "passasjerar Siv og Eirik", "passengers - Per, Ola"
  new RegExp(`(?<![\\p{L}])(?:passasjer(?:er|ar|en)?|passengers?)\\s*[:=-]?\\s*${NAMES}`, 'u'),
  // "Siri var med", "Per was with me", "Jonas came along", "Kari sat på"
  new RegExp(
    `${NAMES}\\s+(?:(?:var|var også|var og|was|were|came|kom|sat|satt|rode|blei|ble)\\s+(?:med|along|with|på|pa|passasjer|passenger)|joined|hoppet på|hoppa på|steg på|steig på|hopped in|got in)`,
    'u',
  ),
  // "Ola the whole way", "Kari hele veien", "Siv heile vegen": along for all of it.
  new RegExp(
    `(?:^|[,;]\\s*|\\b(?:og|and)\\s+)(${NAME}(?:\\s+${NAME})?)\\s+(?:(?:var\\s+med|came\\s+along|was\\s+with\\s+me)\\s+)?(?:hele\\s+veien|heile\\s+vegen|the\\s+whole\\s+way|all\\s+the\\s+way)`,
    'u',
  ),
  // "I had Mari in the car", "hadde Per i bilen", "Mari was in the car".
  new RegExp(
    `(?:(?<![\\p{L}])(?:had|hadde|har|have)\\s+(?:(?:jeg|eg|i|vi|we)\\s+)?${NAMES}\\s+(?:in\\s+the\\s+car|i\\s+bilen|med\\s+i\\s+bilen|with\\s+me)|${NAMES}\\s+(?:was|were|satt|sat|var)\\s+(?:in\\s+the\\s+car|i\\s+bilen))`,
    'u',
  ),
  // "kjørte kollega Anne til flyplassen", "drove my colleague Per": a colleague driven somewhere.
  new RegExp(
    `(?<![\\p{L}])(?:kjorte|kjørte|køyrde|koyrde|drove|skysset|skyssa)\\s+(?:min\\s+|my\\s+)?(?:kollega(?:en)?|colleague|co-?worker)\\s+${NAMES}`,
    'u',
  ),
  // "tok med Kari og Ola", "brought Jonas along", "picked up Siri"
  new RegExp(
    `(?<![\\p{L}])(?:tok\\s+med|hadde\\s+med|henta|hentet|plukket\\s+opp|brought|took|picked\\s+up|gave)\\s+(?:meg\\s+)?${COLLEAGUE}${NAMES}`,
    'u',
  ),
];

export interface Passenger {
  name: string;
  /** The passenger's own km, when the text gave them ("Kari var med de siste 40 km"). */
  km?: number;
}

/** "Kari 40 km", "Kari (40 km)", "Kari var med de siste 40 km": a figure close after the name. */
function ownKm(msg: Message, name: string, total: number | undefined): number | undefined {
  const at = msg.original.indexOf(name);
  // "Kari satt på fra Hamar, 60 km": the place she got in and a comma may stand between.
  const near = /^[^.;\d]{0,30}?(\d{1,4}(?:[.,]\d)?)\s*km\b/u.exec(
    msg.folded.slice(at + name.length),
  );
  const km = near?.[1] ? Number(near[1].replace(',', '.')) : undefined;
  return km !== undefined && km > 0 && (total === undefined || km < total) ? km : undefined;
}

/** "… med Kari, hun satt på de siste 20 km": the one passenger's km, told after a pronoun. */
const PRONOUN_KM = /\b(?:hun|han|ho|hen|she|he|they)\b[^,.;\d]{0,30}?(\d{1,4}(?:[.,]\d)?)\s*km\b/u;

/**
 * "Kari satt på hjem", "Per came along on the way back", "Siv var med berre éin veg": on a trip
 * both ways, a passenger told for one direction rode half of it.
 */
const ONE_DIRECTION_AFTER_NAME =
  /^\s+(?:[\p{L}]+\s+){0,3}?(?:(?:bare|berre|only|just)\s+)?(?:hjem|heim|home|hjemover|heimover|tilbake|attende|back|(?:pa|on)\s+(?:veien|vegen|vei|veg|the\s+way)\s+(?:hjem|heim|home|tilbake|attende|back|dit|there|ut|out)|(?:en|ein|ei|one|den\s+ene)\s+(?:vei|veg|veien|vegen|way))(?![\p{L}])/u;

function oneDirectionKm(msg: Message, name: string, total: number | undefined): number | undefined {
  if (total === undefined || !isRoundTrip(msg.folded)) return undefined;
  const at = msg.original.indexOf(name);
  return ONE_DIRECTION_AFTER_NAME.test(msg.folded.slice(at + name.length)) ? total / 2 : undefined;
}

/** Passengers named in the text (places of the route left out), each with their km if given. */
export function findPassengers(msg: Message, route: Route, total?: number): Passenger[] {
  const names = passengerNames(msg, route);
  return names.map((name) => {
    let km = ownKm(msg, name, total) ?? oneDirectionKm(msg, name, total);
    if (km === undefined && names.length === 1) {
      const told = Number(PRONOUN_KM.exec(msg.folded)?.[1]?.replace(',', '.'));
      if (told > 0 && (total === undefined || told < total)) km = told;
    }
    return km === undefined ? { name } : { name, km };
  });
}

/** Names that are also short weekdays ("tor", "fre"): written capitalised among names, a person. */
const NAME_NOT_DAY = new Set(['Tor', 'Ons', 'Fre']);

/** Every passenger told, in any of the shapes ("Silje came along … and Ola the whole way"). */
function passengerNames(msg: Message, route: Route): string[] {
  const names = new Set<string>();
  for (const re of PASSENGER_PATTERNS) {
    const found = re.exec(msg.original)?.slice(1).find(Boolean);
    if (!found) continue;
    for (const name of found.split(/\s*(?:,|\bog\b|\band\b|&|\+)\s*/u).map((n) => n.trim()))
      if (
        name &&
        name !== route.from &&
        name !== route.to &&
        (!NOT_A_PLACE.has(name.toLowerCase()) || NAME_NOT_DAY.has(name)) &&
        name !== 'I'
      )
        names.add(name);
  }
  return [...names];
}

/** Where a trip went: "i Bodø", "til Bergen", "in Tromsø", "the Stavanger workshop", "Tromsø, 3–5 …". */
const DESTINATION_AFTER = new RegExp(
  String.raw`(?<![\p{L}])(?:i|in|til|to|på|at|frå|fra)\s+(?:the\s+)?${PLACE}`,
  'gu',
);
const NAME_BEFORE_EVENT = new RegExp(
  `(?<![\\p{L}])(?:the|a|an)\\s+${PLACE}\\s+(?:workshop|conference|seminar|meeting|course|trip|office|visit|summit|training|offsite|fair)`,
  'u',
);
const LEADING_NAME = new RegExp(`^[^\\p{L}]*(?:[\\p{L}\\s]+:\\s*)?${PLACE}\\s*,`, 'u');

export function findDestination(msg: Message): string | undefined {
  for (const m of msg.original.matchAll(DESTINATION_AFTER)) {
    const found = place(m[1]);
    if (found) return found;
  }
  return (
    place(NAME_BEFORE_EVENT.exec(msg.original)?.[1]) ??
    // "reiserekning: Bergen–Oslo …": the trip goes to the second place.
    place(DASH_ROUTE.exec(msg.original)?.[2]) ??
    place(LEADING_NAME.exec(msg.original)?.[1]) ??
    anyName(msg)
  );
}

const NAME_AFTER_FIRST_WORD = new RegExp(`(?<=[^\\s]\\s+)${PLACE}`, 'gu');

/** The first capitalised word after the first ("reiseregning Bergen 10.–12. november"). */
function anyName(msg: Message): string | undefined {
  for (const m of msg.original.matchAll(NAME_AFTER_FIRST_WORD)) {
    const found = place(m[1]);
    if (found && found !== 'I') return found;
  }
  return undefined;
}
