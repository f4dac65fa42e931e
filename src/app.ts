/**
 * Composition: wires storage, the claims API (embedded or remote), the adapter and the bot into
 * one restify server. `index.ts` starts it from the environment; tests start it directly.
 */
import { randomBytes } from 'node:crypto';
import restify from 'restify';
import type { Logger } from 'pino';
import { createAdapter, createBotAuthentication } from './bot/adapter.js';
import { messagesHandler } from './bot/inbound.js';
import { proactiveDelivery } from './bot/proactive.js';
import type { UserState } from './conversation/types.js';
import { createNotifications } from './notifications/notifications.js';
import { CardRenderer } from './bot/card-renderer.js';
import { ExpenseBot } from './bot/expense-bot.js';
import { createClaimsClient } from './claims-api/claims-client.js';
import { loadProfiles } from './claims-api/profiles.js';
import { registerClaimsApiRoutes } from './claims-api/reference-server.js';
import { Webhooks } from './claims-api/webhooks.js';
import type { Config } from './config.js';
import { errorSummary, errorWithStack } from './logger.js';
import { registerReadiness } from './readiness.js';
import { HelpService } from './help/compose-answer.js';
import { loadGuide } from './help/guide-loader.js';
import { createLlmAnswerer } from './help/llm-answer.js';
import { lazyExtractor } from './receipts/lazy-extractor.js';
import { ReceiptPipeline } from './receipts/receipt-pipeline.js';
import type { HelpAnswerer } from './services/effect-runner.js';
import { createExpenseServices } from './services/expense-services.js';
import { modelUnderstandingFor } from './services/model-understanding.js';
import { createReceiptLinks } from './services/receipt-links.js';
import { openStores, type Stores } from './stores.js';
import { deriveTeamsAppId, tabDeepLink } from './tab/teams-app-id.js';
import { registerTab } from './tab/tab-wiring.js';

/** `bot`: chat turns and jobs; `worker`: jobs only (`npm run worker`), no /api/messages. */
export type AppRole = 'bot' | 'worker';

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApp(
  config: Config,
  logger: Logger,
  { role = 'bot' }: { role?: AppRole } = {},
): Promise<RunningApp> {
  for (const warning of config.warnings) logger.warn(warning);
  const stores = await openStores(config, logger);
  try {
    // One branch per backend, so each runs the wiring with its own transaction type.
    return stores.backend === 'sqlite'
      ? await startOn(config, logger, role, stores)
      : await startOn(config, logger, role, stores);
  } catch (err) {
    await stores.close();
    throw err;
  }
}

async function startOn<Tx>(
  config: Config,
  logger: Logger,
  role: AppRole,
  stores: Stores<Tx>,
): Promise<RunningApp> {
  const { storage, processed, queue } = stores;
  const server = restify.createServer({ name: 'reiserekning' });
  server.on(
    'restifyError',
    (
      req: restify.Request,
      res: restify.Response,
      err: Error & { statusCode?: number },
      next: (e?: unknown) => void,
    ) => {
      if (!err.statusCode || err.statusCode >= 500)
        logger.error({ err: errorWithStack(err), path: req.path() }, 'request failed');
      // One line, never the body: it is over a megabyte of whatever the sender chose.
      else if (err.statusCode === 413)
        logger.warn(
          { path: req.path(), contentLength: req.headers['content-length'] },
          'request body too large',
        );
      next();
    },
  );

  const embedded = !config.CLAIMS_API_URL;
  // The embedded claims API still goes through HTTP and a token, exactly like a remote one, so
  // switching to another implementation changes nothing in the bot.
  const serviceToken = config.CLAIMS_API_TOKEN ?? randomBytes(32).toString('base64url');
  let claimsApi: ReturnType<Stores<Tx>['openClaimsApi']> | undefined;
  let webhooks: Webhooks | undefined;
  if (embedded) {
    claimsApi = stores.openClaimsApi();
    webhooks = new Webhooks(claimsApi.stores.webhookStore, {
      logger: logger.child({ component: 'claims-api' }),
    });
    registerClaimsApiRoutes(server, {
      webhooks,
      repo: claimsApi.stores.repo,
      serviceToken,
      adminToken: config.CLAIMS_API_ADMIN_TOKEN,
      profiles: loadProfiles(config.PROFILES_FILE),
      logger: logger.child({ component: 'claims-api' }),
    });
  }

  // The guide is read and checked at start-up: a broken guide file stops start-up with its name.
  // Its search index, the largest piece of start-up work, is built in the warm-up once the server
  // listens (below), or by a question that comes first.
  const guide = loadGuide({
    nb: config.GUIDE_NB_PATH,
    nn: config.GUIDE_NN_PATH,
    en: config.GUIDE_EN_PATH,
  });
  let helpService: HelpService | undefined;
  const helpNow = () =>
    (helpService ??= new HelpService(guide, {
      logger: logger.child({ component: 'help' }),
      llm: config.OPENAI_API_KEY
        ? createLlmAnswerer({
            apiKey: config.OPENAI_API_KEY,
            baseURL: config.OPENAI_BASE_URL,
            model: config.OPENAI_MODEL,
            timeoutMs: config.OPENAI_TIMEOUT_MS,
          })
        : undefined,
    }));
  const help: HelpAnswerer = { answer: (question, lang) => helpNow().answer(question, lang) };
  const cards = new CardRenderer();

  // Receipts are kept in the stores' database (on SQLite their files in DATA_DIR/receipts). The
  // readers (OCR, sharp, pdf.js, the vision model) load on the first photo a process reads, not
  // here, so start-up stays fast and a chat instance with RECEIPT_READER=worker never loads them.
  const extractor = lazyExtractor(async () => {
    const [{ createOfflineExtractor }, { createCombinedExtractor, createVisionExtractor }] =
      await Promise.all([
        import('./receipts/offline-extractor.js'),
        import('./receipts/vision-extractor.js'),
      ]);
    return createCombinedExtractor(
      createOfflineExtractor(),
      config.OPENAI_API_KEY
        ? createVisionExtractor({
            apiKey: config.OPENAI_API_KEY,
            baseURL: config.OPENAI_BASE_URL,
            model: config.OPENAI_MODEL,
          })
        : undefined,
      {
        onVisionError: (err) =>
          logger.warn({ err: errorSummary(err) }, 'vision extractor failed; using OCR alone'),
        onOcrError: (err) =>
          logger.warn({ err: errorSummary(err) }, 'OCR failed; the vision model read the receipt'),
      },
    );
  });
  const receiptStore = stores.receipts;
  const receipts = new ReceiptPipeline({
    store: receiptStore,
    extractor,
    logger,
  });

  // Typed messages the offline reading is unsure of; none without OPENAI_API_KEY.
  const understanding = modelUnderstandingFor(config, logger.child({ component: 'understanding' }));

  const auth = createBotAuthentication(config);
  const adapter = createAdapter(config, logger, auth);
  // Created once the port is known: the embedded claims API's address includes it.
  const started: { bot?: ExpenseBot<Tx> } = {};

  if (role === 'bot')
    server.post(
      '/api/messages',
      restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }),
      messagesHandler({
        adapter,
        auth,
        authEnabled: config.authEnabled,
        logger,
        logic: () => {
          const ready = started.bot;
          return ready && ((context) => ready.run(context));
        },
      }),
    );
  registerReadiness(server, [...stores.checks, ...(claimsApi?.checks ?? [])], logger);
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    // Alive only: whether the database answers is /readyz's question.
    res.send(200, { ok: true, claimsApi: embedded ? 'embedded' : 'remote' });
    next();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = address.port;
  webhooks?.kick();
  const publicBase = config.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const links = createReceiptLinks({
    secret: config.RECEIPT_LINK_SECRET ?? randomBytes(32).toString('base64url'),
    baseUrl: publicBase,
  });
  const claimsClient = createClaimsClient({
    baseUrl: config.CLAIMS_API_URL ?? `http://127.0.0.1:${port}/claims-api/v1`,
    token: serviceToken,
    timeoutMs: config.CLAIMS_API_TIMEOUT_MS,
  });
  // A receipt on a filed claim, opened from the card in a browser: the signed link is the key.
  server.get('/receipts/:sha256', async (req: restify.Request, res: restify.Response) => {
    // No queryParser plugin on this server: read the query string directly.
    const query = Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams);
    const sha256: unknown = (req.params as Record<string, unknown>).sha256;
    const granted = links.verify(query, typeof sha256 === 'string' ? sha256 : '');
    if (!granted) return void res.send(404, { error: 'not_found' });
    try {
      const file = await claimsClient.getAttachment(granted.employeeId, granted.sha256);
      if (!file) return void res.send(404, { error: 'not_found' });
      res.writeHead(200, {
        'content-type': file.mime,
        'content-length': String(file.bytes.length),
        'content-disposition': 'inline',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      });
      res.end(file.bytes);
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'receipt link failed');
      res.send(503, { error: 'unavailable' });
    }
  });
  const notifications = createNotifications({
    stores: stores.notifications,
    server,
    claims: claimsClient,
    deliver: proactiveDelivery(adapter, config.MicrosoftAppId ?? '', cards),
    readState: async (employeeId) => {
      const key = `users/${employeeId}`;
      return ((await storage.read([key]))[key] as { state?: UserState } | undefined)?.state ?? {};
    },
    defaultLang: config.DEFAULT_LOCALE,
    logger,
    ...(config.CLAIMS_WEBHOOK_SECRET ? { webhookSecret: config.CLAIMS_WEBHOOK_SECRET } : {}),
    pollSeconds: config.CLAIMS_STATUS_POLL_S,
    reminders: config.REMINDERS === 'on',
  });
  const services = createExpenseServices({
    storage,
    queue,
    replay: processed,
    outbox: {
      backoff: {
        baseMs: config.CLAIMS_OUTBOX_RETRY_BASE_MS,
        maxMs: Math.max(config.CLAIMS_OUTBOX_RETRY_BASE_MS, config.CLAIMS_OUTBOX_RETRY_MAX_MS),
      },
    },
    links,
    help,
    receipts,
    intake: { authEnabled: config.authEnabled },
    reading: {
      leaseMs: config.RECEIPT_READ_LEASE_S * 1000,
      inTurn: config.RECEIPT_READER === 'here',
    },
    claims: claimsClient,
    understanding,
    ...(stores.turnLock ? { turnLock: stores.turnLock } : {}),
    logger,
  });
  const bot = new ExpenseBot({
    services,
    botAppId: config.MicrosoftAppId ?? '',
    ...(stores.replayLook ? { processed: stores.replayLook } : {}),
    cards,
    logger,
    defaultLang: config.DEFAULT_LOCALE,
    onPersonalTurn: (employeeId, reference, locale) =>
      notifications.remember(employeeId, reference, locale),
    chatReference: (employeeId) => notifications.reference(employeeId),
    ...(config.MicrosoftAppId
      ? { tabUrl: tabDeepLink(config.TEAMS_APP_ID ?? deriveTeamsAppId(config.MicrosoftAppId)) }
      : {}),
  });
  started.bot = bot;
  if (role === 'bot')
    registerTab(server, {
      config,
      claims: claimsClient,
      links,
      receipts: receiptStore,
      states: storage,
      continueInChat: (employeeId, what) => bot.continueInChat(adapter, employeeId, what),
      logger: logger.child({ component: 'tab' }),
    });
  // Claim events come to the bot's own address (127.0.0.1 rather than localhost, which may be ::1).
  const statusSource = await notifications.start(
    config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`,
  );
  // The outbox: drafts found "filing" are reconciled before the worker takes new jobs.
  // What the workers conclude for a user is queued as notifications: wake their sender.
  const announcer = bot.announcer(() => notifications.wake());
  const worker = services.worker(announcer, { pollMs: 1_000 });
  const recovered = worker
    .recover(storage)
    .then(
      (found) => {
        if (found.filing > 0) logger.info(found, 'reconciled drafts being filed at start');
      },
      (err: unknown) => logger.error({ err: errorSummary(err) }, 'outbox recovery failed'),
    )
    .finally(() => worker.start());
  // What a first turn may need but /healthz does not, in slices between which the server answers.
  const warmed = warmUp(role === 'bot' ? [helpNow] : []);
  const url = `http://127.0.0.1:${port}`;
  logger.info(
    {
      port,
      auth: config.authEnabled,
      claimsApi: embedded ? 'embedded' : config.CLAIMS_API_URL,
      statusSource,
    },
    `${role} listening`,
  );
  // Photos an earlier run stored and did not finish reading: read now (a job each), never lost.
  // With RECEIPT_READER=worker only worker processes read, and they look for new photos often.
  const reads = role === 'worker' || config.RECEIPT_READER === 'here';
  const reader = services.receiptWorker(announcer, { pollMs: role === 'worker' ? 500 : 5_000 });
  const leftovers = (reads ? reader.start() : Promise.resolve(0)).then(
    (count) => count > 0 && logger.info({ count }, 'reading receipts an earlier run left unread'),
    (err: unknown) => logger.error({ err: errorSummary(err) }, 'receipt reading recovery failed'),
  );

  // A warm-up that fails (a guide its actions file does not fit) fails start-up, as it always did.
  await warmed;

  return {
    url,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      // Turns and jobs under way finish; what they queue to tell is sent before the sender stops.
      await bot.idle();
      await recovered;
      await leftovers;
      await Promise.all([worker.stop(), reader.stop()]);
      await notifications.close();
      await extractor.close();
      await webhooks?.close();
      claimsApi?.close();
      await stores.close();
    },
  };
}

/** Runs `steps` one per turn of the event loop, so requests are answered between them. */
async function warmUp(steps: Array<() => unknown>): Promise<void> {
  for (const step of steps) {
    await new Promise((resolve) => setImmediate(resolve));
    step();
  }
}
