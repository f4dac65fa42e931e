/**
 * Where a question puts its verb, from the shape of the sentence alone: after an auxiliary and
 * its subject ("should I touch", "skal eg velje"), after the question word in Norwegian word
 * order ("hvordan velger jeg"), and after the infinitive mark ("to pick", "å velge"). A word
 * the guide does not know in that place is an everyday verb (pick, touch, velje) rather than the
 * topic of the question, which is carried by nouns.
 */
import { fold } from './normalize.js';

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
const INFINITIVE = new Set(['to', 'å', 'aa'].map(fold));

/** The words (folded) standing where the question's verb stands. */
export function verbSlots(question: string): Set<string> {
  const folded = (question.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => fold(t));
  const slots = new Set<number>();
  folded.forEach((word, i) => {
    const next = folded[i + 1];
    if (AUXILIARIES.has(word) && next !== undefined && SUBJECTS.has(next)) slots.add(i + 2);
    if (INFINITIVE.has(word)) slots.add(i + 1);
    // Norwegian puts the verb second: question word, verb, subject.
    const after = folded[i + 2];
    if (QUESTION_WORDS.has(word) && after !== undefined && SUBJECTS.has(after)) slots.add(i + 1);
  });
  return new Set([...slots].flatMap((slot) => folded[slot] ?? []));
}

const INFINITIVE_MARKS = new Set(['to', 'å', 'aa']);

/** English words after "to" that make it a preposition ("drove to a customer"), not the infinitive mark. */
const DETERMINERS = new Set(
  ['the', 'a', 'an', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that', 'another'].map(
    fold,
  ),
);

/**
 * The words (folded) standing between a subject and an infinitive ("I forgot to claim", "jeg
 * glemte å levere"): a verb governing another verb says how the user stands to that action, so
 * the action and its object are what the question is about. "Forgot my password" is about the
 * password; "forgot to claim an expense" is about claiming, and not about the forgotten password.
 */
export function governingVerbs(question: string): Set<string> {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<string>();
  words.forEach((word, i) => {
    // Unfolded: folded, "å" would be the English article "a" ("can I upload a document").
    const mark = (words[i + 1] ?? '').toLowerCase();
    const after = words[i + 2];
    if (!SUBJECTS.has(fold(words[i - 1] ?? '')) || !INFINITIVE_MARKS.has(mark) || !after) return;
    // English "to" is also a preposition: followed by a name, a number or a determiner it leads to a place or a thing.
    const preposition =
      mark === 'to' && (/^[\p{Lu}\p{N}]/u.test(after) || DETERMINERS.has(fold(after)));
    if (!preposition) found.add(fold(word));
  });
  return found;
}
