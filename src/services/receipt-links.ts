/**
 * Short-lived links to a claim's receipts. Teams opens a card's link in a browser, which carries
 * no bot token, so the link itself is the proof: an HMAC over who may see which file until when.
 * A link works for its employee's own file only, and expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReceiptLinks {
  url(employeeId: string, sha256: string): string;
  /** The employee and file a link grants, or undefined for a forged, altered or expired one. */
  verify(
    query: Record<string, unknown>,
    sha256: string,
  ): { employeeId: string; sha256: string } | undefined;
}

export function createReceiptLinks(opts: {
  secret: string;
  baseUrl: string;
  ttlMs?: number;
  now?: () => number;
}): ReceiptLinks {
  const ttl = opts.ttlMs ?? 60 * 60 * 1000;
  const now = opts.now ?? Date.now;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const mac = (employeeId: string, sha256: string, exp: number) =>
    createHmac('sha256', opts.secret)
      .update(`${employeeId}\n${sha256}\n${exp}`)
      .digest('base64url');
  return {
    url(employeeId, sha256) {
      const exp = Math.floor((now() + ttl) / 1000);
      const q = new URLSearchParams({
        e: employeeId,
        exp: String(exp),
        sig: mac(employeeId, sha256, exp),
      });
      return `${base}/receipts/${sha256}?${q.toString()}`;
    },
    verify(query, sha256) {
      const { e, exp, sig } = query;
      if (
        typeof e !== 'string' ||
        typeof exp !== 'string' ||
        typeof sig !== 'string' ||
        !/^\d+$/.test(exp)
      )
        return undefined;
      if (!/^[a-f0-9]{64}$/.test(sha256) || Number(exp) * 1000 < now()) return undefined;
      const expected = Buffer.from(mac(e, sha256, Number(exp)));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      return { employeeId: e, sha256 };
    },
  };
}
