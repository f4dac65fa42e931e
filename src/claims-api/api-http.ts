/**
 * The reference claims API's HTTP plumbing, shared by its claim routes and its webhook routes:
 * problems as JSON, bodies read with a cap, bearer tokens compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { z } from 'zod';

/** A claim with 200 lines is well under this; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 1_000_000;

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(): ApiProblem {
  return new ApiProblem(404, 'not_found', 'No such claim');
}

/**
 * Writes JSON directly instead of through restify's content negotiation, so an odd Accept header
 * can never turn a claim into "[object Object]" and errors look the same on every route.
 */
export function sendJson(
  res: restify.Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.sendRaw(status, JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** Hashes both sides first so the comparison takes the same time whatever the lengths. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function validate<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  // Paths and messages only: echoing the submitted values back could spread personal data into logs.
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String),
    code: i.code,
    message: i.message,
  }));
  throw new ApiProblem(422, 'validation', 'The request body is not valid', { issues });
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The bot's server may already run restify's bodyParser for every route (it needs one for
 * /api/messages) or none at all, and running it twice fails on the already-parsed body; so this
 * takes a parsed body when there is one and reads the stream itself otherwise.
 */
/** Receipts are photos: a larger cap than JSON bodies, checked while the bytes arrive. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export function readRawBody(req: restify.Request, max: number): Promise<Buffer> {
  return readCapped(
    req,
    max,
    () => new ApiProblem(413, 'payload_too_large', `The file exceeds ${max} bytes`),
  );
}

/** The body's bytes, refused as soon as the declared or the received size passes `max`. */
export async function readCapped(
  req: restify.Request,
  max: number,
  tooBig: () => ApiProblem,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw tooBig();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > max) throw tooBig();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: restify.Request): Promise<unknown> {
  const existing: unknown = (req as { body?: unknown }).body;
  if (existing !== undefined && existing !== null) {
    if (typeof existing === 'string') return parseJson(existing);
    if (Buffer.isBuffer(existing)) return parseJson(existing.toString('utf8'));
    return existing;
  }
  if ((req as { _readBody?: boolean })._readBody || req.readableEnded) return undefined;

  const bytes = await readCapped(req, MAX_BODY_BYTES, tooLarge);
  return parseJson(bytes.toString('utf8'));
}

function tooLarge(): ApiProblem {
  return new ApiProblem(
    413,
    'payload_too_large',
    `The request body exceeds ${MAX_BODY_BYTES} bytes`,
  );
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'invalid_json', 'The request body is not valid JSON');
  }
}

/** A route parameter as a string; restify types `params` as any. */
export function param(req: restify.Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
