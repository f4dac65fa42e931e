/**
 * Never losing a receipt: a photo stored by a bot that stopped before reading it is read when the
 * bot starts again, and shows in "mine kvitteringer". The real server process, the real OCR and
 * the bot's own database, seeded the way an interrupted run leaves it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptStore } from '../src/receipts/receipt-store.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { startBotProcess, type BotProcess } from '../scripts/lib/bot-process.js';
import { FakeConnector } from '../scripts/lib/fake-connector.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-unread-'));
const connector = new FakeConnector();
const photo = readFileSync(
  path.join(import.meta.dirname, 'fixtures/receipts/europark-parking.jpg'),
);
const employee = 'aad-unread';
let bot: BotProcess;

beforeAll(async () => {
  await connector.start();
  // What a run that stopped mid-OCR leaves: the file and its row, nothing read off it yet.
  const db = openDatabase(path.join(dataDir, 'bot.sqlite'));
  const store = new ReceiptStore(db, path.join(dataDir, 'receipts'));
  store.add(employee, {
    bytes: photo,
    mime: 'image/jpeg',
    sha256: createHash('sha256').update(photo).digest('hex'),
    name: 'parkering.jpg',
  });
  expect(store.listInbox(employee)[0]?.fields).toBeUndefined();
  db.close();
  bot = await startBotProcess({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await bot?.stop();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const conversation = 'a:conv-unread';
async function say(text: string) {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      text,
      from: { id: '29:ola', name: 'Ola Nordmann', aadObjectId: employee },
      recipient: { id: '28:bot', name: 'Reiserekning' },
      conversation: { id: conversation, conversationType: 'personal' },
      locale: 'nb-NO',
      timestamp: new Date().toISOString(),
    }),
  });
  expect(res.status).toBe(200);
}

describe('a receipt an earlier run left unread', () => {
  it('is read when the bot starts again and waits in "mine kvitteringer"', async () => {
    let listed = '';
    for (
      const end = Date.now() + 25_000;
      Date.now() < end;
      await new Promise((r) => setTimeout(r, 500))
    ) {
      await say('mine kvitteringer');
      listed = JSON.stringify(connector.cards(conversation).at(-1) ?? {});
      if (listed.includes('Europark')) break;
    }
    expect(listed).toContain('Europark');
    expect(listed).toMatch(/220,00\s?kr/);
  });
});
