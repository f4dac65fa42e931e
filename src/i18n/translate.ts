import { en, type MessageKey } from './catalog-en.js';
import { nb } from './catalog-nb.js';
import { nn } from './catalog-nn.js';
import { numberFormat } from './formatters.js';

export type Lang = 'nb' | 'nn' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];
export type { MessageKey };

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, nb, nn };

/** Looks up a text and fills `{name}` placeholders; a missing parameter is left visible rather than silently dropped. */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  // Own keys only: a key built from stored data ("kind.toString") must not reach the prototype.
  const catalog = catalogs[lang] as Record<string, string>;
  const text = Object.hasOwn(catalog, key) ? (catalog[key] as string) : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Maps a Teams locale ("nb-NO", "nn-NO", "no", "en-US", …) to one of our languages. Takes
 * `unknown`: the locale comes straight from the posted activity, and a number there must not
 * break the error handler that reads it.
 */
export function langFromLocale(locale: unknown): Lang | undefined {
  if (typeof locale !== 'string' || !locale) return undefined;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === 'nn') return 'nn';
  if (base === 'nb' || base === 'no') return 'nb';
  if (base === 'en') return 'en';
  return undefined;
}

/** The BCP 47 tag used for number and date formatting; nynorsk formats money like bokmål. */
export function formattingLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nb-NO';
}

export function formatMoney(amountMinor: number, currency: string, lang: Lang): string {
  // Minor units are integers; dividing by 100 only for display keeps the stored figures exact.
  const locale = lang === 'en' ? 'en-US' : 'nb-NO';
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amountMinor / 100);
  } catch {
    // A code Intl refuses ("XX", "toString") in data stored before the edge checked it: the
    // figure and the code as they are, so a list of claims still shows instead of failing.
    const figure = numberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(amountMinor / 100);
    return `${figure} ${String(currency).slice(0, 12)}`.trim();
  }
}
