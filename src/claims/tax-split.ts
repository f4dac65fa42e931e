/**
 * The split of what the company pays into a tax-free and a taxable part. Employers in Norway
 * commonly pay the state rates (særavtalen), while Skatteetaten lets only its own, lower limits be
 * paid without tax withholding; payroll needs the excess per line to withhold tax and employer's
 * contribution on it, so the split travels with every line to the claims API.
 *
 * Where a year's tax-free figure is not confirmed, the data keeps the latest confirmed value marked
 * unverified, and the results say so (`unverified`), so the UI never presents a guess as settled.
 */
import { atLeastZero, percentOf, rateTimesKm, sumOre, timesCount } from './money.js';
import { MEALS, type Meal, type TaxFreeFigureName, type YearRates } from './rates.js';

export interface TaxSplit {
  taxFreeOre: number;
  taxableOre: number;
}

/** The part of `amountOre` up to the limit is tax-free; the rest is taxable. Neither is ever negative. */
export function splitAgainstLimit(amountOre: number, limitOre: number): TaxSplit {
  const taxFreeOre = Math.min(atLeastZero(amountOre), atLeastZero(limitOre));
  return { taxFreeOre, taxableOre: atLeastZero(amountOre) - taxFreeOre };
}

export function sumSplits(splits: readonly TaxSplit[]): TaxSplit {
  return {
    taxFreeOre: sumOre(splits.map((s) => s.taxFreeOre)),
    taxableOre: sumOre(splits.map((s) => s.taxableOre)),
  };
}

/** A tax-free limit with the data figures it was computed from (for the unverified flag). */
export interface TaxFreeLimit {
  limitOre: number;
  rateOre: number;
  figures: string[];
}

export type MileageKind = 'car' | 'passenger' | 'forestRoad' | 'trailer';

const MILEAGE_FIGURE: Record<MileageKind, TaxFreeFigureName> = {
  car: 'carPerKm',
  passenger: 'passengerPerKm',
  forestRoad: 'forestRoadPerKm',
  trailer: 'trailerPerKm',
};

/**
 * Skatteetaten's per-km limit × the line's km, rounded like the line itself (once, half up), so a
 * line paid at exactly the tax-free rate comes out wholly tax-free.
 * Source: Skatteetaten, «Bil – sats for skattefri godtgjørelse (kilometergodtgjørelse)».
 */
export function mileageTaxFreeLimit(kind: MileageKind, km: number, rates: YearRates): TaxFreeLimit {
  const name = MILEAGE_FIGURE[kind];
  const rateOre = rates.taxFree[name].ore;
  return { limitOre: rateTimesKm(rateOre, km), rateOre, figures: [`taxFree.${name}`] };
}

/**
 * Which of Skatteetaten's per-diem limits a paid døgn is measured against. The limit depends on
 * where the traveller slept (hotel, other lodging) rather than on the særavtale rate paid.
 */
export type PerDiemTaxBasis =
  'day6to12' | 'dayOver12' | 'overnightHotel' | 'overnightNoCooking' | 'overnightPrivateOrCooking';

const PER_DIEM_FIGURE: Record<PerDiemTaxBasis, TaxFreeFigureName> = {
  day6to12: 'perDiemDay6to12',
  dayOver12: 'perDiemDayOver12',
  overnightHotel: 'perDiemOvernightHotel',
  overnightNoCooking: 'perDiemOvernightNoCooking',
  overnightPrivateOrCooking: 'perDiemOvernightPrivateOrCooking',
};

/**
 * The tax-free limit for one døgn: Skatteetaten's rate reduced by its own meal percentages for the
 * meals provided that døgn (regnskapshjelp.no's 2025 example: 678 − 20 % − 30 % = 339 kr), never
 * below zero. Skatteetaten compares per døgn, not per trip (dib.no on the 2019 rules: «måltidstrekk
 * og overskuddsberegning skal foretas per døgn»), which is why this takes one døgn at a time.
 */
export function perDiemTaxFreeLimit(
  basis: PerDiemTaxBasis,
  meals: ReadonlySet<Meal>,
  rates: YearRates,
): TaxFreeLimit {
  const name = PER_DIEM_FIGURE[basis];
  const rateOre = rates.taxFree[name].ore;
  const figures = [`taxFree.${name}`];
  let deductions = 0;
  for (const meal of MEALS) {
    if (!meals.has(meal)) continue;
    deductions += percentOf(rateOre, rates.taxFree.mealDeduction[meal].percent);
    figures.push(`taxFree.mealDeduction.${meal}`);
  }
  return { limitOre: atLeastZero(rateOre - deductions), rateOre, figures };
}

/**
 * Unreceipted nattillegg is tax-free up to Skatteetaten's nattillegg rate per night
 * (skattebetalingsforskriften § 5-6-12 (4), as kontohjelp.no summarises it).
 */
export function nightSupplementTaxFreeLimit(nights: number, rates: YearRates): TaxFreeLimit {
  const rateOre = rates.taxFree.nightSupplement.ore;
  return { limitOre: timesCount(rateOre, nights), rateOre, figures: ['taxFree.nightSupplement'] };
}
