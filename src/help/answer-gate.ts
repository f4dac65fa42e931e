/**
 * A learned veto on guide answers. The retrieval's rules decide whether the guide answers a
 * question; eleven rounds of hand rules showed that near-domain questions whose words are all the
 * guide's but one ("log in with Face ID", "a Vipps receipt") keep slipping through. The gate is a
 * logistic regression over a few named figures the retrieval computes anyway (how well the best
 * section scores and covers the question, what the question has that the guide lacks), trained by
 * scripts/train-help-gate.ts on the project's own questions and the tune parts of the shared
 * sets, with its features, regularisation and threshold chosen by cross-validation. It only
 * vetoes: a question the rules leave out of the guide stays out.
 */
import { z } from 'zod';
import bundledGate from './answer-gate.json' with { type: 'json' };
import { fold, tokenize } from './normalize.js';
import type { Guide } from './guide-loader.js';
import type { AnalyzedQuery, Retrieval, Role, SectionHit } from './retrieval-types.js';

/** What the retrieval knows about a question when it has chosen its sections. */
export interface GateInput {
  question: string;
  query: AnalyzedQuery;
  roles: Role[];
  weights: number[];
  /** Per query group: the sections holding it, with the match quality (1 exact, less for a typo or prefix). */
  perGroup: Array<Map<string, number>>;
  /** Per query group: the sections holding the user's own word (not only a synonym of it). */
  matches: Array<{ typed: Set<string> }>;
  ranked: SectionHit[];
  cited: SectionHit[];
  coverage: number;
}

const lowers = (role: Role) => role === 'content' || role === 'unknown' || role === 'foreign';

/**
 * The named features, each a figure a reader can check by hand on one question. Counts are of
 * the question's concept groups (a word with its synonyms and other languages' forms).
 */
export function gateFeatures(input: GateInput, sectionTotal: number): GateReading {
  const { query, roles, weights, perGroup, ranked, question } = input;
  const typed = input.matches.map((m) => m.typed);
  const cited = input.cited.map((hit) => hit.id);
  const best = ranked[0]?.score ?? 0;
  const second = ranked[1]?.score ?? 0;
  const inCited = (i: number) => cited.some((id) => perGroup[i]?.has(id) ?? false);
  const quality = (i: number) => Math.max(0, ...cited.map((id) => perGroup[i]?.get(id) ?? 0));
  const count = (test: (role: Role, i: number) => boolean) =>
    roles.filter((role, i) => test(role, i)).length;
  let uncovered = 0;
  let possible = 0;
  roles.forEach((role, i) => {
    if (!lowers(role)) return;
    possible += weights[i] as number;
    if (!inCited(i)) uncovered += weights[i] as number;
  });
  const bestId = ranked[0]?.id;
  const specificity = Math.max(
    0,
    ...roles.map((role, i) => {
      const sections = perGroup[i]?.size ?? 0;
      if (role !== 'content' || !bestId || !perGroup[i]?.has(bestId)) return 0;
      return 1 - Math.log(sections) / Math.log(Math.max(2, sectionTotal));
    }),
  );
  // A capitalised word inside the sentence that the guide lacks: a place, a person — or a
  // product the guide does not explain ("Vipps", "EuroBonus").
  const inside = new Set(
    question
      .split(/\s+/)
      .slice(1)
      .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w.toLowerCase()),
  );
  const ownWord = (i: number) => (typed[i]?.size ?? 0) > 0;
  const asked = count(lowers);
  const typedInCited = count(
    (role, i) => role === 'content' && cited.some((id) => typed[i]?.has(id) ?? false),
  );
  const words = question.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  // The user's words the guide does not hold as written (a synonym or a typo found them, or nothing).
  // A place, a weekday or a name is where or when, never what is asked; the project's lists know them.
  const strange = (weak: boolean) =>
    roles.flatMap((role, i) =>
      ownWord(i) || role === 'circumstance' || query.groups[i]?.number || (role === 'weak') !== weak
        ? []
        : tokenize(query.groups[i]?.label ?? '').map(fold),
    );
  return {
    words: [...new Set(strange(false))],
    verbs: [...new Set(strange(true))],
    terms: questionTerms(question),
    features: {
      score: Math.log1p(best),
      margin: best > 0 ? 1 - second / best : 0,
      coverage: input.coverage,
      uncovered,
      uncoveredShare: possible > 0 ? uncovered / possible : 0,
      unknown: count((role) => role === 'unknown'),
      names: count(
        (_role, i) =>
          !ownWord(i) && (query.groups[i]?.label ?? '').split(' ').some((w) => inside.has(w)),
      ),
      synonymOnly: count((role, i) => role === 'content' && !ownWord(i)),
      weakUnknown: count((role, i) => role === 'weak' && (perGroup[i]?.size ?? 0) === 0),
      typedShare: asked > 0 ? typedInCited / asked : 0,
      foreign: count((role) => role === 'foreign'),
      content: count((role) => role === 'content'),
      elsewhere: count((role, i) => role === 'content' && !inCited(i)),
      inexact: count((role, i) => role === 'content' && inCited(i) && quality(i) < 1),
      specificity,
      weak: count((role) => role === 'weak'),
      words: Math.log1p(words),
      howTo: query.howTo ? 1 : 0,
      cited: cited.length,
    },
  };
}

/** What the gate reads of a question: the features, and the words the guide lacks as written. */
export interface GateReading {
  features: Record<string, number>;
  /** Words of content (things asked about) the guide lacks as written. */
  words: string[];
  /** Weak words (everyday verbs, generic words) the guide lacks as written. */
  verbs: string[];
  /** The question's words and word pairs, folded (see lexicalScore). */
  terms: string[];
}

/** A question's words and neighbouring word pairs, folded, each once. */
export function questionTerms(question: string): string[] {
  const words = tokenize(question).map(fold);
  return [...new Set([...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)])];
}

/**
 * How the question's wording leans, by the training questions: the mean log-odds of its terms
 * (out of the guide against in it) over the terms the table has. "is there", "does … work" lean
 * out; "how do I", "where do I" lean in.
 */
export function lexicalScore(terms: readonly string[], table: Readonly<Record<string, number>>) {
  const known = terms.filter((t) => table[t] !== undefined);
  return known.length === 0
    ? 0
    : known.reduce((s, t) => s + (table[t] as number), 0) / known.length;
}

/**
 * How many of the words the guide lacks are also unfamiliar from the in-guide questions the gate
 * was trained on: "back", "hrs", "stuck" come with guide questions; "Vipps", "Chromebook" do not.
 */
export const novelCount = (words: readonly string[], familiar: ReadonlySet<string>): number =>
  words.filter((w) => !familiar.has(w)).length;

/**
 * An answer the rules checked against what the section says, not only against its words: a
 * question for an amount, a count, someone, or whether a thing is paid back is answered only by a
 * section stating one (of that thing). The gate leaves those to the rules; word statistics would
 * overrule a check of the content ("kan jeg få refundert parkering?" reads like the many
 * reimbursement questions outside the guide, yet 5.2 says parking is paid back).
 */
export const checkedByRules = (query: AnalyzedQuery): boolean =>
  query.asksAmount || query.asksCount || query.asksWho || query.asksCoverage;

const gateSchema = z.object({
  about: z.string(),
  features: z.array(z.string()).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Vetoes an answer when the probability of "out of the guide" is at least this. */
  threshold: z.number(),
  /** Words of the in-guide training questions (folded): see novelCount. */
  familiar: z.array(z.string()),
  /** Log-odds of each term of the training questions (see lexicalScore). */
  lexicon: z.record(z.string(), z.number()),
  /** The guide the gate was trained with (guideFingerprint): it is used with that guide only. */
  guide: z.string().optional(),
  training: z.record(z.string(), z.unknown()),
});

export interface GateModel extends z.infer<typeof gateSchema> {
  familiarSet: ReadonlySet<string>;
}

export function parseGate(data: unknown): GateModel {
  const parsed = gateSchema.parse(data);
  const model = { ...parsed, familiarSet: new Set(parsed.familiar) };
  const n = model.features.length;
  if ([model.mean, model.scale, model.weights].some((a) => a.length !== n))
    throw new Error('answer gate: features, mean, scale and weights differ in length');
  return model;
}

/**
 * A fingerprint of a guide's sections (numbers and titles in every language). The gate learnt
 * from questions about one guide, its wording included ("book a hotel" is outside ours): with
 * another guide it would veto that guide's own topics, so it is used only with its own.
 */
export function guideFingerprint(guide: Guide): string {
  const text = Object.entries(guide.sections)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([lang, sections]) => sections.map((s) => `${lang}:${s.id}:${s.title}`))
    .join('\n');
  // FNV-1a, 32 bits: a check that the guide is the same, not a secret.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The gate for this guide by default: the bundled one where it was trained with this guide. */
export const defaultGateFor = (guide: Guide): GateModel | null =>
  BUNDLED_GATE.guide === undefined || BUNDLED_GATE.guide === guideFingerprint(guide)
    ? BUNDLED_GATE
    : null;

/** The gate trained on the project's questions (src/help/answer-gate.json). */
export const BUNDLED_GATE: GateModel = parseGate(bundledGate);

/** The probability that the question is out of the guide, by the model. */
export function outOfGuideProbability(model: GateModel, reading: GateReading): number {
  const features: Record<string, number> = {
    ...reading.features,
    novel: novelCount(reading.words, model.familiarSet),
    novelVerbs: novelCount(reading.verbs, model.familiarSet),
    lexical: lexicalScore(reading.terms, model.lexicon),
  };
  let z = model.bias;
  model.features.forEach((name, i) => {
    const x = features[name];
    if (x === undefined) throw new Error(`answer gate: no feature ${name}`);
    z +=
      (model.weights[i] as number) * ((x - (model.mean[i] as number)) / (model.scale[i] as number));
  });
  return 1 / (1 + Math.exp(-z));
}

export const vetoes = (model: GateModel, reading: GateReading): boolean =>
  outOfGuideProbability(model, reading) >= model.threshold;

/**
 * The retrieval with the gate's veto applied: only to an answer the rules gave on one topic (a
 * comparison cites each side's own section) and did not check against the content.
 */
export function applyGate(result: Retrieval, gate: GateModel | null): Retrieval {
  if (
    !gate ||
    !result.found ||
    result.sides ||
    result.kind ||
    !result.gate ||
    checkedByRules(result.query)
  )
    return result;
  return vetoes(gate, result.gate) ? { ...result, found: false, sections: [] } : result;
}
