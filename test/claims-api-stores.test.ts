/**
 * The reference claims API's storage on SQLite and on PostgreSQL against the same contracts, and
 * the API itself as two instances on one PostgreSQL database (test/helpers/pg-test-database.ts
 * says which server, and when the PostgreSQL part skips).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import restify from 'restify';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewClaim } from '../src/claims/claim.js';
import { openClaimsApiStores } from '../src/claims-api/claims-api-stores.js';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import { CLAIMS_API_PREFIX, registerClaimsApiRoutes } from '../src/claims-api/reference-server.js';
import { loadProfiles } from '../src/claims-api/profiles.js';
import {
  EVENT_ID_HEADER,
  verifyWebhook,
  type WebhookEvent,
} from '../src/claims-api/webhook-events.js';
import { parseStandaloneEnv, startStandalone } from '../src/claims-api/standalone.js';
import { SqliteWebhookStore } from '../src/claims-api/sqlite-webhook-store.js';
import { Webhooks } from '../src/claims-api/webhooks.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { claimsStoreContract } from './contracts/claims-store-contract.js';
import { webhookStoreContract } from './contracts/webhook-store-contract.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  useMigratedSchemas,
} from './helpers/pg-test-database.js';

let dir: string;
const opened: Database.Database[] = [];

/** The test's SQLite file, through a connection of its own. */
function sqlite(): Database.Database {
  const db = openDatabase(join(dir, 'claims-api.sqlite'));
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claims-api-stores-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const onSqlite = () => Promise.resolve(openClaimsApiStores({ sqlite: sqlite() }));
claimsStoreContract('SQLite', {
  fresh: async () => (await onSqlite()).repo,
  another: async () => (await onSqlite()).repo,
});
webhookStoreContract('SQLite', {
  fresh: async () => (await onSqlite()).webhookStore,
  another: async () => (await onSqlite()).webhookStore,
});

const TOKEN = 'service-token-for-tests-0123456789';
const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const SECRET = 'subscriber-secret-0123456789';
const KARI = 'aad-kari';

const taxi: NewClaim = {
  description: 'Taxi til flyplassen',
  purpose: 'Kundemøte',
  lines: [
    { type: 'outlay', date: '2026-03-01', kind: 'taxi', amountMinor: 45_000, currency: 'NOK' },
  ],
};

const clientOf = (baseUrl: string) =>
  createClaimsClient({ baseUrl, token: TOKEN, timeoutMs: 5_000 });

interface Instance {
  url: string;
  close(): Promise<void>;
}

/** The reference API as one bot instance embeds it: its own pool on the shared database. */
async function startInstance(pool: pg.Pool): Promise<Instance> {
  const stores = openClaimsApiStores({ pool });
  const logger = createLogger('silent');
  const webhooks = new Webhooks(stores.webhookStore, { logger, retryBaseMs: 20, pollMs: 50 });
  const server = restify.createServer();
  registerClaimsApiRoutes(server, {
    repo: stores.repo,
    webhooks,
    serviceToken: TOKEN,
    adminToken: ADMIN_TOKEN,
    profiles: loadProfiles(),
    logger,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  webhooks.kick();
  return {
    url: `http://127.0.0.1:${server.address().port}${CLAIMS_API_PREFIX}`,
    close: async () => {
      await webhooks.close();
      await new Promise<void>((done) => {
        server.close(() => done());
      });
    },
  };
}

function post(instance: Instance, path: string, body: unknown, headers: Record<string, string>) {
  return fetch(`${instance.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const fileAs = (instance: Instance, key: string) =>
  post(instance, '/claims', taxi, {
    authorization: `Bearer ${TOKEN}`,
    'x-acting-employee': KARI,
    'idempotency-key': key,
  });

describePg('claims API storage on PostgreSQL', () => {
  const schemas = useMigratedSchemas('claims_api', [
    'claims_api_status_history',
    'claims_api_idempotency_keys',
    'claims_api_claims',
    'claims_api_attachments',
    'claims_api_number_sequences',
    'claims_api_webhook_deliveries',
    'claims_api_subscriptions',
  ]);
  // Another bot instance: a pool of its own, so its calls run on connections of their own.
  const onPg = (pool: pg.Pool) => Promise.resolve(openClaimsApiStores({ pool }));

  claimsStoreContract('PostgreSQL', {
    fresh: async () => (await onPg(schemas.pool)).repo,
    another: async () => (await onPg(schemas.db.open())).repo,
  });
  webhookStoreContract('PostgreSQL', {
    fresh: async () => (await onPg(schemas.pool)).webhookStore,
    another: async () => (await onPg(schemas.db.open())).webhookStore,
  });

  const instances: Instance[] = [];
  afterAll(() => Promise.all(instances.map((i) => i.close())));

  it('serves one set of claims through two instances: a request filed through both at once files one claim', async () => {
    const [a, b] = [await startInstance(schemas.db.open()), await startInstance(schemas.db.open())];
    instances.push(a, b);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fileAs(i % 2 ? a : b, 'same-key')),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id: string }>));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      9,
    );

    const client = clientOf(b.url);
    const [listed] = await client.listClaims(KARI);
    expect(listed).toEqual(bodies[0]);
    expect(listed?.number).toBe('RR-2026-000001');
  });

  it("sends each claim event once though every instance sends webhooks, signed with the subscriber's secret", async () => {
    const [a, b] = [await startInstance(schemas.db.open()), await startInstance(schemas.db.open())];
    instances.push(a, b);
    const received: string[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const checked = verifyWebhook(
          SECRET,
          {
            signature: req.headers['x-claims-signature'] as string,
            timestamp: req.headers['x-claims-timestamp'] as string,
          },
          body,
          new Date(),
        );
        if (checked.ok) received.push(`${String(req.headers[EVENT_ID_HEADER])} ${typeOf(body)}`);
        res.writeHead(checked.ok ? 204 : 401);
        res.end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const client = clientOf(a.url);
      expect(await client.subscribe(hook, SECRET)).toBe('subscribed');
      const claim = await client.fileClaim(KARI, taxi, 'k-events');
      const moved = await post(
        b,
        `/admin/claims/${claim.id}/status`,
        { status: 'approved' },
        { authorization: `Bearer ${ADMIN_TOKEN}` },
      );
      expect(moved.status).toBe(200);
      await expect
        .poll(() => received.map((r) => r.split(' ')[1]).sort(), { timeout: 5_000 })
        .toEqual(['claim.approved', 'claim.submitted']);
      // Both instances keep looking for due deliveries; neither sends one the other sent.
      await new Promise((done) => setTimeout(done, 300));
      expect(received).toHaveLength(2);
      expect(new Set(received.map((r) => r.split(' ')[0])).size).toBe(2);
    } finally {
      receiver.close();
    }
  });
});

describe('webhooks when the store fails', () => {
  it('keeps the delivery and sends it once the store answers again', async () => {
    let failures = 2;
    class FailingAtFirst extends SqliteWebhookStore {
      override take(now: number, leaseUntil: number) {
        if (failures > 0) {
          failures -= 1;
          throw new Error('database is locked');
        }
        return super.take(now, leaseUntil);
      }
    }
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    let sent = 0;
    const webhooks = new Webhooks(new FailingAtFirst(sqlite()), {
      logger: createLogger('warn', sink),
      retryBaseMs: 20,
      fetch: () => {
        sent += 1;
        return Promise.resolve(new Response(null, { status: 204 }));
      },
    });
    try {
      await webhooks.subscribe('https://bot.example.com/hook', SECRET, ['claim.paid']);
      await webhooks.publish({ id: 'e1', type: 'claim.paid', createdAt: '', data: {} as never });
      await expect.poll(() => sent, { timeout: 5_000 }).toBe(1);
      expect(logs.join('')).toContain('database is locked');
    } finally {
      await webhooks.close();
    }
  });
});

describe('standalone claims API settings', () => {
  it('takes a PostgreSQL URL for its data, and names nothing else in DATABASE_URL', () => {
    const url = 'postgres://claims:pw@db.example.com:5432/claims';
    expect(parseStandaloneEnv({ CLAIMS_API_TOKEN: TOKEN, DATABASE_URL: url })).toMatchObject({
      DATABASE_URL: url,
    });
    expect(parseStandaloneEnv({ CLAIMS_API_TOKEN: TOKEN, DATABASE_URL: '' }).DATABASE_URL).toBe(
      undefined,
    );
    const wrong = () =>
      parseStandaloneEnv({ CLAIMS_API_TOKEN: TOKEN, DATABASE_URL: 'mysql://u:hunter2@db/claims' });
    expect(wrong).toThrow(/DATABASE_URL/);
    expect(wrong).not.toThrow(/hunter2/);
  });
});

describePg('standalone claims API on PostgreSQL', () => {
  it('keeps its claims in the database DATABASE_URL names, across a restart', async () => {
    const db = await freshSchemas(testDatabaseUrl(), 'standalone');
    try {
      // The schema in the URL, as an operator would give a database of its own.
      const url = new URL(testDatabaseUrl());
      url.searchParams.set('options', `-c search_path=${db.schema}`);
      const settings = parseStandaloneEnv({
        CLAIMS_API_TOKEN: TOKEN,
        CLAIMS_API_PORT: '0',
        DATA_DIR: join(dir, 'unused'),
        DATABASE_URL: url.toString(),
      });
      const logger = createLogger('silent');
      const first = await startStandalone(settings, logger);
      const claim = await clientOf(first.url).fileClaim(KARI, taxi, 'k-standalone');
      await first.close();

      const again = await startStandalone(settings, logger);
      const client = clientOf(again.url);
      expect(await client.fileClaim(KARI, taxi, 'k-standalone')).toEqual(claim);
      await again.close();
      expect(await openClaimsApiStores({ pool: db.open() }).repo.get(claim.id)).toEqual(claim);
    } finally {
      await db.dispose();
    }
  });
});

function typeOf(body: string): string {
  return (JSON.parse(body) as WebhookEvent).type;
}
