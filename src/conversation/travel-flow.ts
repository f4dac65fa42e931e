/**
 * The travel claim (guide 5.4): departure and return, destination, purpose, more than 15 km,
 * nights at a hotel (on receipt) or without (nattillegg), meals provided; the per diem is computed
 * from the state rates of the departure date and shown day by day, and the trip's outlays and
 * mileage are gathered on the same claim.
 */
import type { MileageClaimLine, NewClaim, OutlayLine, PerDiemClaimLine } from '../claims/claim.js';
import { calculatePerDiem, type PerDiemResult } from '../claims/per-diem.js';
import { InvalidClaimInput, RatesUnavailableError } from '../claims/rates.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { formatDate, kindLabel } from './card-views.js';
import { tripSummaryView, type SummaryLine, type TripMode } from './trip-views.js';
import type { Turn } from './turn.js';
import type { CardActionData, TravelDraft, TravelFields, View } from './types.js';

export const TRAVEL_FIELDS = ['departureDate', 'departureTime', 'returnDate', 'returnTime', 'destination', 'purpose', 'over15km', 'hotelNights', 'unreceiptedNights', 'breakfasts', 'lunches', 'dinners'] as const;
type TravelField = (typeof TRAVEL_FIELDS)[number];
type FieldErrors = Partial<Record<TravelField, string>>;

export function emptyTravelFields(today: string): TravelFields {
  return { departureDate: today, departureTime: '08:00', returnDate: today, returnTime: '17:00', destination: '', purpose: '', over15km: 'true', hotelNights: '0', unreceiptedNights: '0', breakfasts: '0', lunches: '0', dinners: '0' };
}

export function startTravel(turn: Turn) {
  const draft: TravelDraft = { id: turn.ctx.newId(), step: 'form', fields: emptyTravelFields(turn.ctx.today), outlays: [] };
  turn.state.travel = draft;
  turn.messages.push(travelFormView(turn.lang, draft));
}

function fieldsFromCard(data: Record<string, unknown>, previous: TravelFields): TravelFields {
  const next = { ...previous };
  for (const key of TRAVEL_FIELDS) {
    const v = data[key];
    if (typeof v === 'string') next[key] = v.trim();
    else if (typeof v === 'number' && Number.isFinite(v)) next[key] = String(v);
    else if (typeof v === 'boolean') next[key] = String(v);
  }
  return next;
}

function count(value: string): number | undefined {
  const v = value.trim() || '0';
  return /^\d{1,3}$/.test(v) ? Number(v) : undefined;
}

/** Calendar dates of the trip, first to last. */
function tripDates(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T12:00:00Z`); out.length < 60; d = new Date(d.getTime() + 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    out.push(iso);
  }
  return out;
}

type Checked = { ok: true; result: PerDiemResult; line?: PerDiemClaimLine } | { ok: false; errors: FieldErrors };

export function checkTravel(lang: Lang, draft: TravelDraft): Checked {
  const f = draft.fields;
  const errors: FieldErrors = {};
  const say = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  if (!f.destination) errors.destination = say('travel.error.destinationRequired');
  const purpose = f.purpose.trim();
  if (!purpose) errors.purpose = say('error.purpose.required');
  else if (purpose.length < 3) errors.purpose = say('error.purpose.tooShort');
  if (!/^\d{2}:\d{2}$/.test(f.departureTime)) errors.departureTime = say('travel.error.timeInvalid');
  if (!/^\d{2}:\d{2}$/.test(f.returnTime)) errors.returnTime = say('travel.error.timeInvalid');
  const counts: Partial<Record<'hotelNights' | 'unreceiptedNights' | 'breakfasts' | 'lunches' | 'dinners', number>> = {};
  for (const key of ['hotelNights', 'unreceiptedNights', 'breakfasts', 'lunches', 'dinners'] as const) {
    const n = count(f[key]);
    if (n === undefined) errors[key] = say('travel.error.countInvalid');
    else counts[key] = n;
  }
  // Meals are counted per calendar date of the trip: at most one of each a day.
  const dates = tripDates(f.departureDate, f.returnDate);
  for (const meal of ['breakfasts', 'lunches', 'dinners'] as const) {
    if ((counts[meal] ?? 0) > dates.length) errors[meal] = say('travel.error.tooManyMeals', { days: dates.length });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const mealsProvided = dates.map((date, i) => ({
    date,
    breakfast: i < (counts.breakfasts ?? 0),
    lunch: i < (counts.lunches ?? 0),
    dinner: i < (counts.dinners ?? 0),
  })).filter((m) => m.breakfast || m.lunch || m.dinner);
  const departure = `${f.departureDate}T${f.departureTime}`;
  const ret = `${f.returnDate}T${f.returnTime}`;
  try {
    const result = calculatePerDiem({ departure, return: ret, over15km: f.over15km === 'true', hotelNights: counts.hotelNights ?? 0, unreceiptedNights: counts.unreceiptedNights ?? 0, mealsProvided });
    const line: PerDiemClaimLine | undefined = result.totalOre > 0
      ? { type: 'perDiem', date: f.departureDate, departure, return: ret, destination: f.destination, hotelNights: counts.hotelNights ?? 0, unreceiptedNights: counts.unreceiptedNights ?? 0, amountMinor: result.totalOre, currency: 'NOK', taxFreeMinor: result.taxFreeOre, taxableMinor: result.taxableOre }
      : undefined;
    return { ok: true, result, ...(line ? { line } : {}) };
  } catch (err) {
    if (err instanceof RatesUnavailableError) return { ok: false, errors: { departureDate: say('claim.error.ratesUnavailable', { years: err.knownYears.join(', ') }) } };
    if (err instanceof InvalidClaimInput) {
      for (const issue of err.issues) {
        const field: TravelField = issue.field === 'departure' ? 'departureDate' : issue.field === 'return' ? 'returnDate' : issue.field.startsWith('mealsProvided') ? 'breakfasts' : (issue.field as TravelField);
        errors[field] = say((issue.key.startsWith('perDiem.error.') ? issue.key : 'claim.error.invalidValue') as MessageKey);
      }
      return { ok: false, errors };
    }
    throw err;
  }
}

export function travelFormView(lang: Lang, draft: TravelDraft, errors: FieldErrors = {}): View {
  const l = (key: MessageKey) => t(lang, key);
  return {
    kind: 'card',
    template: 'travel-form',
    data: {
      title: l('travel.title'),
      intro: l('travel.intro'),
      draftId: draft.id,
      fields: { ...draft.fields },
      labels: {
        departureDate: l('travel.field.departureDate'), departureTime: l('travel.field.departureTime'), returnDate: l('travel.field.returnDate'),
        returnTime: l('travel.field.returnTime'), destination: l('travel.field.destination'), purpose: l('outlay.field.purpose'),
        over15km: l('travel.field.over15km'), hotelNights: l('travel.field.hotelNights'), unreceiptedNights: l('travel.field.unreceiptedNights'),
        meals: l('travel.field.meals'), breakfasts: l('travel.field.breakfasts'), lunches: l('travel.field.lunches'), dinners: l('travel.field.dinners'),
        review: l('outlay.action.review'), cancel: l('outlay.action.cancel'),
      },
      placeholders: { destination: l('travel.placeholder.destination'), purpose: l('outlay.placeholder.purpose') },
      required: { destination: l('travel.error.destinationRequired'), purpose: l('error.purpose.required'), time: l('travel.error.timeInvalid') },
      errors: Object.fromEntries(TRAVEL_FIELDS.map((f) => [f, errors[f] ?? ''])),
    },
  };
}

function hm(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)} ${local.slice(11, 16)}`;
}

export function perDiemBreakdown(lang: Lang, result: PerDiemResult): SummaryLine[] {
  const money = (ore: number) => formatMoney(ore, 'NOK', lang);
  const lines: SummaryLine[] = [];
  for (const day of result.days) {
    lines.push({ label: t(lang, `travel.line.${day.rateKind}`, { from: hm(day.from), to: hm(day.to) }), amount: money(day.rateOre) });
    for (const d of day.deductions) lines.push({ label: t(lang, `travel.line.deduction.${d.meal}`, { percent: d.percent }), amount: `−${money(d.amountOre)}` });
  }
  for (const n of result.nightSupplement) lines.push({ label: t(lang, 'travel.line.nightSupplement', { nights: n.nights, rate: money(n.rateOre) }), amount: money(n.amountOre) });
  if (result.reasonKey) lines.push({ label: t(lang, result.reasonKey as MessageKey), amount: '' });
  return lines;
}

function outlayLine(lang: Lang, o: OutlayLine): SummaryLine {
  return { label: `${kindLabel(lang, o.kind)}${o.merchant ? ` – ${o.merchant}` : ''}`, amount: formatMoney(o.amountMinor, o.currency, lang) };
}

export function travelSummaryView(lang: Lang, draft: TravelDraft, mode: TripMode, number = ''): View {
  const checked = checkTravel(lang, draft);
  const f = draft.fields;
  const lines = checked.ok ? perDiemBreakdown(lang, checked.result) : [];
  if (draft.mileage) lines.push({ label: t(lang, 'mileage.description', { from: draft.mileage.from, to: draft.mileage.to }), amount: formatMoney(draft.mileage.amountMinor, 'NOK', lang) });
  for (const o of draft.outlays) lines.push(outlayLine(lang, o));
  const totalOre = (checked.ok ? checked.result.totalOre : 0) + (draft.mileage?.amountMinor ?? 0) + draft.outlays.filter((o) => o.currency === 'NOK').reduce((a, o) => a + o.amountMinor, 0);
  const taxFree = (checked.ok ? checked.result.taxFreeOre : 0) + (draft.mileage?.taxFreeMinor ?? 0);
  const taxable = (checked.ok ? checked.result.taxableOre : 0) + (draft.mileage?.taxableMinor ?? 0);
  return tripSummaryView(lang, {
    prefix: 'travel',
    draftId: draft.id,
    mode,
    number,
    title: t(lang, mode === 'review' ? 'travel.summaryTitle' : 'travel.titleEdit'),
    facts: [
      { title: t(lang, 'travel.field.destination'), value: f.destination },
      { title: t(lang, 'travel.field.period'), value: `${formatDate(lang, f.departureDate)} ${f.departureTime} – ${formatDate(lang, f.returnDate)} ${f.returnTime}` },
      { title: t(lang, 'outlay.field.purpose'), value: f.purpose },
    ],
    lines,
    total: formatMoney(totalOre, 'NOK', lang),
    taxNote: taxable > 0 ? t(lang, 'claim.taxSplit', { taxFree: formatMoney(taxFree, 'NOK', lang), taxable: formatMoney(taxable, 'NOK', lang) }) : checked.ok && checked.result.totalOre > 0 ? t(lang, 'claim.allTaxFree') : '',
    unverifiedNote: checked.ok && checked.result.unverified ? t(lang, 'claim.unverified', { year: checked.result.year }) : '',
    canAddMileage: !draft.mileage,
  });
}

export function travelClaim(lang: Lang, draft: TravelDraft, line: PerDiemClaimLine | undefined): NewClaim | undefined {
  const lines: NewClaim['lines'] = [...(line ? [line] : []), ...(draft.mileage ? [draft.mileage] : []), ...draft.outlays];
  if (lines.length === 0) return undefined;
  return { description: t(lang, 'travel.description', { destination: draft.fields.destination }), purpose: draft.fields.purpose.trim(), lines };
}

export function reviewTravel(turn: Turn, draft: TravelDraft, fromCard: boolean) {
  const checked = checkTravel(turn.lang, draft);
  if (!checked.ok) {
    turn.state.travel = { ...draft, step: 'form' };
    if (!fromCard) turn.say('outlay.fixErrors');
    turn.show(travelFormView(turn.lang, turn.state.travel, checked.errors), fromCard);
    return;
  }
  turn.state.travel = { ...draft, step: 'review' };
  turn.show(travelSummaryView(turn.lang, turn.state.travel, 'review'), fromCard);
  if (draft.outlays.length === 0 && !draft.mileage) turn.say('travel.askExtras');
}

function fileTravel(turn: Turn, draft: TravelDraft, fromCard: boolean) {
  if (draft.step === 'filing') return turn.say('outlay.filingInProgress');
  if (draft.step === 'form') return reviewTravel(turn, draft, fromCard);
  const checked = checkTravel(turn.lang, draft);
  if (!checked.ok) return reviewTravel(turn, draft, fromCard);
  const claim = travelClaim(turn.lang, draft, checked.line);
  if (!claim) return turn.say('travel.nothingToClaim');
  turn.state.travel = { ...draft, step: 'filing' };
  if (fromCard) turn.replace = travelSummaryView(turn.lang, turn.state.travel, 'filing');
  turn.effects.push({
    type: 'fileClaim',
    draftId: draft.id,
    claim,
    ...(draft.receiptIds?.length ? { receiptIds: draft.receiptIds } : {}),
    ...(draft.documentIds?.length ? { documentIds: draft.documentIds } : {}),
  });
}

/** Handles the travel card actions; returns false for actions that are not travel ones. */
export function onTravelAction(turn: Turn, data: CardActionData): boolean {
  if (!data.action.startsWith('travel.') || data.action === 'travel.addOutlay' || data.action === 'travel.addMileage') return false;
  if (data.action === 'travel.start') {
    startTravel(turn);
    return true;
  }
  const draft = turn.state.travel;
  if (!draft || (data.draftId && data.draftId !== draft.id)) {
    turn.say('travel.noDraft');
    return true;
  }
  switch (data.action) {
    case 'travel.submit':
      reviewTravel(turn, { ...draft, fields: fieldsFromCard(data, draft.fields) }, true);
      return true;
    case 'travel.edit':
      if (draft.step === 'filing') return turn.say('outlay.filingInProgress'), true;
      turn.state.travel = { ...draft, step: 'form' };
      turn.replace = travelFormView(turn.lang, turn.state.travel);
      return true;
    case 'travel.file':
      fileTravel(turn, draft, true);
      return true;
    case 'travel.cancel':
      if (draft.step === 'filing') return turn.say('outlay.filingInProgress'), true;
      turn.state.travel = undefined;
      turn.replace = travelSummaryView(turn.lang, draft, 'cancelled');
      turn.say('outlay.cancelled');
      return true;
    default:
      turn.say('fallback.text');
      return true;
  }
}

/** A mileage line computed in the mileage flow goes onto the travel claim it was started from. */
export function addMileageToTravel(turn: Turn, line: MileageClaimLine) {
  const travel = turn.state.travel;
  if (!travel) return turn.say('travel.noDraft');
  turn.state.travel = { ...travel, step: 'review', mileage: line };
  turn.messages.push(travelSummaryView(turn.lang, turn.state.travel, 'review'));
}
