/**
 * Receipt intake against a local HTTP server that plays both the Teams file host (paperclip
 * downloadUrls) and the Bot Framework attachment service (pasted images): real sockets,
 * real redirects, a real 40 MB body.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKEN_HOSTS,
  INTAKE_ERROR_CODES,
  IntakeError,
  attachmentsToFetch,
  downloadAttachment,
  isAllowedTokenHost,
  type AttachmentToFetch,
  type DownloadOptions,
  type IntakeErrorCode,
} from '../src/receipts/intake.js';
import { INTAKE_MESSAGES, intakeMessage } from '../src/receipts/intake-messages.js';

const BOT_TOKEN = 'bot-token-for-tests';
const FORTY_MB = 40 * 1024 * 1024;

interface SeenRequest {
  path: string;
  host: string | undefined;
  headers: IncomingHttpHeaders;
}

let server: Server;
let port: number;
let png: Buffer;
let jpeg: Buffer;
let webp: Buffer;
const seen: SeenRequest[] = [];
let bigBody: { written: number; closedEarly: boolean; done: Promise<void> } | undefined;

/** The Teams file host and the Bot Framework attachment service in one server. */
function handle(path: string, res: ServerResponse): void {
  const send = (
    status: number,
    body: Buffer | string,
    type = 'application/octet-stream',
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': type, ...extra });
    res.end(body);
  };
  switch (path) {
    case '/v3/attachments/abc/views/original':
    case '/files/receipt.png':
      return send(200, png, 'image/png');
    case '/files/receipt.jpg':
      return send(200, jpeg, 'application/octet-stream');
    case '/files/receipt.webp':
      return send(200, webp, 'image/webp');
    case '/files/receipt.heic':
      return send(200, heicHeader(), 'application/octet-stream');
    case '/files/scan.pdf':
      return send(
        200,
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
        'application/pdf',
      );
    // A PNG that says it is a PDF, in both the name and the header.
    case '/files/png-named.pdf':
      return send(200, png, 'application/pdf', {
        'content-disposition': 'attachment; filename="kvittering.pdf"',
      });
    // What an expired or blocked link often answers with: a sign-in page.
    case '/files/login.html':
      return send(
        200,
        '<!doctype html><html><body><form>Sign in</form></body></html>',
        'text/html',
      );
    case '/files/expired':
      return send(403, 'expired');
    case '/files/unauthorised':
      return send(401, 'no');
    case '/files/broken':
      return send(500, 'oops');
    // A storage front door sending the client on to another host (localhost, same port).
    case '/redirect/other-host':
      return send(302, '', 'text/plain', {
        location: `http://localhost:${port}/files/receipt.png`,
      });
    case '/redirect/same-host':
      return send(307, '', 'text/plain', { location: '/v3/attachments/abc/views/original' });
    case '/redirect/loop':
      return send(302, '', 'text/plain', { location: '/redirect/loop' });
    case '/redirect/to-plain-http':
      return send(302, '', 'text/plain', { location: 'http://files.example.com/receipt.png' });
    case '/redirect/to-ftp':
      return send(302, '', 'text/plain', { location: 'ftp://127.0.0.1/receipt.png' });
    case '/files/huge-declared':
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(FORTY_MB) });
      res.write(png);
      return; // never finishes: the client must decide from the header
    case '/files/huge': {
      // Chunked, no Content-Length: only counting while reading can stop it.
      let resolveDone!: () => void;
      const state = {
        written: 0,
        closedEarly: false,
        done: new Promise<void>((r) => (resolveDone = r)),
      };
      bigBody = state;
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(64 * 1024, 0xff);
      chunk.set(jpeg.subarray(0, 4));
      res.on('close', () => {
        state.closedEarly = state.written < FORTY_MB;
        resolveDone();
      });
      const pump = (): void => {
        while (state.written < FORTY_MB && !res.destroyed) {
          state.written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      return pump();
    }
    case '/files/slow':
      return; // holds the request open without answering
    default:
      return send(404, 'not found');
  }
}

/** The first bytes of an iPhone photo: an ISO-BMFF `ftyp` box with the `heic` brand. */
function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(200)]);
}

beforeAll(async () => {
  const base = sharp({
    create: { width: 40, height: 60, channels: 3, background: { r: 250, g: 250, b: 245 } },
  });
  png = await base.clone().png().toBuffer();
  jpeg = await base.clone().jpeg().toBuffer();
  webp = await base.clone().webp().toBuffer();
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host, headers: req.headers });
    handle(req.url ?? '', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
  bigBody = undefined;
});

let tokenRequests = 0;

function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  // No `fetch`: the downloads go through the real pinned transport to the local server.
  return {
    getBotToken: () => {
      tokenRequests++;
      return Promise.resolve(BOT_TOKEN);
    },
    authEnabled: false,
    // The loopback address stands in for smba.trafficmanager.net; `localhost` is a stranger.
    allowedTokenHosts: ['127.0.0.1'],
    timeoutMs: 5_000,
    ...overrides,
  };
}

const local = (path: string, host = '127.0.0.1'): string => `http://${host}:${port}${path}`;
const inline = (path: string, host?: string): AttachmentToFetch => ({
  kind: 'inline',
  url: local(path, host),
  declaredType: 'image/png',
});
const file = (path: string, extra: Partial<AttachmentToFetch> = {}): AttachmentToFetch => ({
  kind: 'file',
  url: local(path),
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<IntakeError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(IntakeError);
    return err as IntakeError;
  }
  throw new Error('expected the download to fail');
}

async function failsWith(promise: Promise<unknown>, code: IntakeErrorCode): Promise<IntakeError> {
  const err = await failure(promise);
  expect(err.code, err.message).toBe(code);
  return err;
}

describe('finding receipts among the attachments Teams sends', () => {
  it('takes a pasted image and a paperclip file, and skips the HTML twin and cards', () => {
    const found = attachmentsToFetch([
      {
        contentType: 'image/png',
        contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-x/views/original',
      },
      {
        contentType: 'text/html',
        content: '<p><img src="https://eu-api.asm.skype.com/v1/objects/0-weu-d1-x/views/imgo"></p>',
      },
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'ferje.pdf',
        content: {
          downloadUrl:
            'https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1&tempauth=abc',
          uniqueId: '1',
          fileType: 'pdf',
        },
      },
      { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } },
      { contentType: 'application/vnd.microsoft.teams.card.file.consent', content: {} },
    ]);
    expect(found).toEqual([
      {
        kind: 'inline',
        url: 'https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-x/views/original',
        declaredType: 'image/png',
      },
      {
        kind: 'file',
        url: 'https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1&tempauth=abc',
        name: 'ferje.pdf',
        declaredType: 'pdf',
      },
    ]);
  });

  it('reads an image/* attachment whose URL sits in content.downloadUrl, and lists a repeated URL once', () => {
    const url = 'https://smba.trafficmanager.net/amer/x/v3/attachments/0-eus-d4-y/views/original';
    const found = attachmentsToFetch([
      { contentType: 'image/*', content: { downloadUrl: url, fileType: 'png' } },
      { contentType: 'image/png', contentUrl: url },
      { contentType: 'image/jpeg' },
      { contentType: 'application/vnd.microsoft.teams.file.download.info', content: {} },
    ]);
    expect(found).toEqual([{ kind: 'inline', url, declaredType: 'image/*' }]);
    expect(attachmentsToFetch(undefined)).toEqual([]);
  });
});

describe('where the bot token may go', () => {
  it('matches Bot Framework hosts exactly, never by suffix or prefix', () => {
    expect(isAllowedTokenHost('smba.trafficmanager.net')).toBe(true);
    expect(isAllowedTokenHost('SMBA.TrafficManager.net.')).toBe(true);
    expect(isAllowedTokenHost('smba.infra.gcc.teams.microsoft.com')).toBe(true);
    expect(isAllowedTokenHost('evil-smba.trafficmanager.net.example.com')).toBe(false);
    expect(isAllowedTokenHost('smba.trafficmanager.net.example.com')).toBe(false);
    expect(isAllowedTokenHost('evil.smba.trafficmanager.net')).toBe(false);
    expect(isAllowedTokenHost('attacker.trafficmanager.net')).toBe(false);
    expect(DEFAULT_TOKEN_HOSTS).not.toContain('127.0.0.1');
  });

  it('sends the token with a pasted image on an allow-listed host', async () => {
    const got = await downloadAttachment(inline('/v3/attachments/abc/views/original'), options());
    expect(got.mime).toBe('image/png');
    expect(got.bytes.equals(png)).toBe(true);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('does not send the token with a pasted image on a host off the list (auth off)', async () => {
    const before = tokenRequests;
    await downloadAttachment(inline('/v3/attachments/abc/views/original', 'localhost'), options());
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(tokenRequests).toBe(before);
  });

  it('refuses a pasted image on a look-alike host when auth is on, without asking for the token', async () => {
    const before = tokenRequests;
    await failsWith(
      downloadAttachment(
        {
          kind: 'inline',
          url: 'https://evil-smba.trafficmanager.net.example.com/v3/attachments/abc/views/original',
        },
        options({ authEnabled: true, allowedTokenHosts: DEFAULT_TOKEN_HOSTS }),
      ),
      'notAllowedHost',
    );
    expect(tokenRequests).toBe(before);
    expect(seen).toHaveLength(0);
  });

  it('sends no Authorization header to a paperclip downloadUrl, even on an allow-listed host', async () => {
    const got = await downloadAttachment(file('/files/receipt.png'), options());
    expect(got.mime).toBe('image/png');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('follows a redirect to another host without forwarding the token', async () => {
    const got = await downloadAttachment(inline('/redirect/other-host'), options());
    expect(got.bytes.equals(png)).toBe(true);
    expect(seen.map((r) => r.path)).toEqual(['/redirect/other-host', '/files/receipt.png']);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(seen[1]?.host).toBe(`localhost:${port}`);
    expect(seen[1]?.headers.authorization).toBeUndefined();
  });

  it('keeps the token on a redirect within the same host', async () => {
    await downloadAttachment(inline('/redirect/same-host'), options());
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });
});

describe('transport rules', () => {
  it('rejects plain http to a host that is not this machine', async () => {
    await failsWith(
      downloadAttachment({ kind: 'file', url: 'http://files.example.com/receipt.png' }, options()),
      'insecureUrl',
    );
  });

  it('rejects plain http even to this machine when auth is on', async () => {
    await failsWith(
      downloadAttachment(file('/files/receipt.png'), options({ authEnabled: true })),
      'insecureUrl',
    );
    expect(seen).toHaveLength(0);
  });

  it('does not follow a redirect to plain http elsewhere, or to another scheme', async () => {
    await failsWith(downloadAttachment(file('/redirect/to-plain-http'), options()), 'insecureUrl');
    await failsWith(downloadAttachment(file('/redirect/to-ftp'), options()), 'insecureUrl');
  });

  it('stops after three redirects', async () => {
    await failsWith(downloadAttachment(file('/redirect/loop'), options()), 'tooManyRedirects');
    expect(seen).toHaveLength(4);
  });

  it('rejects a URL that does not parse', async () => {
    await failsWith(
      downloadAttachment({ kind: 'file', url: 'not a url' }, options()),
      'insecureUrl',
    );
  });
});

describe('what comes back', () => {
  it('reports an expired paperclip link (403 or 401) so the bot can ask for the file again', async () => {
    const err = await failsWith(downloadAttachment(file('/files/expired'), options()), 'expired');
    expect(err.status).toBe(403);
    await failsWith(downloadAttachment(file('/files/unauthorised'), options()), 'expired');
  });

  it('reports other HTTP failures with their status', async () => {
    const err = await failsWith(downloadAttachment(file('/files/broken'), options()), 'httpError');
    expect(err.status).toBe(500);
    await failsWith(downloadAttachment(file('/files/missing'), options()), 'httpError');
  });

  it('aborts a 40 MB file while it streams, and the server sees the connection close early', async () => {
    await failsWith(downloadAttachment(file('/files/huge'), options()), 'tooLarge');
    const state = bigBody;
    expect(state).toBeDefined();
    await state?.done;
    expect(state?.closedEarly).toBe(true);
    expect(state?.written).toBeLessThan(FORTY_MB);
  });

  it('refuses a body whose Content-Length is already over the cap, without reading it', async () => {
    await failsWith(downloadAttachment(file('/files/huge-declared'), options()), 'tooLarge');
  });

  it('honours a smaller cap', async () => {
    await failsWith(
      downloadAttachment(file('/files/receipt.png'), options({ maxBytes: 64 })),
      'tooLarge',
    );
  });

  it('accepts a PNG named .pdf and declared application/pdf as the PNG it is', async () => {
    const got = await downloadAttachment(
      file('/files/png-named.pdf', { name: 'kvittering.pdf', declaredType: 'pdf' }),
      options(),
    );
    expect(got.mime).toBe('image/png');
    expect(got.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an HTML page, whatever it was declared as', async () => {
    await failsWith(
      downloadAttachment(
        file('/files/login.html', { name: 'receipt.jpg', declaredType: 'jpg' }),
        options(),
      ),
      'unsupportedType',
    );
  });

  it('recognises JPEG, WebP, HEIC and PDF by their bytes', async () => {
    expect(
      (await downloadAttachment(file('/files/receipt.jpg', { declaredType: 'png' }), options()))
        .mime,
    ).toBe('image/jpeg');
    expect((await downloadAttachment(file('/files/receipt.webp'), options())).mime).toBe(
      'image/webp',
    );
    expect((await downloadAttachment(file('/files/receipt.heic'), options())).mime).toBe(
      'image/heic',
    );
    expect((await downloadAttachment(file('/files/scan.pdf'), options())).mime).toBe(
      'application/pdf',
    );
  });

  it('times out on a host that never answers', async () => {
    await failsWith(
      downloadAttachment(file('/files/slow'), options({ timeoutMs: 200 })),
      'timeout',
    );
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await failsWith(
      downloadAttachment({ kind: 'file', url: `http://127.0.0.1:${deadPort}/x` }, options()),
      'network',
    );
  });

  it('decodes a pasted image sent as a base64 data URL without any request', async () => {
    const got = await downloadAttachment(
      { kind: 'inline', url: `data:image/png;base64,${png.toString('base64')}` },
      options(),
    );
    expect(got.mime).toBe('image/png');
    expect(got.bytes.equals(png)).toBe(true);
    expect(seen).toHaveLength(0);
  });
});

describe('what the user is told', () => {
  it('has a message for every intake error in bokmål, nynorsk and English', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      for (const code of INTAKE_ERROR_CODES) {
        expect(INTAKE_MESSAGES[lang][code].length, `${lang}.${code}`).toBeGreaterThan(10);
      }
    }
    expect(intakeMessage('nn', 'tooLarge')).toContain('15 MB');
    expect(intakeMessage('en', 'tooLarge', { maxBytes: 5 * 1024 * 1024 })).toContain('5 MB');
    expect(intakeMessage('nb', 'expired')).toMatch(/på nytt/);
  });
});
