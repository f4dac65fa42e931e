/**
 * The bot through botbuilder's TestAdapter: activities in, activities out, with real SQLite
 * state and the real claims API on a local port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpenseBot } from '../src/bot/expense-bot.js';
import type { SqliteTx } from '../src/store/sqlite-database.js';
import { startClaimsApi, type RunningClaimsApi } from './helpers/claims-api-server.js';
import { actionExecute, makeTestBot, personalChat, recordingAdapter } from './helpers/test-bot.js';

let api: RunningClaimsApi;
beforeAll(async () => {
  api = await startClaimsApi();
});
afterAll(async () => {
  await api.close();
});

// No test here sends a photo, so the OCR workers never start (receipts are covered over HTTP in
// end-to-end-receipts.test.ts, where the real adapter continues turns).
const makeBot = (claimsUrl = api.url) =>
  makeTestBot({ claims: { baseUrl: claimsUrl, token: api.token, timeoutMs: 2000 } }).bot;

/** A user in a personal chat; collects everything the bot sends, including invoke responses. */
function chat(bot: ExpenseBot<SqliteTx>, locale = 'nb-NO', aad = 'aad-kari') {
  const { adapter, sent } = recordingAdapter((context) => bot.run(context));
  const base = personalChat(locale, aad);
  return {
    sent,
    say: (text: string) => adapter.processActivity(base({ type: 'message', text })),
    submit: (value: Record<string, unknown>, replyToId?: string) =>
      adapter.processActivity(base({ type: 'message', value, replyToId })),
    execute: async (data: Record<string, unknown>) => {
      const before = sent.length;
      await adapter.processActivity(base(actionExecute(data)));
      const response = sent.slice(before).find((a) => a.type === 'invokeResponse');
      return (
        response?.value as {
          status: number;
          body: { type: string; value: Record<string, unknown> };
        }
      ).body;
    },
    install: () =>
      adapter.processActivity(
        base({
          type: 'conversationUpdate',
          membersAdded: [{ id: 'bot', name: 'Bot' }],
          recipient: { id: 'bot', name: 'Bot' },
        }),
      ),
    texts: () => sent.filter((a) => a.type === 'message' && a.text).map((a) => a.text as string),
    cards: () =>
      sent.flatMap((a) =>
        a.type === 'message'
          ? (a.attachments ?? []).map((x) => x.content as Record<string, unknown>)
          : [],
      ),
    lastDraftId(): string {
      const json = JSON.stringify(this.cards());
      const ids = [...json.matchAll(/"draftId":"([^"]+)"/g)].map((m) => m[1] as string);
      return ids[ids.length - 1] as string;
    },
  };
}

const form = {
  date: '2026-11-23',
  amount: '120',
  currency: 'NOK',
  kind: 'parking',
  merchant: 'EasyPark',
  purpose: 'Kundemøte',
  comment: '',
};

describe('bot through the TestAdapter', () => {
  it('sends the welcome card when installed', async () => {
    const c = chat(makeBot());
    await c.install();
    expect(JSON.stringify(c.cards()[0])).toContain('Hei, Kari!');
  });

  it('files a parking outlay in nynorsk with Action.Execute and answers the invoke with the updated card', async () => {
    const c = chat(makeBot(), 'nn-NO', 'aad-nn');
    await c.say('nytt utlegg');
    const draftId = c.lastDraftId();
    const summary = await c.execute({ action: 'outlay.submit', draftId, ...form });
    expect(summary.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(summary.value)).toContain('Sjekk utlegget');
    const filed = await c.execute({ action: 'outlay.file', draftId });
    expect(JSON.stringify(filed.value)).toMatch(/Sendt inn som RR-2026-\d{6}/);
    expect(c.texts().pop()).toMatch(
      /^Ferdig! Utlegget er sendt inn som \*\*RR-2026-\d{6}\*\* \(120,00\s?kr\)/,
    );
    const stored = api.repo.listForEmployee('aad-nn');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: 'submitted',
      purpose: 'Kundemøte',
      totals: [{ currency: 'NOK', amountMinor: 12000 }],
    });
  });

  it('files in English with Action.Submit and updates the clicked card in place', async () => {
    const c = chat(makeBot(), 'en-US', 'aad-en');
    await c.say('new expense');
    const draftId = c.lastDraftId();
    await c.submit({ action: 'outlay.submit', draftId, ...form }, 'card-1');
    await c.submit({ action: 'outlay.file', draftId }, 'card-2');
    const updates = c.sent.filter((a) => (a.type as string) === 'update');
    // The File card turns into "Filing…" and then into its read-only filed form.
    expect(updates.map((u) => u.id)).toEqual(['card-1', 'card-2', 'card-2']);
    expect(JSON.stringify(updates[2])).toMatch(/Filed as RR-2026-/);
    expect(c.texts().pop()).toMatch(
      /^Done! Your outlay is filed as \*\*RR-2026-\d{6}\*\* \(NOK\s?120\.00\)/,
    );
  });

  it('shows typing while it works and lists my claims', async () => {
    const c = chat(makeBot(), 'nb-NO', 'aad-nn');
    await c.say('mine krav');
    expect(c.sent.some((a) => a.type === 'typing')).toBe(true);
    expect(JSON.stringify(c.cards().pop())).toContain('Utlegg: Parkering');
  });

  it('sends a text followed by a card as one message, and a card followed by a text as two', async () => {
    const c = chat(makeBot(), 'nb-NO', 'aad-two-drafts');
    await c.say('parkering 120 kr i går');
    const before = c.sent.length;
    await c.say('bom 45 kr i dag');
    const messages = c.sent.slice(before).filter((a) => a.type === 'message');
    // "The previous draft is set aside" above the new draft's card, then the purpose question.
    expect(messages).toHaveLength(2);
    expect(messages[0]?.text).toMatch(/lagt til side/);
    expect(JSON.stringify(messages[0]?.attachments)).toContain('45,00');
    expect(messages[1]?.attachments ?? []).toHaveLength(0);
    expect(messages[1]?.text).toMatch(/formålet/);
  });

  it('tells the user the claim is queued when the claims API is down, and a second click waits', async () => {
    const c = chat(makeBot('http://127.0.0.1:9'), 'nb-NO', 'aad-down');
    await c.say('parkering 120 kr i går');
    await c.say('kundemøte');
    const draftId = c.lastDraftId();
    const card = await c.execute({ action: 'outlay.file', draftId });
    expect(c.texts().pop()).toMatch(/står i kø — jeg sender det inn så snart systemet svarer/);
    // The card no longer offers "Send inn": the outbox files it, once. It says what it waits for.
    expect(JSON.stringify(card.value)).not.toContain('"action":"outlay.file"');
    expect(JSON.stringify(card.value)).toContain('Venter på kravsystemet');
    await c.execute({ action: 'outlay.file', draftId });
    expect(c.texts().pop()).toMatch(/Dette kravet står i kø/);
  });
});

describe('replayed activities', () => {
  it('processes a resent message whose first turn died before committing, and ignores a true replay', async () => {
    let dying = true;
    const { bot } = makeTestBot({
      claims: { baseUrl: api.url, token: api.token, timeoutMs: 2000 },
      failWrites: () => dying,
    });
    const { adapter, sent } = recordingAdapter((context) => bot.run(context));
    const message = personalChat(
      'nb-NO',
      'aad-resend',
    )({ type: 'message', id: 'act-1', text: 'ny utlegg' });
    await expect(adapter.processActivity(message)).rejects.toThrow('the process died here');
    const forms = () => sent.filter((a) => JSON.stringify(a).includes('outlay.submit')).length;
    expect(forms()).toBe(0);
    dying = false;
    await adapter.processActivity(message);
    expect(forms()).toBe(1);
    await adapter.processActivity(message);
    expect(forms()).toBe(1);
  });
});

describe('help from the user guide through the bot', () => {
  it('answers "how do I log a ferry ticket" in English with the source and a button to start an outlay', async () => {
    const c = chat(makeBot(), 'en-US', 'aad-help');
    await c.say('how do I log a ferry ticket?');
    const card = c.cards().pop();
    const json = JSON.stringify(card);
    expect(json).toMatch(/Source: user guide 5\.\d/);
    expect(json).toContain('"action":"outlay.start"');
  });
  it('says plainly when the guide has no answer, in nynorsk, citing nothing', async () => {
    const c = chat(makeBot(), 'nn-NO', 'aad-help-nn');
    await c.say('kva er vêrmeldinga for Bergen i morgon?');
    const answer = c.texts().pop() ?? '';
    expect(answer).not.toMatch(/Kjelde:/);
    expect(answer.length).toBeGreaterThan(10);
  });
});

describe('mileage and travel through the bot', () => {
  it('files a mileage claim in bokmål and the claims API stores the computed line with its tax split', async () => {
    const c = chat(makeBot(), 'nb-NO', 'aad-mileage');
    await c.say('kjørte 120 km fra Oslo til Drammen i går med Kari');
    await c.say('Kundemøte');
    const filed = await c.execute({ action: 'mileage.file', draftId: c.lastDraftId() });
    expect(JSON.stringify(filed.value)).toMatch(/Sendt inn som RR-2026-/);
    const [claim] = api.repo.listForEmployee('aad-mileage');
    // 2026: 120 × 5,30 + Kari 120 × 1,00 = 756,00 kr; tax-free up to Skatteetaten's limits.
    expect(claim?.lines[0]).toMatchObject({
      type: 'mileage',
      km: 120,
      amountMinor: 75600,
      passengers: [{ name: 'Kari', km: 120 }],
    });
    const line = claim?.lines[0] as { taxFreeMinor: number; taxableMinor: number };
    expect(line.taxFreeMinor + line.taxableMinor).toBe(75600);
  });
});
