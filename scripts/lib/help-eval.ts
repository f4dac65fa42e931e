/**
 * The help evaluation shared by scripts/eval-help.ts and bench/help.ts: reading the JSONL
 * questions, asking them the way the bot does, and scoring the answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { handleEvent } from '../../src/conversation/engine.js';
import type { HelpAnswer, HelpService } from '../../src/help/compose-answer.js';
import { HELP_TEXTS } from '../../src/help/help-texts.js';
import type { Lang } from '../../src/i18n/translate.js';
import { quantile } from './measure.js';

const SOURCE_PREFIXES = Object.values(HELP_TEXTS).map((t) => t.source);

const itemSchema = z.object({
  id: z.string(),
  lang: z.enum(['nb', 'nn', 'en']),
  q: z.string().min(1),
  sections: z.array(z.string()),
  facts: z.array(z.string()),
});
export type EvalItem = z.infer<typeof itemSchema>;

export function readEvalFile(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), no: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, no }) => {
      const parsed = itemSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(
          `${file}:${no}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}

export interface ItemResult {
  item: EvalItem;
  answer: HelpAnswer;
  ms: number;
  /** Undefined where the item does not measure it. */
  cites?: boolean;
  factsOk?: boolean;
  missingFacts: string[];
  silentOutOfGuide?: boolean;
}

export interface EvalReport {
  results: ItemResult[];
  citeShare: number;
  factShare: number;
  /** Share of single facts found, over all facts of all items. */
  factItemShare: number;
  outOfGuideShare: number;
  p50: number;
  p99: number;
  counts: { cite: number; facts: number; outOfGuide: number };
}

/** A fact "a|b" is present when either alternative occurs, ignoring case. */
export function hasFact(text: string, fact: string): boolean {
  const lower = text.toLowerCase();
  return fact.split('|').some((alt) => lower.includes(alt.trim().toLowerCase()));
}

const share = (values: Array<boolean | undefined>) => {
  const measured = values.filter((v): v is boolean => v !== undefined);
  return measured.length === 0 ? 1 : measured.filter(Boolean).length / measured.length;
};

/**
 * The bot's own path: the conversation engine routes the text (a command, an expense statement
 * or a question) and, when it asks for a guide answer, the same HelpService call the bot makes.
 */
export async function askLikeTheBot(
  service: HelpService,
  question: string,
  lang: Lang,
): Promise<HelpAnswer> {
  const turn = handleEvent(
    { welcomed: true },
    { type: 'text', text: question },
    {
      today: new Date().toISOString().slice(0, 10),
      scope: 'personal',
      locale: { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' }[lang],
      defaultLang: lang,
      newId: () => 'eval',
    },
  );
  const help = turn.effects.find((e) => e.type === 'answerHelp');
  if (help?.type === 'answerHelp') return service.answer(help.question, help.lang);
  // Routed elsewhere (a command or a claim): what the user saw, which cites no section.
  const shown = turn.messages
    .map((v) => (v.kind === 'text' ? v.text : `[${v.template} card]`))
    .join('\n');
  return { found: false, lang: turn.lang, text: shown };
}

/** Which part of a set: the items tuned on, the items kept apart for measuring, or both. */
export type Part = 'tune' | 'check' | 'all';
export const PARTS: readonly Part[] = ['all', 'tune', 'check'];

const SPLITS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../eval/splits.json',
);
const splitsSchema = z.record(z.string(), z.unknown());
const splitSchema = z.object({ check: z.array(z.string()) });

/**
 * The ids of a set's check part, from eval/splits.json under the file's name without `.jsonl`
 * ("help-questions-2"); undefined when the set has no split (then it is all one part).
 */
export function checkIdsOf(file: string, splitsFile = SPLITS_FILE): Set<string> | undefined {
  const splits = splitsSchema.parse(JSON.parse(readFileSync(splitsFile, 'utf8')));
  const entry = splitSchema.safeParse(splits[path.basename(file).replace(/\.jsonl$/, '')]);
  return entry.success ? new Set(entry.data.check) : undefined;
}

/** The items of one part; a set without a split has every item in its tune part and none in check. */
export function partOf<T extends { id: string }>(
  items: readonly T[],
  checkIds: ReadonlySet<string> | undefined,
  part: Part,
): T[] {
  if (part === 'all') return [...items];
  const inCheck = (item: T) => checkIds?.has(item.id) ?? false;
  return items.filter((item) => (part === 'check' ? inCheck(item) : !inCheck(item)));
}

export async function evaluate(service: HelpService, items: EvalItem[]): Promise<EvalReport> {
  return summarise(await askEach(service, items));
}

/** Every item asked the bot's way, scored. */
export async function askEach(service: HelpService, items: EvalItem[]): Promise<ItemResult[]> {
  // One warm-up call, so the first item does not pay for JIT compilation in the latency figures.
  await service.answer('warm-up', 'en');
  const results: ItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    const answer = await askLikeTheBot(service, item.q, item.lang);
    const ms = performance.now() - started;
    const cited = answer.found ? answer.sections.map((s) => s.id) : [];
    const missingFacts = item.facts.filter((f) => !hasFact(answer.text, f));
    const inGuide = item.sections.length > 0;
    results.push({
      item,
      answer,
      ms,
      cites: inGuide ? cited.some((id) => item.sections.includes(id)) : undefined,
      factsOk: item.facts.length > 0 ? missingFacts.length === 0 : undefined,
      missingFacts,
      silentOutOfGuide: inGuide
        ? undefined
        : !answer.found && !SOURCE_PREFIXES.some((p) => answer.text.includes(p)),
    });
  }
  return results;
}

/** The figures of some answered items (a whole set or one part of it). */
export function summarise(results: ItemResult[]): EvalReport {
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const allFacts = results.flatMap((r) => r.item.facts.map((f) => !r.missingFacts.includes(f)));
  return {
    results,
    citeShare: share(results.map((r) => r.cites)),
    factShare: share(results.map((r) => r.factsOk)),
    factItemShare: share(allFacts),
    outOfGuideShare: share(results.map((r) => r.silentOutOfGuide)),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    counts: {
      cite: results.filter((r) => r.cites !== undefined).length,
      facts: results.filter((r) => r.factsOk !== undefined).length,
      outOfGuide: results.filter((r) => r.silentOutOfGuide !== undefined).length,
    },
  };
}
