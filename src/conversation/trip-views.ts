/**
 * The summary card shared by mileage and travel claims: facts, the computed breakdown line by
 * line, the outlays on the trip, the total and its tax split, and the actions for the mode.
 */
import { t, type Lang } from '../i18n/translate.js';
import type { View } from './types.js';

export interface SummaryLine {
  label: string;
  amount: string;
}

export type TripMode = 'draft' | 'review' | 'filing' | 'filed' | 'cancelled' | 'added';

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
            ? t(lang, 'outlay.draftHint')
            : '',
      status:
        s.mode === 'filing'
          ? t(lang, 'outlay.status.filing')
          : s.mode === 'filed'
            ? t(lang, 'outlay.status.filed', { number: s.number })
            : s.mode === 'cancelled'
              ? t(lang, 'outlay.status.cancelled')
              : s.mode === 'added'
                ? t(lang, 'outlay.status.added')
                : '',
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
        cancel: editable ? `${s.prefix}.cancel` : '',
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
