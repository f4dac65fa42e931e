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
import type { ReceiptRecord, ReceiptStore } from './receipt-store.js';

export type PipelineResult =
  | { ok: true; receipt: ReceiptSummary; duplicateOf?: ReceiptSummary }
  | { ok: false; code: IntakeErrorCode | 'unreadable' };

/** Where the pipeline reports what went wrong; pino's `warn` fits. */
export type PipelineLogger = Pick<Logger, 'warn'>;

export interface ReceiptPipelineDeps {
  store: ReceiptStore;
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

export class ReceiptPipeline {
  private readonly logger: PipelineLogger;

  constructor(private readonly deps: ReceiptPipelineDeps) {
    this.logger = deps.logger ?? createLogger('warn');
  }

  async process(
    employeeId: string,
    item: AttachmentToFetch,
    comment: string | undefined,
    options: DownloadOptions,
  ): Promise<PipelineResult> {
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
        return { ok: false, code: err.code };
      }
      throw err;
    }
    const { receipt, duplicateOf } = this.deps.store.add(employeeId, {
      ...downloaded,
      ...(item.name ? { name: item.name } : {}),
      ...(comment ? { comment } : {}),
    });
    // The very same file again: answer from what was read the first time.
    const earlier = duplicateOf && summary(duplicateOf);
    if (earlier) {
      // Nothing new to keep: the first copy holds the file and what was read off it.
      this.deps.store.remove(employeeId, receipt.id);
      return { ok: true, receipt: earlier, duplicateOf: earlier };
    }
    let fields;
    try {
      fields = await this.deps.extractor.extract(downloaded.bytes, downloaded.mime);
    } catch (err) {
      // The file stays stored; the user is told why and may send it again. pino's `err`
      // serializer writes the cause's message and stack after the error's own.
      this.logger.warn(
        { err, receiptId: receipt.id, mime: downloaded.mime },
        'reading a receipt failed',
      );
      const heic = err instanceof ReceiptReadError && err.code === 'heic_undecodable';
      return { ok: false, code: heic ? 'heicUndecodable' : 'unreadable' };
    }
    this.deps.store.setFields(receipt.id, fields);
    const read: ReceiptSummary = {
      id: receipt.id,
      ...(item.name ? { name: item.name } : {}),
      createdAt: receipt.createdAt,
      fields,
    };
    // A new photo of a receipt already sent (same merchant, date and total) is flagged, not filed twice.
    const similar =
      fields.kind === 'not_receipt'
        ? undefined
        : this.deps.store.findSimilar(employeeId, fields, { excludeId: receipt.id });
    const similarSummary = similar && summary(similar);
    return similarSummary
      ? { ok: true, receipt: read, duplicateOf: similarSummary }
      : { ok: true, receipt: read };
  }

  /**
   * Reads the receipts a stopped bot left unread (stored, then the process ended mid-OCR), so
   * they appear in "my receipts" instead of waiting unseen. One at a time, in the background of a
   * start: photos sent meanwhile share the same OCR workers. Returns how many were read.
   */
  async readUnread(
    onError: (id: string, err: unknown) => void = (id, err) =>
      this.logger.warn({ err, receiptId: id }, 'could not read a receipt left unread'),
    stopping: () => boolean = () => false,
  ): Promise<number> {
    let read = 0;
    for (const record of this.deps.store.listUnread()) {
      if (stopping()) break;
      try {
        const bytes = this.deps.store.readBlob(record.employeeId, record.id);
        this.deps.store.setFields(record.id, await this.deps.extractor.extract(bytes, record.mime));
        read++;
      } catch (err) {
        onError(record.id, err);
      }
    }
    return read;
  }

  /** Deletes every receipt waiting in the inbox (a reminder's "drop"); how many went. */
  dropInbox(employeeId: string): number {
    return this.deps.store
      .listInbox(employeeId)
      .filter((r) => this.deps.store.remove(employeeId, r.id)).length;
  }

  inbox(employeeId: string): ReceiptSummary[] {
    return this.deps.store.listInbox(employeeId).flatMap((r) => summary(r) ?? []);
  }

  load(employeeId: string, id: string): ReceiptSummary | undefined {
    const record = this.deps.store.get(employeeId, id);
    return record && summary(record);
  }

  /** The stored files for a claim, ready to upload to the claims API. */
  files(
    employeeId: string,
    ids: readonly string[],
  ): Array<{ id: string; bytes: Buffer; mime: string; sha256: string; name?: string }> {
    return ids.flatMap((id) => {
      const record = this.deps.store.get(employeeId, id);
      if (!record) return [];
      return [
        {
          id,
          bytes: this.deps.store.readBlob(employeeId, id),
          mime: record.mime,
          sha256: record.sha256,
          ...(record.fileName ? { name: record.fileName } : {}),
        },
      ];
    });
  }

  markFiled(employeeId: string, ids: readonly string[], claimId: string): void {
    this.deps.store.markFiled(employeeId, ids, claimId);
  }
}
