/**
 * Builds the data each card template is bound with. All user-facing strings are resolved here,
 * in the user's language, and every path a template uses is present (an unbound `${x}` would
 * show up literally in Teams).
 */
import { CURRENCIES, EXPENSE_KINDS, type Claim, type ExpenseKind } from '../claims/claim.js';
import { formatMoney, t, type Lang } from '../i18n/translate.js';
import { parseAmount } from './free-text.js';
import type { FieldErrors } from './outlay-form.js';
import { OUTLAY_FIELDS, type OutlayDraft, type ReceiptSummary, type View } from './types.js';
import { dateFormat } from '../i18n/formatters.js';

const MAX_LISTED_CLAIMS = 15;

export function kindLabel(lang: Lang, kind: string): string {
  return (EXPENSE_KINDS as readonly string[]).includes(kind)
    ? t(lang, `kind.${kind as ExpenseKind}`)
    : kind;
}

export function welcomeView(lang: Lang, userName?: string): View {
  return {
    kind: 'card',
    template: 'welcome',
    data: {
      title: userName
        ? t(lang, 'welcome.title', { name: userName })
        : t(lang, 'welcome.titleAnonymous'),
      body: t(lang, 'welcome.body'),
      tip: t(lang, 'welcome.tip'),
      labels: {
        newOutlay: t(lang, 'welcome.newOutlay'),
        newMileage: t(lang, 'welcome.newMileage'),
        newTravel: t(lang, 'welcome.newTravel'),
        myClaims: t(lang, 'welcome.myClaims'),
        help: t(lang, 'welcome.help'),
      },
    },
  };
}

export function outlayFormView(
  lang: Lang,
  draft: OutlayDraft,
  errors: FieldErrors = {},
  isNew = true,
): View {
  const label = (f: (typeof OUTLAY_FIELDS)[number]) => t(lang, `outlay.field.${f}`);
  return {
    kind: 'card',
    template: 'outlay-form',
    data: {
      title: t(lang, isNew ? 'outlay.title' : 'outlay.titleEdit'),
      intro: draft.prefilled ? t(lang, 'outlay.prefilled') : '',
      draftId: draft.id,
      // The same form edits a line of a claim with several receipts (see outlay-claim-flow.ts).
      lineId: '',
      showPurpose: true,
      actions: { submit: 'outlay.submit', cancel: 'outlay.cancel' },
      fields: { ...draft.fields },
      labels: {
        ...Object.fromEntries(OUTLAY_FIELDS.map((f) => [f, label(f)])),
        review: t(lang, 'outlay.action.review'),
        cancel: t(lang, 'outlay.action.cancel'),
      },
      placeholders: {
        amount: t(lang, 'outlay.placeholder.amount'),
        merchant: t(lang, 'outlay.placeholder.merchant'),
        purpose: t(lang, 'outlay.placeholder.purpose'),
        comment: t(lang, 'outlay.placeholder.comment'),
      },
      // Shown by clients that check `isRequired` themselves; the engine checks again regardless.
      required: {
        date: t(lang, 'error.date.required'),
        amount: t(lang, 'error.amount.required'),
        kind: t(lang, 'error.kind.invalid'),
        purpose: t(lang, 'error.purpose.required'),
      },
      errors: Object.fromEntries(
        OUTLAY_FIELDS.map((f) => [f, errors[f] ? t(lang, errors[f]) : '']),
      ),
      kinds: EXPENSE_KINDS.map((k) => ({ title: t(lang, `kind.${k}`), value: k })),
      currencies: CURRENCIES.map((c) => ({ title: c, value: c })),
    },
  };
}

/** draft: read from free text, purpose still missing; review: ready to file; the rest are read-only. */
export type SummaryMode =
  'draft' | 'review' | 'filing' | 'queued' | 'filed' | 'cancelled' | 'added';

/** The line under a summary that says where the claim stands: being filed, filed as …, cancelled. */
export function statusLine(lang: Lang, mode: string, number = ''): string {
  if (mode === 'filing') return t(lang, 'outlay.status.filing');
  if (mode === 'queued') return t(lang, 'outlay.status.queued');
  if (mode === 'filed') return t(lang, 'outlay.status.filed', { number });
  if (mode === 'cancelled') return t(lang, 'outlay.status.cancelled');
  if (mode === 'added') return t(lang, 'outlay.status.added');
  return '';
}

/** “Utkast under arbeid: parkering 120,00 kr”, for the list of claims. */
export function outlayInProgress(lang: Lang, draft: OutlayDraft): string {
  return t(lang, 'claims.draftInProgress', {
    kind: kindLabel(lang, draft.fields.kind).toLowerCase(),
    amount: formatDraftTotal(lang, draft),
  });
}

export function formatDraftTotal(lang: Lang, draft: OutlayDraft): string {
  const amount = parseAmount(draft.fields.amount);
  if (amount) return formatMoney(amount.amountMinor, draft.fields.currency, lang);
  // An empty total would read as a card that failed to render.
  return draft.fields.amount.trim() || t(lang, 'outlay.amountMissing');
}

/** Noon UTC of a calendar date: the same day in every time zone a user may be in. */
function middayOf(iso: string): Date | undefined {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formatDate(lang: Lang, iso: string): string {
  const d = middayOf(iso);
  if (!d) return iso;
  // Numeric in Norwegian: "24. nov. 2026" would start with "24. ", which card markdown renders
  // as a numbered list and swallows the day.
  return lang === 'en'
    ? dateFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
    : dateFormat('nb-NO', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
}

/**
 * A day of a trip with its weekday, "man. 2. nov." / "må. 2. nov." / "Mon 2 Nov": people remember
 * which day the hotel served breakfast by the weekday. Nynorsk gets its own weekday names (tysdag,
 * laurdag), unlike money and full dates. It starts with the weekday, so card markdown never reads
 * it as a numbered list.
 */
export function formatDay(lang: Lang, iso: string): string {
  const d = middayOf(iso);
  if (!d) return iso;
  const locale = lang === 'en' ? 'en-GB' : lang === 'nn' ? 'nn-NO' : 'nb-NO';
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}

export function outlaySummaryView(
  lang: Lang,
  draft: OutlayDraft,
  mode: SummaryMode,
  number = '',
): View {
  const f = draft.fields;
  const facts = [
    { title: t(lang, 'outlay.field.date'), value: formatDate(lang, f.date) },
    { title: t(lang, 'outlay.field.kind'), value: kindLabel(lang, f.kind) },
    ...(f.merchant ? [{ title: t(lang, 'outlay.field.merchant'), value: f.merchant }] : []),
    ...receiptFactLines(lang, draft),
    ...(f.purpose ? [{ title: t(lang, 'outlay.field.purpose'), value: f.purpose }] : []),
    ...(f.comment ? [{ title: t(lang, 'outlay.field.comment'), value: f.comment }] : []),
  ];
  const check = mode === 'draft' || mode === 'review' ? (draft.check ?? []) : [];
  const status = statusLine(lang, mode, number);
  return {
    kind: 'card',
    template: 'outlay-summary',
    data: {
      title: t(
        lang,
        mode === 'review'
          ? 'outlay.summaryTitle'
          : mode === 'draft'
            ? 'outlay.title'
            : 'outlay.titleEdit',
      ),
      hint:
        mode === 'review'
          ? t(lang, 'outlay.summaryHint')
          : mode === 'draft'
            ? t(
                lang,
                draft.receiptIds?.length
                  ? 'receipt.read'
                  : draft.fields.amount.trim()
                    ? 'outlay.draftHint'
                    : draft.fields.purpose
                      ? 'outlay.draftHintAmount'
                      : 'outlay.draftHintNoAmount',
              )
            : '',
      checkNote:
        check.length > 0
          ? t(lang, 'receipt.check', { fields: check.map((f) => checkLabel(lang, f)).join(', ') })
          : '',
      status,
      statusColor:
        mode === 'cancelled'
          ? 'Warning'
          : mode === 'filed' || mode === 'added'
            ? 'Good'
            : 'Default',
      draftId: draft.id,
      facts,
      totalLabel: t(lang, 'outlay.total'),
      total: formatDraftTotal(lang, draft),
      showFile: mode === 'review',
      showEdit: mode === 'review' || mode === 'draft',
      // A claim waiting in the outbox can still be stopped.
      showCancel: mode === 'review' || mode === 'draft' || mode === 'queued',
      labels: {
        // An outlay on a mileage or travel claim is added to that claim, not filed on its own.
        file: t(lang, draft.parent ? 'trip.action.addToClaim' : 'outlay.action.file'),
        edit: t(lang, mode === 'draft' ? 'outlay.action.openForm' : 'outlay.action.edit'),
        cancel: t(lang, 'outlay.action.cancel'),
      },
    },
  };
}

/** The title in the reader's language where we can rebuild it; the stored description otherwise. */
export function claimTitle(lang: Lang, claim: Claim): string {
  const [line, ...rest] = claim.lines;
  if (!line || rest.length > 0 || line.type !== 'outlay') return claim.description;
  const title = t(lang, 'outlay.description', { kind: kindLabel(lang, line.kind) });
  return line.merchant ? `${title} – ${line.merchant}` : title;
}

function checkLabel(lang: Lang, field: string): string {
  if (field === 'vat' || field === 'orgNo') return t(lang, `receipt.field.${field}`);
  return (OUTLAY_FIELDS as readonly string[]).includes(field)
    ? t(lang, `outlay.field.${field as (typeof OUTLAY_FIELDS)[number]}`).toLowerCase()
    : field;
}

/** The VAT ("199,58 kr (25 %)") and org. number ("932 181 347") the receipt was read to say. */
function receiptFactLines(lang: Lang, draft: OutlayDraft): Array<{ title: string; value: string }> {
  const facts = draft.receiptFacts;
  if (!facts) return [];
  const lines: Array<{ title: string; value: string }> = [];
  if (facts.vatMinor !== undefined && draft.fields.currency) {
    const rate = facts.vatRate !== undefined ? ` (${String(facts.vatRate)} %)` : '';
    lines.push({
      title: t(lang, 'receipt.field.vat'),
      value: `${formatMoney(facts.vatMinor, draft.fields.currency, lang)}${rate}`,
    });
  }
  if (facts.orgNo)
    lines.push({
      title: t(lang, 'receipt.field.orgNo'),
      value: facts.orgNo.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'),
    });
  return lines;
}

export function receiptsListView(lang: Lang, receipts: readonly ReceiptSummary[]): View {
  return {
    kind: 'card',
    template: 'receipts-list',
    data: {
      title: t(lang, 'receipts.title'),
      empty: receipts.length === 0 ? t(lang, 'receipts.none') : '',
      items: receipts.slice(0, MAX_LISTED_CLAIMS).map((r) => {
        const f = r.fields;
        const detail = [
          f.date ? formatDate(lang, f.date) : '',
          f.totalMinor !== undefined && f.currency
            ? formatMoney(f.totalMinor, f.currency, lang)
            : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return {
          id: r.id,
          title:
            f.kind === 'not_receipt'
              ? (r.name ?? t(lang, 'receipts.unread'))
              : [kindLabel(lang, f.kind), f.merchant].filter(Boolean).join(' – '),
          detail:
            f.kind === 'not_receipt' ? t(lang, 'receipts.notReceipt') : detail || r.name || '',
          canClaim: f.kind !== 'not_receipt',
        };
      }),
      labels: { toClaim: t(lang, 'receipts.toClaim'), allToClaim: t(lang, 'receipts.allToClaim') },
      // Two or more to gather: one claim with a line each, a click away.
      canGather: receipts.filter((r) => r.fields.kind !== 'not_receipt').length >= 2,
    },
  };
}

/** `inProgress`: a line on what the user has not filed yet, so “mine krav” never hides it. */
export function claimsListView(
  lang: Lang,
  claims: readonly Claim[],
  inProgress = '',
  receiptLinks: Record<string, string[]> = {},
): View {
  const items = claims.slice(0, MAX_LISTED_CLAIMS).map((c) => ({
    // The first receipt is one tap away; the claims system holds the rest.
    receiptUrl: receiptLinks[c.id]?.[0] ?? '',
    number: c.number,
    description: claimTitle(lang, c),
    date: formatDate(lang, c.lines[0]?.date ?? c.createdAt.slice(0, 10)),
    total: c.totals.map((m) => formatMoney(m.amountMinor, m.currency, lang)).join(' + '),
    status: t(lang, `status.${c.status}`),
    statusColor:
      c.status === 'rejected'
        ? 'Attention'
        : c.status === 'paid' || c.status === 'approved'
          ? 'Good'
          : 'Default',
  }));
  return {
    kind: 'card',
    template: 'claims-list',
    data: {
      title: t(lang, 'claims.title'),
      draftNote: inProgress,
      empty: claims.length === 0 ? t(lang, 'claims.none') : '',
      more:
        claims.length > MAX_LISTED_CLAIMS
          ? t(lang, 'claims.more', { count: claims.length - MAX_LISTED_CLAIMS })
          : '',
      items,
      labels: {
        newOutlay: t(lang, 'welcome.newOutlay'),
        receipt: t(lang, 'claims.receipt'),
        openTab: t(lang, 'claims.openTab'),
      },
      // The deep link to the "Mine krav" tab; the bot fills it in when it knows the Teams app id.
      tabUrl: '',
    },
  };
}
