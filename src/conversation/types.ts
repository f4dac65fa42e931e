/**
 * The conversation engine's vocabulary: plain data in, plain data out. Nothing here knows about
 * botbuilder or HTTP, so every step of a dialogue can be tested with literals.
 */
import type { Claim, Currency, ExpenseKind, NewClaim } from '../claims/claim.js';
import type { Lang } from '../i18n/translate.js';

export type { Lang };

/** The outlay form exactly as the card holds it: strings, because that is what cards send back. */
export interface OutlayFields {
  date: string;
  amount: string;
  currency: string;
  kind: string;
  merchant: string;
  purpose: string;
  comment: string;
}
export const OUTLAY_FIELDS = ['date', 'amount', 'currency', 'kind', 'merchant', 'purpose', 'comment'] as const;
export type OutlayField = (typeof OUTLAY_FIELDS)[number];

export interface OutlayDraft {
  /** Also the Idempotency-Key when filing, so a retried or double-clicked file never files twice. */
  id: string;
  step: 'form' | 'review' | 'filing';
  fields: OutlayFields;
  /** Set when the draft came from free text, so the form can say it was pre-filled. */
  prefilled?: boolean;
}

/** Per-person state, keyed by the Entra object id (claims belong to a person, not a chat). */
export interface UserState {
  lang?: Lang;
  /** The user picked the language explicitly; detection no longer overrides it. */
  langChosen?: boolean;
  welcomed?: boolean;
  outlay?: OutlayDraft;
  /** The last cancelled or replaced draft, for "undo". */
  setAside?: OutlayDraft;
  /** The last filed draft, so a repeated click on File says where it went instead of filing again. */
  lastFiled?: { draftId: string; number: string; draft: OutlayDraft };
}

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface TurnContextData {
  /** Today's date where the user is (YYYY-MM-DD); relative dates ("i går") resolve against it. */
  today: string;
  scope: Scope;
  /** The client's locale as Teams reports it, e.g. "nb-NO". */
  locale?: string;
  userName?: string;
  defaultLang: Lang;
  newId: () => string;
}

/** Data a card action carries back: `action` plus the card's input values. */
export type CardActionData = { action: string; draftId?: string } & Record<string, unknown>;

export type ConversationEvent =
  | { type: 'installed' }
  | { type: 'text'; text: string }
  | { type: 'action'; data: CardActionData }
  | { type: 'filed'; draftId: string; claim: Claim }
  | { type: 'fileFailed'; draftId: string; reason: 'unavailable' | 'rejected'; detail?: string }
  | { type: 'claimsListed'; claims: Claim[] }
  | { type: 'claimsListFailed' };

export type CardTemplate = 'welcome' | 'outlay-form' | 'outlay-summary' | 'claims-list';

export type View = { kind: 'text'; text: string } | { kind: 'card'; template: CardTemplate; data: Record<string, unknown> };

export type Effect = { type: 'fileClaim'; draftId: string; claim: NewClaim } | { type: 'listClaims' };

export interface TurnResult {
  state: UserState;
  /** Replaces the card the user acted on (the Action.Execute response, or an update of the Submit card). */
  replace?: View;
  /** New messages, in order. */
  messages: View[];
  /** Work the bot layer must do; its outcome comes back as another event. */
  effects: Effect[];
  lang: Lang;
}

export type { Claim, Currency, ExpenseKind };
