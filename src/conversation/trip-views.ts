/**
 * The summary card shared by mileage and travel claims: facts, the computed breakdown line by
 * line, the outlays on the trip, the total and its tax split, and the actions for the mode.
 */
import type { OutlayLine } from '../claims/claim.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { kindLabel, statusLine, type SummaryMode } from './card-views.js';
import type { View } from './types.js';

export interface SummaryLine {
  label: string;
  amount: string;
}

export type TripMode = SummaryMode;

export interface TripSummary {
  prefix: 'mileage' | 'travel';
  draftId: string;
  mode: TripMode;
  number: string;
  title: string;
  facts: Array<{ title: string; value: string }>;
  lines: SummaryLine[];
  total: string;
  taxNote: string;
  unverifiedNote: string;
  /** Something to check before filing, shown under the breakdown (e.g. meals placed on dates). */
  note?: string;
  /** A travel claim can take the trip's mileage too. */
  canAddMileage: boolean;
  /** Mileage on a travel claim is added to it rather than filed. */
  addsToParent?: boolean;
  /** What the draft still lacks, said under its title (default: the purpose). */
  draftHint?: MessageKey;
}

export function tripSummaryView(lang: Lang, s: TripSummary): View {
  const editable = s.mode === 'review' || s.mode === 'draft';
  return {
    kind: 'card',
    template: 'trip-summary',
    data: {
      title: s.title,
      hint:
        s.mode === 'review'
          ? t(lang, 'outlay.summaryHint')
          : s.mode === 'draft'
            ? t(lang, s.draftHint ?? 'outlay.draftHint')
            : '',
      status: statusLine(lang, s.mode, s.number),
      statusColor:
        s.mode === 'cancelled'
          ? 'Warning'
          : s.mode === 'filed' || s.mode === 'added'
            ? 'Good'
            : 'Default',
      draftId: s.draftId,
      facts: s.facts,
      lines: s.lines,
      totalLabel: t(lang, 'outlay.total'),
      total: s.total,
      taxNote: s.taxNote,
      unverifiedNote: s.unverifiedNote,
      note: s.note ?? '',
      actions: {
        file: s.mode === 'review' ? `${s.prefix}.file` : '',
        edit: editable ? `${s.prefix}.edit` : '',
        addOutlay: s.mode === 'review' && !s.addsToParent ? `${s.prefix}.addOutlay` : '',
        addMileage: s.mode === 'review' && s.canAddMileage ? `${s.prefix}.addMileage` : '',
        cancel: editable || s.mode === 'queued' ? `${s.prefix}.cancel` : '',
      },
      labels: {
        file: t(lang, s.addsToParent ? 'trip.action.addToClaim' : 'outlay.action.file'),
        edit: t(lang, s.mode === 'draft' ? 'outlay.action.openForm' : 'outlay.action.edit'),
        addOutlay: t(lang, 'trip.action.addOutlay'),
        addMileage: t(lang, 'trip.action.addMileage'),
        cancel: t(lang, 'outlay.action.cancel'),
      },
    },
  };
}

export function nok(lang: Lang, ore: number): string {
  return formatMoney(ore, 'NOK', lang);
}

/** A toll, parking or ferry on the trip, as a line of its summary. */
export function outlaySummaryLine(lang: Lang, o: OutlayLine): SummaryLine {
  return {
    label: `${kindLabel(lang, o.kind)}${o.merchant ? ` – ${o.merchant}` : ''}`,
    amount: formatMoney(o.amountMinor, o.currency, lang),
  };
}

/** The outlays in kroner; others are listed in their own currency but not added to the total. */
export function nokOutlays(outlays: readonly OutlayLine[]): number {
  return outlays.filter((o) => o.currency === 'NOK').reduce((a, o) => a + o.amountMinor, 0);
}

/** "x tax-free, y taxable", or "all tax-free"; nothing before there is an amount to split. */
export function taxNote(lang: Lang, split: { taxFree: number; taxable: number } | undefined) {
  if (!split) return '';
  if (split.taxable <= 0) return t(lang, 'claim.allTaxFree');
  return t(lang, 'claim.taxSplit', {
    taxFree: nok(lang, split.taxFree),
    taxable: nok(lang, split.taxable),
  });
}

/** Rates of a year not yet checked against Skatteetaten's: said on the card. */
export function unverifiedNote(
  lang: Lang,
  result: { unverified?: boolean; year: number } | undefined,
) {
  return result?.unverified ? t(lang, 'claim.unverified', { year: result.year }) : '';
}

/** The error texts of a trip's form, in the user's language. */
export function sayIn(lang: Lang) {
  return (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
}
