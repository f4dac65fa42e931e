import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { FakeConnector } from '../scripts/lib/fake-connector.js';
const counts = new Map<string, number>();
const orig = pg.Client.prototype.query;
let counting = false;
(pg.Client.prototype as any).query = function (this: any, ...args: any[]) {
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
  if (counting) { const k = String(text).replace(/\s+/g, ' ').slice(0, 90); counts.set(k, (counts.get(k) ?? 0) + 1); }
  return (orig as any).apply(this, args);
};
const connector = await new FakeConnector().start();
const config = loadConfig({ DATA_DIR: '/tmp/prof-data', PORT: '0', DATABASE_URL: process.env.DBURL, DATABASE_SCHEMA: 'prof', RECEIPT_LINK_SECRET: 'x'.repeat(40), LOG_LEVEL: 'warn' });
const app = await startApp(config, createLogger('warn'));
async function turn(i: number, c: number) {
  const body = { type: 'message', id: randomUUID(), text: `parkering ${i} kr i går`, channelId: 'msteams', serviceUrl: connector.url,
    from: { id: `29:u${c}`, aadObjectId: `u${c}` }, recipient: { id: '28:bot' }, conversation: { id: `a:c${c}`, conversationType: 'personal', tenantId: 't' }, locale: 'nb-NO' };
  const r = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await r.arrayBuffer();
}
for (let i = 0; i < 20; i++) await turn(i, i % 10);
counting = true;
for (let i = 0; i < 100; i++) await turn(i, i % 10);
counting = false;
const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
let total = 0; for (const [k, n] of sorted) { total += n; console.log(String(n / 100).padStart(5), k); }
console.log('total per turn', total / 100);
await app.close(); await connector.stop();
