/**
 * Answers a question about the user's own claims (see `claims-questions.ts`) from the claims the
 * API listed: picks the claims the question is about and says where they stand — status, amount,
 * dates, and finance's reason for a rejection or the payout date when the API carries them — in
 * the user's language. Pure: today comes in, and timestamps are read as Norwegian dates.
 */
import type { Claim, ClaimStatus, Currency } from '../claims/claim.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { parseIsoDay, isoOf } from '../text/typed-date.js';
import { claimTitle, claimsListView, kindLabel } from './card-views.js';
import {
  STATE_STATUSES,
  type ClaimSubject,
  type ClaimsPeriod,
  type ClaimsQuestion,
  type ClaimsState,
} from '../understanding/claims-questions.js';
import type { Turn } from './turn.js';
import type { View } from './types.js';
import { inProgressNote } from './welcome-and-help.js';
import { dateFormat } from '../i18n/formatters.js';

export interface ClaimsAnswer {
  text: string;
  /** Claims to show on the list card under the answer, when a list helps. */
  list?: readonly Claim[];
}

/** More claims than this and the answer names them on the card only. */
const MAX_NAMED = 5;

export function answerClaimsQuestion(
  question: ClaimsQuestion,
  claims: readonly Claim[],
  lang: Lang,
  today: string,
): ClaimsAnswer {
  if (claims.length === 0) return { text: t(lang, 'claims.none') };
  const newest = [...claims].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const fitting = select(question, newest, today);
  if (fitting.length === 0) return { text: notFound(question, lang), list: newest };
  if (question.ask === 'count' || question.ask === 'amount') return tally(question, fitting, lang);

  const about = question.one ? fitting.slice(0, 1) : fitting;
  const lines = about
    .slice(0, MAX_NAMED)
    .map((claim) =>
      answerLine(question.ask === 'state' ? question.state : undefined, claim, lang, today),
    );
  if (lines.length === 1)
    return { text: lines[0] ?? '', ...(about.length > 1 ? { list: about } : {}) };
  const intro = t(lang, 'claimsQ.found', { count: about.length });
  return { text: [intro, ...lines.map((l) => `- ${l}`)].join('\n'), list: about };
}

/** The answer as messages: the text, then the list card when it helps. */
export function showClaimsAnswer(
  turn: Turn,
  question: ClaimsQuestion,
  claims: readonly Claim[],
  receiptLinks?: Record<string, string[]>,
): void {
  const answer = answerClaimsQuestion(question, claims, turn.lang, turn.ctx.today);
  // What the user has not filed yet is no claim of the API's, but it is often what they ask about.
  const unfiled = question.number ? '' : inProgressNote(turn);
  const views: View[] = [{ kind: 'text', text: answer.text }];
  if (answer.list?.length)
    views.push(claimsListView(turn.lang, answer.list, unfiled, receiptLinks));
  else if (unfiled) views.push({ kind: 'text', text: unfiled });
  turn.messages.push(...views);
}

// ---------------------------------------------------------------------------------------------
// Which claims

function select(question: ClaimsQuestion, claims: readonly Claim[], today: string): Claim[] {
  let fitting = [...claims];
  if (question.number) {
    const wanted = question.number;
    return fitting.filter((c) =>
      wanted.startsWith('RR-')
        ? c.number === wanted
        : Number(c.number.split('-').pop()) === Number(wanted),
    );
  }
  const subject = question.subject;
  if (subject) {
    const about = fitting.filter((c) => subjectsOf(c).has(subject));
    // "Reiseregningen" of someone with no trip on per diem is just their claim.
    fitting = about.length === 0 && question.loose ? fitting : about;
  }
  const range = question.period && rangeOf(question.period, today);
  if (range)
    fitting = fitting.filter((c) =>
      datesOf(c, question.state).some((d) => d >= range.from && d <= range.to),
    );
  const state = question.state;
  if (state && (question.ask === 'count' || question.ask === 'amount'))
    fitting = fitting.filter((c) => STATE_STATUSES[state].includes(c.status));
  return fitting;
}

function subjectsOf(claim: Claim): Set<ClaimSubject> {
  return new Set(
    claim.lines.map((line) =>
      line.type === 'outlay' ? line.kind : line.type === 'mileage' ? 'mileage' : 'travel',
    ),
  );
}

/**
 * The dates a claim is about: its lines, the day it was filed, the day it was paid; for "paid
 * this month" only the day it was paid, when the API says.
 */
function datesOf(claim: Claim, state: ClaimsState | undefined): string[] {
  if (state === 'paid' && claim.paidAt) return [osloDay(claim.paidAt)];
  const dates = claim.lines.map((l) => l.date);
  dates.push(osloDay(claim.createdAt));
  if (claim.paidAt) dates.push(osloDay(claim.paidAt));
  return dates;
}

function rangeOf(period: ClaimsPeriod, today: string): { from: string; to: string } | undefined {
  const day = parseIsoDay(today);
  if (day === undefined) return undefined;
  const [year, month] = today.split('-').map(Number) as [number, number];
  if ('month' in period) {
    const y = period.month > month ? year - 1 : year;
    return monthRange(y, period.month);
  }
  const { unit, offset } = period;
  if (unit === 'day') return { from: isoOf(day + offset), to: isoOf(day + offset) };
  if (unit === 'week') {
    const monday = day - ((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 7 * offset;
    return { from: isoOf(monday), to: isoOf(monday + 6) };
  }
  if (unit === 'month')
    return offset === 0
      ? monthRange(year, month)
      : month === 1
        ? monthRange(year - 1, 12)
        : monthRange(year, month - 1);
  return { from: `${year + offset}-01-01`, to: `${year + offset}-12-31` };
}

function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

// ---------------------------------------------------------------------------------------------
// What to say

/** The reply to a yes/no on a state, before the claim's own status sentence. */
function verdict(state: ClaimsState, status: ClaimStatus): MessageKey {
  if (STATE_STATUSES[state].includes(status)) return 'claimsQ.yes';
  if (status === 'rejected' || state === 'rejected' || state === 'pending' || state === 'unpaid')
    return 'claimsQ.no';
  return 'claimsQ.notYet';
}

/** "Ja – kravet RR-2026-000012 (Taxi, 430,00 kr) ble utbetalt 3. des." */
function answerLine(
  state: ClaimsState | undefined,
  claim: Claim,
  lang: Lang,
  today: string,
): string {
  const sentence = statusSentence(claim, lang, today);
  if (!state) return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return `${t(lang, verdict(state, claim.status))} – ${sentence}`;
}

function statusSentence(claim: Claim, lang: Lang, today: string): string {
  const what = t(lang, 'claimsQ.claim', {
    number: claim.number,
    title: claimTitle(lang, claim),
    amount: totalOf([claim], lang),
  });
  switch (claim.status) {
    case 'draft':
      return t(lang, 'claimsQ.is.draft', { claim: what });
    case 'submitted':
      return t(lang, 'claimsQ.is.submitted', {
        claim: what,
        date: shortDate(claim.createdAt, lang, today),
      });
    case 'approved':
      return t(lang, 'claimsQ.is.approved', { claim: what });
    case 'paid':
      return claim.paidAt
        ? t(lang, 'claimsQ.is.paidOn', { claim: what, date: shortDate(claim.paidAt, lang, today) })
        : t(lang, 'claimsQ.is.paid', { claim: what });
    case 'rejected':
      return claim.rejectionReason
        ? t(lang, 'claimsQ.is.rejectedBecause', { claim: what, reason: claim.rejectionReason })
        : t(lang, 'claimsQ.is.rejected', { claim: what });
  }
}

/** "Du har 2 krav til godkjenning, til sammen 830,00 kr: RR-…, RR-…." or a count per status. */
function tally(question: ClaimsQuestion, claims: Claim[], lang: Lang): ClaimsAnswer {
  const period = periodText(question.period, lang);
  const numbers = claims.length <= MAX_NAMED ? `: ${claims.map((c) => c.number).join(', ')}` : '';
  if (!question.state) {
    const parts = ORDER.map(
      (status) => [status, claims.filter((c) => c.status === status).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${t(lang, `status.${status}`).toLowerCase()}`);
    const text = t(lang, 'claimsQ.breakdown', {
      count: claims.length,
      claims: nounFor(claims.length, lang),
      period,
      parts: parts.join(', '),
      amount: totalOf(claims, lang),
    });
    return { text, list: claims };
  }
  const text = t(lang, 'claimsQ.count', {
    count: claims.length,
    claims: nounFor(claims.length, lang),
    state: t(lang, `claimsQ.state.${question.state}`),
    period,
    amount: totalOf(claims, lang),
  });
  return { text: `${text}${numbers}.`, list: claims };
}

const nounFor = (count: number, lang: Lang) =>
  t(lang, count === 1 ? 'claimsQ.noun.one' : 'claimsQ.noun.many');

const ORDER: readonly ClaimStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'paid'];

function notFound(question: ClaimsQuestion, lang: Lang): string {
  const period = periodText(question.period, lang);
  if (question.number) return t(lang, 'claimsQ.noNumber', { number: question.number });
  if (question.state && (question.ask === 'count' || question.ask === 'amount'))
    return t(lang, 'claimsQ.countNone', {
      state: t(lang, `claimsQ.state.${question.state}`),
      period,
    });
  const subject = question.subject ? subjectLabel(question.subject, lang) : '';
  return t(lang, subject ? 'claimsQ.noneFor' : 'claimsQ.none', { subject, period });
}

function subjectLabel(subject: ClaimSubject, lang: Lang): string {
  if (subject === 'mileage') return t(lang, 'claimsQ.subject.mileage');
  if (subject === 'travel') return t(lang, 'claimsQ.subject.travel');
  return kindLabel(lang, subject).toLowerCase();
}

/** " i november", " last week" — with its leading space, or nothing. */
function periodText(period: ClaimsPeriod | undefined, lang: Lang): string {
  if (!period) return '';
  if ('month' in period) {
    const name = dateFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, period.month - 1, 15)));
    return ` ${t(lang, 'claimsQ.period.inMonth', { month: name })}`;
  }
  const key = `claimsQ.period.${period.unit}${period.offset === 0 ? 'This' : 'Last'}` as const;
  return ` ${t(lang, key)}`;
}

/** The sum per currency, "1 230,00 kr + 35,00 €". */
function totalOf(claims: readonly Claim[], lang: Lang): string {
  const sums = new Map<Currency, number>();
  for (const claim of claims)
    for (const m of claim.totals) sums.set(m.currency, (sums.get(m.currency) ?? 0) + m.amountMinor);
  return [...sums].map(([currency, minor]) => formatMoney(minor, currency, lang)).join(' + ');
}

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Norwegian calendar day of a timestamp; a plain date stays as it is. */
function osloDay(timestamp: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(timestamp)) return timestamp;
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp.slice(0, 10) : OSLO_DAY.format(d);
}

/** "3. des." / "3 Dec", with the year when it is not this year's. */
function shortDate(timestamp: string, lang: Lang, today: string): string {
  const day = osloDay(timestamp);
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  const withYear = day.slice(0, 4) !== today.slice(0, 4);
  // "3. des." loses its last dot: the sentence ends with one.
  return dateFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  })
    .format(d)
    .replace(/\.$/, '');
}
