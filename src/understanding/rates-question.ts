/**
 * Reads a question that asks for one of the state's domestic travel rates ("hva er
 * kilometersatsen i år?", "kor mykje får eg per km for passasjer?", "how much per diem do I get
 * with an overnight stay?") into which rate and which year. The bot answers these from the rate
 * table it computes claims with, not from the user guide, which gives no figures.
 *
 * Recognised by the question's parts, on the folded text: something that asks for a figure (how
 * much, what is the rate, a rate noun asked on its own) and a rate subject (per km, passenger,
 * per diem, døgn …). Anything the domestic table cannot answer truthfully is left to the guide,
 * as before: rates abroad or in a named foreign place, other vehicles (motorbike, moped, company
 * car; an electric car is a car), tax, comparisons, special circumstances in a condition ("when I sleep in my
 * car"), how-to questions, and questions about the user's own money ("har jeg fått diett?").
 */
import { foldInPlace } from '../text/fold.js';
import { stems, words } from '../text/keywords.js';
import { MONTHS, WEEKDAYS } from '../text/typed-date.js';
import { readMessage, type Message } from './message.js';

export type RateKind =
  | 'car'
  | 'passenger'
  | 'forestRoad'
  | 'trailer'
  /** Every per diem band: overnight and both day-trip bands. */
  | 'perDiem'
  | 'perDiemDay'
  | 'perDiemOvernight'
  | 'nightSupplement'
  | 'mealDeduction';

/** The day-trip per diem bands of the særavtale: 6–12 hours, over 12 hours. */
export type DayBand = '6to12' | 'over12';

export interface RatesQuestion {
  rate: RateKind;
  /** The year asked about; today's year when none is named. */
  year: number;
  /** The year was named ("i fjor", "2025", "this year"), so the answer says it was meant. */
  yearNamed: boolean;
  /** The day-trip band the hours given fall in ("diett for 9 timer", "over 12 hours"). */
  band?: DayBand;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary, folded (å → a, ø → o, æ → a)

/** Asks for a figure: how much, what is (the rate), which rate, tell me the rate. */
const HOW_MUCH =
  /(?:^|[^a-z])(?:hvor|kor|hvo|vor) (?:mye|mykje|mykkje|mange kroner|mange kr|hoy|hoyt)(?![a-z])|how (?:much|many kroner|many nok|high)(?![a-z])/;
const WHAT_IS = words('hva', 'kva', 'ka', 'what', 'whats');
const WHICH = words('hvilken', 'hvilke', 'hvilket', 'kva for', 'kva slags', 'which');
const TELL = words(
  'si meg',
  'gi meg',
  'fortell(?:e)?(?: meg)?',
  'fortel(?:je|ja)?(?: meg)?',
  'tell me',
  'give me',
  'show me',
  'vis meg',
  'syn meg',
);
/** What the user gets: "hva får jeg per km", "what do I get per day". */
const GET = /(?:^|[^a-z])(?:far|fa|faar|gets?|receive|betales|utbetales|paid|pay|gis|gir)(?![a-z])/;

/**
 * Nouns that name a rate as such: "sats" and "godtgjørelse" also as the tail of a compound
 * ("kilometersatsen", "kjøregodtgjørelse", "passasjertillegget"); the English words whole.
 */
const RATE_NOUN =
  /sats(?:en|ar|er|ane|ene|a)?(?![a-z])|godtgj|tillegg?|(?:^|[^a-z])(?:rates?|tariff|allowance|per diem|supplement)(?![a-z])/;

const CAR = stems(
  'kilometer',
  'km',
  'kjoregodtgj',
  'koyregodtgj',
  'bilgodtgj',
  'kjoresats',
  'koyresats',
  'bilsats',
  'mileage',
  'milage',
  'per kilomet',
  'per km',
  'kjoring',
  'koyring',
  'driving',
  'egen bil',
  'eigen bil',
  'privatbil',
  'own car',
  'private car',
  'car(?![a-z])',
  'bil(?![a-z])',
);
const PASSENGER = stems('passasjer', 'passenger', 'medpassasjer', 'samkjor', 'samkoyr');
/** "for å ha med en kollega i bilen", "taking a colleague along": a passenger, told as a person. */
const COLLEAGUE_ALONG =
  /\b(?:(?:ha|har|hadde|ta|tar|tok|tek|teke|tatt)\s+med|(?:take|taking|took|bring|bringing|have|having)\s+(?:a|my)?\s*)\s*(?:en|ein|ei|a|my|min)?\s*(?:kollega\w*|colleague\w*|medarbeider\w*|co-?worker\w*)\b|\b(?:kollega\w*|colleague\w*)\s+(?:i\s+bilen|in\s+the\s+car|along)\b/u;
/**
 * "if a colleague rides with me", "når ein kollega sit på med meg", "om en kollega blir med": a
 * person in the car told as the subject of riding along.
 */
const RIDES_ALONG =
  /\b(?:(?:en|ein|ei|a|my|min|mi|another|annan|annen)\s+)?(?:kollega\w*|colleague\w*|medarbeider\w*|co-?worker\w*|passasjer\w*|passenger\w*)\s+(?:(?:also|ogsa|og)\s+)?(?:rides?|riding|rode|comes?|coming|came|travels?|travelling|traveling|goes|going|sits?|sitting|joins?|joining|is|er|blir|vert|kjem|kommer|sitter|sit|reiser|kjorer|koyrer|fer|drar)\s+(?:pa\s+)?(?:with|along|med|in|i|pa)\b/u;
const FOREST_ROAD = stems(
  'skogsvei',
  'skogsveg',
  'skogsbilvei',
  'skogsbilveg',
  'anleggsvei',
  'anleggsveg',
  'forest road',
  'forestry road',
  'construction road',
  'gravel road',
);
const TRAILER = stems('tilhenger', 'tilhengar', 'henger', 'hengar', 'trailer', 'caravan');
/** "diett" also inside a compound: "dagdietten", "døgndiett", "diettsatsen". */
const PER_DIEM = stems(
  '[a-z]*diett',
  'per diem',
  'perdiem',
  'per-diem',
  'kostgodtgj',
  'kostgodtgjer',
  'daily allowance',
  'meal allowance',
  'subsistence',
);
const DAY_TRIP = stems(
  'dagsreis',
  'dagstur',
  'dagdiett',
  'dagsdiett',
  'dagreis',
  'day trip',
  'daytrip',
  'day-trip',
  'same day',
  'samme dag',
  'same dagen',
  'uten overnatting',
  'utan overnatting',
  'without (?:an )?overnight',
  'no overnight',
  'ingen overnatting',
);
const OVERNIGHT = stems(
  'overnatt',
  'dogn',
  'overnight',
  'over night',
  'night(?:s)? away',
  'natt borte',
  'stay the night',
  'one night',
  'a night',
  'en natt',
  'ei natt',
  'ein natt',
);
const NIGHT_SUPPLEMENT = stems(
  'nattillegg',
  'nattilegg',
  'natt-tillegg',
  'night allowance',
  'night supplement',
  'ulegitimert',
);
const MEAL = stems(
  'frokost',
  'lunsj',
  'lunch',
  'middag',
  'dinner',
  'breakfast',
  'maltid',
  'meals?(?![a-z])',
);
const DEDUCTION = stems('trekk', 'fradrag', 'fratrekk', 'deduct', 'reduc', 'redusert', 'kutt');

/** Abroad, or a foreign country, city or nationality: the domestic table does not answer. */
const FOREIGN = stems(
  'utland',
  'utenland',
  'utanland',
  'utenriks',
  'utanriks',
  'abroad',
  'foreign',
  'overseas',
  'international',
  'internasjonal',
  'utenfor norge',
  'utanfor noreg',
  'outside norway',
  'sverige',
  'sweden',
  'swedish',
  'svensk',
  'danmark',
  'denmark',
  'danish',
  'dansk',
  'finland',
  'finsk',
  'finnish',
  'tyskland',
  'germany',
  'german',
  'tysk',
  'island(?![a-z])',
  'iceland',
  'england',
  'storbritannia',
  'britain',
  'british',
  'uk(?![a-z])',
  'usa(?![a-z])',
  'america',
  'amerika',
  'frankrike',
  'france',
  'spania',
  'spain',
  'italia',
  'italy',
  'nederland',
  'netherlands',
  'holland',
  'belgia',
  'belgium',
  'polen',
  'poland',
  'sveits',
  'switzerland',
  'osterrike',
  'austria',
  'europa',
  'europe',
  'eu(?![a-z])',
  'stockholm',
  'gøteborg',
  'goteborg',
  'gothenburg',
  'kobenhavn',
  'copenhagen',
  'helsinki',
  'berlin',
  'london',
  'paris',
  'madrid',
  'new york',
  'brussel',
  'amsterdam',
);
/**
 * Vehicles the table has no rate for (or a different one), and a company car (no mileage). An
 * electric, hybrid or hydrogen car is a car: the state's rate per km is the same for all of them.
 */
const OTHER_VEHICLE = stems(
  'motorsykkel',
  'motorbike',
  'motorcycle',
  'mc(?![a-z])',
  'moped',
  'scooter',
  'snoscooter',
  'snowmobile',
  'bat(?:en)?(?![a-z])',
  'boat',
  'sykkel',
  'bicycle',
  'bike',
  'firmabil',
  'tjenestebil',
  'tenestebil',
  'company car',
  'leasing',
  'leiebil',
  'rental car',
  'varebil',
  'van(?![a-z])',
  'fly(?![a-z])',
);
const TAX = stems(
  'skatt',
  'beskatt',
  'trekkfri',
  'tax',
  'fordelsbeskat',
  'arbeidsgiveravgift',
  'feriepeng',
  'holiday pay',
);
/** Comparing or asking about a difference is for the guide; so are money matters that are not rates. */
const ASIDE = stems(
  'forskjell',
  'skilnad',
  'difference',
  'differ',
  'compare',
  'sammenlign',
  'samanlikn',
  'samme som',
  'same som',
  'the same',
  'moms',
  'vat(?![a-z])',
  'valuta',
  'currency',
  'exchange',
  'veksling',
  'forskudd',
  'forskot',
  'advance',
);
/** How-to, where, who, why, when: about the process, not a figure. */
const PROCESS =
  /^(?:hvordan|korleis|how(?! (?:much|many|high))|hvor(?! (?:mye|mange|hoy))|kvar|where|hvem|kven|who|hvorfor|kvifor|korfor|why|nar|when)(?![a-z])/;
/** The user's own claims or money received: "har jeg fått", "my claim", "kravet mitt". */
const OWN_MONEY = stems(
  'fatt',
  'fikk',
  'fekk',
  'got(?![a-z])',
  'received',
  'utbetalt',
  'refunded',
  'refundert',
  'krav(?:et|ene|ane)?(?![a-z])(?! pa(?![a-z]))',
  'claims?(?![a-z])',
  'reiseregning',
  'reiserekning',
  'my (?:trip|travel|mileage)',
);
/** A condition: "hvis jeg sover i bilen", "when I stay with friends". */
const CONDITION = words(
  'hvis',
  'dersom',
  'viss',
  'om(?= (?:jeg|eg|du|man|ein|en|reisen|reisa|turen))',
  'if',
  'when',
  'nar',
  'unless',
  'med mindre',
);
/** What a condition may say and still be answered from the table: hours, overnight, a day trip. */
const PLAIN_CONDITION =
  /^(?:(?:jeg|eg|i'm|i|du|you|you're|man|ein|en|reisen|reisa|turen|the trip|it) )?(?:(?:er|har|var|is|am|was|have|has|blir|reiser|travel|skal|ma|er borte|am away|varer|lasts|tar|takes|overnatter|overnattar|sover over|stay|stays|staying|sleeping over) )*(?:(?:pa|pa en|pa ein|on a|on an|a|an|en|ein|i|in|for|borte|away|over|under|mer enn|meir enn|more than|less than|mindre enn|minst|at least) )*(?:\d+(?:[.,]\d+)? ?(?:timer|timar|tima|t|h|hours?|hrs?)|dagsreis\w*|dagstur\w*|day trip|overnatt\w*|overnight\w*|one night)/;

/** A condition that names the plain car supplements: "når jeg kjører egen bil", "if I bring a passenger". */
const VEHICLE_CONDITION =
  /^(?:jeg|eg|i|du|you|man|ein|en|we|vi|me) (?:kjorer|koyrer|drive|use|bruker|brukar|har|have|tar med|tek med|take|bring|carry|drar|drag|tow|pull)(?: med)? (?:(?:min|mi|mitt|my|your|din|di|egen|eige|eigen|own|private|privat|a|an|en|ein|ei|et|eit) )*(?:bil|bilen|car|passasjer\w*|passengers?|kollega\w*|colleagues?|tilheng\w*|trailer|hengar\w*|henger\w*)(?![a-z])/;

/** A money amount: a statement of an outlay ("diett 500 kr"), not a question about the rate. */
const AMOUNT = /\d[\d .,]*(?:kr|nok|kroner|,-)(?![a-z])|(?:^|[^a-z])(?:kr|nok)\.? ?\d/;
/**
 * One trip of the user's: a distance driven or a day ("kjørte 120 km", "3.–5. mars", "på
 * tirsdag", "i går"). Such a message is a claim to start (the mileage or travel reader computes
 * it), not a question for the table.
 */
const ONE_TRIP = new RegExp(
  [
    String.raw`\d+(?:[.,]\d+)? ?(?:km|kilomet\w*|mil)(?![a-z])`,
    String.raw`(?:^|[^0-9])\d{1,2}\.(?: ?-| til)? ?\d|\d{1,2}/\d{1,2}`,
    `(?:^|[^a-z])(?:${[...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)]
      .filter((w) => w.length > 3)
      .join('|')})(?![a-z])`,
    '(?:^|[^a-z])(?:i gar|igar|yesterday|forrige uke|forre veke|last week)(?![a-z])',
  ].join('|'),
);
const YEAR = /(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/;
const THIS_YEAR = words(
  'i ar',
  'iar',
  'this year',
  'dette aret',
  'inneverande ar',
  'innevarende ar',
  'current year',
  'for i ar',
);
const LAST_YEAR = words('i fjor', 'ifjor', 'last year', 'forrige ar', 'fjoraret', 'i fjar');
const NEXT_YEAR = words('neste ar', 'til neste ar', 'next year', 'til aret', 'neste aret');
const HOURS =
  /(?:(over|mer enn|meir enn|more than|above) )?(\d+(?:[.,]\d+)?) ?(?:timer|timar|tima|t|h|hours?|hrs?)(?![a-z])/;
/** A capitalised word after a place preposition: a place the domestic table may not cover. */
const NAMED_PLACE =
  /(?:^|\s)(?:i|til|fra|frå|på|in|to|from|at|for) ((?:\p{Lu}[\p{L}-]+)(?: \p{Lu}[\p{L}-]+)?)/gu;
/** Towns and regions in Norway: a domestic place named does not change the domestic rate. */
const NORWEGIAN_PLACES = new Set(
  (
    'oslo bergen trondheim stavanger drammen fredrikstad kristiansand sandnes tromso sarpsborg ' +
    'skien alesund sandefjord haugesund tonsberg moss porsgrunn bodo arendal hamar larvik halden ' +
    'lillehammer molde kongsberg harstad horten gjovik mo narvik askoy elverum kongsvinger ' +
    'jessheim ski steinkjer grimstad levanger alta hammerfest kirkenes vadso floro forde sogndal ' +
    'voss leikanger stord odda orsta volda kristiansund namsos mosjoen lillestrom asker baerum ' +
    'sandvika gardermoen honefoss jorpeland otta roros finnmark troms nordland vestland rogaland ' +
    'agder viken innlandet trondelag telemark vestfold ostfold akershus buskerud hedmark oppland ' +
    'norge noreg norway nord-norge sor-norge vestlandet ostlandet sorlandet'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------

/** The rate question, or undefined when the text is not a plain question for a domestic rate. */
export function readRatesQuestion(msg: Message, today: string): RatesQuestion | undefined {
  // The message as understand() read it: no copy of the text is made for messages of other kinds.
  const { original, folded: f } = msg;
  if (!f || f.length > 200) return undefined;
  const rate = rateOf(f);
  if (!rate || !asksForFigure(f, original)) return undefined;
  if (leftToGuide(f) || namesForeignPlace(original)) return undefined;

  const thisYear = Number(today.slice(0, 4));
  const named = namedYear(f, thisYear);
  const question: RatesQuestion = { rate, year: named ?? thisYear, yearNamed: named !== undefined };
  const band = rate === 'perDiemDay' ? bandOf(f) : undefined;
  if (band) question.band = band;
  return question;
}

/** Which rate the question names; per km alone is the car's rate. */
function rateOf(f: string): RateKind | undefined {
  if (NIGHT_SUPPLEMENT.test(f)) return 'nightSupplement';
  if (MEAL.test(f) && DEDUCTION.test(f)) return 'mealDeduction';
  if (PASSENGER.test(f) || COLLEAGUE_ALONG.test(f) || RIDES_ALONG.test(f)) return 'passenger';
  if (FOREST_ROAD.test(f)) return 'forestRoad';
  if (TRAILER.test(f)) return 'trailer';
  if (PER_DIEM.test(f) || (OVERNIGHT.test(f) && RATE_NOUN.test(f))) {
    const day = DAY_TRIP.test(f) || (HOURS.test(f) && !OVERNIGHT.test(f));
    if (day) return 'perDiemDay';
    return OVERNIGHT.test(f) ? 'perDiemOvernight' : 'perDiem';
  }
  // "Hvor mye får jeg for kjøring?" asks for the rate too; "hvor mye kjøring …" does not.
  const asked =
    RATE_NOUN.test(f) || /per (?:km|kilomet)/.test(f) || (HOW_MUCH.test(f) && GET.test(f));
  return CAR.test(f) && asked ? 'car' : undefined;
}

/**
 * Asks for a figure: "hvor mye", "how much", "hva er satsen", "which rate", "tell me the rate",
 * "hva får jeg per km", or a rate noun asked on its own ("kilometersats 2026?").
 */
function asksForFigure(f: string, original: string): boolean {
  if (PROCESS.test(f)) return false;
  if (HOW_MUCH.test(f)) return true;
  const rateNamed = RATE_NOUN.test(f) || /per (?:km|kilomet|dogn|day|dag|natt|night)/.test(f);
  if (!rateNamed) return false;
  if (WHAT_IS.test(f) || WHICH.test(f) || TELL.test(f)) return true;
  // "Hva får jeg per km?" is WHAT_IS already; "får jeg 5,30 per km?" is a yes/no on a figure.
  if (/^(?:hva|kva|what)/.test(f) && GET.test(f)) return true;
  // A rate noun asked on its own: "kilometersatsen i år?", "diettsatser 2025?".
  return (
    original.endsWith('?') &&
    f.split(' ').length <= 5 &&
    !/^(?:er|is|har|has|do|does|gjelder|far|can|kan)(?![a-z])/.test(f)
  );
}

function leftToGuide(f: string): boolean {
  if (AMOUNT.test(f) || FOREIGN.test(f) || OTHER_VEHICLE.test(f) || TAX.test(f) || ASIDE.test(f))
    return true;
  if (OWN_MONEY.test(f) || ONE_TRIP.test(f)) return true;
  const condition = CONDITION.exec(f);
  return condition !== null && !conditionIsPlain(f, condition);
}

/** The words after "hvis" / "when" say only hours, a day trip or an overnight stay. */
function conditionIsPlain(f: string, condition: RegExpExecArray): boolean {
  const rest = f.slice(condition.index + condition[0].length).trim();
  return PLAIN_CONDITION.test(rest) || VEHICLE_CONDITION.test(rest) || RIDES_ALONG.test(rest);
}

/** A capitalised place after "i", "til", "in", "to" that is not a Norwegian town or region. */
function namesForeignPlace(original: string): boolean {
  if (!/\p{Lu}/u.test(original.slice(1))) return false;
  for (const m of original.matchAll(NAMED_PLACE)) {
    const name = foldInPlace(m[1] ?? '');
    const first = name.split(' ')[0] ?? '';
    if (!NORWEGIAN_PLACES.has(name) && !NORWEGIAN_PLACES.has(first)) return true;
  }
  return false;
}

/** "9 timer" is 6–12 h, "14 hours" and "over 12 timer" over 12 h; "over 8 timer" could be either. */
function bandOf(f: string): DayBand | undefined {
  const m = HOURS.exec(f);
  if (!m) return undefined;
  const hours = Number((m[2] ?? '').replace(',', '.'));
  if (hours > 12 || (m[1] && hours >= 12)) return 'over12';
  return !m[1] && hours >= 6 ? '6to12' : undefined;
}

function namedYear(f: string, thisYear: number): number | undefined {
  const year = YEAR.exec(f)?.[1];
  if (year) return Number(year);
  if (LAST_YEAR.test(f)) return thisYear - 1;
  if (NEXT_YEAR.test(f)) return thisYear + 1;
  if (THIS_YEAR.test(f)) return thisYear;
  return undefined;
}

// Regular expressions compile on first use; reading one question at load keeps that cost off
// the first message a user sends.
readRatesQuestion(readMessage('hva er kilometersatsen i år?'), '2026-01-01');
