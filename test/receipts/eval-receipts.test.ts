/**
 * eval:receipts' bookkeeping: the check part of a split set is the ids eval/splits.json names and
 * nothing else, and answers the receipt vouched for are counted apart, right or wrong.
 */
import { describe, expect, it } from 'vitest';
import { emptyReading } from '../../src/claims/receipt-reading.js';
import { emptyScore, partOf, scoreOne, type Label } from '../../scripts/eval-receipts.js';

const labels: Label[] = [
  { file: 'sroie_001.jpg', total: '1.00' },
  { file: 'sroie_002.jpg', total: '2.00' },
  { file: 'sroie_008.jpg', total: '8.00' },
];

describe('the parts of a split set', () => {
  it('keeps the check ids for --part check, the others for --part tune, all without --part', () => {
    expect(partOf('sroie-train', labels, 'check').map((l) => l.file)).toEqual([
      'sroie_001.jpg',
      'sroie_008.jpg',
    ]);
    expect(partOf('sroie-train', labels, 'tune').map((l) => l.file)).toEqual(['sroie_002.jpg']);
    expect(partOf('sroie-train', labels, undefined)).toHaveLength(3);
  });

  it('refuses a part of a set that has none, and an unknown part', () => {
    expect(() => partOf('nor-dev', labels, 'check')).toThrow(/no check part/);
    expect(() => partOf('sroie-train', labels, 'dev')).toThrow(/tune or check/);
  });
});

describe('confirmed answers', () => {
  it('counts a field the receipt vouched for, and whether it was right', () => {
    const score = emptyScore();
    const fields = { ...emptyReading('other'), totalMinor: 800, orgNo: '987654325' };
    scoreOne({ file: 'a.jpg', total: '8.00', org_no: '987654320' }, fields, score, {
      total: 'arithmetic',
      orgNo: 'checksum',
    });
    expect(score.confirmed.total).toBe(1);
    expect(score.confirmedHits.total).toBe(1);
    expect(score.confirmed.orgNo).toBe(1);
    expect(score.confirmedHits.orgNo).toBe(0);
    expect(score.hits.total).toBe(1);
    expect(score.confirmed.date).toBe(0);
  });
});
