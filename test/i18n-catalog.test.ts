import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../src/i18n/catalog-en.js';
import { nb } from '../src/i18n/catalog-nb.js';
import { nn } from '../src/i18n/catalog-nn.js';

const catalogs = { en, nb, nn } as const;
const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(['nb', 'nn'] as const)(
    '%s has every message, with the same placeholders as English',
    (lang) => {
      expect(Object.keys(catalogs[lang]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(catalogs[lang][key].trim(), key).not.toBe('');
        expect(placeholders(catalogs[lang][key]), key).toEqual(placeholders(en[key]));
      }
    },
  );

  it('the meals-per-date messages are written in each language, not copied from English', () => {
    const mealKeys = keys.filter((k) =>
      /^travel\.(field\.(mealsHint|\w+Days)|placeholder\.mealDays|error\.(mealDate|tooManyMeals)|mealsPlaced|line\.deduction\.)/.test(
        k,
      ),
    );
    expect(mealKeys).toHaveLength(14);
    for (const key of mealKeys) {
      expect(nb[key], key).not.toBe(en[key]);
      expect(nn[key], key).not.toBe(en[key]);
    }
    // Nynorsk is its own language, not bokmål with the name changed.
    expect(mealKeys.filter((k) => nn[k] !== nb[k]).length).toBeGreaterThanOrEqual(10);
  });
});
