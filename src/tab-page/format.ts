/** Money and dates the way each language writes them (Intl), from minor units and ISO strings. */
import { INTL_LOCALE, type TabLang } from './strings.js';

export function money(lang: TabLang, minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency }).format(
      minor / 100,
    );
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** "2026-03-01" or a date-time → "1. mars 2026" / "1 March 2026"; unreadable input as given. */
export function day(lang: TabLang, iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  }).format(date);
}
