/**
 * The conversation engine's vocabulary: plain data in, plain data out. Nothing here knows about
 * botbuilder or HTTP, so every step of a dialogue can be tested with literals.
 */
import type { Understanding } from '../understanding/understand.js';
import type {
  AttachmentRef,
  Claim,
  Currency,
  ExpenseKind,
  MileageClaimLine,
  NewClaim,
  OutlayLine,
} from '../claims/claim.js';
import type { Lang } from '../i18n/translate.js';
import type { ReceiptSummary } from '../claims/receipt-reading.js';
import type { CardAction, RejectedAction } from './actions/card-action.js';
import type { ClaimsQuestion } from '../understanding/claims-questions.js';

export type { ReceiptSummary };

export type { Lang };

export type { CardAction, RejectedAction };

export type { ClaimsQuestion };

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
export const OUTLAY_FIELDS = [
  'date',
  'amount',
  'currency',
  'kind',
  'merchant',
  'purpose',
  'comment',
] as const;
export type OutlayField = (typeof OUTLAY_FIELDS)[number];

/**
 * A draft reopened from a rejected claim: filing it files that claim again (same number), from the
 * version the user edited, with the files it already had.
 */
export interface Resubmission {
  claimId: string;
  number: string;
  version: number;
  attachments: AttachmentRef[];
}

export interface OutlayDraft {
  /** Also the Idempotency-Key when filing, so a retried or double-clicked file never files twice. */
  id: string;
  resubmits?: Resubmission;
  /** Set when this outlay belongs on a mileage or travel claim instead of a claim of its own. */
  parent?: { kind: 'mileage' | 'travel'; id: string };
  step: 'form' | 'review' | 'filing';
  /** Filing waits in the outbox for the claims API to answer. */
  queued?: boolean;
  fields: OutlayFields;
  /** Set when the draft came from free text, so the form can say it was pre-filled. */
  prefilled?: boolean;
  /** Receipts (stored by the bot) that go with this outlay to the claims API. */
  receiptIds?: string[];
  /** Fields read off a receipt with low confidence: the card asks the user to check them. */
  check?: string[];
  /** What else the receipt says that the form has no field for: shown on the card as read. */
  receiptFacts?: ReceiptFacts;
}

/** The VAT and the seller's organisation number as read off a receipt. */
export interface ReceiptFacts {
  vatMinor?: number;
  vatRate?: number;
  orgNo?: string;
}

/** A line of a multi-line outlay claim: an outlay without a purpose of its own (the claim has one). */
export type OutlayLineFields = Omit<OutlayFields, 'purpose'>;

export interface ClaimLineDraft {
  /** Stable within its claim, so a click on an older card still edits or removes the right line. */
  id: string;
  fields: OutlayLineFields;
  /** The receipt this line was read off; it goes to the claims API with the claim. */
  receiptIds: string[];
  /** The receipt's file name, when it had one, so the user can tell the lines apart. */
  receiptName?: string;
  /** Fields read with low confidence: the line asks the user to check them. */
  check?: string[];
}

/**
 * Several outlays on one claim, a line per receipt ("ett krav"): the claim's purpose is shared,
 * and so are the File, Edit and Cancel actions; each line can be edited or removed on its own.
 */
export interface OutlayClaimDraft {
  /** Also the Idempotency-Key when filing. */
  id: string;
  resubmits?: Resubmission;
  step: 'form' | 'review' | 'filing';
  /** Filing waits in the outbox for the claims API to answer. */
  queued?: boolean;
  purpose: string;
  lines: ClaimLineDraft[];
}

/** Why a photo of a message was left out of the claim made from it; said in the same reply. */
export type SkippedPhoto = { photo: number; name?: string } & (
  | { reason: 'notReceipt' }
  | { reason: 'duplicate'; date?: string }
  | { reason: 'failed'; messages: Record<Lang, string> }
);

/**
 * The photos of one message while they are read, and what became of them. With "ett krav" the
 * lines are gathered here until the last photo is read, then shown as one claim; otherwise every
 * photo becomes its own outlay as before, and the drafts are remembered so that "put them in one
 * claim" can still gather them afterwards.
 */
export interface ReceiptBatch {
  /** The message's activity id. */
  id: string;
  count: number;
  /** The user asked for one claim: gather the lines instead of showing a card per photo. */
  oneClaim: boolean;
  /** The text sent with the photos, less any "ett krav": every receipt's comment. */
  comment?: string;
  /** Photos read (or failed) so far. */
  done: number;
  /** One claim: the lines read so far. One card each: the drafts made, still unfiled (`draftId`). */
  lines: Array<ClaimLineDraft & { draftId?: string; parent?: OutlayDraft['parent'] }>;
  skipped: SkippedPhoto[];
  /** The claim the drafts were gathered into, so a second click shows it rather than merging again. */
  mergedInto?: string;
}

/** Which photo of which message a read receipt is (the bot reads them one after another). */
export interface ReceiptBatchRef {
  id: string;
  index: number;
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
  resubmits?: Resubmission;
  step: 'form' | 'review' | 'filing';
  /** Filing waits in the outbox for the claims API to answer. */
  queued?: boolean;
  fields: MileageFields;
  passengers: Array<{ name: string; km: number }>;
  /** Tolls, parking and ferries on the trip: filed on the same claim (guide 5.1). */
  outlays: OutlayLine[];
  /** Receipts of the tolls, parking and ferries on the trip. */
  receiptIds?: string[];
  prefilled?: boolean;
  /** The text said there and back without a distance: the form asks for the km of both ways. */
  roundTrip?: boolean;
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
  /** Filing waits in the outbox for the claims API to answer. */
  queued?: boolean;
  fields: TravelFields;
  outlays: OutlayLine[];
  mileage?: MileageClaimLine;
  /** Receipts of the outlays, and documentation such as the invitation or registration. */
  receiptIds?: string[];
  documentIds?: string[];
}

/** The drafts that ask for their purpose in the chat. */
export type PurposeAsker = 'outlay' | 'mileage' | 'outlayClaim';

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
  setAsideTravel?: TravelDraft;
  /** The draft whose purpose the bot asked for last: a typed purpose goes there. */
  askedPurpose?: PurposeAsker;
  /** The field the bot just asked the new value of ("feil beløp" → "Hva er riktig beløp?"). */
  askedValue?: 'amount' | 'date' | 'kind' | 'km';
  /** Which draft put aside "undo" brings back: the one put aside last. */
  lastSetAside?: 'outlay' | 'mileage' | 'travel';
  /** Several receipts on one outlay claim, a line each. */
  outlayClaim?: OutlayClaimDraft;
  /** The last few messages with photos, newest last. */
  receiptBatches?: ReceiptBatch[];
  /** The last cancelled or replaced draft, for "undo". */
  setAside?: OutlayDraft;
  /** The last filed draft, so a repeated click on File says where it went instead of filing again. */
  lastFiled?: { draftId: string; number: string; draft?: OutlayDraft; claim?: OutlayClaimDraft };
  /** "stopp påminnelser": no weekly nudges about waiting receipts and drafts. */
  remindersOff?: boolean;
}

/** Why the claims API refused a claim for good, as the user is told it. */
export type Refusal =
  | { code: 'validation' | 'attachment' | 'tooLarge' | 'conflict' }
  | { code: 'other'; status: number };

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
  /**
   * `understood`: a reading decided outside the pure core (a language model's, validated), used
   * instead of the offline reading of `text`.
   */
  | { type: 'text'; text: string; understood?: Understanding }
  /** A card action, parsed where it arrived; one that could not be parsed still gets an answer. */
  | { type: 'action'; action: CardAction }
  | { type: 'action'; rejected: RejectedAction }
  | { type: 'filed'; draftId: string; claim: Claim }
  /** `refusal`: why the claims API refused it for good, said in the user's language. */
  | {
      type: 'fileFailed';
      draftId: string;
      reason: 'unavailable' | 'rejected';
      detail?: string;
      refusal?: Refusal;
    }
  /** The claims API did not answer: the claim waits in the outbox, which files it later. */
  | { type: 'fileQueued'; draftId: string }
  /** Start-up found the draft being filed with nothing in the outbox: file it again, same key. */
  | { type: 'refile'; draftId: string }
  /**
   * A cancel of a claim waiting in the outbox: `stopped` when its job was taken from the queue
   * (it goes with this turn's commit), false when it is being delivered right now.
   */
  | { type: 'filingCancelled'; draftId: string; stopped: boolean }
  /** `receiptLinks`: per claim id, short-lived links to its receipts, made by the bot. */
  /** `question`: the chat question the list was fetched to answer ("er reiseregningen godkjent?"). */
  | {
      type: 'claimsListed';
      claims: Claim[];
      receiptLinks?: Record<string, string[]>;
      question?: ClaimsQuestion;
    }
  | { type: 'claimsListFailed' }
  /** A rejected claim fetched to be fixed and filed again ("Endre og send inn på nytt"). */
  | { type: 'claimReopened'; claim: Claim }
  | { type: 'claimReopenFailed'; reason: 'notFound' | 'unavailable' }
  | { type: 'inboxDropped'; count: number }
  | { type: 'helpAnswered'; reply: HelpReply }
  /**
   * Photos or files arrived; the bot reads them in the background and then sends receiptRead or
   * receiptFailed for each, in order, with `batch` naming the message (`batchId`) and the photo.
   * `text` is what the user wrote with them: a comment, or a wish for one claim ("ett krav").
   */
  | { type: 'receiptsArrived'; count: number; text?: string; batchId?: string }
  | {
      type: 'receiptRead';
      receipt: ReceiptSummary;
      comment?: string;
      duplicateOf?: ReceiptSummary;
      batch?: ReceiptBatchRef;
    }
  /**
   * The bot could not fetch or read a file; `messages` holds the reason in each language.
   * `receiptId`: the stored receipt it gave up on (its reading job ends with this turn).
   */
  | {
      type: 'receiptFailed';
      messages: Record<Lang, string>;
      batch?: ReceiptBatchRef;
      receiptId?: string;
    }
  | { type: 'receiptsListed'; receipts: ReceiptSummary[] }
  /** The inbox, read back to gather the receipts in it onto one claim. */
  | { type: 'inboxGathered'; receipts: ReceiptSummary[] };

export type CardTemplate =
  | 'welcome'
  | 'outlay-form'
  | 'outlay-summary'
  | 'claims-list'
  | 'help-answer'
  | 'mileage-form'
  | 'trip-summary'
  | 'travel-form'
  | 'receipts-list'
  | 'outlay-claim'
  | 'receipts-merge'
  /** A message with buttons that is not a form: a status change, a reminder. */
  | 'notice';

export type View =
  | { kind: 'text'; text: string }
  | { kind: 'card'; template: CardTemplate; data: Record<string, unknown> };

export type Effect =
  /** `receiptIds` / `documentIds`: stored files to upload and attach before filing. */
  | {
      type: 'fileClaim';
      draftId: string;
      claim: NewClaim;
      receiptIds?: string[];
      documentIds?: string[];
      /** Files a rejected claim again (PUT) instead of a new one. */
      resubmits?: Resubmission;
    }
  | { type: 'listReceipts' }
  /** Takes a queued claim's filing out of the outbox, unless it is being delivered right now. */
  | { type: 'cancelFiling'; draftId: string }
  /** Deletes the receipts waiting in the inbox (a reminder's "drop"). */
  | { type: 'dropInbox' }
  /** Fetches a rejected claim to reopen it as a draft. */
  | { type: 'reopenClaim'; claimId: string }
  /** The receipts waiting in the inbox, for one claim with a line each. */
  | { type: 'gatherInbox' }
  | { type: 'loadReceipt'; receiptId: string }
  /** `question`: a question about the claims, answered when they arrive; without it, the list. */
  | { type: 'listClaims'; question?: ClaimsQuestion }
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
