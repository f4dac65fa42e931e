/**
 * The claim as the domain sees it: a header like the guide's start screen (5.1) plus lines.
 * Money is always integer minor units (øre for NOK) so sums never drift the way floating-point
 * kroner do.
 */
import { z } from 'zod';

export const EXPENSE_KINDS = [
  'parking',
  'ferry',
  'toll',
  'taxi',
  'meal',
  'hotel',
  'fuel',
  'transport',
  'other',
] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/** Currencies the forms offer; ISO 4217 codes. */
export const CURRENCIES = ['NOK', 'SEK', 'DKK', 'EUR', 'USD', 'GBP', 'CHF', 'PLN'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const outlayLineSchema = z.object({
  type: z.literal('outlay'),
  date: isoDate,
  kind: z.enum(EXPENSE_KINDS),
  /** Minor units of `currency` (øre for NOK). */
  amountMinor: z.number().int().positive(),
  currency: z.enum(CURRENCIES),
  merchant: z.string().max(200).optional(),
  comment: z.string().max(1000).optional(),
});
export type OutlayLine = z.infer<typeof outlayLineSchema>;

/** Payroll needs each allowance split into its tax-free and taxable part (Skatteetaten's limits). */
const taxSplitFields = {
  taxFreeMinor: z.number().int().nonnegative(),
  taxableMinor: z.number().int().nonnegative(),
};

/** Mileage allowance for the employee's own car (guide 5.3), computed from the state rates. */
export const mileageLineSchema = z.object({
  type: z.literal('mileage'),
  date: isoDate,
  from: z.string().trim().min(1).max(200),
  to: z.string().trim().min(1).max(200),
  km: z.number().positive().max(5000),
  passengers: z
    .array(
      z.object({ name: z.string().trim().min(1).max(60), km: z.number().positive().max(5000) }),
    )
    .max(8),
  forestRoadKm: z.number().nonnegative().max(5000).optional(),
  trailerKm: z.number().nonnegative().max(5000).optional(),
  amountMinor: z.number().int().positive(),
  currency: z.literal('NOK'),
  ...taxSplitFields,
});
export type MileageClaimLine = z.infer<typeof mileageLineSchema>;

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm');

/** Per diem (diett) and night supplement for a trip (guide 5.4), computed from the state rates. */
export const perDiemLineSchema = z.object({
  type: z.literal('perDiem'),
  /** The departure date: the rates of that date apply. */
  date: isoDate,
  departure: localDateTime,
  return: localDateTime,
  destination: z.string().trim().min(1).max(200),
  hotelNights: z.number().int().nonnegative().max(366),
  unreceiptedNights: z.number().int().nonnegative().max(366),
  amountMinor: z.number().int().nonnegative(),
  currency: z.literal('NOK'),
  ...taxSplitFields,
});
export type PerDiemClaimLine = z.infer<typeof perDiemLineSchema>;

export const claimLineSchema = z.discriminatedUnion('type', [
  outlayLineSchema,
  mileageLineSchema,
  perDiemLineSchema,
]);
export type ClaimLine = z.infer<typeof claimLineSchema>;

/** The "black frame" of the guide: filled from the employee's profile, rarely changed. */
export const dimensionsSchema = z.object({
  company: z.string().max(100).optional(),
  department: z.string().max(100).optional(),
  project: z.string().max(100).optional(),
});
export type Dimensions = z.infer<typeof dimensionsSchema>;

export const ATTACHMENT_MIMES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;

/**
 * A file on the claim: a receipt for a line, or documentation such as an invitation (guide 5.1).
 * The bytes are uploaded first (PUT /attachments/{sha256}); the claim refers to them by hash.
 */
export const attachmentRefSchema = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  mime: z.enum(ATTACHMENT_MIMES),
  name: z.string().max(200).optional(),
  role: z.enum(['receipt', 'documentation']),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const newClaimSchema = z.object({
  description: z.string().trim().min(1).max(200),
  purpose: z.string().trim().min(1).max(500),
  dimensions: dimensionsSchema.default({}),
  lines: z.array(claimLineSchema).min(1).max(200),
  attachments: z.array(attachmentRefSchema).max(50).default([]),
});
export type NewClaim = z.input<typeof newClaimSchema>;

export const moneySchema = z.object({
  currency: z.enum(CURRENCIES),
  amountMinor: z.number().int(),
});
export type Money = z.infer<typeof moneySchema>;

/** Who moved a claim and when: the employee filing or refiling it, or finance deciding on it. */
export const statusChangeSchema = z.object({
  at: z.string(),
  status: z.enum(CLAIM_STATUSES),
  /** `employee:<id>` for the employee's own moves, finance's name (or `finance`) for theirs. */
  actor: z.string().max(200),
  /** Finance's words on a rejection. */
  reason: z.string().max(1000).optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** What was paid out and on which day (the bank's value date, Oslo time). */
export const payoutSchema = z.object({
  date: isoDate,
  amountMinor: z.number().int().nonnegative(),
  currency: z.enum(CURRENCIES),
});
export type Payout = z.infer<typeof payoutSchema>;

export const claimSchema = z.object({
  id: z.string(),
  /** Human-friendly number the user can quote to finance, e.g. "RR-2026-000042". */
  number: z.string(),
  employeeId: z.string(),
  status: z.enum(CLAIM_STATUSES),
  description: z.string(),
  purpose: z.string(),
  dimensions: dimensionsSchema,
  lines: z.array(claimLineSchema),
  attachments: z.array(attachmentRefSchema).default([]),
  /** One total per currency used on the lines; conversion is the expense system's job. */
  totals: z.array(moneySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Why finance rejected the claim, when they said; only on a `rejected` claim. */
  rejectionReason: z.string().max(1000).optional(),
  /** When the claim was paid out (date-time); only on a `paid` claim, and only if the API knows. */
  paidAt: z.string().optional(),
  /**
   * Starts at 1 and grows by one with each resubmission; optional so implementations from before
   * resubmission (and claims stored before it) still meet the contract — read a missing one as 1.
   */
  version: z.number().int().positive().optional(),
  /** Every status the claim has had, oldest first; optional for the same reason. */
  history: z.array(statusChangeSchema).optional(),
  /** On a `paid` claim, when finance said what and when. */
  payout: payoutSchema.optional(),
});
export type Claim = z.infer<typeof claimSchema>;

/** Sums the lines per currency, in the order the currencies first appear. */
export function totalsOf(lines: readonly ClaimLine[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const line of lines)
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
