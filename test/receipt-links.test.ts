import { describe, expect, it } from 'vitest';
import { createReceiptLinks } from '../src/services/receipt-links.js';

const sha = 'a'.repeat(64);
let clock = 1_800_000_000_000;
const links = createReceiptLinks({
  secret: 's'.repeat(32),
  baseUrl: 'https://bot.example.com/',
  now: () => clock,
});
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('signed receipt links', () => {
  it('grant their own employee and file until they expire', () => {
    const url = links.url('emp-a', sha);
    expect(url.startsWith(`https://bot.example.com/receipts/${sha}?`)).toBe(true);
    expect(links.verify(queryOf(url), sha)).toEqual({ employeeId: 'emp-a', sha256: sha });
    clock += 2 * 60 * 60 * 1000;
    expect(links.verify(queryOf(url), sha)).toBeUndefined();
  });
  it('refuse another employee, another file, a changed expiry and a forged signature', () => {
    const q = queryOf(links.url('emp-a', sha));
    expect(links.verify({ ...q, e: 'emp-b' }, sha)).toBeUndefined();
    expect(links.verify(q, 'b'.repeat(64))).toBeUndefined();
    expect(links.verify({ ...q, exp: String(Number(q.exp) + 3600) }, sha)).toBeUndefined();
    expect(links.verify({ ...q, sig: 'x'.repeat(43) }, sha)).toBeUndefined();
    expect(links.verify({}, sha)).toBeUndefined();
    expect(
      createReceiptLinks({ secret: 't'.repeat(32), baseUrl: 'https://x' }).verify(q, sha),
    ).toBeUndefined();
  });
});
