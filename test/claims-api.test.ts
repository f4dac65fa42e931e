/** The reference claims API over HTTP: filing, reading, and finance moving claims on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimSchema, type Claim } from '../src/claims/claim.js';
import { ClaimsApiRejectedError, type ClaimsClient } from '../src/claims-api/claims-client.js';
import { CLAIMS_API_PREFIX } from '../src/claims-api/reference-server.js';
import {
  ADMIN_TOKEN,
  call,
  clientFor,
  closeAll,
  ferryClaim,
  KARI,
  newKey,
  OLA,
  startApi,
  TOKEN,
  UNKNOWN,
  type Api,
  anyMessage,
} from './helpers/claims-api-harness.js';

afterAll(closeAll);

describe('claims API, filing and reading claims', () => {
  let api: Api;
  let client: ClaimsClient;

  beforeAll(async () => {
    api = await startApi();
    client = clientFor(api);
  });

  it('files a submitted claim with a number, totals per currency and the profile dimensions', async () => {
    const claim = await client.fileClaim(KARI, ferryClaim, newKey());

    expect(claimSchema.parse(claim)).toEqual(claim);
    expect(claim.status).toBe('submitted');
    expect(claim.employeeId).toBe(KARI);
    expect(claim.number).toMatch(/^RR-2026-\d{6}$/);
    expect(claim.totals).toEqual([
      { currency: 'NOK', amountMinor: 20_250 },
      { currency: 'EUR', amountMinor: 3_500 },
    ]);
    expect(claim.dimensions).toEqual({
      company: 'Fjordkraft Reiser AS',
      department: 'Sal',
      project: 'P-1001',
    });
    expect(claim.lines).toEqual(ferryClaim.lines);
    expect(await client.getClaim(KARI, claim.id)).toEqual(claim);
  });

  it('numbers claims in sequence within the year of creation', async () => {
    const first = await client.fileClaim(KARI, ferryClaim, newKey());
    const second = await client.fileClaim(OLA, ferryClaim, newKey());
    const n = (c: Claim) => Number(c.number.slice('RR-2026-'.length));
    expect(n(second)).toBe(n(first) + 1);
  });

  it('keeps dimensions the employee chose and fills only the empty ones', async () => {
    const claim = await client.fileClaim(
      KARI,
      { ...ferryClaim, dimensions: { project: 'P-2002', department: ' ' } },
      newKey(),
    );
    expect(claim.dimensions).toEqual({
      company: 'Fjordkraft Reiser AS',
      department: 'Sal',
      project: 'P-2002',
    });
  });

  it('can keep a claim as a draft when the request asks for it', async () => {
    const res = await call(api, 'POST', '/claims', {
      key: newKey(),
      body: { ...ferryClaim, status: 'draft' },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.headers.get('location')).toBe(`${CLAIMS_API_PREFIX}/claims/${res.body.id}`);
  });

  it('an employee sees only their own claims, newest first', async () => {
    const olasClaim = await client.fileClaim(
      OLA,
      { ...ferryClaim, description: 'Olas tur' },
      newKey(),
    );
    const karisNewest = await client.fileClaim(
      KARI,
      { ...ferryClaim, description: 'Karis siste tur' },
      newKey(),
    );

    const karis = await client.listClaims(KARI);
    expect(karis.length).toBeGreaterThan(1);
    expect(karis.every((c) => c.employeeId === KARI)).toBe(true);
    expect(karis[0]?.id).toBe(karisNewest.id);
    const times = karis.map((c) => c.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    expect(await client.getClaim(KARI, olasClaim.id)).toBeUndefined();
    const raw = await call(api, 'GET', `/claims/${olasClaim.id}`, { employee: KARI });
    expect(raw.status).toBe(404);
    expect(raw.body).toEqual({ error: 'not_found', message: anyMessage });
    expect(raw.text).not.toContain('Olas tur');
    expect(await client.getClaim(KARI, 'no-such-claim')).toBeUndefined();
  });

  it('filters the list by status', async () => {
    await call(api, 'POST', '/claims', { key: newKey(), body: { ...ferryClaim, status: 'draft' } });
    const drafts = await call(api, 'GET', '/claims?status=draft');
    expect(drafts.status).toBe(200);
    expect(drafts.body.claims.length).toBeGreaterThan(0);
    expect(drafts.body.claims.every((c: Claim) => c.status === 'draft')).toBe(true);
    expect((await call(api, 'GET', '/claims?status=lost')).status).toBe(400);
  });

  it('an employee with no claims gets an empty list', async () => {
    expect(await client.listClaims(UNKNOWN)).toEqual([]);
  });

  it('refuses a missing or wrong service token with 401 and gives nothing away', async () => {
    for (const token of [null, 'wrong-token', ADMIN_TOKEN, `${TOKEN}x`]) {
      const res = await call(api, 'GET', '/claims', { token });
      expect(res.status, String(token)).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized', message: anyMessage });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.text).not.toContain(TOKEN);
    }
    const filing = await call(api, 'POST', '/claims', {
      token: 'nope',
      key: newKey(),
      body: ferryClaim,
    });
    expect(filing.status).toBe(401);
    await expect(clientFor(api, { token: 'wrong-token' }).listClaims(KARI)).rejects.toMatchObject({
      name: 'ClaimsApiRejectedError',
      status: 401,
    });
  });

  it('refuses a request that does not name a valid acting employee with 400', async () => {
    for (const employee of [null, '', 'has space', 'x'.repeat(101), 'semi;colon']) {
      const res = await call(api, 'GET', '/claims', { employee });
      expect(res.status, JSON.stringify(employee)).toBe(400);
      expect(res.body.error).toBe('bad_request');
    }
    expect((await call(api, 'GET', '/profile', { employee: null })).status).toBe(400);
  });

  it('answers 422 with the issues when the claim is not valid', async () => {
    const invalid = {
      ...ferryClaim,
      purpose: '   ',
      lines: [{ ...ferryClaim.lines[0], amountMinor: -5 }],
    };
    const res = await call(api, 'POST', '/claims', { key: newKey(), body: invalid });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('validation');
    expect(res.body.message).toEqual(expect.any(String));
    const paths = res.body.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['purpose', 'lines.0.amountMinor']));

    expect(
      (await call(api, 'POST', '/claims', { key: newKey(), rawBody: '{"description":' })).status,
    ).toBe(400);
    expect(
      (
        await call(api, 'POST', '/claims', {
          key: newKey(),
          body: { ...ferryClaim, status: 'paid' },
        })
      ).status,
    ).toBe(422);
  });

  it('the client reports a refused claim as ClaimsApiRejectedError with the answer', async () => {
    const error = await client
      .fileClaim(KARI, { ...ferryClaim, lines: [] }, newKey())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimsApiRejectedError);
    expect(error).toMatchObject({ status: 422, body: { error: 'validation' } });
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('requires an Idempotency-Key to file', async () => {
    const res = await call(api, 'POST', '/claims', { body: ferryClaim });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('Idempotency-Key');
    expect(
      (await call(api, 'POST', '/claims', { key: 'k'.repeat(201), body: ferryClaim })).status,
    ).toBe(400);
  });

  it('a second click on File does not file twice', async () => {
    const key = newKey();
    const before = (await client.listClaims(KARI)).length;
    const first = await call(api, 'POST', '/claims', { key, body: ferryClaim });
    // Same request, different key order: still the same claim.
    const reordered = Object.fromEntries(Object.entries(ferryClaim).reverse());
    const second = await call(api, 'POST', '/claims', { key, body: reordered });

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body).toEqual(first.body);
    expect(await client.fileClaim(KARI, ferryClaim, key)).toEqual(first.body);
    expect((await client.listClaims(KARI)).length).toBe(before + 1);
  });

  it('two concurrent posts with the same key file exactly one claim', async () => {
    const key = newKey();
    const before = (await client.listClaims(OLA)).length;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(api, 'POST', '/claims', { employee: OLA, key, body: ferryClaim }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await client.listClaims(OLA)).length).toBe(before + 1);
  });

  it('refuses the same key for a different claim with 409', async () => {
    const key = newKey();
    await client.fileClaim(KARI, ferryClaim, key);
    const res = await call(api, 'POST', '/claims', {
      key,
      body: { ...ferryClaim, purpose: 'Noko anna' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('idempotency_conflict');
    // Asking for a draft is a different request too.
    expect(
      (await call(api, 'POST', '/claims', { key, body: { ...ferryClaim, status: 'draft' } }))
        .status,
    ).toBe(409);
  });

  it('the same key from two employees files two claims', async () => {
    const key = newKey();
    const karis = await client.fileClaim(KARI, ferryClaim, key);
    const olas = await client.fileClaim(OLA, ferryClaim, key);
    expect(olas.id).not.toBe(karis.id);
    expect(olas.employeeId).toBe(OLA);
  });

  it('gives the acting employee their profile, and the defaults to someone unknown', async () => {
    expect(await client.getProfile(KARI)).toEqual({
      employeeId: KARI,
      name: 'Kari Nordmann',
      company: 'Fjordkraft Reiser AS',
      department: 'Sal',
      project: 'P-1001',
    });
    expect(await client.getProfile(OLA)).toMatchObject({
      company: 'Fjordkraft Drift AS',
      department: 'Drift',
    });
    expect(await client.getProfile(UNKNOWN)).toEqual({
      employeeId: UNKNOWN,
      company: 'Fjordkraft Reiser AS',
    });
  });

  it('answers health without a token', async () => {
    const res = await call(api, 'GET', '/health', { token: null, employee: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });
});

describe('claims API, finance moves claims on', () => {
  let api: Api;
  let client: ClaimsClient;

  beforeAll(async () => {
    api = await startApi();
    client = clientFor(api);
  });

  const move = (id: string, status: string, token: string | null = ADMIN_TOKEN) =>
    call(api, 'POST', `/admin/claims/${id}/status`, { token, employee: null, body: { status } });

  it('approves and pays a submitted claim, and the employee sees it', async () => {
    const claim = await client.fileClaim(KARI, ferryClaim, newKey());
    const approved = await move(claim.id, 'approved');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: claim.id, status: 'approved', number: claim.number });
    expect(approved.body.updatedAt > claim.updatedAt).toBe(true);
    expect((await move(claim.id, 'paid')).body.status).toBe('paid');
    expect((await client.getClaim(KARI, claim.id))?.status).toBe('paid');
  });

  it('rejects a submitted claim and submits a draft', async () => {
    const submitted = await client.fileClaim(KARI, ferryClaim, newKey());
    expect((await move(submitted.id, 'rejected')).body.status).toBe('rejected');
    const draft = await call(api, 'POST', '/claims', {
      key: newKey(),
      body: { ...ferryClaim, status: 'draft' },
    });
    expect((await move(draft.body.id, 'submitted')).body.status).toBe('submitted');
  });

  it('refuses moves the process does not allow with 409', async () => {
    const claim = await client.fileClaim(KARI, ferryClaim, newKey());
    for (const status of ['paid', 'draft', 'submitted']) {
      const res = await move(claim.id, status);
      expect(res.status, status).toBe(409);
      expect(res.body).toMatchObject({ error: 'invalid_transition', currentStatus: 'submitted' });
    }
    await move(claim.id, 'rejected');
    for (const status of ['approved', 'paid', 'submitted'])
      expect((await move(claim.id, status)).status, status).toBe(409);
    expect((await client.getClaim(KARI, claim.id))?.status).toBe('rejected');
  });

  it('needs the admin token, answers 404 for an unknown claim and 422 for an unknown status', async () => {
    const claim = await client.fileClaim(KARI, ferryClaim, newKey());
    expect((await move(claim.id, 'approved', TOKEN)).status).toBe(401);
    expect((await move(claim.id, 'approved', null)).status).toBe(401);
    expect((await move('no-such-claim', 'approved')).status).toBe(404);
    expect((await move(claim.id, 'lost')).status).toBe(422);
    expect((await client.getClaim(KARI, claim.id))?.status).toBe('submitted');
  });

  it('has no admin route when no admin token is configured', async () => {
    const closed = await startApi({ adminToken: null });
    const claim = await clientFor(closed).fileClaim(KARI, ferryClaim, newKey());
    const res = await call(closed, 'POST', `/admin/claims/${claim.id}/status`, {
      token: '',
      employee: null,
      body: { status: 'approved' },
    });
    expect(res.status).toBe(404);
    await closed.close();
  });
});
