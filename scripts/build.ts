/**
 * `npm run build`: the server compiled to dist/ (what `npm start` runs, `node dist/index.js`) and
 * the tab page to dist/tab/ (scripts/build-tab.ts). `npm start` runs it when a source is newer
 * than dist/.build-stamp (scripts/start.mjs).
 *
 * Each TypeScript file of src/ becomes one JavaScript file at the same place under dist/ (esbuild,
 * no bundling): every path a module finds from its own location (`import.meta.url`: the guide,
 * the rates, the JSON it imports, ../../cards, ../../dist/tab) resolves in dist/ as in src/, and
 * the packages stay in node_modules, native ones (better-sqlite3, sharp, @napi-rs/canvas) and
 * those loading files of their own (tesseract.js, pdfjs-dist) included. The data files of src/
 * are copied beside the code. esbuild is a runtime dependency, so a production install
 * (`npm ci --omit=dev`) can build too.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildTab } from './build-tab.js';
import { runWhenMain } from './lib/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(root, 'src');
export const DIST = path.join(root, 'dist');
/** Written last: `npm start` rebuilds when a source is newer than this file. */
export const BUILD_STAMP = path.join(DIST, '.build-stamp');
/** The browser page, bundled on its own by build-tab.ts. */
const BROWSER_ONLY = new Set(['tab-page']);
/** The tab build's own files in dist/tab/, kept when stale server files are removed. */
const TAB_FILES = new Set(['tab/index.html', 'tab/tab.js', 'tab/tab.css']);

/** Files under `dir` (relative to it), the browser page left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (!prefix && BROWSER_ONLY.has(name)) return [];
    return statSync(path.join(dir, name)).isDirectory()
      ? filesUnder(path.join(dir, name), rel)
      : [rel];
  });
}

export interface ServerBuild {
  modules: number;
  dataFiles: number;
  removed: number;
  ms: number;
}

export async function buildServer(): Promise<ServerBuild> {
  const started = performance.now();
  const sources = filesUnder(SRC);
  const code = sources.filter((f) => f.endsWith('.ts'));
  const data = sources.filter((f) => !f.endsWith('.ts'));
  await build({
    entryPoints: code.map((f) => path.join(SRC, f)),
    outdir: DIST,
    outbase: SRC,
    bundle: false,
    platform: 'node',
    format: 'esm',
    // Node 20.10 is the first to read `import … with { type: 'json' }`, which stays as written.
    target: 'node20.10',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const f of data) {
    mkdirSync(path.dirname(path.join(DIST, f)), { recursive: true });
    copyFileSync(path.join(SRC, f), path.join(DIST, f));
  }
  // A module whose source is gone must not linger where an import could still find it.
  const expected = new Set([
    ...code.flatMap((f) => [f.replace(/\.ts$/, '.js'), f.replace(/\.ts$/, '.js.map')]),
    ...data,
    ...TAB_FILES,
  ]);
  let removed = 0;
  for (const f of filesUnder(DIST)) {
    if (expected.has(f) || f === path.basename(BUILD_STAMP)) continue;
    rmSync(path.join(DIST, f));
    removed++;
  }
  return { modules: code.length, dataFiles: data.length, removed, ms: performance.now() - started };
}

/** The server and the tab; the stamp last, so an interrupted build is redone at the next start. */
export async function buildAll(): Promise<void> {
  const server = await buildServer();
  const tab = await buildTab();
  writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
  console.log(
    `built dist/: ${server.modules} modules and ${server.dataFiles} data files in ${server.ms.toFixed(0)} ms` +
      `${server.removed ? `, ${server.removed} stale files removed` : ''}; ` +
      `the tab: ${tab.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} kB`).join(', ')}`,
  );
}

runWhenMain(import.meta.url, () => buildAll());
