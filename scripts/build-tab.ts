/**
 * Builds the "Mine krav" tab into dist/tab/: the page's TypeScript bundled and minified with
 * esbuild, its stylesheet with the Fluent 2 tokens it uses for Teams' three themes, and the HTML.
 * Only the tokens the stylesheet names are emitted, so the themes cost a few kB of CSS and no
 * JavaScript. Prints the sizes (raw and gzipped). `npm run build` runs it; `npm start` runs it
 * when a source is newer than the build (scripts/start.mjs, through scripts/build.ts).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TAB_SOURCES = [
  path.join(root, 'src/tab-page'),
  path.join(root, 'src/tab/overview-schema.ts'),
  fileURLToPath(import.meta.url),
];
export const TAB_OUT = path.join(root, 'dist/tab');

const THEMES: Record<string, Record<string, string | number>> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** `:root[data-theme=…] { --token: value }` for each theme, only for the tokens `css` uses. */
export function themeCss(css: string): string {
  const used = [...new Set([...css.matchAll(/var\(--([A-Za-z0-9]+)\)/g)].map((m) => m[1] ?? ''))];
  const missing = used.filter((name) => !(name in teamsLightTheme));
  if (missing.length > 0) throw new Error(`not Fluent tokens: ${missing.join(', ')}`);
  return Object.entries(THEMES)
    .map(([name, theme]) => {
      const vars = used.map((token) => `--${token}:${String(theme[token])}`).join(';');
      return `:root[data-theme=${name}]{${vars}}`;
    })
    .join('\n');
}

/** A server (or a second build) reading the folder meanwhile sees the old file or the new, never half. */
function writeAtomically(name: string, contents: string | Uint8Array) {
  const target = path.join(TAB_OUT, name);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
}

export interface TabBuild {
  files: Array<{ name: string; bytes: number; gzipBytes: number }>;
}

export async function buildTab(): Promise<TabBuild> {
  mkdirSync(TAB_OUT, { recursive: true });
  const bundled = await build({
    write: false,
    entryPoints: [path.join(root, 'src/tab-page/main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    outfile: path.join(TAB_OUT, 'tab.js'),
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const css = readFileSync(path.join(root, 'src/tab-page/tab.css'), 'utf8');
  const minified = await transform(`${themeCss(css)}\n${css}`, { loader: 'css', minify: true });
  const js = bundled.outputFiles[0];
  if (!js) throw new Error('esbuild wrote no bundle');
  writeAtomically('tab.js', js.contents);
  writeAtomically('tab.css', minified.code);
  writeAtomically('index.html', readFileSync(path.join(root, 'src/tab-page/index.html')));
  const files = ['index.html', 'tab.js', 'tab.css'].map((name) => {
    const bytes = readFileSync(path.join(TAB_OUT, name));
    return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  return { files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildTab();
  for (const f of result.files)
    console.log(
      `dist/tab/${f.name}: ${(f.bytes / 1024).toFixed(1)} kB (${(f.gzipBytes / 1024).toFixed(1)} kB gzipped)`,
    );
}
