/**
 * The "Mine krav" tab on the bot's own server: the built page under /tab/ and its data under
 * /api/tab/. Every data route first asks who is calling (a validated Teams SSO token, or with auth
 * off the development identity) and reads only that employee's claims, drafts and receipts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import restify from 'restify';
import type { Logger } from 'pino';
import { errorSummary } from '../logger.js';
import type { ReceiptRecord } from '../receipts/receipt-store.js';
import type { ReceiptLinks } from '../services/receipt-links.js';
import { claimsCsv } from './claims-csv.js';
import {
  TAB_STATUSES,
  continueRequestSchema,
  overviewSchema,
  type Overview,
  type TabClaim,
} from './overview-schema.js';
import { buildOverview, INBOX_RECEIPT_PATH, type TabDataDeps } from './tab-data.js';
import { TokenRejectedError, type TokenValidator } from './token-validator.js';

export interface Caller {
  employeeId: string;
  development: boolean;
}

/** Takes a draft (or a rejected claim) up again in the chat; false when there is no chat to post into. */
export type ContinueInChat = (
  employeeId: string,
  what: { draftKind?: TabClaim['draftKind']; claimId?: string },
) => Promise<boolean>;

export interface TabRoutesDeps extends TabDataDeps {
  /** The built page (index.html, tab.js, tab.css). */
  pageDir: string;
  /** With auth on: the SSO token validator. Without: every caller is `developmentEmployeeId`. */
  validator?: TokenValidator;
  developmentEmployeeId: string;
  links: ReceiptLinks;
  /** Deep link to the personal chat with the bot. */
  chatLink?: string;
  continueInChat: ContinueInChat;
  logger: Logger;
}

const PAGE_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'tab.js': 'text/javascript; charset=utf-8',
  'tab.css': 'text/css; charset=utf-8',
};

// Teams hosts the tab in a frame on these origins (desktop, web, Outlook and the Microsoft 365
// app); 'self' lets the test host frame it.
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
].join(' ');
const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  `frame-ancestors ${FRAME_ANCESTORS}`,
].join('; ');

export function registerTabRoutes(server: restify.Server, deps: TabRoutesDeps): void {
  const { logger } = deps;

  async function caller(req: restify.Request): Promise<Caller | undefined> {
    if (!deps.validator) return { employeeId: deps.developmentEmployeeId, development: true };
    const header = req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header);
    if (!match?.[1]) return undefined;
    try {
      const identity = await deps.validator.validate(match[1]);
      return { employeeId: identity.employeeId, development: false };
    } catch (err) {
      if (!(err instanceof TokenRejectedError))
        logger.warn({ err: errorSummary(err) }, 'tab token could not be checked');
      else logger.info({ reason: err.message }, 'tab token refused');
      return undefined;
    }
  }

  async function overviewFor(who: Caller): Promise<Overview> {
    const overview = await buildOverview(deps, who.employeeId, {
      development: who.development,
      ...(deps.chatLink ? { chatLink: deps.chatLink } : {}),
    });
    // What leaves is checked against the contract the page checks too.
    return overviewSchema.parse(overview);
  }

  const sendPage = async (res: restify.Response, file: string) => {
    const type = PAGE_FILES[file];
    if (!type) return void res.send(404, { error: 'not_found' });
    let body: Buffer;
    try {
      body = await readFile(path.join(deps.pageDir, file));
    } catch {
      // Built by `npm run build` (and by `npm start` when the sources are newer).
      return void res.send(503, { error: 'tab_not_built' });
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(body.length),
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file === 'index.html' ? 'no-cache' : 'public, max-age=300',
    });
    res.end(body);
  };

  server.get('/tab', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get('/tab/', async (_req: restify.Request, res: restify.Response) =>
    sendPage(res, 'index.html'),
  );
  server.get('/tab/:file', async (req: restify.Request, res: restify.Response) =>
    sendPage(res, String((req.params as Record<string, unknown>).file)),
  );

  server.get('/api/tab/overview', async (req: restify.Request, res: restify.Response) => {
    const who = await caller(req);
    if (!who) return void res.send(401, { error: 'unauthorized' });
    res.header('cache-control', 'private, no-store');
    res.send(200, await overviewFor(who));
  });

  server.get('/api/tab/claims.csv', async (req: restify.Request, res: restify.Response) => {
    const who = await caller(req);
    if (!who) return void res.send(401, { error: 'unauthorized' });
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const overview = await overviewFor(who);
    const claims = overview.claims.filter((c) =>
      matches(c, query.get('status'), query.get('year')),
    );
    const body = Buffer.from(claimsCsv(claims), 'utf8');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(body.length),
      'content-disposition': 'attachment; filename="mine-krav.csv"',
      'cache-control': 'private, no-store',
    });
    res.end(body);
  });

  server.post(
    '/api/tab/continue',
    restify.plugins.bodyParser({ maxBodySize: 4096 }),
    async (req: restify.Request, res: restify.Response) => {
      const who = await caller(req);
      if (!who) return void res.send(401, { error: 'unauthorized' });
      const parsed = continueRequestSchema.safeParse(req.body);
      if (!parsed.success || (!parsed.data.draftKind && !parsed.data.claimId))
        return void res.send(400, { error: 'bad_request' });
      try {
        const posted = await deps.continueInChat(who.employeeId, parsed.data);
        res.send(200, { posted, ...(deps.chatLink ? { chatLink: deps.chatLink } : {}) });
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'continue in chat failed');
        res.send(503, { error: 'unavailable' });
      }
    },
  );

  // An inbox receipt's thumbnail: the signed link is the key, as for receipts on filed claims
  // (an <img> cannot send the bearer token).
  server.get(
    `${INBOX_RECEIPT_PATH}/:sha256`,
    async (req: restify.Request, res: restify.Response) => {
      const query = Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams);
      const sha256: unknown = (req.params as Record<string, unknown>).sha256;
      const granted = deps.links.verify(query, typeof sha256 === 'string' ? sha256 : '');
      let receipt: ReceiptRecord | undefined;
      let bytes: Buffer | undefined;
      try {
        receipt = granted
          ? (await deps.receipts.listInbox(granted.employeeId)).find(
              (r) => r.sha256 === granted.sha256,
            )
          : undefined;
        // Checked against its hash on the way out: a damaged file is never shown as the receipt.
        bytes =
          granted && receipt
            ? await deps.receipts.readBlob(granted.employeeId, receipt.id)
            : undefined;
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'inbox receipt unreadable');
      }
      if (!receipt || !bytes) return void res.send(404, { error: 'not_found' });
      res.writeHead(200, {
        'content-type': receipt.mime,
        'content-length': String(bytes.length),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, max-age=600',
      });
      res.end(bytes);
    },
  );
}

/** The page's filters, applied the same way to the CSV. */
export function matches(claim: TabClaim, status: string | null, year: string | null): boolean {
  if (status && (TAB_STATUSES as readonly string[]).includes(status) && claim.status !== status)
    return false;
  if (year && /^\d{4}$/.test(year) && claim.year !== Number(year)) return false;
  return true;
}
