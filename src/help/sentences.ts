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
