/**
 * Reads the text sent with several receipt photos: does the user want them on one claim ("ett
 * krav", "eitt krav", "samle i ett krav", "alt på samme krav", "one claim", "put them together"),
 * and what is left of the text as the receipts' comment. Without such words the whole text is the
 * comment and every photo gets its own outlay, as before.
 *
 * Deliberately narrow: a comment about the purchase ("middag sammen med kunden", "one claim
 * number is missing") must not merge anything, so a claim word or an explicit "put them
 * together" is needed, and "one claim each", "hver for seg", "ikke samle" say the opposite.
 */

export interface ReceiptText {
  /** The user asked for one claim with a line per receipt. */
  oneClaim: boolean;
  /** What the text says besides that, for the receipts' comment; undefined when nothing is left. */
  comment?: string;
}

// JavaScript's \b knows only ASCII letters, so "på" or "én" would not end a word: use Unicode.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const phrase = (source: string) => new RegExp(`${START}(?:${source})${END}`, 'iu');

const ONE = '(?:ett|eitt|et|eit|én|ei|ein|en|1|one|a single|single)';
const CLAIM =
  '(?:krav|utleggskrav|reiseregning|reiserekning|utlegg|claim|expense claim|expense report|report)';
const THEM =
  '(?:dem|dei|de|disse|desse|alle|alt|kvitteringene|kvitteringane|bildene|bileta|them|these|all|all of them|everything|the receipts|these receipts|the photos)';

const ASKS_FOR_ONE: RegExp[] = [
  // "ett krav", "eitt samla krav", "en reiseregning", "one claim", "a single expense report"
  phrase(`${ONE}\\s+(?:felles\\s+|samlet\\s+|samla\\s+|combined\\s+)?${CLAIM}`),
  // "samme krav", "same krav", "the same claim"
  phrase(`(?:samme|same)\\s+${CLAIM}`),
  // "slå dem sammen", "legg dei saman", "samle alle"
  phrase(`(?:slå|legg|legge|leggje)\\s+(?:${THEM}\\s+)?(?:sammen|saman)`),
  phrase(`(?:saml|samle|samla)\\s+${THEM}`),
  // "put them together", "group these together", "combine them", "merge the receipts"
  phrase(`(?:put|group|bundle|lump|keep)\\s+${THEM}\\s+together`),
  phrase(`(?:combine|merge)\\s+${THEM}`),
];

/** Words that turn the request round: "one claim each", "hver for seg", "ikke slå sammen". */
const SEPARATE: RegExp[] = [
  phrase(
    `${ONE}\\s+${CLAIM}\\s+(?:each|per|for each|for every|a piece|for hver|for kvar|per kvittering|pr\\.? kvittering|til hver|til kvar)`,
  ),
  phrase(
    'hver for seg|kvar for seg|kvart for seg|hvert sitt|kvart sitt|separate|separately|individually|egne krav|eigne krav|separate krav|each (?:its|their) own',
  ),
];
const NEGATION = phrase("ikke|ikkje|not|don['’]t|dont|do not|never|aldri");

/** Words that only carry the request ("kan du samle alt på …, takk"): not worth keeping as a comment. */
const FILLER = new Set(
  (
    'kan du could can you would please pls plz takk thanks thank tusen gjerne er det dette this it is make lag lage gjer gjere gjør gjøre do ' +
    'samle saml samla slå legg legge leggje put putt group bundle lump keep combine merge together sammen saman ' +
    'alt alle dem dei de disse desse them these all everything of the receipts photos kvitteringene kvitteringane bildene bileta ' +
    'i på pa til som in into on onto to as for og and så so ok okay hei hi'
  ).split(' '),
);

export function readReceiptText(raw: string): ReceiptText {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return { oneClaim: false };
  const match = firstMatch(text);
  if (!match || SEPARATE.some((re) => re.test(text)) || negated(text, match.index))
    return { oneClaim: false, comment: text };
  // Everything that asked for one claim goes; what is left, minus the words around the request, is the comment.
  let rest = text;
  for (const re of ASKS_FOR_ONE) rest = rest.replace(new RegExp(re.source, 'giu'), ' , ');
  const kept = rest
    .split(/[,;:.!?\n–—-]+/)
    .map((part) => part.trim())
    .filter((part) =>
      part.split(/\s+/).some((word) => word !== '' && !FILLER.has(word.toLowerCase())),
    );
  const comment = kept.join(', ');
  return comment.length >= 2 ? { oneClaim: true, comment } : { oneClaim: true };
}

/** True when the text asks for the photos to go on one claim. */
export function asksForOneClaim(text: string): boolean {
  return readReceiptText(text).oneClaim;
}

function firstMatch(text: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const re of ASKS_FOR_ONE) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

/** "ikke samle dem", "please don't put them together": a negation in the three words before. */
function negated(text: string, index: number): boolean {
  const before = text.slice(0, index).split(/\s+/).filter(Boolean).slice(-3).join(' ');
  return NEGATION.test(before);
}
