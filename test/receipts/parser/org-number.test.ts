import { describe, expect, it } from 'vitest';
import { isValidOrgNo, parseReceiptDetailed } from '../../../src/receipts/parser/index.js';
import { parse, today } from '../../helpers/parse-receipt.js';

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
    expect(parse('Fjordparken AS\nForetaksregisteret NO 812 345 672 MVA\nTotalt 98,00').orgNo).toBe(
      '812345672',
    );
    expect(parse('Fjordparken AS\nOrg.nr 812 345 673\nTotalt 98,00').orgNo).toBeUndefined();
  });

  it('reads letters OCR put for digits (B for 8, S for 5) only when the check digit then agrees', () => {
    expect(parse('Fjordparken AS\nOrg.nr 9B7 654 32S MVA\nTotalt 98,00').orgNo).toBe('987654325');
    expect(parse('Fjordparken AS\nOrg.nr 9B7 654 326 MVA\nTotalt 98,00').orgNo).toBeUndefined();
  });

  it('says the check digit vouches for the number', () => {
    const details = parseReceiptDetailed('Fjordparken AS\nOrg.nr 987 654 325 MVA\nTotalt 98,00', {
      today,
    });
    expect(details.confirmed.orgNo).toBe('checksum');
  });
});
