/**
 * Reads a question about the user's own claims ("Har jeg fått pengene for taxien?", "is my travel
 * claim approved?", "hvor mange krav har jeg til godkjenning?") into what is asked, about which
 * claims, and when. Pure and grammar-like: the text is folded once (`foldInPlace`), and the
 * question is recognised by its parts — a state word (paid, approved, rejected, pending), an ask
 * (status, how many, how much), something that points at the user's own claims (a possessive, a
 * definite noun, "har jeg", a claim number) — not by whole sentences. What is not clearly such a
 * question is left alone: how-to questions go to the user guide, statements with an amount are
 * outlays.
 */
import type { ClaimStatus, ExpenseKind } from '../claims/claim.js';
import { kindOfWord } from '../text/expense-kind-words.js';
import { foldInPlace, normaliseTypography } from '../text/fold.js';
import { stems, words } from '../text/keywords.js';
import { MONTHS } from '../text/typed-date.js';

/** A kind of outlay, a mileage claim or a travel claim with per diem. */
export type ClaimSubject = ExpenseKind | 'mileage' | 'travel';

/**
 * - `state`: a yes/no on one state ("er reiseregningen godkjent?"), answered "Ja / Ikke ennå / Nei";
 * - `status`: where claims stand ("hva er status på kravet mitt?", "hvorfor er ikke hotellet betalt?");
 * - `count`: how many or which ("hvor mange krav har jeg til godkjenning?", "show my pending claims");
 * - `amount`: how much ("hvor mye har jeg fått utbetalt i år?").
 */
export type ClaimsAsk = 'state' | 'status' | 'count' | 'amount';

/** `pending`: waiting for approval; `unpaid`: not paid out yet, whether approved or not. */
export type ClaimsState = 'paid' | 'approved' | 'rejected' | 'pending' | 'unpaid';

/** A time word, kept relative: the answer resolves it against the user's today. */
export type ClaimsPeriod =
  { unit: 'day' | 'week' | 'month' | 'year'; offset: 0 | -1 } | { month: number };

export interface ClaimsQuestion {
  ask: ClaimsAsk;
  state?: ClaimsState;
  subject?: ClaimSubject;
  /** The subject was the everyday "reiseregning" / "travel claim", which may name any claim. */
  loose?: boolean;
  /** One claim is meant ("kravet", "taxien", "my last claim"), the newest that fits. */
  one?: boolean;
  /** A claim number, "RR-2026-000012", or its sequence ("krav 12") as digits. */
  number?: string;
  period?: ClaimsPeriod;
}

/** The statuses a state covers, for counting and sums. */
export const STATE_STATUSES: Readonly<Record<ClaimsState, readonly ClaimStatus[]>> = {
  paid: ['paid'],
  approved: ['approved', 'paid'],
  rejected: ['rejected'],
  pending: ['draft', 'submitted'],
  unpaid: ['draft', 'submitted', 'approved'],
};

// ---------------------------------------------------------------------------------------------
// Vocabulary, folded (å → a, ø → o, æ → a)

const NOT = '(?:ikke|ikkje|not|never|n.t)';
const PAID = words(
  'utbetalt',
  'utbetalte',
  'betalt',
  'betalte',
  'paid(?: out)?',
  'reimbursed',
  'refunded',
  'refundert',
  // "fått tilbake", "fekk pengane att", "paid back": the everyday way to say paid out.
  'f(?:att|ikk|ekk) (?:\\w+ )?(?:tilbake|igjen|att)',
  'paid back',
);
/** The user (or a colleague) as the one who paid: an outlay, not a payout. */
const PAYER =
  /(?:^|[^a-z])(?:i|we|jeg|eg|vi|me|he|she|han|hun|ho) (?:(?:have|had|also|just|har|hadde|ogsa|nettopp|sjolv|selv) )?(?:paid|betalte|betalt)(?![a-z])/g;
/**
 * "… and paid a toll", "… og betalt ferje": a second verb of the sentence's subject, paying for a
 * kind of outlay, is the user paying too (the word after it is checked with kindOfWord).
 */
const AND_PAID =
  /(?:^|[^a-z])(?:and|og) (?:paid|betalte|betalt)(?: for)?(?: (?:a|an|the|en|ei|eit|et))? ([a-z]+)/g;
const MONEY = words(
  'penga',
  'pengene',
  'pengane',
  'pengar',
  'penger',
  'money',
  'refusjon(?:en)?',
  'refund',
  'payment',
  'payout',
  'utbetaling(?:a|en)?',
);
const GET = words(
  'fatt',
  'fikk',
  'fekk',
  'far',
  'got',
  'get',
  'gotten',
  'receive[ds]?',
  'kommet',
  'komme',
  'kommer',
  'kjem',
  'come',
  'arrived?',
);
const APPROVED = words(
  'godkjent',
  'godkjend',
  'godkjente',
  'godkjende',
  'attestert',
  'approved',
  'accepted',
  'akseptert',
  // The verb after "did" / "har … ikkje": "did finance approve my claim?", "har sjefen godkjent".
  'approve',
  'accept',
  'godkjenne',
  'godkjenna',
);
const REJECTED = words(
  'avvist',
  'avviste',
  'avslatt',
  'avslag',
  'avslaget',
  'underkjent',
  'underkjend',
  'rejected',
  'declined',
  'denied',
  'refused',
  'reject',
  'decline',
  'deny',
);
const PENDING = new RegExp(
  [
    'til (?:godkjenning|attestering|behandling)',
    'under behandling',
    'ubehandl',
    'vent(?:er|ar|ing)(?: enno| enda| still)? (?:pa|for) (?:godkjenning|approval)',
    `${NOT} (?:er |vore |blitt |been |yet |yet been )*(?:godkjen[td]|behandl|approved)`,
    'waiting (?:for |on )?(?:approval|to be approved)',
    // "krav som ventar", "claims that are waiting": waiting, said of the claims.
    'som vent(?:er|ar)',
    '(?:that|which) (?:are |is )?(?:still )?waiting',
    'pending',
    'awaiting',
    // "stuck in approval", "sitt fast hos sjefen": waiting longer than it should.
    'stuck',
    '(?:sitter|sit|satt|henger|heng) fast',
    'unapproved',
  ].join('|'),
);
const UNPAID = new RegExp(
  [
    'utestaende',
    'til gode',
    `${NOT} (?:er |vore |blitt |been |yet |yet been )*(?:utbetalt|betalt|paid)`,
    `${NOT} (?:fatt|fikk|fekk|got|received) (?:betalt|pengene|pengane|the money|my money|paid)`,
    'waiting (?:for |on )?(?:payment|payout|the money|my money|to be paid)',
    'outstanding',
    'unpaid',
    'owed?',
  ].join('|'),
);
const STATUS = new RegExp(
  [
    '(?:^|[^a-z])status',
    '(?:hva|kva|what)(?:.s| is| er)? (?:skjer|skjedde|happen(?:ed|ing|s)?) (?:med|with|to)',
    '(?:hvordan|korleis|how) (?:gar|star|går|is|are) (?:det )?(?:med|my|the|it)',
    // "hvordan ligger det an med utleggene mine?": how things stand.
    '(?:hvordan|korleis|how) (?:ligger|ligg|stands?|(?:do|does) (?:things|it) stand) (?:det |it )?(?:an )?(?:med|with)',
    '(?:hvor|kvar|where) (?:er|blir|is|are)',
    'hvor langt|kor langt|how far',
    // "noe nytt på kravet mitt?", "any news on …", "did my claim go through?".
    '(?:noe|noko|anything) nytt (?:pa|om|med|fra)(?![a-z])|any news|(?:go|gone|went|gikk|gatt) (?:through|gjennom)',
    // "har sjefen sett på kravet mitt?", "has anyone looked at my claim?".
    '(?:sett|sjekka|sjekket|kikka|kikket|looked|seen) (?:pa|at)',
  ].join('|'),
);
const COUNT =
  /(?:hvor|kor) mange|how many|antall|number of|(?:^|[^a-z])(?:hvilke|kva for|which|vis|show|list|any)(?![a-z])|(?:^|[^a-z])(?:hva|kva|what) (?=(?:slags |kind of )?(?:krav|claims))/;
/** The user filing or claiming: "what did I submit", "how much have I claimed", "kva leverte eg". */
const FILED_BY_ME = new RegExp(
  // Said of what was filed, not asked of what may be ("can I file …?"), and not of something
  // else sent ("jeg har sendt inn e-postadressen"): the verb ends the clause or a time follows.
  String.raw`(?:(?:^|[^a-z])(?<!(?:can|could|should|must|may|kan|skal|ma|bor) )(?:i|jeg|eg) (?:have |har |.ve |did )?(?:submit(?:ted)?|file[d]?|claim(?:ed)?|send|sent|sendt|sendte|levert|leverte|fort|forte|kravd|kravde|krevd|krevde)|(?:sendte|leverte|forte) (?:jeg|eg))(?: inn| in)?(?= *(?:$|[?,.!]|(?:last|this|forrige|forre|sist|siste|denne|during|so far|hittil|totalt|in total|til sammen|til saman|(?:i|in|for|fra|from) (?:dag|gar|ar|fjor|${Object.keys(MONTHS).join('|')}))(?![a-z])|\d))`,
);
const WHAT = words('hva', 'kva', 'what', 'which', 'hvilke', 'kva for');
/** "show me everything I submitted", "vis alt eg har levert": all of the user's claims. */
const EVERYTHING = words('everything', 'all', 'alt', 'alle', 'alt det', 'alt som');
// At the start of the sentence or of a clause ("I parked for 120 kr, how do I …").
const HOW_MUCH = /(?:^|[,;:] ?)(?:hvordan|korleis|how) (?:mange|mye|mykje|many|much)(?![a-z])/;
/** Asking the bot to look: "kan du sjekke om kravet mitt er godkjent?". */
const LOOK = words(
  'se',
  'sja',
  'sjekke',
  'sjekka',
  'check',
  'see',
  'tell',
  'fortelje',
  'fortelle',
  'si',
);
const STATUS_WORD = stems('status');
const AMOUNT =
  /(?:hvor|kor) (?:mye|mykje|mykkje)|how much|til sammen|til saman|i alt|totalt|in total|(?:^|[^a-z])(?:total(?:en|t)?|sum(?:men)?|totalsum\w*|totalbelop\w*)(?![a-z])/;
/** "is anything still waiting?", "er det noe som venter?": any of the user's claims. */
const ANYTHING = words('anything', 'any', 'noe', 'noko', 'nothing', 'ingenting', 'ingen');
const WHY = words('hvorfor', 'kvifor', 'korfor', 'why');
const WHEN = words('nar', 'when', 'kva tid');

/** Words for a claim, as a plain noun; definite forms point at one the user has. */
const CLAIM_NOUN = words(
  'krav',
  'kravet',
  'kravene',
  'kravane',
  'krava',
  'reiseregning\\w*',
  'reiserekning\\w*',
  'utlegg\\w*',
  'refusjon\\w*',
  'claims?',
  'expenses?',
  'reimbursements?',
  'expense claims?',
);
/** "Reiseregning" is the everyday name of any claim as much as of a trip with per diem. */
const LOOSE_TRAVEL = stems('reiseregning', 'reiserekning', 'travel claim', 'travel expense');
const LOOSE_TRAVEL_WORDS = /reiseregning\w*|reiserekning\w*|travel (?:claim|expense)s?/g;
const TRAVEL = words(
  'diett\\w*',
  'per diem',
  'tjenestereis\\w*',
  'tenestereis\\w*',
  'reis[ea]n?',
  'reisa',
  'trip',
  'business trip',
  'travel',
);
const MILEAGE = stems(
  'kjoring',
  'koyring',
  'kjoretur',
  'koyretur',
  'kjoregodtgj',
  'koyregodtgj',
  'bilgodtgj',
  'kilometergodtgj',
  'km-godtgj',
  'mileage',
  'milage',
  'driving',
);

/** The user's own claims: a possessive, a definite noun, "har jeg" and kin, a claim number. */
const OWN = new RegExp(
  [
    '(?:^|[^a-z])(?:min|mitt|mine|mi|my)(?![a-z])',
    '(?:har|hadde|fikk|fekk) (?:jeg|eg)(?![a-z])',
    // "når får jeg pengene?", "when will I get paid?": when, of one's own claims; "will I get
    // reimbursed for parking?" asks what is covered, for the guide.
    '(?:nar|when|kva tid) (?:far (?:jeg|eg)|(?:will|shall|do|can) i (?:ever )?(?:get|be))(?![a-z])',
    // Someone acting on the claim ("har sjefen godkjent?", "did my manager approve it?").
    '(?:^|[^a-z])(?:sjefen|lederen|leiaren|boss|manager|approver|attestanten|godkjenneren|okonomi(?:avdelinga|avdelingen)?|finance)(?![a-z])',
    '(?:jeg|eg) (?:har|hadde|fikk|fekk|venter|ventar)(?![a-z])',
    '(?:have|has|had|did|am|was) i(?![a-z])',
    // "er den godkjent nå?" right after filing: the claim just talked about.
    '^(?:er|ble|blei|vart|har|is|was|has|did|have) (?:den|dei|it|they)(?![a-z])',
    // "what is the status now?", "hva er status nå?": asked right after filing, of that claim.
    '^(?:hva|kva|what)(?:\\s+er|\\s+is|.s)\\s+(?:the\\s+)?status(?:en)?(?:\\s+(?:na|no|now|then|da))?\\W*$',
    // "når blir den utbetalt?", "when will it be paid?": the claim just talked about, asked when.
    '(?:nar|when|kva\\s+tid)\\s+(?:blir|vert|ble|kommer|kjem|will|is|does|gets?)\\s+(?:den|dei|det|it|they)(?![a-z])',
    // "hva er status på den nå?", "what's the status of it?": the same claim, asked by its status.
    '(?:status|state)\\w* (?:pa|for|of|on) (?:den|dei|det|it|that|this|them)(?![a-z])',
    'do i have(?![a-z])',
    '(?:^|[^a-z])i(?:.ve| have| haven.t| got| still| was| am)(?![a-z])',
    // "everything I submitted", "det eg sende inn": what the user filed is theirs.
    '(?:^|[^a-z])(?:i|jeg|eg) (?:have |har |.ve )?(?:submitted|sent|filed|claimed|sendt|sendte|sende|levert|leverte)(?![a-z])',
    '(?:^|[^a-z])(?:the|that|this) (?:\\w+ )?(?:claim|expense|refund|money|payment|trip|mileage)',
    '(?:^|[^a-z])(?:kravet|kravene|kravane|utlegget|utleggene|utlegga|refusjonen|pengene|pengane)(?![a-z])',
    '(?:reiseregning|reiserekning)(?:en|a|ene|ane)(?![a-z])',
    // "hvor mange krav ligger inne?", "kor mange krav ligg inne hjå dykk?": in the system, so the user's.
    '(?:^|[^a-z])(?:ligger|ligg|star) inne(?![a-z])|hos dere|hja dykk|i systemet|in the system|on file',
  ].join('|'),
);
/**
 * "hvor langt har den kommet?", "kor langt er det komme?", "how far along is it?": how far the
 * claim just talked about has got names it, as "er den godkjent?" does.
 */
const HOW_FAR_IT =
  /(?:hvor|kor) langt (?:pa (?:vei|veg) )?(?:har|er|kom|ha) (?:den|dei|det|han|ho)(?![a-z])|how far (?:along )?(?:has|is|did|have|are|'s) ?(?:it|they|that|this)(?![a-z])/;
/** "hvor langt er det til Oslo?", "how far is it from A to B": a distance, not a claim's progress. */
const DISTANCE =
  /(?:^|[^a-z])(?:fra|from|mellom|between|km|kilometer|miles?)(?![a-z])|(?:^|[^a-z])(?:til|to) (?!(?:na|no|now|date)(?![a-z]))/;
/** One claim: "kravet", "the claim", "siste krav", "my last claim". */
const ONE =
  /(?:^|[^a-z])(?:kravet|utlegget|refusjonen|reiseregningen|reiseregninga|reiserekninga|siste|sist|nyeste|latest|last|newest|(?:the|my) (?:[a-z]+ )?(?:claim|expense|refund|trip))(?![a-z])/;
const MANY =
  /(?:^|[^a-z])(?:kravene|kravane|utleggene|utlegga|reiseregningene|reiserekningane|alle|all|claims|expenses|mine)(?![a-z])/;
/** Definite endings of a noun naming a kind ("taxien", "hotellet", "ferja", "bompengene"). */
const DEFINITE = /(?:en|et|a|na|ne)$/;

/** How-to, who, if: questions about the process, for the user guide. */
/**
 * A password, a username or one's settings belong to the account, never to a claim ("passordet
 * mitt vert avvist", "kva brukarnamn har eg i Expense?", "where are my personal settings?").
 */
export const ABOUT_ACCOUNT =
  /passord|password|brukernavn|brukarnamn|brukarnavn|username|innstilling|settings/;

const HELP_SHAPED = new RegExp(
  [
    '^(?:hvem|kven|who|whom|whose)(?![a-z])',
    '(?:^|[^a-z])(?:hvis|dersom|viss|if|unless|in case)(?![a-z])',
    '(?:hva|kva|what) (?:gjor|gjer|skal|ma|bor|kan|do|should|must|can|happens (?:after|when|if))(?![a-z])',
    '(?:hva|kva|what) skjer (?:etter|nar|om|hvis|viss)(?![a-z])',
    // What the user must do is a how-to: "er det noe jeg må gjøre for at kravet blir godkjent?".
    '(?:jeg|eg|i) (?:ma|must|need to|have to|skal|should) (?:gjore|gjere|do)(?![a-z])',
    '(?:hvor|kor) lang tid|how long|how soon|how quickly|how fast',
    // Where to put or enter something is about the form, not about a claim filed.
    '(?:hvor|kvar|where) (?:skal|kan|ma|bor|do|does|should|can|must) (?:jeg|eg|i|we|vi|me)(?![a-z])',
    // "kvar fører eg ferjebilletten?": a verb of entering something names the form too.
    '(?:hvor|kvar|where) (?:forer|forar|skriv|skriver|legg|legger|registrerer|registrerar|enter|put|record) (?:jeg|eg|i|vi|we)(?![a-z])',
    // Stuck in a form and asking for help is the guide's help icon, not a claim stuck in approval.
    "(?:^|[^a-z])(?:stuck (?:on|in|with|filling|at)(?! (?:approval|godkjenning|behandling|processing|review|the queue))|(?:i'?m|i am|got|getting) stuck|star (?:helt |heilt )?fast)(?![a-z])",
    '(?:is there|are there|any|finst det|finnes det|fins det) (?:any |noe |noko |nokon )?(?:help|hjelp)(?![a-z])',
    ABOUT_ACCOUNT.source,
    // Entitlement: "har jeg krav på diett?", "am I entitled to per diem?", "which claim gives me
    // per diem?".
    'krav pa|entitled|(?:^|[^a-z])rett (?:til|pa)(?![a-z])|(?:gives?|gir|gjev) (?:me|meg)(?![a-z])',
    // Which kind to choose is a how-to: "which type of claim do I pick?", "hvilken type skal jeg velge?".
    '(?:which|what|hvilken|hvilket|hvilke|kva) (?:[a-z]+ ){0,4}(?:do|should|must|can|shall|skal|bor|ma|kan) (?:i|jeg|eg|we|vi) (?:pick|choose|select|use|velge|velje|bruke|nytte)(?![a-z])',
    // Which kind a story is: "paid the parking myself, what kind of claim is that?" (the guide).
    '(?:what|which|hva|kva|hvilken|hvilket) (?:kind|type|sort|slags)(?: of)?(?: (?:a |an )?(?:claim|krav|expense))?(?: (?:is (?:that|this|it)|er (?:det|dette)|blir (?:det|dette)|fits|passer|passar))?[?.! ]*$',
    // Salary and payroll are HR's, not a claim's (guide: out of scope).
    'lonn|lonning|salary|payroll|paycheck|payslip',
  ].join('|'),
);
const HOW = /(?:^|[,;:] ?)(?:hvordan|korleis|how)(?![a-z])/;
const MODAL =
  /^(?:kan|kunne|skal|skulle|bor|ma|trenger|treng|can|could|should|would|may|must|shall|need)(?![a-z])/;
/** First words that open a question about claims, beside the general question words. */
const OPENERS =
  /^(?:har|hadde|er|ble|blei|vart|fikk|fekk|far|is|are|was|were|has|have|had|did|do|does|hva|kva|hvor|kor|kvar|nar|hvilke|hvorfor|kvifor|korfor|what|when|where|which|why|how|hvordan|korleis|status|sjekk|check|vis|show|list|any|kan|can|could)(?![a-z])/;

const NUMBER_FULL = /(?:^|[^a-z0-9])rr[- ]?(\d{4})[- ]?(\d{1,6})(?![0-9])/;
const NUMBER_SHORT =
  /(?:krav|claim|nr|nummer|number|no)\.? ?#? ?(\d{1,6})(?![0-9.,:])|#(\d{1,6})(?![0-9])/;

const PERIODS: ReadonlyArray<[RegExp, ClaimsPeriod]> = [
  [words('i dag', 'idag', 'today'), { unit: 'day', offset: 0 }],
  [words('i gar', 'igar', 'yesterday'), { unit: 'day', offset: -1 }],
  [words('denne uk(?:a|en)', 'denne veka', 'this week'), { unit: 'week', offset: 0 }],
  [
    words('forrige uke', 'forrige veke', 'forre veke', 'sist veke', 'siste veke', 'last week'),
    { unit: 'week', offset: -1 },
  ],
  [words('denne maned(?:en)?', 'denne manaden', 'this month'), { unit: 'month', offset: 0 }],
  [
    words('forrige maned', 'forre manad', 'sist manad', 'last month'),
    { unit: 'month', offset: -1 },
  ],
  [words('i ar', 'this year', 'hittil i ar', 'so far this year'), { unit: 'year', offset: 0 }],
  [words('i fjor', 'last year'), { unit: 'year', offset: -1 }],
];
const MONTH_WORD = new RegExp(
  `(?:^|[^a-z])(?:i|in|for|fra|from|during) (${Object.keys(MONTHS)
    .filter((m) => m.length > 3)
    .join('|')})(?![a-z])`,
);

// ---------------------------------------------------------------------------------------------

/** The question, or undefined when the text is not a question about the user's own claims. */
export function readClaimsQuestion(text: string): ClaimsQuestion | undefined {
  const sentence = questionSentence(normaliseTypography(text).trim());
  const f = foldInPlace(sentence).replace(/[’`´]/g, "'").replace(/\s+/g, ' ');
  if (!f || f.length > 300) return undefined;
  const asked = sentence.endsWith('?') || OPENERS.test(f);
  if (!asked || HELP_SHAPED.test(f)) return undefined;

  const number = claimNumber(f);
  const filed = FILED_BY_ME.test(f);
  const howFar = HOW_FAR_IT.test(f) && !DISTANCE.test(f);
  const own = OWN.test(f) || number !== undefined || definiteKind(f) || filed || howFar;
  const subject = subjectOf(f);
  // "hvor er pengene mine?", "where is my refund": the money of one's own claims names them too.
  const noun =
    CLAIM_NOUN.test(f) || subject !== undefined || (MONEY.test(f) && OWN.test(f)) || howFar;
  const state = stateOf(f);
  const status = STATUS.test(f);
  const why = WHY.test(f);
  const when = WHEN.test(f);

  // "How do I …" and "can I …" are for the guide, unless they ask how many, how much or how it goes.
  if (HOW.test(f) && !HOW_MUCH.test(f) && !status) return undefined;
  if (MODAL.test(f) && !status && !(own && LOOK.test(f))) return undefined;

  let ask: ClaimsAsk;
  if (
    (COUNT.test(f) && (countsClaims(f) || (state && own) || (EVERYTHING.test(f) && own))) ||
    // "is anything still waiting?", a short question: any of one's claims in that state.
    (state !== undefined && ANYTHING.test(f) && f.split(' ').length <= 8) ||
    (WHAT.test(f) && filed)
  )
    ask = 'count';
  else if (AMOUNT.test(f) && (CLAIM_NOUN.test(f) || state || filed) && own) ask = 'amount';
  else if (state && !why && !when) ask = 'state';
  else if (status || (why && (state || noun)) || (when && state)) ask = 'status';
  else return undefined;
  // Whose claims: the user's own; a count of claims in some state, or a bare "status?", too.
  if (!own && !(ask === 'count' && state) && !(status && f.split(' ').length <= 3))
    return undefined;
  // "Hvor er knappen …" is not about a claim: a status question names one, a state or "status".
  if (ask === 'status' && !noun && !state && !STATUS_WORD.test(f)) return undefined;

  const question: ClaimsQuestion = { ask };
  // "Hvorfor ble kravet avvist?" asks for the reason, which the rejected answer carries.
  if (state) question.state = why && state === 'rejected' ? 'rejected' : state;
  if (why && state === 'rejected') question.ask = 'state';
  if (subject) question.subject = subject;
  if (subject === 'travel' && !TRAVEL.test(f.replace(LOOSE_TRAVEL_WORDS, ' ')))
    question.loose = true;
  if (number) question.number = number;
  const period = periodOf(f);
  if (period) question.period = period;
  if (number || (question.ask !== 'count' && !MANY.test(f) && (ONE.test(f) || definiteKind(f))))
    question.one = true;
  if (question.ask === 'amount' && question.one) question.ask = 'status';
  return question;
}

/** The sentence that asks: the last one with a question mark, else the last one. */
function questionSentence(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return [...sentences].reverse().find((s) => s.endsWith('?')) ?? sentences.at(-1) ?? '';
}

/** A count word with a claim noun or a kind of claim right after it: "hvor mange krav", "how many of my claims". */
function countsClaims(f: string): boolean {
  const m = COUNT.exec(f);
  if (!m) return false;
  const next =
    f
      .slice(m.index + m[0].length)
      .match(/[a-z]+(?:-[a-z]+)*/g)
      ?.slice(0, 4) ?? [];
  return next.some(
    (w) => CLAIM_NOUN.test(w) || kindOfWord(w) !== undefined || MILEAGE.test(w) || TRAVEL.test(w),
  );
}

function stateOf(f: string): ClaimsState | undefined {
  if (PENDING.test(f)) return 'pending';
  if (UNPAID.test(f)) return 'unpaid';
  if (REJECTED.test(f)) return 'rejected';
  // "I paid a toll", "jeg betalte parkering": the user paying is not the claim being paid.
  const paid = f
    .replace(PAYER, ' ')
    .replace(AND_PAID, (all, thing: string) => (kindOfWord(thing) ? ' ' : all));
  if (PAID.test(paid) || (MONEY.test(f) && GET.test(f))) return 'paid';
  if (APPROVED.test(f)) return 'approved';
  return undefined;
}

function subjectOf(f: string): ClaimSubject | undefined {
  if (MILEAGE.test(f)) return 'mileage';
  for (const m of f.matchAll(/[a-z]+(?:-[a-z]+)*/g)) {
    const kind = kindOfWord(m[0]);
    if (kind) return kind;
  }
  if (TRAVEL.test(f) || LOOSE_TRAVEL.test(f)) return 'travel';
  return undefined;
}

/** "taxien", "hotellet", "the taxi", "my hotel": one outlay of that kind is meant. */
function definiteKind(f: string): boolean {
  const tokens = f.match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
  return tokens.some((word, i) => {
    if (!kindOfWord(word) && !MILEAGE.test(word)) return false;
    const before = tokens[i - 1];
    return DEFINITE.test(word) || before === 'the' || before === 'my' || before === 'that';
  });
}

function claimNumber(f: string): string | undefined {
  const full = NUMBER_FULL.exec(f);
  if (full) return `RR-${full[1]}-${(full[2] ?? '').padStart(6, '0')}`;
  const short = NUMBER_SHORT.exec(f);
  const digits = short?.[1] ?? short?.[2];
  return digits ? String(Number(digits)) : undefined;
}

function periodOf(f: string): ClaimsPeriod | undefined {
  for (const [re, period] of PERIODS) if (re.test(f)) return period;
  const month = MONTH_WORD.exec(f)?.[1];
  return month ? { month: MONTHS[month] ?? 1 } : undefined;
}

/** Whether a status belongs to a state; exported for the answers. */
export function inState(state: ClaimsState, status: ClaimStatus): boolean {
  return STATE_STATUSES[state].includes(status);
}

// Regular expressions compile on first use; reading a question of each shape at load keeps that
// cost (several milliseconds) off the first message a user sends.
for (const warm of ['Har jeg fått pengene for taxien?', 'how many claims have I got pending?'])
  readClaimsQuestion(warm);
