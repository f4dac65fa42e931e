/**
 * What the reference claims API's storage promises (src/claims-api/claims-store.ts), run against
 * the SQLite `ClaimsRepository` and the PostgreSQL `PgClaimsRepository` (claims-api-stores.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/claim.js';
import type {
  ClaimsStore,
  NewStoredClaim,
  ResubmitInput,
} from '../../src/claims-api/claims-store.js';

export interface ClaimsStoreHarness {
  /** A store on an empty database. */
  fresh(): Promise<ClaimsStore>;
  /** The same database through a connection of its own (another process, another bot instance). */
  another(): Promise<ClaimsStore>;
}

export const KARI = 'aad-kari';
const OLA = 'aad-ola';

let ids = 0;

/** A claim as the API hands it to the store: filed by `employeeId` at `at`. */
export function newClaim(employeeId = KARI, at = '2026-03-02T08:00:00.000Z'): NewStoredClaim {
  ids += 1;
  return {
    id: `claim-${ids}-${Math.random().toString(36).slice(2)}`,
    employeeId,
    status: 'submitted',
    description: 'Kundemøte i Bergen',
    purpose: 'Ny avtale',
    dimensions: { company: 'Fjordkraft Reiser AS', project: 'P-1001' },
    lines: [
      { type: 'outlay', date: '2026-03-01', kind: 'ferry', amountMinor: 14_250, currency: 'NOK' },
    ],
    attachments: [],
    totals: [{ currency: 'NOK', amountMinor: 14_250 }],
    createdAt: at,
    updatedAt: at,
  };
}

function created(result: { outcome: string; claim?: Claim }): Claim {
  expect(result.outcome).toBe('created');
  if (!result.claim) throw new Error('no claim');
  return result.claim;
}

const HOTEL: ResubmitInput['content'] = {
  description: 'Hotell i Bergen',
  purpose: 'Ny avtale',
  dimensions: { company: 'Fjordkraft Reiser AS' },
  lines: [
    { type: 'outlay', date: '2026-03-01', kind: 'hotel', amountMinor: 125_000, currency: 'NOK' },
  ],
  attachments: [],
  totals: [{ currency: 'NOK', amountMinor: 125_000 }],
};

export function claimsStoreContract(name: string, h: ClaimsStoreHarness): void {
  describe(`${name}: claims store contract`, () => {
    it('files a claim once per employee and key, replays it, and refuses the key for another request', async () => {
      const store = await h.fresh();
      const claim = newClaim();
      const first = created(
        await store.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim }),
      );
      expect(first).toEqual({
        ...claim,
        number: 'RR-2026-000001',
        version: 1,
        history: [{ at: claim.createdAt, status: 'submitted', actor: `employee:${KARI}` }],
      });
      expect(await store.get(claim.id)).toEqual(first);
      const retry = { ...newClaim(), createdAt: '2026-03-02T09:00:00.000Z' };
      expect(
        await store.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim: retry }),
      ).toEqual({ outcome: 'replayed', claim: first });
      expect(
        await store.fileClaim({ idempotencyKey: 'k', requestHash: 'other', claim: newClaim() }),
      ).toEqual({ outcome: 'key-reused', claimId: claim.id });
      // Keys are the employee's own: Ola's "k" is another key.
      const ola = created(
        await store.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim: newClaim(OLA) }),
      );
      expect(ola.number).toBe('RR-2026-000002');
      expect(await store.get('no-such-claim')).toBeUndefined();
    });

    it('numbers claims from 1 in each Norwegian year', async () => {
      const store = await h.fresh();
      const file = async (at: string, key: string) =>
        created(
          await store.fileClaim({
            idempotencyKey: key,
            requestHash: key,
            claim: newClaim(KARI, at),
          }),
        ).number;
      expect(await file('2026-12-31T22:30:00.000Z', 'a')).toBe('RR-2026-000001'); // 23:30 in Oslo
      expect(await file('2026-12-31T23:30:00.000Z', 'b')).toBe('RR-2027-000001'); // 00:30 in Oslo
      expect(await file('2027-01-02T10:00:00.000Z', 'c')).toBe('RR-2027-000002');
      expect(await file('2026-06-01T10:00:00.000Z', 'd')).toBe('RR-2026-000002');
    });

    it("lists an employee's claims newest first, ties in filing order, by status when asked", async () => {
      const store = await h.fresh();
      const same = '2026-03-02T08:00:00.000Z';
      const file = async (employee: string, at: string, key: string) =>
        created(
          await store.fileClaim({
            idempotencyKey: key,
            requestHash: key,
            claim: newClaim(employee, at),
          }),
        );
      const a = await file(KARI, same, 'a');
      const b = await file(KARI, same, 'b');
      const later = await file(KARI, '2026-03-03T08:00:00.000Z', 'c');
      await file(OLA, '2026-03-04T08:00:00.000Z', 'd');
      expect((await store.listForEmployee(KARI)).map((c) => c.id)).toEqual([later.id, b.id, a.id]);
      await store.updateStatus(b.id, 'submitted', 'approved', '2026-03-05T08:00:00.000Z');
      const approved = await store.listForEmployee(KARI, { status: 'approved' });
      expect(approved.map((c) => c.id)).toEqual([b.id]);
      expect(approved[0]?.history?.map((s) => s.status)).toEqual(['submitted', 'approved']);
      expect(await store.listForEmployee('aad-nobody')).toEqual([]);
    });

    it('keeps attachments per employee and content hash', async () => {
      const store = await h.fresh();
      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
      const at = '2026-03-02T08:00:00.000Z';
      expect(await store.putAttachment(KARI, 'abc', 'application/pdf', bytes, at)).toBe('created');
      expect(await store.putAttachment(KARI, 'abc', 'image/png', Buffer.from('x'), at)).toBe(
        'exists',
      );
      const found = await store.getAttachment(KARI, 'abc');
      expect(found?.mime).toBe('application/pdf');
      expect(Buffer.compare(Buffer.from(found?.bytes ?? []), bytes)).toBe(0);
      expect(await store.hasAttachment(KARI, 'abc')).toBe(true);
      expect(await store.hasAttachment(OLA, 'abc')).toBe(false);
      expect(await store.getAttachment(OLA, 'abc')).toBeUndefined();
    });

    it('moves a status only from the status it names, with who, why and the payout', async () => {
      const store = await h.fresh();
      const claim = created(
        await store.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim: newClaim() }),
      );
      const approved = await store.updateStatus(
        claim.id,
        'submitted',
        'approved',
        '2026-03-03T08:00:00.000Z',
        'not a rejection',
        { actor: 'finance:per' },
      );
      expect(approved).toMatchObject({ status: 'approved', updatedAt: '2026-03-03T08:00:00.000Z' });
      expect(approved).not.toHaveProperty('rejectionReason');
      expect(
        await store.updateStatus(
          claim.id,
          'submitted',
          'rejected',
          '2026-03-03T09:00:00.000Z',
          'x',
        ),
      ).toBeUndefined();
      const payout = { date: '2026-03-10', amountMinor: 14_250, currency: 'NOK' as const };
      const paid = await store.updateStatus(
        claim.id,
        'approved',
        'paid',
        '2026-03-10T08:00:00.000Z',
        undefined,
        { payout },
      );
      expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-03-10T08:00:00.000Z', payout });
      expect(paid?.history).toEqual([
        { at: claim.createdAt, status: 'submitted', actor: `employee:${KARI}` },
        { at: '2026-03-03T08:00:00.000Z', status: 'approved', actor: 'finance:per' },
        { at: '2026-03-10T08:00:00.000Z', status: 'paid', actor: 'finance' },
      ]);
      expect(await store.get(claim.id)).toEqual(paid);
      expect(
        await store.updateStatus('no-such-claim', 'submitted', 'approved', claim.createdAt),
      ).toBeUndefined();
    });

    it('files a rejected claim again once, one version up, and refuses stale and foreign edits', async () => {
      const store = await h.fresh();
      const claim = created(
        await store.fileClaim({ idempotencyKey: 'file', requestHash: 'h', claim: newClaim() }),
      );
      const at = '2026-03-04T08:00:00.000Z';
      const input = {
        employeeId: KARI,
        claimId: claim.id,
        version: 1,
        idempotencyKey: 'put-1',
        requestHash: 'p1',
        content: HOTEL,
        at,
      };
      expect(await store.resubmit(input)).toMatchObject({ outcome: 'not-rejected' });
      const rejected = await store.updateStatus(
        claim.id,
        'submitted',
        'rejected',
        '2026-03-03T08:00:00.000Z',
        'Mangler kvittering',
      );
      expect(rejected).toMatchObject({ rejectionReason: 'Mangler kvittering' });
      expect(await store.resubmit({ ...input, employeeId: OLA })).toEqual({ outcome: 'not-found' });
      expect(await store.resubmit({ ...input, claimId: 'no-such-claim' })).toEqual({
        outcome: 'not-found',
      });
      expect(await store.resubmit({ ...input, version: 2 })).toMatchObject({
        outcome: 'version-conflict',
        claim: { version: 1 },
      });
      expect(await store.resubmit({ ...input, idempotencyKey: 'file' })).toEqual({
        outcome: 'key-reused',
      });

      const result = await store.resubmit(input);
      expect(result.outcome).toBe('resubmitted');
      const again = 'claim' in result ? result.claim : undefined;
      expect(again).toMatchObject({
        id: claim.id,
        number: claim.number,
        status: 'submitted',
        version: 2,
        updatedAt: at,
        ...HOTEL,
      });
      expect(again).not.toHaveProperty('rejectionReason');
      expect(again?.history?.map((s) => s.status)).toEqual(['submitted', 'rejected', 'submitted']);
      expect(await store.resubmit(input)).toEqual({ outcome: 'replayed', claim: again });
      expect(await store.resubmit({ ...input, requestHash: 'other' })).toEqual({
        outcome: 'key-reused',
      });
      expect(
        await store.fileClaim({ idempotencyKey: 'put-1', requestHash: 'h', claim: newClaim() }),
      ).toEqual({ outcome: 'key-reused', claimId: claim.id });
    });

    it('files one claim when many file the same request at once through several connections', async () => {
      const stores = [await h.fresh(), await h.another(), await h.another(), await h.another()];
      const claim = newClaim();
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          Promise.resolve(
            stores[i % stores.length]?.fileClaim({
              idempotencyKey: 'same',
              requestHash: 'h',
              // Each retry has an id of its own, as the API gives every request one.
              claim: { ...claim, id: `${claim.id}-${i}` },
            }),
          ),
        ),
      );
      const winners = results.filter((r) => r?.outcome === 'created');
      expect(winners).toHaveLength(1);
      const winner = winners[0]?.outcome === 'created' ? winners[0].claim : undefined;
      expect(results.filter((r) => r?.outcome === 'replayed')).toHaveLength(23);
      for (const r of results) expect(r).toEqual({ outcome: r?.outcome, claim: winner });
      expect((await stores[1]?.listForEmployee(KARI))?.map((c) => c.id)).toEqual([winner?.id]);
    });

    it('gives claims filed at once through several connections distinct numbers without gaps', async () => {
      const stores = [await h.fresh(), await h.another(), await h.another()];
      const results = await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          Promise.resolve(
            stores[i % stores.length]?.fileClaim({
              idempotencyKey: `k-${i}`,
              requestHash: 'h',
              claim: newClaim(),
            }),
          ),
        ),
      );
      const numbers = results.map((r) => (r?.outcome === 'created' ? r.claim.number : r?.outcome));
      expect(numbers.sort()).toEqual(
        Array.from({ length: 15 }, (_, i) => `RR-2026-${String(i + 1).padStart(6, '0')}`),
      );
    });

    it('lets one of two moves from the same status win when made at once', async () => {
      const [one, two] = [await h.fresh(), await h.another()];
      const claim = created(
        await one.fileClaim({ idempotencyKey: 'k', requestHash: 'h', claim: newClaim() }),
      );
      const at = '2026-03-03T08:00:00.000Z';
      const moves = await Promise.all([
        Promise.resolve(one.updateStatus(claim.id, 'submitted', 'approved', at)),
        Promise.resolve(two.updateStatus(claim.id, 'submitted', 'rejected', at, 'Feil')),
      ]);
      const moved = moves.filter((m) => m !== undefined);
      expect(moved).toHaveLength(1);
      const final = await two.get(claim.id);
      expect(final?.status).toBe(moved[0]?.status);
      expect(final?.history).toHaveLength(2);
    });
  });
}
