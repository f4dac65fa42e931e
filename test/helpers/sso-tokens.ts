/**
 * A stand-in for Entra's token side in tests: RSA keys, a JWKS server on a free local port
 * (speaking the real format), and tokens signed like Teams SSO access tokens.
 */
import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export const TENANT = '9b1c4a2e-0000-4000-8000-00000000aaaa';
export const CLIENT_ID = '3f2a1b0c-0000-4000-8000-00000000bbbb';
export const DOMAIN = 'reise.example.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function makeKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' },
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function signToken(
  key: SigningKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const head = b64({ typ: 'JWT', alg: 'RS256', kid: key.kid, ...header });
  const body = b64(claims);
  const signer = createSign('RSA-SHA256');
  signer.update(`${head}.${body}`);
  return `${head}.${body}.${signer.sign(key.privateKey).toString('base64url')}`;
}

/** The claims of a good token for `oid`, valid for an hour from `nowSeconds`. */
export function goodClaims(oid: string, nowSeconds = Math.floor(Date.now() / 1000)) {
  return {
    aud: `api://${DOMAIN}/${CLIENT_ID}`,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    tid: TENANT,
    oid,
    scp: 'access_as_user',
    name: 'Kari Nordmann',
    iat: nowSeconds - 10,
    nbf: nowSeconds - 10,
    exp: nowSeconds + 3600,
  };
}

export interface JwksServer {
  url: string;
  /** How many times the key set was fetched. */
  fetches: () => number;
  publish(keys: SigningKey[]): void;
  close(): Promise<void>;
}

export async function startJwksServer(keys: SigningKey[]): Promise<JwksServer> {
  let published = keys;
  let count = 0;
  const server: Server = createServer((_req, res) => {
    count += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    fetches: () => count,
    publish: (next) => void (published = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
