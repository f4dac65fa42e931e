/**
 * What the section classifier (section-classifier.ts) reads of a question: the user's words (both
 * stemmers' forms, since the language is often mixed), pairs of neighbouring words, the concepts
 * the analyser found with the guide sections holding each, the question's shape, and how the
 * sections score. Concept features carry across languages and synonyms ("kvittering", "receipt"
 * and "bilag" all land on the sections holding receipts), which is what lets a model trained on a
 * few thousand questions judge wordings it has never seen.
 */
import { fold, isStopword, queryForms, tokenize } from './normalize.js';
import type { AnalyzedQuery, QueryGroup, SectionHit } from './retrieval-types.js';

export interface SectionFeatureInput {
  question: string;
  query: AnalyzedQuery;
  /** Per query group (same order): the sections holding it, with the match quality. */
  sections: Array<ReadonlyMap<string, number>>;
  /** Every section with a score, best first (the rules' ranking). */
  ranked: readonly SectionHit[];
}

/** A synonym the analyser added counts this much against a word the user typed. */
const SYNONYM_WEIGHT = 0.3;

const QUESTION_SHAPES = [
  'asksAmount',
  'asksCount',
  'asksWho',
  'asksPolicy',
  'asksCoverage',
  'howTo',
  'otherWay',
] as const;

function roleOf(group: QueryGroup): string {
  if (group.weak) return 'weak';
  if (group.number || group.circumstance) return 'circumstance';
  return group.foreign ? 'foreign' : 'content';
}

export function sectionFeatures(input: SectionFeatureInput): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, value = 1) => features.set(key, (features.get(key) ?? 0) + value);
  const tokens = tokenize(input.question).filter((t) => !isStopword(t));
  for (const token of tokens) {
    const forms = [...new Set(queryForms(token))];
    for (const form of forms) add(`w:${form}`, 1 / forms.length);
  }
  for (let i = 1; i < tokens.length; i++)
    add(`b:${fold(tokens[i - 1] as string)}_${fold(tokens[i] as string)}`);
  input.query.groups.forEach((group, i) => {
    const role = roleOf(group);
    const holding = input.sections[i] ?? new Map<string, number>();
    add(`role:${role}`);
    if (holding.size === 0) add(`unk:${role}`);
    // A concept in every section says little about which one is meant.
    const spread = Math.sqrt(Math.max(1, holding.size));
    for (const [id, quality] of holding) add(`gs:${role}:${id}`, quality / spread);
    for (const alt of group.alternatives) if (!alt.typed) add(`syn:${alt.form}`, SYNONYM_WEIGHT);
  });
  for (const shape of QUESTION_SHAPES) if (input.query[shape]) add(`q:${shape}`);
  const best = input.ranked[0]?.score ?? 0;
  for (const hit of input.ranked) add(`rs:${hit.id}`, best > 0 ? hit.score / best : 0);
  add('rbest', Math.log1p(best));
  add('bias');
  return features;
}
