/**
 * Trains the help section classifier (src/help/section-classifier.ts) and writes
 * src/help/section-model.json:
 *
 *   npx tsx scripts/train-help-sections.ts [--dry-run] [--dev FILE…]
 *
 * Training data: the project's own questions (test/fixtures/help-questions.jsonl, the train-*
 * batches and the held-out batches 14–18 of eval/help-own, which served as the development set
 * that chose the settings below) and the tune parts of the shared sets. held-out-19 and later
 * batches, and the shared sets' check parts, are never read here.
 *
 * With --dev, the files named are left out of training and the rules alone, the model alone and
 * the two together are scored on them (that is how the settings were chosen); otherwise the
 * figures printed are pooled out-of-fold predictions of a 5-fold cross-validation. Those are
 * flattering to the rules, which were written on these questions, so they were not used to
 * choose. Every question is read as the bot reads it: the conversation engine first, then the
 * rules of the guide index (with the answer gate) without the classifier.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guideFingerprint } from '../src/help/answer-gate.js';
import { OUT_OF_GUIDE, decide, type SectionModel } from '../src/help/section-classifier.js';
import type { Retrieval } from '../src/help/retrieval-types.js';
import { askLikeTheBot, readEvalFile, type EvalItem } from './lib/help-eval.js';
import { runWhenMain } from './lib/cli.js';
import { fitSoftmax, probabilities, type SoftmaxFit } from './lib/softmax.js';
import {
  FOLDS,
  RecordingService,
  bundledGuide,
  foldsOf,
  trainingItems,
} from './train-help-gate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_FILE = path.join(ROOT, 'src/help/section-model.json');
const OWN_BATCHES = [
  'train-21',
  'train-22',
  'train-23',
  'train-24',
  'train-25',
  'held-out-14',
  'held-out-15',
  'held-out-16',
  'held-out-17',
  'held-out-18',
].map((name) => path.join(ROOT, 'eval/help-own', `${name}.jsonl`));

/** How the model is fitted (lambda, epochs) and how it decides with the rules (the rest). */
type Settings = { lambda: number; epochs: number } & SectionModel['policy'];

/**
 * Chosen on held-out-14…18 as the development set (see the README); SectionModel.policy says what
 * each does. The policies within a point of the best there differ by a question or two; of them,
 * the one keeping most of the rules' answers: a veto needs P(none) ≥ 0.7, since the answer gate
 * vetoes already and plain guide questions ("how do I save the claim?") reach 0.5–0.6.
 */
export const DEFAULT_SETTINGS: Settings = {
  lambda: 1e-4,
  epochs: 200,
  keepRuled: 0.7,
  answerUnruled: 0.2,
  answerUnruledSection: 0.5,
  overrideMargin: 0.5,
};
/** Weights this small change no probability that matters; leaving them out keeps the file small. */
const PRUNE_BELOW = 1e-3;

interface Row {
  id: string;
  sections: readonly string[];
  /** Read as a help question at all (the engine may route it to a claim or a command). */
  asked: boolean;
  ruled?: Retrieval;
  features: Map<string, number>;
}

export async function readRows(items: EvalItem[]): Promise<Row[]> {
  const service = new RecordingService(bundledGuide(), { sections: null });
  const rows: Row[] = [];
  for (const item of items) {
    service.asked = undefined;
    await askLikeTheBot(service, item.q, item.lang);
    const read = service.asked === undefined ? undefined : service.readSections(service.asked);
    rows.push({
      id: item.id,
      sections: item.sections,
      asked: read !== undefined,
      ...(read ? { ruled: read.ruled, features: read.features } : { features: new Map() }),
    });
  }
  return rows;
}

function fit(rows: Row[], classes: string[], settings: Settings): SoftmaxFit {
  const sparse = rows
    .filter((r) => r.asked)
    .map((r) => ({
      features: r.features,
      targets: (r.sections.length > 0 ? r.sections : [OUT_OF_GUIDE]).map((id) =>
        classes.indexOf(id),
      ),
    }));
  return fitSoftmax(sparse, {
    classes: classes.length,
    lambda: settings.lambda,
    epochs: settings.epochs,
  });
}

function modelOf(
  fitted: SoftmaxFit,
  classes: string[],
  guide: string,
  settings: Settings,
  training: Record<string, unknown>,
): SectionModel {
  const { lambda: _lambda, epochs: _epochs, ...policy } = settings;
  const weights: Record<string, number[]> = {};
  for (const [key, w] of [...fitted.weights].sort(([a], [b]) => a.localeCompare(b))) {
    if (w.every((x) => Math.abs(x) < PRUNE_BELOW)) continue;
    weights[key] = [...w].map((x) => Number(x.toFixed(3)) || 0);
  }
  return {
    about:
      'Help section classifier: softmax regression over the guide sections and "none". Written by scripts/train-help-sections.ts; do not edit by hand.',
    guide,
    classes,
    weights,
    policy,
    training,
  };
}

/** Right section (in-guide) and no citation (out of the guide), for the rules, the model and both. */
function scoreRows(rows: Row[], probs: Map<string, number[]>, model: SectionModel) {
  const cited = (r?: Retrieval) => (r?.found ? r.sections.map((h) => h.id) : []);
  const readers: Record<string, (row: Row, p: number[]) => string[]> = {
    rules: (row) => cited(row.ruled),
    model: (_row, p) => {
      const best = p.indexOf(Math.max(...p));
      return best === 0 ? [] : [model.classes[best] as string];
    },
    both: (row, p) => (row.ruled ? cited(decide(model, row.ruled, p)) : []),
  };
  const pct = (right: Row[], all: Row[]) =>
    `${((100 * right.length) / Math.max(1, all.length)).toFixed(1)} % of ${all.length}`;
  const inGuide = rows.filter((r) => r.sections.length > 0);
  const outOfGuide = rows.filter((r) => r.sections.length === 0);
  return Object.fromEntries(
    Object.entries(readers).map(([name, read]) => {
      const ids = (row: Row) => (row.asked ? read(row, probs.get(row.id) ?? []) : []);
      return [
        name,
        {
          section: pct(
            inGuide.filter((r) => ids(r).some((id) => r.sections.includes(id))),
            inGuide,
          ),
          uncited: pct(
            outOfGuide.filter((r) => ids(r).length === 0),
            outOfGuide,
          ),
        },
      ];
    }),
  );
}

/** --settings '{"keepRuled":0.7}' tries other settings (with --dev, to compare). */
export async function train(
  args: string[],
  log: (line: string) => void = console.log,
  opts: { crossValidate?: boolean } = {},
) {
  const at = args.indexOf('--settings');
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...(at >= 0 ? (JSON.parse(args[at + 1] ?? '{}') as object) : {}),
  };
  const devAt = args.indexOf('--dev');
  const devFiles =
    devAt >= 0
      ? args
          .slice(devAt + 1)
          .filter((a) => a.endsWith('.jsonl'))
          .map((f) => path.resolve(f))
      : [];
  const guide = bundledGuide();
  const classes = [OUT_OF_GUIDE, ...guide.ids];
  const sources = [
    ...trainingItems(),
    ...OWN_BATCHES.filter((f) => !devFiles.includes(f)).flatMap((file) =>
      readEvalFile(file).map((item) => ({ ...item, set: path.basename(file, '.jsonl') })),
    ),
  ];
  const rows = await readRows(sources);
  const fitted = fit(rows, classes, settings);
  const stub = modelOf(fitted, classes, guideFingerprint(guide), settings, {});
  let figures: Record<string, unknown>;
  if (devFiles.length > 0) {
    const dev = await readRows(devFiles.flatMap((f) => readEvalFile(f)));
    const probs = new Map(
      dev.map((r) => [r.id, probabilities(fitted.weights, r.features, classes.length)]),
    );
    figures = { dev: scoreRows(dev, probs, stub) };
    // Other policies on the same fit, to compare: --policies '[{"keepRuled":0.7}, …]'.
    const at = args.indexOf('--policies');
    for (const policy of at >= 0 ? (JSON.parse(args[at + 1] ?? '[]') as object[]) : []) {
      const other = { ...stub, policy: { ...stub.policy, ...policy } };
      log(`${JSON.stringify(policy)} ${JSON.stringify(scoreRows(dev, probs, other).both)}`);
    }
  } else if (opts.crossValidate ?? true) {
    const folds = foldsOf(rows);
    const probs = new Map<string, number[]>();
    for (let f = 0; f < FOLDS; f++) {
      const part = fit(
        rows.filter((r) => folds.get(r.id) !== f),
        classes,
        settings,
      );
      for (const r of rows.filter((row) => folds.get(row.id) === f))
        probs.set(r.id, probabilities(part.weights, r.features, classes.length));
    }
    figures = { cv: scoreRows(rows, probs, stub) };
  } else figures = {};
  const counts: Record<string, number> = {};
  for (const s of sources) counts[s.set] = (counts[s.set] ?? 0) + 1;
  const model = modelOf(fitted, classes, guideFingerprint(guide), settings, {
    questions: rows.length,
    sets: counts,
    settings,
    ...figures,
  });
  log(JSON.stringify(model.training, null, 2));
  return model;
}

/**
 * One feature per line: the file is large (a weight per feature and class), and a line per
 * number would make it five times longer to read and to diff.
 */
export function serialise(model: SectionModel): string {
  const { weights, ...rest } = model;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const lines = Object.entries(weights).map(
    ([k, w]) => `    ${JSON.stringify(k)}: ${JSON.stringify(w)}`,
  );
  return `${head},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

runWhenMain(import.meta.url, async (args) => {
  const model = await train(args);
  if (args.includes('--dry-run') || args.includes('--dev')) return;
  writeFileSync(MODEL_FILE, serialise(model));
  console.log(`wrote ${MODEL_FILE} (${Object.keys(model.weights).length} features)`);
});
