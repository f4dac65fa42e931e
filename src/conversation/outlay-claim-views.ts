/**
 * The cards of a claim with several receipts: the claim with a line per receipt, one line's form,
 * and the offer to put the photos of one message on one claim.
 */
import { CURRENCIES } from '../claims/claim.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { formatDate, kindLabel, outlayFormView, statusLine } from './card-views.js';
import { parseAmount } from './free-text.js';
import type { FieldErrors } from './outlay-form.js';
import {
  OUTLAY_FIELDS,
  type ClaimLineDraft,
  type OutlayClaimDraft,
  type OutlayDraft,
  type View,
} from './types.js';

export type ClaimMode = 'form' | 'review' | 'filing' | 'queued' | 'filed' | 'cancelled';

export interface ClaimErrors {
  purpose?: MessageKey;
  /** Per line id. */
  lines?: Record<string, FieldErrors>;
}

/** The claim's card as it stands: its form, its summary, or "Filing…". */
export function claimViewAtStep(lang: Lang, draft: OutlayClaimDraft): View {
  return outlayClaimView(lang, draft, draft.step);
}

function money(lang: Lang, amountMinor: number, currency: string): string {
  return (CURRENCIES as readonly string[]).includes(currency)
    ? formatMoney(amountMinor, currency, lang)
    : `${amountMinor / 100} ${currency}`;
}

/** One total per currency, in the order the currencies first appear: conversion is finance's job. */
export function claimTotal(lang: Lang, lines: readonly ClaimLineDraft[]): string {
  const totals = new Map<string, number>();
  for (const l of lines) {
    const amount = parseAmount(l.fields.amount);
    if (amount)
      totals.set(l.fields.currency, (totals.get(l.fields.currency) ?? 0) + amount.amountMinor);
  }
  return totals.size > 0
    ? [...totals].map(([currency, minor]) => money(lang, minor, currency)).join(' + ')
    : '–';
}

function fieldLabel(lang: Lang, field: string): string {
  return (OUTLAY_FIELDS as readonly string[]).includes(field)
    ? t(lang, `outlay.field.${field as (typeof OUTLAY_FIELDS)[number]}`)
    : field;
}

/** "Please check the date, amount": the fields read off the receipt too unsure to trust. */
function checkNote(lang: Lang, check: readonly string[]): string {
  if (check.length === 0) return '';
  return t(lang, 'receipt.check', {
    fields: check.map((c) => fieldLabel(lang, c).toLowerCase()).join(', '),
  });
}

export function outlayClaimView(
  lang: Lang,
  draft: OutlayClaimDraft,
  mode: ClaimMode,
  opts: { errors?: ClaimErrors; number?: string } = {},
): View {
  const editable = mode === 'form' || mode === 'review';
  const lineErrors = opts.errors?.lines ?? {};
  const lines = draft.lines.map((l) => {
    const f = l.fields;
    const amount = parseAmount(f.amount);
    const errors = Object.entries(lineErrors[l.id] ?? {}).map(
      ([field, key]) => `${fieldLabel(lang, field)}: ${t(lang, key)}`,
    );
    const check = editable ? (l.check ?? []) : [];
    return {
      lineId: l.id,
      draftId: draft.id,
      title: [kindLabel(lang, f.kind), f.merchant].filter(Boolean).join(' – '),
      detail: [
        formatDate(lang, f.date),
        f.comment,
        l.receiptIds.length
          ? l.receiptName
            ? t(lang, 'outlayClaim.receiptFile', { name: l.receiptName })
            : t(lang, 'outlayClaim.receiptAttached')
          : '',
      ]
        .filter(Boolean)
        .join(' · '),
      amount: amount ? money(lang, amount.amountMinor, f.currency) : '–',
      checkNote: checkNote(lang, check),
      error: errors.join(' '),
      editable,
      labels: {
        edit: t(lang, 'outlay.action.edit'),
        remove: t(lang, 'outlayClaim.action.removeLine'),
      },
    };
  });
  const status = statusLine(lang, mode, opts.number);
  return {
    kind: 'card',
    template: 'outlay-claim',
    data: {
      title: t(lang, mode === 'review' ? 'outlayClaim.summaryTitle' : 'outlayClaim.title'),
      hint:
        mode === 'form'
          ? t(
              lang,
              draft.lines.some((l) => l.receiptIds.length > 0)
                ? 'outlayClaim.formHint'
                : 'outlayClaim.formHintTyped',
            )
          : mode === 'review'
            ? t(lang, 'outlay.summaryHint')
            : '',
      draftId: draft.id,
      facts:
        mode !== 'form' && draft.purpose
          ? [{ title: t(lang, 'outlay.field.purpose'), value: draft.purpose }]
          : [],
      hasFacts: mode !== 'form' && Boolean(draft.purpose),
      lines,
      totalLabel: t(lang, 'outlay.total'),
      total: claimTotal(lang, draft.lines),
      showPurposeInput: mode === 'form',
      purpose: draft.purpose,
      purposeError: opts.errors?.purpose ? t(lang, opts.errors.purpose) : '',
      status,
      statusColor: mode === 'cancelled' ? 'Warning' : mode === 'filed' ? 'Good' : 'Default',
      showSubmit: mode === 'form',
      showFile: mode === 'review',
      showEdit: mode === 'review',
      showCancel: editable || mode === 'queued',
      labels: {
        purpose: t(lang, 'outlay.field.purpose'),
        submit: t(lang, 'outlay.action.review'),
        file: t(lang, 'outlay.action.file'),
        edit: t(lang, 'outlay.action.edit'),
        cancel: t(lang, 'outlay.action.cancel'),
      },
      placeholders: { purpose: t(lang, 'outlay.placeholder.purpose') },
    },
  };
}

/** The outlay form for one line of the claim: no purpose (the claim has it), Save and Back. */
export function claimLineFormView(
  lang: Lang,
  draft: OutlayClaimDraft,
  line: ClaimLineDraft,
  errors: FieldErrors = {},
): View {
  const asDraft: OutlayDraft = {
    id: draft.id,
    step: 'form',
    fields: { ...line.fields, purpose: draft.purpose },
  };
  const view = outlayFormView(lang, asDraft, errors, false);
  if (view.kind !== 'card') return view;
  const n = draft.lines.findIndex((l) => l.id === line.id) + 1;
  return {
    ...view,
    data: {
      ...view.data,
      title: t(lang, 'outlayClaim.lineTitle', { n, kind: kindLabel(lang, line.fields.kind) }),
      intro: checkNote(lang, line.check ?? []),
      lineId: line.id,
      showPurpose: false,
      actions: { submit: 'claim.saveLine', cancel: 'claim.show' },
      labels: {
        ...(view.data.labels as Record<string, string>),
        review: t(lang, 'outlayClaim.action.saveLine'),
        cancel: t(lang, 'outlayClaim.action.back'),
      },
    },
  };
}

/** "I made one outlay for each of the 3 receipts. Would you rather have them on one claim?" */
export function mergeOfferView(lang: Lang, batchId: string, count: number): View {
  return {
    kind: 'card',
    template: 'receipts-merge',
    data: {
      text: t(lang, 'outlayClaim.mergeOffer', { count }),
      label: t(lang, 'outlayClaim.action.merge'),
      batchId,
    },
  };
}
