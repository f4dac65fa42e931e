import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSURE, compileSerializer, type Mapper } from '../src/bot/activity-serializer.js';
import { withQuickActivities } from '../src/bot/kept-clients.js';

interface Spec {
  requestBody: { mapper: Mapper };
  serializer: {
    modelMappers: Record<string, Mapper>;
    serialize(mapper: Mapper, value: unknown, name: string): unknown;
  };
}

/** The operation specs botframework-connector sends activities with, caught on their way out. */
function specOf(send: (client: ConnectorClient) => Promise<unknown>): Spec {
  const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
    baseUri: 'http://127.0.0.1:9/',
  });
  let caught: Spec | undefined;
  (client as unknown as { sendOperationRequest: unknown }).sendOperationRequest = (
    _args: unknown,
    spec: Spec,
  ) => {
    caught = spec;
    return Promise.resolve({});
  };
  void send(client);
  if (!caught) throw new Error('no operation spec');
  return caught;
}

const reply = specOf((c) => c.conversations.replyToActivity('c', 'a', { type: 'message' }));
const sent = specOf((c) => c.conversations.sendToConversation('c', { type: 'message' }));
const update = specOf((c) => c.conversations.updateActivity('c', 'a', { type: 'message' }));

const base = {
  type: 'message',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  from: { id: '28:bot', name: 'Reiserekning' },
  conversation: { conversationType: 'personal', id: 'a:1x', tenantId: 'tenant' },
  recipient: { id: '29:user', name: 'Kari Nordmann', aadObjectId: '0000-aad' },
  locale: 'nb-NO',
  replyToId: '1700000000000',
};
const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Nytt utlegg', wrap: true }],
  actions: [{ type: 'Action.Execute', verb: 'outlay.edit', data: { draftId: 'd1' } }],
});

/** What the bot sends, and what a caller might hand the connector besides. */
const accepted: Array<[string, unknown]> = [
  [
    'markdown text',
    { ...MessageFactory.text('Hva var formålet?'), ...base, textFormat: 'markdown' },
  ],
  ['a card', { ...base, attachments: [card] }],
  ['typing', { ...base, type: 'typing' }],
  ['an update', { ...base, id: '1700000000001', attachments: [card] }],
  [
    'a mention entity with properties of its own',
    {
      ...base,
      text: '<at>Kari</at>',
      entities: [
        { type: 'mention', mentioned: { id: '29:user', name: 'Kari' }, text: '<at>Kari</at>' },
        { type: 'clientInfo', locale: 'nb-NO', country: 'NO', nested: { deep: [1, 2] } },
      ],
    },
  ],
  [
    'suggested actions, channel data and a value',
    {
      ...base,
      suggestedActions: {
        to: ['29:user'],
        actions: [{ type: 'imBack', title: 'Ja', value: 'ja' }],
      },
      channelData: { notification: { alert: true } },
      value: { action: 'outlay.file', n: 3 },
      importance: 'high',
      deliveryMode: 'notification',
    },
  ],
  [
    'dates as Date and as text',
    { ...base, timestamp: new Date(0), localTimestamp: '2026-12-05T10:00:00+01:00' },
  ],
  ['nulls and holes', { ...base, text: null, attachments: [card, undefined], speak: undefined }],
  [
    'properties the mapper does not know',
    { ...base, textFormat: 'plain', extra: 1, from: { id: 'x', role: 'bot', odd: true } },
  ],
  [
    'members and a reaction',
    {
      ...base,
      membersAdded: [{ id: '29:a' }],
      reactionsAdded: [{ type: 'like' }],
      attachmentLayout: 'carousel',
    },
  ],
];
const refused: Array<[string, unknown]> = [
  ['a number as text', { ...base, text: 5 }],
  ['a date that is none', { ...base, timestamp: 'in a while' }],
  ['an invalid Date', { ...base, timestamp: new Date(Number.NaN) }],
  ['attachments that are no list', { ...base, attachments: card }],
  ['a boolean as a string', { ...base, text: 'x', listenFor: 'yes' }],
  ['no activity at all', undefined],
];

describe('the compiled Activity serializer', () => {
  for (const [name, spec] of [
    ['replyToActivity', reply],
    ['sendToConversation', sent],
    ['updateActivity', update],
  ] as const) {
    const compiled = compileSerializer(spec.requestBody.mapper, spec.serializer.modelMappers);
    it(`compiles ${name}'s mapper`, () => expect(compiled).toBeTypeOf('function'));

    it.each(accepted)(`builds what the library builds for ${name}: %s`, (_case, activity) => {
      const theirs = spec.serializer.serialize(spec.requestBody.mapper, activity, 'activity');
      const ours = compiled?.(activity);
      expect(ours).not.toBe(UNSURE);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    });

    it.each(refused)(
      `leaves to the library what it refuses, for ${name}: %s`,
      (_case, activity) => {
        expect(() =>
          spec.serializer.serialize(spec.requestBody.mapper, activity, 'activity'),
        ).toThrow();
        expect(compiled?.(activity)).toBe(UNSURE);
      },
    );
  }
});

/** The plain path names no @azure/core-rest-pipeline in its user agent: it does not use it. */
const withoutPipeline = (agent: string | undefined) =>
  agent?.replace(/ core-rest-pipeline\/\S+/, '');

describe('a kept connector client with the compiled serializer', () => {
  const received: Array<{ url?: string; body: string; headers: http.IncomingHttpHeaders }> = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url, body, headers: req.headers });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '{"id":"r1"}' : '{"error":{"code":"Forbidden","message":"gone"}}');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const client = () => new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: url });

  it('sends the same request and answers the same as the library alone', async () => {
    const activities = accepted.map(([, a]) => a as Activity);
    const plain = client();
    const quick = withQuickActivities(client());
    for (const [one, other] of [
      [plain, quick],
      [quick, plain],
    ] as const) {
      received.length = 0;
      const answers = [];
      for (const activity of activities) {
        answers.push(await one.conversations.replyToActivity('a:1x', '17 00', activity));
        answers.push(await other.conversations.replyToActivity('a:1x', '17 00', activity));
        answers.push(await one.conversations.sendToConversation('a:1x', activity));
        answers.push(await other.conversations.sendToConversation('a:1x', activity));
      }
      for (let i = 0; i < received.length; i += 2) {
        const [a, b] = [received[i], received[i + 1]];
        expect(b?.url).toBe(a?.url);
        expect(b?.body).toBe(a?.body);
        expect(b?.headers['content-type']).toBe(a?.headers['content-type']);
        expect(withoutPipeline(b?.headers['user-agent'])).toBe(
          withoutPipeline(a?.headers['user-agent']),
        );
      }
      for (let i = 0; i < answers.length; i += 2)
        expect(JSON.stringify(answers[i + 1])).toBe(JSON.stringify(answers[i]));
    }
  });

  it('fails as the library fails: a refused activity, an error status', async () => {
    const plain = client();
    const quick = withQuickActivities(client());
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (err: { message?: string; statusCode?: number; code?: string }) =>
          JSON.stringify([err.message, err.statusCode, err.code]),
      );
    const bad = { ...base, text: 5 } as unknown as Activity;
    expect(await failure(quick.conversations.replyToActivity('c', 'a', bad))).toBe(
      await failure(plain.conversations.replyToActivity('c', 'a', bad)),
    );
    status = 403;
    try {
      const good = accepted[0]?.[1] as Activity;
      const theirs = await failure(plain.conversations.sendToConversation('c', good));
      expect(theirs).toContain('403');
      expect(await failure(quick.conversations.sendToConversation('c', good))).toBe(theirs);
    } finally {
      status = 200;
    }
  });
});
