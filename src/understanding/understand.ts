/**
 * The intent and slot layer: one place that turns a typed message, in its context (what the bot
 * is waiting for, the draft in progress), into an intent with slots. Pure: no clock (today is
 * handed in), no I/O, no conversation state beyond the small context below.
 *
 * Context wins over guessing: while a form waits for its purpose, a message that is itself a
 * command, a correction, a claim statement or a question is read as that; anything else (a short
 * phrase such as "kundemøte hos Equinor", even one naming a kind of expense) is the purpose.
 */
import { ABOUT_ACCOUNT, readClaimsQuestion, type ClaimsQuestion } from './claims-questions.js';
import { parseCommand, type Command } from './commands.js';
import { readSeveralOutlays } from './outlay-list.js';
import { readCorrection, type CorrectedDraft, type Correction } from './correction.js';
import { readMessage, type Message } from './message.js';
import type { Missing } from './missing-answer.js';
import { readRatesQuestion, type RatesQuestion } from './rates-question.js';
import {
  QUESTION_WORDS,
  isQuestion,
  parseOutlayText,
  statedThenAsked,
  type OutlayGuess,
} from './outlay-text.js';
import { standardWords } from '../text/dialect.js';
import { isSymptom } from './symptom.js';
import { readTravelRequest, type TravelGuess } from './travel-text.js';
import { readTrip, type MileageGuess } from './trip-text.js';

export interface UnderstandingContext {
  /** Today in the user's time zone (YYYY-MM-DD). */
  today: string;
  /** The draft in progress that a correction would change. */
  draft?: CorrectedDraft;
  /** What the draft lacks and the bot asks for: a lone "120 kr", "48" or "kontoret" fills it. */
  missing?: Missing;
  /** The form waiting for its purpose, if any. */
  awaitingPurpose?: 'outlay' | 'mileage' | 'outlayClaim';
}

export type Understanding =
  | { intent: 'command'; command: Command }
  | { intent: 'newOutlay'; outlay: OutlayGuess }
  /** Several expenses in one message ("parkering 120 og bom 45 i går"): one claim, a line each. */
  | { intent: 'newOutlays'; outlays: OutlayGuess[] }
  | { intent: 'newMileage'; trip?: MileageGuess }
  | { intent: 'newTravel'; travel: TravelGuess }
  | { intent: 'correct'; fix: Correction }
  | { intent: 'answerPurpose'; purpose: string }
  /**
   * A status or list question about the user's own claims ("er reiseregningen godkjent?");
   * `question` says what is asked when it has an answer shape, else the list is the answer.
   */
  | { intent: 'claimsQuestion'; text: string; question?: ClaimsQuestion }
  /** A question for one of the state's domestic rates ("hva er kilometersatsen i år?"). */
  | { intent: 'ratesQuestion'; rates: RatesQuestion }
  /** A question for the user guide, small talk or anything out of scope: the guide decides. */
  | { intent: 'help'; text: string; question: boolean; outOfScope?: true };

// "krav på" is "entitled to" ("når har jeg krav på diett?"), not a claim.
const CLAIMS = String.raw`(?:krav(?!\s+pa\b)\w*|claims?|utkast\w*|drafts?|reise(?:regning|rekning)\w*|utlegg\w*|expenses?|refunds?|pengane|pengene|money|kvittering\w*\s+mine)`;
const MINE = String.raw`(?:mine|mitt|min|my|i\s+have|jeg\s+har|eg\s+har|har\s+jeg|har\s+eg|have\s+i|i've|ive)`;
/**
 * "vis meg kravene mine", "kan du vise kravene mine", "show me my claims", "list my expenses": a
 * verb that shows, or the possessive phrase alone ("kravene mine?"). "My claim" inside a sentence
 * is not a request for the list ("should the invitation be attached to my claim?").
 */
const SHOW_MINE = new RegExp(
  String.raw`\b(?:vis|vise|visa|syn|show|list|se|sja|see|oversikt|overview)\b(?!\s+(?:up|ut|out)\b).*\b${CLAIMS}\b|^(?:alle\s+|all\s+)?(?:${CLAIMS}\s+${MINE}|${MINE}\s+${CLAIMS})\W*$`,
  'u',
);
const CLAIM_WORD = new RegExp(
  `\\b${CLAIMS}\\b|\\b(?:taxi\\w*|hotell\\w*|hotel|drosje\\w*)\\b`,
  'u',
);

const MINE_RE = new RegExp(`\\b${MINE}\\b`, 'u');
/**
 * Questions about how things work, who does them or what would happen ("what happens if my claim
 * is rejected?") are for the guide, not the user's list.
 */
const HOW_OR_WHO =
  /^(?:kan\s+jeg|kan\s+eg|can\s+i)\b|\b(?:hvordan|korleis|how|hvem|kven|who|hvis|dersom|viss|if|(?:hva|kva)\s+skjer|what\s+happens)\b/u;
/** Asking to be shown: "show me everything I've submitted", "vis det jeg har sendt inn". */
const SHOW = /\b(?:vis|vise|visa|syn|show|list|se|sja|see)\b/u;
/** "har jeg sendt inn", "what have I submitted", "kva har eg levert". */
const PENDING = /\b(?:pending|outstanding|venter|ventar|til\s+godkjenning|under\s+behandling)\b/u;
const SUBMITTED = /\b(?:sendt\s+inn|send\s+inn|levert|submitted|filed|registrert)\b/u;

/**
 * What is not finished: drafts, claims not sent, what is left to do ("kva har eg igjen å gjere?",
 * "do I have any drafts?", "har jeg noe som ikke er sendt inn?"); the list shows them.
 */
const UNFINISHED =
  /\b(?:utkast\w*|drafts?|usendt\w*|unsent|uferdig\w*|halvferdig\w*|unfinished|half[\s-]finished|pabegynt\w*|in\s+progress|under\s+arbeid|(?:ikke|ikkje|not|haven'?t|hasn'?t|didn'?t)\s+(?:(?:er|vore|blitt|been|yet)\s+)*(?:sendt|sent|submitted|filed|levert|submit|send|file)|igjen\s+a\s+(?:gjore|gjere|sende|fylle|fore|levere)|left\s+to\s+(?:do|file|submit|send)|gjenstar|star\s+(?:igjen|att)|to-?do|(?:noe|noko|anything)\s+(?:som\s+)?(?:jeg|eg|i)\s+(?:ma|bor|need\s+to|have\s+to|must|should)\s+(?:fikse|rette|ordne|fix|sort\s+out|do|gjore|gjere))\b/u;
/** "hva er et utkast?", "what is a draft?": asking what a word means is for the guide. */
const WHAT_IS_A = /^(?:hva|kva|what)(?:'s|\s+is|\s+er)\s+(?:et|eit|en|ein|ei|a|an)\b/u;

/**
 * "jeg har sendt inn e-postadressen …, hva nå?": something sent that is no claim (a claim word, a
 * time or the end of the clause would follow the verb for one).
 */
function sentSomethingElse(f: string): boolean {
  const m = SUBMITTED.exec(f);
  if (!m || CLAIM_WORD.test(f)) return false;
  const next = /^\s+([\p{L}-]+)/u.exec(f.slice(m.index + m[0].length))?.[1];
  return next !== undefined && !AFTER_SENT.has(next);
}
const AFTER_SENT = new Set(
  'i in for forrige forre sist siste last this denne til og and enno enna yet still so far hittil na now da then'.split(
    ' ',
  ),
);

/** "hva har jeg av krav?", "kva krav har eg?", "which claims do I have?": asking what one has. */
const WHAT_HAVE_I =
  /\b(?:hva|kva|hvilke|which|what)\b[^.!?]*\b(?:har\s+jeg|har\s+eg|do\s+i\s+have|have\s+i)\b(?!\s+(?:to|got\s+to)\b)/u;

function isClaimsQuestion(msg: Message, wh: boolean): boolean {
  const f = msg.folded;
  if (HOW_OR_WHO.test(f) || ABOUT_ACCOUNT.test(f)) return false;
  const mine = MINE_RE.test(f);
  if (
    (SUBMITTED.test(f) || PENDING.test(f)) &&
    mine &&
    (wh || SHOW.test(f)) &&
    !sentSomethingElse(f)
  )
    return true;
  // Asking what is unfinished, or just "anything pending?", needs no claim word.
  const asks = wh || msg.original.endsWith('?');
  if (asks && msg.words <= 12 && UNFINISHED.test(f) && !WHAT_IS_A.test(f)) return true;
  if (asks && msg.words <= 4 && PENDING.test(f)) return true;
  // Status questions ("er reiseregningen godkjent?") are read by claims-questions.ts, which needs
  // something that asks, something of the user's own and a state; a claim word beside "my" in a
  // question is not enough ("should the invitation be attached to my claim?" is for the guide).
  if (!CLAIM_WORD.test(f)) return false;
  return SHOW_MINE.test(f) || WHAT_HAVE_I.test(f);
}

/** Small talk said around the bot's work: thanks and greetings in a few words. */
const THANKS =
  /^(?:(?:og|and|so|sa|men|but)\s+)?(?:tusen\s+|mange\s+|hjertelig\s+)?(?:takk|takker|thanks|thank\s+you|thx|ty|cheers|tack)\b/u;
const GREETING =
  /^(?:hei|hallo|heisann|hey|hi|hello|god\s+(?:morgen|morgon|dag|kveld|ettermiddag|formiddag)|(?:good\s+)?(?:morning|afternoon|evening)|morn|morna)\b/u;

/**
 * "ok flott", "supert, takk", "got it", laughter ("haha ok"), and a goodbye ("ha det", "god natt",
 * "have a nice weekend"): answered like thanks.
 */
const ACK_WORD = String.raw`(?:ok|okay|oki|okei|flott|fint|supert?|perfekt|bra|topp|greit|great|perfect|nice|cool|good|fine|alright|brilliant|excellent|lovely|awesome|sweet|cheers|nice\s+one|kjempe(?:bra|fint)|knallbra|stralande|stralende|sounds\s+good|got\s+it|skjonner|forstatt|ha\s+det(?:\s+bra)?|hade|snakkes|bye|goodbye|see\s+you|god\s+(?:natt|helg|jul|paske|mandag|tirsdag|tysdag|onsdag|torsdag|fredag|lordag|laurdag|sondag|sundag|dag|kveld|morgen|morgon)|good\s+night|natta|nite|(?:ha\s+(?:en|ein|ei|eit)|have\s+a)\s+(?:fin|god|nice|good|great)\s+\w+|(?:ha|he|hi){2,}|lol|lmao)`;
const ACKNOWLEDGED = new RegExp(
  `^(?:(?:og|and)\\s+)?(?:(?:${ACK_WORD}|takk|thanks)[\\s,.!]*)+$`,
  'u',
);
/** "hvordan går det?", "korleis står det til", "how are you?": asked of the bot, a greeting. */
const HOW_ARE_YOU =
  /^(?:(?:og|and|so)\s+)?(?:(?:hvordan|korleis|assen|hvorden)\s+(?:(?:gar|star)\s+det|har\s+du\s+det)|how\s+are\s+(?:you|u|things)|how(?:'s|\s+is)\s+it\s+going|how\s+do\s+you\s+do|(?:er|e)\s+du\s+(?:der|her|vaken|online)|(?:are\s+)?you\s+there|(?:anyone|anybody)\s+(?:there|home)|(?:noen|nokon)\s+(?:der|her|heime|hjemme))(?:\s+(?:til|med\s+deg|i\s+dag|idag|today|doing|then|da)){0,2}\W*$/u;

function howAreYou(msg: Message): Command | undefined {
  return msg.words <= 8 && HOW_ARE_YOU.test(msg.folded) ? { name: 'greeting' } : undefined;
}

/** "ha det", "god natt", "have a nice weekend", "bye": leaving. */
const GOODBYE =
  /^(?:(?:ok|okay|takk|thanks)[\s,.!]+)?(?:ha\s+det(?:\s+bra)?|hade|snakkes|bye|goodbye|see\s+you|god\s+(?:natt|helg|jul|paske|mandag|tirsdag|tysdag|onsdag|torsdag|fredag|lordag|laurdag|sondag|sundag|dag|kveld|morgen|morgon)|good\s+night|natta|nite|(?:ha\s+(?:en|ein|ei|eit)|have\s+a)\s+(?:fin|god|nice|good|great)\s+\w+)(?:[\s,.!]+(?:takk|thanks|da|then))?[\s,.!]*$/u;

/**
 * "du er gull", "you're a star", "det gikk kjapt, takk", "det var til god hjelp", "that was very
 * helpful": praise of the bot or of what it did is thanked for like thanks.
 */
const PRAISE =
  /^(?:(?:takk|thanks)[\s,.!]+)?(?:(?:du|you)(?:\s+(?:er|are)|'re|\s+r)\s+(?:(?:en|ei|ein|a|an|the|helt|heilt|so|sa|really|truly)\s+)*(?:gull|gullunge|best|beste|flink|konge|ra|topp|fantastisk|super|star|lifesaver|legend|hero|awesome|amazing|great|brilliant|genius)|(?:du|you|det|dette|that|this|it)(?:'ve|'s|\s+(?:har|have|has))?\s+(?:vore|vaert|vart|been|var|were|was|is|er|are)\s+(?:til\s+)?(?:(?:so|sa|such|a|ei|en|ein|veldig|very|really|real|great|big|stor|god|kjempe)\s+)*(?:hjelp|help|helpful|hjelpsom)|(?:(?:that|this|it)\s+was|(?:det|dette)\s+(?:var|gikk|gjekk)|(?:du|you)\s+(?:made|make|makes|gjorde|gjer|gjor|gjorde)\s+(?:this|that|it|det|dette|alt)(?:\s+(?:so|sa|veldig|very|really|super|mykje|mye|much))*)\s+(?:(?:so|sa|veldig|really|super|very)\s+)?(?:quick|fast|easy|nice|great|helpful|fort|kjapt|raskt|enkelt|lett|greit|bra|fint|supert|nyttig))\b/u;

/** Emoji said beside the words ("brilliant, cheers 👍"): they do not change what is said. */
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\p{Emoji_Modifier}/gu;

const POSITIVE_EMOJI =
  /[\u{1F44D}\u{1F44C}\u{1F64F}\u{1F642}\u{1F60A}\u{1F600}\u{1F603}\u{1F604}\u{1F44F}\u2705\u2764\u{1F64C}\u{1F4AA}\u{1F973}\u{1F389}]/u;

function smallTalk(said: Message): Command | undefined {
  // Emoji are no words: "takk, det var til stor hjelp 👍" is as short as without the thumb.
  const folded = said.folded.replace(EMOJI, '').replace(/\s+/gu, ' ').trim();
  const msg = { ...said, folded, words: folded ? folded.split(' ').length : 0 };
  if (msg.words > 7) return clausesOfSmallTalk(msg);
  // A thumbs up, a smile or a heart alone is a thank-you.
  if (!msg.folded && POSITIVE_EMOJI.test(said.folded)) return { name: 'thanks' };
  if (GOODBYE.test(msg.folded)) return { name: 'goodbye' };
  if (THANKS.test(msg.folded) || ACKNOWLEDGED.test(msg.folded) || PRAISE.test(msg.folded))
    return { name: 'thanks' };
  const how = howAreYou(msg);
  if (how) return how;
  if (msg.words <= 4 && GREETING.test(msg.folded)) return { name: 'greeting' };
  return undefined;
}

/**
 * "Thank you so much for your help, you made this very easy!", "takk for hjelpa, du er gull":
 * longer, but every clause is small talk; what the first says is the answer.
 */
function clausesOfSmallTalk(msg: Message): Command | undefined {
  const clauses = msg.original.split(/\s*[,.!;]+\s*/u).filter((c) => /\p{L}/u.test(c));
  if (clauses.length < 2 || clauses.length > 4) return undefined;
  const said = clauses.map((c) => {
    const clause = readMessage(c);
    return clause.words <= 7 ? smallTalk(clause) : undefined;
  });
  return said.every(Boolean) ? said[0] : undefined;
}

/** Asking to start a claim of a kind without saying more ("jeg vil registrere kjøring"). */
const WANTS =
  /\b(?:ny|nytt|new|start\w*|registrer\w*|fore|lag|lage|opprett\w*|create|legg\w*\s+inn|add|vil|ville|want|need|treng\w*)\b/u;
const MILEAGE_WORDS =
  /\b(?:kjoring|koyring|mileage|kjoregodtgjorelse|koyregodtgjersle|bilgodtgjorelse|kilometergodtgjorelse)\b/u;
const OUTLAY_WORDS = /\b(?:utlegg\w*|outlay|expense)\b/u;

function rewordedCommand(msg: Message): Command | undefined {
  if (msg.words > 10 || !WANTS.test(msg.folded)) return undefined;
  if (MILEAGE_WORDS.test(msg.folded)) return { name: 'newMileage' };
  if (OUTLAY_WORDS.test(msg.folded)) return { name: 'newOutlay' };
  return undefined;
}

/**
 * Asking for something to be booked or ordered ("book flight to Oslo", "bestill taxi til
 * Gardermoen", "can you reserve a hotel"): without an amount it is no expense but out of scope.
 */
const BOOKING =
  /^(?:(?:kan|kunne|could|can|will|would)\s+(?:du|you)\s+)?(?:please\s+|vennligst\s+)?(?:book|booke|bestill|bestille|reserver|reservere|reserve|order|ordne|get\s+me)\b/u;

/** Yes, no, ok and thanks alone are not a purpose. */
const FILLER = new RegExp(
  `^(?:(?:nei|ja|jo|no|yes|nope|yep|takk|thanks|${ACK_WORD})[\\s,.!]*)+$`,
  'u',
);

/** Wondering aloud is asking: "jeg lurer på hvordan …", "I wonder if …", "tell me how …". */
const WONDERING =
  /\b(?:lurer|lure|lurar|wonder(?:ing)?|vite|know|forklar\w*|explain|fortel+|tell\s+me|usikker|unsure)\b/u;

/**
 * Asked rather than stated: a question mark, a question word anywhere ("jeg lurer på hvordan
 * jeg fører reiseregning"), or wondering aloud. A yes/no opener alone ("skal føre …") is not.
 */
function asksWh(msg: Message): boolean {
  if (msg.original.endsWith('?') || WONDERING.test(msg.folded)) return true;
  return msg.folded.split(/[^\p{L}]+/u).some((w) => QUESTION_WORDS.has(w));
}

/** "hei, hvordan …", "hi! can you …": a greeting before the message is not the message. */
const GREETING_FIRST = new RegExp(`${GREETING.source}\\s*[,.!:;-]+\\s*(?=\\S)`, 'u');

/**
 * Asking the bot to write or tell something ("skriv et dikt om reiseregninger", "write me an
 * email to my boss", "fortell en vits"): out of scope, whatever the claim words in it.
 */
const WRITE_SOMETHING =
  /^(?:(?:kan|kunne|vil|could|can|will|would)\s+(?:du|you)\s+)?(?:please\s+)?(?:(?:hjelp|hjelpe|hjelpa|help)\s+(?:meg|me|oss|us)\s+(?:(?:med\s+)?a\s+|to\s+|with\s+)?)?(?:skriv|skrive|write|lag|lage|compose|draft|fortell|fortel|tell|dikt\w*)\s+(?:meg\s+|me\s+|oss\s+|us\s+)?(?:et|ein|eit|en|ei|a|an|some)?\s*(?:dikt|poem|sang|song|vits|vitsar|vitser|joke|jokes|historie|story|e-?post|email|mail|brev|letter|haiku|rap|limerick|regle)\b/u;

/** "kan du omsetje denne e-posten til engelsk?", "translate this for me": out of scope too. */
const TRANSLATE =
  /^(?:(?:kan|kunne|vil|could|can|will|would)\s+(?:du|you)\s+)?(?:please\s+)?(?:omsetje|omsett|oversett|oversette|oversetje|translate)\b/u;

/** "hva mangler?", "what else do you need?": asked with a draft open, the draft's next question. */
const WHAT_NEXT =
  /^(?:(?:og|and|so|sa)\s+)?(?:(?:hva|kva|what)(?:'s|\s+is|\s+er)?\s+(?:mangler|manglar|mangla|missing|gjenstar|left)|(?:hva|kva|what)\s+(?:mer|meir|else)?\s*(?:trenger|treng|do)\s+(?:du|you)(?:\s+need)?(?:\s+(?:mer|meir|fra\s+meg|fra\s+meg|from\s+me|more))?|(?:what|hva|kva)\s+now|(?:hva|kva)\s+na|hva\s+skjer\s+na|what\s+next|neste|next)\W*$/u;

export function understand(said: string, context: UnderstandingContext): Understanding {
  // Dialect spellings of little words ("ka har æ sendt inn?") are read as the standard ones.
  const typed = standardWords(said);
  const command = parseCommand(typed);
  if (command) return { intent: 'command', command };
  // The message as typed is normalised once; a greeting before it is cut off below.
  const typedMsg = readMessage(typed);
  if (context.draft && WHAT_NEXT.test(typedMsg.folded))
    return { intent: 'command', command: { name: 'whatNext' } };
  const greeting = GREETING_FIRST.exec(typedMsg.folded);
  const raw = greeting ? typedMsg.original.slice(greeting[0].length) : typed;
  const msg = greeting ? readMessage(raw) : typedMsg;
  const question = isQuestion(msg.original);
  if (!msg.original) return { intent: 'help', text: raw, question };
  // Whatever claim words it holds, a request to write something is answered as out of scope.
  if (WRITE_SOMETHING.test(msg.folded) || TRANSLATE.test(msg.folded))
    return { intent: 'help', text: raw, question, outOfScope: true };
  const wh = asksWh(msg);
  // "I paid 39 NOK for a bus ticket today, can I get that refunded?" states an outlay.
  const stated = statedThenAsked(raw, context.today);
  const asked = stated ? undefined : readClaimsQuestion(raw);
  if (asked) return { intent: 'claimsQuestion', text: raw, question: asked };
  if (isClaimsQuestion(msg, wh)) return { intent: 'claimsQuestion', text: raw };
  const rates = readRatesQuestion(msg, context.today);
  if (rates) return { intent: 'ratesQuestion', rates };

  if (context.draft) {
    const fix = readCorrection(msg, context.today, context.draft, context.missing);
    if (fix) return { intent: 'correct', fix };
  }
  // A complaint naming a kind of expense ("the toll isn't in the mileage log") is for the guide.
  if (isSymptom(msg)) return { intent: 'help', text: raw, question: question || wh };
  const trip = readTrip(msg, context.today);
  if (trip) return { intent: 'newMileage', trip };
  const travel = readTravelRequest(msg, context.today, wh);
  if (travel) return { intent: 'newTravel', travel };

  const several = readSeveralOutlays(raw, context.today);
  if (several) return { intent: 'newOutlays', outlays: several };
  const outlay = parseOutlayText(raw, context.today);
  if (outlay?.amountMinor !== undefined) return { intent: 'newOutlay', outlay };
  // A sentence that is not a question (nor wondering aloud) answers the form waiting for its purpose.
  if (
    context.awaitingPurpose &&
    !question &&
    !WONDERING.test(msg.folded) &&
    !FILLER.test(msg.folded) &&
    !smallTalk(msg)
  )
    return { intent: 'answerPurpose', purpose: msg.original };
  if (outlay?.kind && !BOOKING.test(msg.folded)) return { intent: 'newOutlay', outlay };
  const talk = smallTalk(msg);
  // "god morgen, og god søndag!": wishes after a greeting are the greeting.
  const greeted =
    greeting && talk?.name === 'thanks' && !THANKS.test(msg.folded)
      ? { name: 'greeting' as const }
      : talk;
  const reworded = question || wh ? howAreYou(msg) : (rewordedCommand(msg) ?? greeted);
  if (reworded) return { intent: 'command', command: reworded };
  return { intent: 'help', text: raw, question: question || wh };
}
