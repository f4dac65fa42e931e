/** The reference claims API's numbering and storage, its profiles file and standalone settings. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type Claim } from '../src/claims/claim.js';
import { ClaimsApiUnavailableError, createClaimsClient } from '../src/claims-api/claims-client.js';
import { ClaimsRepository } from '../src/claims-api/claims-repository.js';
import { loadProfiles, ProfilesFileError } from '../src/claims-api/profiles.js';
import { CLAIMS_API_PREFIX } from '../src/claims-api/reference-server.js';
import {
  parseStandaloneEnv,
  StandaloneConfigError,
  startStandalone,
} from '../src/claims-api/standalone.js';
import { createLogger } from '../src/logger.js';
import {
  call,
  clientFor,
  closeAll,
  dir,
  ferryClaim,
  KARI,
  newKey,
  profilesFile,
  startApi,
  TOKEN,
  anyMessage,
} from './helpers/claims-api-harness.js';

afterAll(closeAll);

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
    expect(res.body).toEqual({ error: 'internal', message: anyMessage });
    expect(res.text).not.toContain('disk on fire');
    expect(res.text).not.toContain('at ');
    expect(api.logs.join('')).toContain('disk on fire');
    expect(api.logs.join('')).not.toContain(TOKEN);
    await expect(clientFor(api).listClaims(KARI)).rejects.toBeInstanceOf(ClaimsApiUnavailableError);
    await api.close();
  });

  it('the OpenAPI contract lists exactly the routes the reference server serves', async () => {
    const api = await startApi();
    const served = (
      api.server.getDebugInfo() as { routes: Array<{ method: string; path: string }> }
    ).routes
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
    // The same floor as the bot's embedded API: 31 characters is one too few.
    expect(() => parseStandaloneEnv({ CLAIMS_API_TOKEN: 'x'.repeat(31) })).toThrow(
      /at least 32 characters/,
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
