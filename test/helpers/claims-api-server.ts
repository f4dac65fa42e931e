/** The reference claims API on a free port with its own SQLite file: the real thing, not a mock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { pino } from 'pino';
import { ClaimsRepository } from '../../src/claims-api/claims-repository.js';
import { loadProfiles } from '../../src/claims-api/profiles.js';
import { registerClaimsApiRoutes } from '../../src/claims-api/reference-server.js';
import { openDatabase } from '../../src/store/sqlite-database.js';

export interface RunningClaimsApi {
  url: string;
  token: string;
  repo: ClaimsRepository;
  close(): Promise<void>;
}

export async function startClaimsApi(token = 'test-service-token'): Promise<RunningClaimsApi> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-claims-'));
  const db = openDatabase(path.join(dir, 'claims.sqlite'));
  const repo = new ClaimsRepository(db);
  const server = restify.createServer();
  registerClaimsApiRoutes(server, {
    repo,
    serviceToken: token,
    profiles: loadProfiles(),
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    token,
    repo,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
