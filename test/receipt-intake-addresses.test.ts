/**
 * Receipt links that point at the bot's own network. The DNS lookup and the connect step are
 * injected: a refused address is judged before any socket exists, and the only sockets these tests
 * open go to a local server standing in for a public file host, never to a private address.
 */
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ConversationEvent } from '../src/conversation/types.js';
import { createLogger } from '../src/logger.js';
import { classifyAddress } from '../src/receipts/address-rules.js';
import {
  downloadAttachment,
  IntakeError,
  type AttachmentToFetch,
  type DownloadOptions,
  type IntakeErrorCode,
} from '../src/receipts/intake.js';
import { INTAKE_MESSAGES } from '../src/receipts/intake-messages.js';
import type { Connect, ConnectTarget, ResolvedAddress } from '../src/receipts/pinned-request.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { ReceiptReading } from '../src/services/receipt-reading.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { openDatabase } from '../src/store/sqlite-database.js';

/** A documentation-free public address (example.com's), never actually connected to. */
const PUBLIC = '93.184.215.14';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108020000009077', 'hex'),
  Buffer.alloc(64),
]);

let server: Server;
let port: number;
const paths: string[] = [];
const connects: ConnectTarget[] = [];
const lookups: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    if (req.url === '/receipt.png') return res.writeHead(200).end(PNG);
    if (req.url === '/to-private') return redirect('https://192.168.0.10/receipt.png');
    if (req.url === '/to-internal-name') return redirect('https://metadata.internal/latest');
    if (req.url === '/to-mapped') return redirect('https://[::ffff:10.1.2.3]/x');
    if (req.url === '/to-public') return redirect('https://cdn.example.net/receipt.png');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  paths.length = 0;
  connects.length = 0;
  lookups.length = 0;
});

/** Resolves names from a table; a name not in it does not exist. */
function lookupFrom(table: Record<string, string[] | (() => string[])>) {
  return (hostname: string): Promise<ResolvedAddress[]> => {
    lookups.push(hostname);
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses)
      return Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
}

/**
 * Records where the bot would connect, and connects to the local server instead (plain TCP
 * standing in for TLS): the request, its redirects and the body are real.
 */
const connect: Connect = (target) => {
  connects.push(target);
  return netConnect({ host: '127.0.0.1', port });
};

function options(
  table: Record<string, string[] | (() => string[])>,
  overrides: Partial<DownloadOptions> = {},
): DownloadOptions {
  return {
    lookup: lookupFrom(table),
    connect,
    getBotToken: () => Promise.resolve('bot-token'),
    authEnabled: true,
    timeoutMs: 5_000,
    ...overrides,
  };
}

const file = (url: string): AttachmentToFetch => ({ kind: 'file', url });

async function refused(promise: Promise<unknown>, code: IntakeErrorCode = 'blockedAddress') {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IntakeError);
  expect((err as IntakeError).code, (err as IntakeError).message).toBe(code);
}

describe('which addresses a download may reach', () => {
  it.each([
    ['8.8.8.8', 'public'],
    [PUBLIC, 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'refused'],
    ['10.1.2.3', 'refused'],
    ['172.16.0.1', 'refused'],
    ['172.31.255.255', 'refused'],
    ['192.168.0.10', 'refused'],
    ['169.254.169.254', 'refused'],
    ['100.64.0.1', 'refused'],
    ['100.127.255.254', 'refused'],
    ['224.0.0.1', 'refused'],
    ['255.255.255.255', 'refused'],
    ['::', 'refused'],
    ['fe80::1', 'refused'],
    ['febf::1', 'refused'],
    ['fc00::1', 'refused'],
    ['fd12:3456::1', 'refused'],
    ['::ffff:10.1.2.3', 'refused'],
    ['::ffff:a01:203', 'refused'],
    ['::ffff:169.254.169.254', 'refused'],
    ['64:ff9b::a01:203', 'refused'],
    ['2002:c0a8:a::1', 'refused'],
    ['not an address', 'refused'],
  ])('%s is %s', (address, verdict) => {
    expect(classifyAddress(address)).toBe(verdict);
  });

  it('lets 172.32.x and 100.128.x through: just outside the private ranges', () => {
    expect(classifyAddress('172.32.0.1')).toBe('public');
    expect(classifyAddress('100.128.0.1')).toBe('public');
  });
});

describe('receipt links onto the bot network', () => {
  it.each([
    'https://10.1.2.3:8443/admin',
    'https://192.168.0.10/receipt.png',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00::5]/x',
    'https://[::ffff:10.1.2.3]/x',
    'https://0.0.0.0/x',
  ])('refuses %s without connecting', async (url) => {
    await refused(downloadAttachment(file(url), options({})));
    expect(connects).toEqual([]);
  });

  it('refuses a name that resolves to a private address, or to a private one among public ones', async () => {
    const table = {
      'files.example.com': ['192.168.0.10'],
      'mixed.example.com': [PUBLIC, '10.0.0.7'],
    };
    await refused(downloadAttachment(file('https://files.example.com/r'), options(table)));
    await refused(downloadAttachment(file('https://mixed.example.com/r'), options(table)));
    expect(connects).toEqual([]);
  });

  it('refuses a name that resolves to an IPv4-mapped private address', async () => {
    const table = { 'files.example.com': ['::ffff:c0a8:a'] };
    await refused(downloadAttachment(file('https://files.example.com/r'), options(table)));
    expect(connects).toEqual([]);
  });

  it('refuses loopback, http or https, while auth is on', async () => {
    const table = { localhost: ['127.0.0.1'] };
    await refused(
      downloadAttachment(file(`https://127.0.0.1:${port}/receipt.png`), options(table)),
    );
    await refused(
      downloadAttachment(file(`https://localhost:${port}/receipt.png`), options(table)),
    );
    await refused(
      downloadAttachment(file(`http://127.0.0.1:${port}/receipt.png`), options(table)),
      'insecureUrl',
    );
    expect(connects).toEqual([]);
  });

  it('lets loopback through while auth is off', async () => {
    const got = await downloadAttachment(
      file(`https://127.0.0.1:${port}/receipt.png`),
      options({}, { authEnabled: false }),
    );
    expect(got.mime).toBe('image/png');
    expect(connects.map((c) => c.address)).toEqual(['127.0.0.1']);
  });

  it('fetches from a public host, connecting to the address it checked', async () => {
    const got = await downloadAttachment(
      file('https://files.example.com/receipt.png'),
      options({ 'files.example.com': [PUBLIC] }),
    );
    expect(got.mime).toBe('image/png');
    expect(connects).toEqual([
      { address: PUBLIC, family: 4, port: 443, hostname: 'files.example.com', tls: true },
    ]);
  });

  it('pins the address: a name whose DNS answer changes after the check is not looked up again', async () => {
    let answers = 0;
    const rebinding = () => (answers++ === 0 ? [PUBLIC] : ['127.0.0.1']);
    await downloadAttachment(
      file('https://files.example.com/receipt.png'),
      options({ 'files.example.com': rebinding }),
    );
    expect(lookups).toEqual(['files.example.com']);
    expect(connects.map((c) => c.address)).toEqual([PUBLIC]);
  });

  it.each([
    ['/to-private', 'an IP literal'],
    ['/to-internal-name', 'a name that resolves to link-local'],
    ['/to-mapped', 'an IPv4-mapped private address'],
  ])('refuses a public link that redirects (https → https) to %s (%s)', async (path) => {
    const table = { 'files.example.com': [PUBLIC], 'metadata.internal': ['169.254.169.254'] };
    await refused(downloadAttachment(file(`https://files.example.com${path}`), options(table)));
    expect(paths).toEqual([path]);
    expect(connects.map((c) => c.address)).toEqual([PUBLIC]);
  });

  it('judges every hop: a redirect to another public host is followed', async () => {
    const table = { 'files.example.com': [PUBLIC], 'cdn.example.net': ['8.8.4.4'] };
    const got = await downloadAttachment(
      file('https://files.example.com/to-public'),
      options(table),
    );
    expect(got.mime).toBe('image/png');
    expect(lookups).toEqual(['files.example.com', 'cdn.example.net']);
    expect(connects.map((c) => c.address)).toEqual([PUBLIC, '8.8.4.4']);
  });

  it('gives up on a resolver that never answers when the download time is up', async () => {
    const hanging = {
      lookup: () => new Promise<ResolvedAddress[]>(() => undefined),
      timeoutMs: 100,
    };
    await refused(
      downloadAttachment(file('https://slow.example/r'), options({}, hanging)),
      'timeout',
    );
    expect(connects).toEqual([]);
  });

  it('reports a name that does not resolve as a failed download, not a refusal', async () => {
    await refused(downloadAttachment(file('https://nowhere.example/r'), options({})), 'network');
  });

  it('tells the user the same neutral message for every refused or failed download', () => {
    const failures: IntakeErrorCode[] = [
      'blockedAddress',
      'expired',
      'notAllowedHost',
      'insecureUrl',
      'network',
      'timeout',
      'tooManyRedirects',
      'httpError',
    ];
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const texts = new Set(failures.map((code) => INTAKE_MESSAGES[lang][code]));
      expect(texts.size, lang).toBe(1);
      expect([...texts][0]).not.toMatch(/\d+\.\d+|host|vert|adresse|address/i);
    }
  });
});

describe('a crafted link in a chat, through the application layer', () => {
  it('answers with the neutral message, stores nothing, connects nowhere and logs the cause', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
    const logger = createLogger('info', sink);
    const db = openDatabase(':memory:');
    const store = new SqliteReceiptStore(db, mkdtempSync(path.join(tmpdir(), 'rr-ssrf-')));
    const reading = new ReceiptReading({
      // No `fetch`: the transport production uses, with the lookup and connect step injected.
      receipts: new ReceiptPipeline({ store, extractor: createOfflineExtractor(), logger }),
      intake: { authEnabled: true, lookup: lookupFrom({}), connect },
      queue: new SqliteJobQueue(db),
      logger,
    });
    const events: ConversationEvent[] = [];
    await reading.read(
      'aad-kari',
      {
        files: [file('https://10.1.2.3:8443/admin')],
        batchId: 'b1',
        getBotToken: () => Promise.resolve('bot-token'),
      },
      (event) => Promise.resolve(void events.push(event)),
    );
    expect(events).toEqual([
      {
        type: 'receiptFailed',
        batch: { id: 'b1', index: 0 },
        messages: {
          nb: INTAKE_MESSAGES.nb.network,
          nn: INTAKE_MESSAGES.nn.network,
          en: INTAKE_MESSAGES.en.network,
        },
      },
    ]);
    expect(connects).toEqual([]);
    expect(await store.listInbox('aad-kari')).toEqual([]);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; code?: string });
    expect(logged.filter((l) => l.msg === 'receipt download failed')).toMatchObject([
      { code: 'blockedAddress' },
    ]);
  });
});
