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

export function pickOrgNo(lines: Line[]): { orgNo: string; confidence: number } | undefined {
  let best: { orgNo: string; confidence: number } | undefined;
  for (const line of lines) {
    const f = line.folded;
    const labelled = ORG_LABEL.test(f);
    const mvaSuffix = /\d\s*mva(?![a-z])/.test(f);
    if (!labelled && !mvaSuffix) continue;
    for (const m of f.matchAll(NINE_DIGITS)) {
      const digits = `${m[1]}${m[2]}${m[3]}`;
      if (!isValidOrgNo(digits)) continue;
      const confidence =
        (labelled ? 0.95 : 0.8) *
        Math.max(0.6, spanConfidence(line, m.index, m.index + m[0].length));
      if (!best || confidence > best.confidence) best = { orgNo: digits, confidence };
    }
  }
  return best;
}
