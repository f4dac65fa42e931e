/**
 * The edge of every form: what a card sends is checked field by field before any of it is kept.
 * A value that breaks a field's rule (longer than the field holds, a currency or kind not on the
 * list) is not stored: the draft keeps what it had, and the field shows an error. So a 400 KB
 * "merchant" never reaches the saved state, and a currency "toString" never reaches a renderer.
 */
import { z } from 'zod';
import { CURRENCIES, EXPENSE_KINDS } from '../claims/claim.js';
import { t, type Lang, type MessageKey } from '../i18n/translate.js';

/** One field's rule: a string of at most `max` characters, or one of a list. */
export type InputRule = z.ZodType<string>;

/** A text of at most `max` characters; `message` names the field's own "too long" text. */
export function text(max: number, message: MessageKey = 'error.field.tooLong'): InputRule {
  return z.string().max(max, message);
}

/** Short inputs: dates, times, amounts, counts, km. Generous, but a sentence is not a number. */
export const shortInput = text(40);
export const placeInput = text(200);
export const purposeInput = text(500, 'error.purpose.tooLong');
export const currencyInput: InputRule = z.enum(CURRENCIES, 'error.currency.invalid');
export const kindInput: InputRule = z.enum(EXPENSE_KINDS, 'error.kind.invalid');

/** The longest value of a field, for the "at most {max} characters" text. */
export function maxOf(rule: InputRule): number | undefined {
  return rule instanceof z.ZodString ? (rule.maxLength ?? undefined) : undefined;
}

/** A card input as text: Teams sends strings, other clients may send numbers; anything else is not an input. */
export function plainValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export interface ReadInputs<K extends string> {
  fields: Record<K, string>;
  /** Per refused field, the message key saying why; empty when every input was kept. */
  refused: Partial<Record<K, MessageKey>>;
}

/**
 * Takes each field's input out of `data` by `read`, keeps it when its rule holds, and otherwise
 * keeps the previous value and notes the field. Inputs `read` cannot make text of are ignored.
 */
export function readCardInputs<K extends string>(
  data: Record<string, unknown>,
  previous: Record<K, string>,
  rules: Record<K, InputRule>,
  read: (value: unknown, key: K) => string | undefined = plainValue,
): ReadInputs<K> {
  const fields = { ...previous };
  const refused: Partial<Record<K, MessageKey>> = {};
  for (const key of Object.keys(rules) as K[]) {
    const value = read(data[key], key);
    if (value === undefined) continue;
    const checked = rules[key].safeParse(value);
    if (checked.success) fields[key] = checked.data;
    else refused[key] = (checked.error.issues[0]?.message ?? 'error.field.tooLong') as MessageKey;
  }
  return { fields, refused };
}

export function hasRefused(refused: object): boolean {
  return Object.keys(refused).length > 0;
}

/** The refused fields' messages in `lang`, for forms whose errors are texts (mileage, travel). */
export function refusedTexts<K extends string>(
  lang: Lang,
  refused: Partial<Record<K, MessageKey>>,
  rules: Record<K, InputRule>,
): Partial<Record<K, string>> {
  const texts: Partial<Record<K, string>> = {};
  for (const [key, message] of Object.entries(refused) as [K, MessageKey][])
    texts[key] = t(lang, message, { max: maxOf(rules[key]) ?? '' });
  return texts;
}
