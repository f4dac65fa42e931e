/**
 * A claims question answered end to end: the reference claims API on a local port, finance moving
 * claims with the admin route (approve, pay, reject with a reason), and the user's question run
 * through the application layer (event → listClaims effect → claims → answer).
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import type { ClaimsClient } from '../src/claims-api/claims-client.js';
import { ClaimsRepository } from '../src/claims-api/claims-repository.js';
import type { TurnResult } from '../src/conversation/types.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { createExpenseServices } from '../src/services/expense-services.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import {
  ADMIN_TOKEN,
  KARI,
  call,
  clientFor,
  closeAll,
  dir,
  newKey,
  startApi,
  type Api,
} from './helpers/claims-api-harness.js';

const outlay = (kind: 'taxi' | 'hotel', amountMinor: number): NewClaim => ({
  description: kind === 'taxi' ? 'Taxi til flyplassen' : 'Hotell i Bodø',
  purpose: 'Samling',
  lines: [{ type: 'outlay', date: '2026-03-01', kind, amountMinor, currency: 'NOK' }],
});

let api: Api;
let client: ClaimsClient;
beforeAll(async () => {
  api = await startApi();
  client = clientFor(api);
});
afterAll(closeAll);

/** Finance's admin route. */
const finance = (id: string, body: { status: string; reason?: string }) =>
  call(api, 'POST', `/admin/claims/${id}/status`, { token: ADMIN_TOKEN, employee: null, body });

/** Kari types a question; the answer is what the bot shows after the claims came back. */
async function kariAsks(text: string, locale = 'nb-NO'): Promise<string> {
  const db = openDatabase(':memory:');
  const receipts = new ReceiptPipeline({
    store: new SqliteReceiptStore(db, dir),
    extractor: createOfflineExtractor(),
  });
  const { conversations } = createExpenseServices({
    storage: new SqliteStorage(db),
    queue: new SqliteJobQueue(db),
    help: new HelpService(loadGuide(), { warmUp: false }),
    receipts,
    claims: client,
    intake: { authEnabled: false },
    logger: pino({ level: 'silent' }),
  });
  const shown: TurnResult[] = [];
  const facts = {
    today: '2026-03-05',
    scope: 'personal' as const,
    locale,
    defaultLang: 'nb' as const,
  };
  await conversations.run(KARI, { ...facts, newId: () => 'q' }, [{ type: 'text', text }], (r) => {
    shown.push(r);
    return Promise.resolve();
  });
  expect(shown.map((r) => r.effects.map((e) => e.type))).toEqual([['listClaims'], []]);
  const answer = shown[1]?.messages ?? [];
  return answer
    .map((v) => (v.kind === 'text' ? v.text : `[${v.template}]`))
    .join('\n')
    .replace(/\s/g, ' ');
}

describe('claims questions against the claims API', () => {
  it('follows a taxi claim from submitted through approved to paid, and a rejected hotel with its reason', async () => {
    const taxi = await client.fileClaim(KARI, outlay('taxi', 43_000), newKey());
    expect(await kariAsks('Har jeg fått pengene for taxien?')).toMatch(
      /^Ikke ennå – kravet RR-2026-\d{6} \(Utlegg: Taxi, 430,00 kr\) ble sendt inn 2\. mars og venter på godkjenning\.$/,
    );

    const approved = await finance(taxi.id, { status: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).not.toHaveProperty('paidAt');
    expect(await kariAsks('has my taxi been paid?', 'en-US')).toBe(
      `Not yet – claim ${taxi.number} (Outlay: Taxi, NOK 430.00) is approved and waiting to be paid.`,
    );

    expect((await finance(taxi.id, { status: 'paid' })).status).toBe(200);
    const paid = await client.getClaim(KARI, taxi.id);
    expect(paid?.paidAt).toMatch(/^2026-03-02T/);
    expect(await kariAsks('har eg fått pengane for taxien?')).toBe(
      `Ja – kravet ${taxi.number} (Utlegg: Taxi, 430,00 kr) vart utbetalt 2. mars.`,
    );

    const hotel = await client.fileClaim(KARI, outlay('hotel', 125_000), newKey());
    await finance(hotel.id, { status: 'rejected', reason: 'Mangler hotellkvittering' });
    expect((await client.getClaim(KARI, hotel.id))?.rejectionReason).toBe(
      'Mangler hotellkvittering',
    );
    expect(await kariAsks('hvorfor ble hotellkravet avvist?')).toBe(
      `Ja – kravet ${hotel.number} (Utlegg: Hotell, 1 250,00 kr) ble avvist. Begrunnelse: «Mangler hotellkvittering»`,
    );
    expect(await kariAsks('hvor mange krav har jeg til godkjenning?')).toBe(
      'Du har ingen krav til godkjenning. [claims-list]',
    );
  });

  it('keeps a reason only on a rejection, refuses an empty one, and reads old claims without the new fields', async () => {
    const claim = await client.fileClaim(KARI, outlay('taxi', 10_000), newKey());
    expect((await finance(claim.id, { status: 'rejected', reason: ' ' })).status).toBe(422);
    const moved = await finance(claim.id, { status: 'approved', reason: 'not a rejection' });
    expect(moved.body).not.toHaveProperty('rejectionReason');

    // A database from before the two columns: they are added, and its claims have neither field.
    const db = openDatabase(':memory:');
    const repo = new ClaimsRepository(db);
    const { id: _id, number: _number, ...stored } = claim;
    repo.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim: { ...stored, id: 'old-1' } });
    db.exec('ALTER TABLE claims_api_claims DROP COLUMN paid_at');
    db.exec('ALTER TABLE claims_api_claims DROP COLUMN rejection_reason');
    const reopened = new ClaimsRepository(db);
    expect(reopened.get('old-1')).not.toHaveProperty('paidAt');
    expect(
      reopened.updateStatus(
        'old-1',
        'submitted',
        'rejected',
        '2026-03-03T10:00:00.000Z',
        'Feil dato',
      ),
    ).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Feil dato',
    });
  });
});
