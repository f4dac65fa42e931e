/**
 * The reference claims API on a free port for the claims-API tests: its own SQLite file, a
 * profiles file, a clock that moves a minute per call, and the logs it writes.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import restify from 'restify';
import { expect } from 'vitest';
import type { Claim, NewClaim } from '../../src/claims/claim.js';
import { createClaimsClient, type ClaimsClient } from '../../src/claims-api/claims-client.js';
import {
  openClaimsApiStores,
  type ClaimsApiStores,
} from '../../src/claims-api/claims-api-stores.js';
import type { ClaimsRepository } from '../../src/claims-api/claims-repository.js';
import { loadProfiles } from '../../src/claims-api/profiles.js';
import {
  CLAIMS_API_PREFIX,
  registerClaimsApiRoutes,
} from '../../src/claims-api/reference-server.js';
import { Webhooks } from '../../src/claims-api/webhooks.js';
import { createLogger } from '../../src/logger.js';

export const TOKEN = 'service-token-for-tests-0123456789';
export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
export const KARI = '6f1c2a3b-0000-4000-8000-000000000001';
export const OLA = '6f1c2a3b-0000-4000-8000-000000000002';
export const UNKNOWN = '6f1c2a3b-0000-4000-8000-000000000003';

export const dir = mkdtempSync(join(tmpdir(), 'claims-api-test-'));
export const profilesFile = join(dir, 'profiles.json');
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

export const ferryClaim: NewClaim = {
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

export interface Api {
  url: string;
  logs: string[];
  server: restify.Server;
  setClock(date: Date): void;
  webhooks: Webhooks | undefined;
  close(): Promise<void>;
}

export const running: Api[] = [];

/** Where an API keeps its data: the stores, and how to let go of them when it closes. */
export interface ApiStorage {
  stores: ClaimsApiStores;
  close(): Promise<void>;
}

/** A fresh SQLite file in the test folder, unless a test names the file. */
function sqliteStorage(file?: string): ApiStorage & { db: Database.Database } {
  const db = new Database(file ?? join(dir, `api-${running.length}-${Date.now()}.sqlite`));
  return {
    db,
    stores: openClaimsApiStores({ sqlite: db }),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

let openStorage = (): Promise<ApiStorage> => Promise.resolve(sqliteStorage());

/**
 * From now on the APIs this file starts keep their data where `open` says (each an empty store),
 * so the same HTTP tests run on another database. A test that names a file, or a SQLite
 * repository of its own, still gets SQLite.
 */
export function storeApisIn(open: () => Promise<ApiStorage>): void {
  openStorage = open;
}

export async function startApi(
  options: {
    file?: string;
    adminToken?: string | null;
    globalBodyParser?: boolean;
    repo?: (db: Database.Database) => ClaimsRepository;
    /** Webhook subscriptions on, with retries this far apart (ms) at first. */
    webhookRetryMs?: number;
  } = {},
): Promise<Api> {
  const own = options.file !== undefined || options.repo ? sqliteStorage(options.file) : undefined;
  const storage = own ?? (await openStorage());
  const { webhookStore } = storage.stores;
  const repo = own && options.repo ? options.repo(own.db) : storage.stores.repo;
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
  const webhooks =
    options.webhookRetryMs === undefined
      ? undefined
      : new Webhooks(webhookStore, {
          logger: createLogger('silent'),
          retryBaseMs: options.webhookRetryMs,
        });
  registerClaimsApiRoutes(server, {
    ...(webhooks ? { webhooks } : {}),
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
  const { port } = server.address();
  const api: Api = {
    url: `http://127.0.0.1:${port}`,
    logs,
    server,
    setClock: (date) => {
      clock = date;
    },
    webhooks,
    close: async () => {
      await webhooks?.close();
      await new Promise<void>((done) => {
        server.close(() => done());
      });
      await storage.close();
    },
  };
  running.push(api);
  return api;
}

export function clientFor(
  api: { url: string },
  overrides: { token?: string; timeoutMs?: number } = {},
): ClaimsClient {
  return createClaimsClient({
    baseUrl: `${api.url}${CLAIMS_API_PREFIX}`,
    token: overrides.token ?? TOKEN,
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });
}

/** An API answer as the tests read it: the fields they check, whatever the route. */
/** Any message: the API words its errors, the tests check only that there is one. */
export const anyMessage: unknown = expect.any(String);

export interface ApiBody {
  id: string;
  status: string;
  updatedAt: string;
  error: string;
  message: string;
  issues: Array<{ path: string[]; message: string }>;
  claims: Claim[];
  [field: string]: unknown;
}

export async function call(
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
): Promise<{ status: number; headers: Headers; body: ApiBody; text: string }> {
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
    body: (text ? JSON.parse(text) : undefined) as ApiBody,
    text,
  };
}

let keyCounter = 0;
export const newKey = () => `key-${++keyCounter}-${Date.now()}`;

/** Stops every API a test file started and removes their files. */
export async function closeAll(): Promise<void> {
  await Promise.all(running.splice(0).map((api) => api.close().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
}
