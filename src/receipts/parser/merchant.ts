/**
 * Who was paid: the most name-like line at the head of the receipt (not an address, a phone
 * number or a "Kvittering" heading), or the brand the receipt names when its logo did not OCR.
 */
import { CURRENCIES } from '../../claims/claim.js';
import { COMPANY_FORM_SUFFIX } from '../../text/company-forms.js';
import { foldInPlace } from '../../text/fold.js';
import { stems } from '../../text/keywords.js';
import type { Amount } from './amounts.js';
import type { FoundBrand } from './brands.js';
import type { Line } from './lines.js';
import { cleanLine, isNameLike, tidyName } from './name-lines.js';

const NOT_A_NAME = stems(
  'kvittering',
  'salgskvittering',
  'kvitto',
  'receipt',
  'quittung',
  'kassenbon',
  'kassabon',
  'bon',
  'tax invoice',
  'invoice',
  'faktura',
  'simplified',
  'velkommen',
  'welcome',
  'willkommen',
  'takk',
  'thank',
  'danke',
  'tel',
  'tlf',
  'telefon',
  'phone',
  'fax',
  'www',
  'http',
  'org',
  'foretak',
  'mva',
  'gst',
  'ust',
  'st-nr',
  'reg',
  'co\\.? ?no',
  'company no',
  'dato',
  'date',
  'datum',
  'kasse',
  'kassa',
  'bord',
  'copy',
  'kopi',
  'original',
  'ordre',
  'order',
  'ordrenummer',
  'kundenr',
  'kvitteringsnr',
  'nr\\.',
  'side \\d',
  'apningstid',
  'offnungszeit',
  'opening hours',
  'shopping hours',
  'business hours',
  'cash sale',
  'cash bill',
  'cash receipt',
  'oppettider',
  'salg',
  'kjop',
  'loyvehaver',
  'drosjeeier',
  'sjafor',
  'inhaber',
  'proprietor',
  'betjent',
  'cashier',
  'kasserer',
  'served',
);
/**
 * A street address or a postcode with a town: a street word of the languages the receipts come in
 * beside a number, a postcode before a place name, or a house number before a comma ("12, High
 * Street", "NO 5, JALAN …").
 */
const ADDRESS = new RegExp(
  [
    '(?:gate|gata|gaten|veien|vegen|vei|veg|plass|plassen|allé|alle|bryggen|torget|kaia|straße|strasse|str\\.|weg|platz|road|rd\\.|street|st\\.|lane|jalan|jln|jl\\.?|lorong|avenue|ave\\.|boulevard|gatan|vagen|torg)\\s*\\d',
    '\\d\\s*,?\\s*(?:jalan|jln|jl\\.?|lorong|road|street|lane)\\b',
    '(?:^|\\s)\\d{4,5}\\s+\\p{L}{3,}',
    '^\\s*(?:no|lot|unit|nr)\\.?\\s*\\d',
    '^\\s*[\\p{L}]{0,3}\\d[\\w/-]*\\s*,\\s*\\p{L}',
  ].join('|'),
  'iu',
);
/** "Storgata 6", "Goethestraße 60": a street and a house number, whatever the street is called. */
const STREET_LINE = /^\p{L}[\p{L} .'’-]*\s\d{1,4}\s?[a-z]?$/iu;

/**
 * Where the head of the receipt ends: the first line that is an address, a phone number, an
 * organisation or tax number, or a date. The shop names itself above it.
 */
function headEnd(lines: Line[]): number {
  const end = lines.findIndex(
    (line, i) =>
      i > 0 &&
      (ADDRESS.test(line.text) ||
        STREET_LINE.test(cleanLine(line.text)) ||
        /\b(?:tel|tlf|phone|fax|org|gst|vat|mva|reg)\b/i.test(line.folded) ||
        /(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)/.test(line.folded)),
  );
  return end < 0 ? lines.length : end;
}

/** A line that is nothing but a company form ("SDN BHD", "CO. (M) SDN BHD"): the rest of a name. */
function onlyCompanyForm(text: string): boolean {
  return (
    COMPANY_FORM_SUFFIX.test(text) &&
    text
      .replace(new RegExp(COMPANY_FORM_SUFFIX.source, 'gi'), ' ')
      .replace(/\([^)]*\)?|^[^(]*\)/g, ' ')
      .replace(/[^\p{L}\s]/gu, ' ')
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0).length <= 1
  );
}

interface Candidate {
  name: string;
  text: string;
  score: number;
  position: number;
  /** How many lines the name was read from, down from `position`. */
  span: number;
}

function nameCandidate(
  line: Line,
  position: number,
  amounts: Amount[][],
  head: number,
  showsBrand: (text: string) => boolean,
): Candidate | undefined {
  const text = cleanLine(line.text);
  const f = foldInPlace(text);
  // A registration number in brackets after the name ("(1234567-K)") is no reason to doubt it.
  const bare = text.replace(/\(\s*[\dA-Z][\dA-Z\s-]*\d[\dA-Z\s-]*\)/g, '').trim();
  const form = COMPANY_FORM_SUFFIX.test(text);
  // A line ending in a company form is a name even with initials in it ("MR. D.I.Y. (M) SDN
  // BHD"), which the test for OCR garbage would take for scraps; four letters at least otherwise.
  const letters = (bare.match(/\p{L}/gu) ?? []).length;
  const wordy = form
    ? letters >= 4 && letters / bare.replace(/\s/g, '').length >= 0.5
    : isNameLike(bare) && (letters >= 4 || showsBrand(text));
  if (!bare || !wordy || NOT_A_NAME.test(f) || ADDRESS.test(text) || STREET_LINE.test(text))
    return undefined;
  // A column heading: "EUR", "NOK", "Beløp".
  if (
    CURRENCIES.some((c) => c.toLowerCase() === f) ||
    /^(?:kr|belop|betrag|amount|pris|price|preis)$/.test(f)
  )
    return undefined;
  // A line with a price on it is an item, a total or a payment.
  if ((amounts[line.index] ?? []).some((a) => !a.measure)) return undefined;
  if (/:\s*\d/.test(text) && !form) return undefined;
  if (/^\d/.test(text) && !form && !/^\d+\s+\p{L}{3,}/u.test(bare)) return undefined;
  let score = 4 - position * 0.6;
  // A company form is the strongest sign of a name there is.
  if (form) score += 2;
  if (position >= head) score -= 2;
  if (line.size >= 1.3) score += 1.5;
  if (showsBrand(text)) score += 2;
  if (text.length > 45) score -= 2;
  // Names are printed capitalised; a lower-case scrap at the top is a logo OCR made words of.
  if (!/\p{Lu}/u.test(text)) score -= 1.5;
  score += (line.confidence - 0.7) * 3;
  if (line.confidence < 0.5) score -= 1.5;
  return { name: tidyName(text), text, score, position, span: 1 };
}

/**
 * A name printed over two lines: a line that is only the company form ("CO. (M) SDN BHD") takes
 * the line above it, and a name without its form takes the form on the next line.
 */
function wholeName(best: Candidate, top: Line[], head: number): Candidate {
  const join = (first: string, second: string, position: number, span: number): Candidate => {
    const text = `${first} ${second}`;
    return { ...best, text, name: tidyName(text), position, span };
  };
  let whole = best;
  // Up to two lines above: "AIK HUAT HARDWARE" / "ENTERPRISE (SETIA" / "ALAM) SDN BHD".
  for (let i = 0; i < 2 && onlyCompanyForm(whole.text); i++) {
    const above = top[whole.position - 1];
    if (!above) break;
    const upper = cleanLine(above.text);
    if (!upper || !isNameLike(upper) || ADDRESS.test(upper) || NOT_A_NAME.test(above.folded)) break;
    whole = join(upper, whole.text, whole.position - 1, whole.span + 1);
  }
  if (whole !== best) return whole;
  const below = top[best.position + 1];
  if (below && best.position + 1 < head && !COMPANY_FORM_SUFFIX.test(best.text)) {
    const lower = cleanLine(below.text);
    if (
      COMPANY_FORM_SUFFIX.test(lower) &&
      isNameLike(lower) &&
      !ADDRESS.test(lower) &&
      !NOT_A_NAME.test(below.folded) &&
      lower.length <= 40
    )
      return join(best.text, lower, best.position, 2);
  }
  return best;
}

export function pickMerchant(
  lines: Line[],
  amounts: Amount[][],
  brand: FoundBrand | undefined,
): { name: string; confidence: number; lines?: number[] } | undefined {
  const top = lines.slice(0, Math.min(lines.length, 10));
  const head = headEnd(top);
  const showsBrand = (text: string) =>
    Boolean(brand?.brand.name && brand.brand.re.test(foldInPlace(text)));
  let best: Candidate | undefined;
  top.forEach((line, position) => {
    const candidate = nameCandidate(line, position, amounts, head, showsBrand);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  });
  if (best) best = wholeName(best, top, head);
  const found = brand?.brand;
  if (best && found?.name) {
    // The line is the brand and nothing else: its own spelling beats the OCR's reading of a logo.
    const bare = foldInPlace(best.text.replace(COMPANY_FORM_SUFFIX, '')).replace(/[\s-]/g, '');
    if (found.whole.test(bare)) return { name: found.name, confidence: 0.9 };
  }
  if (found?.name && brand && (!best || !showsBrand(best.text))) {
    // The logo did not OCR, or OCRed as noise; the brand printed further down names the shop.
    if (!best || best.score < 3 || brand.line < 4) return { name: found.name, confidence: 0.7 };
  }
  if (!best) return undefined;
  const { position, span } = best;
  return {
    name: best.name,
    confidence: Math.max(0.3, Math.min(0.9, 0.45 + best.score * 0.08)),
    lines: top.slice(position, position + span).map((l) => l.source),
  };
}
