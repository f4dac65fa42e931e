/**
 * With authentication on, the real bot process against a local OpenID configuration and JWKS
 * server, with tokens signed here (RS256): what a forged, unsigned or unverifiable token gets.
 */
import { randomUUID } from 'node:crypto';
import { makeKey, signToken, type SigningKey } from './helpers/sso-tokens.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../scripts/lib/bot-process.js';
import { tokenProblem } from '../src/bot/inbound.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const channel = makeKey('key-1');
// Signs with the same key id as the channel, but a key nobody published.
const stranger = makeKey('key-1');

/** A JWT as the Bot Framework channel signs it; `claims` and `header` override the defaults. */
function token(
  key: SigningKey = channel,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken(
    key,
    {
      iss: ISSUER,
      aud: APP_ID,
      serviceurl: SERVICE_URL,
      nbf: now - 60,
      exp: now + 3600,
      ...claims,
    },
    header,
  );
}

/** The local login.botframework.com: its answers can be switched to failures. */
let keyServer: Server;
let keyPort: number;
let keyRequests = 0;
let mode: 'config-fails' | 'keys-unreachable' | 'working' = 'config-fails';

beforeAll(async () => {
  keyServer = createServer((req, res) => {
    keyRequests++;
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/openid') {
      if (mode === 'config-fails') return json(500, { error: 'down' });
      // Port 9 (discard) on this machine: nothing listens, the connection is refused.
      const jwksUri =
        mode === 'keys-unreachable'
          ? 'http://127.0.0.1:9/keys'
          : `http://127.0.0.1:${keyPort}/keys`;
      return json(200, { issuer: ISSUER, jwks_uri: jwksUri });
    }
    if (req.url === '/keys')
      return json(200, { keys: [{ ...channel.jwk, endorsements: ['msteams'] }] });
    json(404, {});
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  keyPort = (keyServer.address() as AddressInfo).port;
});

let bot: BotProcess;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-auth-'));
beforeAll(async () => {
  bot = await startBotProcess({
    DATA_DIR: dataDir,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'secret-for-tests',
    BOT_OPENID_METADATA_URL: `http://127.0.0.1:${keyPort}/openid`,
  });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await new Promise<void>((resolve) => keyServer.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** A conversationUpdate that needs no reply, so a request that passes ends in 200. */
const activity = () => ({
  type: 'conversationUpdate',
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  conversation: { id: 'a:1' },
  from: { id: '29:user' },
  recipient: { id: `28:${APP_ID}` },
});

async function post(authorization?: string) {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify(activity()),
  });
  return {
    status: res.status,
    body: await res.text(),
    requestId: res.headers.get('x-request-id'),
  };
}

/** The bot's log lines that name `requestId`, once the line has arrived over the pipe. */
async function linesOf(requestId: string) {
  const find = () =>
    bot.logs
      .join('')
      .split('\n')
      .filter((l) => l.includes(requestId));
  for (let i = 0; i < 100 && find().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  return find();
}

async function refusedOnce(authorization: string | undefined, status: number) {
  const answer = await post(authorization);
  expect(answer.status).toBe(status);
  expect(JSON.parse(answer.body)).toEqual({
    error: status === 503 ? 'unavailable' : 'unauthorized',
  });
  expect(answer.requestId).toBeTruthy();
  const lines = await linesOf(answer.requestId ?? '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('/api/messages refused');
  // One JSON line: no stack trace, and nothing else the bot wrote.
  expect(() => JSON.parse(lines[0] ?? '') as unknown).not.toThrow();
  expect(lines[0]).not.toMatch(/\\n\s+at |"stack"/);
  expect(answer.body).not.toMatch(/botframework|ENOTFOUND|ECONNREFUSED|127\.0\.0\.1/i);
}

describe('inbound authentication (auth on)', () => {
  it('answers 503 with a neutral body when the OpenID configuration cannot be fetched', async () => {
    mode = 'config-fails';
    await refusedOnce(`Bearer ${token()}`, 503);
    expect(keyRequests).toBeGreaterThan(0);
  });

  it('answers 503 when the key set cannot be reached', async () => {
    mode = 'keys-unreachable';
    await refusedOnce(`Bearer ${token()}`, 503);
  });

  it('answers fuzzed activities and tokens with 401 or 503 only, while the keys are out of reach', async () => {
    mode = 'keys-unreachable';
    const before = keyRequests;
    const header = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 40 }),
      fc.constant(`Bearer ${b64({ alg: 'none' })}.${b64({ iss: ISSUER })}.`),
      fc.constant('signed'),
    );
    const body = fc.record({
      text: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
      locale: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)),
      value: fc.jsonValue({ maxDepth: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(header, body, async (h, extra) => {
        const authorization = h === 'signed' ? `Bearer ${token()}` : h;
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify({ ...activity(), type: 'message', ...extra }),
        });
        await res.text();
        expect(res.status).toBe(h === 'signed' ? 503 : 401);
      }),
      { numRuns: 100 },
    );
    expect(keyRequests).toBeGreaterThan(before);
  });

  it.each([
    ['no Authorization header', undefined],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a bearer that is no JWT', 'Bearer not-a-token'],
    ['a JWT with a header that is not JSON', 'Bearer bm90LWpzb24.eyJhIjoxfQ.c2ln'],
    [
      'an unsigned token (alg none)',
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.`,
    ],
    ['an HS256 token', `Bearer ${token(undefined, {}, { alg: 'HS256' })}`],
    [
      'an expired token',
      `Bearer ${token(undefined, { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    ],
  ])('refuses %s with 401 before any key is fetched', async (_what, authorization) => {
    mode = 'working';
    const before = keyRequests;
    await refusedOnce(authorization, 401);
    expect(keyRequests).toBe(before);
  });

  it('refuses a body that is no activity with 401 before looking at it, without a token', async () => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 42 }),
    });
    expect(res.status).toBe(401);
    await res.text();
  });

  it('lets a token the channel signed through, and refuses one signed by another key', async () => {
    mode = 'working';
    expect((await post(`Bearer ${token()}`)).status).toBe(200);
    const forged = await post(`Bearer ${token(stranger)}`);
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body)).toEqual({ error: 'unauthorized' });
    const wrongAudience = await post(`Bearer ${token(undefined, { aud: 'someone-else' })}`);
    expect(wrongAudience.status).toBe(401);
  });
});

describe('the log after all of the above', () => {
  it('holds no stack trace', () => {
    expect(bot.logs.join('')).not.toMatch(/\n\s+at /);
  });
});

describe('what a token shows on its face', () => {
  const now = Date.now();
  it('finds nothing wrong with a well-formed signed token', () => {
    expect(tokenProblem(`Bearer ${token()}`, now)).toBeUndefined();
  });

  it.each([
    ['no header', undefined, 'missing'],
    ['an array', ['Bearer a.b.c'], 'missing'],
    ['an empty header', '', 'missing'],
    ['two segments', 'Bearer a.b', 'malformed'],
    ['20 000 characters', `Bearer ${'a'.repeat(20_000)}.b.c`, 'malformed'],
    ['a numeric kid', `Bearer ${token(undefined, {}, { kid: 7 })}`, 'malformed'],
    ['an exp that is no number', `Bearer ${token(undefined, { exp: 'soon' })}`, 'malformed'],
    ['no signature', `Bearer ${token().replace(/\.[^.]+$/, '.')}`, 'unsigned'],
    [
      'an exp past the skew',
      `Bearer ${token(undefined, { exp: Math.floor(now / 1000) - 301 })}`,
      'expired',
    ],
  ])('%s is %s', (_what, header, problem) => {
    expect(tokenProblem(header, now)).toBe(problem);
  });

  it('allows the five minutes of clock skew botbuilder allows', () => {
    expect(
      tokenProblem(`Bearer ${token(undefined, { exp: Math.floor(now / 1000) - 200 })}`, now),
    ).toBeUndefined();
  });
});
