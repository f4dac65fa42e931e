/**
 * Amounts as people type them in a chat ("120 kr", "kr 99,50", "NOK 1 234,50", "12 euro",
 * "120,-"). Conservative: a figure that could be read two ways is not read at all, so the form asks.
 */
import { CURRENCIES, type Currency } from '../claims/claim.js';
import { foldInPlace, normaliseTypography } from './fold.js';

/** A parsed amount; `currency` only when the text named one. */
export interface ParsedAmount {
  amountMinor: number;
  currency?: Currency;
}

/** Anything larger is a typo or a pasted account number; the form applies its own, lower cap. */
const MAX_AMOUNT_MINOR = 10_000_000_00;

const ISO_CODES = CURRENCIES.map((c) => c.toLowerCase()).join('|');
/** Markers written before the figure ("kr 120", "NOK 99", "€12"). Folded spelling. */
export const PREFIX_SRC = `kr\\.?|${ISO_CODES}|€|\\$|£`;
/** "450 norske kroner", "200 svenske kronor", "90 Danish kroner": the crown named by its country. */
const NATIONAL_KRONER = String.raw`(?:norske|norsk|norwegian|svenske|svensk|swedish|danske|dansk|danish)\s+(?:kroner|kronar|kronor|krone|krona|kr\.?|crowns?)`;
/** Markers written after the figure ("120 kr", "120 kroner", "12 euro"). Folded spelling. */
export const SUFFIX_SRC = `${NATIONAL_KRONER}|kroner|krone|kr\\.?|${ISO_CODES}|euros?|dollars?|pounds?|pund|zloty|zł|€|\\$|£`;

export function currencyOf(marker: string): Currency {
  const m = marker.replace(/\.$/, '');
  const iso = CURRENCIES.find((c) => c.toLowerCase() === m);
  if (iso) return iso;
  if (/^(?:svensk|swedish)/.test(m)) return 'SEK';
  if (/^(?:dansk|danish)/.test(m)) return 'DKK';
  if (m === '€' || m.startsWith('euro')) return 'EUR';
  if (m === '$' || m.startsWith('dollar')) return 'USD';
  if (m === '£' || m.startsWith('pound') || m === 'pund') return 'GBP';
  if (m === 'zloty' || m === 'zł') return 'PLN';
  // "kr" and "kroner": Swedes and Danes write them too, but this is a Norwegian employer's bot.
  return 'NOK';
}

/**
 * The number shapes accepted, each with the thousands grouping it allows. A single separator
 * followed by exactly three digits ("1,234", "1.234") matches none of them on purpose: it is
 * 1 234 kr to a Norwegian and 1.234 to many others, so the form asks rather than guess by a
 * factor of a thousand — unless the text marks it as money (`parseMoney`).
 */
const NUMBER_SHAPES: readonly RegExp[] = [
  /^(\d+)(?:[.,](\d{1,2}))?$/, //            120 · 120,50 · 1234.5
  /^(\d{1,3}(?: \d{3})+)(?:[.,](\d{1,2}))?$/, // 1 234,50
  /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/, //       1.234,50
  /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/, //       1,234.50
  /^(\d{1,3}(?:\.\d{3}){2,})$/, //              1.234.567
  /^(\d{1,3}(?:,\d{3}){2,})$/, //               1,234,567
];

/** Minor units from the digit strings themselves, so no binary fraction ever enters the sum. */
export function parseNumber(text: string): number | undefined {
  for (const shape of NUMBER_SHAPES) {
    const m = shape.exec(text);
    if (!m) continue;
    const whole = (m[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
    if (whole.length > 10) return undefined;
    const minor = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    return minor > 0 && minor <= MAX_AMOUNT_MINOR ? minor : undefined;
  }
  return undefined;
}

/** "1.234", "1,234": one separator before exactly three digits. */
const ONE_THOUSANDS_GROUP = /^(\d{1,3})[.,](\d{3})$/;

/**
 * A figure the text marks as money ("3.450 kr", "NOK 1,450", "1.089,-"). Every currency the bot
 * knows has at most two decimals, so there a single separator before exactly three digits can only
 * group thousands; unmarked, such a figure stays unread (see NUMBER_SHAPES).
 */
export function parseMoney(text: string): number | undefined {
  const plain = parseNumber(text);
  if (plain !== undefined) return plain;
  const m = ONE_THOUSANDS_GROUP.exec(text);
  return m ? parseNumber(`${m[1]}${m[2]}`) : undefined;
}

const PREFIX_AT_START = new RegExp(`^(${PREFIX_SRC})\\s*(?=\\d)`, 'u');
const SUFFIX_AT_END = new RegExp(`(?<=[\\d\\s-])\\s*(${SUFFIX_SRC})$`, 'u');
/** "120,-": Norwegian price notation for whole kroner ("349:-" in Swedish). */
const WHOLE_MARK_AT_END = /\s*[.,:]\s*-+$/;

export function parseAmount(input: string): ParsedAmount | undefined {
  let rest = foldInPlace(normaliseTypography(input)).trim().replace(/\s+/g, ' ');
  let currency: Currency | undefined;
  const prefix = PREFIX_AT_START.exec(rest);
  if (prefix) {
    currency = currencyOf(prefix[1] ?? '');
    rest = rest.slice(prefix[0].length);
  }
  const suffix = SUFFIX_AT_END.exec(rest);
  if (suffix) {
    // "NOK 120 kr" names the currency twice; rather than pick one, let the form ask.
    if (currency) return undefined;
    currency = currencyOf(suffix[1] ?? '');
    rest = rest.slice(0, suffix.index);
  }
  const whole = WHOLE_MARK_AT_END.test(rest);
  rest = rest.replace(WHOLE_MARK_AT_END, '').trim();
  const amountMinor = currency || whole ? parseMoney(rest) : parseNumber(rest);
  if (amountMinor === undefined) return undefined;
  return currency ? { amountMinor, currency } : { amountMinor };
}

const PLAIN_PART = String.raw`\d{1,6}(?:,\d{1,2})?`;
const SUM = new RegExp(
  String.raw`(?<![\d.,])${PLAIN_PART}(?:\s*\+\s*${PLAIN_PART})+(?![\d.,]\d)`,
  'gu',
);

/**
 * "bom 32 + 45 kr", "parkering 60+60": figures added up in the message are one amount, their sum
 * (written back as the user writes a figure, "77" or "77,50"), so every reader sees one figure.
 */
export function sumsToFigures(text: string): string {
  return text.replace(SUM, (chain) => {
    const minor = chain
      .split('+')
      .map((part) => parseNumber(part.trim()) ?? NaN)
      .reduce((a, b) => a + b, 0);
    if (!Number.isFinite(minor) || minor > MAX_AMOUNT_MINOR) return chain;
    const ore = minor % 100;
    return ore === 0
      ? String(minor / 100)
      : `${Math.trunc(minor / 100)},${String(ore).padStart(2, '0')}`;
  });
}
