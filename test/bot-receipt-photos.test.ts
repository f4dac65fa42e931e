/**
 * Several receipt photos in one Teams message, through the bot: botbuilder's TestAdapter (taught
 * to continue a conversation, which the bot does to read photos after the turn), real SQLite
 * state and receipt store, the real offline OCR on the photos in test/fixtures, and the real
 * claims API on a local port. The Teams file host is a `fetch` that answers with the fixture bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ActivityTypes,
  TestAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOfflineExtractor,
  type OfflineExtractor,
} from '../src/receipts/offline-extractor.js';
import { startClaimsApi, type RunningClaimsApi } from './helpers/claims-api-server.js';
import { actionExecute, makeTestBot, personalChat } from './helpers/test-bot.js';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'fixtures/receipts', name));
const FILES: Record<string, Buffer> = {
  'diesel.jpg': fixture('fuel-no.jpg'),
  'taxi.jpg': fixture('taxi-no.jpg'),
  'parkering.jpg': fixture('parking-no.jpg'),
  'hus.jpg': fixture('not-a-receipt.jpg'),
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let api: RunningClaimsApi;
let extractor: OfflineExtractor;
beforeAll(async () => {
  api = await startClaimsApi();
  extractor = createOfflineExtractor();
  await extractor.warm();
}, 60_000);
afterAll(async () => {
  await extractor?.close();
  await api?.close();
});

/** The Teams file host: pre-authenticated download URLs, answered from the fixtures. */
function fileHost(url: string): Promise<Response> {
  const bytes = FILES[new URL(url).pathname.split('/').pop() ?? ''];
  return Promise.resolve(
    bytes
      ? new Response(new Uint8Array(bytes), {
          status: 200,
          headers: { 'content-type': 'application/octet-stream' },
        })
      : new Response('gone', { status: 403 }),
  );
}

/** TestAdapter does not continue conversations; the bot does, to read photos after answering. */
class PhotoTestAdapter extends TestAdapter {
  readonly updates: Array<Partial<Activity>> = [];

  override async continueConversationAsync(
    _botAppId: unknown,
    reference: unknown,
    logic: unknown,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      reference as Partial<ConversationReference>,
      true,
    );
    await this.runMiddleware(
      this.createContext(activity),
      logic as (context: TurnContext) => Promise<void>,
    );
  }

  override updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

function chat(aad: string) {
  const { bot, receipts } = makeTestBot({
    claims: { baseUrl: api.url, token: api.token, timeoutMs: 5000 },
    extractor,
    fetch: fileHost,
    idPrefix: aad,
  });
  const adapter = new PhotoTestAdapter((context) => bot.run(context));
  const base = personalChat('nb-NO', aad);
  /** What the chat shows now: every message in order, with acknowledgements replaced by their cards. */
  const shown = () => adapter.activeQueue.filter((a) => a.type === ActivityTypes.Message);
  const cards = () =>
    shown().flatMap((a) => (a.attachments ?? []).map((x) => x.content as Record<string, unknown>));
  return {
    adapter,
    receipts,
    texts: () => shown().flatMap((a) => (a.text ? [a.text] : [])),
    cards,
    cardOf: (template: string) =>
      [...cards()].reverse().find((c) => JSON.stringify(c).includes(template)),
    /** Photos sent with the paperclip, with `text`; resolves once they are all read. */
    async sendPhotos(names: string[], text?: string) {
      await adapter.processActivity(
        base({
          type: 'message',
          ...(text ? { text } : {}),
          attachments: names.map((name) => ({
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name,
            content: {
              downloadUrl: `https://files.example.com/dl/${name}`,
              uniqueId: name,
              fileType: 'jpg',
            },
          })),
        }),
      );
      await bot.idle();
    },
    say: (text: string) => adapter.processActivity(base({ type: 'message', text })),
    submit: (value: Record<string, unknown>) =>
      adapter.processActivity(base({ type: 'message', value })),
    async execute(data: Record<string, unknown>) {
      const before = adapter.activeQueue.length;
      await adapter.processActivity(base(actionExecute(data)));
      const response = adapter.activeQueue.slice(before).find((a) => a.type === 'invokeResponse');
      return (response?.value as { body: { value: Record<string, unknown> } }).body.value;
    },
  };
}

const draftIdOf = (card: unknown) =>
  JSON.stringify(card).match(/"action":"claim\.[a-zA-Z]+","draftId":"([^"]+)"/)?.[1];

describe('several receipt photos in one message, through the bot', () => {
  it('"Samle i ett krav" with three receipts and a drawing: one claim with three lines and their receipts, filed', async () => {
    const c = chat('aad-photos');
    await c.sendPhotos(['diesel.jpg', 'taxi.jpg', 'parkering.jpg', 'hus.jpg'], 'Samle i ett krav');
    // The acknowledgement became the claim: one card, not one per photo.
    expect(c.adapter.updates).toHaveLength(1);
    expect(c.texts()).not.toContain('Leser de 4 kvitteringene og samler dem i ett krav …');
    const claimCards = c.cards().filter((card) => JSON.stringify(card).includes('claim.editLine'));
    expect(claimCards).toHaveLength(1);
    const card = JSON.stringify(claimCards[0]);
    expect(card).toMatch(/Drivstoff – Circle K Hamar/i);
    expect(card).toContain('Taxi');
    expect(card).toContain('Parkering');
    expect(card).toMatch(/997,88\s?kr/);
    expect(card).toMatch(/742,50\s?kr/);
    expect(card).toMatch(/185,00\s?kr/);
    expect(card).toMatch(/1\s925,38\s?kr/); // the total
    // The drawing is said in the same reply, and stays in "mine kvitteringer".
    expect(c.texts().find((t) => t.startsWith('Dette tok jeg ikke med på kravet:'))).toMatch(
      /Bilde 4 \(hus\.jpg\): ser ikke ut som en kvittering/,
    );

    await c.say('Kundemøte hos Equinor i Stavanger');
    const review = c.cardOf('claim.file');
    expect(JSON.stringify(review)).toContain('Sjekk kravet');
    const filed = await c.execute({ action: 'claim.file', draftId: draftIdOf(review) });
    expect(JSON.stringify(filed)).toMatch(/Sendt inn som RR-2026-\d{6}/);
    expect(c.texts().pop()).toMatch(
      /^Ferdig! Kravet er sendt inn som \*\*RR-2026-\d{6}\*\* \(1\s925,38\s?kr\)/,
    );

    const [claim, ...others] = api.repo.listForEmployee('aad-photos');
    expect(others).toEqual([]);
    expect(claim).toMatchObject({
      status: 'submitted',
      purpose: 'Kundemøte hos Equinor i Stavanger',
      totals: [{ currency: 'NOK', amountMinor: 192538 }],
    });
    expect(claim?.lines.map((l) => [l.type, l.amountMinor])).toEqual([
      ['outlay', 99788],
      ['outlay', 74250],
      ['outlay', 18500],
    ]);
    expect(claim?.lines.map((l) => (l.type === 'outlay' ? l.kind : ''))).toEqual([
      'fuel',
      'taxi',
      'parking',
    ]);
    // Every receipt went along, the bytes are with the claims API, and none of them is the drawing.
    const receipts = ['diesel.jpg', 'taxi.jpg', 'parkering.jpg'].map((name) =>
      sha256(FILES[name] as Buffer),
    );
    expect(claim?.attachments.map((a) => [a.sha256, a.role, a.name])).toEqual([
      [receipts[0], 'receipt', 'diesel.jpg'],
      [receipts[1], 'receipt', 'taxi.jpg'],
      [receipts[2], 'receipt', 'parkering.jpg'],
    ]);
    for (const sha of receipts) expect(api.repo.hasAttachment('aad-photos', sha)).toBe(true);
    expect((await c.receipts.inbox('aad-photos')).map((r) => r.name)).toEqual(['hus.jpg']);
  }, 120_000);

  it('without the words: a card per photo, then "Samle i ett krav" (Action.Submit) makes them one claim', async () => {
    const c = chat('aad-merge');
    await c.sendPhotos(['taxi.jpg', 'parkering.jpg']);
    expect(c.cards().filter((card) => JSON.stringify(card).includes('"outlay.edit"'))).toHaveLength(
      2,
    );
    const offer = c.cardOf('receipts.merge');
    expect(JSON.stringify(offer)).toContain('Samle i ett krav');
    const batchId = JSON.stringify(offer).match(/"batchId":"([^"]+)"/)?.[1];
    await c.submit({ action: 'receipts.merge', batchId });
    expect(c.texts()).toContain(
      'Jeg samlet 2 kvitteringer i ett krav. Det erstatter de enkelte utleggene fra den meldingen.',
    );
    await c.say('Kundemøte');
    await c.execute({ action: 'claim.file', draftId: draftIdOf(c.cardOf('claim.file')) });
    const [claim] = api.repo.listForEmployee('aad-merge');
    expect(claim?.lines.map((l) => l.amountMinor)).toEqual([74250, 18500]);
    expect(claim?.attachments).toHaveLength(2);
  }, 120_000);
});
