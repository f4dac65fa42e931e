/**
 * Validates the Teams SSO token the tab sends (`authentication.getAuthToken()`): an Entra access
 * token for our own API. Only node:crypto: a JWT check is a few lines once the key is known, and a
 * JOSE library would be the biggest dependency of the server for one RS256 signature.
 *
 * What is checked, and why each matters: the signature against the tenant's published keys (JWKS,
 * cached; an unknown `kid` fetches them again, because Entra rolls keys without notice); the
 * algorithm (RS256 only, so `alg: none` or an HMAC made with the public key cannot pass); `aud`
 * (the token was issued for this app, not for another app of the tenant); the issuer (v1 or v2
 * form of our tenant, or any tenant when the app is multi-tenant); expiry and not-before; and the
 * `access_as_user` scope (a token for the app without the user's consent is not the user asking).
 */
import { createPublicKey, createVerify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export interface TabIdentity {
  /** The Entra object id: the same id the chat uses (activity.from.aadObjectId). */
  employeeId: string;
  tenantId: string;
  name?: string;
}

export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
}

export interface TokenValidatorOptions {
  /** The app registration's client id (TAB_SSO_CLIENT_ID, else MicrosoftAppId). */
  clientId: string;
  /** The public host of the app; `api://<domain>/<client id>` is an accepted audience. */
  domain?: string;
  /** The home tenant; undefined or multiTenant accepts tokens of any tenant. */
  tenantId?: string;
  multiTenant: boolean;
  /** Where the signing keys are published; defaults to Entra's common v2 key set. */
  jwksUrl?: string;
  /** Seconds of clock difference tolerated on exp and nbf. */
  clockSkewSeconds?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** The shortest time between two key fetches, so forged kids cannot make us hammer Entra. */
  minRefetchMs?: number;
}

const ENTRA_JWKS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const REQUIRED_SCOPE = 'access_as_user';

const headerSchema = z.object({
  alg: z.string(),
  kid: z.string().optional(),
  typ: z.string().optional(),
});
const claimsSchema = z.object({
  aud: z.string(),
  iss: z.string(),
  exp: z.number(),
  nbf: z.number().optional(),
  tid: z.string(),
  oid: z.string().min(1),
  scp: z.string().optional(),
  name: z.string().optional(),
});
const jwksSchema = z.object({
  keys: z.array(
    z.looseObject({ kid: z.string().optional(), kty: z.string(), use: z.string().optional() }),
  ),
});

export interface TokenValidator {
  validate(token: string): Promise<TabIdentity>;
}

export function createTokenValidator(opts: TokenValidatorOptions): TokenValidator {
  const now = opts.now ?? Date.now;
  const doFetch = opts.fetch ?? globalThis.fetch;
  const skew = opts.clockSkewSeconds ?? 300;
  const minRefetch = opts.minRefetchMs ?? 60_000;
  const audiences = new Set([opts.clientId]);
  if (opts.domain) audiences.add(`api://${opts.domain}/${opts.clientId}`);
  let keys = new Map<string, KeyObject>();
  let fetchedAt = -Infinity;

  async function refresh(): Promise<void> {
    const response = await doFetch(opts.jwksUrl ?? ENTRA_JWKS, {
      signal: AbortSignal.timeout(5_000),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const parsed = jwksSchema.parse(await response.json());
    const next = new Map<string, KeyObject>();
    for (const jwk of parsed.keys) {
      if (!jwk.kid || jwk.kty !== 'RSA' || (jwk.use && jwk.use !== 'sig')) continue;
      next.set(jwk.kid, createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
    }
    keys = next;
    fetchedAt = now();
  }

  async function keyFor(kid: string): Promise<KeyObject> {
    const known = keys.get(kid);
    if (known) return known;
    if (now() - fetchedAt >= minRefetch || keys.size === 0) await refresh();
    const fresh = keys.get(kid);
    if (!fresh) throw new TokenRejectedError('unknown signing key');
    return fresh;
  }

  function issuerAccepted(iss: string, tid: string): boolean {
    if (!opts.multiTenant && opts.tenantId && tid !== opts.tenantId) return false;
    return (
      iss === `https://login.microsoftonline.com/${tid}/v2.0` ||
      iss === `https://sts.windows.net/${tid}/`
    );
  }

  return {
    async validate(token) {
      const parts = token.split('.');
      if (parts.length !== 3) throw new TokenRejectedError('not a JWT');
      const [h, p, s] = parts as [string, string, string];
      const header = headerSchema.safeParse(decodeJson(h));
      if (!header.success) throw new TokenRejectedError('unreadable header');
      if (header.data.alg !== 'RS256') throw new TokenRejectedError(`algorithm ${header.data.alg}`);
      if (!header.data.kid) throw new TokenRejectedError('no key id');
      const key = await keyFor(header.data.kid);
      const verifier = createVerify('RSA-SHA256');
      verifier.update(`${h}.${p}`);
      if (!verifier.verify(key, Buffer.from(s, 'base64url')))
        throw new TokenRejectedError('bad signature');
      const claims = claimsSchema.safeParse(decodeJson(p));
      if (!claims.success) throw new TokenRejectedError('missing claims');
      const c = claims.data;
      const seconds = now() / 1000;
      if (c.exp + skew < seconds) throw new TokenRejectedError('expired');
      if (c.nbf !== undefined && c.nbf - skew > seconds)
        throw new TokenRejectedError('not yet valid');
      if (!audiences.has(c.aud)) throw new TokenRejectedError('wrong audience');
      if (!issuerAccepted(c.iss, c.tid)) throw new TokenRejectedError('wrong issuer');
      if (!(c.scp ?? '').split(' ').includes(REQUIRED_SCOPE))
        throw new TokenRejectedError(`no ${REQUIRED_SCOPE} scope`);
      return { employeeId: c.oid, tenantId: c.tid, ...(c.name ? { name: c.name } : {}) };
    },
  };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
