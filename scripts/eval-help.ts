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
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { createLlmAnswerer } from '../src/help/llm-answer.js';
import { evaluate, readEvalFile, type EvalReport } from './lib/help-eval.js';

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
