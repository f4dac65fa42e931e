import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withQuickActivities } from '../src/bot/kept-clients.js';
import {
  basePrefixOf,
  operationOf,
  proxyConfigured,
  sendActivityOperation,
} from '../src/bot/plain-activity-requests.js';

/** A channel that answers from a script: each request takes the next answer (the last repeats). */
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Drop the connection instead of answering. */
  reset?: boolean;
  /** Never answer. */
  silent?: boolean;
}

const received: Array<{
  method?: string;
  url?: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}> = [];
let script: Scripted[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, body, headers: req.headers });
    const answer = script.length > 1 ? script.shift() : script[0];
    if (answer?.silent) return;
    if (!answer || answer.reset) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body ?? '');
  });
});
let baseUri = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/amer/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Credentials as a Bot Framework app's: they put a bearer token on the request they are given. */
const credentials = {
  signRequest(resource: { headers: { set(name: string, value: string): void } }) {
    resource.headers.set('Authorization', 'Bearer the-bots-token');
    return Promise.resolve(resource);
  },
};
const libraryClient = () =>
  new ConnectorClient(credentials as never, { baseUri, userAgent: 'Microsoft-BotFramework/3.1' });
const plainClient = () => withQuickActivities(libraryClient());

const reply: Partial<Activity> = { type: 'message', text: 'Hva var formålet?', locale: 'nb-NO' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** What a call ends in, comparable across the two paths. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    const answer = await call;
    const raw = (answer as { _response?: { status?: number } })._response;
    return JSON.stringify(['answer', answer, raw?.status]);
  } catch (err) {
    const e = err as {
      name?: string;
      message?: string;
      code?: string;
      statusCode?: number;
      details?: unknown;
      response?: { headers?: { get(name: string): string | undefined } };
    };
    return JSON.stringify([
      e.name,
      e.message,
      e.code,
      e.statusCode,
      e.details,
      e.response?.headers?.get('retry-after'),
    ]);
  }
}

/** Runs the same call through the library and the plain path under the same script. */
async function both(answers: Scripted[], call: (client: ConnectorClient) => Promise<unknown>) {
  const runs = [];
  for (const client of [libraryClient(), plainClient()]) {
    script = [...answers];
    received.length = 0;
    const result = await outcome(call(client));
    runs.push({ result, requests: received.map((r) => ({ ...r })) });
  }
  const [library, plain] = runs;
  if (!library || !plain) throw new Error('two runs');
  return { library, plain };
}

describe('activities sent as plain HTTP requests', () => {
  it('sends the request the library sends: URL, method, headers, token and body', async () => {
    for (const call of [
      (c: ConnectorClient) => c.conversations.replyToActivity('a:1x/é?', '17 00', reply),
      (c: ConnectorClient) => c.conversations.sendToConversation('a:1x', reply),
      (c: ConnectorClient) => c.conversations.updateActivity('a:1x', '1700', reply),
    ]) {
      const { library, plain } = await both(
        [{ status: 200, headers: JSON_TYPE, body: '{"id":"r1"}' }],
        call,
      );
      expect(plain.result).toBe(library.result);
      expect(plain.requests).toHaveLength(1);
      const [theirs, ours] = [library.requests[0], plain.requests[0]];
      expect(ours?.method).toBe(theirs?.method);
      expect(ours?.url).toBe(theirs?.url);
      expect(ours?.body).toBe(theirs?.body);
      for (const header of ['content-type', 'authorization', 'x-ms-conversation-id'])
        expect(ours?.headers[header]).toBe(theirs?.headers[header]);
      expect(ours?.headers.authorization).toBe('Bearer the-bots-token');
      expect(ours?.headers['user-agent']).toMatch(
        /^botframework-connector\/\S+ Microsoft-BotFramework/,
      );
      expect(ours?.headers['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it.each<[string, Scripted]>([
    ['an answer with an id', { status: 200, headers: JSON_TYPE, body: '{"id":"r1","x":2}' }],
    ['an empty 200', { status: 200 }],
    ['an empty 202', { status: 202, headers: JSON_TYPE }],
    [
      'a body that is not JSON by its type',
      { status: 201, headers: { 'content-type': 'text/plain' }, body: '{"id":"x"}' },
    ],
    ['JSON that does not parse', { status: 200, headers: JSON_TYPE, body: 'not json' }],
    [
      'a refusal with an error body',
      {
        status: 403,
        headers: JSON_TYPE,
        body: '{"error":{"code":"BotDisabled","message":"The bot is blocked"}}',
      },
    ],
    [
      'a refusal with a top-level message',
      { status: 400, headers: JSON_TYPE, body: '{"message":"bad"}' },
    ],
    ['an empty 404', { status: 404 }],
    [
      'a redirect, which a POST does not follow',
      { status: 302, headers: { location: '/elsewhere' } },
    ],
    ['a 204, which no activity operation answers with', { status: 204 }],
  ])('answers and fails as the library does: %s', async (_case, answer) => {
    const { library, plain } = await both([answer], (c) =>
      c.conversations.replyToActivity('a:1x', '1700', reply),
    );
    expect(plain.result).toBe(library.result);
    expect(plain.requests).toHaveLength(library.requests.length);
  });

  it('tries again when told to wait (429 with Retry-After), then fails with the status and header', async () => {
    const throttled: Scripted = { status: 429, headers: { 'retry-after': '0' } };
    const { library, plain } = await both([throttled], (c) =>
      c.conversations.sendToConversation('a:1x', reply),
    );
    expect(plain.result).toBe(library.result);
    expect(JSON.parse(plain.result)).toEqual(['RestError', '', null, 429, {}, '0']);
    expect(plain.requests).toHaveLength(4);
    expect(library.requests).toHaveLength(4);
  });

  it('delivers after a throttled answer and after a server error, once each', async () => {
    const ok: Scripted = { status: 200, headers: JSON_TYPE, body: '{"id":"r9"}' };
    const { library, plain } = await both(
      [{ status: 503, headers: { 'retry-after-ms': '5' } }, { status: 500 }, ok],
      (c) => c.conversations.sendToConversation('a:1x', reply),
    );
    expect(plain.result).toBe(library.result);
    expect(JSON.parse(plain.result)).toEqual(['answer', { id: 'r9' }, 200]);
    expect(plain.requests).toHaveLength(3);
  });

  it('sends again when the connection drops before an answer', async () => {
    const { library, plain } = await both(
      [
        { status: 0, reset: true },
        { status: 200, headers: JSON_TYPE, body: '{"id":"r2"}' },
      ],
      (c) => c.conversations.replyToActivity('a:1x', '1700', reply),
    );
    expect(plain.result).toBe(library.result);
    expect(plain.requests).toHaveLength(2);
  });

  it('does not try a 501 or a 400 again', async () => {
    for (const status of [501, 400]) {
      const { library, plain } = await both([{ status }], (c) =>
        c.conversations.sendToConversation('a:1x', reply),
      );
      expect(plain.result).toBe(library.result);
      expect(plain.requests).toHaveLength(1);
    }
  });

  it('gives up on a channel that never answers, without sending again', async () => {
    script = [{ status: 0, silent: true }];
    received.length = 0;
    const operation = operationOf({
      httpMethod: 'POST',
      path: 'v3/conversations/{conversationId}/activities',
      urlParameters: [{ parameterPath: 'conversationId' }],
      responses: { 200: {} },
    });
    if (!operation) throw new Error('a plain operation');
    const client = { baseUri, credentials, options: { userAgent: 'test' } };
    const failure = await outcome(
      sendActivityOperation(client, baseUri, operation, { conversationId: 'a:1x' }, reply, 200),
    );
    expect(JSON.parse(failure)).toEqual([
      'RestError',
      'no answer in time',
      'ANSWER_TIMEOUT',
      null,
      null,
      null,
    ]);
    expect(received).toHaveLength(1);
  });

  it('leaves a call with options to the library', async () => {
    script = [{ status: 200, headers: JSON_TYPE, body: '{"id":"r3"}' }];
    received.length = 0;
    const client = plainClient();
    const answer = await client.conversations.sendToConversation('a:1x', reply, {
      customHeaders: { 'x-extra': 'yes' },
    });
    expect(answer.id).toBe('r3');
    expect(received[0]?.headers['x-extra']).toBe('yes');
    expect(received[0]?.headers['accept-encoding']).toBe('gzip,deflate');
  });
});

describe('when the plain path applies', () => {
  it('not when a proxy is configured, in any case of the variable', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(proxyConfigured({ http_proxy: 'http://proxy:3128' })).toBe(true);
    expect(proxyConfigured({ HTTPS_PROXY: '' })).toBe(false);
  });

  it('for an http(s) service URL without query, with or without its slash', () => {
    expect(basePrefixOf('https://smba.trafficmanager.net/emea/')).toBe(
      'https://smba.trafficmanager.net/emea/',
    );
    expect(basePrefixOf('https://smba.trafficmanager.net/emea')).toBe(
      'https://smba.trafficmanager.net/emea/',
    );
    expect(basePrefixOf('https://example.com')).toBe('https://example.com/');
    expect(basePrefixOf('https://example.com/x?y=1')).toBeNull();
    expect(basePrefixOf('https://user:secret@example.com/')).toBeNull();
    expect(basePrefixOf('ftp://example.com/')).toBeNull();
    expect(basePrefixOf('not a url')).toBeNull();
    expect(basePrefixOf(undefined)).toBeNull();
  });
});
