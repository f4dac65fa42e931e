/**
 * The currency a receipt is in, from the codes and symbols printed on it and the language around
 * them ("kr" is kroner; the words beside it say whose).
 */
import type { Currency } from '../../claims/claim.js';

type CurrencyVote = Currency | 'foreign';

const CURRENCY_CUES: Array<{
  re: RegExp;
  currency: CurrencyVote;
  weight: number;
  explicit?: boolean;
}> = [
  { re: /(?:^|[^a-z])nok(?![a-z])/g, currency: 'NOK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])sek(?![a-z])/g, currency: 'SEK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])dkk(?![a-z])/g, currency: 'DKK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])eur(?:o|os)?(?![a-z])/g, currency: 'EUR', weight: 3, explicit: true },
  // Symbols are weaker than codes: OCR makes € of @ and $ of S.
  { re: /€/g, currency: 'EUR', weight: 2, explicit: true },
  { re: /(?:^|[^a-z])usd(?![a-z])|us\$/g, currency: 'USD', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])gbp(?![a-z])/g, currency: 'GBP', weight: 3, explicit: true },
  { re: /£/g, currency: 'GBP', weight: 2, explicit: true },
  { re: /(?:^|[^a-z])chf(?![a-z])/g, currency: 'CHF', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])pln(?![a-z])|zl(?![a-z])/g, currency: 'PLN', weight: 3, explicit: true },
  // Currencies outside the form's list: the field stays empty rather than wrong.
  {
    re: /(?:^|[^a-z])(?:rm|myr|ringgit)\s?\d|(?:^|[^a-z])(?:rm|myr)(?![a-z])/g,
    currency: 'foreign',
    weight: 3,
    explicit: true,
  },
  {
    re: /(?:^|[^a-z])(?:sdn\.? ?bhd|bhd|s\/b|gst|jalan|jln|selangor|kuala lumpur|malaysia|singapore)(?![a-z])/g,
    currency: 'foreign',
    weight: 2,
  },
  // "kr" and ",-" are kroner; the language around them says whose.
  { re: /(?:^|[^a-z])kr\.?(?![a-z])/g, currency: 'NOK', weight: 1 },
  // "120,-" is Norwegian; Swedes write "120:-".
  { re: /\d,-/g, currency: 'NOK', weight: 2 },
  { re: /\d:-/g, currency: 'SEK', weight: 2 },
  {
    re: /(?:^|[^a-z])(?:mva|org\.? ?nr|orgnr|foretaksregisteret|foretaksnr|bankaxept|vipps|kvittering|totalt|a betale|takk for|belop|herav|kjop|parkering|ferje|bompenger)(?![a-z])/g,
    currency: 'NOK',
    weight: 1,
  },
  {
    re: /(?:^|[^a-z])(?:moms|kvitto|att betala|summa|swish|tack for|godkant|belopp|kassa)(?![a-z])|org\.? ?nr:? ?5\d{5}-\d{4}/g,
    currency: 'SEK',
    weight: 1,
  },
  { re: /(?:^|[^a-z])(?:cvr|mobilepay|i alt|belob|danmark)(?![a-z])/g, currency: 'DKK', weight: 1 },
  {
    re: /(?:^|[^a-z])(?:mwst|ust|ust-idnr|steuer|summe|gesamt|quittung|kassenbon|bon-nr|gegeben|ruckgeld|gmbh|strasse|vielen dank|tva|iva|deutschland|danke)(?![a-z])/g,
    currency: 'EUR',
    weight: 1,
  },
];

/**
 * The currency the slip is in. `totalLine` is the line the total was read from: a code or
 * symbol there says most, since it is printed on the amount the card will show.
 */
export function pickCurrency(
  folded: string,
  totalLine?: string,
): { currency: Currency; confidence: number } | undefined {
  const votes = new Map<CurrencyVote, number>();
  const explicit = new Map<CurrencyVote, number>();
  for (const cue of CURRENCY_CUES) {
    const n = Math.min(4, [...folded.matchAll(cue.re)].length);
    if (!n) continue;
    votes.set(cue.currency, (votes.get(cue.currency) ?? 0) + n * cue.weight);
    if (cue.explicit) explicit.set(cue.currency, (explicit.get(cue.currency) ?? 0) + n);
    if (cue.explicit && totalLine && ((cue.re.lastIndex = 0), cue.re.test(totalLine)))
      votes.set(cue.currency, (votes.get(cue.currency) ?? 0) + 4);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[0] === 'foreign' || top[1] < 2) return undefined;
  const margin = top[1] - (second?.[1] ?? 0);
  const base = explicit.has(top[0]) ? 0.9 : 0.65;
  return {
    currency: top[0],
    confidence: Math.max(
      0.3,
      Math.min(0.98, base + Math.min(0.08, margin * 0.01) - (margin < 2 ? 0.25 : 0)),
    ),
  };
}
