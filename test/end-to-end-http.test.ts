/**
 * The whole bot over HTTP, as Teams drives it: the real server process, the embedded claims API,
 * SQLite on disk, and a local Bot Connector receiving the replies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../scripts/lib/bot-process.js';
import { useBotServer } from './helpers/bot-server.js';
import { parkingForm } from './helpers/engine-driver.js';

const server = useBotServer('e2e');
const { connector, post } = server;

interface User {
  aad: string;
  conversation: string;
  locale: string;
}

function activity(user: User, over: Record<string, unknown>) {
  return server.activity({
    from: { id: `29:${user.aad}`, name: 'Kari Nordmann', aadObjectId: user.aad },
    conversation: { id: user.conversation, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: user.locale,
    localTimezone: 'Europe/Oslo',
    ...over,
  });
}

const say = (user: User, text: string) => post(activity(user, { text }));
const execute = (user: User, data: Record<string, unknown>) =>
  post(
    activity(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: data.action, data }, trigger: 'manual' },
    }),
  );

function lastDraftId(user: User): string {
  const cards = connector.cards(user.conversation);
  for (let i = cards.length - 1; i >= 0; i--) {
    const actions = (cards[i]?.actions ?? []) as Array<{ data?: { draftId?: string } }>;
    const id = actions.find((a) => a.data?.draftId)?.data?.draftId;
    if (id) return id;
  }
  throw new Error('no draft card sent');
}

const form = { ...parkingForm, date: '2026-11-20' };

async function claimsOf(user: User) {
  await say(user, user.locale.startsWith('en') ? 'my claims' : 'mine krav');
  const list = connector
    .cards(user.conversation)
    .filter(
      (c) => JSON.stringify(c).includes('"Mine krav"') || JSON.stringify(c).includes('"My claims"'),
    )
    .pop();
  return JSON.stringify(list ?? {});
}

describe('over HTTP with a real server', () => {
  const kari: User = { aad: 'aad-kari', conversation: 'a:conv-kari', locale: 'nb-NO' };
  const ola: User = { aad: 'aad-ola', conversation: 'a:conv-ola', locale: 'en-US' };

  it('answers /healthz', async () => {
    const res = await fetch(`${server.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, claimsApi: 'embedded' });
  });

  it('answers /readyz with 200 while its databases answer', async () => {
    const res = await fetch(`${server.bot.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true });
  });

  it('welcomes a user when the bot is installed', async () => {
    const res = await post(
      activity(kari, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }),
    );
    expect(res.status).toBe(200);
    const card = connector.cards(kari.conversation)[0];
    expect(JSON.stringify(card)).toContain('Hei, Kari!');
  });

  it('files a parking outlay through Action.Execute, and a second click does not file twice', async () => {
    await say(kari, 'ny utlegg');
    const draftId = lastDraftId(kari);
    const review = await execute(kari, { action: 'outlay.submit', draftId, ...form });
    expect(review.status).toBe(200);
    expect(JSON.stringify(review.body)).toContain('Sjekk utlegget');

    const [first, second] = await Promise.all([
      execute(kari, { action: 'outlay.file', draftId }),
      execute(kari, { action: 'outlay.file', draftId }),
    ]);
    for (const r of [first, second]) {
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toMatch(/Sendt inn som RR-\d{4}-\d{6}/);
    }
    const filed = connector
      .texts(kari.conversation)
      .filter((t) => /^Ferdig! Utlegget er sendt inn som \*\*RR-/.test(t));
    expect(filed).toHaveLength(1);
    expect(connector.texts(kari.conversation).some((t) => /allerede sendt inn/.test(t))).toBe(true);
  });

  it('files through Action.Submit (message with value) and ignores a replayed activity', async () => {
    await say(ola, 'ferry 450 NOK yesterday');
    const draftId = lastDraftId(ola);
    await say(ola, 'Customer visit in Bergen');
    const fileActivity = activity(ola, {
      value: { action: 'outlay.file', draftId },
      replyToId: 'reply-card-1',
    });
    const a = await post(fileActivity);
    const b = await post(fileActivity);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(
      connector
        .texts(ola.conversation)
        .filter((t) => /^Done! Your outlay is filed as \*\*RR-/.test(t)),
    ).toHaveLength(1);
    // The clicked card was updated in place to its read-only form.
    const update = connector
      .repliesTo(ola.conversation)
      .filter((x) => x.method === 'PUT')
      .pop();
    expect(JSON.stringify(update)).toMatch(/Filed as RR-/);
  });

  it('a user sees only their own claims, and they survive a restart', async () => {
    const before = await claimsOf(kari);
    expect(before).toContain('Parkering');
    expect(before).not.toContain('Ferry');

    expect(await server.bot.stop()).toBe(0);
    await server.restart();

    const after = await claimsOf(kari);
    expect(after.match(/RR-\d{4}-\d{6}/g)).toEqual(before.match(/RR-\d{4}-\d{6}/g));
    const olas = await claimsOf(ola);
    expect(olas).toContain('Ferry');
    expect(olas).not.toContain('Parkering');
  });

  it('a user who restarts the bot mid-claim continues where they were', async () => {
    await say(kari, 'taxi 320 kr i dag');
    const draftId = lastDraftId(kari);
    expect(await server.bot.stop()).toBe(0);
    await server.restart();
    await say(kari, 'Flyplass til kundemøte');
    const summary = connector.cards(kari.conversation).pop();
    expect(JSON.stringify(summary)).toContain('Sjekk utlegget');
    expect(JSON.stringify(summary)).toContain(draftId);
  });

  it('files a mileage claim from free text with a toll on it, in nynorsk', async () => {
    const nn: User = { aad: 'aad-nn', conversation: 'a:conv-nn', locale: 'nn-NO' };
    await say(nn, 'køyrde 120 km frå Bergen til Voss i går med Kari');
    await say(nn, 'Kundemøte hjå Voss Energi');
    await say(nn, 'bompengar 45 kr');
    const outlayCard = connector.cards(nn.conversation).pop();
    const outlayId = JSON.stringify(outlayCard).match(/"draftId":"([^"]+)"/)?.[1] as string;
    await execute(nn, { action: 'outlay.file', draftId: outlayId });
    const mileageId = lastDraftId(nn);
    const filed = await execute(nn, { action: 'mileage.file', draftId: mileageId });
    expect(JSON.stringify(filed.body)).toMatch(/Sendt inn som RR-/);
    // 120 km × 5,30 + Kari 120 km × 1,00 + toll 45,00 = 801,00 kr (2026 rates)
    expect(connector.texts(nn.conversation).pop()).toMatch(
      /^Ferdig! Kravet er sendt inn som \*\*RR-\d{4}-\d{6}\*\* \(801,00\s?kr\)/,
    );
  });

  it('files a travel claim with per diem through the form, in English', async () => {
    const en: User = { aad: 'aad-travel', conversation: 'a:conv-travel', locale: 'en-US' };
    await say(en, 'new travel');
    const draftId = lastDraftId(en);
    const review = await execute(en, {
      action: 'travel.submit',
      draftId,
      departureDate: '2026-11-02',
      departureTime: '08:00',
      returnDate: '2026-11-03',
      returnTime: '20:00',
      destination: 'Bergen',
      purpose: 'Course in Bergen',
      over15km: 'true',
      hotelNights: '1',
      unreceiptedNights: '0',
      breakfasts: '0',
      lunches: '0',
      dinners: '0',
    });
    expect(JSON.stringify(review.body)).toContain('Check your travel claim');
    const filed = await execute(en, { action: 'travel.file', draftId });
    expect(JSON.stringify(filed.body)).toMatch(/Filed as RR-/);
    // One overnight døgn 1 012,00 + 12 h at the 6–12 h rate 397,00 (2026 rates)
    expect(connector.texts(en.conversation).pop()).toMatch(/\(NOK\s1,409\.00\)/);
  });

  it('in a group chat it does not take claims', async () => {
    const group: User = { aad: 'aad-kari', conversation: '19:group', locale: 'nb-NO' };
    await post(
      activity(group, {
        text: '<at>Reiserekning</at> ny utlegg',
        conversation: { id: group.conversation, conversationType: 'groupChat' },
        entities: [{ type: 'mention', text: '<at>Reiserekning</at>', mentioned: { id: '28:bot' } }],
      }),
    );
    expect(connector.texts(group.conversation)[0]).toMatch(/personlige chat/);
  });
});

describe('with a MicrosoftAppId (authentication on)', () => {
  it('refuses an activity without a Bot Framework token and never logs the secret', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-auth-'));
    const secured = await startBotProcess({
      DATA_DIR: dir,
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'very-secret-app-password',
    });
    try {
      const res = await fetch(`${secured.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'mine krav',
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:x', aadObjectId: 'aad-kari' },
          conversation: { id: 'c' },
          recipient: { id: 'b' },
        }),
      });
      expect(res.status).toBe(401);
      expect(connector.repliesTo('c')).toHaveLength(0);
      const claims = await fetch(`${secured.url}/claims-api/v1/claims`, {
        headers: { 'X-Acting-Employee': 'aad-kari' },
      });
      expect(claims.status).toBe(401);
    } finally {
      await secured.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(secured.logs.join('')).not.toContain('very-secret-app-password');
  });

  it('a wrong setting stops start-up with a message that names it', async () => {
    await expect(startBotProcess({ PORT: 'not-a-port' })).rejects.toThrow(/PORT: /);
  });
});
