/**
 * One receipt from Teams to stored fields: download (intake rules), store durably, read
 * (extractor), flag duplicates. No botbuilder here: the bot hands in how to get its token.
 */
import {
  downloadAttachment,
  isIntakeError,
  type AttachmentToFetch,
  type DownloadOptions,
  type IntakeErrorCode,
} from './intake.js';
import { createLogger, type Logger } from '../logger.js';
import { ReceiptReadError, type ReceiptExtractor, type ReceiptSummary } from './receipt-fields.js';
import type { Awaitable } from '../jobs/job-queue.js';
import type { ReceiptRecord, ReceiptStore } from './receipt-store.js';

export type PipelineResult =
  | { ok: true; receipt: ReceiptSummary; duplicateOf?: ReceiptSummary }
  | { ok: false; code: IntakeErrorCode | 'unreadable' };

/** Where the pipeline reports what went wrong; pino's `warn` fits. */
export type PipelineLogger = Pick<Logger, 'warn'>;

/** `Tx` is the receipt store's transaction handle (see ReceiptStore). */
export interface ReceiptPipelineDeps<Tx> {
  store: ReceiptStore<Tx>;
  extractor: ReceiptExtractor;
  download?: typeof downloadAttachment;
  /** Default: a pino logger at level warn. */
  logger?: PipelineLogger;
}

function summary(record: ReceiptRecord): ReceiptSummary | undefined {
  if (!record.fields) return undefined;
  return {
    id: record.id,
    ...(record.fileName ? { name: record.fileName } : {}),
    createdAt: record.createdAt,
    fields: record.fields,
  };
}

export class ReceiptPipeline<Tx = unknown> {
  private readonly logger: PipelineLogger;

  constructor(private readonly deps: ReceiptPipelineDeps<Tx>) {
    this.logger = deps.logger ?? createLogger('warn');
  }

  /** Download, store and read in one go (the CLI, tests); failures of the reader read as "unreadable". */
  async process(
    employeeId: string,
    item: AttachmentToFetch,
    comment: string | undefined,
    options: DownloadOptions,
  ): Promise<PipelineResult> {
    const stored = await this.store(employeeId, item, comment, options);
    if (stored.type === 'done') return stored.result;
    try {
      return await this.read(employeeId, stored.receipt.id);
    } catch (err) {
      this.logger.warn({ err, receiptId: stored.receipt.id }, 'reading a receipt failed');
      return { ok: false, code: 'unreadable' };
    }
  }

  /**
   * Downloads the file (intake rules) and stores it; `inTx` runs in the transaction that adds
   * its row (the job that will read it). An exact copy of a receipt read before is answered from
   * that one and not kept.
   */
  async store(
    employeeId: string,
    item: AttachmentToFetch,
    comment: string | undefined,
    options: DownloadOptions,
    inTx?: (tx: Tx, receipt: ReceiptRecord) => Awaitable<unknown>,
  ): Promise<
    { type: 'done'; result: PipelineResult } | { type: 'stored'; receipt: ReceiptRecord }
  > {
    let downloaded;
    try {
      downloaded = await (this.deps.download ?? downloadAttachment)(item, options);
    } catch (err) {
      if (isIntakeError(err)) {
        // The user reads one neutral message; which step failed is for the log alone.
        this.logger.warn(
          { code: err.code, status: err.status, reason: err.message },
          'receipt download failed',
        );
        return { type: 'done', result: { ok: false, code: err.code } };
      }
      throw err;
    }
    const { receipt, duplicateOf } = await this.deps.store.add(
      employeeId,
      {
        ...downloaded,
        ...(item.name ? { name: item.name } : {}),
        ...(comment ? { comment } : {}),
      },
      (tx, added) => (added.duplicateOf?.fields ? undefined : inTx?.(tx, added.receipt)),
    );
    // The very same file again: answer from what was read the first time.
    const earlier = duplicateOf && summary(duplicateOf);
    if (earlier) {
      // Nothing new to keep: the first copy holds the file and what was read off it.
      await this.deps.store.remove(employeeId, receipt.id);
      return { type: 'done', result: { ok: true, receipt: earlier, duplicateOf: earlier } };
    }
    return { type: 'stored', receipt };
  }

  /**
   * Reads a stored receipt (or takes what an earlier attempt read off it) and flags a similar
   * one. A file the reader cannot read comes back as a result; any other failure throws, so the
   * job that asked can try again later. A receipt deleted meanwhile is undefined.
   */
  async read(employeeId: string, receiptId: string): Promise<PipelineResult> {
    const record = await this.deps.store.get(employeeId, receiptId);
    if (!record) return { ok: false, code: 'unreadable' };
    let fields = record.fields;
    if (!fields) {
      try {
        const bytes = await this.deps.store.readBlob(employeeId, receiptId);
        fields = await this.deps.extractor.extract(bytes, record.mime);
      } catch (err) {
        if (!(err instanceof ReceiptReadError)) throw err;
        // The file stays stored; the user is told why and may send it again. pino's `err`
        // serializer writes the cause's message and stack after the error's own.
        this.logger.warn({ err, receiptId, mime: record.mime }, 'reading a receipt failed');
        return {
          ok: false,
          code: err.code === 'heic_undecodable' ? 'heicUndecodable' : 'unreadable',
        };
      }
      await this.deps.store.setFields(employeeId, receiptId, fields);
    }
    const read: ReceiptSummary = {
      id: receiptId,
      ...(record.fileName ? { name: record.fileName } : {}),
      createdAt: record.createdAt,
      fields,
    };
    // A new photo of a receipt already sent (same merchant, date and total) is flagged, not filed twice.
    const similar =
      fields.kind === 'not_receipt'
        ? undefined
        : await this.deps.store.findSimilar(employeeId, fields, { excludeId: receiptId });
    const similarSummary = similar && summary(similar);
    return similarSummary
      ? { ok: true, receipt: read, duplicateOf: similarSummary }
      : { ok: true, receipt: read };
  }

  /** Stored receipts nothing has read yet (a run stopped mid-OCR), oldest first. */
  unread(): Promise<ReceiptRecord[]> {
    return this.deps.store.listUnread();
  }

  /** Runs `work` in one transaction on the receipts' database. */
  inTransaction<T>(work: (tx: Tx) => Awaitable<T>): Promise<T> {
    return this.deps.store.inTransaction(work);
  }

  /** Deletes every receipt waiting in the inbox (a reminder's "drop"); how many went. */
  async dropInbox(employeeId: string): Promise<number> {
    let dropped = 0;
    for (const r of await this.deps.store.listInbox(employeeId))
      if (await this.deps.store.remove(employeeId, r.id)) dropped++;
    return dropped;
  }

  async inbox(employeeId: string): Promise<ReceiptSummary[]> {
    return (await this.deps.store.listInbox(employeeId)).flatMap((r) => summary(r) ?? []);
  }

  async load(employeeId: string, id: string): Promise<ReceiptSummary | undefined> {
    const record = await this.deps.store.get(employeeId, id);
    return record && summary(record);
  }

  /** The stored files for a claim, ready to upload to the claims API. */
  async files(
    employeeId: string,
    ids: readonly string[],
  ): Promise<Array<{ id: string; bytes: Buffer; mime: string; sha256: string; name?: string }>> {
    const files = [];
    for (const id of ids) {
      const record = await this.deps.store.get(employeeId, id);
      if (!record) continue;
      files.push({
        id,
        bytes: await this.deps.store.readBlob(employeeId, id),
        mime: record.mime,
        sha256: record.sha256,
        ...(record.fileName ? { name: record.fileName } : {}),
      });
    }
    return files;
  }

  markFiled(employeeId: string, ids: readonly string[], claimId: string): Promise<void> {
    return this.deps.store.markFiled(employeeId, ids, claimId);
  }
}
