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
/** A street address or a postcode with a town. */
const ADDRESS = new RegExp(
  [
    '(?:gate|gata|gaten|veien|vegen|vei|veg|plass|plassen|allé|alle|bryggen|torget|kaia|straße|strasse|str\\.|weg|platz|road|rd\\.|street|st\\.|jalan|jln|lorong|taman|avenue|ave\\.|boulevard|gatan|vagen|torg)\\s*\\d',
    '(?:^|\\s)\\d{4,5}\\s+\\p{L}{3,}',
    '\\d+\\s*,\\s*jalan',
    '^\\s*(?:no|lot|unit)\\.?\\s*\\d',
    // Malaysian addresses name the road and the estate without a number on the same line.
    '(?:^|\\s)(?:jalan|jln|lorong|taman|persiaran|lebuh|bandar|kawasan|seksyen)\\s',
  ].join('|'),
  'iu',
);
/** "Storgata 6", "Goethestraße 60": a street and a house number, whatever the street is called. */
const STREET_LINE = /^\p{L}[\p{L} .'’-]*\s\d{1,4}\s?[a-z]?$/iu;

export function pickMerchant(
  lines: Line[],
  amounts: Amount[][],
  brand: FoundBrand | undefined,
): { name: string; confidence: number } | undefined {
  const top = lines.slice(0, Math.min(lines.length, 10));
  let best: { name: string; text: string; score: number } | undefined;
  const showsBrand = (text: string) =>
    Boolean(brand?.brand.name && brand.brand.re.test(foldInPlace(text)));
  top.forEach((line, position) => {
    const text = cleanLine(line.text);
    const f = foldInPlace(text);
    if (
      !text ||
      !isNameLike(text) ||
      NOT_A_NAME.test(f) ||
      ADDRESS.test(text) ||
      STREET_LINE.test(text)
    )
      return;
    // A column heading: "EUR", "NOK", "Beløp".
    if (
      CURRENCIES.some((c) => c.toLowerCase() === f) ||
      /^(?:kr|belop|betrag|amount|pris|price|preis)$/.test(f)
    )
      return;
    // A line with a price on it is an item, a total or a payment.
    if ((amounts[line.index] ?? []).some((a) => !a.measure)) return;
    if (/^\d|:\s*\d/.test(text) && !COMPANY_FORM_SUFFIX.test(text)) return;
    let score = 4 - position * 0.6;
    if (COMPANY_FORM_SUFFIX.test(text)) score += 1;
    if (line.size >= 1.3) score += 1.5;
    if (showsBrand(text)) score += 2;
    if (text.length > 45) score -= 2;
    // Names are printed capitalised; a lower-case scrap at the top is a logo OCR made words of.
    if (!/\p{Lu}/u.test(text)) score -= 1.5;
    score += (line.confidence - 0.7) * 3;
    if (line.confidence < 0.5) score -= 1.5;
    if (!best || score > best.score) best = { name: tidyName(text), text, score };
  });
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
  return { name: best.name, confidence: Math.max(0.3, Math.min(0.9, 0.45 + best.score * 0.08)) };
}
