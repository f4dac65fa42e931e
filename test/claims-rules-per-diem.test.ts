/**
 * Per diem (diett and nattillegg) under the Norwegian travel rules, checked against amounts worked out by hand. Next to each expected
 * figure is where its inputs come from (the sources themselves are listed per figure in
 * src/claims/rates/state-rates.json and docs/norwegian-rules.md). Abbreviations used below:
 *   SA  = særavtale om reise innenlands (as stated by DFØ, arbeidsgiver.dfo.no «Statens satser innenlands»)
 *   S25 = 2025 state rates: car 5,00 kr/km, supplements 1,00; per diem 384 / 713 / 977; nattillegg 452
 *   S26 = 2026 state rates: car 5,30 (easya.no); per diem 397 / 736 / 1 012 (unverified)
 *   T25 = Skatteetaten 2025 tax-free limits: 3,50 kr/km, supplements 1,00; 200 / 400 day trips;
 *         678 hotel, 105 private lodging; nattillegg 452; meals 20/30/50 % of the limit
 *   T26 = 2026 tax-free limits: not found, 2025 values kept and flagged unverified
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculatePerDiem,
  PER_DIEM_ERROR_KEYS,
  type PerDiemInput,
  type PerDiemResult,
} from '../src/claims/per-diem.js';
import { InvalidClaimInput } from '../src/claims/rates.js';
import { issuesOf, trip } from './helpers/claim-inputs.js';

describe('per diem: day trips', () => {
  it('pays nothing for 5 h 59 min, and says why', () => {
    const result = calculatePerDiem(trip({ return: '2025-03-10T13:59' }));
    expect(result.totalOre).toBe(0); // SA § 9: the trip must last at least 6 hours
    expect(result.days).toEqual([]);
    expect(result.reasonKey).toBe('perDiem.reason.under6Hours');
  });

  it('pays the 6–12 h rate for exactly 6 hours', () => {
    const result = calculatePerDiem(trip({ return: '2025-03-10T14:00' }));
    expect(result.days.map((d) => d.rateKind)).toEqual(['day6to12']); // SA § 9 b) «fra og med 6 timer»
    expect(result.totalOre).toBe(38400); // S25 384
    expect(result.taxFreeOre).toBe(20000); // T25 200
    expect(result.taxableOre).toBe(18400); // 384 − 200
    expect(result.reasonKey).toBeUndefined();
  });

  it('pays the 6–12 h rate for exactly 12 hours', () => {
    const result = calculatePerDiem(trip({ return: '2025-03-10T20:00' }));
    expect(result.days.map((d) => [d.rateKind, d.amountOre])).toEqual([['day6to12', 38400]]); // SA § 9 b) «til og med 12 timer», S25
  });

  it('pays the over-12 h rate for 12 h 1 min', () => {
    const result = calculatePerDiem(trip({ return: '2025-03-10T20:01' }));
    expect(result.days.map((d) => [d.rateKind, d.amountOre])).toEqual([['dayOver12', 71300]]); // SA § 9 c), S25 713
    expect(result.taxFreeOre).toBe(40000); // T25 400
    expect(result.taxableOre).toBe(31300);
  });

  it('pays the 2026 rates for the same boundaries, flagged as unverified', () => {
    const six = calculatePerDiem(
      trip({ departure: '2026-03-10T08:00', return: '2026-03-10T14:00' }),
    );
    expect(six.totalOre).toBe(39700); // S26 397
    expect(six.unverified).toBe(true);
    const over12 = calculatePerDiem(
      trip({ departure: '2026-03-10T08:00', return: '2026-03-10T20:01' }),
    );
    expect(over12.totalOre).toBe(73600); // S26 736
    expect(over12.taxFreeOre).toBe(40000); // T26 = T25 400, unverified
  });

  it('pays nothing for a trip of 15 km or less, however long, and says why', () => {
    const result = calculatePerDiem(trip({ over15km: false, return: '2025-03-10T18:00' }));
    expect(result.totalOre).toBe(0); // SA § 9: only trips over 15 km
    expect(result.reasonKey).toBe('perDiem.reason.notOver15km');
  });

  it('measures hours in elapsed time across the spring change of clocks', () => {
    // 20:00 to 09:00 on the night summer time starts (30 March 2025) is 12 real hours, not 13
    const result = calculatePerDiem(
      trip({ departure: '2025-03-29T20:00', return: '2025-03-30T09:00' }),
    );
    expect(result.hours).toBe(12);
    expect(result.days.map((d) => d.rateKind)).toEqual(['day6to12']);
  });
});

describe('per diem: overnight trips', () => {
  const overnight = (returnAt: string, year = 2025): PerDiemResult =>
    calculatePerDiem(
      trip({
        departure: `${year}-03-10T08:00`,
        return: `${year}-03-12T${returnAt}`,
        hotelNights: 2,
      }),
    );

  it('pays 2 døgn + 5 h as two døgn; the 5 hours earn nothing', () => {
    const result = overnight('13:00');
    expect(result.days.map((d) => [d.from, d.to, d.rateKind, d.amountOre])).toEqual([
      ['2025-03-10T08:00', '2025-03-11T08:00', 'overnight', 97700], // SA § 2 nr. 3 (24 h from departure), § 9 a), S25 977
      ['2025-03-11T08:00', '2025-03-12T08:00', 'overnight', 97700],
    ]);
    expect(result.unpaid).toEqual([
      {
        from: '2025-03-12T08:00',
        to: '2025-03-12T13:00',
        minutes: 300,
        hours: 5,
        reasonKey: 'perDiem.reason.remainderUnder6Hours',
      }, // SA § 9 d) → b) needs 6 h
    ]);
    expect(result.totalOre).toBe(195400); // 2 × 977
    expect(result.taxFreeOre).toBe(135600); // 2 × 678 (T25 hotel)
    expect(result.taxableOre).toBe(59800); // 2 × 299
  });

  it('pays 2 døgn + 7 h with the 6–12 h rate for the 7 hours', () => {
    const result = overnight('15:00');
    expect(result.days.map((d) => d.rateKind)).toEqual(['overnight', 'overnight', 'day6to12']); // SA § 9 d) → b)
    expect(result.totalOre).toBe(233800); // 2 × 977 + 384
    // Skatteetaten counts 6 h+ into a new døgn as a whole døgn at the hotel limit: 384 ≤ 678, all tax-free
    expect(result.taxFreeOre).toBe(174000); // 2 × 678 + 384
    expect(result.taxableOre).toBe(59800);
  });

  it('pays 2 døgn + 13 h with the over-12 h rate for the 13 hours', () => {
    const result = overnight('21:00');
    expect(result.days.map((d) => d.rateKind)).toEqual(['overnight', 'overnight', 'dayOver12']); // SA § 9 d) → c)
    expect(result.totalOre).toBe(266700); // 2 × 977 + 713
    expect(result.taxFreeOre).toBe(203400); // 3 × 678 (T25 hotel limit for the started døgn too)
    expect(result.taxableOre).toBe(63300); // 2 × 299 + 35
  });

  it('pays 2 døgn + 13 h in 2026 at the 2026 rates', () => {
    const result = overnight('21:00', 2026);
    expect(result.totalOre).toBe(276000); // S26: 2 × 1 012 + 736
    expect(result.year).toBe(2026);
    expect(result.unverified).toBe(true);
  });

  it('pays a started døgn over 12 h that includes a night at the overnight rate', () => {
    // 18:00 Monday to 07:00 Thursday: 2 døgn + 13 h, with a third night inside the 13 hours
    const result = calculatePerDiem(
      trip({ departure: '2025-03-10T18:00', return: '2025-03-13T07:00', hotelNights: 3 }),
    );
    expect(result.days.map((d) => d.rateKind)).toEqual(['overnight', 'overnight', 'overnight']); // DFØ customer note 46/2019
    expect(result.totalOre).toBe(293100); // 3 × 977
  });

  it('pays nattillegg per unreceipted night, on top of the per diem', () => {
    const result = calculatePerDiem(
      trip({ departure: '2025-03-10T08:00', return: '2025-03-11T08:00', unreceiptedNights: 1 }),
    );
    expect(result.perDiemOre).toBe(97700); // S25 977
    expect(result.nightSupplement).toEqual([
      {
        nights: 1,
        rateOre: 45200,
        amountOre: 45200,
        taxFreeRateOre: 45200,
        taxFreeOre: 45200,
        taxableOre: 0,
      }, // S25 / T25 452
    ]);
    expect(result.totalOre).toBe(142900); // 977 + 452
    // No hotel receipt: the per diem is measured against T25's private-lodging limit, 105
    expect(result.days[0]!.taxFreeBasis).toBe('overnightPrivateOrCooking');
    expect(result.taxFreeOre).toBe(10500 + 45200);
    expect(result.taxableOre).toBe(87200); // 977 − 105
  });

  it('takes the rates of the departure date for a trip over New Year', () => {
    const result = calculatePerDiem(
      trip({ departure: '2025-12-31T10:00', return: '2026-01-01T12:00', hotelNights: 1 }),
    );
    expect(result.year).toBe(2025);
    expect(result.totalOre).toBe(97700); // S25 977; the last 2 hours earn nothing
  });
});

describe('per diem: meals provided', () => {
  it('deducts breakfast and lunch from the overnight rate, and from the tax-free limit', () => {
    const result = calculatePerDiem(
      trip({
        departure: '2025-03-10T10:00',
        return: '2025-03-11T10:00',
        hotelNights: 1,
        mealsProvided: [
          { date: '2025-03-10', breakfast: false, lunch: true, dinner: false },
          { date: '2025-03-11', breakfast: true, lunch: false, dinner: false },
        ],
      }),
    );
    const [day] = result.days;
    expect(day!.deductions).toEqual([
      { meal: 'breakfast', percent: 20, amountOre: 19540, dates: ['2025-03-11'] }, // 20 % of 977 = 195,40
      { meal: 'lunch', percent: 30, amountOre: 29310, dates: ['2025-03-10'] }, // 30 % of 977 = 293,10
    ]);
    expect(result.totalOre).toBe(48850); // 977 − 195,40 − 293,10 = 488,50
    expect(day!.taxFreeLimitOre).toBe(33900); // T25 678 − 135,60 − 203,40 = 339,00 (regnskapshjelp.no's 2025 example)
    expect(result.taxFreeOre).toBe(33900);
    expect(result.taxableOre).toBe(14950);
  });

  it('names the date each deduction came from; a dinner before departure counts once against the first døgn', () => {
    const result = calculatePerDiem(
      trip({
        departure: '2025-03-10T20:00',
        return: '2025-03-11T19:00',
        hotelNights: 1,
        mealsProvided: [
          // 18:00 on the 10th is before the 20:00 departure: it counts against the nearest døgn,
          // the one the dinner on the 11th falls in too, and a døgn takes one dinner deduction.
          { date: '2025-03-11', breakfast: true, lunch: false, dinner: true },
          { date: '2025-03-10', breakfast: false, lunch: false, dinner: true },
        ],
      }),
    );
    expect(result.days.map((d) => d.deductions.map(({ meal, dates }) => [meal, dates]))).toEqual([
      [
        ['breakfast', ['2025-03-11']],
        ['dinner', ['2025-03-10', '2025-03-11']],
      ],
    ]);
    expect(result.totalOre).toBe(29310); // 977 − 20 % (195,40) − 50 % (488,50) = 293,10
  });

  it('deducts a day-trip lunch from the rate that day is paid at', () => {
    const result = calculatePerDiem(
      trip({
        return: '2025-03-10T18:00',
        mealsProvided: [{ date: '2025-03-10', breakfast: false, lunch: true, dinner: false }],
      }),
    );
    expect(result.mealDeductionBasis).toBe('paidRate'); // DFØ: «den aktuelle satsen»
    // the sources disagree on what the percentages are taken of, so a deduction flags the result
    expect(result.unverifiedFigures).toEqual(['state.mealDeduction.basis']);
    expect(result.totalOre).toBe(26880); // 384 − 30 % of 384 (115,20) = 268,80
    expect(result.taxFreeOre).toBe(14000); // T25 200 − 30 % = 140,00
    expect(result.taxableOre).toBe(12880);
  });

  it('deducts per døgn, each against the rate that døgn is paid at', () => {
    const result = calculatePerDiem(
      trip({
        departure: '2025-03-10T08:00',
        return: '2025-03-12T15:00',
        hotelNights: 2,
        mealsProvided: [
          { date: '2025-03-11', breakfast: false, lunch: false, dinner: true }, // 18:00 falls in the second døgn
          { date: '2025-03-12', breakfast: false, lunch: true, dinner: false }, // 12:00 falls in the 7-hour remainder
        ],
      }),
    );
    expect(result.days.map((d) => d.amountOre)).toEqual([
      97700, // 977
      48850, // 977 − 50 % of 977
      26880, // 384 − 30 % of 384
    ]);
    expect(result.totalOre).toBe(173430);
    // limits: 678; 678 − 339 = 339; 678 − 203,40 = 474,60 (the remainder counts at the hotel limit)
    expect(result.taxFreeOre).toBe(67800 + 33900 + 26880);
    expect(result.taxableOre).toBe(29900 + 14950);
  });

  it('takes all three meals to exactly zero on the paid rate, never below', () => {
    const result = calculatePerDiem(
      trip({
        return: '2025-03-10T18:00',
        mealsProvided: [{ date: '2025-03-10', breakfast: true, lunch: true, dinner: true }],
      }),
    );
    expect(result.totalOre).toBe(0); // 384 − 76,80 − 115,20 − 192,00
    expect(result.days[0]!.deductionsClamped).toBe(false);
  });

  it('clamps a day to zero when the overnight-rate reading deducts more than the day pays', () => {
    const input = trip({
      return: '2025-03-10T18:00',
      mealsProvided: [{ date: '2025-03-10', breakfast: false, lunch: true, dinner: true }],
    });
    const result = calculatePerDiem(input, { mealDeductionBasis: 'overnightRate' });
    // 2018 reading: 30 % + 50 % of 977 = 293,10 + 488,50 = 781,60 > 384 → 0
    expect(result.days[0]!.deductions.map((d) => d.amountOre)).toEqual([29310, 48850]);
    expect(result.days[0]!.deductionsClamped).toBe(true);
    expect(result.totalOre).toBe(0);
    expect(result.taxableOre).toBe(0);
    // and with lunch only: 384 − 293,10 = 90,90
    const lunchOnly = calculatePerDiem(
      trip({
        return: '2025-03-10T18:00',
        mealsProvided: [{ date: '2025-03-10', breakfast: false, lunch: true, dinner: false }],
      }),
      {
        mealDeductionBasis: 'overnightRate',
      },
    );
    expect(lunchOnly.totalOre).toBe(9090);
  });
});

describe('per diem: input the rules cannot be applied to', () => {
  it.each<[string, Partial<PerDiemInput>, string, string]>([
    [
      'a return before departure',
      { return: '2025-03-10T07:00' },
      'return',
      'perDiem.error.returnNotAfterDeparture',
    ],
    ['a trip over 28 døgn', { return: '2025-04-08T08:01' }, 'return', 'perDiem.error.tripTooLong'],
    [
      'more nights than døgn',
      { return: '2025-03-11T14:00', hotelNights: 2, unreceiptedNights: 1 },
      'unreceiptedNights',
      'perDiem.error.tooManyNights',
    ],
    [
      'a meal after the trip',
      { mealsProvided: [{ date: '2025-03-11', breakfast: true, lunch: false, dinner: false }] },
      'mealsProvided.0.date',
      'perDiem.error.mealDateOutsideTrip',
    ],
    [
      'the same date twice',
      {
        mealsProvided: [
          { date: '2025-03-10', breakfast: true, lunch: false, dinner: false },
          { date: '2025-03-10', breakfast: false, lunch: true, dinner: false },
        ],
      },
      'mealsProvided.1.date',
      'perDiem.error.mealDateDuplicate',
    ],
    [
      'a departure without a time',
      { departure: '2025-03-10' },
      'departure',
      'perDiem.error.departureInvalid',
    ],
    ['a negative night count', { hotelNights: -1 }, 'hotelNights', 'perDiem.error.nightsInvalid'],
  ])('rejects %s', (_name, overrides, field, key) => {
    const issues = issuesOf(() => calculatePerDiem(trip(overrides)));
    expect(issues).toContainEqual({ field, key });
    for (const issue of issues) expect(PER_DIEM_ERROR_KEYS).toContain(issue.key);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DAY_MS = 86_400_000;
const START_2025 = Date.UTC(2025, 0, 1);

function localMinutes(start: number, minutes: number): string {
  return new Date(start + minutes * 60_000).toISOString().slice(0, 16);
}

/** A departure between 06:00 and 20:59 (never inside the hour the clocks skip) on a day in 2025–2026. */
const departureArb = fc
  .record({
    day: fc.integer({ min: 0, max: 729 }),
    minute: fc.integer({ min: 6 * 60, max: 21 * 60 - 1 }),
  })
  .map(({ day, minute }) => START_2025 + day * DAY_MS + minute * 60_000);

const perDiemArb = fc.record({
  departure: departureArb,
  minutes: fc.integer({ min: 1, max: 27 * 24 * 60 }),
  hotelNights: fc.integer({ min: 0, max: 28 }),
  unreceiptedNights: fc.integer({ min: 0, max: 28 }),
  over15km: fc.boolean(),
  breakfast: fc.boolean(),
  lunch: fc.boolean(),
  dinner: fc.boolean(),
});

type PerDiemCase = {
  departure: number;
  minutes: number;
  hotelNights: number;
  unreceiptedNights: number;
  over15km: boolean;
  breakfast: boolean;
  lunch: boolean;
  dinner: boolean;
};

/** The result, or undefined when the generated case is not a valid trip (e.g. too many nights). */
function perDiemOf(
  c: PerDiemCase,
  basis?: 'paidRate' | 'overnightRate',
): PerDiemResult | undefined {
  const departure = localMinutes(c.departure, 0);
  try {
    return calculatePerDiem(
      {
        departure,
        return: localMinutes(c.departure, c.minutes),
        over15km: c.over15km,
        hotelNights: c.hotelNights,
        unreceiptedNights: c.unreceiptedNights,
        mealsProvided: [
          {
            date: departure.slice(0, 10),
            breakfast: c.breakfast,
            lunch: c.lunch,
            dinner: c.dinner,
          },
        ],
      },
      basis ? { mealDeductionBasis: basis } : {},
    );
  } catch (error) {
    if (error instanceof InvalidClaimInput) return undefined;
    throw error;
  }
}

describe('per diem properties', () => {
  it('never gives a negative amount, on either reading of the meal rule, and tax-free + taxable = total', () => {
    fc.assert(
      fc.property(
        perDiemArb,
        fc.constantFrom('paidRate' as const, 'overnightRate' as const),
        (c, basis) => {
          const result = perDiemOf(
            { ...c, hotelNights: c.hotelNights % 3, unreceiptedNights: c.unreceiptedNights % 3 },
            basis,
          );
          fc.pre(result !== undefined);
          expect(result.totalOre).toBeGreaterThanOrEqual(0);
          expect(result.taxFreeOre + result.taxableOre).toBe(result.totalOre);
          for (const day of result.days) {
            expect(day.amountOre).toBeGreaterThanOrEqual(0);
            expect(day.taxFreeOre + day.taxableOre).toBe(day.amountOre);
          }
        },
      ),
    );
  });

  it('is monotone in hours', () => {
    fc.assert(
      fc.property(perDiemArb, fc.integer({ min: 0, max: 3 * 24 * 60 }), (c, extra) => {
        const small = {
          ...c,
          hotelNights: c.hotelNights % 3,
          unreceiptedNights: c.unreceiptedNights % 2,
        };
        const shorter = perDiemOf(small);
        const longer = perDiemOf({
          ...small,
          minutes: Math.min(small.minutes + extra, 27 * 24 * 60),
        });
        fc.pre(shorter !== undefined && longer !== undefined);
        expect(longer.totalOre).toBeGreaterThanOrEqual(shorter.totalOre);
      }),
    );
  });
});
