/**
 * A receipt extractor loaded on the first receipt: OCR (tesseract.js), image work (sharp), pdf.js
 * and the vision model's client cost more to load than the rest of the bot, and a chat that never
 * sees a photo never needs them. `close` closes it only if it was ever loaded.
 */
import type { ReceiptExtractor } from './receipt-fields.js';

export function lazyExtractor(load: () => Promise<ReceiptExtractor>): ReceiptExtractor {
  let loaded: Promise<ReceiptExtractor> | undefined;
  const get = () => {
    // A failed load (a broken install) is retried on the next receipt instead of kept.
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
  return {
    extract: async (bytes, mime, opts) => (await get()).extract(bytes, mime, opts),
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}
