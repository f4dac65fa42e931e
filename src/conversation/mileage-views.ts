/** The mileage claim's cards: the form with its passengers, and the summary with the breakdown. */
import type { MileageResult } from '../claims/mileage.js';
import { t, type Lang, type MessageKey } from '../i18n/translate.js';
import { formatDate } from './card-views.js';
import { checkMileage, MILEAGE_FIELDS, type FieldErrors } from './mileage-check.js';
import {
  nok,
  nokOutlays,
  outlaySummaryLine,
  taxNote,
  tripSummaryView,
  unverifiedNote,
  type SummaryLine,
  type TripMode,
} from './trip-views.js';
import type { MileageDraft, View } from './types.js';
import { numberFormat } from '../i18n/formatters.js';

export function formatKm(km: number, lang: Lang): string {
  return numberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
    maximumFractionDigits: 2,
  }).format(km);
}

export function mileageFormView(
  lang: Lang,
  draft: MileageDraft,
  errors: FieldErrors = {},
  passengerInput = { name: '', km: '' },
): View {
  const label = (key: MessageKey) => t(lang, key);
  return {
    kind: 'card',
    template: 'mileage-form',
    data: {
      title: label('mileage.title'),
      intro: [
        label(draft.prefilled ? 'outlay.prefilled' : 'mileage.intro'),
        draft.roundTrip ? label('mileage.roundTripKm') : '',
      ]
        .filter(Boolean)
        .join(' '),
      draftId: draft.id,
      fields: { ...draft.fields },
      passengerInput,
      passengers: draft.passengers.map((p, index) => ({
        index,
        // A passenger named before the distance was known rides the whole trip (see mileage-check).
        text: `${p.name}: ${p.km > 0 ? `${formatKm(p.km, lang)} km` : label('mileage.passengerWholeTrip')}`,
      })),
      noPassengers: draft.passengers.length === 0 ? label('mileage.noPassengers') : '',
      labels: {
        date: label('outlay.field.date'),
        from: label('mileage.field.from'),
        to: label('mileage.field.to'),
        km: label('mileage.field.km'),
        purpose: label('outlay.field.purpose'),
        trailerKm: label('mileage.field.trailerKm'),
        forestRoadKm: label('mileage.field.forestRoadKm'),
        passengers: label('mileage.field.passengers'),
        passengerName: label('mileage.field.passengerName'),
        passengerKm: label('mileage.field.passengerKm'),
        addPassenger: label('mileage.action.addPassenger'),
        removePassenger: label('mileage.action.removePassenger'),
        review: label('outlay.action.review'),
        cancel: label('outlay.action.cancel'),
      },
      placeholders: {
        from: label('mileage.placeholder.from'),
        to: label('mileage.placeholder.to'),
        km: label('mileage.placeholder.km'),
        purpose: label('outlay.placeholder.purpose'),
        passengerName: label('mileage.placeholder.passengerName'),
        optionalKm: label('mileage.placeholder.optionalKm'),
      },
      required: {
        from: label('mileage.error.fromRequired'),
        to: label('mileage.error.toRequired'),
        km: label('mileage.error.kmRequired'),
        purpose: label('error.purpose.required'),
      },
      errors: Object.fromEntries(
        [...MILEAGE_FIELDS, 'passengerName', 'passengerKm', 'passengers'].map((f) => [
          f,
          errors[f as keyof FieldErrors] ?? '',
        ]),
      ),
    },
  };
}

export function mileageBreakdown(lang: Lang, result: MileageResult): SummaryLine[] {
  const money = (ore: number) => nok(lang, ore);
  return result.lines.map((l) => ({
    label: t(lang, `mileage.line.${l.kind}`, {
      name: l.label ?? '',
      km: formatKm(l.km, lang),
      rate: money(l.rateOre),
    }),
    amount: money(l.amountOre),
  }));
}

export type MileageMode = TripMode;

export function mileageSummaryView(
  lang: Lang,
  draft: MileageDraft,
  mode: MileageMode,
  number = '',
): View {
  const checked = checkMileage(lang, draft, true);
  const f = draft.fields;
  const lines: SummaryLine[] = checked.ok ? mileageBreakdown(lang, checked.result) : [];
  for (const o of draft.outlays) lines.push(outlaySummaryLine(lang, o));
  const result = checked.ok ? checked.result : undefined;
  const totalOre = (result?.totalOre ?? 0) + nokOutlays(draft.outlays);
  return tripSummaryView(lang, {
    prefix: 'mileage',
    draftId: draft.id,
    mode,
    number,
    title: t(lang, mode === 'review' ? 'mileage.summaryTitle' : 'mileage.titleEdit'),
    ...(f.from && f.to
      ? {}
      : { draftHint: f.purpose ? 'mileage.draftHintRoute' : 'mileage.draftHintRoutePurpose' }),
    facts: [
      { title: t(lang, 'outlay.field.date'), value: formatDate(lang, f.date) },
      { title: t(lang, 'mileage.field.route'), value: `${f.from || '?'} – ${f.to || '?'}` },
      ...(f.purpose ? [{ title: t(lang, 'outlay.field.purpose'), value: f.purpose }] : []),
    ],
    lines,
    total: nok(lang, totalOre),
    taxNote: taxNote(lang, result && { taxFree: result.taxFreeOre, taxable: result.taxableOre }),
    unverifiedNote: unverifiedNote(lang, result),
    canAddMileage: false,
    addsToParent: Boolean(draft.parent),
  });
}
