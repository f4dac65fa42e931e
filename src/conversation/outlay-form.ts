/**
 * Validation of the outlay form. Cards cannot be trusted to have checked anything (mobile
 * clients skip `isRequired`, `Input.Number` arrives as a string), so every field is checked
 * here again and each problem is reported against its field, as a message key.
 */
import { z } from 'zod';
import { CURRENCIES, EXPENSE_KINDS, type OutlayLine } from '../claims/claim.js';
import type { MessageKey } from '../i18n/translate.js';
import {
  currencyInput,
  kindInput,
  purposeInput,
  readCardInputs,
  text,
  type InputRule,
} from './card-input.js';
import { parseAmount, type OutlayGuess } from './free-text.js';
import type { OutlayField, OutlayFields, OutlayLineFields } from './types.js';

/** Upper bound for a single outlay: above this it is a typo or belongs in another process. */
export const MAX_OUTLAY_MINOR = 100_000_00;

export type FieldErrors = Partial<Record<OutlayField, MessageKey>>;

export function emptyOutlayFields(today: string): OutlayFields {
  return {
    date: today,
    amount: '',
    currency: 'NOK',
    kind: 'other',
    merchant: '',
    purpose: '',
    comment: '',
  };
}

/** The form as far as free text or a receipt filled it in; the rest as a new form has it. */
export function outlayFieldsFromGuess(today: string, guess: OutlayGuess | undefined): OutlayFields {
  const fields = emptyOutlayFields(today);
  if (guess?.date) fields.date = guess.date;
  if (guess?.amountMinor !== undefined) fields.amount = formatAmountInput(guess.amountMinor);
  if (guess?.currency) fields.currency = guess.currency;
  if (guess?.kind) fields.kind = guess.kind;
  if (guess?.merchant) fields.merchant = guess.merchant;
  if (guess?.purpose) fields.purpose = guess.purpose.slice(0, 500);
  return fields;
}

/** "120,50" rather than "120.5": the form shows amounts the way Norwegians write them. */
export function formatAmountInput(amountMinor: number): string {
  const kroner = Math.trunc(amountMinor / 100);
  const ore = amountMinor % 100;
  return ore === 0 ? String(kroner) : `${kroner},${String(ore).padStart(2, '0')}`;
}

/** What each outlay input may hold; anything else is refused at the edge (card-input.ts). */
const OUTLAY_RULES: Record<OutlayField, InputRule> = {
  date: text(40, 'error.date.invalid'),
  amount: text(40, 'error.amount.invalid'),
  currency: currencyInput,
  kind: kindInput,
  merchant: text(200, 'error.merchant.tooLong'),
  purpose: purposeInput,
  comment: text(1000, 'error.comment.tooLong'),
};

/**
 * Picks the form's inputs out of whatever a card sent, ignoring anything else it carried. A value
 * a field cannot hold is not kept: the field keeps what it had and `refused` says why.
 */
export function fieldsFromCardData(
  data: Record<string, unknown>,
  previous: OutlayFields,
): { fields: OutlayFields; refused: FieldErrors } {
  return readCardInputs(data, previous, OUTLAY_RULES);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: string, today: string): MessageKey | undefined {
  if (!value) return 'error.date.required';
  const m = isoDate.exec(value);
  if (!m) return 'error.date.invalid';
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    return 'error.date.invalid';
  // A day of slack: the user's "today" may already be tomorrow in the time zone they travel in.
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  if (d.getTime() > todayMs + 86_400_000) return 'error.date.future';
  if (d.getTime() < todayMs - 2 * 366 * 86_400_000) return 'error.date.tooOld';
  return undefined;
}

const kindSchema = z.enum(EXPENSE_KINDS);
const currencySchema = z.enum(CURRENCIES);

export type OutlayValidation =
  { ok: true; line: OutlayLine; purpose: string } | { ok: false; errors: FieldErrors };
export type OutlayLineValidation =
  { ok: true; line: OutlayLine } | { ok: false; errors: FieldErrors };

/** The purpose of a claim: never guessed, so it must say something. */
export function checkPurpose(value: string): MessageKey | undefined {
  const purpose = value.trim();
  if (!purpose) return 'error.purpose.required';
  if (purpose.length < 3) return 'error.purpose.tooShort';
  if (purpose.length > 500) return 'error.purpose.tooLong';
  return undefined;
}

/** One outlay line without its purpose: also a line of a claim with several receipts. */
export function validateOutlayLine(fields: OutlayLineFields, today: string): OutlayLineValidation {
  const errors: FieldErrors = {};
  const dateError = checkDate(fields.date, today);
  if (dateError) errors.date = dateError;

  const amount = fields.amount ? parseAmount(fields.amount) : undefined;
  if (!fields.amount) errors.amount = 'error.amount.required';
  else if (!amount) errors.amount = 'error.amount.invalid';
  else if (amount.amountMinor > MAX_OUTLAY_MINOR) errors.amount = 'error.amount.tooLarge';

  const currency = currencySchema.safeParse(fields.currency);
  if (!currency.success) errors.currency = 'error.currency.invalid';
  const kind = kindSchema.safeParse(fields.kind);
  if (!kind.success) errors.kind = 'error.kind.invalid';
  if (fields.merchant.length > 200) errors.merchant = 'error.merchant.tooLong';
  if (fields.comment.length > 1000) errors.comment = 'error.comment.tooLong';

  if (Object.keys(errors).length > 0 || !amount || !currency.success || !kind.success)
    return { ok: false, errors };
  const line: OutlayLine = {
    type: 'outlay',
    date: fields.date,
    kind: kind.data,
    amountMinor: amount.amountMinor,
    currency: currency.data,
    ...(fields.merchant ? { merchant: fields.merchant } : {}),
    ...(fields.comment ? { comment: fields.comment } : {}),
  };
  return { ok: true, line };
}

export function validateOutlay(fields: OutlayFields, today: string): OutlayValidation {
  const checked = validateOutlayLine(fields, today);
  const purposeError = checkPurpose(fields.purpose);
  if (!checked.ok || purposeError)
    return {
      ok: false,
      errors: {
        ...(checked.ok ? {} : checked.errors),
        ...(purposeError ? { purpose: purposeError } : {}),
      },
    };
  return { ok: true, line: checked.line, purpose: fields.purpose.trim() };
}
