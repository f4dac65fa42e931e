/**
 * The receipt store on SQLite: the store contract (contracts/receipt-store-contract.ts), and what
 * only it has, the content-addressed blob folder and its atomic writes.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { normaliseMerchant, type ReceiptStoreOptions } from '../src/receipts/receipt-store.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { KARI, receipt, receiptStoreContract } from './contracts/receipt-store-contract.js';

let dir: string;
let dbFile: string;
let blobDir: string;
const opened: Database.Database[] = [];

function openDb(): Database.Database {
  const db = openDatabase(dbFile);
  opened.push(db);
  return db;
}

function openStore(options: ReceiptStoreOptions = {}): SqliteReceiptStore {
  return new SqliteReceiptStore(openDb(), blobDir, options);
}

function blobFiles(): string[] {
  if (!existsSync(blobDir)) return [];
  return readdirSync(blobDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'receipt-store-'));
  dbFile = join(dir, 'bot.sqlite');
  blobDir = join(dir, 'receipts');
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

receiptStoreContract('SQLite', {
  fresh: (options) => Promise.resolve(openStore(options)),
  another: () => Promise.resolve(openStore()),
  // The queue on the connection of the last store opened: its transactions are the store's.
  queue: () => new SqliteJobQueue(opened.at(-1) as Database.Database),
});

describe('receipt store on SQLite', () => {
  it('normalises merchant names the way receipts and readers vary them', () => {
    expect(normaliseMerchant('Circle K Norge AS')).toBe('circle k');
    expect(normaliseMerchant('CIRCLE-K')).toBe('circle k');
    expect(normaliseMerchant('Bøkeskogen Café & Bar')).toBe('bokeskogen cafe og bar');
    expect(normaliseMerchant('AS')).toBe('as');
  });

  it('keeps one blob file per content, however many receipts, and removes it with the last', async () => {
    const store = openStore();
    const input = receipt('same photo');
    const first = (await store.add(KARI, input)).receipt;
    const second = (await store.add(KARI, input)).receipt;
    const blob = join(blobDir, input.sha256.slice(0, 2), input.sha256);
    expect(blobFiles()).toEqual([blob]);
    expect(readFileSync(blob).equals(input.bytes)).toBe(true);
    await store.remove(KARI, first.id);
    expect(blobFiles()).toEqual([blob]);
    await store.remove(KARI, second.id);
    expect(blobFiles()).toEqual([]);
  });

  it('refuses work handed to a transaction that does not finish synchronously', async () => {
    const store = openStore();
    await expect(store.add(KARI, receipt('x'), () => Promise.resolve())).rejects.toThrow(
      /synchronously/,
    );
    expect(await store.listInbox(KARI)).toEqual([]);
    await expect(store.inTransaction(() => Promise.resolve(1))).rejects.toThrow(/synchronously/);
  });

  describe('blob writes are atomic', () => {
    it('leaves no temporary file behind and never a half-written blob', async () => {
      const store = openStore();
      const input = receipt('x'.repeat(100_000));
      await store.add(KARI, input);
      const files = blobFiles();
      expect(files).toEqual([join(blobDir, input.sha256.slice(0, 2), input.sha256)]);
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    });

    it('replaces a truncated blob left by a crash instead of trusting it', async () => {
      const store = openStore();
      const input = receipt('a receipt whose earlier write was cut short');
      const target = join(blobDir, input.sha256.slice(0, 2), input.sha256);
      mkdirSync(join(blobDir, input.sha256.slice(0, 2)), { recursive: true });
      writeFileSync(target, input.bytes.subarray(0, 10));
      const { receipt: saved } = await store.add(KARI, input);
      expect((await store.readBlob(KARI, saved.id)).equals(input.bytes)).toBe(true);
    });

    it('stores no row when the blob cannot be put in place, and cleans up its temporary file', async () => {
      const store = openStore();
      const input = receipt('blocked');
      // A directory where the blob should go makes the final rename fail.
      mkdirSync(join(blobDir, input.sha256.slice(0, 2), input.sha256), { recursive: true });
      await expect(store.add(KARI, input)).rejects.toThrow();
      expect(await store.listInbox(KARI)).toEqual([]);
      expect(blobFiles()).toEqual([]);
    });

    it('refuses to show a blob that was damaged on disk', async () => {
      const store = openStore();
      const input = receipt('will be damaged');
      const { receipt: saved } = await store.add(KARI, input);
      writeFileSync(join(blobDir, input.sha256.slice(0, 2), input.sha256), 'garbage');
      await expect(store.readBlob(KARI, saved.id)).rejects.toThrow(/hash/);
    });
  });
});
