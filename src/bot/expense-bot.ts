/**
 * The botbuilder glue: turns activities into conversation events, runs the engine with the
 * person's stored state, and turns its views into messages and card updates. Everything that
 * decides what to say lives in `conversation/`; this file only translates and delivers.
 */
import { randomUUID } from 'node:crypto';
import {
  TurnContext,
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type InvokeResponse,
  type Storage,
} from 'botbuilder';
import type { AttachmentRef } from '../claims/claim.js';
import {
  attachmentsToFetch,
  DEFAULT_MAX_BYTES,
  type AttachmentToFetch,
  type FetchLike,
  type IntakeErrorCode,
} from '../receipts/intake.js';
import { INTAKE_MESSAGES } from '../receipts/intake-messages.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';
import type { Logger } from 'pino';
import { ClaimsApiRejectedError, type ClaimsClient } from '../claims-api/claims-client.js';
import { handleEvent } from '../conversation/engine.js';
import { readReceiptText } from '../conversation/one-claim-text.js';
import { t } from '../i18n/translate.js';
import type {
  ConversationEvent,
  Effect,
  HelpReply,
  Lang,
  TurnContextData,
  TurnResult,
  UserState,
  View,
} from '../conversation/types.js';
import { isETagConflict } from '../store/sqlite-storage.js';
import type { ProcessedActivities } from '../store/processed-activities.js';
import type { AdaptiveCardJson, CardRenderer } from './card-renderer.js';
import { KeyedLock } from './keyed-lock.js';
import type { ReceiptLinks } from './receipt-links.js';
import { employeeIdOf, eventOf, firstName, messageText, scopeOf, userToday } from './turn-facts.js';

/** Answers questions from the user guide (offline search, optionally a language model). */
export interface HelpAnswerer {
  answer(question: string, userLang: Lang): Promise<HelpReply>;
}

export interface ExpenseBotDeps {
  storage: Storage;
  help: HelpAnswerer;
  receipts: ReceiptPipeline;
  /** How files are fetched: auth decides whether loopback http is allowed (local use only). */
  intake: {
    authEnabled: boolean;
    fetch?: FetchLike;
    allowedTokenHosts?: readonly string[];
    maxBytes?: number;
  };
  /** The bot's app id ('' with auth off), for continuing a conversation after slow work. */
  botAppId: string;
  /** Signed links to receipts on filed claims; without it the claims list shows none. */
  links?: ReceiptLinks;
  processed: ProcessedActivities;
  claims: ClaimsClient;
  cards: CardRenderer;
  logger: Logger;
  defaultLang: Lang;
  now?: () => Date;
  newId?: () => string;
}

interface StoredUser {
  state: UserState;
  eTag?: string;
}

const MAX_STATE_RETRIES = 5;

export class ExpenseBot extends ActivityHandler {
  private readonly lock = new KeyedLock();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ExpenseBotDeps) {
    super();
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.onMessage(async (context, next) => {
      await this.handleTurn(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.handleTurn(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const card = await this.handleTurn(context);
    // Action.Execute expects the card that replaces the one clicked; with nothing to replace
    // the client keeps the card as it is.
    const body = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' };
    return { status: 200, body };
  }

  private readonly background = new Set<Promise<void>>();

  /** Resolves when the receipts being read in the background are done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Runs one turn; returns the card that should replace the clicked card (invoke path). */
  private async handleTurn(context: TurnContext): Promise<AdaptiveCardJson | undefined> {
    const activity = context.activity;
    const files =
      activity.type === ActivityTypes.Message && !activity.value
        ? attachmentsToFetch(activity.attachments)
        : [];
    const event =
      files.length > 0
        ? ({ type: 'receiptsArrived', count: files.length } as const)
        : eventOf(activity);
    const employeeId = employeeIdOf(activity);
    if (!event || !employeeId) return undefined;
    if (activity.type !== ActivityTypes.Invoke && activity.id) {
      const key = `${activity.channelId}:${activity.conversation?.id}:${activity.id}`;
      if (!this.deps.processed.claim(key)) {
        this.deps.logger.info({ activityId: activity.id }, 'replayed activity ignored');
        return undefined;
      }
    }
    const facts: TurnContextData = {
      today: userToday(activity, this.now()),
      scope: scopeOf(activity),
      locale: activity.locale,
      userName: firstName(activity),
      defaultLang: this.deps.defaultLang,
      newId: this.newId,
    };
    if (event.type === 'receiptsArrived')
      return this.acknowledgeReceipts(context, employeeId, facts, files);
    return this.lock.run(employeeId, () => this.runEvents(context, employeeId, facts, [event]));
  }

  /**
   * Runs events and the effects they ask for, delivering each result; returns the replacement card.
   * `ack` holds the "Reading your receipts…" message until a card takes its place.
   */
  private async runEvents(
    context: TurnContext,
    employeeId: string,
    facts: TurnContextData,
    events: ConversationEvent[],
    ack?: { id?: string },
  ) {
    let replacement: AdaptiveCardJson | undefined;
    const pending = [...events];
    while (pending.length > 0) {
      const next = pending.shift() as ConversationEvent;
      const result = await this.step(employeeId, next, facts);
      replacement = (await this.deliver(context, result, ack)) ?? replacement;
      if (result.effects.length > 0 && context.activity.type !== ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.Typing });
      }
      for (const effect of result.effects) pending.push(await this.perform(employeeId, effect));
    }
    return replacement;
  }

  /**
   * Answers at once ("Reading your receipt…" and typing), then reads the files after the turn
   * has ended: OCR takes seconds, and Teams wants its HTTP answer long before that.
   */
  private async acknowledgeReceipts(
    context: TurnContext,
    employeeId: string,
    facts: TurnContextData,
    files: AttachmentToFetch[],
  ) {
    // The text decides, in the engine, between a card per photo and one claim ("ett krav"); the
    // batch id ties the photos read later to this message.
    const text = messageText(context.activity);
    const batchId = context.activity.id || randomUUID();
    const arrived: ConversationEvent = {
      type: 'receiptsArrived',
      count: files.length,
      batchId,
      ...(text ? { text } : {}),
    };
    const ack = await this.lock.run(employeeId, () => this.step(employeeId, arrived, facts));
    let ackId: string | undefined;
    for (const view of ack.messages) {
      const sent = await this.send(context, view);
      ackId ??= sent?.id;
    }
    if (facts.scope !== 'personal') return undefined;
    await context.sendActivity({ type: ActivityTypes.Typing });
    const reference = TurnContext.getConversationReference(context.activity);
    // "ett krav" is an instruction, not something to keep with each receipt.
    const comment = readReceiptText(text).comment;
    const job = context.adapter
      .continueConversationAsync(this.deps.botAppId, reference, (later) =>
        this.readReceipts(later, employeeId, facts, files, comment, batchId, ackId),
      )
      .catch((err: unknown) =>
        this.deps.logger.error({ err: errorSummary(err) }, 'reading receipts failed'),
      );
    this.background.add(job);
    void job.finally(() => this.background.delete(job));
    return undefined;
  }

  private async readReceipts(
    context: TurnContext,
    employeeId: string,
    facts: TurnContextData,
    files: AttachmentToFetch[],
    comment: string | undefined,
    batchId: string,
    ackId: string | undefined,
  ) {
    const { intake } = this.deps;
    const ack = { ...(ackId ? { id: ackId } : {}) };
    for (const [index, file] of files.entries()) {
      const batch = { id: batchId, index };
      let result: Awaited<ReturnType<ReceiptPipeline['process']>>;
      try {
        result = await this.deps.receipts.process(employeeId, file, comment, {
          fetch: intake.fetch ?? ((url, init) => fetch(url, init)),
          getBotToken: () => botToken(context),
          authEnabled: intake.authEnabled,
          ...(intake.allowedTokenHosts ? { allowedTokenHosts: intake.allowedTokenHosts } : {}),
          ...(intake.maxBytes ? { maxBytes: intake.maxBytes } : {}),
        });
      } catch (err) {
        // Every photo must be accounted for, or a claim waiting for the last one never comes.
        this.deps.logger.warn({ err: errorSummary(err) }, 'reading a receipt failed');
        result = { ok: false, code: 'unreadable' };
      }
      const event: ConversationEvent = result.ok
        ? {
            type: 'receiptRead',
            receipt: result.receipt,
            batch,
            ...(comment ? { comment } : {}),
            ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
          }
        : { type: 'receiptFailed', messages: intakeMessages(result.code), batch };
      await this.lock.run(employeeId, () =>
        this.runEvents(context, employeeId, facts, [event], ack),
      );
    }
  }

  /** Reads state, runs the engine, writes state back; on an eTag conflict re-reads and re-runs. */
  private async step(
    employeeId: string,
    event: ConversationEvent,
    facts: TurnContextData,
  ): Promise<TurnResult> {
    const key = `users/${employeeId}`;
    for (let attempt = 1; ; attempt++) {
      const found = (await this.deps.storage.read([key]))[key] as StoredUser | undefined;
      const result = handleEvent(found?.state ?? {}, event, facts);
      try {
        await this.deps.storage.write({ [key]: { state: result.state, eTag: found?.eTag ?? '*' } });
        return result;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= MAX_STATE_RETRIES) throw err;
        this.deps.logger.debug({ attempt }, 'state write conflict, retrying the turn');
      }
    }
  }

  private async perform(employeeId: string, effect: Effect): Promise<ConversationEvent> {
    const { claims, logger } = this.deps;
    if (effect.type === 'answerHelp') {
      try {
        return {
          type: 'helpAnswered',
          reply: await this.deps.help.answer(effect.question, effect.lang),
        };
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'help answer failed');
        return {
          type: 'helpAnswered',
          reply: { found: false, lang: effect.lang, text: t(effect.lang, 'fallback.text') },
        };
      }
    }
    if (effect.type === 'listClaims') {
      try {
        const list = await claims.listClaims(employeeId);
        const links = this.deps.links;
        const receiptLinks = links
          ? Object.fromEntries(
              list.map((c) => [
                c.id,
                c.attachments
                  .filter((a) => a.role === 'receipt')
                  .map((a) => links.url(employeeId, a.sha256)),
              ]),
            )
          : {};
        return { type: 'claimsListed', claims: list, receiptLinks };
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'listing claims failed');
        return { type: 'claimsListFailed' };
      }
    }
    if (effect.type === 'listReceipts')
      return { type: 'receiptsListed', receipts: this.deps.receipts.inbox(employeeId) };
    if (effect.type === 'gatherInbox')
      return { type: 'inboxGathered', receipts: this.deps.receipts.inbox(employeeId) };
    if (effect.type === 'loadReceipt') {
      const receipt = this.deps.receipts.load(employeeId, effect.receiptId);
      return receipt
        ? { type: 'receiptRead', receipt }
        : { type: 'receiptsListed', receipts: this.deps.receipts.inbox(employeeId) };
    }
    try {
      // Files first: the claim refers to them by hash, and a retried upload is harmless.
      const roles = [
        ...(effect.receiptIds ?? []).map((id) => [id, 'receipt'] as const),
        ...(effect.documentIds ?? []).map((id) => [id, 'documentation'] as const),
      ];
      const attachments: AttachmentRef[] = [];
      for (const [id, role] of roles) {
        for (const file of this.deps.receipts.files(employeeId, [id])) {
          await claims.uploadAttachment(employeeId, file);
          attachments.push({
            sha256: file.sha256,
            mime: file.mime as AttachmentRef['mime'],
            role,
            ...(file.name ? { name: file.name.slice(0, 200) } : {}),
          });
        }
      }
      const claim = await claims.fileClaim(
        employeeId,
        { ...effect.claim, attachments },
        effect.draftId,
      );
      if (roles.length > 0)
        this.deps.receipts.markFiled(
          employeeId,
          roles.map(([id]) => id),
          claim.id,
        );
      logger.info({ claimId: claim.id, number: claim.number }, 'claim filed');
      return { type: 'filed', draftId: effect.draftId, claim };
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'filing failed');
      if (err instanceof ClaimsApiRejectedError)
        return {
          type: 'fileFailed',
          draftId: effect.draftId,
          reason: 'rejected',
          detail: err.message,
        };
      return { type: 'fileFailed', draftId: effect.draftId, reason: 'unavailable' };
    }
  }

  private async deliver(
    context: TurnContext,
    result: TurnResult,
    ack?: { id?: string },
  ): Promise<AdaptiveCardJson | undefined> {
    const activity = context.activity;
    let replacement: AdaptiveCardJson | undefined;
    const [first, ...rest] = result.messages;
    const ackId = ack?.id;
    if (ack && ackId && first?.kind === 'card') {
      // The "Reading your receipt…" message becomes the pre-filled card (with several photos, the
      // first card, or the one claim made of them all): no stale placeholder.
      delete ack.id;
      try {
        await context.updateActivity({
          id: ackId,
          type: ActivityTypes.Message,
          attachments: [CardFactory.adaptiveCard(this.toCard(first))],
        });
        for (const view of rest) await this.send(context, view);
        return undefined;
      } catch (err) {
        this.deps.logger.debug(
          { err: errorSummary(err) },
          'could not update the acknowledgement, sending anew',
        );
      }
    }
    if (result.replace) {
      const card = this.toCard(result.replace);
      if (activity.type === ActivityTypes.Invoke && card) replacement = card;
      else if (card && activity.replyToId) {
        // Action.Submit: update the clicked card in place so a filed form cannot be filed again.
        try {
          await context.updateActivity({
            id: activity.replyToId,
            type: ActivityTypes.Message,
            attachments: [CardFactory.adaptiveCard(card)],
          });
        } catch (err) {
          this.deps.logger.debug(
            { err: errorSummary(err) },
            'card update failed, sending a new card',
          );
          await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        }
      } else await this.send(context, result.replace);
    }
    for (const view of result.messages) await this.send(context, view);
    return replacement;
  }

  private toCard(view: View): AdaptiveCardJson | undefined {
    return view.kind === 'card' ? this.deps.cards.render(view.template, view.data) : undefined;
  }

  private async send(context: TurnContext, view: View) {
    if (view.kind === 'text')
      return context.sendActivity({ ...MessageFactory.text(view.text), textFormat: 'markdown' });
    return context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.toCard(view))] });
  }
}

/**
 * The bot's own Bot Framework token, from the turn's connector client: its credentials follow
 * the adapter's settings (MultiTenant, SingleTenant, UserAssignedMSI), so no second login here.
 */
async function botToken(context: TurnContext): Promise<string> {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    { credentials?: { getToken?: (force?: boolean) => Promise<string> } } | undefined;
  const getToken = client?.credentials?.getToken;
  if (!getToken) throw new Error('no connector credentials on this turn');
  return getToken.call(client.credentials);
}

function intakeMessages(code: IntakeErrorCode | 'unreadable'): Record<Lang, string> {
  const maxMb = String(Math.round(DEFAULT_MAX_BYTES / 1024 / 1024));
  const pick = (lang: Lang) =>
    code === 'unreadable'
      ? t(lang, 'receipt.unreadable')
      : INTAKE_MESSAGES[lang][code].replace(/\{maxMb\}/g, maxMb);
  return { nb: pick('nb'), nn: pick('nn'), en: pick('en') };
}

/** Logs what went wrong without request bodies or headers, which can hold tokens. */
export function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'unknown', message: String(err) };
}
