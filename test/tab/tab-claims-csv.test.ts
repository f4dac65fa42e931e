import { describe, expect, it } from 'vitest';
import { claimsCsv } from '../../src/tab/claims-csv.js';
import type { TabClaim } from '../../src/tab/overview-schema.js';

const claim: TabClaim = {
  id: 'c1',
  number: 'RR-2026-000001',
  status: 'paid',
  description: '=HYPERLINK("http://evil")',
  purpose: 'Kurs, "Drammen"',
  year: 2026,
  timeline: [{ step: 'paid', at: '2026-03-01T10:00:00Z' }],
  lines: [
    {
      type: 'mileage',
      date: '2026-01-20',
      text: 'Oslo – Drammen',
      km: 42,
      amountMinor: 22_260,
      currency: 'NOK',
    },
  ],
  totals: [{ currency: 'NOK', amountMinor: 22_260 }],
  taxSplit: { taxFreeMinor: 14_700, taxableMinor: 7_560 },
  receipts: [],
  canContinue: false,
};

describe('the claims CSV', () => {
  it('opens in Excel as UTF-8 and never runs a cell as a formula', () => {
    const csv = claimsCsv([claim]);
    expect(csv.startsWith('\uFEFFnumber,status,')).toBe(true);
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain('"Kurs, ""Drammen"""');
    expect(row).toContain(',42,222.60,NOK,147.00,75.60,,2026-03-01T10:00:00Z');
  });
});
