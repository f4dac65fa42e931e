import { parseReceipt } from '../../src/receipts/parser/index.js';
import { receiptFieldsSchema } from '../../src/receipts/receipt-fields.js';

/** The day the receipts in the parser specs are read on: dates after it are misreadings. */
export const today = '2026-11-25';

/** Parses a receipt typed by hand, checking that what comes out fits the shared contract. */
export const parse = (text: string) => {
  const fields = parseReceipt(text, { today });
  // Whatever the parser reads must fit the contract every extractor shares.
  receiptFieldsSchema.parse(fields);
  return fields;
};
