/** Reading a help answer the way the help tests check it: its lines, its citation, its sources. */
import type { HelpAnswer } from '../../src/help/compose-answer.js';

/** The answer's non-blank lines. */
export const lines = (answer: HelpAnswer) => answer.text.split('\n').filter((l) => l.trim() !== '');
/** The last line: the citation, when the guide had an answer. */
export const lastLine = (answer: HelpAnswer) => lines(answer).at(-1) ?? '';
/** The ids of the guide sections the answer cites; none when it found nothing. */
export const cited = (answer: HelpAnswer) => (answer.found ? answer.sections.map((s) => s.id) : []);
