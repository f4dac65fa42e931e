/**
 * A receipt photo from the Teams file host to a filed claim, over HTTP with the real server
 * process, the real OCR and a local Bot Connector: what a user sees in the chat.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBotServer } from './helpers/bot-server.js';

const receipt = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));
let fileHost: http.Server;
let fileUrl = '';

// Plays the Teams file host: pre-authenticated download URLs, one of them expired. Its hooks run
// before the bot's start and after the bot's stop.
beforeAll(async () => {
  fileHost = http.createServer((req, res) => {
    if (req.url === '/files/parkering.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(receipt);
    } else if (req.url === '/files/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>not a receipt</body></html>');
    } else {
      res.writeHead(403);
      res.end();
    }
  });
  await new Promise<void>((resolve) => fileHost.listen(0, '127.0.0.1', resolve));
  fileUrl = `http://127.0.0.1:${(fileHost.address() as AddressInfo).port}/files`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => fileHost.close(() => resolve()));
});

const server = useBotServer('receipts');
const { connector, post } = server;

const conversation = 'a:conv-receipts';
const activity = (over: Record<string, unknown>) =>
  server.activity({
    from: { id: '29:kari', name: 'Kari Nordmann', aadObjectId: 'aad-receipts' },
    conversation: { id: conversation, conversationType: 'personal' },
    locale: 'nb-NO',
    localTimezone: 'Europe/Oslo',
    ...over,
  });
const fileAttachment = (name: string, url: string) => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  name,
  content: { downloadUrl: url, uniqueId: randomUUID(), fileType: name.split('.').pop() },
});

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  for (
    const end = Date.now() + ms;
    Date.now() < end;
    await new Promise((r) => setTimeout(r, 100))
  ) {
    const found = probe();
    if (found !== undefined) return found;
  }
  throw new Error('timed out waiting for the bot');
}

describe('receipt photo to filed claim', () => {
  it('acknowledges at once, then turns the acknowledgement into a pre-filled outlay', async () => {
    const started = Date.now();
    const res = await post(
      activity({
        text: 'Parkering ved kunden',
        attachments: [fileAttachment('kvittering.jpg', `${fileUrl}/parkering.jpg`)],
      }),
    );
    expect(res.status).toBe(200);
    // The HTTP answer does not wait for OCR.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(connector.texts(conversation)).toContain('Leser kvitteringen …');
    const update = await waitFor(() =>
      connector.repliesTo(conversation).find((a) => a.method === 'PUT'),
    );
    const card = JSON.stringify(update);
    expect(card).toMatch(/185,00\s?kr/);
    expect(card).toContain('Parkering');
    expect(card).toContain('Parkering ved kunden'); // the text sent with the photo is the comment
    expect(card).toContain('09.01.2026');
    // What the form has no field for is on the card as read: the VAT with its rate, the org. number.
    expect(card).toMatch(/"title":"MVA","value":"37,00\s?kr \(25 %\)"/);
    expect(card).toContain('"title":"Org.nr.","value":"975 312 461"');
  });

  it('files it with the receipt attached after the purpose is given', async () => {
    await post(activity({ text: 'Kundemøte hos Equinor' }));
    const summary = connector.cards(conversation).pop();
    const draftId = JSON.stringify(summary).match(/"draftId":"([^"]+)"/)?.[1];
    const filed = await post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'outlay.file',
            data: { action: 'outlay.file', draftId },
          },
        },
      }),
    );
    expect(JSON.stringify(filed.body)).toMatch(/Sendt inn som RR-/);
    expect(connector.texts(conversation).pop()).toMatch(
      /^Ferdig! Utlegget er sendt inn som \*\*RR-\d{4}-\d{6}\*\* \(185,00\s?kr\)/,
    );
  });

  it('"mine krav" links to the receipt, which only a signed link opens', async () => {
    await post(activity({ text: 'mine krav' }));
    const list = JSON.stringify(
      await waitFor(() =>
        connector.cards(conversation).find((c) => JSON.stringify(c).includes('Mine krav')),
      ),
    );
    const url = JSON.parse(`"${list.match(/"url":"([^"]+)"/)?.[1] ?? ''}"`) as string;
    expect(url).toContain('/receipts/');
    const local = new URL(url);
    const opened = await fetch(`${server.bot.url}${local.pathname}${local.search}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await opened.arrayBuffer()).equals(receipt)).toBe(true);
    local.searchParams.set('e', 'aad-someone-else');
    expect((await fetch(`${server.bot.url}${local.pathname}${local.search}`)).status).toBe(404);
  });

  it('the same receipt sent again is flagged, not filed twice', async () => {
    await post(
      activity({
        attachments: [fileAttachment('kvittering-igjen.jpg', `${fileUrl}/parkering.jpg`)],
      }),
    );
    const text = await waitFor(() =>
      connector.texts(conversation).find((t) => /sendt denne kvitteringen før/.test(t)),
    );
    expect(text).toMatch(/ikke lagt den inn to ganger/);
  });

  it('a web page named .jpg and an expired link get clear messages, and the bot keeps working', async () => {
    await post(activity({ attachments: [fileAttachment('bilde.jpg', `${fileUrl}/page.html`)] }));
    await waitFor(() =>
      connector.texts(conversation).find((t) => /bare lese kvitteringer som bilder/.test(t)),
    );
    await post(activity({ attachments: [fileAttachment('gammel.jpg', `${fileUrl}/expired.jpg`)] }));
    await waitFor(() => connector.texts(conversation).find((t) => /fikk ikke hentet fila/.test(t)));
    await post(activity({ text: 'mine kvitteringer' }));
    const list = await waitFor(() =>
      connector.cards(conversation).find((c) => JSON.stringify(c).includes('Mine kvitteringer')),
    );
    expect(JSON.stringify(list)).toBeDefined();
  });
});
