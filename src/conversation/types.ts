/**
 * The conversation engine's vocabulary: plain data in, plain data out. Nothing here knows about
 * botbuilder or HTTP, so every step of a dialogue can be tested with literals.
 */
import type { Claim, Currency, ExpenseKind, MileageClaimLine, NewClaim, OutlayLine } from '../claims/claim.js';
import type { Lang } from '../i18n/translate.js';
import type { ReceiptSummary } from '../receipts/receipt-fields.js';

export type { ReceiptSummary };

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
  /** Set when this outlay belongs on a mileage or travel claim instead of a claim of its own. */
  parent?: { kind: 'mileage' | 'travel'; id: string };
  step: 'form' | 'review' | 'filing';
  fields: OutlayFields;
  /** Set when the draft came from free text, so the form can say it was pre-filled. */
  prefilled?: boolean;
  /** Receipts (stored by the bot) that go with this outlay to the claims API. */
  receiptIds?: string[];
  /** Fields read off a receipt with low confidence: the card asks the user to check them. */
  check?: string[];
}

export interface MileageFields {
  date: string;
  from: string;
  to: string;
  km: string;
  purpose: string;
  trailerKm: string;
  forestRoadKm: string;
}

export interface MileageDraft {
  /** Also the Idempotency-Key when filing. */
  id: string;
  step: 'form' | 'review' | 'filing';
  fields: MileageFields;
  passengers: Array<{ name: string; km: number }>;
  /** Tolls, parking and ferries on the trip: filed on the same claim (guide 5.1). */
  outlays: OutlayLine[];
  /** Receipts of the tolls, parking and ferries on the trip. */
  receiptIds?: string[];
  prefilled?: boolean;
  /** Set when this mileage belongs on a travel claim. */
  parent?: { kind: 'travel'; id: string };
}

export interface TravelFields {
  departureDate: string;
  departureTime: string;
  returnDate: string;
  returnTime: string;
  destination: string;
  purpose: string;
  /** "true" / "false", as the card's toggle sends it. */
  over15km: string;
  hotelNights: string;
  unreceiptedNights: string;
  breakfasts: string;
  lunches: string;
  dinners: string;
}

export interface TravelDraft {
  id: string;
  step: 'form' | 'review' | 'filing';
  fields: TravelFields;
  outlays: OutlayLine[];
  mileage?: MileageClaimLine;
  /** Receipts of the outlays, and documentation such as the invitation or registration. */
  receiptIds?: string[];
  documentIds?: string[];
}

/** Per-person state, keyed by the Entra object id (claims belong to a person, not a chat). */
export interface UserState {
  lang?: Lang;
  /** The user picked the language explicitly; detection no longer overrides it. */
  langChosen?: boolean;
  welcomed?: boolean;
  outlay?: OutlayDraft;
  mileage?: MileageDraft;
  travel?: TravelDraft;
  setAsideMileage?: MileageDraft;
  /** The last cancelled or replaced draft, for "undo". */
  setAside?: OutlayDraft;
  /** The last filed draft, so a repeated click on File says where it went instead of filing again. */
  lastFiled?: { draftId: string; number: string; draft?: OutlayDraft };
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

/** What the help service answered; the bot fetches it, the engine decides how to show it. */
export interface HelpReply {
  found: boolean;
  lang: Lang;
  text: string;
  /** A card action the answer offers to do right here, e.g. 'outlay.start'. */
  action?: string;
}

export type ConversationEvent =
  | { type: 'installed' }
  | { type: 'text'; text: string }
  | { type: 'action'; data: CardActionData }
  | { type: 'filed'; draftId: string; claim: Claim }
  | { type: 'fileFailed'; draftId: string; reason: 'unavailable' | 'rejected'; detail?: string }
  /** `receiptLinks`: per claim id, short-lived links to its receipts, made by the bot. */
  | { type: 'claimsListed'; claims: Claim[]; receiptLinks?: Record<string, string[]> }
  | { type: 'claimsListFailed' }
  | { type: 'helpAnswered'; reply: HelpReply }
  /** Photos or files arrived; the bot reads them in the background and then sends receiptRead. */
  | { type: 'receiptsArrived'; count: number }
  | { type: 'receiptRead'; receipt: ReceiptSummary; comment?: string; duplicateOf?: ReceiptSummary }
  /** The bot could not fetch or read a file; `messages` holds the reason in each language. */
  | { type: 'receiptFailed'; messages: Record<Lang, string> }
  | { type: 'receiptsListed'; receipts: ReceiptSummary[] };

export type CardTemplate = 'welcome' | 'outlay-form' | 'outlay-summary' | 'claims-list' | 'help-answer' | 'mileage-form' | 'trip-summary' | 'travel-form' | 'receipts-list';

export type View = { kind: 'text'; text: string } | { kind: 'card'; template: CardTemplate; data: Record<string, unknown> };

export type Effect =
  /** `receiptIds` / `documentIds`: stored files to upload and attach before filing. */
  | { type: 'fileClaim'; draftId: string; claim: NewClaim; receiptIds?: string[]; documentIds?: string[] }
  | { type: 'listReceipts' }
  | { type: 'loadReceipt'; receiptId: string }
  | { type: 'listClaims' }
  /** `lang` is the user's language; the answer follows the question's own language when it tells. */
  | { type: 'answerHelp'; question: string; lang: Lang };

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
