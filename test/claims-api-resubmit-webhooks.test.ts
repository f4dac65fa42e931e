/**
 * The claim's life after filing, as the claims API contract tells it: a history of who moved it,
 * the reason of a rejection, the payout of a payment, a rejected claim filed again as the same
 * claim, and signed webhook events to a subscriber that are tried again until it answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import type { ClaimsClient } from '../src/claims-api/claims-client.js';
import { ClaimsApiRejectedError } from '../src/claims-api/claims-client.js';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
  type WebhookEvent,
} from '../src/claims-api/webhook-events.js';
import {
  ADMIN_TOKEN,
  KARI,
  OLA,
  call,
  clientFor,
  closeAll,
  newKey,
  startApi,
  type Api,
} from './helpers/claims-api-harness.js';

const hotel: NewClaim = {
  description: 'Hotell i Bodø',
  purpose: 'Samling',
  lines: [
    { type: 'outlay', date: '2026-03-01', kind: 'hotel', amountMinor: 123_400, currency: 'NOK' },
  ],
};

let api: Api;
let client: ClaimsClient;
beforeAll(async () => {
  api = await startApi({ webhookRetryMs: 20 });
  client = clientFor(api);
});
afterAll(closeAll);

const finance = (id: string, body: Record<string, unknown>) =>
  call(api, 'POST', `/admin/claims/${id}/status`, { token: ADMIN_TOKEN, employee: null, body });

describe('a claim after filing', () => {
  it('keeps who moved it when, the rejection reason, and the payout date and amount', async () => {
    const filed = await client.fileClaim(KARI, hotel, newKey());
    expect(filed).toMatchObject({
      version: 1,
      history: [{ status: 'submitted', actor: `employee:${KARI}` }],
    });
    await finance(filed.id, { status: 'approved', actor: 'Lønn: Per' });
    const paid = await finance(filed.id, { status: 'paid', payout: { date: '2026-12-15' } });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'paid',
      payout: { date: '2026-12-15', amountMinor: 123_400, currency: 'NOK' },
    });
    expect(
      (paid.body.history as Array<{ status: string; actor: string }>).map((h) => [
        h.status,
        h.actor,
      ]),
    ).toEqual([
      ['submitted', `employee:${KARI}`],
      ['approved', 'Lønn: Per'],
      ['paid', 'finance'],
    ]);
  });

  it('files a rejected claim again as the same claim, one version up, with its history', async () => {
    const filed = await client.fileClaim(KARI, hotel, newKey());
    await finance(filed.id, { status: 'rejected', reason: 'Mangler kvittering' });
    const fixed: NewClaim = { ...hotel, purpose: 'Samling i Bodø med kvittering' };
    const key = newKey();
    const again = await client.resubmitClaim(KARI, filed.id, fixed, 1, key);
    expect(again).toMatchObject({
      id: filed.id,
      number: filed.number,
      status: 'submitted',
      version: 2,
      purpose: fixed.purpose,
    });
    expect(again).not.toHaveProperty('rejectionReason');
    expect(again.history?.map((h) => h.status)).toEqual(['submitted', 'rejected', 'submitted']);
    expect(again.history?.[1]?.reason).toBe('Mangler kvittering');
    // The same call again (a retry) changes nothing; the list still has one claim of that number.
    expect(await client.resubmitClaim(KARI, filed.id, fixed, 1, key)).toMatchObject({ version: 2 });
    const listed = (await client.listClaims(KARI)).filter((c) => c.number === filed.number);
    expect(listed).toHaveLength(1);
  });

  it('refuses to refile a claim that is not rejected, an old version, and another employee’s claim', async () => {
    const filed = await client.fileClaim(KARI, hotel, newKey());
    const refused = client.resubmitClaim(KARI, filed.id, hotel, 1, newKey());
    await expect(refused).rejects.toBeInstanceOf(ClaimsApiRejectedError);
    await expect(refused).rejects.toMatchObject({ status: 409 });
    await finance(filed.id, { status: 'rejected' });
    await expect(client.resubmitClaim(KARI, filed.id, hotel, 7, newKey())).rejects.toMatchObject({
      status: 409,
      body: { error: 'version_conflict', currentVersion: 1 },
    });
    await expect(client.resubmitClaim(OLA, filed.id, hotel, 1, newKey())).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('webhooks', () => {
  it('sends each status change signed, tries again after a failure, and is refused when forged', async () => {
    const secret = 'subscriber-secret-0123456789';
    const received: Array<{ event: WebhookEvent; attempt: number }> = [];
    let calls = 0;
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls += 1;
        // The first delivery fails: the API must try again.
        // (Not chained: restify in the same process makes writeHead return nothing.)
        if (calls === 1) {
          res.writeHead(500);
          return void res.end();
        }
        const checked = verifyWebhook(
          secret,
          {
            signature: req.headers[SIGNATURE_HEADER] as string,
            timestamp: req.headers[TIMESTAMP_HEADER] as string,
          },
          body,
          new Date(),
        );
        if (checked.ok) received.push({ event: checked.event, attempt: calls });
        res.writeHead(checked.ok ? 204 : 401);
        res.end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    expect(await client.subscribe(url, secret)).toBe('subscribed');
    // Subscribing again (a restarted bot) keeps one subscription.
    expect(await client.subscribe(url, secret)).toBe('subscribed');
    expect((await api.webhooks?.list())?.filter((s) => s.url === url)).toHaveLength(1);

    const filed = await client.fileClaim(KARI, hotel, newKey());
    await finance(filed.id, { status: 'rejected', reason: 'Feil prosjekt' });
    // A retried event may arrive after a later one: receivers order them by version and status.
    await expect
      .poll(() => received.map((r) => r.event.type).sort(), { timeout: 5000 })
      .toEqual(['claim.rejected', 'claim.submitted']);
    expect(received.find((r) => r.event.type === 'claim.submitted')?.attempt).toBeGreaterThan(1);
    expect(received.find((r) => r.event.type === 'claim.rejected')?.event.data).toMatchObject({
      number: filed.number,
      reason: 'Feil prosjekt',
      employeeId: KARI,
    });
    receiver.close();

    const body = JSON.stringify(received[0]?.event);
    const now = new Date();
    const ts = String(Math.floor(now.getTime() / 1000));
    expect(
      verifyWebhook(
        'another-secret-0123456789',
        { signature: 'sha256=00', timestamp: ts },
        body,
        now,
      ),
    ).toEqual({ ok: false, why: 'bad signature' });
    const old = new Date(now.getTime() + 10 * 60_000);
    expect(verifyWebhook(secret, { signature: 'x', timestamp: ts }, body, old)).toEqual({
      ok: false,
      why: 'stale timestamp',
    });
  });

  it('answers 404 to a subscription when the API offers no webhooks, so the bot polls', async () => {
    const plain = await startApi();
    expect(await clientFor(plain).subscribe('http://127.0.0.1:1/hook', 'x'.repeat(20))).toBe(
      'unsupported',
    );
  });
});
