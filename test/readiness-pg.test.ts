/**
 * `/readyz` of a bot on PostgreSQL: ready while the database and the job queue answer, 503 naming
 * them when the database cannot be reached (a TCP relay between the bot and the server, cut in
 * the test), and ready again when it can. `/healthz` says only that the process is alive. On a
 * real server (test/helpers/pg-test-database.ts says which, and when this file skips).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

/** Forwards connections to the database server while `open`; cutting it ends every connection. */
function relay(target: URL) {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    server,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    mend() {
      open = true;
    },
  };
}

describePg('/readyz on PostgreSQL', () => {
  let db: TestSchemas;
  let app: RunningApp;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-readyz-pg-'));
  const link = relay(new URL(testDatabaseUrl()));

  beforeAll(async () => {
    db = await freshSchemas(testDatabaseUrl(), 'readyz');
    await new Promise<void>((resolve) => link.server.listen(0, '127.0.0.1', resolve));
    const url = new URL(testDatabaseUrl());
    url.hostname = '127.0.0.1';
    url.port = String((link.server.address() as net.AddressInfo).port);
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      DATABASE_SCHEMA: db.schema,
      RECEIPT_LINK_SECRET: 'readyz-receipt-link-secret-of-32-characters',
      CLAIMS_STATUS_POLL_S: '0',
      REMINDERS: 'off',
    });
    app = await startApp(config, pino({ level: 'silent' }));
  }, 60_000);

  afterAll(async () => {
    link.mend();
    await app?.close();
    link.server.close();
    await db?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const readyz = async () => {
    const res = await fetch(`${app.url}/readyz`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('is ready while the database answers, not while it cannot be reached, and ready again after', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { ready: true } });
    link.cut();
    expect(await readyz()).toEqual({
      status: 503,
      body: { ready: false, failing: ['database', 'job queue'] },
    });
    // Alive all the same: a load balancer stops sending turns, nothing restarts the process.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    link.mend();
    expect(await readyz()).toEqual({ status: 200, body: { ready: true } });
  }, 30_000);
});
