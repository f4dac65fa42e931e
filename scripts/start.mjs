// `npm start`: runs the compiled bot (dist/index.js) in this process, building it first when a
// source is newer than the last build (or there is none, as in a fresh clone), so there is no
// separate step to remember. Plain JavaScript on purpose: the check costs a few milliseconds,
// where loading a TypeScript runner would cost half a second at every start. The build itself
// is TypeScript (scripts/build.ts) and runs through tsx, a runtime dependency like esbuild.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the build reads: a change to any of them makes the build stale. */
const SOURCES = ['src', 'scripts/build.ts', 'scripts/build-tab.ts', 'tsconfig.json'];
const STAMP = path.join(root, 'dist/.build-stamp');

function newest(p) {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -Infinity;
  }
}

if (Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > builtAt()) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('start-up failed: the build failed (npm run build shows why)');
    process.exit(build.status ?? 1);
  }
}

// `npm run worker` passes --worker: the jobs-only process (src/worker.ts).
await import(process.argv.includes('--worker') ? '../dist/worker.js' : '../dist/index.js');
