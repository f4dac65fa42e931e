/**
 * Run by `npm start` before the bot: builds the tab when any of its sources is newer than the
 * build (or there is no build, as in a fresh clone), so there is no separate step to remember.
 * Compares modification times only: cheap enough to run at every start.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildTab, TAB_OUT, TAB_SOURCES } from './build-tab.js';

function newest(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

function oldestOutput(): number {
  try {
    return Math.min(
      ...['index.html', 'tab.js', 'tab.css'].map((f) => statSync(path.join(TAB_OUT, f)).mtimeMs),
    );
  } catch {
    return -Infinity;
  }
}

const sources = Math.max(...TAB_SOURCES.map(newest));
if (sources > oldestOutput()) {
  const result = await buildTab();
  console.log(`built the tab (${result.files.map((f) => `${f.name} ${f.bytes} B`).join(', ')})`);
}
