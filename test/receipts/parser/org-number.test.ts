import { describe, expect, it } from 'vitest';
import { isValidOrgNo } from '../../../src/receipts/parser/index.js';
import { parse } from '../../helpers/parse-receipt.js';

describe('organisation numbers', () => {
  it('accepts a number with a correct modulus-11 check digit', () => {
    expect(isValidOrgNo('987654325')).toBe(true);
    expect(isValidOrgNo('998877660')).toBe(true);
  });

  it('rejects a misread digit and numbers of the wrong length', () => {
    expect(isValidOrgNo('987654326')).toBe(false);
    expect(isValidOrgNo('98765432')).toBe(false);
    expect(isValidOrgNo('9876543250')).toBe(false);
  });

  it('reads "Foretaksregisteret NO 812 345 672 MVA" and skips a number that fails the check', () => {
    expect(
      parse('Bergen Parkering AS\nForetaksregisteret NO 812 345 672 MVA\nTotalt 98,00').orgNo,
    ).toBe('812345672');
    expect(parse('Bergen Parkering AS\nOrg.nr 812 345 673\nTotalt 98,00').orgNo).toBeUndefined();
  });
});
