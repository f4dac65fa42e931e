import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimSchema, type Claim, type NewClaim } from '../src/claims/claim.js';
import {
  ClaimsApiRejectedError,
  ClaimsApiUnavailableError,
  createClaimsClient,
  type ClaimsClient,
} from '../src/claims-api/claims-client.js';
import { ClaimsRepository } from '../src/claims-api/claims-repository.js';
import { loadProfiles, ProfilesFileError } from '../src/claims-api/profiles.js';
import { CLAIMS_API_PREFIX, registerClaimsApiRoutes } from '../src/claims-api/reference-server.js';
import {
  parseStandaloneEnv,
  StandaloneConfigError,
  startStandalone,
} from '../src/claims-api/standalone.js';
import { createLogger } from '../src/logger.js';

const TOKEN = 'service-token-for-tests-0123456789';
const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const KARI = '6f1c2a3b-0000-4000-8000-000000000001';
const OLA = '6f1c2a3b-0000-4000-8000-000000000002';
const UNKNOWN = '6f1c2a3b-0000-4000-8000-000000000003';

const dir = mkdtempSync(join(tmpdir(), 'claims-api-test-'));
const profilesFile = join(dir, 'profiles.json');
writeFileSync(
  profilesFile,
  JSON.stringify({
    default: { company: 'Fjordkraft Reiser AS' },
    employees: {
      // Upper case on purpose: admins copy GUIDs from portals that print them that way.
      [KARI.toUpperCase()]: { name: 'Kari Nordmann', department: 'Sal', project: 'P-1001' },
      [OLA]: { name: 'Ola Nordmann', company: 'Fjordkraft Drift AS', department: 'Drift' },
    },
  }),
);

const ferryClaim: NewClaim = {
  description: 'Kundemøte i Bergen',
  purpose: 'Møte med kunde om ny avtale',
  lines: [
    {
      type: 'outlay',
      date: '2026-03-01',
      kind: 'ferry',
      amountMinor: 14_250,
      currency: 'NOK',
      merchant: 'Fjord1',
    },
    { type: 'outlay', date: '2026-03-01', kind: 'parking', amountMinor: 6_000, currency: 'NOK' },
    {
      type: 'outlay',
      date: '2026-03-02',
      kind: 'meal',
      amountMinor: 3_500,
      currency: 'EUR',
      comment: 'Lunsj',
    },
  ],
};

interface Api {
  url: string;
  db: Database.Database;
  logs: string[];
  server: restify.Server;
  setClock(date: Date): void;
  close(): Promise<void>;
}

const running: Api[] = [];

async function startApi(
  options: {
    file?: string;
    adminToken?: string | null;
    globalBodyParser?: boolean;
    repo?: (db: Database.Database) => ClaimsRepository;
  } = {},
): Promise<Api> {
  const db = new Database(options.file ?? join(dir, `api-${running.length}-${Date.now()}.sqlite`));
  const repo = options.repo ? options.repo(db) : new ClaimsRepository(db);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  let clock = new Date('2026-03-02T08:00:00.000Z');
  const server = restify.createServer();
  if (options.globalBodyParser) server.use(restify.plugins.bodyParser());
  registerClaimsApiRoutes(server, {
    repo,
    serviceToken: TOKEN,
    adminToken: options.adminToken === null ? undefined : (options.adminToken ?? ADMIN_TOKEN),
    profiles: loadProfiles(profilesFile),
    logger: createLogger('info', sink),
    // Each call a minute later, so "newest first" is decided by time, not by luck.
    now: () => {
      const current = clock;
      clock = new Date(clock.getTime() + 60_000);
      return current;
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const api: Api = {
    url: `http://127.0.0.1:${port}`,
    db,
    logs,
    server,
    setClock: (date) => {
      clock = date;
    },
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      db.close();
    },
  };
  running.push(api);
  return api;
}

function clientFor(
  api: { url: string },
  overrides: { token?: string; timeoutMs?: number } = {},
): ClaimsClient {
  return createClaimsClient({
    baseUrl: `${api.url}${CLAIMS_API_PREFIX}`,
    token: overrides.token ?? TOKEN,
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });
}

async function call(
  api: Api,
  method: string,
  path: string,
  init: {
    employee?: string | null;
    token?: string | null;
    key?: string;
    body?: unknown;
    rawBody?: string;
  } = {},
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
  if (init.employee !== null) headers['x-acting-employee'] = init.employee ?? KARI;
  if (init.key !== undefined) headers['idempotency-key'] = init.key;
  const response = await fetch(`${api.url}${CLAIMS_API_PREFIX}${path}`, {
    method,
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
    text,
  };
}

let keyCounter = 0;
const newKey = () => `key-${++keyCounter}-${Date.now()}`;

afterAll(async () => {
  await Promise.all(running.map((api) => api.close().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
});

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
    expect(raw.body).toEqual({ error: 'not_found', message: expect.any(String) });
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
      expect(res.body).toEqual({ error: 'unauthorized', message: expect.any(String) });
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

describe('claims API, numbering and storage', () => {
  it('restarts the number sequence in a new Norwegian year', async () => {
    const api = await startApi();
    const client = clientFor(api);
    api.setClock(new Date('2026-12-31T22:30:00.000Z')); // 23:30 in Oslo
    expect((await client.fileClaim(KARI, ferryClaim, newKey())).number).toBe('RR-2026-000001');
    api.setClock(new Date('2026-12-31T23:30:00.000Z')); // 00:30 on 1 January in Oslo
    expect((await client.fileClaim(KARI, ferryClaim, newKey())).number).toBe('RR-2027-000001');
    expect((await client.fileClaim(KARI, ferryClaim, newKey())).number).toBe('RR-2027-000002');
    await api.close();
  });

  it('keeps claims, numbers and idempotency keys when the file is opened again', async () => {
    const file = join(dir, 'reopened.sqlite');
    const key = newKey();
    const first = await startApi({ file });
    const filed = await clientFor(first).fileClaim(KARI, ferryClaim, key);
    await first.close();

    const again = await startApi({ file });
    const client = clientFor(again);
    expect(await client.getClaim(KARI, filed.id)).toEqual(filed);
    expect(await client.fileClaim(KARI, ferryClaim, key)).toEqual(filed);
    expect((await client.listClaims(KARI)).map((c) => c.id)).toEqual([filed.id]);
    const next = await client.fileClaim(KARI, ferryClaim, newKey());
    expect(next.number).toBe('RR-2026-000002');
    await again.close();
  });

  it('works behind a server that already parses every body', async () => {
    const api = await startApi({ globalBodyParser: true });
    const client = clientFor(api);
    const key = newKey();
    const claim = await client.fileClaim(KARI, ferryClaim, key);
    expect(await client.fileClaim(KARI, ferryClaim, key)).toEqual(claim);
    expect(
      (await call(api, 'POST', '/claims', { key: newKey(), body: { ...ferryClaim, lines: [] } }))
        .status,
    ).toBe(422);
    await api.close();
  });

  it('answers 500 without details and logs the failure when storage breaks', async () => {
    class BrokenRepository extends ClaimsRepository {
      override listForEmployee(): Claim[] {
        throw new Error('disk on fire at /secret/path');
      }
    }
    const api = await startApi({ repo: (db) => new BrokenRepository(db) });
    const res = await call(api, 'GET', '/claims');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal', message: expect.any(String) });
    expect(res.text).not.toContain('disk on fire');
    expect(res.text).not.toContain('at ');
    expect(api.logs.join('')).toContain('disk on fire');
    expect(api.logs.join('')).not.toContain(TOKEN);
    await expect(clientFor(api).listClaims(KARI)).rejects.toBeInstanceOf(ClaimsApiUnavailableError);
    await api.close();
  });

  it('the OpenAPI contract lists exactly the routes the reference server serves', async () => {
    const api = await startApi();
    const served = (api.server.getDebugInfo().routes as Array<{ method: string; path: string }>)
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.path.slice(CLAIMS_API_PREFIX.length).replace(/:(\w+)/g, '{$1}')}`,
      )
      .sort();
    const yaml = readFileSync(new URL('../src/claims-api/openapi.yaml', import.meta.url), 'utf8');
    const documented: string[] = [];
    let currentPath: string | undefined;
    for (const line of yaml.split('\n')) {
      const pathMatch = /^ {2}(\/\S+):\s*$/.exec(line);
      if (pathMatch) currentPath = pathMatch[1];
      else if (/^\S/.test(line)) currentPath = undefined;
      const methodMatch = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
      if (currentPath && methodMatch) documented.push(`${methodMatch[1]} ${currentPath}`);
    }
    expect(documented.sort()).toEqual(served);
    await api.close();
  });
});

describe('claims client, when the API is unreachable', () => {
  const servers: HttpServer[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((done) => s.close(done));
    }
  });

  // restify patches http.ServerResponse (writeHead no longer returns the response), hence no chaining.
  async function listen(handler: Parameters<typeof createHttpServer>[1]): Promise<string> {
    const s = createHttpServer(handler);
    servers.push(s);
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }

  it('reports a closed port as ClaimsApiUnavailableError', async () => {
    const s = createHttpServer();
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
    const { port } = s.address() as AddressInfo;
    await new Promise((done) => s.close(done));

    const client = createClaimsClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      timeoutMs: 2_000,
    });
    const error = await client.fileClaim(KARI, ferryClaim, newKey()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimsApiUnavailableError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('gives up after the timeout when the API never answers', async () => {
    const url = await listen(() => {
      // Never answers.
    });
    const client = createClaimsClient({ baseUrl: url, token: TOKEN, timeoutMs: 200 });
    const started = Date.now();
    const error = await client.listClaims(KARI).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimsApiUnavailableError);
    expect((error as Error).message).toContain('200 ms');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('treats 5xx, 429 and answers that break the contract as unavailable', async () => {
    const url = await listen((req, res) => {
      if (req.url?.endsWith('/profile')) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":"down","message":"maintenance"}');
      } else if (req.url?.endsWith('/claims')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"claims":[{"id":42}]}');
      } else if (req.url?.includes('/claims/html')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>proxy login</html>');
      } else {
        res.writeHead(429);
        res.end();
      }
    });
    const client = createClaimsClient({
      baseUrl: `${url}/claims-api/v1/`,
      token: TOKEN,
      timeoutMs: 2_000,
    });
    await expect(client.getProfile(KARI)).rejects.toThrow(ClaimsApiUnavailableError);
    await expect(client.listClaims(KARI)).rejects.toThrow(/does not match the contract/);
    await expect(client.getClaim(KARI, 'html')).rejects.toThrow(/not JSON/);
    await expect(client.getClaim(KARI, 'busy')).rejects.toThrow(ClaimsApiUnavailableError);
  });

  it('never follows a redirect with the token', async () => {
    let leaked = false;
    const elsewhere = await listen((req, res) => {
      leaked = req.headers.authorization !== undefined;
      res.writeHead(200);
      res.end('{}');
    });
    const url = await listen((_req, res) => {
      res.writeHead(302, { location: `${elsewhere}/steal` });
      res.end();
    });
    const client = createClaimsClient({ baseUrl: url, token: TOKEN, timeoutMs: 2_000 });
    await expect(client.listClaims(KARI)).rejects.toThrow(ClaimsApiUnavailableError);
    expect(leaked).toBe(false);
  });

  it('uses an injected fetch and sends the headers of the contract', async () => {
    const seen: Request[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return new Response('{"employeeId":"x"}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const client = createClaimsClient({
      baseUrl: 'http://claims.example',
      token: TOKEN,
      timeoutMs: 1_000,
      fetch: fakeFetch,
    });
    expect(await client.getProfile(KARI)).toEqual({ employeeId: 'x' });
    expect(seen[0]?.url).toBe('http://claims.example/claims-api/v1/profile');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.headers.get('x-acting-employee')).toBe(KARI);

    const elsewhere = createClaimsClient({
      baseUrl: 'https://erp.example/expense/api/',
      token: TOKEN,
      timeoutMs: 1_000,
      fetch: fakeFetch,
    });
    await elsewhere.getProfile(KARI);
    expect(seen[1]?.url).toBe('https://erp.example/expense/api/profile');
  });
});

describe('profiles file and standalone settings', () => {
  it('names the profiles file when it is broken', () => {
    const bad = join(dir, 'bad-profiles.json');
    writeFileSync(bad, JSON.stringify({ employees: { [KARI]: { departmnet: 'Sal' } } }));
    expect(() => loadProfiles(bad)).toThrow(ProfilesFileError);
    expect(() => loadProfiles(bad)).toThrow(/bad-profiles\.json[\s\S]*departmnet/);
    writeFileSync(bad, '{ not json');
    expect(() => loadProfiles(bad)).toThrow(/bad-profiles\.json is not valid JSON/);
    expect(() => loadProfiles(join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });

  it('without a profiles file every employee gets the configured defaults', () => {
    expect(loadProfiles(undefined, { company: 'AS' }).get(KARI)).toEqual({
      employeeId: KARI,
      company: 'AS',
    });
  });

  it('requires a service token of some length and never echoes it', () => {
    expect(() => parseStandaloneEnv({})).toThrow(/CLAIMS_API_TOKEN/);
    expect(() => parseStandaloneEnv({ CLAIMS_API_TOKEN: 'short-secret' })).toThrow(
      StandaloneConfigError,
    );
    expect(() => parseStandaloneEnv({ CLAIMS_API_TOKEN: 'short-secret' })).not.toThrow(
      /short-secret/,
    );
    expect(() =>
      parseStandaloneEnv({ CLAIMS_API_TOKEN: TOKEN, CLAIMS_API_ADMIN_TOKEN: TOKEN }),
    ).toThrow(/must differ/);
    expect(parseStandaloneEnv({ CLAIMS_API_TOKEN: TOKEN, CLAIMS_API_PORT: '' })).toMatchObject({
      CLAIMS_API_PORT: 3979,
      DATA_DIR: './data',
    });
  });

  it('runs on its own with a file in DATA_DIR and stops cleanly', async () => {
    const dataDir = join(dir, 'standalone-data');
    const settings = parseStandaloneEnv({
      CLAIMS_API_TOKEN: TOKEN,
      CLAIMS_API_PORT: '0',
      DATA_DIR: dataDir,
      PROFILES_FILE: profilesFile,
    });
    const api = await startStandalone(settings, createLogger('silent'));
    const client = createClaimsClient({ baseUrl: api.url, token: TOKEN, timeoutMs: 2_000 });
    const claim = await client.fileClaim(KARI, ferryClaim, newKey());
    expect(claim.dimensions.department).toBe('Sal');
    await api.close();
    const db = new Database(join(dataDir, 'claims-api.sqlite'));
    expect(new ClaimsRepository(db).get(claim.id)).toEqual(claim);
    db.close();
  });
});
