/** The receipt reader without the bot: `npm run -s extract -- FILE...`, real OCR, real files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'rr-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extract(
  ...files: string[]
): Promise<{ code: number; lines: Array<Record<string, unknown>>; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/extract.ts', ...files],
      { cwd: ROOT, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code =
          err && typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 0;
        resolve({
          code,
          stderr,
          lines: stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, unknown>),
        });
      },
    );
  });
}

describe('extract CLI', () => {
  it('prints one JSON line per file with the fields and a confidence for each, and goes on past bad files', async () => {
    const blank = path.join(dir, 'blank.png');
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8fb3d9' } })
      .png()
      .toFile(blank);
    const corrupt = path.join(dir, 'corrupt.jpg');
    writeFileSync(
      corrupt,
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
    );
    const { code, lines, stderr } = await extract(
      'test/fixtures/receipts/parking-no.jpg',
      blank,
      corrupt,
      'README.md',
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      kind: 'parking',
      date: '2026-01-09',
      total: '185.00',
      currency: 'NOK',
      vat: '37.00',
      vatRate: 25,
      orgNo: '975312461',
    });
    expect(String(lines[0]?.merchant)).toMatch(/aimo park/i);
    expect(Object.keys(lines[0]?.confidence as object).sort()).toEqual([
      'currency',
      'date',
      'kind',
      'merchant',
      'orgNo',
      'total',
      'vat',
      'vatRate',
    ]);
    expect(typeof lines[0]?.ms).toBe('number');
    // A photo that is no receipt is said so, with no invented fields.
    expect(lines[1]).toMatchObject({ kind: 'not_receipt', total: null, date: null });
    expect(lines[2]?.error ?? lines[2]?.kind).toBeDefined();
    expect(lines[3]).toMatchObject({ code: 'unsupported_type' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('README.md');
  });
});
