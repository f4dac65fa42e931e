/**
 * A learned second reader of help questions. Twenty rounds of hand rules answered the questions
 * they were written from and far fewer of those written after them (right section 60–72 % on
 * unseen batches): a rule covers a wording, not the many ways a situation is told. This is a
 * softmax regression over the guide's sections and "none" (out of the guide), trained by
 * scripts/train-help-sections.ts on the project's own questions, over the features of
 * section-features.ts. It decides with the rules, not instead of them (see decide).
 */
import { z } from 'zod';
import bundledModel from './section-model.json' with { type: 'json' };
import { checkedByRules, guideFingerprint } from './answer-gate.js';
import type { Guide } from './guide-loader.js';
import type { Retrieval } from './retrieval-types.js';

export const OUT_OF_GUIDE = 'none';

const modelSchema = z.object({
  about: z.string(),
  /** The guide it was trained with (guideFingerprint): it is used with that guide only. */
  guide: z.string(),
  /** "none" first, then the guide's section ids. */
  classes: z.array(z.string()).min(2),
  /** Feature → one weight per class. */
  weights: z.record(z.string(), z.array(z.number())),
  policy: z.object({
    /** Where the rules answer: the answer stands while P(out of the guide) stays below this. */
    keepRuled: z.number().min(0).max(1),
    /** Where the rules find nothing: the model's section answers when P(out of the guide) is below this. */
    answerUnruled: z.number().min(0).max(1),
    /**
     * …and only with a section it gives at least this: "none" can be unlikely while no section is
     * likely either, on words it never learned ("what's 15 % of 2400?").
     */
    answerUnruledSection: z.number().min(0).max(1),
    /**
     * Where the rules chose another section: the model's replaces it when it is this much more
     * likely than the rules' sections together (a question two sections answer splits the
     * model's belief between them, and then the rules' choice stands).
     */
    overrideMargin: z.number().min(0).max(1),
  }),
  training: z.record(z.string(), z.unknown()),
});

export type SectionModel = z.infer<typeof modelSchema>;

export function parseSectionModel(data: unknown): SectionModel {
  const model = modelSchema.parse(data);
  const k = model.classes.length;
  const wrong = Object.entries(model.weights).find(([, w]) => w.length !== k);
  if (wrong)
    throw new Error(`section model: feature ${wrong[0]} has ${wrong[1].length} weights, not ${k}`);
  if (model.classes[0] !== OUT_OF_GUIDE)
    throw new Error('section model: the first class must be "none"');
  return model;
}

/** Softmax of the summed weights of the features: one probability per class. */
export function probabilitiesOf(
  features: ReadonlyMap<string, number>,
  weightsOf: (feature: string) => ArrayLike<number> | undefined,
  classes: number,
): number[] {
  const z = new Array<number>(classes).fill(0);
  for (const [key, value] of features) {
    const weights = weightsOf(key);
    if (!weights) continue;
    for (let c = 0; c < classes; c++) z[c] = (z[c] as number) + (weights[c] as number) * value;
  }
  const top = Math.max(...z);
  const exp = z.map((v) => Math.exp(v - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / sum);
}

/** The probability of each class (model.classes order) for these features. */
export const classProbabilities = (model: SectionModel, features: ReadonlyMap<string, number>) =>
  probabilitiesOf(features, (key) => model.weights[key], model.classes.length);

/**
 * The rules and the model together. Whether the guide answers at all: where the rules found an
 * answer it stands unless the model is fairly sure the question is out of the guide; where they
 * found none, the model answers only when it is surer still. Which section: the rules' where
 * they found one, unless the model is sure of another; else the model's best.
 */
export function decide(model: SectionModel, ruled: Retrieval, probabilities: number[]): Retrieval {
  // A question for an amount, a count, a duration, someone, whether something is paid or allowed
  // is answered only by a sentence stating that: the rules look for one, a bag of words cannot.
  const { query } = ruled;
  if (checkedByRules(query) || query.asksDuration || query.asksPolicy) return ruled;
  const none = probabilities[0] as number;
  const cites = ruled.found ? none < model.policy.keepRuled : none < model.policy.answerUnruled;
  if (!cites)
    return ruled.found ? { ...ruled, found: false, sections: [], sides: undefined } : ruled;
  let best = 1;
  for (let c = 2; c < probabilities.length; c++)
    if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
  const id = model.classes[best] as string;
  if (!ruled.found && (probabilities[best] as number) < model.policy.answerUnruledSection)
    return ruled;
  if (ruled.found && ruled.sections.some((hit) => hit.id === id)) return ruled;
  const ruledShare = ruled.sections.reduce(
    (sum, hit) => sum + (probabilities[model.classes.indexOf(hit.id)] ?? 0),
    0,
  );
  if (ruled.found && (probabilities[best] as number) - ruledShare < model.policy.overrideMargin)
    return ruled;
  const score = ruled.ranked.find((hit) => hit.id === id)?.score ?? 0;
  // The rules' best stays as a second section: the answer takes a sentence from it only when one
  // holds about as much of the question as the model's section's best (see compose-answer.ts).
  const second = ruled.found ? ruled.sections.slice(0, 1) : [];
  return {
    ...ruled,
    found: true,
    sections: [{ id, score }, ...second],
    sides: undefined,
    kind: undefined,
  };
}

/** decide, from the question's features (section-features.ts). */
export const decideFrom = (
  model: SectionModel,
  ruled: Retrieval,
  features: ReadonlyMap<string, number>,
): Retrieval => decide(model, ruled, classProbabilities(model, features));

/** The model trained on the project's questions (src/help/section-model.json). */
export const BUNDLED_SECTION_MODEL: SectionModel = parseSectionModel(bundledModel);

/** The bundled model where it was trained with this guide; otherwise the rules answer alone. */
export const defaultSectionModelFor = (guide: Guide): SectionModel | null =>
  BUNDLED_SECTION_MODEL.guide === guideFingerprint(guide) ? BUNDLED_SECTION_MODEL : null;
