import { describe, expect, it } from 'vitest';
import { COMPANY_FORM_SUFFIX, COMPANY_FORM_WORDS } from '../../src/text/company-forms.js';
import {
  LETTER_MAP,
  foldInPlace,
  foldSpelling,
  lowerKeepingLetters,
  normaliseTypography,
} from '../../src/text/fold.js';

describe('foldInPlace', () => {
  it('lower-cases and drops diacritics, æ/ø/å included, one letter for one', () => {
    expect(foldInPlace('Måndag på Kjøkkenet, Lærdal')).toBe('mandag pa kjokkenet, lardal');
    expect(foldInPlace('Café Düsseldorf Straße')).toBe('cafe dusseldorf strase');
  });

  it('keeps positions: the folded text is as long as the original', () => {
    for (const text of ['Bastø Fosen', 'İstanbul kebab', 'kaffe ☕ 45 kr', 'ÆØÅ æøå']) {
      expect(foldInPlace(text)).toHaveLength(text.length);
    }
  });

  it('maps every letter of the one letter map to a single plain letter', () => {
    for (const [letter, plain] of Object.entries(LETTER_MAP)) {
      expect(plain).toMatch(/^[a-z]$/);
      expect(foldInPlace(letter)).toBe(plain);
    }
  });
});

describe('foldSpelling', () => {
  it('spells the Norwegian letters as a keyboard without them does', () => {
    expect(foldSpelling('Bøkeskogen Café')).toBe('bokeskogen cafe');
    expect(foldSpelling('Lærdal Kjøring på Åsen')).toBe('laerdal kjoring pa asen');
    expect(foldSpelling('Straße')).toBe('strasse');
  });
});

describe('lowerKeepingLetters', () => {
  it('keeps æ/ø/å and accents, and makes runs of whitespace one space', () => {
    expect(lowerKeepingLetters('Ny  Kjøring\tI DAG')).toBe('ny kjøring i dag');
  });
});

describe('normaliseTypography', () => {
  it('makes typographic spaces and dashes plain', () => {
    expect(normaliseTypography('1\u00A0234,\u2013')).toBe('1 234,-');
  });
});

describe('company forms', () => {
  it('finds a company form as a word, not inside one', () => {
    expect(COMPANY_FORM_SUFFIX.test('Uno-X Norge AS')).toBe(true);
    expect(COMPANY_FORM_SUFFIX.test('Kedai Maju Sdn. Bhd.')).toBe(true);
    expect(COMPANY_FORM_SUFFIX.test('Asker Kebab')).toBe(false);
    expect(COMPANY_FORM_WORDS.has('asa')).toBe(true);
    expect(COMPANY_FORM_WORDS.has('norge')).toBe(false);
  });
});
