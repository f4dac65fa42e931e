/** The claims client against an API that is slow, down, or answers what it should not. */
import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimsApiUnavailableError, createClaimsClient } from '../src/claims-api/claims-client.js';
import { closeAll, ferryClaim, KARI, newKey, TOKEN } from './helpers/claims-api-harness.js';

afterAll(closeAll);

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
    const fakeFetch: typeof fetch = (input, init) => {
      seen.push(new Request(input, init));
      return Promise.resolve(
        new Response('{"employeeId":"x"}', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
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
