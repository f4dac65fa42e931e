/**
 * What the bot reads off a receipt photo, with a confidence per field so the card can say
 * "please check" where the reading is shaky. Every extractor (offline OCR, vision model) returns
 * this shape, and they can be merged field by field.
 */
import { z } from 'zod';
import { CURRENCIES, EXPENSE_KINDS } from './claim.js';

export const RECEIPT_KINDS = [...EXPENSE_KINDS, 'not_receipt'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** 0 = a guess, 1 = certain; below LOW_CONFIDENCE the card asks the user to check the field. */
export const LOW_CONFIDENCE = 0.6;

const confidence = z.number().min(0).max(1);

export const receiptFieldsSchema = z.object({
  kind: z.enum(RECEIPT_KINDS),
  merchant: z.string().max(200).optional(),
  /** Norwegian organisation number, 9 digits, when printed ("Org.nr 123 456 789 MVA"). */
  orgNo: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  /** YYYY-MM-DD */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The amount actually paid, in minor units of `currency`. */
  totalMinor: z.number().int().positive().optional(),
  currency: z.enum(CURRENCIES).optional(),
  vatMinor: z.number().int().nonnegative().optional(),
  /** Percent, e.g. 25, 15, 12. */
  vatRate: z.number().min(0).max(100).optional(),
  confidence: z.object({
    kind: confidence,
    merchant: confidence,
    orgNo: confidence,
    date: confidence,
    total: confidence,
    currency: confidence,
    vat: confidence,
    vatRate: confidence,
  }),
});
export type ReceiptFields = z.infer<typeof receiptFieldsSchema>;

/** A stored receipt as the conversation sees it: what was read off it, not its bytes. */
export interface ReceiptSummary {
  id: string;
  name?: string;
  createdAt?: string;
  fields: ReceiptFields;
}

/** Nothing read yet, every field a guess: where a reader starts and what it gives when it finds nothing. */
export function zeroConfidence(): ReceiptFields['confidence'] {
  return { kind: 0, merchant: 0, orgNo: 0, date: 0, total: 0, currency: 0, vat: 0, vatRate: 0 };
}

export function emptyReading(kind: ReceiptKind): ReceiptFields {
  return { kind, confidence: zeroConfidence() };
}
