/**
 * A receipt photo is never left unread: the real bot process is killed (`kill -9`) while it reads
 * a photo (its row and its reading job committed, the OCR under way), restarted on the same data
 * folder, and the reading resumes on its own: the chat the photo was sent in gets the pre-filled
 * card, and the job ends done. The Teams file host and the Bot Connector are local servers.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBotServer } from './helpers/bot-server.js';

const receipt = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));
/** The Teams file host: every download URL is the parking photo. */
const fileHost = http.createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'image/jpeg' }).end(receipt),
);
beforeAll(() => new Promise<void>((resolve) => fileHost.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => fileHost.close(() => resolve())));
const photoUrl = () =>
  `http://127.0.0.1:${(fileHost.address() as AddressInfo).port}/files/parkering.jpg`;

const server = useBotServer('receipt-crash');
const { connector, post } = server;
const conversation = 'a:conv-receipt-crash';

/** The reading job of the newest receipt and whether its fields are read, as on disk. */
function onDisk(): { job?: string; read: boolean } {
  const db = new Database(path.join(server.dataDir, 'bot.sqlite'));
  try {
    const row = db
      .prepare(
        `SELECT r.fields AS fields, j.state AS job FROM receipts r
           LEFT JOIN jobs j ON j.kind = 'receipt.read' AND j.key = r.id
         ORDER BY r.rowid DESC LIMIT 1`,
      )
      .get() as { fields: string | null; job: string | null } | undefined;
    return { ...(row?.job ? { job: row.job } : {}), read: Boolean(row?.fields) };
  } finally {
    db.close();
  }
}

async function until<T>(probe: () => T | undefined, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    const found = probe();
    if (found !== undefined) return found;
  }
  throw new Error('timed out');
}

describe('a receipt being read when the bot is killed', () => {
  it('is read after the restart, and the chat gets its card', async () => {
    const res = await post(
      server.activity({
        from: { id: '29:kari', name: 'Kari Nordmann', aadObjectId: 'aad-receipt-crash' },
        conversation: { id: conversation, conversationType: 'personal' },
        locale: 'nb-NO',
        text: 'Parkering ved kunden',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'kvittering.jpg',
            content: { downloadUrl: photoUrl(), uniqueId: randomUUID(), fileType: 'jpg' },
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(connector.texts(conversation)).toContain('Leser kvitteringen …');
    // Stored, its job taken by the turn, the OCR not yet through: now the process dies.
    await until(() => {
      const seen = onDisk();
      return seen.job === 'leased' && !seen.read ? seen : undefined;
    });
    await server.bot.kill();
    expect(onDisk()).toEqual({ job: 'leased', read: false });
    expect(JSON.stringify(connector.cards(conversation))).not.toContain('185,00');

    await server.restart();
    const card = await until(() => {
      const json = JSON.stringify(connector.cards(conversation));
      return /185,00\s?kr/.test(json) ? json : undefined;
    }, 60_000);
    expect(card).toContain('Parkering ved kunden');
    expect(onDisk()).toEqual({ job: 'done', read: true });
  }, 120_000);
});
