/**
 * The reference claims API as its own process (`npm run claims-api`), for the tests where the bot
 * talks to it as to a separate system: started before the file's tests on a free port with its
 * own data folder, stopped and removed after them. Also finance's admin route and a client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startClaimsApiProcess, type BotProcess } from '../../scripts/lib/bot-process.js';
import { createClaimsClient, type ClaimsClient } from '../../src/claims-api/claims-client.js';

export const API_TOKEN = 'service-token-for-process-tests-01';
const ADMIN_TOKEN = 'admin-token-for-process-tests-0123';

export interface ClaimsApiProcess {
  /** Base URL of the API, with its /claims-api/v1 prefix. */
  readonly url: string;
  client(): ClaimsClient;
  /** Finance moves a claim (admin route); the move must succeed. */
  finance(id: string, body: Record<string, unknown>): Promise<void>;
}

export function useClaimsApiProcess(env: Record<string, string> = {}): ClaimsApiProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-claims-process-'));
  let api: BotProcess | undefined;
  let url = '';
  beforeAll(async () => {
    api = await startClaimsApiProcess({
      CLAIMS_API_TOKEN: API_TOKEN,
      CLAIMS_API_ADMIN_TOKEN: ADMIN_TOKEN,
      DATA_DIR: dataDir,
      ...env,
    });
    url = `${api.url}/claims-api/v1`;
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      return url;
    },
    client: () => createClaimsClient({ baseUrl: url, token: API_TOKEN, timeoutMs: 5000 }),
    finance: async (id, body) => {
      const res = await fetch(`${url}/admin/claims/${id}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    },
  };
}
