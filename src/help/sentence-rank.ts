/**
 * A section's sentences scored by how much of the question each one holds (see
 * GuideIndex.rankSentences): a concept counts more the fewer sections mention it.
 */
import type { Family, RankedSentence, Retrieval } from './retrieval-types.js';
import { namedAnswerFactor } from './sentences.js';
import { isPhraseMark } from './word-forms.js';

/** How much more a sentence holding the phrase the user typed counts than one holding a word of it. */
const PHRASE_BONUS = 1.5;

/** What the ranking reads of a sentence of the guide. */
export interface IndexedSentence {
  text: string;
  position: number;
  block: number;
  step: boolean;
  item: boolean;
  forms: Set<string>;
}

/**
 * `title`: the section title's forms in the sentences' language; `total`: how many sections the
 * guide has.
 */
export function rankSectionSentences(
  sentences: readonly IndexedSentence[],
  title: ReadonlySet<string>,
  family: Family,
  total: number,
  retrieval: Retrieval,
): RankedSentence[] {
  const specificity = retrieval.sectionCounts.map((count) =>
    Math.log(1 + total / Math.max(1, count)),
  );
  const named = namedAnswerFactor(
    retrieval.query.groups.map((g) => g.label),
    retrieval.problem ?? false,
  );
  // A question about the section's topic as a whole ("how do I file mileage") is answered by
  // how the section opens: its first sentences earn a share of the topic's weight.
  const inTitle = retrieval.groupTerms.map((terms) =>
    [...title].some((f) => (terms[family].get(f) ?? 0) > 0),
  );
  const contentIds = retrieval.content.flatMap((c, i) => (c ? [i] : []));
  const whole = contentIds.length > 0 && contentIds.every((i) => inTitle[i]);
  const topic = whole
    ? Math.max(
        ...contentIds.map((i) => (retrieval.weights[i] as number) * (specificity[i] as number)),
      )
    : 0;
  return sentences.map((sentence) => {
    let score = topic / (sentence.position + 2);
    const parts: number[] = [];
    retrieval.groupTerms.forEach((terms, i) => {
      // Where the user wrote a phrase ("attach file"), the sentence holding a phrase of that
      // concept ("Legg ved fil (Attach file)") says more than one holding only a word of it.
      const typedPhrase = retrieval.query.groups[i]?.label.includes(' ') ?? false;
      let best = 0;
      for (const form of sentence.forms) {
        const quality = terms[family].get(form) ?? 0;
        best = Math.max(best, typedPhrase && isPhraseMark(form) ? quality * PHRASE_BONUS : quality);
      }
      // A number the guide has ("2020") points at its sentence as surely as a content word.
      // So does a word only one section has, however little it counts for finding the
      // section ("several" attachments): within the section it marks the sentence.
      const unique = retrieval.sectionCounts[i] === 1;
      const given = retrieval.weights[i] as number;
      const weight = retrieval.query.groups[i]?.number ? 1 : unique ? Math.max(1, given) : given;
      parts.push(best * weight * (specificity[i] as number));
      score += parts[i] as number;
    });
    // A closing wish ("Good luck!", "Lykke til!") answers nothing.
    const factor = (sentence.text.match(/\p{L}+/gu) ?? []).length < 3 ? 0 : named(sentence.text);
    return {
      text: sentence.text,
      position: sentence.position,
      block: sentence.block,
      step: sentence.step,
      item: sentence.item,
      score: score * factor,
      parts: parts.map((part) => part * factor),
    };
  });
}
