/** The figures the benchmarks and eval scripts print rest on these helpers (no timing here). */
import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  distribution,
  formatTarget,
  positional,
  quantile,
} from '../scripts/lib/measure.js';

describe('quantile', () => {
  it('interpolates between the nearest ranks', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
  });

  it('is 0 for no values, the value for one, and clamps q', () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([1, 2], 1.5)).toBe(2);
    expect(quantile([1, 2], -1)).toBe(1);
  });
});

describe('distribution', () => {
  it('sorts a copy and gives the usual figures', () => {
    const values = [5, 1, 4, 2, 3];
    const d = distribution(values);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(d).toMatchObject({ n: 5, min: 1, max: 5, mean: 3, p50: 3 });
    expect(d.p99).toBeCloseTo(4.96);
  });

  it('is all zeros for no values', () => {
    expect(distribution([])).toEqual({
      n: 0,
      min: 0,
      mean: 0,
      p50: 0,
      p90: 0,
      p95: 0,
      p99: 0,
      max: 0,
    });
  });
});

describe('target lines', () => {
  it('says ok at or under the limit and over above it', () => {
    expect(formatTarget(checkTarget('median', 1.04, 1.5, 's'))).toBe('median 1.04 s ≤ 1.5 s  ok');
    expect(formatTarget(checkTarget('median', 1.5, 1.5, 's'))).toMatch(/ok$/);
    expect(formatTarget(checkTarget('peak RSS', 412.4, 400, 'MiB'), 0)).toBe(
      'peak RSS 412 MiB ≤ 400 MiB  over',
    );
  });
});

describe('positional', () => {
  it('leaves out options and their values', () => {
    expect(positional(['--rounds', '3', 'DIR', '--json'], ['rounds'])).toEqual(['DIR']);
    expect(positional(['--json'], ['rounds'])).toEqual([]);
  });
});
