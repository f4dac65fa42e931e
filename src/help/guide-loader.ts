/**
 * Reads the user guide: one markdown file per language whose numbered headings (`# 1 …`,
 * `## 4.1 …`) are the sections the bot cites. An organisation can replace the guide with its
 * own, so everything here follows the heading structure, never the wording of our copy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/translate.js';

export interface GuideSection {
  /** The section number as written in the heading, e.g. "5.1". */
  id: string;
  title: string;
  /** The section's own body as markdown, without its heading and without its subsections. */
  text: string;
  lang: Lang;
}

export interface Guide {
  /** Section ids in document order; every language has exactly these. */
  ids: readonly string[];
  sections: Readonly<Record<Lang, readonly GuideSection[]>>;
}

export class GuideError extends Error {
  override name = 'GuideError';
}

const sectionSchema = z.object({
  id: z.string().regex(/^\d+(\.\d+)*$/),
  title: z.string().trim().min(1),
  text: z.string(),
  lang: z.enum(['nb', 'nn', 'en']),
});

const pathsSchema = z.object({
  nb: z.string().min(1),
  nn: z.string().min(1),
  en: z.string().min(1),
});

export const DEFAULT_GUIDE_PATHS: Readonly<Record<Lang, string>> = {
  nb: fileURLToPath(new URL('./guide/guide.nb.md', import.meta.url)),
  nn: fileURLToPath(new URL('./guide/guide.nn.md', import.meta.url)),
  en: fileURLToPath(new URL('./guide/guide.en.md', import.meta.url)),
};

/** Any line starting with # is meant as a heading, so one without a space after the hashes is an error, not text. */
const HEADING = /^(#{1,6})([ \t]*)(.*?)[ \t]*$/;
const NUMBERED = /^(\d+(?:\.\d+)*)\.?[ \t]+(\S.*)$/;

/**
 * Parses one language's guide. `file` only names the source in error messages.
 * A heading's depth must match its number (`#` for "5", `##` for "5.1"), so that a typo in either
 * shows up here rather than as a section the bot cites under the wrong parent.
 */
export function parseGuide(markdown: string, lang: Lang, file: string): GuideSection[] {
  const sections: GuideSection[] = [];
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { id: string; title: string; body: string[] } | undefined;
  const seen = new Map<string, number>();
  const fail = (lineNo: number, message: string): never => {
    throw new GuideError(`${file}:${lineNo}: ${message}`);
  };
  const finish = () => {
    if (!current) return;
    const text = current.body
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    sections.push(sectionSchema.parse({ id: current.id, title: current.title, text, lang }));
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const heading = HEADING.exec(line);
    if (!heading) {
      if (current) current.body.push(line);
      else if (line.trim() !== '') fail(lineNo, 'text before the first numbered heading');
      return;
    }
    const hashes = heading[1] as string;
    const content = heading[3] as string;
    if (heading[2] === '') fail(lineNo, `heading "${line.trim()}" needs a space after ${hashes}`);
    const numbered = NUMBERED.exec(content);
    if (!numbered)
      fail(
        lineNo,
        `heading "${line.trim()}" must start with a section number and a title, e.g. "## 5.1 Getting started"`,
      );
    const id = (numbered as RegExpExecArray)[1] as string;
    const title = ((numbered as RegExpExecArray)[2] as string).trim();
    const depth = id.split('.').length;
    if (hashes.length !== depth) {
      fail(
        lineNo,
        `section ${id} needs ${'#'.repeat(depth)} (one # per level of its number), not ${hashes}`,
      );
    }
    const previous = seen.get(id);
    if (previous !== undefined)
      fail(lineNo, `section ${id} appears twice (first on line ${previous})`);
    if (depth > 1) {
      const parent = id.split('.').slice(0, -1).join('.');
      if (!seen.has(parent))
        fail(lineNo, `section ${id} comes before its parent section ${parent}`);
    }
    finish();
    seen.set(id, lineNo);
    current = { id, title, body: [] };
  });
  finish();
  if (sections.length === 0)
    throw new GuideError(`${file}: no numbered headings found (expected e.g. "# 1 Logging in")`);
  return sections;
}

/**
 * Loads the guide in all three languages, by default the bundled one. The languages must have
 * the same sections: an answer cites a section number, and it has to mean the same in each.
 */
export function loadGuide(paths: Partial<Record<Lang, string>> = {}): Guide {
  const resolved = pathsSchema.parse({ ...DEFAULT_GUIDE_PATHS, ...stripUndefined(paths) });
  const sections = {} as Record<Lang, GuideSection[]>;
  for (const lang of LANGS) {
    const file = resolved[lang];
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch (error) {
      throw new GuideError(`${file}: cannot read the ${lang} guide (${(error as Error).message})`, {
        cause: error,
      });
    }
    sections[lang] = parseGuide(markdown, lang, file);
  }
  return assembleGuide(sections, resolved);
}

/** Checks that the languages agree and builds the guide; exported for guides that do not come from files. */
export function assembleGuide(
  sections: Record<Lang, GuideSection[]>,
  files: Record<Lang, string> = { nb: 'nb', nn: 'nn', en: 'en' },
): Guide {
  const [first, ...rest] = LANGS;
  const reference = sections[first as Lang];
  const ids = reference.map((s) => s.id);
  for (const lang of rest) {
    const other = sections[lang].map((s) => s.id);
    const missing = ids.filter((id) => !other.includes(id));
    const extra = other.filter((id) => !ids.includes(id));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length > 0
          ? `lacks section ${missing.join(', ')} found in ${files[first as Lang]}`
          : '',
        extra.length > 0
          ? `has section ${extra.join(', ')} not found in ${files[first as Lang]}`
          : '',
      ].filter(Boolean);
      throw new GuideError(
        `${files[lang]}: ${parts.join('; ')}; every language must have the same numbered sections`,
      );
    }
    if (other.join() !== ids.join()) {
      throw new GuideError(
        `${files[lang]}: sections are in a different order than in ${files[first as Lang]} (${other.join(', ')} vs ${ids.join(', ')})`,
      );
    }
  }
  return { ids, sections };
}

function stripUndefined(paths: Partial<Record<Lang, string>>): Partial<Record<Lang, string>> {
  return Object.fromEntries(Object.entries(paths).filter(([, v]) => v !== undefined && v !== ''));
}

/** The section with this id in this language; the guide guarantees every language has it. */
export function sectionOf(guide: Guide, lang: Lang, id: string): GuideSection {
  const section = guide.sections[lang].find((s) => s.id === id);
  if (!section) throw new GuideError(`no section ${id} in the ${lang} guide`);
  return section;
}
