/**
 * Comparisons: "travel vs mileage", "what's the difference between an outlay and a travel
 * claim?", "hva er forskjellen på reise og kjøring?", "kva er skilnaden på utlegg og reise?".
 * Such a question is about two things, each maybe in its own section; searched as one, the
 * section naming both words best (often neither one's own) would win. So a comparison is split
 * into its two sides, each searched alone, and the answer gives each side's section.
 */
import { fold, isStopword, normalizeToken, tokenize } from './normalize.js';
import { LANGS, type Lang } from '../i18n/translate.js';
import type { SectionHit } from './retrieval-types.js';

/**
 * Words that make a question a comparison, folded; "vs", "versus" and "instead (of)" / "i stedet
 * for" also join the two sides.
 */
const MARKERS = new Set(
  [
    'difference',
    'differences',
    'different',
    'differ',
    'differs',
    'compare',
    'compared',
    'comparison',
    'versus',
    'vs',
    'forskjell',
    'forskjellen',
    'forskjellig',
    'forskjellige',
    'skilnad',
    'skilnaden',
    'ulik',
    'ulike',
    'sammenlignet',
    'samanlikna',
    'instead',
    'rather',
    'stedet',
    'staden',
    // "what distinguishes A from B", "hva skiller A fra B", "kva skil A frå B".
    'distinguish',
    'distinguishes',
    'separates',
    'skiller',
    'skil',
    'skilje',
  ].map(fold),
);

/**
 * Words joining the two sides only where no other join does: "how is mileage different from
 * travel?", "kva skil køyring frå reise?"; in "the difference between uploading from my PC and
 * from the app" the "and" joins.
 */
const FROM_JOINS = new Set(['from', 'fra', 'frå'].map(fold));

/** Words joining the two sides, folded. */
const JOINS = new Set(
  [
    'vs',
    'versus',
    'and',
    'or',
    'og',
    'eller',
    'contra',
    'mot',
    'instead',
    'rather',
    'stedet',
    'staden',
  ].map(fold),
);

/** Words that only frame the comparison and belong to neither side. */
const FRAME = new Set(
  ['between', 'mellom', 'from', 'than', 'enn', 'the', 'what', 'whats', 'is', 'hva', 'kva', 'er']
    .concat(['på', 'pa', 'of', 'on', 'i', 'in', 'for', 'than', 'av'])
    .map(fold),
);

const WORD = /[\p{L}\p{N}]+(?:[-.@/][\p{L}\p{N}]+)*/gu;

/**
 * The two sides of a comparison, as texts to search, or undefined when the question is no
 * comparison or a side is empty. The first joining word after the start splits the question.
 */
export function comparisonSides(question: string): [string, string] | undefined {
  const words = [...question.matchAll(WORD)].map((m) => m[0]);
  const folded = words.map((w) => fold(w));
  // "reise og ikke utlegg", "travel and not an outlay": a join and a negation weigh one side
  // against the other as "instead of" does.
  const negated = folded.findIndex(
    (w, i) => i > 0 && JOINS.has(w) && NEGATIONS.has(folded[i + 1] ?? ''),
  );
  if (negated < 0 && !folded.some((w) => MARKERS.has(w))) return undefined;
  // "korleis skil eg vedlegga frå kvarandre?": things told apart among themselves, not two sides.
  if (folded.some((w) => RECIPROCAL.has(w))) return undefined;
  const joinAt = (joins: ReadonlySet<string>) => folded.findIndex((w, i) => i > 0 && joins.has(w));
  const joined = joinAt(JOINS);
  const at = negated >= 0 ? negated : joined >= 0 ? joined : joinAt(FROM_JOINS);
  if (at < 0) return undefined;
  const side = (part: string[]) => part.filter((w) => !framing(w)).join(' ');
  const right = words.slice(at + (negated >= 0 ? 2 : 1));
  const [l, r] = [side(words.slice(0, at)), side(right)];
  return l && r ? [l, r] : undefined;
}

/** "Each other": what is compared is one set of things, not two named sides. */
const RECIPROCAL = new Set(['hverandre', 'kvarandre', 'kvarandra', 'apart'].map(fold));

/** Negations that, right after a join, make the two sides a choice ("og ikke", "and not"). */
const NEGATIONS = new Set(['ikke', 'ikkje', 'not'].map(fold));

/**
 * A word that only frames the comparison. "I" written as a capital is the English subject, not
 * the Norwegian "i" (in): it stays, so that "when should I pick travel" keeps "pick" in the
 * verb's place (an everyday verb there is weak; without the subject it would read as a topic).
 */
const framing = (word: string) =>
  MARKERS.has(fold(word)) || (FRAME.has(fold(word)) && word !== 'I');

/**
 * A side landing on an overview (a section with subsections) names one of the kinds the overview
 * introduces: "a travel claim" beside "a mileage log" is the travel type, not every claim. Its own
 * section is the one subsection whose title holds a word of the side ("5.4 Travel"); with none or
 * several, the overview stays. `ids`: the sections not cited yet; `titleOf`: a title's word forms.
 */
export function titledChild(
  ids: readonly string[],
  titleOf: TitleOf,
  id: string,
  side: string,
): string | undefined {
  const words = tokenize(side).filter((w) => !isStopword(w));
  const titled = ids.filter(
    (child) =>
      child.startsWith(`${id}.`) &&
      LANGS.some((lang) =>
        words.some((w) => titleOf(lang, child)?.has(normalizeToken(w, lang) ?? '') ?? false),
      ),
  );
  return titled.length === 1 ? titled[0] : undefined;
}

type TitleOf = (lang: Lang, id: string) => ReadonlySet<string> | undefined;

/**
 * Each side's own section: of the sections scoring nearly as well as its best (`ratio`), the most
 * specific one not cited for the other side (a subsection about the one thing rather than the
 * overview naming every kind), or the overview's subsection titled by the side (titledChild).
 */
export function sideSections(
  sides: Array<{ ranked: SectionHit[]; text: string }>,
  ratio: number,
  ids: readonly string[],
  titleOf: TitleOf,
): SectionHit[] {
  const cited: SectionHit[] = [];
  const depth = (hit: SectionHit) => hit.id.split('.').length;
  for (const side of sides) {
    const top = side.ranked[0]?.score ?? 0;
    const free = (id: string) => !cited.some((c) => c.id === id);
    const own = side.ranked
      .filter((hit) => hit.score >= ratio * top && free(hit.id))
      .sort((a, b) => depth(b) - depth(a) || b.score - a.score)[0];
    if (!own) continue;
    const titled = titledChild(ids.filter(free), titleOf, own.id, side.text);
    cited.push(titled ? { id: titled, score: own.score } : own);
  }
  return cited;
}
