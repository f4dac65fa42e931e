/**
 * Measures the help answers on a JSONL file of questions (format of shared/eval/help-questions.jsonl):
 *
 *   npx tsx scripts/eval-help.ts FILE.jsonl [--offline]
 *
 * Every question goes the bot's way: the conversation engine routes the text, and a question goes
 * to HelpService.answer, the call the bot makes, with the line's `lang` as the user's language. With OPENAI_API_KEY set the model writes the answers unless --offline
 * is given. Prints the figures as a table and the failing items; always exits 0, because the
 * figures are for reading, and the test suite asserts the targets.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { HelpService, type HelpAnswer } from '../src/help/compose-answer.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { Lang } from '../src/i18n/translate.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { HELP_TEXTS } from '../src/help/help-texts.js';
import { createLlmAnswerer } from '../src/help/llm-answer.js';
import { quantile } from '../bench/measure.js';

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

export async function evaluate(service: HelpService, items: EvalItem[]): Promise<EvalReport> {
  const results: ItemResult[] = [];
  // One warm-up call, so the first item does not pay for JIT compilation in the latency figures.
  await service.answer('warm-up', 'en');
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

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatReport(report: EvalReport, mode: string): string {
  const rows: Array<[string, string, string, string]> = [
    ['cites an expected section', pct(report.citeShare), `${report.counts.cite} items`, '≥ 95 %'],
    [
      'contains the expected facts',
      pct(report.factShare),
      `${report.counts.facts} items`,
      '≥ 90 %',
    ],
    ['  (single facts found)', pct(report.factItemShare), '', ''],
    [
      'out-of-guide, no citation',
      pct(report.outOfGuideShare),
      `${report.counts.outOfGuide} items`,
      '100 %',
    ],
    ['latency p50', `${report.p50.toFixed(2)} ms`, '', ''],
    ['latency p99', `${report.p99.toFixed(2)} ms`, '', '< 20 ms'],
  ];
  const widths = [0, 1, 2, 3].map((c) =>
    Math.max(
      ...rows.map((r) => r[c]?.length ?? 0),
      ['metric', 'value', 'measured on', 'target'][c]?.length ?? 0,
    ),
  );
  const line = (cells: string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ');
  const out = [
    `help eval (${report.results.length} questions, ${mode})`,
    line(['metric', 'value', 'measured on', 'target']),
  ];
  out.push(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) out.push(line(row));

  const failures = report.results.filter(
    (r) => r.cites === false || r.factsOk === false || r.silentOutOfGuide === false,
  );
  if (failures.length > 0) {
    out.push('', `failing items (${failures.length}):`);
    for (const r of failures) {
      const cited = r.answer.found ? r.answer.sections.map((s) => s.id).join(', ') : 'nothing';
      const problems = [
        r.cites === false ? `cited ${cited}, expected ${r.item.sections.join(' or ')}` : '',
        r.factsOk === false ? `missing ${r.missingFacts.map((f) => `"${f}"`).join(', ')}` : '',
        r.silentOutOfGuide === false ? `out of guide but cited ${cited}` : '',
      ].filter(Boolean);
      out.push(`- ${r.item.id} [${r.item.lang}] ${r.item.q}`, `    ${problems.join('; ')}`);
      out.push(
        ...r.answer.text
          .split('\n')
          .filter(Boolean)
          .map((l) => `    > ${l}`),
      );
    }
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: tsx scripts/eval-help.ts FILE.jsonl [--offline]');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const guide = loadGuide({
    nb: config.GUIDE_NB_PATH,
    nn: config.GUIDE_NN_PATH,
    en: config.GUIDE_EN_PATH,
  });
  const useModel = Boolean(config.OPENAI_API_KEY) && !argv.includes('--offline');
  const llm = useModel
    ? createLlmAnswerer({
        apiKey: config.OPENAI_API_KEY as string,
        baseURL: config.OPENAI_BASE_URL,
        model: config.OPENAI_MODEL,
        timeoutMs: config.OPENAI_TIMEOUT_MS,
      })
    : undefined;
  const service = new HelpService(guide, { llm });
  const report = await evaluate(service, readEvalFile(file));
  console.log(formatReport(report, useModel ? `model ${config.OPENAI_MODEL}` : 'offline'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
