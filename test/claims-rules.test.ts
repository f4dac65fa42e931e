/**
 * The Norwegian travel rules, checked against amounts worked out by hand. Next to each expected
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
import { calculateMileage, MILEAGE_ERROR_KEYS, type MileageInput } from '../src/claims/mileage.js';
import { percentOf, rateTimesKm, toHundredths } from '../src/claims/money.js';
import { calculatePerDiem } from '../src/claims/per-diem.js';
import { knownYears, ratesFor, RatesUnavailableError } from '../src/claims/rates.js';
import { splitAgainstLimit } from '../src/claims/tax-split.js';
import { issuesOf, trip } from './helpers/claim-inputs.js';

describe('rates by the date of the trip', () => {
  it('knows 2025 and 2026, each from 1 January to 31 December', () => {
    expect(knownYears()).toEqual([2025, 2026]);
    expect(ratesFor('2025-12-31').year).toBe(2025);
    expect(ratesFor('2026-01-01').year).toBe(2026);
  });

  it('refuses a date outside the known years, naming the years it knows', () => {
    expect(() => ratesFor('2024-12-31')).toThrow(RatesUnavailableError);
    expect(() => ratesFor('2027-01-01')).toThrow(/2025, 2026/);
    expect(() => calculateMileage({ date: '2024-06-01', km: 10, passengers: [] })).toThrow(
      RatesUnavailableError,
    );
    expect(() =>
      calculatePerDiem(trip({ departure: '2027-02-01T08:00', return: '2027-02-01T16:00' })),
    ).toThrow(RatesUnavailableError);
  });

  it('rejects a date that is not a real calendar date', () => {
    expect(() => ratesFor('2025-02-29')).toThrow(RangeError);
    expect(() => ratesFor('10.03.2025')).toThrow(RangeError);
  });

  it('gives every figure a source, and marks the 2026 figures nobody confirmed', () => {
    for (const year of knownYears()) {
      const rates = ratesFor(`${year}-06-01`);
      for (const group of [rates.state, rates.taxFree]) {
        for (const figure of Object.values(group)) {
          if ('source' in figure) expect(figure.source.length).toBeGreaterThan(10);
        }
      }
    }
    expect(ratesFor('2026-06-01').state.perDiemOvernight.verified).toBe(false);
    expect(ratesFor('2026-06-01').taxFree.perDiemOvernightHotel.verified).toBe(false);
    expect(ratesFor('2025-06-01').taxFree.perDiemOvernightHotel.verified).toBe(true);
  });
});

describe('money in øre', () => {
  it('multiplies a rate by km with decimals, rounding once per line half up', () => {
    expect(rateTimesKm(500, 12.5)).toBe(6250); // 12,5 × 5,00 = 62,50 exactly
    expect(rateTimesKm(530, 12.35)).toBe(6546); // 12,35 × 5,30 = 65,455 → 65,46 (half up)
    expect(rateTimesKm(530, 0.01)).toBe(5); // 0,01 × 5,30 = 0,053 → 0,05
    expect(() => rateTimesKm(500, 12.345)).toThrow(RangeError);
  });

  it('takes whole percentages of an amount', () => {
    expect(percentOf(97700, 20)).toBe(19540); // 20 % of 977 = 195,40
    expect(percentOf(101, 50)).toBe(51); // 50,5 øre → 51
  });

  it('reads km with at most two decimals despite floating-point noise', () => {
    expect(toHundredths(12.35)).toBe(1235);
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths(1.005)).toBeUndefined();
  });
});

describe('mileage', () => {
  it('pays 100 km in 2025 at 5,00 kr/km, 3,50 of it tax-free', () => {
    const result = calculateMileage({ date: '2025-05-20', km: 100, passengers: [] });
    expect(result.year).toBe(2025);
    expect(result.totalOre).toBe(50000); // 100 × 5,00 (S25) = 500,00
    expect(result.taxFreeOre).toBe(35000); // 100 × 3,50 (T25) = 350,00
    expect(result.taxableOre).toBe(15000); // 500,00 − 350,00
    expect(result.unverified).toBe(false);
  });

  it('pays 120 km in 2026 with one passenger for 80 km: 716,00 kr', () => {
    const result = calculateMileage({
      date: '2026-02-03',
      km: 120,
      passengers: [{ name: 'Kari', km: 80 }],
    });
    // 120 × 5,30 (S26, easya.no) = 636,00; 80 × 1,00 passenger supplement = 80,00
    expect(result.lines.map((l) => [l.kind, l.label, l.km, l.rateOre, l.amountOre])).toEqual([
      ['car', undefined, 120, 530, 63600],
      ['passenger', 'Kari', 80, 100, 8000],
    ]);
    expect(result.totalOre).toBe(71600);
    // T26 kept from 2025: 120 × 3,50 = 420,00 + 80 × 1,00 = 80,00 → 500,00 tax-free, 216,00 taxable
    expect(result.taxFreeOre).toBe(50000);
    expect(result.taxableOre).toBe(21600);
    expect(result.unverified).toBe(true);
    expect(result.unverifiedFigures).toEqual(
      expect.arrayContaining(['taxFree.carPerKm', 'state.passengerPerKm']),
    );
    expect(result.unverifiedFigures).not.toContain('state.carPerKm');
  });

  it('pays a short trip with decimals exactly: 12,5 km in 2025 is 62,50 kr', () => {
    expect(calculateMileage({ date: '2025-09-01', km: 12.5, passengers: [] }).totalOre).toBe(6250); // 12,5 × 5,00 (S25)
  });

  it('rounds each line once: 12,35 km in 2026 is 65,46 kr', () => {
    expect(calculateMileage({ date: '2026-09-01', km: 12.35, passengers: [] }).totalOre).toBe(6546); // 12,35 × 5,30 = 65,455 → 65,46
  });

  it('adds each passenger for their own km, and forest road and trailer supplements', () => {
    const result = calculateMileage({
      date: '2025-06-12',
      km: 100,
      passengers: [
        { name: ' Ola ', km: 100 },
        { name: 'KN', km: 40 },
      ],
      forestRoadKm: 30,
      trailerKm: 100,
    });
    // S25: car 100 × 5,00 = 500; Ola 100 × 1,00 = 100; KN 40 × 1,00 = 40; forest 30 × 1,00 = 30; trailer 100 × 1,00 = 100
    expect(result.lines.map((l) => [l.kind, l.label ?? null, l.amountOre])).toEqual([
      ['car', null, 50000],
      ['passenger', 'Ola', 10000],
      ['passenger', 'KN', 4000],
      ['forestRoad', null, 3000],
      ['trailer', null, 10000],
    ]);
    expect(result.totalOre).toBe(77000);
    // T25: only the car line exceeds its limit (5,00 vs 3,50); supplements are 1,00 both ways
    expect(result.taxableOre).toBe(15000);
    expect(result.taxFreeOre).toBe(62000);
  });

  it.each<[string, MileageInput, string, string]>([
    [
      'a passenger rode further than the trip',
      { date: '2025-05-01', km: 50, passengers: [{ name: 'Kari', km: 60 }] },
      'passengers.0.km',
      'mileage.error.passengerKmTooLong',
    ],
    ['no km', { date: '2025-05-01', km: 0, passengers: [] }, 'km', 'mileage.error.kmNotPositive'],
    [
      'implausibly many km',
      { date: '2025-05-01', km: 5000.01, passengers: [] },
      'km',
      'mileage.error.kmTooLong',
    ],
    [
      'km with three decimals',
      { date: '2025-05-01', km: 12.345, passengers: [] },
      'km',
      'mileage.error.kmTooPrecise',
    ],
    [
      'a blank passenger name',
      { date: '2025-05-01', km: 50, passengers: [{ name: '  ', km: 10 }] },
      'passengers.0.name',
      'mileage.error.passengerNameEmpty',
    ],
    [
      'a 61-character name',
      { date: '2025-05-01', km: 50, passengers: [{ name: 'x'.repeat(61), km: 10 }] },
      'passengers.0.name',
      'mileage.error.passengerNameTooLong',
    ],
    [
      'nine passengers',
      {
        date: '2025-05-01',
        km: 50,
        passengers: Array.from({ length: 9 }, (_, i) => ({ name: `P${i}`, km: 10 })),
      },
      'passengers',
      'mileage.error.tooManyPassengers',
    ],
    [
      'forest road longer than the trip',
      { date: '2025-05-01', km: 50, passengers: [], forestRoadKm: 51 },
      'forestRoadKm',
      'mileage.error.forestRoadKmTooLong',
    ],
    [
      'trailer longer than the trip',
      { date: '2025-05-01', km: 50, passengers: [], trailerKm: 50.5 },
      'trailerKm',
      'mileage.error.trailerKmTooLong',
    ],
    [
      'a date that does not exist',
      { date: '2025-02-30', km: 50, passengers: [] },
      'date',
      'mileage.error.dateInvalid',
    ],
  ])('rejects %s with a field and a message key', (_name, input, field, key) => {
    const issues = issuesOf(() => calculateMileage(input));
    expect(issues).toContainEqual({ field, key });
    for (const issue of issues) expect(MILEAGE_ERROR_KEYS).toContain(issue.key);
  });

  it('reports a malformed value from a card with the generic key', () => {
    const issues = issuesOf(() =>
      calculateMileage({ date: '2025-05-01', km: '12' as unknown as number, passengers: [] }),
    );
    expect(issues).toEqual([{ field: 'km', key: 'claim.error.invalidValue' }]);
  });
});

describe('tax split', () => {
  it('splits an amount above the limit into the limit and the excess', () => {
    expect(splitAgainstLimit(97700, 67800)).toEqual({ taxFreeOre: 67800, taxableOre: 29900 }); // 977 vs T25 678
    expect(splitAgainstLimit(38400, 67800)).toEqual({ taxFreeOre: 38400, taxableOre: 0 });
    expect(splitAgainstLimit(1000, -5)).toEqual({ taxFreeOre: 0, taxableOre: 1000 });
  });

  it('flags 2026 results whose tax-free figures are kept from 2025', () => {
    const result = calculatePerDiem(
      trip({ departure: '2026-03-10T08:00', return: '2026-03-11T08:00', hotelNights: 1 }),
    );
    expect(result.totalOre).toBe(101200); // S26 1 012
    expect(result.taxFreeOre).toBe(67800); // T26 = T25 678
    expect(result.taxableOre).toBe(33400);
    expect(result.unverifiedFigures).toEqual(
      expect.arrayContaining(['state.perDiemOvernight', 'taxFree.perDiemOvernightHotel']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DAY_MS = 86_400_000;
const START_2025 = Date.UTC(2025, 0, 1);

const dateArb = fc
  .integer({ min: 0, max: 729 })
  .map((d) => new Date(START_2025 + d * DAY_MS).toISOString().slice(0, 10));
const hundredthsKm = (max: number) => fc.integer({ min: 1, max }).map((h) => h / 100);

const mileageArb = fc.record({ date: dateArb, km: hundredthsKm(500_000) }).chain(({ date, km }) =>
  fc.record({
    date: fc.constant(date),
    km: fc.constant(km),
    passengers: fc.array(
      fc.record({
        name: fc.constantFrom('Kari', 'OJ', 'Per Olsen'),
        km: hundredthsKm(Math.round(km * 100)),
      }),
      { maxLength: 8 },
    ),
    forestRoadKm: fc.option(hundredthsKm(Math.round(km * 100)), { nil: undefined }),
    trailerKm: fc.option(hundredthsKm(Math.round(km * 100)), { nil: undefined }),
  }),
);

describe('mileage properties', () => {
  it('never gives a negative amount, and tax-free + taxable = total on every line', () => {
    fc.assert(
      fc.property(mileageArb, (input) => {
        const result = calculateMileage(input);
        expect(result.totalOre).toBeGreaterThan(0);
        expect(result.taxFreeOre + result.taxableOre).toBe(result.totalOre);
        for (const line of result.lines) {
          expect(line.amountOre).toBeGreaterThanOrEqual(0);
          expect(line.taxFreeOre).toBeGreaterThanOrEqual(0);
          expect(line.taxableOre).toBeGreaterThanOrEqual(0);
          expect(line.taxFreeOre + line.taxableOre).toBe(line.amountOre);
        }
      }),
    );
  });

  it('is monotone in km', () => {
    fc.assert(
      fc.property(mileageArb, hundredthsKm(100_000), (input, extra) => {
        const longer = { ...input, km: Math.round((input.km + extra) * 100) / 100 };
        fc.pre(longer.km <= 5000);
        expect(calculateMileage(longer).totalOre).toBeGreaterThanOrEqual(
          calculateMileage(input).totalOre,
        );
      }),
    );
  });

  it('never lowers the amount for a passenger or a supplement', () => {
    fc.assert(
      fc.property(mileageArb, (input) => {
        const withAll = calculateMileage(input).totalOre;
        if (input.passengers.length > 0) {
          expect(withAll).toBeGreaterThanOrEqual(
            calculateMileage({ ...input, passengers: input.passengers.slice(1) }).totalOre,
          );
        }
        expect(withAll).toBeGreaterThanOrEqual(
          calculateMileage({ ...input, forestRoadKm: undefined }).totalOre,
        );
        expect(withAll).toBeGreaterThanOrEqual(
          calculateMileage({ ...input, trailerKm: undefined }).totalOre,
        );
      }),
    );
  });
});
