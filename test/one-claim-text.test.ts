import { describe, expect, it } from 'vitest';
import { asksForOneClaim, readReceiptText } from '../src/conversation/one-claim-text.js';

describe('reading the text sent with several receipt photos', () => {
  it.each([
    'ett krav',
    'Ett krav, takk',
    'samle i ett krav',
    'alt på ett krav',
    'alle på samme krav',
    'slå dem sammen',
    'kan du legge alt på én reiseregning?',
    'eitt krav',
    'samle i eitt krav',
    'alt på eitt krav',
    'same krav',
    'legg dei saman',
    'one claim',
    'One claim please',
    'put them together',
    'same claim',
    'combine them',
    'all on a single claim',
  ])('"%s" asks for one claim', (text) => {
    expect(asksForOneClaim(text)).toBe(true);
  });

  it.each([
    'Parkering ved kunden',
    'middag sammen med kunden',
    'Ferje og bom på turen til Molde',
    'Taxi from the airport',
    'ett krav per kvittering',
    'eitt krav for kvar',
    'one claim each',
    'one claim for each receipt',
    'hver for seg',
    'kvar for seg',
    'ikke samle dem',
    'ikkje slå dei saman',
    "don't put them together",
    'separate claims please',
    '',
  ])('"%s" does not', (text) => {
    expect(asksForOneClaim(text)).toBe(false);
  });

  it('keeps what else the text says as the comment, and drops the words that only asked', () => {
    expect(readReceiptText('Samle i ett krav: taxi og ferje til Bergen')).toEqual({
      oneClaim: true,
      comment: 'taxi og ferje til Bergen',
    });
    expect(readReceiptText('Tur til Molde, alt på eitt krav')).toEqual({
      oneClaim: true,
      comment: 'Tur til Molde',
    });
    expect(readReceiptText('Kan du legge alt på ett krav, takk?')).toEqual({ oneClaim: true });
    expect(readReceiptText('put them together please')).toEqual({ oneClaim: true });
  });

  it('leaves the whole text as the comment when it does not ask for one claim', () => {
    expect(readReceiptText('  Parkering ved   kunden ')).toEqual({
      oneClaim: false,
      comment: 'Parkering ved kunden',
    });
    expect(readReceiptText('')).toEqual({ oneClaim: false });
  });
});
