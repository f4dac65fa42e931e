/** The user guide as data: loading, parsing, its errors, and splitting its text into sentences. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestPassage, HelpService } from '../src/help/compose-answer.js';
import { splitSentences } from '../src/help/sentences.js';
import {
  DEFAULT_GUIDE_PATHS,
  GuideError,
  loadGuide,
  parseGuide,
  type Guide,
} from '../src/help/guide-loader.js';
import type { Lang } from '../src/i18n/translate.js';
import { cited, lastLine } from './helpers/help-answer.js';

let guide: Guide;

beforeAll(() => {
  guide = loadGuide();
});

function tempGuide(files: Partial<Record<Lang, string>>): Partial<Record<Lang, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'guide-'));
  const paths: Partial<Record<Lang, string>> = {};
  for (const [lang, text] of Object.entries(files) as Array<[Lang, string]>) {
    const file = join(dir, `guide.${lang}.md`);
    writeFileSync(file, text);
    paths[lang] = file;
  }
  return paths;
}

describe('the guide as data', () => {
  it('has the sections of the original, numbered the same in bokmål, nynorsk and English', () => {
    expect(guide.ids).toEqual(['1', '2', '3', '4', '4.1', '5', '5.1', '5.2', '5.3', '5.4']);
    for (const lang of ['nb', 'nn', 'en'] as const) {
      expect(guide.sections[lang].map((s) => s.id)).toEqual(guide.ids);
      for (const section of guide.sections[lang]) {
        expect(section.lang).toBe(lang);
        expect(section.title.trim()).not.toBe('');
        expect(section.text.trim()).not.toBe('');
      }
    }
    const title = (lang: Lang, id: string) => guide.sections[lang].find((s) => s.id === id)?.title;
    expect(title('nn', '5.1')).toBe('Kom i gong');
    expect(title('nb', '5.1')).toBe('Kom i gang');
    expect(title('en', '5.1')).toBe('Getting started');
    expect(title('nn', '4.1')).toBe('Bruke Visma Attach');
  });

  it('keeps the original nynorsk wording, without the PDF leftovers', () => {
    const nn = readFileSync(DEFAULT_GUIDE_PATHS.nn, 'utf8');
    expect(nn).toContain('Sjekk og søppekassa om eposten er komt hit.');
    expect(nn).toContain('Merk: passasjerar må de legge til for kvar enkelt passasjer.');
    expect(nn).not.toMatch(/^mailto:|^https?:\/\/\S+\s*$/m);
    expect(nn).not.toContain('« »');
    expect(nn).toMatch(/klikke på hjelpeikonet \(spørsmålsteiknet «\?»\)/);
  });

  it('names the file and line of a heading without a section number', () => {
    expect(() => parseGuide('# 1 Start\ntext\n## Details\nmore', 'en', 'guide.en.md')).toThrow(
      /guide\.en\.md:3: .*section number/,
    );
  });

  it('rejects a heading whose depth does not match its number', () => {
    expect(() => parseGuide('# 1 Start\ntext\n# 1.1 Sub\nmore', 'en', 'g.md')).toThrow(
      /g\.md:3: section 1\.1 needs ##/,
    );
  });

  it('rejects duplicate sections, subsections before their parent, text before the first heading and empty files', () => {
    expect(() => parseGuide('# 1 A\nx\n# 1 B\ny', 'en', 'g.md')).toThrow(
      /g\.md:3: section 1 appears twice \(first on line 1\)/,
    );
    expect(() => parseGuide('# 1 A\nx\n## 2.1 B\ny', 'en', 'g.md')).toThrow(
      /g\.md:3: section 2\.1 comes before its parent section 2/,
    );
    expect(() => parseGuide('Intro\n# 1 A\nx', 'en', 'g.md')).toThrow(
      /g\.md:1: text before the first numbered heading/,
    );
    expect(() => parseGuide('just text, no headings', 'en', 'g.md')).toThrow(/g\.md:1/);
    expect(() => parseGuide('\n\n', 'en', 'g.md')).toThrow(/g\.md: no numbered headings/);
    expect(() => parseGuide('#1 A\nx', 'en', 'g.md')).toThrow(/g\.md:1: .*needs a space/);
  });

  it('refuses guides whose languages have different sections, naming the file and the section', () => {
    const paths = tempGuide({
      nb: '# 1 En\ntekst\n# 2 To\ntekst',
      nn: '# 1 Ein\ntekst\n# 2 To\ntekst',
      en: '# 1 One\ntext',
    });
    expect(() => loadGuide(paths)).toThrow(GuideError);
    expect(() => loadGuide(paths)).toThrow(/guide\.en\.md: lacks section 2/);
  });

  it('names the missing file when a configured path does not exist', () => {
    expect(() => loadGuide({ en: '/nonexistent/guide.en.md' })).toThrow(
      /\/nonexistent\/guide\.en\.md: cannot read/,
    );
  });

  it("answers from an organisation's own guide: nothing depends on our guide's wording", () => {
    const paths = tempGuide({
      nb: '# 1 Bompenger\nBompenger føres som utlegg med kvittering.\n# 2 Hotell\nHotellet bestilles gjennom reisebyrået.',
      nn: '# 1 Bompengar\nBompengar vert førte som utlegg med kvittering.\n# 2 Hotell\nHotellet vert bestilt gjennom reisebyrået.',
      en: '# 1 Tolls\nTolls are entered as outlays with a receipt.\n# 2 Hotels\nHotels are booked through the travel agency.',
    });
    const own = new HelpService(loadGuide(paths), {
      actions: { sections: { '1': 'outlay.start' } },
    });
    const hotel = own.answerOffline('how do I book a hotel?', 'en');
    expect(cited(hotel)).toEqual(['2']);
    expect(hotel.text).toContain('travel agency');
    expect(lastLine(hotel)).toBe('Source: user guide 2 Hotels');
    const toll = own.answerOffline('hvor fører jeg bomringen?', 'nb');
    expect(toll).toMatchObject({ found: true, action: 'outlay.start' });
    expect(lastLine(toll)).toBe('Kilde: brukerveiledningen 1 Bompenger');
  });

  it('refuses an actions file naming a section the guide does not have', () => {
    expect(
      () =>
        new HelpService(guide, { actions: { sections: { '9.9': 'outlay.start' } }, warmUp: false }),
    ).toThrow(/9\.9/);
  });
});

describe('splitting guide text into sentences', () => {
  it('keeps abbreviations whole and makes each list item a sentence', () => {
    const sentences = splitSentences(
      'Har du hatt utlegg, t.d. parkering, legg ved bilete. Dette er lett.\n\n1. Klikk «Legg ved fil»\n2. Vel fil.',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Har du hatt utlegg, t.d. parkering, legg ved bilete.',
      'Dette er lett.',
      'Klikk «Legg ved fil»',
      'Vel fil.',
    ]);
    expect(sentences.map((s) => s.block)).toEqual([0, 0, 1, 1]);
    expect(sentences.map((s) => s.item)).toEqual([false, false, true, true]);
  });

  it('takes the run of sentences that holds the most of the question, without empty ends', () => {
    const s = (score: number, position: number) => ({
      text: `s${position}`,
      position,
      block: 0,
      step: false,
      item: false,
      score,
    });
    expect(
      bestPassage([s(0, 0), s(2, 1), s(0, 2), s(1, 3), s(0, 4)], 3).map((x) => x.position),
    ).toEqual([1, 2, 3]);
    expect(
      bestPassage([s(0, 0), s(0, 1), s(0, 2), s(0, 3), s(2.4, 4)], 3).map((x) => x.position),
    ).toEqual([4]);
  });
});

/**
 * Questions written for these tests (paraphrases, typos, context words, all three languages);
 * none is a copy of the evaluation set. Each lists the sections that answer it.
 */
