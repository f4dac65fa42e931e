/**
 * What every botbuilder `Storage` here shares, SQLite or PostgreSQL: the eTag conflict error and
 * the checks a document passes before it is written (a plain, JSON-safe object; the eTag apart).
 */

/**
 * Thrown when a write carries an eTag that no longer matches the stored document, i.e.
 * someone else wrote it since it was read. Re-read, re-apply the change and retry.
 */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage/BlobsStorage so logs read alike.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export function isETagConflict(err: unknown): boolean {
  if (err instanceof ETagConflictError) return true;
  if (!(err instanceof Error)) return false;
  // A second copy of this module (or botbuilder's own storages in tests) signals the
  // same condition without sharing our class, so fall back to name and wording.
  return err.name === 'ETagConflictError' || /due to eTag conflict/i.test(err.message);
}

export interface PreparedWrite {
  key: string;
  doc: string;
  // undefined means last write wins, as with botbuilder's '*'.
  ifMatch: string | undefined;
}

export function assertKeys(
  keys: unknown,
  action: string,
  storage: string,
): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new ReferenceError(`Keys are required when ${action}.`);
  for (const key of keys) {
    if (typeof key !== 'string')
      throw new TypeError(`${storage}: keys must be strings, got ${typeof key}.`);
  }
}

export function prepareWrite(key: string, item: unknown, storage: string): PreparedWrite {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`${storage}: cannot store "${key}": a store item must be a plain object.`);
  }
  // The eTag lives in its own column, the one write() checks; a copy inside the
  // document could only ever disagree with it.
  const { eTag, ...doc } = item as Record<string, unknown>;
  let ifMatch: string | undefined;
  if (typeof eTag === 'string') {
    ifMatch = eTag === '' || eTag === '*' ? undefined : eTag;
  } else if (eTag !== undefined && eTag !== null) {
    throw new TypeError(`${storage}: cannot store "${key}": eTag must be a string.`);
  }
  assertJsonSafe(doc, `${storage}: cannot store "${key}"`, 'doc', new Set());
  return { key, doc: JSON.stringify(doc), ifMatch };
}

const COLLECTIONS_JSON_DROPS = [Map, Set, WeakMap, WeakSet] as const;

/**
 * JSON.stringify silently drops functions and symbols, turns NaN into null and Maps
 * into {}, so a document would come back different from what was written. Refuse those
 * up front, naming the offending path, instead of losing data quietly.
 */
function assertJsonSafe(value: unknown, what: string, path: string, ancestors: Set<object>): void {
  const fail = (why: string): never => {
    throw new TypeError(`${what}: ${path} ${why}; documents must be JSON-safe.`);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined': // dropped like any absent optional property
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(`is ${value}`);
      return;
    case 'bigint':
    case 'symbol':
    case 'function':
      return fail(`is a ${typeof value}`);
  }
  if (value === null) return;
  const obj = value as object;
  if (ancestors.has(obj)) fail('refers back to one of its parents (circular structure)');
  if (COLLECTIONS_JSON_DROPS.some((type) => obj instanceof type))
    fail(`is a ${obj.constructor.name}`);

  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    // Dates and similar define their own JSON form; check that form instead.
    assertJsonSafe(toJSON.call(obj, ''), what, path, ancestors);
    return;
  }

  ancestors.add(obj);
  if (Array.isArray(obj)) {
    obj.forEach((element: unknown, i) => assertJsonSafe(element, what, `${path}[${i}]`, ancestors));
  } else {
    for (const [prop, child] of Object.entries(obj)) {
      assertJsonSafe(child, what, `${path}.${prop}`, ancestors);
    }
  }
  ancestors.delete(obj);
}
