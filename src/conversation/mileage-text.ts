/**
 * Reads a trip from free text: "kjørte 120 km til Drammen i går med Kari", "drove 45 km from Oslo
 * to Asker yesterday with KN". Only text with a distance in km and a driving word counts, so
 * "ferje 450 kr" or a question about mileage is left to the other readers.
 */
import { parseDate } from './free-text.js';

export interface MileageGuess {
  km: number;
  from?: string;
  to?: string;
  date?: string;
  passengers: string[];
}

const DRIVING =
  /\b(kjørte|kjørt|kjøre|kjøring|køyrde|køyrt|køyre|køyring|drove|driven|drive|drove|mileage|kjøregodtgjørelse|køyregodtgjersle|bilkjøring|tur)\b/iu;
const KM = /(\d{1,4}(?:[.,]\d{1,2})?)\s?km\b/iu;
// A place: one or more capitalised words ("Drammen", "Oslo S", "Nye Veier").
const PLACE = String.raw`(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*)`;
const TO = new RegExp(String.raw`\b(?:til|to)\s+${PLACE}`, 'u');
const FROM = new RegExp(String.raw`\b(?:fra|frå|from)\s+${PLACE}`, 'u');
const WITH = new RegExp(
  String.raw`\b(?:med|with)\s+((?:\p{Lu}[\p{L}.'-]*)(?:\s*(?:,|og|and|&)\s*\p{Lu}[\p{L}.'-]*)*)`,
  'u',
);

export function parseMileageText(text: string, today: string): MileageGuess | undefined {
  if (text.trim().endsWith('?') || !DRIVING.test(text)) return undefined;
  const km = KM.exec(text);
  if (!km?.[1]) return undefined;
  const value = Number(km[1].replace(',', '.'));
  if (!(value > 0)) return undefined;
  const guess: MileageGuess = { km: value, passengers: [] };
  const to = TO.exec(text)?.[1];
  const from = FROM.exec(text)?.[1];
  if (to) guess.to = to;
  if (from) guess.from = from;
  const withNames = WITH.exec(text)?.[1];
  if (withNames)
    guess.passengers = withNames.split(/\s*(?:,|\bog\b|\band\b|&)\s*/u).filter(Boolean);
  // Try the date phrases one at a time so a place name is not read as a date.
  for (const phrase of text.split(/\s+(?=i |på |on |last |yesterday|today|\d)/u)) {
    const date = parseDate(
      phrase
        .replace(KM, '')
        .replace(/\b(?:til|to|fra|frå|from|med|with)\b.*$/u, '')
        .trim(),
      today,
    );
    if (date) {
      guess.date = date;
      break;
    }
  }
  return guess;
}
