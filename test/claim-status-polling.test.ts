/**
 * A claims API without webhooks (the real process with CLAIMS_API_WEBHOOKS=off): the bot's
 * subscription is answered 404, so it polls every CLAIMS_STATUS_POLL_S and still tells Kari,
 * once, when her claim is approved.
 */
import { expect, it } from 'vitest';
import { useBotServer } from './helpers/bot-server.js';
import { API_TOKEN, useClaimsApiProcess } from './helpers/claims-api-process.js';

const KARI = '7a1c2a3b-0000-4000-8000-0000000000bb';
const CONVERSATION = 'a:kari-polled-chat';

const api = useClaimsApiProcess({ CLAIMS_API_WEBHOOKS: 'off' });

const server = useBotServer('polling', {
  env: () => ({
    CLAIMS_API_URL: api.url,
    CLAIMS_API_TOKEN: API_TOKEN,
    CLAIMS_STATUS_POLL_S: '1',
    // The poller logs each round at debug: the test counts rounds instead of waiting for time.
    LOG_LEVEL: 'debug',
  }),
});

it('polls a claims API without webhooks and tells Kari once when her claim is approved', async () => {
  expect(server.bot.logs.join('')).toContain('"statusSource":"polling"');
  const hello = server.activity({
    from: { id: `29:${KARI}`, name: 'Kari Nordmann', aadObjectId: KARI },
    conversation: { id: CONVERSATION, conversationType: 'personal' },
    locale: 'en-US',
    text: 'hello',
  });
  expect((await server.post(hello)).status).toBe(200);
  const client = api.client();
  const claim = await client.fileClaim(
    KARI,
    {
      description: 'Taxi',
      purpose: 'Customer visit',
      lines: [
        { type: 'outlay', date: '2026-11-20', kind: 'taxi', amountMinor: 43_000, currency: 'NOK' },
      ],
    },
    'polling-test-1',
  );
  await expect
    .poll(() => server.bot.logs.join('').match(/polling claims/g)?.length ?? 0)
    .toBeGreaterThan(0);
  await api.finance(claim.id, { status: 'approved' });
  const told = `**${claim.number}** is approved.`;
  await expect
    .poll(() => server.connector.texts(CONVERSATION), { timeout: 15_000 })
    .toContain(told);
  // Later polls see the same state: still one message.
  const polls = () => (server.bot.logs.join('').match(/"msg":"claims polled"/g) ?? []).length;
  const after = polls();
  await expect.poll(polls, { timeout: 10_000 }).toBeGreaterThan(after + 1);
  expect(server.connector.texts(CONVERSATION).filter((t) => t === told)).toHaveLength(1);
});
