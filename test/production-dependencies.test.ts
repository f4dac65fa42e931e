/**
 * `npm ci --omit=dev` must give a bot that runs: every package the product code loads at run time
 * is a dependency, not a devDependency. Read from the source, so a new import is checked too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The package a specifier loads: `@scope/name/x` → `@scope/name`, `name/x` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Packages loaded at run time: static imports (not `import type`), import(), require.resolve(). */
function runtimePackages(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /^import\s+(?!type\s)[^'"]*?from\s+'([^'.][^']*)'/gm,
    /^import\s+'([^'.][^']*)'/gm,
    /\bimport\(\s*'([^'.][^']*)'\s*\)/g,
    /require\.resolve\(\s*[`']([^`'.$][^`'$]*)/g,
  ];
  for (const pattern of patterns)
    for (const match of code.matchAll(pattern)) found.add(packageOf(match[1] as string));
  // A name built at run time (`@tesseract.js-data/${code}`) is checked by name below.
  return [...found].filter((name) => /^(@[^/]+\/)?[^/@]+$/.test(name));
}

describe('a production install runs the bot', () => {
  const loaded = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, 'src')))
    for (const name of runtimePackages(readFileSync(file, 'utf8')))
      if (!name.startsWith('node:') && !builtinModules.includes(name))
        loaded.set(name, path.relative(ROOT, file));

  it('finds the packages the bot loads (sharp for images, tesseract.js for OCR, …)', () => {
    expect([...loaded.keys()]).toEqual(
      expect.arrayContaining(['sharp', 'tesseract.js', 'pdfjs-dist', 'botbuilder', 'restify']),
    );
  });

  it('lists every one of them under dependencies', () => {
    const missing = [...loaded].filter(([name]) => !(name in pkg.dependencies));
    expect(missing, 'loaded at run time but not a dependency').toEqual([]);
  });

  it('keeps the OCR language data and the runner the start script uses', () => {
    for (const name of ['@tesseract.js-data/eng', '@tesseract.js-data/nor', 'tsx'])
      expect(pkg.dependencies).toHaveProperty([name]);
  });
});
