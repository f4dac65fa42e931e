/**
 * Trains the answer gate (src/help/answer-gate.ts) and writes src/help/answer-gate.json:
 *
 *   npx tsx scripts/train-help-gate.ts [--dry-run]
 *
 * Training data: the project's own questions (test/fixtures/help-questions.jsonl) and the tune
 * parts of ../shared/eval/help-questions.jsonl and help-questions-2.jsonl (their check parts, ids
 * in eval/splits.json, are left out here). Every question is asked the bot's way with the rules
 * alone (no gate); the gate learns, from the features of the questions the rules answer on one
 * topic without checking the content (see checkedByRules), which of them are out of the guide.
 *
 * Chosen by k-fold cross-validation on that data: the feature set, the L2 regularisation and the
 * threshold. The threshold is the one that leaves uncited the most out-of-guide questions while
 * the in-guide questions citing a right section fall by at most MAX_IN_GUIDE_DROP (pooled
 * out-of-fold predictions). Training on every question with features (domain "all") is
 * cross-validated and printed for comparison, but only the veto's own domain ("answered") is
 * chosen: on "all" the model learns what the rules already reject (a yes/no question whether
 * something is paid back is mostly out of the guide there, while the ones the rules answer are
 * mostly in it). Deterministic: a seeded fold split and Newton's method from zero.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import {
  checkedByRules,
  guideFingerprint,
  lexicalScore,
  questionTerms,
  type GateModel,
} from '../src/help/answer-gate.js';
import type { Lang } from '../src/i18n/translate.js';
import { askLikeTheBot, checkIdsOf, partOf, readEvalFile, type EvalItem } from './lib/help-eval.js';
import { runWhenMain } from './lib/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GATE_FILE = path.join(ROOT, 'src/help/answer-gate.json');
export const OWN_FILE = path.join(ROOT, 'test/fixtures/help-questions.jsonl');
export const SHARED_FILES = ['help-questions.jsonl', 'help-questions-2.jsonl'].map((f) =>
  path.join(ROOT, '../shared/eval', f),
);

export const FOLDS = 5;
export const SEED = 20261206;
/** The in-guide right-section share may fall by at most this much (0.5 point). */
export const MAX_IN_GUIDE_DROP = 0.005;
export const LAMBDAS = [0.1, 1, 10, 100];

/** The feature sets tried: every feature, and the ones about what the question has that the guide lacks. */
const ALL_FEATURES = [
  'score',
  'margin',
  'coverage',
  'uncovered',
  'uncoveredShare',
  'unknown',
  'names',
  'synonymOnly',
  'weakUnknown',
  'typedShare',
  'novel',
  'novelVerbs',
  'lexical',
  'foreign',
  'content',
  'elsewhere',
  'inexact',
  'specificity',
  'weak',
  'words',
  'howTo',
  'cited',
];

export const FEATURE_SETS: Record<string, string[]> = {
  all: ALL_FEATURES,
  // Without the figures about what the question shares with the guide as a whole.
  lacking: ALL_FEATURES.filter(
    (f) => !['foreign', 'content', 'weak', 'words', 'howTo', 'cited'].includes(f),
  ),
};

/** One training question as the rules answer it. */
export interface GateRecord {
  id: string;
  inGuide: boolean;
  /** The rules answer it with a single topic: the gate may veto it. */
  gateable: boolean;
  /** In the guide and answered citing an expected section. */
  citesRight: boolean;
  features: Record<string, number>;
  /** The words the guide lacks as written (see GateReading). */
  words: string[];
  verbs: string[];
  /** The question's terms (words and pairs, folded): an in-guide one's make the familiar words. */
  own: string[];
}

/** HelpService remembering the question the conversation engine passed it. */
export class RecordingService extends HelpService {
  asked: string | undefined;
  override answer(question: string, lang: Lang) {
    this.asked = question;
    return super.answer(question, lang);
  }
}

export function trainingItems(): Array<EvalItem & { set: string }> {
  const own = readEvalFile(OWN_FILE).map((item) => ({ ...item, set: 'own' }));
  const shared = SHARED_FILES.filter((file) => existsSync(file)).flatMap((file) => {
    const set = path.basename(file, '.jsonl');
    return partOf(readEvalFile(file), checkIdsOf(file), 'tune').map((item) => ({
      ...item,
      id: `${set}:${item.id}`,
      set,
    }));
  });
  return [...own, ...shared];
}

/** The guide the bot answers from, as configured. */
export function bundledGuide() {
  const config = loadConfig();
  return loadGuide({
    nb: config.GUIDE_NB_PATH,
    nn: config.GUIDE_NN_PATH,
    en: config.GUIDE_EN_PATH,
  });
}

export async function collectRecords(items: EvalItem[]): Promise<GateRecord[]> {
  const guide = bundledGuide();
  const service = new RecordingService(guide, { gate: null, sections: null });
  const records: GateRecord[] = [];
  for (const item of items) {
    service.asked = undefined;
    const answer = await askLikeTheBot(service, item.q, item.lang);
    const retrieval = service.asked === undefined ? undefined : service.retrieve(service.asked);
    const cited = answer.found ? answer.sections.map((s) => s.id) : [];
    records.push({
      id: item.id,
      inGuide: item.sections.length > 0,
      gateable:
        answer.found &&
        retrieval !== undefined &&
        retrieval.sides === undefined &&
        retrieval.gate !== undefined &&
        !checkedByRules(retrieval.query),
      citesRight: cited.some((id) => item.sections.includes(id)),
      features: retrieval?.gate?.features ?? {},
      words: retrieval?.gate?.words ?? [],
      verbs: retrieval?.gate?.verbs ?? [],
      own: retrieval?.gate?.terms ?? questionTerms(item.q),
    });
  }
  return records;
}

/** A seeded shuffle (mulberry32), so the folds are the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Fold of each record id: a seeded shuffle of the ids in order, dealt round. */
export function foldsOf(
  records: ReadonlyArray<{ id: string }>,
  folds = FOLDS,
  seed = SEED,
): Map<string, number> {
  const ids = shuffled(records.map((r) => r.id).sort(), seed);
  return new Map(ids.map((id, i) => [id, i % folds]));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and well-conditioned by L2). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs(m[r]?.[c] as number) > Math.abs(m[pivot]?.[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] as number) / (row[c] as number);
      for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** L2-regularised logistic regression on standardised features, by Newton's method from zero. */
export function fitLogistic(
  rows: number[][],
  labels: boolean[],
  lambda: number,
): Pick<GateModel, 'mean' | 'scale' | 'weights' | 'bias'> {
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => avg(rows.map((r) => r[j] as number)));
  const scale = mean.map((m, j) => {
    const sd = Math.sqrt(avg(rows.map((r) => ((r[j] as number) - m) ** 2)));
    return sd > 1e-9 ? sd : 1;
  });
  // Column 0 is the bias, not regularised.
  const x = rows.map((r) => [
    1,
    ...r.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number)),
  ]);
  let w: number[] = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad: number[] = w.map((wj, j) => (j === 0 ? 0 : -lambda * wj));
    const hess = w.map((_, j) => w.map((__, k) => (j === k && j > 0 ? lambda : 0)));
    x.forEach((xi, i) => {
      const p = sigmoid(xi.reduce((s, v, j) => s + v * (w[j] as number), 0));
      const r = (labels[i] ? 1 : 0) - p;
      const h = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        grad[j] = (grad[j] as number) + r * (xi[j] as number);
        const hj = hess[j] as number[];
        for (let k = 0; k <= d; k++)
          hj[k] = (hj[k] as number) + h * (xi[j] as number) * (xi[k] as number);
      }
    });
    const step = solve(hess, grad);
    w = w.map((wj, j) => wj + (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0] as number };
}

function avg(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

const round = (x: number) => Number(x.toPrecision(10));

/** Document counts of the training questions' terms, in the guide and out of it. */
interface Counts {
  in: Map<string, number>;
  out: Map<string, number>;
  nIn: number;
  nOut: number;
}

function countTerms(records: GateRecord[]): Counts {
  const counts: Counts = { in: new Map(), out: new Map(), nIn: 0, nOut: 0 };
  for (const r of records) {
    const side = r.inGuide ? counts.in : counts.out;
    if (r.inGuide) counts.nIn++;
    else counts.nOut++;
    for (const t of r.own) side.set(t, (side.get(t) ?? 0) + 1);
  }
  return counts;
}

/** Terms seen in fewer training questions than this are left out of the lexicon. */
const MIN_TERM_COUNT = 2;

/**
 * The derived features of a record by counts of training questions; `self` leaves the record's
 * own question out of them (a training row must not see itself, or those features look better
 * on the training data than they are).
 */
function derived(r: GateRecord, c: Counts, self: boolean) {
  const minus = (t: string, inGuide: boolean) =>
    self && r.inGuide === inGuide && r.own.includes(t) ? 1 : 0;
  const nIn = c.nIn - (self && r.inGuide ? 1 : 0);
  const nOut = c.nOut - (self && !r.inGuide ? 1 : 0);
  const familiar = (w: string) => (c.in.get(w) ?? 0) - minus(w, true) > 0;
  const table: Record<string, number> = {};
  for (const t of r.own) {
    const ins = (c.in.get(t) ?? 0) - minus(t, true);
    const outs = (c.out.get(t) ?? 0) - minus(t, false);
    if (ins + outs >= MIN_TERM_COUNT) table[t] = logOdds(ins, outs, nIn, nOut);
  }
  return {
    novel: r.words.filter((w) => !familiar(w)).length,
    novelVerbs: r.verbs.filter((w) => !familiar(w)).length,
    lexical: lexicalScore(r.own, table),
  };
}

const logOdds = (ins: number, outs: number, nIn: number, nOut: number) =>
  Math.log((outs + 1) / (nOut + 2)) - Math.log((ins + 1) / (nIn + 2));

/** The lexicon stored with the gate: every term of enough training questions, with its log-odds. */
function lexiconOf(c: Counts): Record<string, number> {
  const terms = [...new Set([...c.in.keys(), ...c.out.keys()])].sort();
  const table: Record<string, number> = {};
  for (const t of terms) {
    const ins = c.in.get(t) ?? 0;
    const outs = c.out.get(t) ?? 0;
    if (ins + outs >= MIN_TERM_COUNT) table[t] = round(logOdds(ins, outs, c.nIn, c.nOut));
  }
  return table;
}

const rowOf = (r: GateRecord, features: string[], c: Counts, self: boolean) => {
  const d: Record<string, number> = { ...r.features, ...derived(r, c, self) };
  return features.map((f) => d[f] ?? 0);
};

type Fitted = Pick<GateModel, 'features' | 'mean' | 'scale' | 'weights' | 'bias'> & {
  counts: Counts;
};

function predict(model: Fitted, r: GateRecord) {
  const row = rowOf(r, model.features, model.counts, false);
  let z = model.bias;
  row.forEach((v, j) => {
    z +=
      (model.weights[j] as number) * ((v - (model.mean[j] as number)) / (model.scale[j] as number));
  });
  return sigmoid(z);
}

/** The system's figures when the gate vetoes every gateable record whose probability is ≥ t. */
export function figures(records: GateRecord[], probability: Map<string, number>, t: number) {
  const vetoed = (r: GateRecord) => r.gateable && (probability.get(r.id) ?? 0) >= t;
  const inGuide = records.filter((r) => r.inGuide);
  const outside = records.filter((r) => !r.inGuide);
  return {
    inGuideRight: inGuide.filter((r) => r.citesRight && !vetoed(r)).length / inGuide.length,
    outOfGuideUncited: outside.filter((r) => !r.gateable || vetoed(r)).length / outside.length,
  };
}

/** The threshold uncititing the most out-of-guide questions within the in-guide allowance. */
export function chooseThreshold(
  records: GateRecord[],
  probability: Map<string, number>,
  allowance = MAX_IN_GUIDE_DROP,
) {
  const base = figures(records, probability, Infinity);
  const candidates = [
    ...new Set(records.filter((r) => r.gateable).map((r) => probability.get(r.id) ?? 0)),
  ];
  let best = { threshold: 1, ...figures(records, probability, 1) };
  for (const t of candidates.sort((a, b) => b - a)) {
    const f = figures(records, probability, t);
    if (base.inGuideRight - f.inGuideRight > allowance + 1e-12) break;
    if (f.outOfGuideUncited > best.outOfGuideUncited) best = { threshold: t, ...f };
  }
  return { base, ...best };
}

export interface GateConfig {
  featureSet: string;
  lambda: number;
  /** Train on the gateable records only (the veto's domain) or on every record with features. */
  domain: 'answered' | 'all';
}

const trainRows = (records: GateRecord[], domain: GateConfig['domain']) =>
  records.filter((r) => (domain === 'answered' ? r.gateable : Object.keys(r.features).length > 0));

export function fitConfig(records: GateRecord[], config: GateConfig): Fitted {
  const features = FEATURE_SETS[config.featureSet] as string[];
  const rows = trainRows(records, config.domain);
  const counts = countTerms(records);
  return {
    features,
    counts,
    ...fitLogistic(
      rows.map((r) => rowOf(r, features, counts, true)),
      rows.map((r) => !r.inGuide),
      config.lambda,
    ),
  };
}

/** Out-of-fold probabilities of every gateable record. */
export function crossValidate(records: GateRecord[], config: GateConfig): Map<string, number> {
  const folds = foldsOf(records);
  const probability = new Map<string, number>();
  for (let k = 0; k < FOLDS; k++) {
    const model = fitConfig(
      records.filter((r) => folds.get(r.id) !== k),
      config,
    );
    for (const r of records)
      if (folds.get(r.id) === k && r.gateable) probability.set(r.id, predict(model, r));
  }
  return probability;
}

export async function train(log: (line: string) => void = console.log) {
  const items = trainingItems();
  const records = await collectRecords(items);
  const configs: GateConfig[] = Object.keys(FEATURE_SETS).flatMap((featureSet) =>
    (['answered', 'all'] as const).flatMap((domain) =>
      LAMBDAS.map((lambda) => ({ featureSet, lambda, domain })),
    ),
  );
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  log(
    `${records.length} questions; ${records.filter((r) => r.gateable).length} answered by the rules`,
  );
  let chosen: { config: GateConfig; cv: ReturnType<typeof chooseThreshold> } | undefined;
  for (const config of configs) {
    const cv = chooseThreshold(records, crossValidate(records, config));
    log(
      `${config.featureSet.padEnd(8)} ${config.domain.padEnd(8)} λ=${String(config.lambda).padEnd(5)} ` +
        `CV: in-guide right ${pct(cv.base.inGuideRight)} → ${pct(cv.inGuideRight)}, ` +
        `out-of-guide uncited ${pct(cv.base.outOfGuideUncited)} → ${pct(cv.outOfGuideUncited)} (t=${cv.threshold.toFixed(3)})`,
    );
    // The most out-of-guide questions uncited; on a tie the most in-guide ones answered, then
    // the later configuration (more regularised).
    const better =
      !chosen ||
      cv.outOfGuideUncited > chosen.cv.outOfGuideUncited + 1e-12 ||
      (cv.outOfGuideUncited > chosen.cv.outOfGuideUncited - 1e-12 &&
        cv.inGuideRight > chosen.cv.inGuideRight - 1e-12);
    if (config.domain === 'answered' && better) chosen = { config, cv };
  }
  if (!chosen) throw new Error('no configuration');
  // What other allowances would give with the chosen configuration (for reading, not choosing).
  const probability = crossValidate(records, chosen.config);
  for (const allowance of [0, 0.0025, 0.005, 0.01, 0.02]) {
    const cv = chooseThreshold(records, probability, allowance);
    log(
      `  allowance ${pct(allowance)}: in-guide right ${pct(cv.inGuideRight)}, ` +
        `out-of-guide uncited ${pct(cv.outOfGuideUncited)} (t=${cv.threshold.toFixed(3)})`,
    );
  }
  const model = fitConfig(records, chosen.config);
  const gate: Omit<GateModel, 'familiarSet'> = {
    about:
      'Answer gate: logistic regression, P(out of the guide) from the features; an answer is vetoed when it is ≥ threshold. Written by scripts/train-help-gate.ts; do not edit by hand.',
    features: model.features,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: round(chosen.cv.threshold),
    familiar: [...model.counts.in.keys()].filter((t) => !t.includes(' ')).sort(),
    lexicon: lexiconOf(model.counts),
    guide: guideFingerprint(bundledGuide()),
    training: {
      questions: records.length,
      sets: [...new Set(items.map((i) => i.set))],
      ...chosen.config,
      folds: FOLDS,
      seed: SEED,
      cv: {
        inGuideRight: [round(chosen.cv.base.inGuideRight), round(chosen.cv.inGuideRight)],
        outOfGuideUncited: [
          round(chosen.cv.base.outOfGuideUncited),
          round(chosen.cv.outOfGuideUncited),
        ],
      },
    },
  };
  return { gate, records, chosen };
}

async function main(args: string[]): Promise<void> {
  const { gate } = await train();
  const text = await format(JSON.stringify(gate), {
    ...(await resolveConfig(GATE_FILE)),
    filepath: GATE_FILE,
  });
  if (args.includes('--dry-run')) console.log(text);
  else writeFileSync(GATE_FILE, text);
}

runWhenMain(import.meta.url, main);
