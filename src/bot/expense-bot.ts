/**
 * The botbuilder glue: turns activities into conversation events, hands them to the application
 * layer (`services/`), and turns the views that come back into messages and card updates. What
 * to say lives in `conversation/`, what to do in `services/`; this file only translates and
 * delivers, plus the Teams specifics (attachments, invokes, proactive messages, typing).
 */
import { randomUUID } from 'node:crypto';
import {
  TurnContext,
  ActivityHandler,
  type Activity,
  type BotAdapter,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type ConversationReference,
  type InvokeResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import { readReceiptText } from '../conversation/one-claim-text.js';
import type {
  ConversationEvent,
  Lang,
  TurnContextData,
  TurnResult,
  View,
} from '../conversation/types.js';
import { errorSummary } from '../logger.js';
import { attachmentsToFetch, type AttachmentToFetch } from '../receipts/intake.js';
import type { ExpenseServices } from '../services/expense-services.js';
import { ReplayedActivityError, type RunOptions } from '../services/conversation-runner.js';
import type { Announcer } from '../services/outbox-worker.js';
import type { AdaptiveCardJson, CardRenderer } from './card-renderer.js';
import { cardActionEvent } from './card-action-event.js';
import { factsOf, originOf, parseOrigin } from './filing-origin.js';
import { employeeIdOf, eventOf, firstName, messageText, scopeOf, userToday } from './turn-facts.js';

// Activity types arrive as plain strings; botbuilder names them in an enum.
const MESSAGE: string = ActivityTypes.Message;
const INVOKE: string = ActivityTypes.Invoke;

export interface ExpenseBotDeps<Tx> {
  services: ExpenseServices<Tx>;
  /** The bot's app id ('' with auth off), for continuing a conversation after slow work. */
  botAppId: string;
  /** The replay records (SQLite's answer at once, PostgreSQL's with a promise). */
  /**
   * A quick look whether an activity was handled, before its turn runs. Optional: the mark made
   * with the turn's state write catches a replay either way (stores.ts says when it is left out).
   */
  processed?: { seen(key: string): boolean | Promise<boolean> };
  cards: CardRenderer;
  logger: Logger;
  defaultLang: Lang;
  now?: () => Date;
  newId?: () => string;
  /** A personal-chat turn: remembers where to reach this person later (status messages). */
  onPersonalTurn?: (
    employeeId: string,
    reference: Partial<ConversationReference>,
    locale?: string,
  ) => Promise<void>;
  /** Where an employee's personal chat is (what `onPersonalTurn` kept), for the tab's "Continue in chat". */
  chatReference?: (employeeId: string) => Promise<Partial<ConversationReference> | undefined>;
  /** Deep link to the "Mine krav" tab, for the claims list's "Open the tab" button. */
  tabUrl?: string;
}

/** What the tab's "Continue in chat" runs: a card's action (on a draft, or reopening a rejected claim). */
export type ContinueWhat = { cardAction: Record<string, unknown> };

export class ExpenseBot<Tx = never> extends ActivityHandler {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ExpenseBotDeps<Tx>) {
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
      activity.type === MESSAGE && !activity.value ? attachmentsToFetch(activity.attachments) : [];
    const event =
      files.length > 0
        ? ({ type: 'receiptsArrived', count: files.length } as const)
        : eventOf(activity);
    const employeeId = employeeIdOf(activity);
    if (employeeId && scopeOf(activity) === 'personal') {
      // Without the activity's own id, which a message started later does not answer: the
      // reference stays the same from turn to turn, so it is stored once, not at every message.
      const { activityId: _, ...reference } = TurnContext.getConversationReference(activity);
      await this.deps.onPersonalTurn?.(employeeId, reference, activity.locale);
    }
    if (!event || !employeeId) return undefined;
    // Marked handled only when the turn's first state write commits (with it, in one transaction):
    // Teams' resend of an activity whose turn died in a crash is processed, a true replay is not.
    const activityKey =
      activity.type !== INVOKE && activity.id
        ? `${activity.channelId}:${activity.conversation?.id}:${activity.id}`
        : undefined;
    if (activityKey && (await this.deps.processed?.seen(activityKey))) {
      this.deps.logger.info({ activityId: activity.id }, 'replayed activity ignored');
      return undefined;
    }
    const facts: TurnContextData = {
      today: userToday(activity, this.now()),
      scope: scopeOf(activity),
      locale: activity.locale,
      userName: firstName(activity),
      defaultLang: this.deps.defaultLang,
      newId: this.newId,
    };
    const options = {
      ...(activityKey ? { activityKey } : {}),
      ...(facts.scope === 'personal' ? { origin: originOf(activity) } : {}),
    };
    try {
      if (event.type === 'receiptsArrived')
        return await this.acknowledgeReceipts(context, employeeId, facts, files, options);
      return await this.runEvents(context, employeeId, facts, [event], undefined, options);
    } catch (err) {
      if (!(err instanceof ReplayedActivityError)) throw err;
      this.deps.logger.info({ activityId: activity.id }, 'replayed activity ignored');
      return undefined;
    }
  }

  /**
   * The outbox worker's facts: a claim filed (or refused) after the turn that asked for it is
   * concluded as the person's turn, in their language and day; what it says is queued as
   * notifications to the chat it was filed from.
   */
  announcer(announced?: () => void): Announcer {
    const defaults = () => ({
      defaultLang: this.deps.defaultLang,
      now: this.now(),
      newId: this.newId,
    });
    return {
      facts: (origin) => factsOf(parseOrigin(origin), defaults()),
      ...(announced ? { announced } : {}),
    };
  }

  /**
   * Runs a card action in the employee's personal chat without a message from them (the tab's
   * "Continue in chat"): what the action shows is posted proactively. False when the bot has no
   * personal chat with them to post into yet.
   */
  async continueInChat(
    adapter: BotAdapter,
    employeeId: string,
    what: ContinueWhat,
  ): Promise<boolean> {
    const reference = await this.deps.chatReference?.(employeeId);
    if (!reference) return false;
    const facts: TurnContextData = {
      today: userToday({}, this.now()),
      scope: 'personal',
      ...(typeof reference.locale === 'string' ? { locale: reference.locale } : {}),
      defaultLang: this.deps.defaultLang,
      newId: this.newId,
    };
    const event: ConversationEvent = cardActionEvent({ type: 'message', value: what.cardAction });
    await adapter.continueConversationAsync(this.deps.botAppId, reference, (context) =>
      this.runEvents(context, employeeId, facts, [event]).then(() => undefined),
    );
    return true;
  }

  /**
   * Runs events through the services, delivering each result; returns the replacement card.
   * `ack` holds the "Reading your receipts…" message until a card takes its place.
   */
  private async runEvents(
    context: TurnContext,
    employeeId: string,
    facts: TurnContextData,
    events: ConversationEvent[],
    ack?: { id?: string },
    options: RunOptions = {},
  ) {
    let replacement: AdaptiveCardJson | undefined;
    await this.deps.services.conversations.run(
      employeeId,
      facts,
      events,
      async (result) => {
        replacement = (await this.deliver(context, result, ack)) ?? replacement;
        if (result.effects.length > 0 && context.activity.type !== INVOKE) {
          await context.sendActivity({ type: ActivityTypes.Typing });
        }
      },
      options,
    );
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
    options: RunOptions,
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
    const ack = await this.deps.services.conversations.stepOnce(
      employeeId,
      arrived,
      facts,
      options,
    );
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
      .continueConversationAsync(this.deps.botAppId, reference, (later) => {
        const pending = { ...(ackId ? { id: ackId } : {}) };
        return this.deps.services.receiptReading.read(
          employeeId,
          {
            files,
            batchId,
            getBotToken: () => botToken(later),
            ...(comment ? { comment } : {}),
            // A worker that reads them (RECEIPT_READER=worker, or after a restart) puts the
            // first card where the acknowledgement is, as this turn would.
            ...(options.origin
              ? { origin: { ...options.origin, ...(ackId ? { replaces: ackId } : {}) } }
              : {}),
          },
          async (event) =>
            void (await this.runEvents(later, employeeId, facts, [event], pending, {
              ...(options.origin ? { origin: options.origin } : {}),
            })),
        );
      })
      .catch((err: unknown) =>
        this.deps.logger.error({ err: errorSummary(err) }, 'reading receipts failed'),
      );
    this.background.add(job);
    void job.finally(() => this.background.delete(job));
    return undefined;
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
          attachments: [this.attachment(first)],
        });
        await this.sendAll(context, rest);
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
      if (activity.type === INVOKE && card) replacement = card;
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
    await this.sendAll(context, result.messages);
    return replacement;
  }

  /**
   * The views in order, a text followed by a card as one message (Teams shows the text above
   * the card): "the previous draft is set aside" and the new draft's card are one message, one
   * request to the channel instead of two.
   */
  private async sendAll(context: TurnContext, views: View[]) {
    for (let i = 0; i < views.length; i++) {
      const view = views[i] as View;
      const next = views[i + 1];
      if (view.kind === 'text' && next?.kind === 'card') {
        await context.sendActivity({
          ...textMessage(view.text),
          attachments: [this.attachment(next)],
        });
        i++;
      } else await this.send(context, view);
    }
  }

  private toCard(view: View): AdaptiveCardJson | undefined {
    if (view.kind !== 'card') return undefined;
    // The tab's address is configuration, which the pure conversation does not see.
    const { tabUrl } = this.deps;
    const data = view.template === 'claims-list' && tabUrl ? { ...view.data, tabUrl } : view.data;
    return this.deps.cards.render(view.template, data);
  }

  private send(context: TurnContext, view: View) {
    return context.sendActivity(
      view.kind === 'text' ? textMessage(view.text) : { attachments: [this.attachment(view)] },
    );
  }

  private attachment(view: View) {
    return CardFactory.adaptiveCard(this.toCard(view));
  }
}

/** A text the chat shows with its markdown (bold claim numbers, lists). */
const textMessage = (text: string): Partial<Activity> => ({
  ...MessageFactory.text(text),
  textFormat: 'markdown',
});

/**
 * The bot's own Bot Framework token, from the turn's connector client: its credentials follow
 * the adapter's settings (MultiTenant, SingleTenant, UserAssignedMSI), so no second login here.
 */
async function botToken(context: TurnContext): Promise<string> {
  const client = context.turnState.get<
    { credentials?: { getToken?: (force?: boolean) => Promise<string> } } | undefined
  >(context.adapter.ConnectorClientKey);
  const getToken = client?.credentials?.getToken;
  if (!getToken) throw new Error('no connector credentials on this turn');
  return getToken.call(client.credentials);
}
