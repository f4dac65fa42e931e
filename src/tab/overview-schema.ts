/**
 * The contract between the tab's data API and the page: one schema, checked on both sides. It is
 * written with `zod/mini` because the page bundles it: the mini build tree-shakes to a few kB,
 * where the full zod API would be the largest part of the page.
 */
import * as z from 'zod/mini';

export const TAB_STATUSES = [
  'draft',
  'queued',
  'submitted',
  'approved',
  'rejected',
  'paid',
] as const;
export type TabStatus = (typeof TAB_STATUSES)[number];

/** A draft's kind, which tells the chat which card to show again. */
export const DRAFT_KINDS = ['outlay', 'outlayClaim', 'mileage', 'travel'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

const minor = z.int();

export const tabLineSchema = z.object({
  type: z.enum(['outlay', 'mileage', 'perDiem']),
  date: z.string(),
  kind: z.optional(z.string()),
  /** Merchant, route ("Oslo – Drammen") or destination, as the user wrote it. */
  text: z.optional(z.string()),
  km: z.optional(z.number()),
  amountMinor: z.optional(minor),
  currency: z.optional(z.string()),
});
export type TabLine = z.infer<typeof tabLineSchema>;

export const tabMoneySchema = z.object({ currency: z.string(), amountMinor: minor });

export const timelineStepSchema = z.object({
  step: z.enum(['started', 'submitted', 'approved', 'rejected', 'paid']),
  /** ISO date-time; absent when the step happened but its time is not known. */
  at: z.optional(z.string()),
});

export const tabReceiptSchema = z.object({
  url: z.string(),
  mime: z.string(),
  name: z.optional(z.string()),
});

export const tabClaimSchema = z.object({
  /** The claim's id, or for a draft its kind (one draft per kind at a time). */
  id: z.string(),
  number: z.optional(z.string()),
  status: z.enum(TAB_STATUSES),
  description: z.string(),
  purpose: z.optional(z.string()),
  /** The year the claim belongs to (its first line's date, else when it was started). */
  year: z.optional(z.int()),
  timeline: z.array(timelineStepSchema),
  rejectionReason: z.optional(z.string()),
  lines: z.array(tabLineSchema),
  totals: z.array(tabMoneySchema),
  /** Allowances only (mileage, per diem), in NOK øre; outlays are repayments, not income. */
  taxSplit: z.optional(z.object({ taxFreeMinor: minor, taxableMinor: minor })),
  receipts: z.array(tabReceiptSchema),
  draftKind: z.optional(z.enum(DRAFT_KINDS)),
  /** Drafts and rejected claims can be taken up again in the chat. */
  canContinue: z.boolean(),
});
export type TabClaim = z.infer<typeof tabClaimSchema>;

export const inboxReceiptSchema = z.object({
  id: z.string(),
  url: z.string(),
  mime: z.string(),
  createdAt: z.string(),
  merchant: z.optional(z.string()),
  kind: z.optional(z.string()),
  date: z.optional(z.string()),
  amountMinor: z.optional(minor),
  currency: z.optional(z.string()),
});
export type InboxReceipt = z.infer<typeof inboxReceiptSchema>;

export const overviewSchema = z.object({
  /** True when auth is off and the page runs as the development identity. */
  development: z.boolean(),
  /** Deep link to the personal chat with the bot, when the bot's id is known. */
  chatLink: z.optional(z.string()),
  claims: z.array(tabClaimSchema),
  inbox: z.array(inboxReceiptSchema),
  /** Set when the claims API could not be reached: drafts and receipts still show. */
  claimsUnavailable: z.boolean(),
});
export type Overview = z.infer<typeof overviewSchema>;

export const continueRequestSchema = z.object({
  draftKind: z.optional(z.enum(DRAFT_KINDS)),
  claimId: z.optional(z.string()),
});
export const continueResponseSchema = z.object({
  /** False when the bot has no chat with the user yet to post into. */
  posted: z.boolean(),
  chatLink: z.optional(z.string()),
});
