/**
 * Shapes of a question read from its words alone, before the guide is searched: a particle verb
 * split by its subject, a way the user wants to avoid, a "who" clause, a bank account.
 */
import { fold } from './normalize.js';

const SUBJECT = '(?:jeg|eg|du|vi|me|man|ein|dere|de|dei)';
const PARTICLE = '(?:ut|inn|av|opp|ned|tilbake|fram|frem)';
const INVERTED_PARTICLE = new RegExp(`([\\p{L}]+) (${SUBJECT}) (${PARTICLE})(?![\\p{L}])`, 'giu');

/**
 * Norwegian questions put the subject between a verb and its particle ("korleis skriv eg ut",
 * "hvordan logger jeg ut"): the verb and particle are put together again, so "skrive ut" (print)
 * is read as one word and not as "skrive" (write).
 */
export function particleBeforeSubject(question: string): string {
  return question.replace(INVERTED_PARTICLE, '$1 $3 $2').replace(STRANDED_FROM, '$1 $3 $2');
}

/**
 * "hvilken adresse kommer aktiveringseposten fra?": "kommer … fra" (comes from) split by its
 * subject, with "fra" left at the end, is put together too.
 */
const STRANDED_FROM = /(?<!\p{L})(kommer|kom|kjem)\s+([\p{L}-]+)\s+(fra|frå)(?=\s*[?.!]*\s*$)/iu;

/**
 * "… without going via forgotten password", "uten å gå via glemt passord": the way the user wants
 * to avoid is not what the question is about, so that clause is left out of the search.
 */
export function withoutAvoidedWay(question: string): string {
  return question.replace(
    /(?<!\p{L})(?:without\s+\p{L}+ing|ut[ae]n\s+å)(?!\p{L})[^,.;:?!]*/giu,
    ' ',
  );
}

/**
 * The question proposes another way than one it names ("by e-mail instead of the app", "på
 * e-post i staden for å bruke appen"): the other way is what it asks about, so the guide answers
 * it only where it describes that way itself.
 */
export const proposesOtherWay = (question: string): boolean =>
  /(?<!\p{L})(?:instead\s+of|rather\s+than|i\s+ste(?:d|det|den)\s+for|istedenfor|i\s+staden\s+for|istadenfor|heller\s+enn)\s+\p{L}/iu.test(
    question,
  );

/**
 * A clause opening with "who" (hvem, kven) as its subject asks for someone: a person, a role or a
 * sender. "Who do I add …", "hvem skal jeg …" asks what the user does, which the guide may say.
 */
const WHO_CLAUSE =
  /(?:^|[,;:]\s*(?:and\s+|og\s+)?)(?:who|whom|hvem|kven)(?!\p{L})(?!\s+(?:do|does|did|should|can|could|must|shall|skal|kan|må|bør|gjer|gjør)\s+(?:i|we|you|jeg|eg|vi|me|du)(?!\p{L}))/iu;
export const asksWho = (question: string): boolean => WHO_CLAUSE.test(question.trim());

const ACCOUNTS = new Set(
  ['account', 'accounts', 'konto', 'kontoen', 'kontoar', 'kontoer'].map(fold),
);
const MONEY = new Set(
  [
    ['money', 'paid', 'payment', 'payout', 'refund', 'refunds', 'bank'],
    ['penger', 'pengene', 'pengar', 'pengane', 'utbetalt', 'refusjon', 'refusjonen', 'banken'],
  ]
    .flat()
    .map(fold),
);

/**
 * Whether some of `words` (of the question `tokens`) speak of a bank account: where money goes
 * into it, an account is the bank account, which the guide never speaks of; the user account it
 * does ("activate my account").
 */
export function bankAccountIn(tokens: string[]): (words: string[]) => boolean {
  const aboutMoney = tokens.some((t) => MONEY.has(fold(t)));
  return (words) => aboutMoney && words.some((w) => ACCOUNTS.has(fold(w)));
}

/**
 * A question for a procedure ("how do I send …", "hvordan sender jeg …"; not "how many"), or
 * whether one can do something ("can I change the language inside the app?"): what it names is
 * what the answer has to describe, its action and the things the action is done to, so a
 * section about another action or thing does not answer it.
 */
export const asksHowTo = (question: string): boolean =>
  /^(?:hvordan|korleis|koss|åssen|how\s+(?:do|does|did|can|could|should|shall|must|would|will|to)|(?:can|could|kan|kunne)\s+(?:i|jeg|eg|we|vi|me))(?!\p{L})/iu.test(
    question.trim(),
  );

const ROLE =
  '(?:manager|boss|supervisor|approver|hr|payroll|employer|finance(?:\\s+department)?|accounting|leder(?:en)?|leiar(?:en)?|sjef(?:en)?|arbeidsgiver(?:en)?|arbeidsgjevar(?:en)?|personalavdelinga?|personalavdelingen|økonomi(?:avdelinga|avdelingen)?|regnskap(?:savdelingen)?|rekneskap(?:savdelinga)?|lønn(?:savdelingen|skontoret)?|løn(?:skontoret)?)';
const POLICY = new RegExp(
  `(?<!\\p{L})(?:${[
    // Permission: the guide says how to file, never what the user may do.
    '(?:am|are|is)\\s+(?:i|we|it|one)\\s+(?:allowed|permitted)',
    '(?:få|får|fått)\\s+(?:jeg|eg|vi|me|man|ein)?\\s*lov',
    'lov\\s+til',
    '(?:need|get)\\s+(?:\\p{L}+\\s+)?(?:approval|permission)',
    '(?:godkjenning|løyve|tillatelse|tillating)\\s+(?:fra|frå|av)',
    // Someone else acting on the user's claim, or being told: a role as the one asked about.
    `(?:can|may|will|does|do|could|kan|må|skal|vil)\\s+(?:my|the|min|mi)?\\s*${ROLE}(?:\\s+(?:min|mi|mitt))?(?=\\s+\\p{L})`,
    // Norwegian puts the verb first in a yes/no question: "ser lederen min …", "får
    // økonomiavdelinga sjå …" asks what the role does or sees.
    `^(?:ser|får|kan|vil|skal|må|godkjenner|sjekker|sjekkar|sjå)\\s+(?:min|mi)?\\s*${ROLE}(?!\\p{L})`,
    `(?:tell|inform|notify|ask|melde\\s+fr[aå]\\s+til|si\\s+fr[aå]\\s+til|gi\\s+beskjed\\s+til|varsle)\\s+(?:my|the)?\\s*${ROLE}`,
    // Acting for someone else: "reset the password for a colleague", "på vegne av en annen".
    '(?:for|on\\s+behalf\\s+of|på\\s+vegne\\s+av|på\\s+vegner\\s+av)\\s+(?:a|an|my|en|ein|ei|min|mi)?\\s*(?:colleague|co-?worker|kollega(?:en|er|ar|ane|ene)?|someone\\s+else|somebody\\s+else|another\\s+(?:person|employee)|en\\s+annen|ein\\s+annan)',
    // A receipt lost or never had: what the employer accepts instead is policy, not a step.
    '(?:lost|mistet|mista|misted)\\s+(?:the\\s+|my\\s+|a\\s+)?(?:\\p{L}+\\s+)?(?:receipt|kvittering(?:en|a)?)',
    '(?:without|uten|utan)\\s+(?:a\\s+|the\\s+)?(?:receipt|kvittering(?:en|a)?)',
    // Tax and pay: what a payment is to the tax office or the payslip.
    'tax(?:able|ed|es)?',
    'skatte?(?:pliktig|pliktige|fri|frie|melding(?:a|en)?|oppgjør)?',
    'pay\\s*slip',
    'lønnsslipp(?:en)?',
    'lønsslipp(?:en)?',
  ].join('|')})(?!\\p{L})`,
  'iu',
);

/**
 * A question for a policy, a permission or someone else's part ("am I allowed to …", "må jeg få
 * godkjenning fra …", "can my manager change …", "is it taxable"): the guide describes only
 * the user's own steps in Visma, so no section of it answers such a question.
 */
export const asksPolicy = (question: string): boolean => POLICY.test(question);

/**
 * The shapes read from the question's words: who it asks for, whether it asks for a procedure,
 * and whether a yes/no question (`yesNo`: it opens with "can", "kan", …) proposes another way.
 * "Can I … instead of …?" asks whether the other way is allowed; "when do I pick X instead of
 * Y?" is a choice between two things of the guide (a comparison). `asked` is the question as
 * typed, before a clause the user wants to avoid is left out.
 */
export const questionShapes = (question: string, asked: string, yesNo: boolean) => ({
  asksWho: asksWho(question),
  asksPolicy: asksPolicy(asked),
  howTo: asksHowTo(question),
  otherWay: yesNo && proposesOtherWay(asked),
});
