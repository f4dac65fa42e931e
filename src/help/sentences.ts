/**
 * Splits a section body into sentences: each list item is its own unit, paragraphs are split at
 * sentence ends. "e.g. parking" and "t.d. parkering" stay whole because a lowercase word follows.
 * `block` numbers the paragraphs and lists, so a caller can tell which sentences belong together;
 * `step` marks the items of a numbered list, `item` those of any list.
 */
export function splitSentences(
  markdown: string,
): Array<{ text: string; block: number; step: boolean; item: boolean }> {
  const units: Array<{ text: string; block: number; step: boolean; item: boolean }> = [];
  let paragraph: string[] = [];
  let block = 0;
  let inList = false;
  const flush = () => {
    if (paragraph.length > 0)
      units.push({ text: paragraph.join(' '), block: block++, step: false, item: false });
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      inList = true;
      units.push({
        text: item[2] as string,
        block,
        step: /\d/.test(item[1] as string),
        item: true,
      });
    } else if (line.trim() === '') {
      flush();
    } else {
      if (inList) {
        block++;
        inList = false;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return units
    .flatMap((unit) =>
      unit.text
        .split(/(?<=[.!?…][»")]?)\s+(?=[«"(]?[\p{Lu}\d])/u)
        .map((text) => ({ ...unit, text })),
    )
    .map((u) => ({ ...u, text: u.text.replace(/\s+/g, ' ').trim() }))
    .filter((u) => /\p{L}/u.test(u.text));
}

/** Words by which a question asks for something on screen to press or fill in. */
const ASKS_CONTROL =
  /^(button|buttons|knapp\w*|field|fields|felt\w*|icon|ikon\w*|press|tap|click|klikk\w*|trykk\w*)$/;
/** Words by which a question asks for where to go: a web or e-mail address. */
const ASKS_ADDRESS =
  /^(address|adresse\w*|adressa|url|link|lenke\w*|website|web site|nettside\w*|nettstad\w*)$/;
/** How much more a sentence naming what the question asks for is worth. */
const NAMES_ASKED_BONUS = 1.75;

/** A negation or a wait: the question states what fails ("I can't find the e-mail", "finner ikke", "still waiting for"). */
const NEGATION =
  /(?:^|[^\p{L}])(not|cannot|can't|won't|doesn't|don't|didn't|isn't|hasn't|haven't|never|nowhere|ikke|ikkje|aldri|ingen|ingenstad|ingensteds|waiting|venter|ventar|stuck|expired|utløpt|utgått|invalid|ugyldig)(?![\p{L}])/iu;
/** A guide sentence stating a problem as its condition: "If you cannot find this e-mail, …". */
const STATES_PROBLEM =
  /^(if|when|om|hvis|viss|dersom|når)\b.*(?:^|[^\p{L}])(not|cannot|can't|ikke|ikkje)(?![\p{L}])/iu;

/** Whether the question states something that fails (a negation in it). */
export function statesProblem(question: string): boolean {
  return NEGATION.test(question);
}

/**
 * A factor for a sentence's score from what the question asks for: a question after a button or
 * field ("which button do I press") is answered by the sentence naming one («Save», «tick»), a
 * question after an address by the one holding it, and a question stating a problem ("the e-mail
 * is nowhere to be found") by the sentence taking that problem as its condition ("If you cannot
 * find this e-mail, …"). Other sentences keep their score.
 */
export function namedAnswerFactor(labels: string[], problem: boolean): (text: string) => number {
  const words = labels.map((l) => l.toLowerCase());
  const control = words.some((w) => ASKS_CONTROL.test(w));
  const address = words.some((w) => ASKS_ADDRESS.test(w));
  if (!control && !address && !problem) return () => 1;
  return (text) =>
    (control && /«[^»]+»/.test(text)) ||
    (address && /https?:\/\/|\S@\S/.test(text)) ||
    (problem && STATES_PROBLEM.test(text))
      ? NAMES_ASKED_BONUS
      : 1;
}

/**
 * Of `all` (a section's sentences), those saying what a thing named in the `chosen` ones is,
 * not chosen themselves: "log in with your username" needs "your username is your e-mail address".
 */
export function definitionsAmong(
  all: ReadonlyArray<{ text: string; defines?: Set<string>; concepts: Set<string> }>,
  chosen: string[],
): string[] {
  const picked = all.filter((s) => chosen.includes(s.text));
  return all
    .filter(
      (s) =>
        s.defines &&
        !chosen.includes(s.text) &&
        picked.some((p) => [...(s.defines as Set<string>)].some((c) => p.concepts.has(c))),
    )
    .map((s) => s.text);
}
