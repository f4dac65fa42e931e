/**
 * Pinning the address does not weaken TLS: against a local https server with its own certificate,
 * a download verifies the certificate and checks it names the URL's host, not the address the
 * socket was pinned to.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadAttachment,
  IntakeError,
  type DownloadOptions,
  type IntakeErrorCode,
} from '../src/receipts/intake.js';
import { directConnectWith } from '../src/receipts/pinned-request.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const openssl = hasOpenssl();
const required = process.env.REQUIRE_SYSTEM_COMPONENTS === '1';

const dir = mkdtempSync(path.join(tmpdir(), 'rr-tls-'));
/** A self-signed certificate for `names` (subjectAltName), made with the openssl command. */
function certificate(name: string, names: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
    ].concat(['-subj', `/CN=${name}`, '-addext', `subjectAltName=${names}`]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

let server: Server | undefined;
let port = 0;
let cert: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  if (!openssl) return;
  const made = certificate('localhost', 'DNS:localhost');
  cert = made.cert;
  server = createServer({ key: made.key, cert: made.cert }, (_req, res) => res.end(PNG));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<DownloadOptions>): DownloadOptions {
  return {
    lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    getBotToken: () => Promise.resolve('unused'),
    authEnabled: false,
    timeoutMs: 5_000,
    ...overrides,
  };
}

async function failsWith(promise: Promise<unknown>, code: IntakeErrorCode) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IntakeError);
  expect((err as IntakeError).code).toBe(code);
}

describe.skipIf(!openssl && !required)('TLS on the pinned connection (needs openssl)', () => {
  it('downloads over https when the certificate is trusted and names the host', async () => {
    const got = await downloadAttachment(
      { kind: 'file', url: `https://localhost:${port}/receipt.png` },
      options({ connect: directConnectWith({ ca: cert }) }),
    );
    expect(got.mime).toBe('image/png');
  });

  it('refuses a certificate nobody vouches for', async () => {
    await failsWith(
      downloadAttachment(
        { kind: 'file', url: `https://localhost:${port}/receipt.png` },
        options({}),
      ),
      'network',
    );
  });

  it('refuses a trusted certificate for another name, though the pinned address is the same', async () => {
    const lookup = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    await failsWith(
      downloadAttachment(
        { kind: 'file', url: `https://receipts.example:${port}/receipt.png` },
        options({ lookup, connect: directConnectWith({ ca: cert }), authEnabled: false }),
      ),
      'network',
    );
  });
});
