/**
 * The compiled runtime: `npm run build` (scripts/build.ts) compiles the server to dist/, and the
 * bot started from there (`node dist/index.js`, what `npm start` runs) answers /healthz and a turn
 * whose reply needs the data files the code reads beside itself: the card templates, the state
 * rates, the user guide and the synonyms.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAll, BUILD_STAMP, DIST } from '../scripts/build.js';
import { HEAP_FLAG, MALLOC_ENV, startProcess } from '../scripts/lib/bot-process.js';
import { useBotServer } from './helpers/bot-server.js';

// Registered before the bot's own hooks, so the bot starts from this build.
beforeAll(() => buildAll(), 120_000);
const server = useBotServer('compiled', { built: true });

const say = (user: { aad: string; conversation: string }, text: string) =>
  server.post(
    server.activity({
      text,
      from: { id: `29:${user.aad}`, name: 'Kari Nordmann', aadObjectId: user.aad },
      conversation: { id: user.conversation, conversationType: 'personal', tenantId: 'tenant-1' },
      locale: 'nb-NO',
      localTimezone: 'Europe/Oslo',
    }),
  );

describe('the compiled server', () => {
  it('is started by npm start with the heap bound and allocator settings the benchmarks measure', () => {
    const pkg = JSON.parse(readFileSync(path.join(DIST, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const words = pkg.scripts.start?.split(' ');
    expect(words).toContain(HEAP_FLAG);
    // The benchmarks' bot runs with the same settings (startBuiltBotProcess adds them).
    const environ = readFileSync(`/proc/${server.bot.child.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(MALLOC_ENV)) {
      expect(words).toContain(`${name}=${value}`);
      expect(environ).toContain(`${name}=${value}`);
    }
  });

  it('is built to dist/ with its data files, runs from there and answers /healthz', async () => {
    for (const file of ['index.js', 'help/guide/guide.nb.md', 'claims/rates/state-rates.json'])
      expect(existsSync(path.join(DIST, file)), file).toBe(true);
    expect(existsSync(BUILD_STAMP)).toBe(true);
    expect(server.bot.child.spawnargs.slice(1)).toEqual([HEAP_FLAG, 'dist/index.js']);
    const health: unknown = await fetch(`${server.bot.url}/healthz`).then((r) => r.json());
    expect(health).toEqual({ ok: true, claimsApi: 'embedded' });
  });

  it('understands a claim statement and answers with a card from cards/', async () => {
    const user = { aad: 'aad-compiled-1', conversation: 'a:compiled-1' };
    expect((await say(user, 'parkering 120 kr i går')).status).toBe(200);
    const cards = server.connector.cards(user.conversation);
    expect(JSON.stringify(cards)).toContain('120,00');
  });

  it('answers a question from the user guide and names the section', async () => {
    const user = { aad: 'aad-compiled-2', conversation: 'a:compiled-2' };
    expect((await say(user, 'hvordan fører jeg ferjebillett?')).status).toBe(200);
    const replies = server.connector.repliesTo(user.conversation);
    expect(JSON.stringify(replies)).toMatch(/Kilde: brukerveiledningen 5\.\d/);
  });

  it('npm run worker starts the jobs-only process from dist/: no chat endpoint, alive and ready', async () => {
    const pkg = JSON.parse(readFileSync(path.join(DIST, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.worker).toContain('scripts/start.mjs --worker');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-compiled-worker-'));
    const worker = await startProcess(['scripts/start.mjs', '--worker'], 'worker listening', {
      DATA_DIR: dataDir,
    });
    try {
      expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
      const chat = await fetch(`${worker.url}/api/messages`, { method: 'POST', body: '{}' });
      expect(chat.status).toBe(404);
    } finally {
      await worker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
