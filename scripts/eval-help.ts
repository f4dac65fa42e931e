/**
 * Measures the help answers on a JSONL file of questions (format of shared/eval/help-questions.jsonl):
 *
 *   npm run -s eval:help -- FILE.jsonl [--offline] [--part tune|check|all]
 *
 * Every question goes the bot's way: the conversation engine routes the text, and a question goes
 * to HelpService.answer, the call the bot makes, with the line's `lang` as the user's language.
 * With OPENAI_API_KEY set the model writes the answers unless --offline is given.
 *
 * A set named in eval/splits.json ("help-questions-2" for help-questions-2.jsonl) is reported in
 * parts: all, tune (the items methods are chosen on) and check (kept apart, measured only). The
 * failing items listed are the tune part's unless `--part` asks for another, so that reading
 * the output to improve the bot never shows a check item by accident. Always exits 0, because
 * the figures are for reading, and the test suite asserts the targets.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { createLlmAnswerer } from '../src/help/llm-answer.js';
import {
  PARTS,
  askEach,
  checkIdsOf,
  partOf,
  readEvalFile,
  summarise,
  type EvalReport,
  type ItemResult,
  type Part,
} from './lib/help-eval.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** One row per metric, one column per part: "100.0 % (37)". */
export function formatFigures(reports: Array<[Part, EvalReport]>): string[] {
  const cell = (share: number, n: number) => (n === 0 ? '–' : `${pct(share)} (${n})`);
  const rows: string[][] = [
    ['metric', ...reports.map(([part, r]) => `${part} (${r.results.length})`), 'target'],
    [
      'cites an expected section',
      ...reports.map(([, r]) => cell(r.citeShare, r.counts.cite)),
      '≥ 95 %',
    ],
    [
      'contains the expected facts',
      ...reports.map(([, r]) => cell(r.factShare, r.counts.facts)),
      '≥ 90 %',
    ],
    [
      '  (single facts found)',
      ...reports.map(([, r]) => cell(r.factItemShare, r.counts.facts)),
      '',
    ],
    [
      'out-of-guide, no citation',
      ...reports.map(([, r]) => cell(r.outOfGuideShare, r.counts.outOfGuide)),
      '100 %',
    ],
    ['latency p50', ...reports.map(([, r]) => `${r.p50.toFixed(2)} ms`), ''],
    ['latency p99', ...reports.map(([, r]) => `${r.p99.toFixed(2)} ms`), '< 20 ms'],
  ];
  const widths = (rows[0] as string[]).map((_, c) =>
    Math.max(...rows.map((r) => r[c]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ');
  const [head, ...body] = rows;
  return [line(head as string[]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
}

/** The failing items of one part, with what went wrong and the answer given. */
export function formatFailures(report: EvalReport, part: Part): string[] {
  const failures = report.results.filter(
    (r) => r.cites === false || r.factsOk === false || r.silentOutOfGuide === false,
  );
  if (failures.length === 0) return [];
  const out = ['', `failing items of the ${part} part (${failures.length}):`];
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
  return out;
}

/**
 * The figures of every part (all, tune, check; only "all" for a set without a split in
 * eval/splits.json), and the failing items of `listPart`: by default the tune part, so that
 * reading the output to improve the bot never shows a check item.
 */
export function formatReport(
  results: ItemResult[],
  checkIds: ReadonlySet<string> | undefined,
  mode: string,
  listPart: Part = 'tune',
): string {
  const parts: Part[] = checkIds ? [...PARTS] : ['all'];
  const reports = parts.map((part): [Part, EvalReport] => [
    part,
    summarise(
      partOf(
        results.map((r) => ({ ...r, id: r.item.id })),
        checkIds,
        part,
      ),
    ),
  ]);
  const listed = checkIds ? listPart : 'all';
  const split = checkIds ? `check part: ${checkIds.size} ids from eval/splits.json` : 'no split';
  return [
    `help eval (${results.length} questions, ${mode}; ${split})`,
    ...formatFigures(reports),
    ...formatFailures(
      summarise(
        partOf(
          results.map((r) => ({ ...r, id: r.item.id })),
          checkIds,
          listed,
        ),
      ),
      listed,
    ),
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const partAt = argv.indexOf('--part');
  const part = partAt >= 0 ? argv[partAt + 1] : 'tune';
  const file = argv.find((a, i) => !a.startsWith('--') && (partAt < 0 || i !== partAt + 1));
  if (!file || !PARTS.includes(part as Part)) {
    console.error(
      'usage: npm run -s eval:help -- FILE.jsonl [--offline] [--part tune|check|all]   (--part: whose failing items to list; default tune)',
    );
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
  const items = readEvalFile(file);
  // A split applies to the set it was drawn from: a file of the same name without its ids has none.
  const named = checkIdsOf(file);
  const checkIds = items.some((item) => named?.has(item.id)) ? named : undefined;
  const results = await askEach(service, items);
  const mode = useModel ? `model ${config.OPENAI_MODEL}` : 'offline';
  console.log(formatReport(results, checkIds, mode, part as Part));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
