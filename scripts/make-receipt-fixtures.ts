/**
 * Makes the receipt photos in test/fixtures/receipts from text written for the tests, so no
 * evaluation image (sroie-dev, de, nor-dev) is in test/:
 *
 *   npx tsx scripts/make-receipt-fixtures.ts [OUTDIR]
 *
 * Each slip is drawn with @napi-rs/canvas in DejaVu Sans Mono and photographed through sharp
 * (turned on a table, blurred, shadowed, noisy, JPEG), every random choice from a fixed seed. The
 * JPEGs are committed; run this again only when a slip's text or the camera changes. The shops
 * and people are made up; the organisation numbers are invented but pass the MOD11 check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  photograph,
  renderPicture,
  renderSlip,
  type Camera,
  type SlipLine,
} from './lib/receipt-photo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const gap: SlipLine = { centre: '' };
const head = (text: string): SlipLine => ({ centre: text, size: 1.5, bold: true });
const row = (left: string, right?: string): SlipLine => (right ? { left, right } : { left });

/** The foot of a Norwegian slip: a rule, the total in bold, the VAT, how it was paid, a goodbye. */
function paid(
  label: string,
  total: string,
  vat: [string, string],
  payment: string,
  goodbye: string,
): SlipLine[] {
  return [
    row('--------------------------------------------'),
    { left: label, right: total, bold: true },
    row(...vat),
    row(payment),
    gap,
    { centre: goodbye },
  ];
}

/** A fuel station in Hamar: litres × price, a coffee, 25 % VAT, paid with BankAxept. */
const FUEL: SlipLine[] = [
  head('Circle K Hamar'),
  { centre: 'Vangsvegen 73, 2317 Hamar' },
  { centre: 'Org.nr. 932 181 347 MVA' },
  { centre: 'Tlf 62 51 20 00' },
  gap,
  { centre: 'KVITTERING' },
  row('Dato: 17.03.2026', 'Kl. 14:22'),
  row('Pumpe 4 Diesel'),
  row('  44,62 l x 21,49', '958,88'),
  row('Kaffe stor', '39,00'),
  row('--------------------------------------------'),
  { left: 'TOTALT NOK', right: '997,88', bold: true },
  row('BankAxept', '997,88'),
  gap,
  row('MVA 25 %', '199,58'),
  row('Netto', '798,30'),
  gap,
  { centre: 'Takk for handelen!' },
];

/** A taxi from the airport: «Å betale», 12 % VAT, a two-digit year. */
const TAXI: SlipLine[] = [
  head('Trønder Taxi AS'),
  { centre: 'Org.nr 987 654 325 MVA' },
  { centre: 'Løyve 1402   Sjåfør 5521' },
  gap,
  { centre: 'KVITTERING' },
  row('Dato 14.10.26', '08:47'),
  row('Fra: Værnes lufthavn'),
  row('Til: Prinsens gate 1, Trondheim'),
  row('Tur km', '34,2'),
  ...paid('Å betale kr', '742,50', ['herav mva 12 %', '79,55'], 'Betalt med Visa', 'God tur!'),
];

/** A car park ticket: in and out the same day, 25 % VAT. */
const PARKING: SlipLine[] = [
  head('Aimo Park'),
  { centre: 'Org.nr 975 312 461 MVA' },
  gap,
  { centre: 'PARKERINGSKVITTERING' },
  row('Område 3120 Bryggen P-hus'),
  row('Inn  09.01.2026', '08:10'),
  row('Ut   09.01.2026', '16:40'),
  row('Parkeringstid', '8 t 30 min'),
  ...paid(
    'Beløp kr',
    '185,00',
    ['herav mva 25 %', '37,00'],
    'Betalt Mastercard',
    'Velkommen tilbake',
  ),
];

/** A German pharmacy in euro: «SUMME», cash and change, 19 % MwSt. */
const PHARMACY: SlipLine[] = [
  head('Löwen-Apotheke'),
  { centre: 'Dr. Anna Weber e.K.' },
  { centre: 'Marktplatz 3' },
  { centre: '79098 Freiburg' },
  { centre: 'Tel. 0761 204 118' },
  gap,
  row('Ibuprofen 400 20 St.', '12,95 A'),
  row('Nasenspray 10 ml', '6,49 A'),
  row('--------------------------------------------'),
  { left: 'SUMME EUR', right: '19,44', bold: true },
  row('Bar', '20,00'),
  row('Rückgeld', '0,56'),
  gap,
  row('A = MwSt 19%  Netto 16,34', '3,10'),
  row('03.11.2025 10:42', 'Bon 4711'),
  gap,
  { centre: 'Gute Besserung!' },
];

/** A Malaysian-style minimarket tax invoice: ringgit, 6 % GST, cash and change. */
const SUPERMARKET: SlipLine[] = [
  { centre: 'SRI MAJU MINI MARKET SDN BHD', size: 1.15, bold: true },
  { centre: '(1234567-K)' },
  { centre: 'NO 12, JALAN MERANTI 3,' },
  { centre: 'TAMAN BUKIT INDAH, 81200 JOHOR' },
  { centre: 'GST ID : 001234567890' },
  gap,
  { centre: 'TAX INVOICE' },
  row('DATE: 12/05/2018', 'TIME: 19:05'),
  row('MILO 1KG', '21.90 SR'),
  row('GARDENIA BREAD', '3.80 SR'),
  row('EGGS GRADE A 10S', '5.20 SR'),
  row('MINERAL WATER 1.5L', '2.10 SR'),
  row('--------------------------------------------'),
  { left: 'TOTAL INCL. GST 6%', right: '33.00', bold: true },
  row('CASH', '50.00'),
  row('CHANGE', '17.00'),
  gap,
  row('GST SUMMARY   AMOUNT(RM)', 'TAX(RM)'),
  row('SR @ 6%       31.13', '1.87'),
  gap,
  { centre: 'THANK YOU. PLEASE COME AGAIN' },
];

const camera = (seed: number, more: Partial<Camera> = {}): Camera => ({
  seed,
  degrees: 2,
  blur: 0.7,
  shadow: 0.3,
  noise: 28,
  quality: 72,
  ...more,
});

export const FIXTURES: Array<{ file: string; image: () => Buffer; camera: Camera }> = [
  {
    file: 'fuel-no.jpg',
    image: () => renderSlip(FUEL),
    camera: camera(11, { degrees: 1.6, blur: 0.6 }),
  },
  { file: 'taxi-no.jpg', image: () => renderSlip(TAXI), camera: camera(12, { degrees: -1.8 }) },
  {
    file: 'parking-no.jpg',
    image: () => renderSlip(PARKING),
    camera: camera(13, { degrees: 1.2, shadow: 0.4 }),
  },
  {
    file: 'pharmacy-de.jpg',
    image: () => renderSlip(PHARMACY),
    camera: camera(14, { degrees: -2.8, blur: 0.9 }),
  },
  {
    file: 'supermarket-my.jpg',
    image: () => renderSlip(SUPERMARKET),
    camera: camera(15, { degrees: 0.8, shadow: 0.2 }),
  },
  {
    file: 'not-a-receipt.jpg',
    image: () => renderPicture(16),
    camera: camera(16, { degrees: 0, blur: 0.5 }),
  },
];

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(ROOT, 'test/fixtures/receipts');
  mkdirSync(out, { recursive: true });
  for (const { file, image, camera: cam } of FIXTURES) {
    const jpeg = await photograph(image(), cam);
    writeFileSync(path.join(out, file), jpeg);
    console.log(`${file}  ${jpeg.length} bytes`);
  }
}

await main();
