/**
 * Measures the offline receipt reader on a labelled folder:
 *
 *   npx tsx scripts/eval-receipts.ts DIR [--part tune|check] [--json] [--limit N]
 *     [--page-psm MODE] [--line-psm MODE] [--no-dictionaries] [--char-height PX]
 *     [--model MODEL] [--merchant-vote] [--figure-vote]
 *
 * `--part` reads only one part of a set that eval/splits.json divides (sroie-train): `check`, the
 * ids chosen at random before any tuning, or `tune`, the rest, on which methods are chosen.
 *
 * DIR holds the images and `labels.jsonl`, one object per line with `file` and any of `total`
 * ("1686.00"), `date` (YYYY-MM-DD), `currency`, `merchant` (or `company`, as SROIE calls it),
 * `kind`, `vat`, `vat_rate`, `org_no`. A field is scored only in sets that label it; a null
 * label is matched by an absent answer.
 *
 * Merchant names are compared normalised: lower case, no diacritics or punctuation, without
 * company-form words (AS, ASA, AB, GmbH, Sdn Bhd, S/B, Ltd, …). "exact" means equal after that;
 * "partial" also accepts an answer containing every word of the label (a branch or town added:
 * label "Circle K", answer "Circle K Lillehammer") — the rate the targets are set against is the
 * exact one for every other field and the partial one for the merchant.
 *
 * Besides the hit rates it counts, per field, the answers the receipt itself vouched for (the
 * slip's arithmetic for the total and the VAT, the MOD11 check digit for the org. number) and
 * how many of those were right: a measure of how far the confirmation can be trusted.
 *
 * `--page-psm` and `--line-psm` (auto, single-column, single-block, single-line, sparse) and
 * `--no-dictionaries` read with other Tesseract layout settings than the reader's own, and
 * `--char-height` scales the page to another character height (default 24 px), `--model` reads
 * with another of the data package's models (lstm, tessdata-lstm, combined, legacy), and
 * `--merchant-vote` / `--figure-vote` let three readings vote on an unsure name or figure line,
 * to measure them; the scoring is the same.
 *
 * Time is wall-clock per receipt with warm OCR workers, as the bot sees it; memory is the
 * process's peak resident set size (the OCR workers are threads of this process), sampled.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OCR_MODELS, PAGE_SEG_MODES, type PageSegMode } from '../src/receipts/ocr-pool.js';
import {
  createOfflineExtractor,
  readTimed,
  type ExtractionResult,
} from '../src/receipts/offline-extractor.js';
import type { ReceiptFields } from '../src/receipts/receipt-fields.js';
import { COMPANY_FORMS } from '../src/text/company-forms.js';
import { foldSpelling } from '../src/text/fold.js';
import { MiB, quantile, startPeakSampler } from './lib/measure.js';

export interface Label {
  file: string;
  total?: string | null;
  date?: string | null;
  currency?: string | null;
  merchant?: string | null;
  company?: string | null;
  kind?: string | null;
  vat?: string | null;
  vat_rate?: number | null;
  org_no?: string | null;
}

export const FIELDS = [
  'total',
  'date',
  'currency',
  'merchant',
  'kind',
  'vat',
  'vatRate',
  'orgNo',
] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Words a merchant label or answer may carry besides the name: the company forms, and the bits
 * OCR leaves of "S/B" and "Sdn. Bhd." when it splits them.
 */
const LEGAL_FORMS = new Set([...COMPANY_FORMS, 'sb', 'm']);

export function normaliseName(name: string): string[] {
  return foldSpelling(name)
    .replace(/\bs\/b\b/g, ' s/b ')
    .split(/[^\p{L}\p{N}/]+/u)
    .map((t) => t.replace(/^\/+|\/+$/g, ''))
    .filter((t) => t && !LEGAL_FORMS.has(t));
}

export function merchantMatch(
  label: string,
  answer: string | undefined,
): { exact: boolean; partial: boolean } {
  if (!answer) return { exact: false, partial: false };
  const want = normaliseName(label);
  const got = normaliseName(answer);
  const exact = want.join(' ') === got.join(' ');
  const partial = exact || (want.length > 0 && want.every((t) => got.includes(t)));
  return { exact, partial };
}

export function money(minor: number | undefined): string | undefined {
  return minor === undefined ? undefined : (minor / 100).toFixed(2);
}

function expected(label: Label, field: Field): { scored: boolean; value: string | null } {
  const has = (key: keyof Label) => Object.prototype.hasOwnProperty.call(label, key);
  const str = (v: string | number | null | undefined) =>
    v === null || v === undefined ? null : String(v);
  switch (field) {
    case 'total':
      return { scored: has('total'), value: label.total ? Number(label.total).toFixed(2) : null };
    case 'date':
      return { scored: has('date'), value: str(label.date) };
    case 'currency':
      return { scored: has('currency'), value: str(label.currency) };
    case 'merchant':
      return {
        scored: has('merchant') || has('company'),
        value: str(label.merchant ?? label.company),
      };
    case 'kind':
      return { scored: has('kind'), value: str(label.kind) };
    case 'vat':
      return { scored: has('vat'), value: label.vat ? Number(label.vat).toFixed(2) : null };
    case 'vatRate':
      return {
        scored: has('vat_rate'),
        value:
          label.vat_rate === null || label.vat_rate === undefined ? null : String(label.vat_rate),
      };
    case 'orgNo':
      return { scored: has('org_no'), value: str(label.org_no) };
  }
}

function answer(fields: ReceiptFields, field: Field): string | null {
  switch (field) {
    case 'total':
      return money(fields.totalMinor) ?? null;
    case 'date':
      return fields.date ?? null;
    case 'currency':
      return fields.currency ?? null;
    case 'merchant':
      return fields.merchant ?? null;
    case 'kind':
      return fields.kind;
    case 'vat':
      return money(fields.vatMinor) ?? null;
    case 'vatRate':
      return fields.vatRate === undefined ? null : String(fields.vatRate);
    case 'orgNo':
      return fields.orgNo ?? null;
  }
}

export interface Miss {
  file: string;
  field: Field;
  want: string | null;
  got: string | null;
}

export interface Score {
  n: Record<Field, number>;
  hits: Record<Field, number>;
  merchantExact: number;
  misses: Miss[];
  /** Answers the receipt vouched for (arithmetic or check digit), and of those the right ones. */
  confirmed: Record<Field, number>;
  confirmedHits: Record<Field, number>;
}

export function scoreOne(
  label: Label,
  fields: ReceiptFields,
  score: Score,
  confirmed: ExtractionResult['confirmed'] = {},
): void {
  for (const field of FIELDS) {
    const { scored, value } = expected(label, field);
    if (!scored) continue;
    score.n[field]++;
    const got = answer(fields, field);
    let ok: boolean;
    if (field === 'merchant') {
      if (value === null) ok = got === null;
      else {
        const m = merchantMatch(value, got ?? undefined);
        if (m.exact) score.merchantExact++;
        ok = m.partial;
      }
    } else {
      ok = value === got;
    }
    if (ok) score.hits[field]++;
    else score.misses.push({ file: label.file, field, want: value, got });
    if (field in confirmed) {
      score.confirmed[field]++;
      if (ok) score.confirmedHits[field]++;
    }
  }
}

export function emptyScore(): Score {
  const zero = () => Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  return {
    n: zero(),
    hits: zero(),
    merchantExact: 0,
    misses: [],
    confirmed: zero(),
    confirmedHits: zero(),
  };
}

/** The labels of one part of a set that eval/splits.json divides; all of them for `undefined`. */
export function partOf(set: string, labels: Label[], part: string | undefined): Label[] {
  if (part === undefined) return labels;
  if (part !== 'tune' && part !== 'check') throw new Error(`--part is tune or check, not ${part}`);
  const splits = JSON.parse(
    readFileSync(new URL('../eval/splits.json', import.meta.url), 'utf8'),
  ) as Record<string, { check?: string[] }>;
  const check = new Set(splits[set]?.check ?? []);
  if (check.size === 0) throw new Error(`eval/splits.json has no check part for ${set}`);
  return labels.filter((l) => check.has(l.file) === (part === 'check'));
}

export function readLabels(dir: string): Label[] {
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

function pct(hits: number, n: number): string {
  return n === 0 ? '–' : `${((100 * hits) / n).toFixed(1)} %`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const partAt = args.indexOf('--part');
  const part = partAt >= 0 ? args[partAt + 1] : undefined;
  const valued = ['--limit', '--part', '--page-psm', '--line-psm', '--char-height', '--model'];
  const dir = args.find((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
  const layout = { page: psmArg(args, '--page-psm'), line: psmArg(args, '--line-psm') };
  const heightAt = args.indexOf('--char-height');
  const charHeight = heightAt >= 0 ? Number(args[heightAt + 1]) : undefined;
  const badHeight = charHeight !== undefined && !(charHeight >= 8 && charHeight <= 64);
  const model = oneOf(args, '--model', OCR_MODELS);
  if (!dir || layout.page === null || layout.line === null || badHeight || model === null) {
    console.error(
      `usage: eval-receipts DIR [--part tune|check] [--json] [--limit N] [--page-psm MODE] [--line-psm MODE] [--no-dictionaries] [--char-height 8-64] [--model MODEL] [--merchant-vote] [--figure-vote]   (DIR/labels.jsonl lists the expected fields; MODE: ${PAGE_SEG_MODES.join(', ')}; MODEL: ${OCR_MODELS.join(', ')})`,
    );
    process.exit(2);
  }
  const setName = basename(dir.replace(/\/+$/, ''));
  let labels: Label[];
  try {
    labels = partOf(setName, readLabels(dir), part).slice(0, limit);
  } catch (err) {
    console.error(
      `Cannot read ${join(dir, 'labels.jsonl')}: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(2);
  }

  const memory = startPeakSampler();
  const extractor = createOfflineExtractor({
    layout: {
      ...(layout.page ? { page: layout.page } : {}),
      ...(layout.line ? { line: layout.line } : {}),
    },
    poolOptions: {
      dictionaries: !args.includes('--no-dictionaries'),
      ...(model ? { model } : {}),
    },
    ...(charHeight ? { prep: { targetCharHeight: charHeight } } : {}),
    merchantVote: args.includes('--merchant-vote'),
    figureVote: args.includes('--figure-vote'),
  });
  await extractor.warm();

  const score = emptyScore();
  const seconds: number[] = [];
  for (const label of labels) {
    const bytes = readFileSync(join(dir, label.file));
    const { result, seconds: took } = await readTimed(extractor, bytes);
    seconds.push(took);
    memory.sample();
    if (result.error)
      score.misses.push({
        file: label.file,
        field: 'kind',
        want: 'readable',
        got: result.error.message,
      });
    scoreOne(label, result.fields, score, result.confirmed);
    if (!json) process.stderr.write('.');
  }
  const peak = memory.stop();
  await extractor.close();
  if (!json) process.stderr.write('\n');

  seconds.sort((a, b) => a - b);
  const summary = {
    set: part ? `${setName} (${part})` : setName,
    receipts: labels.length,
    fields: Object.fromEntries(
      FIELDS.filter((f) => score.n[f] > 0).map((f) => [
        f,
        { n: score.n[f], hits: score.hits[f], rate: score.hits[f] / score.n[f] },
      ]),
    ),
    merchantExact: score.n.merchant ? score.merchantExact / score.n.merchant : undefined,
    confirmed: Object.fromEntries(
      FIELDS.filter((f) => score.confirmed[f] > 0).map((f) => [
        f,
        { n: score.confirmed[f], right: score.confirmedHits[f] },
      ]),
    ),
    secondsMedian: quantile(seconds, 0.5),
    secondsP90: quantile(seconds, 0.9),
    peakRssMiB: peak / MiB,
    // A check part is reported as figures only: looking at its items one by one would tune on it.
    misses: part === 'check' ? [] : score.misses,
  };
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log(`${summary.set}: ${labels.length} receipts`);
  for (const f of FIELDS) {
    if (!score.n[f]) continue;
    const extra =
      (f === 'merchant' ? `  (exact ${pct(score.merchantExact, score.n[f])})` : '') +
      (score.confirmed[f]
        ? `  confirmed by ${f === 'orgNo' ? 'check digit' : 'arithmetic'}: ${score.confirmed[f]}, right ${score.confirmedHits[f]}`
        : '');
    console.log(
      `  ${f.padEnd(9)} ${pct(score.hits[f], score.n[f]).padStart(8)}  ${score.hits[f]}/${score.n[f]}${extra}`,
    );
  }
  console.log(
    `  seconds   median ${summary.secondsMedian.toFixed(2)}  p90 ${summary.secondsP90.toFixed(2)}`,
  );
  console.log(`  peak RSS  ${summary.peakRssMiB.toFixed(0)} MiB`);
  if (summary.misses.length) {
    console.log('  misses:');
    for (const m of summary.misses)
      console.log(`    ${m.file}  ${m.field}: want ${m.want ?? 'null'}, got ${m.got ?? 'null'}`);
  }
}

/** A page segmentation mode given after `flag`: undefined when not given, null when not one. */
function psmArg(args: string[], flag: string): PageSegMode | undefined | null {
  return oneOf(args, flag, PAGE_SEG_MODES);
}

/** One of `choices` given after `flag`: undefined when not given, null when not one of them. */
function oneOf<T extends string>(
  args: string[],
  flag: string,
  choices: readonly T[],
): T | undefined | null {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = args[at + 1];
  return choices.find((m) => m === value) ?? null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
