/**
 * What the "Mine krav" tab shows for one employee, gathered from the same places the chat reads:
 * filed claims from the claims API, unfiled drafts from the conversation state, the receipt inbox
 * from the receipt store. Every read takes the employee id the token named, never one the page
 * sent, so a user can only ever see their own.
 */
import type { Claim, ClaimLine } from '../claims/claim.js';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import type {
  MileageDraft,
  OutlayClaimDraft,
  OutlayDraft,
  TravelDraft,
  UserState,
} from '../conversation/types.js';
import type { ReceiptRecord, ReceiptStore } from '../receipts/receipt-store.js';
import type { StateStore } from '../services/conversation-runner.js';

/** The tab only reads the chat's state: any store's reading half will do. */
type StateReader = Pick<StateStore<unknown>, 'read'>;
import type { ReceiptLinks } from '../services/receipt-links.js';
import { parseAmount } from '../text/typed-amount.js';
import type { InboxReceipt, Overview, TabClaim, TabLine } from './overview-schema.js';

export interface TabDataDeps {
  claims: ClaimsClient;
  links: ReceiptLinks;
  /** The tab reads the inbox and its files: either backend's store will do. */
  receipts: Pick<ReceiptStore<unknown>, 'listInbox' | 'readBlob'>;
  states: StateReader;
}

/** Where an inbox receipt's signed link points: the tab serves those from the receipt store. */
export const INBOX_RECEIPT_PATH = '/api/tab/receipt-files';

export async function readUserState(states: StateReader, employeeId: string): Promise<UserState> {
  const key = `users/${employeeId}`;
  const found = (await states.read([key]))[key] as { state?: UserState } | undefined;
  return found?.state ?? {};
}

export async function buildOverview(
  deps: TabDataDeps,
  employeeId: string,
  extra: { development: boolean; chatLink?: string },
): Promise<Overview> {
  let filed: Claim[] = [];
  let claimsUnavailable = false;
  try {
    filed = await deps.claims.listClaims(employeeId);
  } catch {
    // The drafts and the inbox are local and still worth showing; the page says what is missing.
    claimsUnavailable = true;
  }
  const state = await readUserState(deps.states, employeeId);
  return {
    development: extra.development,
    ...(extra.chatLink ? { chatLink: extra.chatLink } : {}),
    claims: [...draftsOf(state), ...filed.map((c) => filedClaim(deps.links, employeeId, c))],
    inbox: (await deps.receipts.listInbox(employeeId)).map((r) => inboxReceipt(deps.links, r)),
    claimsUnavailable,
  };
}

function filedClaim(links: ReceiptLinks, employeeId: string, c: Claim): TabClaim {
  const decided = c.status === 'approved' || c.status === 'rejected' || c.status === 'paid';
  const timeline: TabClaim['timeline'] = [
    { step: 'started', at: c.createdAt },
    { step: 'submitted', at: c.createdAt },
  ];
  // The contract keeps no status history: a decision is dated by the last change, payment by paidAt.
  if (c.status === 'rejected') timeline.push({ step: 'rejected', at: c.updatedAt });
  else if (decided)
    timeline.push({ step: 'approved', ...(c.status === 'approved' ? { at: c.updatedAt } : {}) });
  if (c.status === 'paid') timeline.push({ step: 'paid', ...(c.paidAt ? { at: c.paidAt } : {}) });
  const allowances = c.lines.filter((l) => l.type !== 'outlay');
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    description: c.description,
    purpose: c.purpose,
    year: yearOf(c.lines[0]?.date ?? c.createdAt),
    timeline,
    ...(c.rejectionReason ? { rejectionReason: c.rejectionReason } : {}),
    lines: c.lines.map(lineOf),
    totals: c.totals,
    ...(allowances.length > 0
      ? {
          taxSplit: {
            taxFreeMinor: sum(allowances.map((l) => l.taxFreeMinor)),
            taxableMinor: sum(allowances.map((l) => l.taxableMinor)),
          },
        }
      : {}),
    receipts: c.attachments
      .filter((a) => a.role === 'receipt')
      .map((a) => ({
        url: sameOrigin(links.url(employeeId, a.sha256)),
        mime: a.mime,
        ...(a.name ? { name: a.name } : {}),
      })),
    // Only an outlay claim can be rebuilt as a draft in the chat; mileage and travel are refiled anew.
    // The chat reopens outlays and mileage; per diem needs the trip's times and meals.
    canContinue: c.status === 'rejected' && c.lines.every((l) => l.type !== 'perDiem'),
  };
}

function lineOf(l: ClaimLine): TabLine {
  const base = { type: l.type, date: l.date, amountMinor: l.amountMinor, currency: l.currency };
  if (l.type === 'outlay')
    return { ...base, kind: l.kind, ...(l.merchant ? { text: l.merchant } : {}) };
  if (l.type === 'mileage') return { ...base, text: `${l.from} – ${l.to}`, km: l.km };
  return { ...base, text: l.destination };
}

/** The drafts the chat holds, one per kind, shown as claims with status draft (or queued while filing). */
function draftsOf(state: UserState): TabClaim[] {
  const drafts: TabClaim[] = [];
  if (state.outlay) drafts.push(outlayDraft(state.outlay));
  if (state.outlayClaim) drafts.push(outlayClaimDraft(state.outlayClaim));
  if (state.mileage) drafts.push(mileageDraft(state.mileage));
  if (state.travel) drafts.push(travelDraft(state.travel));
  return drafts;
}

function draftBase(
  kind: NonNullable<TabClaim['draftKind']>,
  step: OutlayDraft['step'],
  description: string,
  date: string,
): TabClaim {
  return {
    id: `draft:${kind}`,
    // A draft the claims API has not answered for yet is on its way: queued, not editable.
    status: step === 'filing' ? 'queued' : 'draft',
    description,
    ...(/^\d{4}-/.test(date) ? { year: yearOf(date) } : {}),
    timeline: [{ step: 'started' }],
    lines: [],
    totals: [],
    receipts: [],
    draftKind: kind,
    canContinue: step !== 'filing',
  };
}

function outlayDraft(d: OutlayDraft): TabClaim {
  const f = d.fields;
  const line = typedLine(f.date, f.kind, f.merchant, f.amount, f.currency);
  return {
    ...draftBase('outlay', d.step, f.purpose || f.merchant, f.date),
    ...(f.purpose ? { purpose: f.purpose } : {}),
    lines: [line],
    totals: totalsOfLines([line]),
  };
}

function outlayClaimDraft(d: OutlayClaimDraft): TabClaim {
  const lines = d.lines.map((l) =>
    typedLine(l.fields.date, l.fields.kind, l.fields.merchant, l.fields.amount, l.fields.currency),
  );
  return {
    ...draftBase('outlayClaim', d.step, d.purpose, d.lines[0]?.fields.date ?? ''),
    ...(d.purpose ? { purpose: d.purpose } : {}),
    lines,
    totals: totalsOfLines(lines),
  };
}

function mileageDraft(d: MileageDraft): TabClaim {
  const f = d.fields;
  const km = Number(f.km.replace(',', '.'));
  const line: TabLine = {
    type: 'mileage',
    date: f.date,
    text: [f.from, f.to].filter(Boolean).join(' – '),
    ...(Number.isFinite(km) && km > 0 ? { km } : {}),
  };
  return {
    ...draftBase('mileage', d.step, f.purpose || line.text || '', f.date),
    ...(f.purpose ? { purpose: f.purpose } : {}),
    lines: [line],
  };
}

function travelDraft(d: TravelDraft): TabClaim {
  const f = d.fields;
  const line: TabLine = { type: 'perDiem', date: f.departureDate, text: f.destination };
  return {
    ...draftBase('travel', d.step, f.purpose || f.destination, f.departureDate),
    ...(f.purpose ? { purpose: f.purpose } : {}),
    lines: [line],
  };
}

/** A line as the form holds it (strings); the amount only when it reads as one. */
function typedLine(
  date: string,
  kind: string,
  merchant: string,
  amount: string,
  currency: string,
): TabLine {
  const parsed = parseAmount(amount);
  return {
    type: 'outlay',
    date,
    ...(kind ? { kind } : {}),
    ...(merchant ? { text: merchant } : {}),
    ...(parsed
      ? { amountMinor: parsed.amountMinor, currency: parsed.currency ?? (currency || 'NOK') }
      : {}),
  };
}

function totalsOfLines(lines: TabLine[]): TabClaim['totals'] {
  const totals = new Map<string, number>();
  for (const l of lines)
    if (l.amountMinor !== undefined && l.currency)
      totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

function inboxReceipt(links: ReceiptLinks, r: ReceiptRecord): InboxReceipt {
  const f = r.fields;
  // The signature is the one the filed receipts' links carry; the tab serves the inbox's files.
  const signed = new URL(links.url(r.employeeId, r.sha256));
  return {
    id: r.id,
    url: `${INBOX_RECEIPT_PATH}/${r.sha256}${signed.search}`,
    mime: r.mime,
    createdAt: r.createdAt,
    ...(f?.merchant ? { merchant: f.merchant } : {}),
    ...(f?.kind ? { kind: f.kind } : {}),
    ...(f?.date ? { date: f.date } : {}),
    ...(f?.totalMinor ? { amountMinor: f.totalMinor } : {}),
    ...(f?.currency ? { currency: f.currency } : {}),
  };
}

/** The page is served from the same host as the links: a path keeps it origin-independent. */
function sameOrigin(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
