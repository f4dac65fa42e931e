/**
 * Where a question puts its verb, from the shape of the sentence alone: after an auxiliary and
 * its subject ("should I touch", "skal eg velje"), after the question word in Norwegian word
 * order ("hvordan velger jeg"), and after the infinitive mark ("to pick", "å velge"). A word
 * the guide does not know in that place is an everyday verb (pick, touch, velje) rather than the
 * topic of the question, which is carried by nouns.
 */
import { fold } from './normalize.js';
import { detectLanguage } from '../i18n/language-detect.js';

const AUXILIARIES = new Set(
  [
    'do',
    'does',
    'did',
    'should',
    'shall',
    'can',
    'could',
    'may',
    'might',
    'must',
    'will',
    'would',
    'skal',
    'skulle',
    'kan',
    'kunne',
    'må',
    'bør',
    'vil',
    'ville',
    'får',
    'fikk',
    'fekk',
    'burde',
  ].map(fold),
);
const SUBJECTS = new Set(
  ['i', 'we', 'you', 'one', 'jeg', 'eg', 'vi', 'me', 'du', 'man', 'ein', 'en'].map(fold),
);
const QUESTION_WORDS = new Set(
  ['hvordan', 'korleis', 'hvor', 'kvar', 'kor', 'når', 'hva', 'kva', 'hvilken', 'kva for'].map(
    fold,
  ),
);
const INFINITIVE_MARKS = new Set(['to', 'å', 'aa']);

/** English words after "to" that make it a preposition ("drove to a customer"), not the infinitive mark. */
const DETERMINERS = new Set(
  ['the', 'a', 'an', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that', 'another'].map(
    fold,
  ),
);

/**
 * Whether `mark` (as typed, lower case) before `after` marks an infinitive. Unfolded: folded,
 * "å" would be the English article "a" ("claim a rental car"). In a Norwegian question "to" is
 * the number two ("kan to personar …"), so it marks one only in a question that reads as English;
 * there, followed by a name, a number or a determiner, it leads to a place or a thing ("drove to
 * a customer").
 */
function marksInfinitive(mark: string, after: string | undefined, english: boolean): boolean {
  if (!INFINITIVE_MARKS.has(mark) || after === undefined) return false;
  if (mark !== 'to') return true;
  return english && !/^[\p{Lu}\p{N}]/u.test(after) && !DETERMINERS.has(fold(after));
}

/** Whether the question reads as English: only there is "to" an infinitive mark. */
export const readsEnglish = (question: string): boolean => detectLanguage(question) === 'en';

/** The words (folded) standing where the question's verb stands. */
export function verbSlots(question: string, english = readsEnglish(question)): Set<string> {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = words.map((t) => fold(t));
  const slots = new Set<number>();
  folded.forEach((word, i) => {
    const next = folded[i + 1];
    if (AUXILIARIES.has(word) && next !== undefined && SUBJECTS.has(next)) slots.add(i + 2);
    if (marksInfinitive((words[i] as string).toLowerCase(), words[i + 1], english))
      slots.add(i + 1);
    // Norwegian puts the verb second: question word, verb, subject.
    const after = folded[i + 2];
    if (QUESTION_WORDS.has(word) && after !== undefined && SUBJECTS.has(after)) slots.add(i + 1);
  });
  return new Set([...slots].flatMap((slot) => folded[slot] ?? []));
}

/**
 * The words (folded) standing between a subject and an infinitive ("I forgot to claim", "jeg
 * glemte å levere"): a verb governing another verb says how the user stands to that action, so
 * the action and its object are what the question is about. "Forgot my password" is about the
 * password; "forgot to claim an expense" is about claiming, and not about the forgotten password.
 */
export function governingVerbs(question: string, english = readsEnglish(question)): Set<string> {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<string>();
  words.forEach((word, i) => {
    if (!SUBJECTS.has(fold(words[i - 1] ?? ''))) return;
    if (marksInfinitive((words[i + 1] ?? '').toLowerCase(), words[i + 2], english))
      found.add(fold(word));
  });
  return found;
}

/** "keep photographing": "keep" before a verb in -ing goes on doing it, it keeps nothing (receipts). */
export const keepsOn = (word: string, next: string | undefined): boolean =>
  ['keep', 'keeps', 'kept'].includes(word.toLowerCase()) && /\p{L}ing$/u.test(next ?? '');
