/**
 * Intl formatters, made once per locale and options. Making an Intl.DateTimeFormat or
 * NumberFormat costs a good tenth of a millisecond (ICU looks up the locale's data each time);
 * formatting with one costs a microsecond. A turn formats dozens of dates and amounts, so the bot
 * spent more of its turn making formatters than doing anything of its own. Bounded: the options
 * come from code, but a time zone comes from the client, and a client could send many.
 */
const MAX_FORMATTERS = 200;

const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    // A bad time zone or currency throws here, before anything is kept.
    formatter = make();
    if (cache.size >= MAX_FORMATTERS) cache.clear();
    cache.set(key, formatter);
  }
  return formatter;
}

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(dates, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numbers, locale, options, () => new Intl.NumberFormat(locale, options));
}
