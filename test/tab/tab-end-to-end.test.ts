/**
 * The tab in the real bot process with auth off (local use): the page is served, the data API
 * answers as the development identity, and "Continue in chat" makes the bot post the draft's
 * card into the user's personal chat on the local Bot Connector, without a message from them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.js';
import { overviewSchema } from '../../src/tab/overview-schema.js';
import { useBotServer } from '../helpers/bot-server.js';

const AAD = '7d2c0000-0000-4000-8000-0000000000aa';
const CONVERSATION = 'a:conv-tab';
beforeAll(() => buildTab());
const TOKEN = 'tab-e2e-service-token-0123456789abcdef';
const ADMIN = 'tab-e2e-admin-token-0123456789abcdef';
const server = useBotServer('tab', {
  env: () => ({ TAB_DEV_EMPLOYEE_ID: AAD, CLAIMS_API_TOKEN: TOKEN, CLAIMS_API_ADMIN_TOKEN: ADMIN }),
});
const { connector } = server;

async function say(text: string) {
  const { status } = await server.post(
    server.activity({
      from: { id: `29:${AAD}`, name: 'Kari Nordmann', aadObjectId: AAD },
      conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: 'tenant-1' },
      locale: 'nb-NO',
      text,
    }),
  );
  expect(status).toBeLessThan(300);
}

describe('the tab in the running bot, auth off', () => {
  it('serves the built page under /tab/ with its security headers', async () => {
    const page = await fetch(`${server.bot.url}/tab/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(await page.text()).toContain('tab.js');
    expect((await fetch(`${server.bot.url}/tab/tab.js`)).status).toBe(200);
    expect((await fetch(`${server.bot.url}/tab/../package.json`)).status).toBe(404);
  });

  it('shows the development identity’s drafts and says it is in development mode', async () => {
    await say('ny utlegg');
    const overview = overviewSchema.parse(
      await (await fetch(`${server.bot.url}/api/tab/overview`)).json(),
    );
    expect(overview.development).toBe(true);
    expect(overview.claims.map((c) => [c.status, c.draftKind])).toEqual([['draft', 'outlay']]);
  });

  it('"Continue in chat" posts the draft’s form into the personal chat', async () => {
    const before = connector.cards(CONVERSATION).length;
    const response = await fetch(`${server.bot.url}/api/tab/continue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ draftKind: 'outlay' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ posted: true });
    const posted = connector.cards(CONVERSATION).slice(before);
    expect(posted).toHaveLength(1);
    // The outlay form again, for the same draft: its inputs and its Review button.
    const card = JSON.stringify(posted[0]);
    expect(card).toContain('"Input.Date"');
    expect(card).toContain('outlay.submit');
  });

  it('has nothing to continue for a draft the user does not have', async () => {
    const response = await fetch(`${server.bot.url}/api/tab/continue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ draftKind: 'travel' }),
    });
    expect(await response.json()).toEqual({ posted: false });
  });

  it('"Continue in chat" on a rejected claim puts its lines in a new draft, reason first', async () => {
    const api = `${server.bot.url}/claims-api/v1`;
    const filed = await fetch(`${api}/claims`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'x-acting-employee': AAD,
        'idempotency-key': 'tab-e2e-1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        description: 'Taxi',
        purpose: 'Kundebesøk',
        lines: [
          {
            type: 'outlay',
            date: '2026-02-03',
            kind: 'taxi',
            amountMinor: 64_900,
            currency: 'NOK',
          },
        ],
      }),
    });
    const { id } = (await filed.json()) as { id: string };
    await fetch(`${api}/admin/claims/${id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'rejected', reason: 'Mangler kvittering' }),
    });
    const before = connector.repliesTo(CONVERSATION).length;
    const response = await fetch(`${server.bot.url}/api/tab/continue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ claimId: id }),
    });
    expect(await response.json()).toEqual({ posted: true });
    const posted = connector.repliesTo(CONVERSATION).slice(before);
    expect(posted.map((a) => a.text ?? '').join(' ')).toContain('«Mangler kvittering»');
    expect(JSON.stringify(posted)).toContain('649');
  });
});
