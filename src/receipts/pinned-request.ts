/**
 * One HTTP GET to an address that has been checked. The host name is resolved once, every address
 * it resolves to is judged (address-rules.ts), and the connection then goes to the address that
 * was judged: a DNS answer that changes between the check and the connection (DNS rebinding)
 * cannot move the request onto the bot's own network. TLS still verifies the certificate against
 * the host name in the URL, so pinning the address weakens nothing.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { checkServerIdentity, connect as tlsConnect } from 'node:tls';
import { mayConnect } from './address-rules.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to; the default asks the system resolver. */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export interface ConnectTarget {
  /** The vetted address the socket must go to. */
  address: string;
  family: number;
  port: number;
  /** The URL's host name, for TLS (SNI and the certificate check). */
  hostname: string;
  tls: boolean;
}

/** Opens the socket for one request; tests replace it to see where the bot would connect. */
export type Connect = (target: ConnectTarget) => Socket;

export const systemLookup: LookupAll = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/**
 * A direct TCP or TLS connection to the vetted address. `ca` replaces the trusted authorities
 * (tests with a local https server); verification itself is never turned off.
 */
export function directConnectWith(trust: { ca?: string | Buffer } = {}): Connect {
  return (target) => {
    if (!target.tls) return netConnect({ host: target.address, port: target.port });
    return tlsConnect({
      host: target.address,
      port: target.port,
      // SNI takes a name, never an IP literal.
      ...(isIP(target.hostname) ? {} : { servername: target.hostname }),
      ALPNProtocols: ['http/1.1'],
      // The certificate must name the URL's host, whatever address the socket went to.
      checkServerIdentity: (_host, cert) => checkServerIdentity(target.hostname, cert),
      ...(trust.ca ? { ca: trust.ca } : {}),
    });
  };
}

export const directConnect: Connect = directConnectWith();

/** Why a host was refused; the caller turns it into its own error. */
export class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

/** The URL's host without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * Resolves the URL's host and returns the address to connect to, or throws RefusedAddress when
 * any address it resolves to is not one the bot may reach (an attacker's name that resolves to
 * both a public and a private address is refused as a whole).
 */
export async function vetHost(
  url: URL,
  authEnabled: boolean,
  lookup: LookupAll,
): Promise<ResolvedAddress> {
  const host = bareHost(url);
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await lookup(host);
  if (addresses.length === 0) throw new RefusedAddress(`${host} resolves to nothing`);
  for (const a of addresses) {
    if (!mayConnect(a.address, authEnabled))
      throw new RefusedAddress(`${host} resolves to an address the bot may not reach`);
  }
  return addresses[0] as ResolvedAddress;
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** A GET over a socket to `pinned`, answered as a fetch `Response` (body streamed, not buffered). */
export function pinnedGet(
  url: URL,
  pinned: ResolvedAddress,
  init: { headers: Record<string, string>; signal: AbortSignal },
  connect: Connect,
): Promise<Response> {
  const tls = url.protocol === 'https:';
  const target: ConnectTarget = {
    address: pinned.address,
    family: pinned.family,
    port: Number(url.port) || (tls ? 443 : 80),
    hostname: bareHost(url),
    tls,
  };
  const request = tls ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: init.headers,
      signal: init.signal,
      // No agent: a pooled socket could have been opened to another address for the same name.
      createConnection: () => connect(target),
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const status = res.statusCode ?? 502;
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      if (NULL_BODY_STATUSES.has(status) || status < 200 || status > 599) {
        res.destroy();
        return resolve(
          new Response(null, { status: status < 200 || status > 599 ? 502 : status, headers }),
        );
      }
      resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers }));
    });
    req.end();
  });
}
