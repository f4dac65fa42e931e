/**
 * What the guide's text marks beyond its words: an address written out (indexed with a word for
 * it) and a year it draws a line at ("before 2020"), which a question's earlier year meets.
 */
import type { Guide } from './guide-loader.js';
import { LANGS } from '../i18n/translate.js';
import type { QueryGroup, Role } from './retrieval-types.js';

/** "before 2020", "fra før 2020", "frå før 2020": a year the guide draws a line at. */
const BEFORE_YEAR = /(?:before|før)\s+(\d{4})(?!\d)/giu;

/**
 * A year before one the guide draws a line at ("since 2017": the guide's "before 2020") is the
 * condition its answer is for, not when something happened: it counts as content, and a symptom
 * the guide does not name beside it ("krasjer", "crashes") is what that condition causes, not a
 * topic of its own, so it counts as an unknown word.
 */
export function withYearBefore(
  groups: readonly QueryGroup[],
  roles: Role[],
  lines: readonly number[],
): Role[] {
  const before = (g: QueryGroup | undefined) =>
    g?.number === true && /^\d{4}$/.test(g.label) && lines.some((line) => Number(g.label) < line);
  if (!groups.some((g, i) => before(g) && roles[i] === 'circumstance')) return roles;
  return roles.map((role, i) =>
    before(groups[i]) ? 'content' : role === 'foreign' ? 'unknown' : role,
  );
}

/**
 * An address written out in the guide (a web address, an e-mail address) is indexed with the
 * word "url" beside it, so that a question for "the address", "the link" or "nettadressen" (one
 * synonym group) finds the sentence giving it ("log in at https://connect.visma.com", "comes from
 * do.not.reply@visma.net") rather than one only naming "your e-mail address".
 */
export function withAddressWord(text: string): string {
  return text.replace(/https?:\/\/\S+|[\w.-]+@[\w-]+\.[\w.-]+/g, (address) => `${address} url`);
}

/** The years the guide draws a line at, in any language. */
export function yearLinesOf(guide: Guide): number[] {
  return LANGS.flatMap((lang) =>
    guide.sections[lang].flatMap((section) =>
      [...section.text.matchAll(BEFORE_YEAR)].map((m) => Number(m[1])),
    ),
  );
}
