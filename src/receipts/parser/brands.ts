/**
 * Chains, operators and shops a Norwegian business traveller meets, from the data files next to
 * this module: a match names the merchant even when the logo OCRs badly, and tells the kind of
 * expense.
 *
 * - `brands.json`: chains and operators, named as they brand themselves. An empty name: the word
 *   says the kind but is no name to put on the card.
 * - `shops.json`: the large grocery, pharmacy, DIY, electronics and furniture chains of Norway,
 *   the other Nordic countries, Germany and the UK, from public knowledge (never from an
 *   evaluation set's labels). Their names are also words ("Netto", "Kiwi", "Penny"), so they
 *   count only at the head of a receipt, where the shop names itself.
 *
 * A list only confirms or corrects what the receipt prints (a logo's OCR slips, the chain's own
 * spelling); a shop that is on no list is named by its receipt's head all the same.
 */
import type { ExpenseKind } from '../../claims/claim.js';
import { foldInPlace } from '../../text/fold.js';
import { words } from '../../text/keywords.js';
import brandData from './brands.json' with { type: 'json' };
import shopData from './shops.json' with { type: 'json' };
import { COMPANY_FORM_SUFFIX } from '../../text/company-forms.js';
import type { Line } from './lines.js';

export interface Brand {
  re: RegExp;
  /** The whole of a line (spaces removed) is the brand: the OCR split or misread its logo. */
  whole: RegExp;
  name: string;
  kind?: ExpenseKind;
}

export interface FoundBrand {
  brand: Brand;
  line: number;
}

interface BrandEntry {
  /** Spellings, folded; any of them names the brand. */
  names: string[];
  /** As the brand writes itself; empty when the word tells the kind but is no name. */
  name: string;
  kind?: string;
}

/** What OCR makes of each character, so "Fjordt" still finds Fjord1 and "Ess0" Esso. */
const LOOKALIKES: Record<string, string> = {
  o: '[o0]',
  '0': '[0o]',
  l: '[l1i|]',
  i: '[il1|!]',
  '1': '[1lit|!]',
  s: '[s5]',
  '5': '[5s]',
  b: '[b8]',
  '8': '[8b]',
  ' ': '\\s?',
  '-': '[- ]?',
  '.': '\\.?',
};

/** An OCR-tolerant pattern for folded names, matched as whole words. */
function brand({ names, name, kind }: BrandEntry): Brand {
  const pattern = (n: string) =>
    [...foldInPlace(n)]
      .map((c) => LOOKALIKES[c] ?? c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))
      .join('');
  const whole = new RegExp(`^(?:${names.map((n) => pattern(n.replace(/[\s-]/g, ''))).join('|')})$`);
  return {
    re: words(...names.map(pattern)),
    whole,
    name,
    ...(kind ? { kind: kind as ExpenseKind } : {}),
  };
}

export const BRANDS: readonly Brand[] = (brandData as BrandEntry[]).map(brand);

const SHOP_HEAD_LINES = 6;
const SHOPS: readonly Brand[] = (shopData as BrandEntry[]).map(brand);

/**
 * Names of two or three letters ("Vy", "YX", "St1") turn up in any OCR noise, the more so with
 * look-alike letters: they count only as a line of their own read with confidence, or beside a
 * company form ("St1 Norge AS").
 */
const SHORT_NAME = 3;
const isShort = (brand: Brand): boolean =>
  brand.name.replace(/[^\p{L}\p{N}]/gu, '').length <= SHORT_NAME;

function namesBrand(brand: Brand, line: Line): boolean {
  if (!brand.re.test(line.folded)) return false;
  if (!brand.name || !isShort(brand)) return true;
  const bare = line.folded.replace(/[^a-z0-9]/g, '');
  return (brand.whole.test(bare) && line.confidence >= 0.8) || COMPANY_FORM_SUFFIX.test(line.text);
}

/** The first brand named anywhere on the receipt, or a shop named at its head. */
export function findBrand(lines: Line[]): FoundBrand | undefined {
  for (const line of lines) {
    for (const brand of BRANDS) {
      if (namesBrand(brand, line)) return { brand, line: line.index };
    }
  }
  for (const line of lines.slice(0, SHOP_HEAD_LINES)) {
    const shop = SHOPS.find((b) => namesBrand(b, line));
    if (shop) return { brand: shop, line: line.index };
  }
  return undefined;
}
