/**
 * The CSV download: one row per claim line, so a spreadsheet can sum by kind, month or currency.
 * Amounts are decimal with a point (the file is for machines as much as people); a cell that a
 * spreadsheet would run as a formula gets a leading apostrophe (CSV injection).
 */
import type { TabClaim } from './overview-schema.js';

const HEADER = [
  'number',
  'status',
  'description',
  'purpose',
  'line_date',
  'line_type',
  'kind',
  'text',
  'km',
  'amount',
  'currency',
  'claim_tax_free_nok',
  'claim_taxable_nok',
  'rejection_reason',
  'paid_at',
];

export function claimsCsv(claims: readonly TabClaim[]): string {
  const rows = [HEADER];
  for (const c of claims) {
    const paid = c.timeline.find((s) => s.step === 'paid')?.at ?? '';
    const claimCells = (line: TabClaim['lines'][number] | undefined) => [
      c.number ?? '',
      c.status,
      c.description,
      c.purpose ?? '',
      line?.date ?? '',
      line?.type ?? '',
      line?.kind ?? '',
      line?.text ?? '',
      line?.km === undefined ? '' : String(line.km),
      line?.amountMinor === undefined ? '' : decimal(line.amountMinor),
      line?.currency ?? '',
      c.taxSplit ? decimal(c.taxSplit.taxFreeMinor) : '',
      c.taxSplit ? decimal(c.taxSplit.taxableMinor) : '',
      c.rejectionReason ?? '',
      paid,
    ];
    if (c.lines.length === 0) rows.push(claimCells(undefined));
    for (const line of c.lines) rows.push(claimCells(line));
  }
  // CRLF and a BOM: what Excel needs to open UTF-8 (æ, ø, å) without an import dialog.
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function cell(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
