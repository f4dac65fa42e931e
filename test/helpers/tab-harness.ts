/**
 * The tab's routes on a real server for the tab tests: the reference claims API (the harness's),
 * the bot's state and receipt store in a temporary SQLite file, signed receipt links, and with
 * auth on a local JWKS server whose keys sign the test's SSO tokens. Seeds two employees with
 * claims in every status, drafts and inbox receipts, so a test can see whose is shown.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import restify from 'restify';
import type { NewClaim } from '../../src/claims/claim.js';
import type { ClaimsClient } from '../../src/claims-api/claims-client.js';
import { createLogger } from '../../src/logger.js';
import { SqliteReceiptStore } from '../../src/receipts/sqlite-receipt-store.js';
import { createReceiptLinks, type ReceiptLinks } from '../../src/services/receipt-links.js';
import { SqliteStorage } from '../../src/store/sqlite-storage.js';
import type { UserState } from '../../src/conversation/types.js';
import { registerTabRoutes, type ContinueInChat } from '../../src/tab/tab-routes.js';
import { TAB_OUT } from '../../scripts/build-tab.js';
import { createTokenValidator } from '../../src/tab/token-validator.js';
import {
  ADMIN_TOKEN,
  KARI,
  OLA,
  clientFor,
  dir,
  startApi,
  type Api,
} from './claims-api-harness.js';
import {
  CLIENT_ID,
  DOMAIN,
  TENANT,
  goodClaims,
  makeKey,
  signToken,
  startJwksServer,
  type JwksServer,
} from './sso-tokens.js';

export { KARI, OLA };

export interface TabHarness {
  api: Api;
  url: string;
  client: ClaimsClient;
  /** A good SSO token for the employee (auth on only). */
  tokenFor(employeeId: string): string;
  continued: Array<{ employeeId: string; what: Parameters<ContinueInChat>[1] }>;
  close(): Promise<void>;
}

const RECEIPT_PHOTO = readFileSync(
  join(import.meta.dirname, '../fixtures/receipts/parking-no.jpg'),
);
const TAXI_PHOTO = readFileSync(join(import.meta.dirname, '../fixtures/receipts/taxi-no.jpg'));

export async function startTabHarness(opts: {
  auth: boolean;
  developmentEmployeeId?: string;
}): Promise<TabHarness> {
  const api = await startApi();
  const client = clientFor(api);
  const db = new Database(join(dir, `tab-${Date.now()}-${randomBytes(4).toString('hex')}.sqlite`));
  const storage = new SqliteStorage(db);
  const receipts = new SqliteReceiptStore(db, join(dir, 'tab-blobs'));
  const links = createReceiptLinks({
    secret: randomBytes(32).toString('base64url'),
    baseUrl: api.url,
  });
  const key = makeKey('tab-key');
  let jwks: JwksServer | undefined;
  if (opts.auth) jwks = await startJwksServer([key]);
  const continued: TabHarness['continued'] = [];
  registerTabRoutes(api.server, {
    claims: client,
    links,
    receipts,
    states: storage,
    pageDir: TAB_OUT,
    ...(jwks
      ? {
          validator: createTokenValidator({
            clientId: CLIENT_ID,
            domain: DOMAIN,
            tenantId: TENANT,
            multiTenant: false,
            jwksUrl: jwks.url,
          }),
        }
      : {}),
    developmentEmployeeId: opts.developmentEmployeeId ?? KARI,
    chatLink: 'https://teams.microsoft.com/l/chat/0/0?users=28:bot-app-id',
    continueInChat: (employeeId, what) => {
      continued.push({ employeeId, what });
      return Promise.resolve(true);
    },
    logger: createLogger('silent'),
  });
  serveFiledReceipts(api.server, links, client);
  await seed(api, client, storage, receipts);
  return {
    api,
    url: api.url,
    client,
    tokenFor: (employeeId) => signToken(key, goodClaims(employeeId)),
    continued,
    close: async () => {
      await jwks?.close();
      db.close();
    },
  };
}

/** The app's signed-link route for receipts on filed claims (src/app.ts), enough for thumbnails. */
function serveFiledReceipts(server: restify.Server, links: ReceiptLinks, client: ClaimsClient) {
  server.get('/receipts/:sha256', async (req: restify.Request, res: restify.Response) => {
    const params = new URL(req.url ?? '', 'http://x').searchParams;
    const ok = links.verify(
      Object.fromEntries(params),
      String((req.params as { sha256?: string }).sha256),
    );
    const file = ok ? await client.getAttachment(ok.employeeId, ok.sha256) : undefined;
    if (!file) return void res.send(404);
    res.writeHead(200, { 'content-type': file.mime });
    res.end(file.bytes);
  });
}

async function setStatus(api: Api, id: string, status: string, reason?: string) {
  const response = await fetch(`${api.url}/claims-api/v1/admin/claims/${id}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, ...(reason ? { reason } : {}) }),
  });
  if (!response.ok) throw new Error(`admin status ${response.status}`);
}

const outlay = (
  date: string,
  kind: 'parking' | 'taxi' | 'ferry' | 'meal',
  amountMinor: number,
  merchant: string,
) => ({ type: 'outlay', date, kind, amountMinor, currency: 'NOK', merchant }) as const;

async function seed(
  api: Api,
  client: ClaimsClient,
  storage: SqliteStorage,
  receipts: SqliteReceiptStore,
) {
  const photo = (bytes: Buffer) => ({ bytes, mime: 'image/jpeg', sha256: sha(bytes) });
  await client.uploadAttachment(KARI, photo(RECEIPT_PHOTO));
  const claims: Array<[string, NewClaim, string?, string?]> = [
    [
      KARI,
      {
        description: 'Kundemøte i Bergen',
        purpose: 'Møte med kunde om ny avtale',
        lines: [
          outlay('2026-02-10', 'parking', 18_000, 'Europark'),
          {
            type: 'outlay',
            date: '2026-02-10',
            kind: 'meal',
            amountMinor: 3_500,
            currency: 'EUR',
            merchant: 'Bryggen',
          },
        ],
        attachments: [
          { sha256: sha(RECEIPT_PHOTO), mime: 'image/jpeg', role: 'receipt', name: 'europark.jpg' },
        ],
      },
      'approved',
    ],
    [
      KARI,
      {
        description: 'Køyring til Drammen',
        purpose: 'Kurs',
        lines: [
          {
            type: 'mileage',
            date: '2026-01-20',
            from: 'Oslo',
            to: 'Drammen',
            km: 42,
            passengers: [],
            amountMinor: 22_260,
            currency: 'NOK',
            taxFreeMinor: 14_700,
            taxableMinor: 7_560,
          },
        ],
      },
      'paid',
    ],
    [
      KARI,
      {
        description: 'Taxi til flyplassen',
        purpose: 'Kundebesøk',
        lines: [outlay('2025-11-03', 'taxi', 64_900, 'Oslo Taxi')],
      },
      'rejected',
      'Mangler kvittering',
    ],
    [
      KARI,
      {
        description: 'Ferje Horten–Moss',
        purpose: 'Prosjektmøte',
        lines: [outlay('2026-03-01', 'ferry', 14_250, 'Bastø Fosen')],
      },
    ],
    [
      OLA,
      {
        description: 'Olas hemmelige reise',
        purpose: 'Ola sitt formål',
        lines: [outlay('2026-02-11', 'parking', 9_900, 'Olas parkering')],
      },
      'approved',
    ],
  ];
  let n = 0;
  for (const [who, claim, status, reason] of claims) {
    const filed = await client.fileClaim(who, claim, `seed-${n++}`);
    if (status === 'paid') await setStatus(api, filed.id, 'approved');
    if (status) await setStatus(api, filed.id, status, reason);
  }
  const state: UserState = {
    outlay: {
      id: 'draft-outlay-1',
      step: 'review',
      fields: {
        date: '2026-03-03',
        amount: '250',
        currency: 'NOK',
        kind: 'parking',
        merchant: 'Aimo Park',
        purpose: 'Kundebesøk i Sandvika',
        comment: '',
      },
    },
  };
  await storage.write({ [`users/${KARI}`]: { state, eTag: '*' } });
  await storage.write({
    [`users/${OLA}`]: {
      state: {
        mileage: {
          id: 'ola-m',
          step: 'form',
          fields: {
            date: '2026-03-03',
            from: 'Olas hjem',
            to: 'Olas hytte',
            km: '10',
            purpose: 'Ola',
            trailerKm: '',
            forestRoadKm: '',
          },
          passengers: [],
          outlays: [],
        },
      },
      eTag: '*',
    },
  });
  const inbox = await receipts.add(KARI, {
    ...photo(TAXI_PHOTO),
    mime: 'image/jpeg',
    name: 'taxi.jpg',
  });
  await receipts.setFields(KARI, inbox.receipt.id, {
    kind: 'taxi',
    merchant: 'Oslo Taxi',
    date: '2026-03-04',
    totalMinor: 31_200,
    currency: 'NOK',
    confidence: {
      kind: 1,
      merchant: 1,
      orgNo: 0,
      date: 1,
      total: 1,
      currency: 1,
      vat: 0,
      vatRate: 0,
    },
  });
  await receipts.add(OLA, { ...photo(RECEIPT_PHOTO), mime: 'image/jpeg', name: 'olas.jpg' });
}

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
