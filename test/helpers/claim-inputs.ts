/** What the claims-rules tests share: the issues a refused input names, and a trip to vary. */
import type { PerDiemInput } from '../../src/claims/per-diem.js';
import { InvalidClaimInput, type ClaimInputIssue } from '../../src/claims/rates.js';

/** The issues `run` was refused with; fails when it was not refused as InvalidClaimInput. */
export function issuesOf(run: () => unknown): ClaimInputIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidClaimInput) return [...error.issues];
    throw error;
  }
  throw new Error('expected InvalidClaimInput');
}

/** An 8-hour day trip on 10 March 2025, over 15 km, nothing provided; `overrides` varies it. */
export const trip = (overrides: Partial<PerDiemInput>): PerDiemInput => ({
  departure: '2025-03-10T08:00',
  return: '2025-03-10T16:00',
  over15km: true,
  hotelNights: 0,
  unreceiptedNights: 0,
  mealsProvided: [],
  ...overrides,
});
