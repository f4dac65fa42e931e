/**
 * Which kind of claim a story calls for: "paid for a parking garage with my own card, what kind
 * of claim is that?", "var på konferanse med overnatting, er det reise eller utlegg?". Searched
 * as words, such a question lands on the overview that lists the kinds ("Click the type of travel
 * claim that fits your trip"), as only it says "type"; what the user needs is the kind's own
 * section, which the story points to by what happened (paying, driving one's own car, a night
 * away). The words are data (claim-kinds.json), replaced together with the guide.
 */
import { z } from 'zod';
import bundledKinds from './claim-kinds.json' with { type: 'json' };
import { fold, isStopword, normalizeToken, tokenize } from './normalize.js';
import { LANGS, type Lang } from '../i18n/translate.js';

const kindsSchema = z.object({
  ask: z.array(z.string().min(1)),
  follows: z.array(z.string().min(1)),
  kinds: z.array(
    z.object({ names: z.array(z.string().min(1)).min(1), cues: z.array(z.string().min(1)) }),
  ),
});
export type ClaimKindData = z.input<typeof kindsSchema>;

/** Words joining two kinds offered as a choice ("travel or outlay", "reise eller utlegg"). */
const OR = new Set(['or', 'eller'].map(fold));
/** Words between a determiner-free ask and its thing: "what kind of claim", "is it a …". */
const SKIP = new Set(['of', 'av', 'a', 'an', 'en', 'ei', 'eit', 'ein', 'et'].map(fold));
/** "is this a travel claim", "er det ei reise": a kind named as what the story is. */
const IS = new Set(['is', 'er', 'blir', 'vert'].map(fold));
const THIS = new Set(['this', 'that', 'it', 'det', 'dette', 'den'].map(fold));

const words = (text: string) => tokenize(text).map(fold);

/** Where `phrase` (folded words) starts in `tokens`, every start. */
function startsOf(tokens: string[], phrase: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++)
    if (phrase.every((w, j) => tokens[i + j] === w)) out.push(i);
  return out;
}

/** A cue in the question: its words in a row, or one longer word inside a compound ("fergebillett"). */
const told = (tokens: string[], cue: string[]) =>
  startsOf(tokens, cue).length > 0 ||
  (cue.length === 1 &&
    (cue[0] as string).length >= 5 &&
    tokens.some((t) => t.includes(cue[0] as string)));

/** A section title's word forms in one language. */
type TitleOf = (lang: Lang, id: string) => ReadonlySet<string> | undefined;

/** The one most specific section whose title holds one of `names` in some language. */
function titledBy(names: string[], ids: readonly string[], titleOf: TitleOf): string | undefined {
  const titled = ids.filter((id) =>
    LANGS.some((lang) => names.some((n) => titleOf(lang, id)?.has(normalizeToken(n, lang) ?? ''))),
  );
  const depth = (id: string) => id.split('.').length;
  const deepest = Math.max(0, ...titled.map(depth));
  const most = titled.filter((id) => depth(id) === deepest);
  return most.length === 1 ? most[0] : undefined;
}

export class ClaimKinds {
  private readonly ask: string[][];
  private readonly follows: Set<string>;
  private readonly kinds: Array<{ names: Set<string>; cues: string[][] }>;
  /** Per kind: its own section ("5.2 Entering outlays"), where one title names it. */
  private readonly sectionIds: Array<string | undefined>;

  constructor(ids: readonly string[], titleOf: TitleOf, data: ClaimKindData = bundledKinds) {
    const parsed = kindsSchema.parse(data);
    // Longest first: "which claim type" reaches further than "which claim".
    this.ask = parsed.ask.map(words).sort((a, b) => b.length - a.length);
    this.follows = new Set(parsed.follows.map(fold));
    this.kinds = parsed.kinds.map((kind) => ({
      names: new Set(kind.names.map(fold)),
      cues: kind.cues.map(words),
    }));
    this.sectionIds = this.kinds.map((kind) => titledBy([...kind.names], ids, titleOf));
  }

  /**
   * The sections of the kinds a question asking which kind fits tells of; empty when it asks
   * no such thing or its story tells of no kind (the overview of the kinds then answers).
   */
  sectionsTold(question: string): string[] {
    if (!this.asksKind(question)) return [];
    return this.kindsTold(question)
      .map((kind) => this.sectionIds[kind])
      .filter((id): id is string => id !== undefined);
  }

  /**
   * Whether the question asks which kind of claim fits: an ask phrase followed by a word for a
   * claim, a verb or nothing ("what kind of receipt" asks for something else), two kinds joined
   * by "or", or a kind named as what "this" is ("is that a travel claim?").
   */
  asksKind(question: string): boolean {
    const tokens = words(question);
    const isName = (t: string | undefined) =>
      t !== undefined && this.kinds.some((k) => k.names.has(t));
    for (const phrase of this.ask)
      for (const at of startsOf(tokens, phrase)) {
        let next = at + phrase.length;
        while (SKIP.has(tokens[next] ?? '')) next++;
        const word = tokens[next];
        if (word === undefined || this.follows.has(word) || isName(word) || isStopword(word))
          return true;
      }
    return tokens.some((t, i) => {
      if (OR.has(t)) return [i - 2, i - 1, i + 1, i + 2].some((j) => isName(tokens[j]));
      if (!IS.has(t) || !THIS.has(tokens[i + 1] ?? '')) return false;
      let next = i + 2;
      while (SKIP.has(tokens[next] ?? '')) next++;
      return isName(tokens[next]);
    });
  }

  /**
   * The kinds the story points to: those with the most cues, and any other with as many (not
   * all of them); with no cue, the one kind the question names ("does a day trip count as
   * travel?"). Empty when it tells of none or names several (the overview then answers).
   */
  kindsTold(question: string): number[] {
    const tokens = words(question);
    const counts = this.kinds.map((kind) => kind.cues.filter((cue) => told(tokens, cue)).length);
    const most = Math.max(0, ...counts);
    const top = counts.flatMap((n, i) => (n === most ? [i] : []));
    // A story telling of every kind alike points to none: the overview of the kinds answers.
    if (most > 0) return top.length < this.kinds.length ? top : [];
    const named = this.kinds.flatMap((kind, i) =>
      tokens.some((t) => kind.names.has(t)) ? [i] : [],
    );
    return named.length === 1 ? named : [];
  }
}
