import { createHash } from 'node:crypto';
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
import type { ReceiptFields } from '../src/receipts/receipt-fields.js';
import {
  ReceiptNotFoundError,
  ReceiptStateError,
  ReceiptStore,
  normaliseMerchant,
  type NewReceipt,
} from '../src/receipts/receipt-store.js';
import { openDatabase } from '../src/store/sqlite-database.js';

const KARI = '3f0c9a1e-0000-4000-8000-00000000000a';
const OLA = '3f0c9a1e-0000-4000-8000-00000000000b';

let dir: string;
let dbFile: string;
let blobDir: string;
const opened: Database.Database[] = [];

function openStore(): ReceiptStore {
  const db = openDatabase(dbFile);
  opened.push(db);
  return new ReceiptStore(db, blobDir);
}

function receipt(text: string, extra: Partial<NewReceipt> = {}): NewReceipt {
  // Any bytes do: the store trusts intake to have checked the type.
  const bytes = Buffer.from(`\x89PNG\r\n\x1a\n${text}`, 'latin1');
  return {
    bytes,
    mime: 'image/png',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...extra,
  };
}

const certain = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0,
  vatRate: 0,
};

function fields(over: Partial<ReceiptFields> = {}): ReceiptFields {
  return {
    kind: 'ferry',
    merchant: 'Fjord1 AS',
    date: '2026-03-14',
    totalMinor: 14_500,
    currency: 'NOK',
    confidence: certain,
    ...over,
  };
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

describe('receipt store', () => {
  it('keeps a photo with its comment in the inbox and gives the same bytes back', () => {
    const store = openStore();
    const input = receipt('ferry ticket', {
      name: 'IMG_0412.png',
      comment: '  Ferje Halhjem–Sandvikvåg  ',
    });
    const { receipt: saved, duplicateOf } = store.add(KARI, input);
    expect(duplicateOf).toBeUndefined();
    expect(saved).toMatchObject({
      employeeId: KARI,
      mime: 'image/png',
      size: input.bytes.length,
      status: 'inbox',
      fileName: 'IMG_0412.png',
      comment: 'Ferje Halhjem–Sandvikvåg',
    });
    expect(store.get(KARI, saved.id)).toEqual(saved);
    expect(store.readBlob(KARI, saved.id).equals(input.bytes)).toBe(true);
    expect(store.listInbox(KARI).map((r) => r.id)).toEqual([saved.id]);
    const blob = join(blobDir, input.sha256.slice(0, 2), input.sha256);
    expect(readFileSync(blob).equals(input.bytes)).toBe(true);
  });

  it('survives a restart: receipts, fields and blobs are all there after reopening', () => {
    const first = openStore();
    const { receipt: saved } = first.add(KARI, receipt('parking'));
    first.setFields(saved.id, fields({ kind: 'parking', merchant: 'EasyPark' }));
    opened.pop()?.close();

    const second = openStore();
    const again = second.get(KARI, saved.id);
    expect(again?.fields).toMatchObject({
      kind: 'parking',
      merchant: 'EasyPark',
      totalMinor: 14_500,
    });
    expect(second.readBlob(KARI, saved.id).equals(receipt('parking').bytes)).toBe(true);
  });

  it('flags the same photo sent twice by the same employee', () => {
    const store = openStore();
    const { receipt: first } = store.add(KARI, receipt('same photo'));
    const { receipt: second, duplicateOf } = store.add(
      KARI,
      receipt('same photo', { comment: 'again?' }),
    );
    expect(second.id).not.toBe(first.id);
    expect(duplicateOf?.id).toBe(first.id);
    // Another employee sending the same file is not a duplicate of Kari's.
    expect(store.add(OLA, receipt('same photo')).duplicateOf).toBeUndefined();
    // Content-addressed: one blob, however many receipts.
    expect(blobFiles()).toHaveLength(1);
  });

  it('finds the same purchase photographed twice by merchant, date and total', () => {
    const store = openStore();
    const { receipt: first } = store.add(KARI, receipt('first photo'));
    store.setFields(first.id, fields({ merchant: 'Fjord1 AS' }));
    const { receipt: second, duplicateOf } = store.add(KARI, receipt('second photo, other angle'));
    expect(duplicateOf).toBeUndefined();

    const read = fields({ merchant: 'FJORD1' });
    expect(store.findSimilar(KARI, read, { excludeId: second.id })?.id).toBe(first.id);
    store.setFields(second.id, read);
    expect(store.findSimilar(KARI, read, { excludeId: second.id })?.id).toBe(first.id);
    expect(store.findSimilar(KARI, read, { excludeId: first.id })?.id).toBe(second.id);

    expect(store.findSimilar(KARI, fields({ totalMinor: 14_600 }))).toBeUndefined();
    expect(store.findSimilar(KARI, fields({ date: '2026-03-15' }))).toBeUndefined();
    expect(store.findSimilar(KARI, fields({ currency: 'EUR' }))).toBeUndefined();
    expect(store.findSimilar(KARI, fields({ merchant: 'Norled' }))).toBeUndefined();
    expect(store.findSimilar(OLA, read)).toBeUndefined();
    // Without all three facts there is nothing to compare on.
    const { merchant: _m, ...noMerchant } = read;
    expect(store.findSimilar(KARI, noMerchant)).toBeUndefined();
  });

  it('normalises merchant names the way receipts and readers vary them', () => {
    expect(normaliseMerchant('Circle K Norge AS')).toBe('circle k');
    expect(normaliseMerchant('CIRCLE-K')).toBe('circle k');
    expect(normaliseMerchant('Bøkeskogen Café & Bar')).toBe('bokeskogen cafe og bar');
    expect(normaliseMerchant('AS')).toBe('as');
  });

  it('shows another employee nothing: not the record, not the image, not in a list', () => {
    const store = openStore();
    const { receipt: saved } = store.add(KARI, receipt('private'));
    expect(store.get(OLA, saved.id)).toBeUndefined();
    expect(() => store.readBlob(OLA, saved.id)).toThrow(ReceiptNotFoundError);
    expect(store.listInbox(OLA)).toEqual([]);
    expect(() => store.attach(OLA, [saved.id], 'draft-ola')).toThrow(ReceiptNotFoundError);
    expect(store.remove(OLA, saved.id)).toBe(false);
    expect(store.get(KARI, saved.id)?.status).toBe('inbox');
  });

  it('moves receipts from the inbox to a draft and on to a filed claim', () => {
    const store = openStore();
    const a = store.add(KARI, receipt('a')).receipt;
    const b = store.add(KARI, receipt('b')).receipt;
    store.attach(KARI, [a.id, b.id], 'draft-1');
    expect(store.listInbox(KARI)).toEqual([]);
    expect(
      store
        .listByDraft(KARI, 'draft-1')
        .map((r) => r.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());

    store.detach(KARI, [b.id]);
    expect(store.listInbox(KARI).map((r) => r.id)).toEqual([b.id]);

    store.markFiled(KARI, [a.id], 'claim-42');
    store.markFiled(KARI, [a.id], 'claim-42'); // a retried filing
    expect(store.get(KARI, a.id)).toMatchObject({
      status: 'filed',
      claimId: 'claim-42',
      draftId: 'draft-1',
    });
    expect(store.listByClaim(KARI, 'claim-42').map((r) => r.id)).toEqual([a.id]);
    expect(() => store.markFiled(KARI, [a.id], 'claim-43')).toThrow(ReceiptStateError);
    expect(() => store.attach(KARI, [a.id], 'draft-2')).toThrow(ReceiptStateError);
    expect(() => store.remove(KARI, a.id)).toThrow(ReceiptStateError);
  });

  it('changes all receipts in a batch or none', () => {
    const store = openStore();
    const mine = store.add(KARI, receipt('mine')).receipt;
    const theirs = store.add(OLA, receipt('theirs')).receipt;
    expect(() => store.attach(KARI, [mine.id, theirs.id], 'draft-1')).toThrow(ReceiptNotFoundError);
    expect(store.get(KARI, mine.id)?.status).toBe('inbox');
  });

  it('removes a receipt, and its blob once no other receipt shares it', () => {
    const store = openStore();
    const first = store.add(KARI, receipt('twice')).receipt;
    const second = store.add(KARI, receipt('twice')).receipt;
    expect(store.remove(KARI, first.id)).toBe(true);
    expect(store.readBlob(KARI, second.id).equals(receipt('twice').bytes)).toBe(true);
    expect(store.remove(KARI, second.id)).toBe(true);
    expect(blobFiles()).toEqual([]);
    expect(store.remove(KARI, second.id)).toBe(false);
  });

  it('rejects fields that break the contract and unknown ids', () => {
    const store = openStore();
    const { receipt: saved } = store.add(KARI, receipt('x'));
    expect(() => store.setFields(saved.id, { ...fields(), date: '14.03.2026' })).toThrow();
    expect(() => store.setFields('no-such-id', fields())).toThrow(ReceiptNotFoundError);
    expect(() => store.add(KARI, { ...receipt('y'), sha256: 'f'.repeat(64) })).toThrow(/sha256/);
  });

  describe('blob writes are atomic', () => {
    it('leaves no temporary file behind and never a half-written blob', () => {
      const store = openStore();
      const input = receipt('x'.repeat(100_000));
      store.add(KARI, input);
      const files = blobFiles();
      expect(files).toEqual([join(blobDir, input.sha256.slice(0, 2), input.sha256)]);
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    });

    it('replaces a truncated blob left by a crash instead of trusting it', () => {
      const store = openStore();
      const input = receipt('a receipt whose earlier write was cut short');
      const target = join(blobDir, input.sha256.slice(0, 2), input.sha256);
      mkdirSync(join(blobDir, input.sha256.slice(0, 2)), { recursive: true });
      writeFileSync(target, input.bytes.subarray(0, 10));
      const { receipt: saved } = store.add(KARI, input);
      expect(store.readBlob(KARI, saved.id).equals(input.bytes)).toBe(true);
    });

    it('stores no row when the blob cannot be put in place, and cleans up its temporary file', () => {
      const store = openStore();
      const input = receipt('blocked');
      // A directory where the blob should go makes the final rename fail.
      mkdirSync(join(blobDir, input.sha256.slice(0, 2), input.sha256), { recursive: true });
      expect(() => store.add(KARI, input)).toThrow();
      expect(store.listInbox(KARI)).toEqual([]);
      expect(blobFiles()).toEqual([]);
    });

    it('refuses to show a blob that was damaged on disk', () => {
      const store = openStore();
      const input = receipt('will be damaged');
      const { receipt: saved } = store.add(KARI, input);
      writeFileSync(join(blobDir, input.sha256.slice(0, 2), input.sha256), 'garbage');
      expect(() => store.readBlob(KARI, saved.id)).toThrow(/hash/);
    });
  });
});
