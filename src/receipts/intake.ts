/**
 * Downloads what Teams delivers when a user drops a receipt into the chat: a pasted (inline)
 * image, or a file sent with the paperclip. The network is passed in as a `fetch`-like
 * function so tests can hand it a local server, and the rules about where the bot's token may
 * go live here, next to the one place that sends it.
 */
import { createHash } from 'node:crypto';
import { sniffReceiptType } from './file-type.js';
import {
  directConnect,
  pinnedGet,
  RefusedAddress,
  systemLookup,
  vetHost,
  type Connect,
  type LookupAll,
} from './pinned-request.js';
import type { ReceiptMime } from './receipt-fields.js';

/** The shape of a Bot Framework attachment we read; botbuilder's `Attachment` fits it. */
export interface IncomingAttachment {
  contentType?: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

export interface AttachmentToFetch {
  /**
   * `inline`: a pasted image on the Bot Framework service, which wants the bot's token.
   * `file`: a paperclip upload whose `downloadUrl` carries its own short-lived authorisation.
   */
  kind: 'inline' | 'file';
  url: string;
  name?: string;
  /** What Teams claims the file is (a MIME type or a file extension). Informational only: the bytes decide. */
  declaredType?: string;
}

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Picks out of an activity's attachments the ones that may be receipts, in the order sent.
 * Cards, the `text/html` twin Teams sends with every pasted image, and anything else are
 * skipped: the HTML's `<img src>` points at a URL only a signed-in browser can open.
 */
export function attachmentsToFetch(
  attachments: readonly IncomingAttachment[] | undefined,
): AttachmentToFetch[] {
  const found: AttachmentToFetch[] = [];
  const seen = new Set<string>();
  for (const attachment of attachments ?? []) {
    const item = toFetchItem(attachment);
    if (!item || seen.has(item.url)) continue;
    seen.add(item.url);
    found.push(item);
  }
  return found;
}

function toFetchItem(attachment: IncomingAttachment): AttachmentToFetch | undefined {
  const contentType = attachment.contentType?.toLowerCase().trim() ?? '';
  const content = isRecord(attachment.content) ? attachment.content : undefined;
  const name = nonEmpty(attachment.name);
  if (contentType === FILE_DOWNLOAD_INFO) {
    const url = nonEmpty(content?.['downloadUrl']);
    if (!url) return undefined;
    return withOptional({ kind: 'file', url }, name, nonEmpty(content?.['fileType']));
  }
  if (contentType.startsWith('image/')) {
    // Some clients put the Bot Framework URL in content.downloadUrl instead of contentUrl
    // (seen with contentType "image/*"); it is the same authenticated service either way.
    const url = nonEmpty(attachment.contentUrl) ?? nonEmpty(content?.['downloadUrl']);
    if (!url) return undefined;
    return withOptional({ kind: 'inline', url }, name, contentType);
  }
  return undefined;
}

function withOptional(
  item: AttachmentToFetch,
  name: string | undefined,
  declaredType: string | undefined,
): AttachmentToFetch {
  if (name !== undefined) item.name = name;
  if (declaredType !== undefined && declaredType !== '') item.declaredType = declaredType;
  return item;
}

export type IntakeErrorCode =
  | 'expired'
  | 'tooLarge'
  | 'unsupportedType'
  | 'notAllowedHost'
  | 'insecureUrl'
  /** The host resolves to a private, loopback (auth on) or otherwise unreachable address. */
  | 'blockedAddress'
  | 'network'
  | 'timeout'
  | 'tooManyRedirects'
  | 'httpError'
  /** A HEIC photo whose image this server cannot decode: found when reading, not when fetching. */
  | 'heicUndecodable';

export const INTAKE_ERROR_CODES: readonly IntakeErrorCode[] = [
  'expired',
  'tooLarge',
  'unsupportedType',
  'notAllowedHost',
  'insecureUrl',
  'blockedAddress',
  'network',
  'timeout',
  'tooManyRedirects',
  'httpError',
  'heicUndecodable',
];

/** Every way a download fails, as a code the bot turns into a message in the user's language. */
export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  /** The HTTP status when the failure came from a response. */
  readonly status: number | undefined;

  constructor(
    readonly code: IntakeErrorCode,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}

export function isIntakeError(err: unknown): err is IntakeError {
  return err instanceof IntakeError;
}

/** The part of `fetch` we use; the global `fetch` fits, and so does anything test-shaped like it. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface DownloadOptions {
  /**
   * Replaces the connection step altogether: for test doubles that answer without a network.
   * The host is still resolved and judged first, so a refused address never reaches it.
   * Production leaves it out and connects through {@link pinnedGet}.
   */
  fetch?: FetchLike;
  /** Resolves host names; the system resolver by default. */
  lookup?: LookupAll;
  /** Opens the socket to a vetted address; a direct TCP/TLS connection by default. */
  connect?: Connect;
  /** The bot's Bot Framework token, asked for only when it is about to be sent. */
  getBotToken: () => Promise<string>;
  /**
   * False only for local use without an app id (Playground, tests). It is what lets plain
   * http to this machine through, and lets an inline URL off the allow-list be fetched
   * without a token; with auth on, both are refused.
   */
  authEnabled: boolean;
  /** Exact host names the bot's token may be sent to. Defaults to {@link DEFAULT_TOKEN_HOSTS}. */
  allowedTokenHosts?: readonly string[];
  maxBytes?: number;
  /** For the whole download, redirects included. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DownloadedReceipt {
  bytes: Buffer;
  mime: ReceiptMime;
  sha256: string;
}

/**
 * Hosts of the Bot Connector service that Teams puts in `serviceUrl` and in the `contentUrl`
 * of pasted images, per cloud (Microsoft 365 Agents SDK `TeamsServiceEndpoints`: publicGlobal,
 * gcc, gccHigh, dod). The token is a credential for the whole Bot Framework: an exact match
 * is required, because anyone can register a look-alike such as `smba.trafficmanager.net.example.com`
 * or another `*.trafficmanager.net` name, and a suffix test would hand them the token.
 */
export const DEFAULT_TOKEN_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `hostname` is exactly one of `allowed` (case and a trailing dot aside). */
export function isAllowedTokenHost(
  hostname: string,
  allowed: readonly string[] = DEFAULT_TOKEN_HOSTS,
): boolean {
  const host = canonicalHost(hostname);
  return allowed.some((candidate) => canonicalHost(candidate) === host);
}

function canonicalHost(hostname: string): string {
  const lower = hostname.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(canonicalHost(url.hostname));
}

/**
 * Downloads one attachment and checks it is a receipt we can read, judging the type by the
 * bytes alone: Teams' declared type and the file name are whatever the sender's device said.
 */
export async function downloadAttachment(
  item: AttachmentToFetch,
  options: DownloadOptions,
): Promise<DownloadedReceipt> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = item.url.startsWith('data:')
    ? decodeDataUrl(item, maxBytes)
    : await fetchWithRules(item, options, maxBytes);
  const mime = sniffReceiptType(bytes);
  if (!mime) {
    throw new IntakeError(
      'unsupportedType',
      `not a JPEG, PNG, WebP, HEIC or PDF file (declared ${item.declaredType ?? 'nothing'})`,
    );
  }
  return { bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Pasted images from some clients arrive inline as base64 data URLs: no network involved. */
function decodeDataUrl(item: AttachmentToFetch, maxBytes: number): Buffer {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(item.url);
  if (!match || !match[2])
    throw new IntakeError('unsupportedType', 'a data URL that is not base64');
  const payload = match[3] ?? '';
  // Checked before decoding so a huge string is never turned into an equally huge buffer.
  if (Math.floor((payload.length * 3) / 4) > maxBytes + 2) {
    throw new IntakeError('tooLarge', `the data URL holds more than ${maxBytes} bytes`);
  }
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length > maxBytes)
    throw new IntakeError('tooLarge', `the data URL holds more than ${maxBytes} bytes`);
  return bytes;
}

function parseUrl(raw: string, base?: URL): URL {
  try {
    return new URL(raw, base);
  } catch (cause) {
    throw new IntakeError('insecureUrl', 'not a valid URL', { cause });
  }
}

/** https everywhere; plain http only to this machine, and only while auth is off. */
function assertTransportAllowed(url: URL, authEnabled: boolean): void {
  if (url.username || url.password)
    throw new IntakeError('insecureUrl', 'URLs with credentials are not fetched');
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url)) {
    if (!authEnabled) return;
    throw new IntakeError(
      'insecureUrl',
      'plain http to this machine is allowed only with auth off',
    );
  }
  throw new IntakeError('insecureUrl', `refusing ${url.protocol} URL to ${url.host}`);
}

async function fetchWithRules(
  item: AttachmentToFetch,
  options: DownloadOptions,
  maxBytes: number,
): Promise<Buffer> {
  const allowed = options.allowedTokenHosts ?? DEFAULT_TOKEN_HOSTS;
  let url = parseUrl(item.url);
  assertTransportAllowed(url, options.authEnabled);

  // A paperclip file's downloadUrl is pre-authenticated (a signed SharePoint/OneDrive link):
  // it needs no header, and sending the bot's token there would give a Bot Framework
  // credential to a storage host that has no business holding it.
  let token: string | undefined;
  if (item.kind === 'inline') {
    if (isAllowedTokenHost(url.hostname, allowed)) {
      try {
        token = (await options.getBotToken()) || undefined;
      } catch (cause) {
        throw new IntakeError('network', 'could not get the bot token', { cause });
      }
    } else if (options.authEnabled) {
      // A pasted image always lives on the Bot Connector service; one that claims to live
      // elsewhere is not something Teams sent, and fetching it would be a request forgery.
      throw new IntakeError(
        'notAllowedHost',
        `inline image on ${url.hostname}, which is not a Bot Framework host`,
      );
    }
  }
  const tokenOrigin = url.origin;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onCallerAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const fail = (cause: unknown): never => {
    if (cause instanceof IntakeError) throw cause;
    if (timedOut) throw new IntakeError('timeout', 'the download took too long', { cause });
    if (options.signal?.aborted) throw options.signal.reason ?? cause;
    throw new IntakeError('network', 'the download failed', { cause });
  };

  try {
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = { accept: '*/*' };
      // Only to the exact origin that was vetted above: after a redirect elsewhere the token
      // stays behind even if the new host is also on the list, because the redirect came from
      // a response, not from Teams.
      if (token !== undefined && url.origin === tokenOrigin)
        headers['authorization'] = `Bearer ${token}`;
      // Judged at every hop: a public link may redirect onto the bot's own network.
      const pinned = await vetted(url, options, controller.signal).catch(fail);
      const response = await (
        options.fetch
          ? options.fetch(url.href, {
              method: 'GET',
              headers,
              redirect: 'manual',
              signal: controller.signal,
            })
          : pinnedGet(
              url,
              pinned,
              { headers, signal: controller.signal },
              options.connect ?? directConnect,
            )
      ).catch(fail);

      if (REDIRECT_STATUSES.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location)
          throw new IntakeError('httpError', `redirect ${response.status} without a Location`, {
            status: response.status,
          });
        if (redirects >= MAX_REDIRECTS)
          throw new IntakeError('tooManyRedirects', `more than ${MAX_REDIRECTS} redirects`);
        const next = parseUrl(location, url);
        assertTransportAllowed(next, options.authEnabled);
        url = next;
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await discard(response);
        // A downloadUrl's authorisation is built in and short-lived, so a refusal means the
        // link has aged out: the user can fix that by sending the file again.
        if (item.kind === 'file')
          throw new IntakeError('expired', `the download link was refused (${response.status})`, {
            status: response.status,
          });
        throw new IntakeError(
          'httpError',
          `the Bot Framework service refused the download (${response.status})`,
          { status: response.status },
        );
      }
      if (!response.ok) {
        await discard(response);
        throw new IntakeError('httpError', `download failed with HTTP ${response.status}`, {
          status: response.status,
        });
      }
      return await readCapped(response, maxBytes, controller).catch(fail);
    }
  } catch (err) {
    return fail(err);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The address to connect to for `url`; a refused one is an IntakeError, a DNS failure a network one. */
async function vetted(url: URL, options: DownloadOptions, signal: AbortSignal) {
  // Rejects with the abort (a timeout or the caller); `fail` turns it into the right IntakeError.
  const aborted = new Promise<never>((_resolve, reject) => {
    const stop = () => reject(new Error('aborted while resolving the host'));
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    // A resolver that hangs must not outlast the download's timeout.
    return await Promise.race([
      vetHost(url, options.authEnabled, options.lookup ?? systemLookup),
      aborted,
    ]);
  } catch (cause) {
    if (cause instanceof RefusedAddress)
      throw new IntakeError('blockedAddress', cause.message, { cause });
    throw cause;
  } finally {
    aborted.catch(() => undefined);
  }
}

async function discard(response: Response): Promise<void> {
  // The answer is already decided (an error for the user); a body that will not cancel is
  // closed with the connection, so its failure changes nothing and is deliberately let go.
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Reads the body while counting, and gives up the moment it passes `maxBytes`: a declared
 * Content-Length can be absent or wrong, and a compressed body says nothing of its real size.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw new IntakeError('tooLarge', `the file is ${declared} bytes, more than ${maxBytes}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Aborting closes the connection, so the sender stops rather than the rest of the
      // file being read and thrown away.
      controller.abort();
      // The connection is aborted already; a cancel that fails on it has nothing left to do.
      await reader.cancel().catch(() => undefined);
      throw new IntakeError('tooLarge', `the file is more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
