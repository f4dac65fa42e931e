/**
 * Chains, operators and shops a Norwegian business traveller meets, from the data files next to
 * this module: a match names the merchant even when the logo OCRs badly, and tells the kind of
 * expense.
 *
 * - `brands.json`: chains and operators, named as they brand themselves. An empty name: the word
 *   says the kind but is no name to put on the card.
 * - `shops.json`: groceries, pharmacies, hardware and electronics, at home and in the neighbouring
 *   countries. Their names are also words ("Netto", "Kiwi", "Penny"), so they count only at the
 *   head of a receipt, where the shop names itself.
 */
import type { ExpenseKind } from '../../claims/claim.js';
import { foldInPlace } from '../../text/fold.js';
import { words } from '../../text/keywords.js';
import brandData from './brands.json' with { type: 'json' };
import shopData from './shops.json' with { type: 'json' };
import type { Line } from './lines.js';
import { cleanLine } from './name-lines.js';

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

/** The first brand named anywhere on the receipt, or a shop named at its head. */
export function findBrand(lines: Line[]): FoundBrand | undefined {
  for (const line of lines) {
    for (const brand of BRANDS) {
      if (brand.re.test(line.folded)) return { brand, line: line.index };
    }
  }
  for (const line of lines.slice(0, SHOP_HEAD_LINES)) {
    const shop = SHOPS.find((b) => b.re.test(line.folded));
    if (shop) return { brand: shop, line: line.index };
  }
  return nearBrand(lines);
}

/**
 * A logo OCR misread by one letter ("LeDL", "TKEA"): only a short line at the very top that is
 * nothing but the near-name, and only names of four letters or more, where one slip still leaves
 * the name recognisable.
 */
function nearBrand(lines: Line[]): FoundBrand | undefined {
  for (const line of lines.slice(0, 3)) {
    const bare = foldInPlace(cleanLine(line.text)).replace(/[^a-z0-9]/g, '');
    if (bare.length < 3 || bare.length > 12) continue;
    const brand = [...BRANDS, ...SHOPS].find(
      (b) =>
        b.name &&
        b.name.length >= 4 &&
        !/\s/.test(b.name) &&
        oneEditApart(bare, foldInPlace(b.name).replace(/[^a-z0-9]/g, '')),
    );
    if (brand) return { brand, line: line.index };
  }
  return undefined;
}

/** At most one letter inserted, dropped or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}
