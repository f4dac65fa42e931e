/**
 * A receipt line read as a name: edge noise and spaced-out logo letters removed, OCR garbage told
 * from words, and capitals that shout turned into the name's spelling.
 */
import { COMPANY_FORM_SUFFIX } from '../../text/company-forms.js';

export function cleanLine(text: string): string {
  // A logo in spaced capitals ("A L D I", "AL DI") reads as letters with gaps between them.
  const tokens = text.trim().split(/\s+/);
  if (
    tokens.length >= 2 &&
    tokens.every((w) => /^\p{Lu}{1,2}$/u.test(w)) &&
    tokens.join('').length >= 3
  )
    return tokens.join('');
  let t = text.replace(/\s{3,}.*$/, (rest) =>
    /[\p{L}]{3,}/u.test(rest) && !/[\p{L}]{3,}/u.test(text.slice(0, text.length - rest.length))
      ? rest
      : '',
  );
  // Edge noise: single characters and symbols the paper's border leaves at either end of a line.
  t = t.replace(/^(?:\s*(?:[^\p{L}\p{N}\s]+|\p{L}|\d)(?=\s))+\s*/u, '');
  t = t.replace(/(?:\s+(?:[^\p{L}\p{N}\s]+|\p{L}|\d))+\s*$/u, '');
  t = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}).]+$/gu, '');
  return t.replace(/\s+/g, ' ').trim();
}

export function isNameLike(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\d/g) ?? []).length;
  if (letters < 2 || digits > letters) return false;
  if (letters / text.replace(/\s/g, '').length < 0.6) return false;
  // OCR garbage: many one- and two-letter fragments.
  const tokens = text.split(/\s+/);
  const tiny = tokens.filter((t) => t.replace(/[^\p{L}]/gu, '').length <= 2).length;
  return !(tokens.length >= 3 && tiny / tokens.length > 0.5);
}

/** "UNO-X NORGE AS" → "Uno-X Norge AS"; names printed in capitals are shouting, not spelling. */
export function tidyName(text: string): string {
  let name = text
    // A registration number in brackets ("(1234567-K)") is no part of the name.
    .replace(/\s*\(\s*[\dA-Z][\dA-Z\s-]*\d[\dA-Z\s-]*\)\s*/g, ' ')
    .replace(/\s+[-–|·:]\s+.*$/, '')
    .trim();
  // A 1 or a 0 between letters of a name is OCR's I or O ("D.1.Y." is D.I.Y.).
  name = name.replace(/(?<=\p{L}\.?)1(?=\.?\p{L})/gu, 'I').replace(/(?<=\p{L})0(?=\p{L})/gu, 'O');
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length > 3 && letters === letters.toUpperCase()) {
    name = name
      .toLowerCase()
      .replace(/(^|[\s\-/&(.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
      .replace(COMPANY_FORM_SUFFIX, (s) => s.toUpperCase().replace('SDN BHD', 'Sdn Bhd'));
  }
  return name.slice(0, 200);
}
