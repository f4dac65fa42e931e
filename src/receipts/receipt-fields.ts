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

/**
 * A receipt that could not be read, for a reason the user can act on: the OCR engine failed
 * ("I could not read it"), or a HEIC photo this server cannot decode ("send it as JPEG").
 */
export class ReceiptReadError extends Error {
  override readonly name = 'ReceiptReadError';
  constructor(
    readonly code: 'ocr_failed' | 'heic_undecodable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ReceiptExtractor {
  /**
   * Reads one receipt. A photo that is no receipt, or an image too damaged to decode, gives kind
   * not_receipt; an OCR failure or an undecodable HEIC throws `ReceiptReadError`, so the user
   * hears what happened instead of "not a receipt".
   */
  extract(
    bytes: Buffer,
    mime: ReceiptMime,
    opts?: { signal?: AbortSignal },
  ): Promise<ReceiptFields>;
  close(): Promise<void>;
}
