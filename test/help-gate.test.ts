import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEvalFile } from '../scripts/lib/help-eval.js';
import { OWN_FILE, SHARED_FILES, train } from '../scripts/train-help-gate.js';
import {
  BUNDLED_GATE,
  lexicalScore,
  outOfGuideProbability,
  parseGate,
  questionTerms,
} from '../src/help/answer-gate.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide, type Guide } from '../src/help/guide-loader.js';
import type { Lang } from '../src/i18n/translate.js';

let guide: Guide;
let gated: HelpService;
let rulesOnly: HelpService;

beforeAll(() => {
  guide = loadGuide();
  gated = new HelpService(guide, { sections: null });
  rulesOnly = new HelpService(guide, { gate: null, sections: null });
});

const GATE_JSON = new URL('../src/help/answer-gate.json', import.meta.url);

describe('the answer gate file', () => {
  it('loads, and names only features the retrieval computes', () => {
    const reading = gated.retrieve('how do I add a passenger to my mileage claim?').gate;
    expect(reading).toBeDefined();
    const computed = new Set([
      ...Object.keys(reading?.features ?? {}),
      'novel',
      'novelVerbs',
      'lexical',
    ]);
    expect(BUNDLED_GATE.features.length).toBeGreaterThanOrEqual(8);
    for (const name of BUNDLED_GATE.features) expect(computed, name).toContain(name);
    expect(BUNDLED_GATE.threshold).toBeGreaterThan(0);
    expect(BUNDLED_GATE.threshold).toBeLessThan(1);
    expect(BUNDLED_GATE.scale.every((s) => s > 0)).toBe(true);
  });

  it('refuses a gate whose arrays disagree in length', () => {
    const data = JSON.parse(readFileSync(GATE_JSON, 'utf8')) as Record<string, unknown>;
    expect(() => parseGate({ ...data, weights: [1] })).toThrow(/differ in length/);
  });

  it.skipIf(!SHARED_FILES.every((f) => existsSync(f)))(
    'is what scripts/train-help-gate.ts gives on the training questions (retraining reproduces it)',
    async () => {
      const { gate } = await train(() => {});
      const stored = JSON.parse(readFileSync(GATE_JSON, 'utf8')) as unknown;
      expect(JSON.parse(JSON.stringify(gate))).toEqual(stored);
    },
    180_000,
  );
});

describe('what the gate reads', () => {
  it('is the same for the same question (deterministic) and a probability', () => {
    const question = 'can I get my home internet paid by the company?';
    const a = gated.retrieve(question).gate;
    const b = gated.retrieve(question).gate;
    expect(a).toEqual(b);
    const p = outOfGuideProbability(BUNDLED_GATE, a as NonNullable<typeof a>);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('reads the wording as words and word pairs, folded', () => {
    expect(questionTerms('Hvordan legger jeg til')).toEqual([
      'hvordan',
      'legger',
      'jeg',
      'til',
      'hvordan legger',
      'legger jeg',
      'jeg til',
    ]);
    expect(lexicalScore(['is there', 'unheard'], { 'is there': 1.5 })).toBe(1.5);
    expect(lexicalScore(['unheard'], { 'is there': 1.5 })).toBe(0);
  });
});

describe('the gate only vetoes', () => {
  it('never cites a section the rules alone would not, on any of the own questions', () => {
    for (const item of readEvalFile(OWN_FILE)) {
      const withGate = gated.retrieve(item.q);
      if (!withGate.found) continue;
      const alone = rulesOnly.retrieve(item.q);
      expect(alone.found, item.q).toBe(true);
      expect(withGate.sections, item.q).toEqual(alone.sections);
    }
  });

  it('leaves comparisons to the rules', () => {
    const question = 'hva er forskjellen på utlegg og reise?';
    expect(gated.retrieve(question).sections).toEqual(rulesOnly.retrieve(question).sections);
  });
});

describe('in the users’ words', () => {
  // "does Attach work on a Huawei phone without Google services?" stood here until the gate was
  // retrained with batch 14 (its probability fell to 0.48 against a threshold of 0.50); "does
  // Attach run on a Windows phone?" until round 20 made Windows a topic outside the guide, so
  // that the rules alone no longer answer it.
  it.each<[Lang, string]>([['en', 'can I attach a sound recording instead of a picture?']])(
    'a near-domain question the rules would answer cites nothing [%s] %s',
    async (lang, question) => {
      expect(rulesOnly.retrieve(question).found).toBe(true);
      const answer = await gated.answer(question, lang);
      expect(answer.found).toBe(false);
    },
  );

  it.each<[Lang, string, string]>([
    ['en', 'how do I take a picture of a receipt in Attach?', '4.1'],
    ['nb', 'hvordan legger jeg til en passasjer på kjøringen?', '5.3'],
    ['nb', 'jeg finner ikke aktiveringseposten', '1'],
    ['nn', 'korleis byter eg språk i Expense?', '2'],
    ['en', 'which browser should I use for Expense?', '1'],
    ['nb', 'hvor legger jeg inn bompenger når jeg fører kjørebok?', '5.1'],
  ])('a guide question is still answered [%s] %s', async (lang, question, section) => {
    const answer = await gated.answer(question, lang);
    expect(answer.found).toBe(true);
    if (answer.found) expect(answer.sections.map((s) => s.id)).toContain(section);
  });
});
