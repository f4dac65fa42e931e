/** What the receipt readers take in and give back; the shapes they fill are domain types in claims/. */
import type { ReceiptFields } from '../claims/receipt-reading.js';

export {
  LOW_CONFIDENCE,
  RECEIPT_KINDS,
  receiptFieldsSchema,
  type ReceiptFields,
  type ReceiptKind,
  type ReceiptSummary,
} from '../claims/receipt-reading.js';

export type ReceiptMime =
  'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

export interface ReceiptExtractor {
  /** Reads one receipt; never throws for an unreadable image (it returns kind not_receipt or empty fields). */
  extract(
    bytes: Buffer,
    mime: ReceiptMime,
    opts?: { signal?: AbortSignal },
  ): Promise<ReceiptFields>;
  close(): Promise<void>;
}
