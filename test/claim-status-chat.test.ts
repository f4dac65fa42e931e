/**
 * A filed claim's life in the chat, with the real claims API process (its webhooks on) and the
 * real bot process: finance approves, pays and rejects, and each change reaches Kari's personal
 * chat at the local Bot Connector; forged or stale events are refused; the rejected claim is
 * fixed from its button and filed again as the same claim.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Claim, NewClaim } from '../src/claims/claim.js';
import { useBotServer } from './helpers/bot-server.js';
import { API_TOKEN, useClaimsApiProcess } from './helpers/claims-api-process.js';

const SECRET = 'webhook-secret-for-status-tests-01';
const KARI = '7a1c2a3b-0000-4000-8000-0000000000aa';
const CONVERSATION = 'a:kari-personal-chat';

const api = useClaimsApiProcess();

const server = useBotServer('status', {
  env: () => ({
    CLAIMS_API_URL: api.url,
    CLAIMS_API_TOKEN: API_TOKEN,
    CLAIMS_WEBHOOK_SECRET: SECRET,
  }),
});

const kari = (fields: Record<string, unknown>) =>
  server.activity({
    from: { id: `29:${KARI}`, name: 'Kari Nordmann', aadObjectId: KARI },
    conversation: { id: CONVERSATION, conversationType: 'personal' },
    locale: 'nb-NO',
    ...fields,
  });
const click = (value: Record<string, unknown>) => server.post(kari({ value }));
const finance = (id: string, body: Record<string, unknown>) => api.finance(id, body);
/** What Kari's chat shows, with Norwegian number spacing as plain spaces. */
const texts = () => server.connector.texts(CONVERSATION).map((t) => t.replace(/\s/g, ' '));
const cardsJson = () => server.connector.cards(CONVERSATION).map((c) => JSON.stringify(c));

const hotel: NewClaim = {
  description: 'Hotell i Bodø',
  purpose: 'Samling',
  lines: [
    { type: 'outlay', date: '2026-11-20', kind: 'hotel', amountMinor: 123_400, currency: 'NOK' },
  ],
};

/** A delivery as the claims API would send it, signed with `secret` at `at`. */
function signedEvent(secret: string, at: Date, data: Record<string, unknown>) {
  const body = JSON.stringify({
    id: `evt-${at.getTime()}`,
    type: 'claim.rejected',
    createdAt: at.toISOString(),
    data,
  });
  const ts = Math.floor(at.getTime() / 1000);
  const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-claims-signature': signature,
      'x-claims-timestamp': String(ts),
    },
  };
}

describe('claim status in the chat', () => {
  let paid: Claim;
  let rejected: Claim;

  it('tells Kari in her chat when finance approves and pays a claim', async () => {
    expect((await server.post(kari({ text: 'hei' }))).status).toBe(200);
    const client = api.client();
    paid = await client.fileClaim(KARI, hotel, 'status-test-1');
    rejected = await client.fileClaim(
      KARI,
      { ...hotel, description: 'Hotell i Tromsø' },
      'status-test-2',
    );
    await finance(paid.id, { status: 'approved' });
    await expect.poll(texts, { timeout: 15_000 }).toContain(`**${paid.number}** er godkjent.`);
    await finance(paid.id, { status: 'paid', payout: { date: '2026-12-15' } });
    await expect
      .poll(texts, { timeout: 15_000 })
      .toContain(`**${paid.number}** er utbetalt, 1 234,00 kr den 15. des.`);
  });

  it('refuses a forged or stale event and changes nothing', async () => {
    const data = {
      claimId: paid.id,
      number: paid.number,
      employeeId: KARI,
      status: 'rejected',
      version: 9,
      reason: 'forfalsket',
    };
    const post = (e: ReturnType<typeof signedEvent>) =>
      fetch(`${server.bot.url}/api/claims-events`, {
        method: 'POST',
        headers: e.headers,
        body: e.body,
      });
    expect((await post(signedEvent('not-the-secret-0123456789', new Date(), data))).status).toBe(
      401,
    );
    expect((await post(signedEvent(SECRET, new Date(Date.now() - 10 * 60_000), data))).status).toBe(
      401,
    );
    const tampered = signedEvent(SECRET, new Date(), data);
    expect(
      (await post({ ...tampered, body: tampered.body.replace('forfalsket', 'endret') })).status,
    ).toBe(401);
    // The real rejection that follows arrives; nothing of the forged ones ever does.
    await finance(rejected.id, { status: 'rejected', reason: 'Mangler hotellkvittering' });
    await expect
      .poll(cardsJson, { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(`${rejected.number}** er avvist: Mangler hotellkvittering`),
        ]),
      );
    expect([...texts(), ...cardsJson()].join('\n')).not.toMatch(/forfalsket|endret/);
  });

  it('reopens the rejected claim from its button and files it again as the same claim', async () => {
    const card = cardsJson().find((c) => c.includes('er avvist'));
    expect(card).toContain('Endre og send inn på nytt');
    expect(card).toContain(`"claimId":"${rejected.id}"`);
    await click({ action: 'claim.reopen', claimId: rejected.id });
    await expect
      .poll(texts, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([expect.stringContaining(`Her er ${rejected.number} igjen`)]),
      );
    const form = cardsJson().at(-1) ?? '';
    const draftId = /"draftId":"([^"]+)"/.exec(form)?.[1] ?? '';
    expect(form).toContain('Samling');
    await click({
      action: 'outlay.submit',
      draftId,
      date: '2026-11-20',
      amount: '1234',
      currency: 'NOK',
      kind: 'hotel',
      merchant: 'Scandic',
      purpose: 'Samling, med kvittering',
      comment: '',
    });
    await click({ action: 'outlay.file', draftId });
    await expect
      .poll(texts, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([expect.stringContaining(`sendt inn som **${rejected.number}**`)]),
      );
    const client = api.client();
    const again = await client.getClaim(KARI, rejected.id);
    expect(again).toMatchObject({
      status: 'submitted',
      version: 2,
      purpose: 'Samling, med kvittering',
      number: rejected.number,
    });
    expect(again?.history?.map((h) => h.status)).toEqual(['submitted', 'rejected', 'submitted']);
    expect(await client.listClaims(KARI)).toHaveLength(2);
  });
});
