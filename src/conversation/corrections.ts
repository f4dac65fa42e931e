/**
 * Corrections typed while a draft is open ("nei, det var 430 kr", "feil dato, det var fredag",
 * "change the amount to 95", "it was 64 km"), and a toll or ferry typed on a trip: the draft in
 * progress changes and its card is shown again; a form still without its purpose asks again.
 */
import type { OutlayLine } from '../claims/claim.js';
import { formatMoney } from '../i18n/translate.js';
import { isoOf, parseIsoDay } from '../text/typed-date.js';
import type { MessageKey } from '../i18n/translate.js';
import type { CorrectedDraft, CorrectedField, Correction } from '../understanding/correction.js';
import type { OutlayGuess } from '../understanding/outlay-text.js';
import { kindLabel, outlaySummaryView } from './card-views.js';
import { askForMileage, askNextForMileage, typedKm } from './mileage-flow.js';
import { mileageSummaryView } from './mileage-views.js';
import { formatAmountInput, outlayFieldsFromGuess, validateOutlayLine } from './outlay-form.js';
import { askNext, reviewOutlay } from './outlay-flow.js';
import type { Turn } from './turn.js';
import { reviewTravel } from './travel-flow.js';
import { travelFormView } from './travel-views.js';
import type { MileageDraft, OutlayDraft, TravelDraft } from './types.js';

const ASK_VALUE: Record<CorrectedField, MessageKey> = {
  amount: 'correct.askAmount',
  date: 'correct.askDate',
  kind: 'correct.askKind',
  km: 'correct.askKm',
};

/** `draft`: the one the message was understood against (the draft asked about last). */
export function applyCorrection(turn: Turn, fix: Correction, draft?: CorrectedDraft) {
  const { outlay, mileage, travel } = turn.state;
  // "feil beløp", "kan du endre datoen?": the new value is asked for; the draft stays as it is.
  if (fix.askValue && fix.field) {
    // A trip's amount is its km times the rate: the km are what can be wrong ("feil beløp").
    const field = draft === 'mileage' && fix.field !== 'date' ? 'km' : fix.field;
    turn.state.askedValue = field;
    return turn.say(ASK_VALUE[field]);
  }
  if (draft === 'mileage' && mileage && mileage.step !== 'filing')
    return correctMileage(turn, mileage, fix);
  if (outlay && outlay.step !== 'filing') return correctOutlay(turn, outlay, fix);
  if (mileage && mileage.step !== 'filing') return correctMileage(turn, mileage, fix);
  if (travel && travel.step !== 'filing') return correctTravel(turn, travel, fix);
  turn.effects.push({ type: 'answerHelp', question: '', lang: turn.lang });
}

function correctOutlay(turn: Turn, draft: OutlayDraft, fix: Correction) {
  const fields = { ...draft.fields };
  if (fix.amountMinor !== undefined) fields.amount = formatAmountInput(fix.amountMinor);
  if (fix.currency) fields.currency = fix.currency;
  if (fix.date) fields.date = fix.date;
  if (fix.kind) fields.kind = fix.kind;
  if (fix.purpose) fields.purpose = fix.purpose;
  const updated: OutlayDraft = { ...draft, step: 'form', fields };
  // What the user just said needs no "please check" any more.
  const said = (['amount', 'date', 'kind'] as const).filter((f) => fields[f] !== draft.fields[f]);
  if (draft.check && said.length > 0)
    updated.check = draft.check.filter((f) => !(said as readonly string[]).includes(f));
  turn.state.outlay = updated;
  if (fields.purpose && fields.amount.trim()) return reviewOutlay(turn, updated, false);
  turn.messages.push(outlaySummaryView(turn.lang, updated, 'draft'));
  askNext(turn, updated);
}

function correctMileage(turn: Turn, draft: MileageDraft, fix: Correction) {
  const fields = { ...draft.fields };
  const oldKm = Number(fields.km.replace(',', '.'));
  let passengers = draft.passengers;
  if (fix.km !== undefined) {
    fields.km = typedKm(fix.km);
    // Passengers who rode the whole way still do.
    passengers = passengers.map((p) => (p.km === oldKm ? { ...p, km: fix.km ?? p.km } : p));
  }
  if (fix.date) fields.date = fix.date;
  if (fix.purpose) fields.purpose = fix.purpose;
  if (fix.from) fields.from = fix.from;
  if (fix.to) fields.to = fix.to;
  // A passenger added afterwards rides the whole trip unless the text gave their own km.
  const named = new Set(passengers.map((p) => p.name.toLowerCase()));
  for (const p of fix.passengers ?? [])
    if (!named.has(p.name.toLowerCase()))
      passengers = [...passengers, { name: p.name, km: p.km ?? (oldKm > 0 ? oldKm : 0) }];
  const km = Number(fields.km.replace(',', '.'));
  for (const s of fix.supplements ?? []) {
    const value = s.km ?? (km > 0 ? km : undefined);
    if (value !== undefined && (!(km > 0) || value <= km)) fields[s.kind] = typedKm(value);
  }
  askNextForMileage(turn, { ...draft, step: 'form', fields, passengers });
}

/** A reviewed trip is checked again with its new days; a form still being filled is shown again. */
function correctTravel(turn: Turn, draft: TravelDraft, fix: Correction) {
  const fields = { ...draft.fields };
  if (fix.departureDate) fields.departureDate = fix.departureDate;
  if (fix.returnDate) fields.returnDate = fix.returnDate;
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(fields.departureDate);
  if (fix.departureDay && dated)
    fields.departureDate = inMonthOf(fields.departureDate, fix.departureDay);
  // Coming home on a day before the trip's first day of that month is coming home the month after.
  if (fix.returnDay && dated) {
    const sameMonth = inMonthOf(fields.departureDate, fix.returnDay);
    fields.returnDate =
      sameMonth < fields.departureDate ? inMonthOf(sameMonth, fix.returnDay, 1) : sameMonth;
  }
  if (fix.departureShift) fields.departureDate = shifted(fields.departureDate, fix.departureShift);
  if (fix.returnShift) fields.returnDate = shifted(fields.returnDate, fix.returnShift);
  if (fix.destination) fields.destination = fix.destination;
  if (fix.purpose) fields.purpose = fix.purpose;
  const updated: TravelDraft = { ...draft, fields };
  if (draft.step === 'review') return reviewTravel(turn, updated, false);
  turn.state.travel = updated;
  turn.messages.push(travelFormView(turn.lang, updated));
}

/** A toll, parking or ferry as a line of a trip, when the text said enough for one. */
export function tripOutlayLine(turn: Turn, guess: OutlayGuess): OutlayLine | undefined {
  if (!guess.kind || !['toll', 'parking', 'ferry'].includes(guess.kind)) return undefined;
  const checked = validateOutlayLine(outlayFieldsFromGuess(turn.ctx.today, guess), turn.ctx.today);
  return checked.ok ? checked.line : undefined;
}

/**
 * Puts tolls, parking and ferries on the mileage claim waiting for its purpose ("bom 70 kr og
 * parkering 45"), and asks for the purpose again; all of them or, when one is no trip's, none.
 */
export function addTripOutlaysToMileage(turn: Turn, guesses: OutlayGuess[]): boolean {
  const mileage = turn.state.mileage;
  const lines = guesses.map((g) => tripOutlayLine(turn, g));
  if (!mileage || lines.length === 0 || !lines.every((l) => l !== undefined)) return false;
  const updated: MileageDraft = { ...mileage, outlays: [...mileage.outlays, ...lines] };
  turn.state.mileage = updated;
  for (const line of lines)
    turn.say('trip.outlayAdded', {
      kind: kindLabel(turn.lang, line.kind).toLowerCase(),
      amount: formatMoney(line.amountMinor, line.currency, turn.lang),
    });
  turn.messages.push(mileageSummaryView(turn.lang, updated, 'draft'));
  askForMileage(turn, updated);
  return true;
}

/** `iso` moved by `days`; a field not yet holding a date stays as it is. */
function shifted(iso: string, days: number): string {
  const day = parseIsoDay(iso);
  return day === undefined ? iso : isoOf(day + days);
}

/** `iso`'s month (plus `months`) on that day, kept within the month ("31." in June is the 30th). */
function inMonthOf(iso: string, day: number, months = 0): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month + months, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, last)))
    .toISOString()
    .slice(0, 10);
}
