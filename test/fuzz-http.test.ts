/**
 * Fuzzed activities and card payloads posted to the real bot process over HTTP (auth off, a local
 * Bot Connector receiving the replies): whatever arrives, the answer is 2xx or 4xx (501 for an
 * invoke the bot does not handle), every turn a user can see gets a reply, and afterwards the
 * user's state still reads and "mine krav" still answers.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageText } from '../src/bot/turn-facts.js';
import { useBotServer } from './helpers/bot-server.js';

const server = useBotServer('fuzz');
const USER = 'fuzz-user-aad';
const RUNS = 300;

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const ACTIONS = [
  'outlay.start',
  'outlay.submit',
  'outlay.edit',
  'outlay.file',
  'outlay.cancel',
  'claims.list',
  'help.show',
  'receipt.toClaim',
  'receipts.allToClaim',
  'receipts.merge',
  'mileage.start',
  'mileage.submit',
  'mileage.addPassenger',
  'mileage.removePassenger',
  'mileage.file',
  'travel.start',
  'travel.submit',
  'travel.addMileage',
  'claim.submit',
  'claim.saveLine',
  'claim.removeLine',
] as const;

/** What a card (or something pretending to be one) sends back. */
const cardPayload = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        action: fc.oneof(fc.constantFrom(...ACTIONS), fc.string({ maxLength: 20 }), junk),
        draftId: fc.oneof(fc.constantFrom('id-1', 'draft-1'), junk),
        currency: fc.oneof(fc.constantFrom('', 'XX', 'toString', 'NOK', 'EUR'), junk),
        amount: fc.oneof(fc.constantFrom('120', '12,50', '-5', '1e9'), junk),
        merchant: fc.oneof(fc.string({ maxLength: 300 }), junk),
        purpose: fc.oneof(
          fc.constantFrom('Kundemøte i Bergen'),
          fc.string({ maxLength: 600 }),
          junk,
        ),
        date: fc.oneof(fc.constantFrom('2026-11-20', '2026-02-31'), junk),
        kind: fc.oneof(fc.constantFrom('parking', 'rocket', 'toString'), junk),
        km: junk,
        from: junk,
        to: junk,
        receiptId: junk,
        lineId: junk,
        index: junk,
      },
      { requiredKeys: ['action'] },
    ),
  },
  { weight: 1, arbitrary: junk },
);

const TEXTS = ['ny utlegg', 'mine krav', 'hjelp', 'parkering 120 kr i går', 'ny reise', 'avbryt'];

/** One activity: the envelope Teams always sends, with fuzzed content. */
const activity = fc
  .record({
    kind: fc.constantFrom('text', 'submit', 'execute', 'otherInvoke', 'update', 'other'),
    text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 80 }), junk),
    payload: cardPayload,
    verb: fc.oneof(fc.constantFrom(...ACTIONS), junk),
    invokeName: fc.oneof(
      fc.constantFrom('composeExtension/query', 'task/fetch'),
      fc.string({ maxLength: 20 }),
    ),
    otherType: fc.oneof(
      fc.constantFrom('messageReaction', 'typing', 'event', 'installationUpdate'),
      fc.string({ minLength: 1, maxLength: 10 }),
    ),
    locale: maybe(fc.oneof(fc.constantFrom('nb-NO', 'nn-NO', 'en-US'), junk)),
    localTimezone: maybe(fc.oneof(fc.constantFrom('Europe/Oslo', 'Mars/Base'), junk)),
    name: maybe(junk),
    conversationType: maybe(fc.oneof(fc.constantFrom('personal', 'groupChat'), junk)),
    entities: maybe(fc.oneof(fc.constant([{ type: 'mention', text: '<at>Bot</at>' }]), junk)),
    attachments: maybe(junk),
    membersAdded: maybe(fc.oneof(fc.constant([{ id: '28:bot' }]), junk)),
  })
  .map((a) => {
    const conversationId = `fuzz-${randomUUID()}`;
    const base: Record<string, unknown> = {
      conversation: { id: conversationId, conversationType: a.conversationType },
      from: { id: '29:fuzz', aadObjectId: USER, name: a.name },
      locale: a.locale,
      localTimezone: a.localTimezone,
      entities: a.entities,
    };
    const body: Record<string, unknown> = (() => {
      switch (a.kind) {
        case 'text':
          return { ...base, type: 'message', text: a.text, attachments: a.attachments };
        case 'submit':
          return { ...base, type: 'message', value: a.payload };
        case 'execute':
          return {
            ...base,
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb: a.verb, data: a.payload } },
          };
        case 'otherInvoke':
          return { ...base, type: 'invoke', name: a.invokeName, value: a.payload };
        case 'update':
          return { ...base, type: 'conversationUpdate', membersAdded: a.membersAdded };
        default:
          return { ...base, type: a.otherType, text: a.text };
      }
    })();
    return { conversationId, kind: a.kind, body };
  });

/** A message the user typed or a card they clicked: these must never be met with silence. */
function userVisible(kind: string, body: Record<string, unknown>): boolean {
  if (kind === 'submit' || kind === 'execute') return true;
  if (kind !== 'text') return false;
  // As the bot reads it: fields of the wrong type are dropped at the door.
  const text = typeof body.text === 'string' ? body.text : undefined;
  const entities =
    Array.isArray(body.entities) && body.entities.every((e) => typeof e === 'object' && e)
      ? (body.entities as Array<Record<string, unknown>>)
      : undefined;
  return messageText({ ...body, text, entities } as Parameters<typeof messageText>[0]) !== '';
}

describe('fuzzed activities over HTTP', () => {
  it(`answers ${RUNS} fuzzed activities with 2xx/4xx and a reply to every user turn`, async () => {
    await fc.assert(
      fc.asyncProperty(activity, async ({ conversationId, kind, body }) => {
        const answer = await server.post(server.activity(body));
        const invokeNotHandled = kind === 'otherInvoke' && answer.status === 501;
        expect(
          (answer.status >= 200 && answer.status < 300) ||
            (answer.status >= 400 && answer.status < 500) ||
            invokeNotHandled,
          `HTTP ${answer.status} for ${JSON.stringify(body)}`,
        ).toBe(true);
        if (!userVisible(kind, body)) return;
        const replied =
          server.connector.repliesTo(conversationId).length > 0 ||
          (kind === 'execute' && answer.status === 200 && answer.body !== undefined);
        expect(replied, `no reply to ${JSON.stringify(body)}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // The user's state is still readable: a new form starts, and "mine krav" answers.
    const conversation = { id: `after-${randomUUID()}`, conversationType: 'personal' };
    const from = { id: '29:fuzz', aadObjectId: USER };
    const form = await server.post(
      server.activity({ conversation, from, locale: 'nb-NO', text: 'ny utlegg' }),
    );
    expect(form.status).toBe(200);
    expect(JSON.stringify(server.connector.cards(conversation.id))).toMatch(/outlay/);
    const mine = await server.post(
      server.activity({ conversation, from, locale: 'nb-NO', text: 'mine krav' }),
    );
    expect(mine.status).toBe(200);
    expect(server.connector.repliesTo(conversation.id).length).toBeGreaterThan(1);
    expect(server.bot.logs.join('')).not.toMatch(/unhandled error in turn/);
  }, 180_000);

  it('refuses a body that is no activity with 400', async () => {
    for (const body of [{ type: 'message' }, { text: 'hei' }, { type: 42, text: 'hei' }]) {
      const res = await fetch(`${server.bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    const bare = server.activity({ text: 'hei' });
    delete bare.serviceUrl;
    expect((await server.post(bare)).status).toBe(400);
  });

  it('answers a body over 1 MB with 413 and logs it once, without the payload', async () => {
    const before = server.bot.logs.length;
    const marker = 'PAYLOAD-MARKER-';
    const res = await fetch(`${server.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(server.activity({ text: marker.repeat(80_000) })),
    });
    expect(res.status).toBe(413);
    await res.text();
    for (let i = 0; i < 100 && !server.bot.logs.slice(before).join('').includes('too large'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const logged = server.bot.logs.slice(before).join('');
    expect(logged.match(/request body too large/g)).toHaveLength(1);
    expect(logged).not.toContain(marker);
  });
});
