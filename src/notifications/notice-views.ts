/**
 * What a user reads when something happens to their claims without them asking: a status change
 * ("RR-2026-000123 er godkjent") or a weekly reminder. Plain views in the user's language, bound
 * to the `notice` card, so the same code renders them for Teams, tests and screenshots.
 */
import type { CardAction } from '../conversation/actions/card-action.js';
import type { View } from '../conversation/types.js';
import { formatMoney, formattingLocale, t, type Lang } from '../i18n/translate.js';
import type { StatusChangeNotice } from './status-change.js';

interface Button {
  title: string;
  data: CardAction;
}

function notice(lines: string[], buttons: Button[] = []): View {
  return {
    kind: 'card',
    template: 'notice',
    data: { lines: lines.map((text) => ({ text })), buttons },
  };
}

/** "15. des." / "15 Dec": the day of a payout (a calendar date, so no time zone moves it). */
export function shortDay(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(formattingLocale(lang), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The message for a claim's new status; undefined for a status the user is not told about. */
export function statusChangeText(lang: Lang, change: StatusChangeNotice): string | undefined {
  const number = change.number;
  switch (change.status) {
    case 'approved':
      return t(lang, 'notify.approved', { number });
    case 'rejected':
      return change.reason
        ? t(lang, 'notify.rejected', { number, reason: change.reason })
        : t(lang, 'notify.rejectedNoReason', { number });
    case 'paid': {
      const payout = change.payout;
      if (!payout) return t(lang, 'notify.paidNoDate', { number });
      return t(lang, 'notify.paid', {
        number,
        amount: formatMoney(payout.amountMinor, payout.currency, lang),
        date: shortDay(payout.date, lang),
      });
    }
    default:
      return undefined;
  }
}

/** A rejection carries "Endre og send inn på nytt"; the others are text. */
export function statusChangeView(lang: Lang, change: StatusChangeNotice): View | undefined {
  const text = statusChangeText(lang, change);
  if (!text) return undefined;
  if (change.status !== 'rejected') return { kind: 'text', text };
  return notice(
    [text],
    [
      {
        title: t(lang, 'notify.resubmit'),
        data: { action: 'claim.reopen', claimId: change.claimId },
      },
    ],
  );
}

export interface ReminderContent {
  receipts: number;
  drafts: number;
}

export function reminderView(lang: Lang, what: ReminderContent): View {
  const lines = [t(lang, 'reminder.intro')];
  if (what.receipts > 0)
    lines.push(
      t(lang, what.receipts === 1 ? 'reminder.receipts.one' : 'reminder.receipts', {
        count: what.receipts,
      }),
    );
  if (what.drafts > 0) lines.push(t(lang, 'reminder.drafts'));
  lines.push(t(lang, 'reminder.stopHint'));
  return notice(lines, [
    { title: t(lang, 'reminder.finish'), data: { action: 'reminder.finish' } },
    { title: t(lang, 'reminder.drop'), data: { action: 'reminder.drop' } },
  ]);
}
