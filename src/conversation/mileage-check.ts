/**
 * Whether a mileage form holds (guide 5.3): km and supplements read as Norwegians write them, the
 * places and purpose required, and the amount computed from the state rates of the trip's date;
 * then the claim that is filed, with the trip's tolls, parking and ferries on it.
 */
import { calculateMileage, MILEAGE_ERROR_KEYS, type MileageResult } from '../claims/mileage.js';
import { InvalidClaimInput, RatesUnavailableError } from '../claims/rates.js';
import type { MileageClaimLine, NewClaim } from '../claims/claim.js';
import { t, type Lang, type MessageKey } from '../i18n/translate.js';
import {
  placeInput,
  purposeInput,
  readCardInputs,
  refusedTexts,
  shortInput,
  type InputRule,
} from './card-input.js';
import { checkPurpose } from './outlay-form.js';
import { sayIn } from './trip-views.js';
import type { MileageDraft, MileageFields } from './types.js';

export const MILEAGE_FIELDS = [
  'date',
  'from',
  'to',
  'km',
  'purpose',
  'trailerKm',
  'forestRoadKm',
] as const;

/** "12,5" and "12.5" are both 12.5 km; empty is undefined. */
export function parseKm(value: string): number | undefined {
  const v = value.trim().replace(/\s/g, '').replace(/km$/i, '').replace(',', '.');
  if (!v) return undefined;
  if (!/^\d+(?:\.\d+)?$/.test(v)) return Number.NaN;
  return Number(v);
}

export type FieldErrors = Partial<
  Record<(typeof MILEAGE_FIELDS)[number] | 'passengerName' | 'passengerKm' | 'passengers', string>
>;

/** What each mileage input may hold; anything else is refused at the edge (card-input.ts). */
export const MILEAGE_RULES: Record<(typeof MILEAGE_FIELDS)[number], InputRule> = {
  date: shortInput,
  from: placeInput,
  to: placeInput,
  km: shortInput,
  purpose: purposeInput,
  trailerKm: shortInput,
  forestRoadKm: shortInput,
};

/** The form's inputs from a card; `refused` holds the message of each input not kept. */
export function fieldsFromCard(lang: Lang, data: Record<string, unknown>, previous: MileageFields) {
  const read = readCardInputs(data, previous, MILEAGE_RULES);
  return { fields: read.fields, refused: refusedTexts(lang, read.refused, MILEAGE_RULES) };
}

export interface MileageChecked {
  ok: true;
  result: MileageResult;
  line: MileageClaimLine;
}
type Checked = MileageChecked | { ok: false; errors: FieldErrors };

const SUPPLEMENTS = ['trailerKm', 'forestRoadKm'] as const;

/** `preview`: compute the amount before the user has given the purpose and the places. */
export function checkMileage(lang: Lang, draft: MileageDraft, preview = false): Checked {
  const f = draft.fields;
  const errors: FieldErrors = {};
  const say = sayIn(lang);
  if (!f.from && !preview) errors.from = say('mileage.error.fromRequired');
  if (!f.to && !preview) errors.to = say('mileage.error.toRequired');
  const km = parseKm(f.km);
  if (km === undefined) errors.km = say('mileage.error.kmRequired');
  else if (Number.isNaN(km)) errors.km = say('mileage.error.kmInvalid');
  const supplements: Partial<Record<(typeof SUPPLEMENTS)[number], number>> = {};
  for (const s of SUPPLEMENTS) {
    const v = parseKm(f[s]);
    if (v !== undefined && Number.isNaN(v)) errors[s] = say('mileage.error.kmInvalid');
    else if (v) supplements[s] = v;
  }
  const purposeError = checkPurpose(f.purpose);
  if (purposeError && !(preview && purposeError === 'error.purpose.required'))
    errors.purpose = say(purposeError);
  if (Object.keys(errors).length > 0 || km === undefined || Number.isNaN(km))
    return { ok: false, errors };
  // "Siri var med" said before the distance was known: she rode the whole trip, whatever km the
  // form now gives (0 stands for "not said"; a passenger never rides 0 km).
  const passengers = draft.passengers.map((p) => (p.km > 0 ? p : { ...p, km }));
  try {
    const result = calculateMileage({
      date: f.date,
      km,
      passengers,
      ...supplements,
    });
    const line: MileageClaimLine = {
      type: 'mileage',
      date: f.date,
      from: f.from || '?',
      to: f.to || '?',
      km,
      passengers,
      ...(supplements.forestRoadKm ? { forestRoadKm: supplements.forestRoadKm } : {}),
      ...(supplements.trailerKm ? { trailerKm: supplements.trailerKm } : {}),
      amountMinor: result.totalOre,
      currency: 'NOK',
      taxFreeMinor: result.taxFreeOre,
      taxableMinor: result.taxableOre,
    };
    return { ok: true, result, line };
  } catch (err) {
    if (err instanceof RatesUnavailableError)
      return {
        ok: false,
        errors: { date: say('claim.error.ratesUnavailable', { years: err.knownYears.join(', ') }) },
      };
    if (err instanceof InvalidClaimInput) {
      for (const issue of err.issues) {
        const field = issue.field.startsWith('passengers')
          ? 'passengers'
          : (issue.field as keyof FieldErrors);
        errors[field] = say(
          (MILEAGE_ERROR_TEXT.has(issue.key)
            ? issue.key
            : 'claim.error.invalidValue') as MessageKey,
        );
      }
      return { ok: false, errors };
    }
    throw err;
  }
}
/** The calculator's own error keys, each with a text in the catalogs. */
const MILEAGE_ERROR_TEXT: ReadonlySet<string> = new Set(MILEAGE_ERROR_KEYS);

export function mileageClaim(lang: Lang, draft: MileageDraft, line: MileageClaimLine): NewClaim {
  return {
    description: t(lang, 'mileage.description', { from: line.from, to: line.to }),
    purpose: draft.fields.purpose.trim(),
    lines: [line, ...draft.outlays],
  };
}
