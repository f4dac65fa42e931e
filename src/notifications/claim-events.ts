/**
 * How the bot learns that a claim moved: the claims API's signed webhooks when it has them, and
 * polling `GET /claims` for each reachable employee when it has not (CLAIMS_STATUS_POLL_S).
 * Both feed the status tracker, which sends each change once.
 */
import type { Logger } from 'pino';
import type restify from 'restify';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../claims-api/webhook-events.js';
import { errorSummary } from '../logger.js';
import type { ConversationRefStore } from './conversation-refs.js';
import { changeOfClaim } from './status-change.js';
import type { StatusObserver } from './status-tracker.js';

/** Events are small; anything bigger is not from the claims API. */
const MAX_EVENT_BYTES = 64 * 1024;

export const CLAIM_EVENTS_PATH = '/api/claims-events';

async function rawBody(req: restify.Request): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_EVENT_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The webhook endpoint. A forged, altered or stale delivery gets 401 and changes nothing; a
 * verified one answers 204 once it is recorded (and its message queued), so the API retries
 * anything the bot did not keep.
 */
export function registerClaimEvents(
  server: restify.Server,
  deps: {
    secret: string;
    tracker: StatusObserver;
    onQueued: () => void;
    logger: Logger;
    now: () => Date;
  },
): void {
  server.post(CLAIM_EVENTS_PATH, async (req: restify.Request, res: restify.Response) => {
    const body = await rawBody(req);
    if (body === undefined) return void res.send(413, { error: 'payload_too_large' });
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const checked = verifyWebhook(
      deps.secret,
      {
        ...(header(SIGNATURE_HEADER) ? { signature: header(SIGNATURE_HEADER) } : {}),
        ...(header(TIMESTAMP_HEADER) ? { timestamp: header(TIMESTAMP_HEADER) } : {}),
      },
      body,
      deps.now(),
    );
    if (!checked.ok) {
      deps.logger.warn({ why: checked.why }, 'claims event refused');
      return void res.send(401, { error: 'unauthorized' });
    }
    const { paidAt: _paidAt, ...change } = checked.event.data;
    const queued = await deps.tracker.observe(change);
    if (queued) deps.onQueued();
    res.send(204);
  });
}

/** Polls each reachable employee's claims; a change the user could not have seen yet is told. */
export class StatusPoller {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: {
      claims: ClaimsClient;
      refs: ConversationRefStore;
      tracker: StatusObserver;
      onQueued: () => void;
      logger: Logger;
    },
  ) {}

  async pollOnce(): Promise<number> {
    const { claims, refs, tracker, logger } = this.deps;
    let queued = 0;
    for (const employeeId of await refs.reachable()) {
      const since = (await refs.get(employeeId))?.since ?? new Date(0);
      try {
        for (const claim of await claims.listClaims(employeeId)) {
          // A claim met for the first time is news only if it moved after the bot could reach them.
          const quiet = !(await tracker.known(claim.id)) && new Date(claim.updatedAt) < since;
          if (await tracker.observe(changeOfClaim(claim), quiet)) queued++;
        }
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'polling claims failed; next round tries again');
      }
    }
    if (queued > 0) this.deps.onQueued();
    logger.debug({ queued }, 'claims polled');
    return queued;
  }

  start(intervalS: number): void {
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.pollOnce().finally(tick);
      }, intervalS * 1000);
      this.timer.unref();
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
