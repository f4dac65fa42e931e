/**
 * Sample data for every card template and visible variant, in every language: the one set the
 * template tests, the browser tests and the docs screenshots all use.
 */
import { reminderView, statusChangeView } from '../src/notifications/notice-views.js';
import { CardRenderer } from '../src/bot/card-renderer.js';
import type { Claim, ExpenseKind } from '../src/claims/claim.js';
import {
  claimsListView,
  kindLabel,
  outlayInProgress,
  outlayFormView,
  outlaySummaryView,
  receiptsListView,
  welcomeView,
  type SummaryMode,
} from '../src/conversation/card-views.js';
import type { ReceiptSummary } from '../src/receipts/receipt-fields.js';
import { handleEvent } from '../src/conversation/engine.js';
import { mileageFormView, mileageSummaryView } from '../src/conversation/mileage-flow.js';
import {
  claimLineFormView,
  mergeOfferView,
  outlayClaimView,
} from '../src/conversation/outlay-claim-flow.js';
import { travelFormView, travelSummaryView } from '../src/conversation/travel-flow.js';
import type { MileageDraft, OutlayClaimDraft, TravelDraft } from '../src/conversation/types.js';
import type { CardTemplate, Lang, OutlayDraft, View } from '../src/conversation/types.js';
import { LANGS, t } from '../src/i18n/translate.js';

export const sampleDraft: OutlayDraft = {
  id: 'd1',
  step: 'review',
  prefilled: true,
  fields: {
    date: '2026-11-23',
    amount: '1409',
    currency: 'NOK',
    kind: 'parking',
    merchant: 'EasyPark',
    purpose: 'Kundemøte hos Equinor',
    comment: 'Kvittering i appen',
  },
};

export const sampleMileage: MileageDraft = {
  id: 'm1',
  step: 'form',
  fields: {
    date: '2026-11-23',
    from: 'Oslo',
    to: 'Drammen',
    km: '120',
    purpose: 'Kundemøte hos Equinor',
    trailerKm: '',
    forestRoadKm: '',
  },
  passengers: [{ name: 'Kari N.', km: 80 }],
  outlays: [
    {
      type: 'outlay',
      date: '2026-11-23',
      kind: 'toll',
      amountMinor: 4500,
      currency: 'NOK',
      merchant: 'Fjellinjen',
    },
  ],
};

const sure = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0.9,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0.9,
  vatRate: 0.9,
};
export const sampleReceipts: ReceiptSummary[] = [
  {
    id: 'r1',
    name: 'IMG_2231.jpg',
    fields: {
      kind: 'ferry',
      merchant: 'Fjord1',
      date: '2026-11-20',
      totalMinor: 27500,
      currency: 'NOK',
      confidence: sure,
    },
  },
  { id: 'r2', name: 'invitasjon.pdf', fields: { kind: 'not_receipt', confidence: sure } },
  {
    id: 'r3',
    name: 'IMG_2240.jpg',
    fields: {
      kind: 'parking',
      merchant: 'Europark',
      date: '2026-11-21',
      totalMinor: 22000,
      currency: 'NOK',
      confidence: sure,
    },
  },
];

/** Three receipt photos sent with "ett krav": one claim, a line per receipt. */
export const sampleOutlayClaim: OutlayClaimDraft = {
  id: 'c1',
  step: 'review',
  purpose: 'Kundemøte hos Equinor i Stavanger',
  lines: [
    {
      id: 'l1',
      receiptIds: ['r1'],
      receiptName: 'uno-x.jpg',
      fields: {
        date: '2026-11-20',
        amount: '1040,95',
        currency: 'NOK',
        kind: 'fuel',
        merchant: 'Uno-X Sandnes',
        comment: '',
      },
    },
    {
      id: 'l2',
      receiptIds: ['r2'],
      check: ['date', 'merchant'],
      fields: {
        date: '2026-11-21',
        amount: '535,79',
        currency: 'NOK',
        kind: 'taxi',
        merchant: 'Stavanger Taxi',
        comment: '',
      },
    },
    {
      id: 'l3',
      receiptIds: ['r3'],
      receiptName: 'IMG_2231.jpg',
      fields: {
        date: '2026-11-21',
        amount: '220',
        currency: 'NOK',
        kind: 'parking',
        merchant: 'Europark',
        comment: 'Parkering ved kontoret',
      },
    },
  ],
};

export const sampleTravel: TravelDraft = {
  id: 't1',
  step: 'form',
  fields: {
    departureDate: '2026-11-23',
    departureTime: '07:30',
    returnDate: '2026-11-24',
    returnTime: '19:00',
    destination: 'Bergen',
    purpose: 'Kurs i Bergen',
    over15km: 'true',
    hotelNights: '1',
    unreceiptedNights: '0',
    breakfasts: '1',
    lunches: '1',
    dinners: '0',
  },
  outlays: [
    {
      type: 'outlay',
      date: '2026-11-23',
      kind: 'hotel',
      amountMinor: 129000,
      currency: 'NOK',
      merchant: 'Hotel Norge',
    },
  ],
};

/**
 * A three-day trip whose hotel served breakfast on two mornings and a course dinner on the first
 * evening: the form shows each meal as the trip's dates to tick, the summary each deduction by date.
 */
export const sampleTravelMeals: TravelDraft = {
  id: 't2',
  step: 'form',
  fields: {
    departureDate: '2026-11-02',
    departureTime: '08:00',
    returnDate: '2026-11-04',
    returnTime: '18:00',
    destination: 'Trondheim',
    purpose: 'Fagsamling i Trondheim',
    over15km: 'true',
    hotelNights: '2',
    unreceiptedNights: '0',
    breakfasts: '2026-11-03,2026-11-04',
    lunches: '',
    dinners: '2026-11-02',
  },
  outlays: [],
};

/** The help card as the engine builds it from a guide answer that offers an action. */
function helpAnswerSample(lang: Lang): View {
  const text = {
    nb: 'Før ferjebilletten som et utlegg og legg ved kvitteringen.\n\nKilde: brukerveiledningen 5.1 Kom i gang',
    nn: 'Før ferjebilletten som eit utlegg og legg ved kvitteringa.\n\nKjelde: brukarrettleiinga 5.1 Kom i gong',
    en: 'Log the ferry ticket as an outlay and attach the receipt.\n\nSource: user guide 5.1 Getting started',
  }[lang];
  const r = handleEvent(
    {},
    { type: 'helpAnswered', reply: { found: true, lang, text, action: 'outlay.start' } },
    { today: '2026-11-24', scope: 'personal', defaultLang: lang, newId: () => 'x' },
  );
  const view = r.messages[0];
  if (!view) throw new Error('no help view');
  return view;
}

export function sampleClaims(lang: Lang): Claim[] {
  const claim = (
    n: number,
    status: Claim['status'],
    kind: ExpenseKind,
    amountMinor: number,
    date: string,
  ): Claim => ({
    id: `c${n}`,
    number: `RR-2026-${String(n).padStart(6, '0')}`,
    employeeId: 'u1',
    status,
    description: t(lang, 'outlay.description', { kind: kindLabel(lang, kind) }),
    purpose: 'Kundemøte',
    dimensions: {},
    attachments: [],
    lines: [{ type: 'outlay', date, kind, amountMinor, currency: 'NOK' }],
    totals: [{ currency: 'NOK', amountMinor }],
    createdAt: `${date}T10:00:00Z`,
    updatedAt: `${date}T10:00:00Z`,
  });
  return [
    claim(3, 'submitted', 'parking', 140900, '2026-11-23'),
    claim(2, 'rejected', 'taxi', 48750, '2026-11-12'),
    claim(1, 'paid', 'ferry', 21000, '2026-10-30'),
  ];
}

export interface SampleCard {
  /** File stem, e.g. "outlay-summary-filed.en". */
  name: string;
  template: CardTemplate;
  variant: string;
  lang: Lang;
  locale: string;
  card: object;
}

export function sampleViews(lang: Lang): Array<[variant: string, view: View]> {
  const modes: SummaryMode[] = ['draft', 'review', 'filing', 'filed', 'cancelled'];
  const formDraft: OutlayDraft = { ...sampleDraft, step: 'form' };
  return [
    ['welcome', welcomeView(lang, 'Kari')],
    ['notice-rejected', sampleRejectedNotice(lang)],
    ['notice-reminder', reminderView(lang, { receipts: 2, drafts: 1 })],
    ['welcome-anonymous', welcomeView(lang)],
    ['outlay-form', outlayFormView(lang, formDraft)],
    [
      'outlay-form-errors',
      outlayFormView(
        lang,
        { ...formDraft, fields: { ...formDraft.fields, amount: '12x', purpose: '' } },
        { amount: 'error.amount.invalid', purpose: 'error.purpose.required' },
      ),
    ],
    ...modes.map((m): [string, View] => [
      `outlay-summary-${m}`,
      outlaySummaryView(lang, sampleDraft, m, 'RR-2026-000004'),
    ]),
    ['claims-list', claimsListView(lang, sampleClaims(lang), outlayInProgress(lang, sampleDraft))],
    ['help-answer', helpAnswerSample(lang)],
    ['mileage-form', mileageFormView(lang, sampleMileage)],
    [
      'mileage-form-errors',
      mileageFormView(
        lang,
        { ...sampleMileage, fields: { ...sampleMileage.fields, from: '' } },
        {
          from: t(lang, 'mileage.error.fromRequired'),
          passengerKm: t(lang, 'mileage.error.passengerKmTooLong'),
        },
        { name: 'OL', km: '300' },
      ),
    ],
    [
      'trip-summary-draft',
      mileageSummaryView(
        lang,
        { ...sampleMileage, fields: { ...sampleMileage.fields, purpose: '' } },
        'draft',
      ),
    ],
    [
      'trip-summary-review',
      mileageSummaryView(lang, { ...sampleMileage, step: 'review' }, 'review'),
    ],
    ['trip-summary-filed', mileageSummaryView(lang, sampleMileage, 'filed', 'RR-2026-000005')],
    // A one-day trip, as the form first opens: meals as counts.
    [
      'travel-form',
      travelFormView(lang, {
        ...sampleTravel,
        fields: {
          ...sampleTravel.fields,
          returnDate: sampleTravel.fields.departureDate,
          hotelNights: '0',
          breakfasts: '0',
          lunches: '1',
        },
      }),
    ],
    ['travel-form-meals', travelFormView(lang, sampleTravelMeals)],
    ['receipts-list', receiptsListView(lang, sampleReceipts)],
    [
      'outlay-summary-from-receipt',
      outlaySummaryView(
        lang,
        {
          ...sampleDraft,
          step: 'form',
          receiptIds: ['r1'],
          check: ['date', 'amount'],
          fields: { ...sampleDraft.fields, purpose: '' },
        },
        'draft',
      ),
    ],
    [
      'travel-summary-review',
      travelSummaryView(lang, { ...sampleTravel, step: 'review' }, 'review'),
    ],
    [
      'travel-summary-meals',
      travelSummaryView(lang, { ...sampleTravelMeals, step: 'review' }, 'review'),
    ],
    ['claims-list-empty', claimsListView(lang, [])],
    [
      'outlay-claim-form',
      outlayClaimView(lang, { ...sampleOutlayClaim, step: 'form', purpose: '' }, 'form'),
    ],
    [
      'outlay-claim-errors',
      outlayClaimView(
        lang,
        {
          ...sampleOutlayClaim,
          step: 'form',
          purpose: '',
          lines: sampleOutlayClaim.lines.map((l, i) =>
            i === 1 ? { ...l, fields: { ...l.fields, amount: '' } } : l,
          ),
        },
        'form',
        {
          errors: {
            purpose: 'error.purpose.required',
            lines: { l2: { amount: 'error.amount.required' } },
          },
        },
      ),
    ],
    ['outlay-claim-review', outlayClaimView(lang, sampleOutlayClaim, 'review')],
    [
      'outlay-claim-filed',
      outlayClaimView(lang, sampleOutlayClaim, 'filed', { number: 'RR-2026-000006' }),
    ],
    [
      'outlay-claim-line-form',
      claimLineFormView(
        lang,
        sampleOutlayClaim,
        sampleOutlayClaim.lines[1] as OutlayClaimDraft['lines'][number],
      ),
    ],
    ['receipts-merge', mergeOfferView(lang, 'batch-1', 3)],
  ];
}

/** Bound sample cards for every template and variant in nb, nn and en. */
export function sampleCards(renderer = new CardRenderer()): SampleCard[] {
  return LANGS.flatMap((lang) =>
    sampleViews(lang).map(([variant, view]) => {
      if (view.kind !== 'card') throw new Error(`sample ${variant} is not a card`);
      // Chromium has no nynorsk UI locale; nynorsk formats dates like bokmål anyway.
      const locale = lang === 'en' ? 'en-GB' : 'nb';
      return {
        name: `${variant}.${lang}`,
        template: view.template,
        variant,
        lang,
        locale,
        card: renderer.render(view.template, view.data),
      };
    }),
  );
}

/** A rejection as the chat shows it, with its button to fix and file again. */
function sampleRejectedNotice(lang: Lang): View {
  const view = statusChangeView(lang, {
    employeeId: 'kari',
    claimId: 'c-1',
    number: 'RR-2026-000123',
    status: 'rejected',
    version: 1,
    reason: 'Mangler kvittering for parkeringen',
  });
  if (!view) throw new Error('a rejection always has a view');
  return view;
}
