/**
 * Recognises the fixed commands in all three languages. Free text that is not a command is
 * left to the free-text parser (an expense statement) or the fallback.
 */
/** The bot's languages (the same union as i18n's Lang, which this pure layer does not import). */
type Lang = 'nb' | 'nn' | 'en';
import { oneEditApart } from '../text/expense-kind-words.js';
import { lowerKeepingLetters } from '../text/fold.js';

export type Command =
  | { name: 'newOutlay' }
  | { name: 'newMileage' }
  | { name: 'newTravel' }
  | { name: 'myClaims' }
  | { name: 'myReceipts' }
  | { name: 'help' }
  /** `draft`: the kind the user named ("avbryt køyringa"), when they named one. */
  | { name: 'cancel'; draft?: 'outlay' | 'mileage' | 'travel' }
  | { name: 'undo' }
  | { name: 'file' }
  | { name: 'language'; lang?: Lang }
  | { name: 'greeting' }
  /** "stopp påminnelser" / "start påminnelser": the weekly nudges about waiting receipts and drafts. */
  | { name: 'remindersOff' }
  | { name: 'remindersOn' }
  | { name: 'thanks' }
  | { name: 'goodbye' }
  /** "hva mangler?" with a draft open: its next question again. */
  | { name: 'whatNext' };

/** Lower-cases, folds whitespace and drops trailing punctuation and emoji-free decoration. */
export function normalizeCommandText(text: string): string {
  return lowerKeepingLetters(text)
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s!.?,:;]+|[\s!.?,:;]+$/g, '')
    .trim()
    .split(' ')
    .map(unslipped)
    .join(' ');
}

/** Command verbs long enough that one slip of the keyboard still names them ("kanseler", "avbyrt"). */
const SLIPPABLE = ['avbryt', 'kanseller', 'cancel', 'delete', 'gjenopprett', 'restore', 'submit'];

/** Real words one slip from a command verb. */
const REAL_WORDS = new Set(['avbrøt', 'avbraut', 'cancer', 'restart', 'remote']);

function unslipped(word: string): string {
  if (word.length < 5 || REAL_WORDS.has(word) || !/^\p{L}+$/u.test(word)) return word;
  return SLIPPABLE.find((verb) => verb !== word && oneEditApart(word, verb)) ?? word;
}

/**
 * The drafts by their definite names, in bokmål and nynorsk ("avbryt kjøringen", "avbryt
 * køyringa", "slett reiserekninga"): a noun of the draft, not a new statement.
 */
const DRAFT_NOUNS = String.raw`(?:utkastet|utlegget|kravet|skjemaet|(?:kjøring|køyring|kjøretur|køyretur|reis|reiseregning|reiserekning)(?:en|a))`;

/**
 * What a cancel or an undo may act on ("avbryt dette", "delete it", "glem det", "undo that"):
 * pronouns and the draft's names, never a noun that would make it a statement of its own.
 */
const OBJECT = String.raw`(?: (?:det|dette|den|denne|alt|alt sammen|alt saman|hele greia|heile greia|hele greiene|the whole thing|(?:det |den |the )?siste|forrige|it|that|this|that one|this one|everything|last|the last one|that last one|(?:the |this |that |my )?(?:draft|claim|outlay|expense|mileage|mileage claim|trip|travel claim)|(?:det |den |dette |denne |hele |heile )?${DRAFT_NOUNS}))?`;
/** Lead-ins and politeness around a command: "nei, bare avbryt", "ok, cancel that please", "oops, undo". */
const BEFORE = String.raw`(?:(?:nei|no|nah|ok|okay|bare|berre|just|please|pls|oops|ops|oi|oj|ups|uff|sorry|beklager|orsak|oh|å|wait|vent|hmm|hm|actually|egentlig|eigentleg)[ ,]+)*`;
const AFTER = String.raw`(?:[ ,]+(?:please|pls|takk|thanks))?`;
/** The verbs that cancel, as commands ("avbryt") and as infinitives asked for ("kan du slette …?"). */
const CANCEL_VERB = String.raw`(?:nullstill|nullstille|tilbakestill|reset|avbryt|avbryte|cancel|stopp|stop|abort|slett|slette|delete|glem|gløym|gløyme|forget|forkast|forkaste|scrap|scratch|discard|drop|dropp|droppe|stryk|stryke|kanseller|kansellere|fjern|fjerne|remove|kast|kaste|bin)`;
/**
 * "kan du …", "could you please …": the command asked as a question; "ver venleg og …", "vær så
 * snill og …", "vennligst …", "kindly …": asked politely; "eg vil …", "I want to …": wished for.
 */
const ASKED = String.raw`(?:(?:kan|kunne|vil|could|can|will|would) (?:du|you) (?:please |kindly |bare |berre |just |gjerne )?|(?:(?:vær|ver|vere) (?:så |so )?(?:snill|venleg|vennlig|grei) og|vennligst|venligst|kindly|please) |(?:(?:jeg|eg|i|vi|me|we) (?:vil|ville|vil gjerne|ønsker å|ønskjer å|ynskjer å|want to|would like to|need to|må|treng å|trenger å)|(?:i'd|id|we'd) like to) )?`;
/** A reason before the command ("we never went, cancel it") or after it ("stopp, den er ført"). */
const REASON_BEFORE = String.raw`(?:[^,.;!?\d–-]{1,60}[,.;!–-]+ ){0,3}`;
const REASON_AFTER = String.raw`(?:[,.;!–-]+ .*)?`;
/** "trenger ikke den likevel", "don't need it anymore": the draft is not wanted. */
const NOT_NEEDED = String.raw`(?:(?:jeg|eg|i|vi|we|me) )?(?:(?:trenger|treng|trengte|trong|behøver|need|needed|fører|før|sender|send|registrerer|leverer|tar) (?:(?:den|det|dei|it|that|this) )?(?:ikke|ikkje|not)|(?:don't|dont|do not|didn't|didnt|won't|wont|will not|am not|i'm not|im not) (?:need|file|submit|claim|filing|submitting|claiming|send|sending))(?:${OBJECT})?(?: (?:likevel|allikevel|lenger|meir|mer|after all|anymore|any more))*`;
const CANCEL = new RegExp(
  `^${REASON_BEFORE}${BEFORE}(?:(?:(?:never ?mind|nvm)(?: that(?: one)?| this(?: one)?| it)?|glem det|gløym det|forget it|forget about it|forget that(?: one)?|la det være|la det vere|drit i det|(?:ikke|ikkje|don't|dont) bry deg(?: om det)?|don't bother|dont bother|${NOT_NEEDED})(?:$|[,.;!–-]+ .*$)|(?:(?:never ?mind|nvm)[ ,]+)?${ASKED}${CANCEL_VERB}${OBJECT}(?: for meg| for me)?${AFTER}${REASON_AFTER}$)`,
  'u',
);
const UNDO = new RegExp(
  `^${REASON_BEFORE}${BEFORE}(?:${ASKED}(?:angre|undo|angr|gjenopprett|restore|gjer om|gjør om|omgjør|revert|reverse)(?:${OBJECT}| (?:slettinga?|slettingen|avbrytinga?|avbrytingen|the delete|the cancel))|${ASKED}(?:bring|get|få|hent|hente) (?:(?:it|that|the draft|det|den|utkastet) (?:back|tilbake)|(?:back|tilbake) (?:it|that|the draft|det|den|utkastet))(?: (?:jeg|eg|i|du|you) (?:slettet|sletta|avbrøt|avbraut|deleted|cancelled|canceled|removed))?|bring back${OBJECT}|(?:jeg |eg |i )?(?:trengte|trenger|treng|trong|needed|need|still need|want|vil ha) (?:den|det|dei|it|that|them) (?:likevel|allikevel|likevel likevel|after all|still|igjen|back|tilbake)|(?:behold|keep) (?:den|det|it|that) (?:likevel|after all))(?: (?:likevel|allikevel|after all|anyway|igjen|again))?${AFTER}${REASON_AFTER}$`,
  'u',
);

/** Saying it is right before filing: "ja", "ser bra ut", "looks good", "go ahead and". */
const AGREE = String.raw`(?:(?:tusen |mange )?takk(?: skal du ha)?|thanks|thank you(?: so much)?|please|ja|jo|jepp|jupp|japp|jau|yes|yep|yup|yeah|yea|sweet|nice|awesome|cool|kult|ok|okay|supert?|flott|perfekt|bra|fint|greit|topp|korrekt|riktig|stemmer|det stemmer|alt stemmer|alt ser (?:bra|fint|riktig) ut|ser (?:bra|fint|greit|riktig|rett) ut|looks (?:good|great|fine|right)|all good|great|perfect|fine|correct|that's right|lgtm|kjør på|køyr på|bare kjør|go for it|do it|let's go)`;
/**
 * "ja, send den inn", "send det inn no", "looks good, submit it", "go ahead and file it", "ser
 * bra ut, send den", "kan du sende den inn?".
 */
/** What is filed: the claim by a pronoun ("send han inn" in nynorsk) or by its name. */
const FILED = String.raw`(?: (?:det|den|dei|dem|han|ho|henne|kravet|utlegget|it|this|that|the claim))`;
const FILE = new RegExp(
  `^(?:${AGREE}[ ,!.]+)*${ASKED}(?:go ahead and |go ahead, |bare |berre |just )?(?:(?:send|sende|file|submit|lever|levere|ship)${FILED}?(?: (?:inn|in|off|av gårde|through|gjennom|videre|on))?${FILED}?|(?:fire|fyr|shoot|sende|send)${FILED}? (?:off|away|av gårde|av sted|avgårde))(?:,? (?:no|nå|na|now|please|pls|takk|thanks|for meg|for me))*$`,
  'u',
);

const patterns: Array<[RegExp, Command['name']]> = [
  [
    /^(?:ny|nytt|new|start|start a|start an|start ny|start nytt|registrer|registrere|før|føre|legg inn)? ?(?:utlegg|outlay|expense|expense claim|outlay claim)$/,
    'newOutlay',
  ],
  [
    /^(?:ny|new|start|start a|start ny|registrer|før|føre|legg inn)? ?(?:kjøring|køyring|mileage|mileage claim|kjøregodtgjørelse|køyregodtgjersle|bilgodtgjørelse|kilometergodtgjørelse|car trip|kjørebok|køyrebok)$/,
    'newMileage',
  ],
  [
    /^(?:ny|new|start|start a|start ny|registrer)? ?(?:reise|travel|trip|travel claim|tjenestereise|tenestereise|reiserekning med diett|diett|per diem)$/,
    'newTravel',
  ],
  [
    /^(?:mine|my|vis mine|vis|show my|show) ?(?:krav|claims|reiseregninger|reiserekningar|reiserekninger|utlegg|expenses)$/,
    'myClaims',
  ],
  [
    /^(?:mine|my|vis mine|vis|show my|show)? ?(?:kvitteringer|kvitteringar|receipts|kvitteringsinnboks|innboks|inbox)$/,
    'myReceipts',
  ],
  [/^(?:hjelp|help|\?|kva kan du|hva kan du|what can you do|meny|menu)$/, 'help'],
  [
    /^(?:stopp|stop|slå av|skru av|turn off|ingen|no more|ikkje fleire|ikke flere) ?(?:alle )?(?:påminnelser|påminnelsene|påminningar|påminningane|reminders|the reminders)$/,
    'remindersOff',
  ],
  [
    /^(?:start|slå på|skru på|turn on|start igjen|start att) ?(?:påminnelser|påminnelsene|påminningar|påminningane|reminders|the reminders)(?: again| igjen| att)?$/,
    'remindersOn',
  ],
  [CANCEL, 'cancel'],
  [UNDO, 'undo'],
  [FILE, 'file'],
  [
    /^(?:hei|hallo|heisann|hei hei|hello|hi|hey|god morgon|god morgen|good morning|morn|morna)$/,
    'greeting',
  ],
  [/^(?:takk|tusen takk|takk skal du ha|thanks|thank you|thx|ty)$/, 'thanks'],
];

const languageNames: Array<[RegExp, Lang]> = [
  [/^(?:nynorsk|nn)$/, 'nn'],
  [/^(?:bokmål|bokmal|nb|norsk|norwegian)$/, 'nb'],
  [/^(?:english|engelsk|en)$/, 'en'],
];

export function parseCommand(text: string): Command | undefined {
  const t = normalizeCommandText(text);
  if (!t) return undefined;
  const lang = /^(?:språk|sprak|language|lang|mål|spraak)(?: (.+))?$/.exec(t);
  if (lang) {
    const wanted = lang[1]?.replace(/^(?:til|to|på|in) /, '');
    if (!wanted) return { name: 'language' };
    const hit = languageNames.find(([re]) => re.test(wanted));
    return hit ? { name: 'language', lang: hit[1] } : { name: 'language' };
  }
  for (const [re, name] of patterns) {
    if (!re.test(t)) continue;
    const draft = name === 'cancel' ? namedDraft(t) : undefined;
    return draft ? { name: 'cancel', draft } : { name };
  }
  return undefined;
}

/** Which draft a cancel names: "avbryt køyringa", "delete the mileage claim", "slett utlegget". */
function namedDraft(t: string): 'outlay' | 'mileage' | 'travel' | undefined {
  if (/\b(?:kjøring|køyring|kjøretur|køyretur)\p{L}*|\bmileage\b/u.test(t)) return 'mileage';
  if (/\breis(?:en|a)\b|\breise(?:regning|rekning)\p{L}*|\btravel claim\b/u.test(t))
    return 'travel';
  if (/\butlegget\b|\boutlay\b|\bexpense\b/u.test(t)) return 'outlay';
  return undefined;
}
