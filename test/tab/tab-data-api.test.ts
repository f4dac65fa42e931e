import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewSchema, type Overview } from '../../src/tab/overview-schema.js';
import { KARI, OLA, startTabHarness, type TabHarness } from '../helpers/tab-harness.js';

let tab: TabHarness;
beforeAll(async () => {
  tab = await startTabHarness({ auth: true });
});
afterAll(() => tab.close());

async function overviewAs(employeeId: string): Promise<Overview> {
  const response = await fetch(`${tab.url}/api/tab/overview`, {
    headers: { authorization: `Bearer ${tab.tokenFor(employeeId)}` },
  });
  expect(response.status).toBe(200);
  return overviewSchema.parse(await response.json());
}

describe('the tab data API', () => {
  it('answers nothing without a valid token', async () => {
    const tries: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer not.a.token' },
      { authorization: 'Basic a2FyaQ==' },
    ];
    for (const headers of tries) {
      const overview = await fetch(`${tab.url}/api/tab/overview`, { headers });
      expect(overview.status).toBe(401);
      const csv = await fetch(`${tab.url}/api/tab/claims.csv`, { headers });
      expect(csv.status).toBe(401);
      const post = await fetch(`${tab.url}/api/tab/continue`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ draftKind: 'outlay' }),
      });
      expect(post.status).toBe(401);
    }
    expect(tab.continued).toEqual([]);
  });

  it('shows Kari her own claims, drafts and receipts, and none of Ola’s', async () => {
    const kari = await overviewAs(KARI);
    expect(kari.development).toBe(false);
    const text = JSON.stringify(kari);
    expect(text).not.toContain('Ola');
    expect(kari.claims.map((c) => c.status).sort()).toEqual(
      ['approved', 'draft', 'paid', 'rejected', 'submitted'].sort(),
    );
    const rejected = kari.claims.find((c) => c.status === 'rejected');
    expect(rejected?.rejectionReason).toBe('Mangler kvittering');
    expect(rejected?.canContinue).toBe(true);
    const paid = kari.claims.find((c) => c.status === 'paid');
    expect(paid?.taxSplit).toEqual({ taxFreeMinor: 14_700, taxableMinor: 7_560 });
    expect(paid?.timeline.map((s) => s.step)).toEqual(['started', 'submitted', 'approved', 'paid']);
    const approved = kari.claims.find((c) => c.status === 'approved');
    expect(approved?.totals).toEqual([
      { currency: 'NOK', amountMinor: 18_000 },
      { currency: 'EUR', amountMinor: 3_500 },
    ]);
    expect(approved?.receipts).toHaveLength(1);
    const draft = kari.claims.find((c) => c.status === 'draft');
    expect(draft).toMatchObject({
      draftKind: 'outlay',
      canContinue: true,
      totals: [{ currency: 'NOK', amountMinor: 25_000 }],
    });
    expect(kari.inbox).toHaveLength(1);
    expect(kari.inbox[0]).toMatchObject({ merchant: 'Oslo Taxi', amountMinor: 31_200 });

    const ola = await overviewAs(OLA);
    expect(JSON.stringify(ola)).not.toContain('Kari');
    expect(ola.claims.map((c) => c.description)).toEqual(['Ola', 'Olas hemmelige reise']);
    expect(ola.inbox).toHaveLength(1);
  });

  it('serves a receipt thumbnail only through its signed link', async () => {
    const kari = await overviewAs(KARI);
    const inbox = kari.inbox[0]!;
    const image = await fetch(`${tab.url}${inbox.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const filed = kari.claims.find((c) => c.receipts.length > 0)!.receipts[0]!;
    expect((await fetch(`${tab.url}${filed.url}`)).status).toBe(200);
    // Ola's link with Kari's receipt: the signature names the employee and the file.
    const olaInbox = (await overviewAs(OLA)).inbox[0]!;
    const forged = olaInbox.url.replace(
      /receipt-files\/[a-f0-9]+/,
      inbox.url.match(/receipt-files\/[a-f0-9]+/)![0],
    );
    expect((await fetch(`${tab.url}${forged}`)).status).toBe(404);
    const unsigned = inbox.url.split('?')[0]!;
    expect((await fetch(`${tab.url}${unsigned}`)).status).toBe(404);
  });

  it('downloads the user’s own claims as CSV, filtered like the page', async () => {
    const all = await fetch(`${tab.url}/api/tab/claims.csv`, {
      headers: { authorization: `Bearer ${tab.tokenFor(KARI)}` },
    });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toContain('attachment');
    const text = await all.text();
    expect(text).toContain('Europark');
    expect(text).toContain('Mangler kvittering');
    expect(text).not.toContain('Ola');
    expect(text).toMatch(/,180\.00,NOK,/);
    expect(text).toMatch(/,147\.00,75\.60,/);
    const rejected2025 = await fetch(`${tab.url}/api/tab/claims.csv?status=rejected&year=2025`, {
      headers: { authorization: `Bearer ${tab.tokenFor(KARI)}` },
    });
    const rows = (await rejected2025.text()).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Oslo Taxi');
  });

  it('continues the caller’s own draft in the chat, never someone else’s', async () => {
    const response = await fetch(`${tab.url}/api/tab/continue`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tab.tokenFor(OLA)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ draftKind: 'mileage' }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { posted: boolean; chatLink?: string };
    expect(answer.posted).toBe(true);
    expect(answer.chatLink).toContain('users=28:');
    expect(tab.continued.at(-1)).toEqual({ employeeId: OLA, what: { draftKind: 'mileage' } });
    const bad = await fetch(`${tab.url}/api/tab/continue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tab.tokenFor(OLA)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ draftKind: 'everything' }),
    });
    expect(bad.status).toBe(400);
  });
});
