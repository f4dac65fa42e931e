/**
 * Never losing a receipt: a photo stored by a bot that stopped before reading it is read when the
 * bot starts again, and shows in "mine kvitteringer". The real server process, the real OCR and
 * the bot's own database, seeded the way an interrupted run leaves it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { useBotServer } from './helpers/bot-server.js';

const photo = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));
const employee = 'aad-unread';

const server = useBotServer('unread', {
  // What a run that stopped mid-OCR leaves: the file and its row, nothing read off it yet.
  seed: async (dataDir) => {
    const db = openDatabase(path.join(dataDir, 'bot.sqlite'));
    const store = new SqliteReceiptStore(db, path.join(dataDir, 'receipts'));
    await store.add(employee, {
      bytes: photo,
      mime: 'image/jpeg',
      sha256: createHash('sha256').update(photo).digest('hex'),
      name: 'parkering.jpg',
    });
    expect((await store.listInbox(employee))[0]?.fields).toBeUndefined();
    db.close();
  },
});
const { connector } = server;

const conversation = 'a:conv-unread';
async function say(text: string) {
  const res = await server.post(
    server.activity({
      text,
      from: { id: '29:ola', name: 'Ola Nordmann', aadObjectId: employee },
      conversation: { id: conversation, conversationType: 'personal' },
      locale: 'nb-NO',
    }),
  );
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
      if (listed.includes('Aimo Park')) break;
    }
    expect(listed).toContain('Aimo Park');
    expect(listed).toMatch(/185,00\s?kr/);
  });
});
