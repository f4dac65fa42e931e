/**
 * Multinomial logistic regression over sparse features, for the help section classifier. Full-batch
 * Adam from zero with L2: deterministic (no sampling), so retraining on the same rows gives the
 * same model to the last digit. A row may have several right classes (a question two sections
 * answer); its target spreads evenly over them.
 */
import { probabilitiesOf } from '../../src/help/section-classifier.js';

export interface SparseRow {
  features: ReadonlyMap<string, number>;
  /** Indices of the right classes. */
  targets: readonly number[];
}

export interface SoftmaxFit {
  /** Feature → one weight per class. */
  weights: Map<string, Float64Array>;
}

export interface SoftmaxOptions {
  classes: number;
  lambda: number;
  epochs: number;
  learningRate?: number;
}

export const probabilities = (
  weights: ReadonlyMap<string, Float64Array>,
  features: ReadonlyMap<string, number>,
  classes: number,
): number[] => probabilitiesOf(features, (key) => weights.get(key), classes);

export function fitSoftmax(rows: readonly SparseRow[], opts: SoftmaxOptions): SoftmaxFit {
  const { classes: k, lambda, epochs } = opts;
  const lr = opts.learningRate ?? 0.05;
  const vocab = new Map<string, number>();
  for (const row of rows)
    for (const key of row.features.keys()) if (!vocab.has(key)) vocab.set(key, vocab.size);
  const d = vocab.size;
  const w = new Float64Array(k * d);
  const m = new Float64Array(k * d);
  const v = new Float64Array(k * d);
  const x = rows.map((row) =>
    [...row.features].map(([key, val]) => [vocab.get(key) as number, val] as const),
  );
  const y = rows.map((row) => {
    const t = new Array<number>(k).fill(0);
    for (const c of row.targets) t[c] = 1 / row.targets.length;
    return t;
  });
  const [b1, b2] = [0.9, 0.999];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const g = new Float64Array(k * d);
    x.forEach((xi, i) => {
      const z = new Array<number>(k).fill(0);
      for (const [j, val] of xi)
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[c * d + j] as number) * val;
      const top = Math.max(...z);
      const exp = z.map((t) => Math.exp(t - top));
      const sum = exp.reduce((a, b) => a + b, 0);
      const yi = y[i] as number[];
      for (let c = 0; c < k; c++) {
        const diff = (exp[c] as number) / sum - (yi[c] as number);
        if (diff !== 0)
          for (const [j, val] of xi) g[c * d + j] = (g[c * d + j] as number) + diff * val;
      }
    });
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let t = 0; t < k * d; t++) {
      const grad = (g[t] as number) / rows.length + lambda * (w[t] as number);
      m[t] = b1 * (m[t] as number) + (1 - b1) * grad;
      v[t] = b2 * (v[t] as number) + (1 - b2) * grad * grad;
      w[t] =
        (w[t] as number) -
        (lr * ((m[t] as number) / c1)) / (Math.sqrt((v[t] as number) / c2) + 1e-8);
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [key, j] of vocab) {
    const col = new Float64Array(k);
    for (let c = 0; c < k; c++) col[c] = w[c * d + j] as number;
    weights.set(key, col);
  }
  return { weights };
}
