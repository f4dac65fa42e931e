/**
 * OCR workers cost tens of MiB each: they start with the first receipt, not with the pool, and
 * exit after an idle spell, so a bot that only chats does not carry them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrPool } from '../src/receipts/ocr-pool.js';
import { prepareForOcr } from '../src/receipts/image-prep.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pool = createOcrPool({ size: 1, idleMs: 300 });
afterAll(() => pool.close());

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return check();
}

describe('the OCR pool', () => {
  it('starts a worker for the first receipt, lets it go when idle, and starts one again', async () => {
    expect(pool.running()).toBe(0);
    const photo = readFileSync(path.join(ROOT, 'test/fixtures/receipts/parking-no.jpg'));
    const image = (await prepareForOcr(photo)).encoded;
    const first = await pool.recognize(image);
    expect(first.text.length).toBeGreaterThan(0);
    expect(await until(() => pool.running() === 0, 10_000)).toBe(true);
    const again = await pool.recognize(image);
    expect(again.text).toBe(first.text);
    expect(pool.running()).toBe(1);
  }, 120_000);
});
