/**
 * `/readyz` on a real server: 200 while its databases answer, 503 naming the one that does not
 * (here a SQLite database that was closed under it).
 */
import { pino } from 'pino';
import restify from 'restify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readiness, registerReadiness } from '../src/readiness.js';
import { openDatabase } from '../src/store/sqlite-database.js';

const up = openDatabase(':memory:');
const down = openDatabase(':memory:');
let open = true;
const server = restify.createServer();
let url = '';

beforeAll(async () => {
  registerReadiness(
    server,
    [
      ['bot database', () => up.prepare('select 1').get()],
      ['claims database', () => (open ? up : down).prepare('select 1').get()],
    ],
    pino({ level: 'silent' }),
  );
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${server.address().port}/readyz`;
});
afterAll(() => {
  server.close();
  up.close();
});

it('is ready while every database answers, and says which one does not', async () => {
  const ready = await fetch(url);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true });
  down.close();
  open = false;
  const notReady = await fetch(url);
  expect(notReady.status).toBe(503);
  expect(await notReady.json()).toEqual({ ready: false, failing: ['claims database'] });
});

it('counts a check that does not answer in time as failing', async () => {
  const never = () => new Promise(() => undefined);
  expect(await readiness([['queue', never]], 50)).toEqual({ ready: false, failing: ['queue'] });
});
