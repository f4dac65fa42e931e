/**
 * The botbuilder glue: turns activities into conversation events, runs the engine with the
 * person's stored state, and turns its views into messages and card updates. Everything that
 * decides what to say lives in `conversation/`; this file only translates and delivers.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type InvokeResponse,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { ClaimsApiRejectedError, type ClaimsClient } from '../claims-api/claims-client.js';
import { handleEvent } from '../conversation/engine.js';
import { t } from '../i18n/translate.js';
import type { ConversationEvent, Effect, HelpReply, Lang, TurnContextData, TurnResult, UserState, View } from '../conversation/types.js';
import { isETagConflict } from '../store/sqlite-storage.js';
import type { ProcessedActivities } from '../store/processed-activities.js';
import type { AdaptiveCardJson, CardRenderer } from './card-renderer.js';
import { KeyedLock } from './keyed-lock.js';
import { employeeIdOf, eventOf, firstName, scopeOf, userToday } from './turn-facts.js';

/** Answers questions from the user guide (offline search, optionally a language model). */
export interface HelpAnswerer {
  answer(question: string, userLang: Lang): Promise<HelpReply>;
}

export interface ExpenseBotDeps {
  storage: Storage;
  help: HelpAnswerer;
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

  /** Runs one turn; returns the card that should replace the clicked card (invoke path). */
  private async handleTurn(context: TurnContext): Promise<AdaptiveCardJson | undefined> {
    const activity = context.activity;
    const event = eventOf(activity);
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
    return this.lock.run(employeeId, async () => {
      let replacement: AdaptiveCardJson | undefined;
      let pending: ConversationEvent[] = [event];
      while (pending.length > 0) {
        const next = pending.shift() as ConversationEvent;
        const result = await this.step(employeeId, next, facts);
        replacement = (await this.deliver(context, result)) ?? replacement;
        if (result.effects.length > 0 && activity.type === ActivityTypes.Message) {
          await context.sendActivity({ type: ActivityTypes.Typing });
        }
        for (const effect of result.effects) pending.push(await this.perform(employeeId, effect));
      }
      return replacement;
    });
  }

  /** Reads state, runs the engine, writes state back; on an eTag conflict re-reads and re-runs. */
  private async step(employeeId: string, event: ConversationEvent, facts: TurnContextData): Promise<TurnResult> {
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
        return { type: 'helpAnswered', reply: await this.deps.help.answer(effect.question, effect.lang) };
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'help answer failed');
        return { type: 'helpAnswered', reply: { found: false, lang: effect.lang, text: t(effect.lang, 'fallback.text') } };
      }
    }
    if (effect.type === 'listClaims') {
      try {
        return { type: 'claimsListed', claims: await claims.listClaims(employeeId) };
      } catch (err) {
        logger.warn({ err: errorSummary(err) }, 'listing claims failed');
        return { type: 'claimsListFailed' };
      }
    }
    try {
      const claim = await claims.fileClaim(employeeId, effect.claim, effect.draftId);
      logger.info({ claimId: claim.id, number: claim.number }, 'claim filed');
      return { type: 'filed', draftId: effect.draftId, claim };
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'filing failed');
      if (err instanceof ClaimsApiRejectedError) return { type: 'fileFailed', draftId: effect.draftId, reason: 'rejected', detail: err.message };
      return { type: 'fileFailed', draftId: effect.draftId, reason: 'unavailable' };
    }
  }

  private async deliver(context: TurnContext, result: TurnResult): Promise<AdaptiveCardJson | undefined> {
    const activity = context.activity;
    let replacement: AdaptiveCardJson | undefined;
    if (result.replace) {
      const card = this.toCard(result.replace);
      if (activity.type === ActivityTypes.Invoke && card) replacement = card;
      else if (card && activity.replyToId) {
        // Action.Submit: update the clicked card in place so a filed form cannot be filed again.
        try {
          await context.updateActivity({ id: activity.replyToId, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
        } catch (err) {
          this.deps.logger.debug({ err: errorSummary(err) }, 'card update failed, sending a new card');
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
    if (view.kind === 'text') {
      await context.sendActivity({ ...MessageFactory.text(view.text), textFormat: 'markdown' });
    } else {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.toCard(view))] });
    }
  }
}

/** Logs what went wrong without request bodies or headers, which can hold tokens. */
export function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: 'unknown', message: String(err) };
}
