/**
 * The seller's Norwegian organisation number: nine digits that pass Brønnøysund's check, labelled
 * "Org.nr" or followed by "MVA".
 */
import { stems } from '../../text/keywords.js';
import { spanConfidence, type Line } from './lines.js';

/** Brønnøysund's modulus-11 check: weights 3 2 7 6 5 4 3 2 over the first eight digits. */
export function isValidOrgNo(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(digits[8]);
}

const ORG_LABEL = stems(
  'org\\.?\\s?-?n',
  'orgnr',
  'organisasjonsn',
  'foretaksn',
  'foretaksreg',
  'mva-?n',
  'vat no',
  'vat reg',
);
const NINE_DIGITS = /(?<![\d])(?:no\s?)?(\d{3})[ .]?(\d{3})[ .]?(\d{3})(?![\d])/g;

/**
 * Letters OCR reads for digits (O/0, S/5, B/8, I/l/1, Z/2, G/6): put back inside a run that is
 * otherwise figures. Only a number that then passes the check digit is taken, so the check digit
 * is what confirms the repair.
 */
const LOOKALIKE_DIGITS: Record<string, string> = {
  o: '0',
  s: '5',
  b: '8',
  i: '1',
  l: '1',
  z: '2',
  g: '6',
};
const FIGURE_RUN = /(?<![a-z\d])[\dosbilzg](?:[\dosbilzg]|[ .](?=[\dosbilzg])){7,12}(?![a-z\d])/g;

function withLookalikesRepaired(folded: string): string {
  return folded.replace(FIGURE_RUN, (run) =>
    (run.match(/\d/g) ?? []).length >= 6
      ? run.replace(/[osbilzg]/g, (c) => LOOKALIKE_DIGITS[c] ?? c)
      : run,
  );
}

export interface OrgNoPick {
  orgNo: string;
  confidence: number;
  /** Read through a letter-for-digit slip that the check digit confirms. */
  repaired: boolean;
}

export function pickOrgNo(lines: Line[]): OrgNoPick | undefined {
  let best: OrgNoPick | undefined;
  for (const line of lines) {
    const f = line.folded;
    const labelled = ORG_LABEL.test(f);
    const mvaSuffix = /[\dosbilzg]\s*mva(?![a-z])/.test(f);
    if (!labelled && !mvaSuffix) continue;
    const repairedText = withLookalikesRepaired(f);
    for (const [text, repaired] of [
      [f, false],
      [repairedText, true],
    ] as const) {
      if (repaired && repairedText === f) continue;
      for (const m of text.matchAll(NINE_DIGITS)) {
        const digits = `${m[1]}${m[2]}${m[3]}`;
        if (!isValidOrgNo(digits)) continue;
        const confidence =
          (labelled ? 0.95 : 0.8) *
          (repaired ? 0.85 : 1) *
          Math.max(0.6, spanConfidence(line, m.index, m.index + m[0].length));
        if (!best || confidence > best.confidence) best = { orgNo: digits, confidence, repaired };
      }
    }
  }
  return best;
}
