/**
 * Reads the photos of one message, one after the other, and turns each into the event the
 * conversation continues with: the fields read, or a message in every language saying why not.
 * Every photo yields an event, or a claim waiting for the last one never comes.
 */
import type { Logger } from 'pino';
import type { ConversationEvent, Lang } from '../conversation/types.js';
import { t } from '../i18n/translate.js';
import { errorSummary } from '../logger.js';
import {
  DEFAULT_MAX_BYTES,
  type AttachmentToFetch,
  type FetchLike,
  type IntakeErrorCode,
} from '../receipts/intake.js';
import { INTAKE_MESSAGES } from '../receipts/intake-messages.js';
import type { Connect, LookupAll } from '../receipts/pinned-request.js';
import type { PipelineResult, ReceiptPipeline } from '../receipts/receipt-pipeline.js';

/** How files are fetched: auth decides whether loopback http is allowed (local use only). */
export interface IntakeOptions {
  authEnabled: boolean;
  /** Test doubles only: production connects through the pinned, address-checked transport. */
  fetch?: FetchLike;
  lookup?: LookupAll;
  connect?: Connect;
  allowedTokenHosts?: readonly string[];
  maxBytes?: number;
}

export interface ReceiptBatch {
  files: AttachmentToFetch[];
  /** Ties the photos read later to the message they came with. */
  batchId: string;
  /** What the user wrote with the photos, kept with each receipt. */
  comment?: string;
  /** The token the file host wants; Teams hands it to the bot, not to this layer. */
  getBotToken: () => Promise<string>;
}

export class ReceiptReading {
  constructor(
    private readonly deps: { receipts: ReceiptPipeline; intake: IntakeOptions; logger: Logger },
  ) {}

  /** Reads each file and hands its event on; resolves when the last one has been handled. */
  async read(
    employeeId: string,
    batch: ReceiptBatch,
    onEvent: (event: ConversationEvent) => Promise<void>,
  ): Promise<void> {
    const { comment } = batch;
    for (const [index, file] of batch.files.entries()) {
      const ref = { id: batch.batchId, index };
      const result = await this.readOne(employeeId, file, batch);
      await onEvent(
        result.ok
          ? {
              type: 'receiptRead',
              receipt: result.receipt,
              batch: ref,
              ...(comment ? { comment } : {}),
              ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
            }
          : { type: 'receiptFailed', messages: intakeMessages(result.code), batch: ref },
      );
    }
  }

  private async readOne(
    employeeId: string,
    file: AttachmentToFetch,
    batch: ReceiptBatch,
  ): Promise<PipelineResult> {
    const { intake } = this.deps;
    try {
      return await this.deps.receipts.process(employeeId, file, batch.comment, {
        ...(intake.fetch ? { fetch: intake.fetch } : {}),
        ...(intake.lookup ? { lookup: intake.lookup } : {}),
        ...(intake.connect ? { connect: intake.connect } : {}),
        getBotToken: batch.getBotToken,
        authEnabled: intake.authEnabled,
        ...(intake.allowedTokenHosts ? { allowedTokenHosts: intake.allowedTokenHosts } : {}),
        ...(intake.maxBytes ? { maxBytes: intake.maxBytes } : {}),
      });
    } catch (err) {
      // The user hears "could not read it"; the cause stays in the log.
      this.deps.logger.warn({ err: errorSummary(err) }, 'reading a receipt failed');
      return { ok: false, code: 'unreadable' };
    }
  }
}

function intakeMessages(code: IntakeErrorCode | 'unreadable'): Record<Lang, string> {
  const maxMb = String(Math.round(DEFAULT_MAX_BYTES / 1024 / 1024));
  const pick = (lang: Lang) =>
    code === 'unreadable'
      ? t(lang, 'receipt.unreadable')
      : INTAKE_MESSAGES[lang][code].replace(/\{maxMb\}/g, maxMb);
  return { nb: pick('nb'), nn: pick('nn'), en: pick('en') };
}
