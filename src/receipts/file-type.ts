/**
 * The one place that tells a receipt's file type, from its first bytes (magic numbers): the MIME
 * type a chat client sends and the file name are only what the sender's device said.
 */
import type { ReceiptMime } from './receipt-fields.js';

/**
 * JPEG, PNG, WebP, HEIC/HEIF (one still image; camera phones write either brand) or PDF; undefined
 * for anything else.
 */
export function sniffReceiptType(bytes: Uint8Array): ReceiptMime | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && /^(?:heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(ascii(8, 12)))
    return 'image/heic';
  if (ascii(0, 1024).includes('%PDF-')) return 'application/pdf';
  return undefined;
}
