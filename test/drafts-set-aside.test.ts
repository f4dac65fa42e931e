import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { cards, ctx, run, say, texts } from './helpers/engine-driver.js';
import type { TurnResult } from '../src/conversation/types.js';

const shown = (r: TurnResult) => [...texts(r), ...cards(r).map((c) => c.template)].join(' | ');

describe('typed cancel, file and undo act on the draft in progress, whatever its kind', () => {
  it('"avbryt" cancels an open travel form, and "angre" brings it back', () => {
    const { state, results } = run([
      say('skal føre reiseregning for samlingen i Bodø 12.–14. mars'),
      say('avbryt'),
      say('angre'),
    ]);
    expect(texts(results[1] as TurnResult).join(' ')).toMatch(/Avbrutt/);
    expect(shown(results[2] as TurnResult)).toMatch(/travel-form/);
    expect(state.travel?.fields.destination).toBe('Bodø');
  });

  it('"angre" after a cancelled mileage claim brings the mileage claim back, in nynorsk', () => {
    const { state, results } = run(
      [say('køyrde 48 km til Gol i går'), say('avbryt'), say('angre')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(shown(results[2] as TurnResult)).toMatch(/mileage-form/);
    expect(state.mileage?.fields.km).toBe('48');
  });

  it('undo brings back the draft cancelled last, not an older outlay', () => {
    const { state, results } = run(
      [
        say('parking 120 kr yesterday'),
        say('cancel'),
        say('drove 30 km to Asker today'),
        say('cancel'),
        say('undo'),
      ],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(shown(results[4] as TurnResult)).toMatch(/mileage-form/);
    expect(state.mileage?.fields.km).toBe('30');
    expect(state.outlay).toBeUndefined();
  });

  it('"send inn" files a reviewed mileage claim, and says so when there is nothing to file', () => {
    const { results } = run([
      say('send inn'),
      say('kjørte 40 km fra Oslo til Ski i går'),
      say('kundemøte'),
      say('send inn'),
    ]);
    expect(texts(results[0] as TurnResult)).toContain('Det er ingenting å sende inn.');
    expect((results[3] as TurnResult).effects).toContainEqual(
      expect.objectContaining({ type: 'fileClaim' }),
    );
  });
});

describe('a new mileage or travel claim puts the unsent one aside instead of losing it', () => {
  it('a second trip typed puts the first aside, and "angre" swaps them back', () => {
    const { state, results } = run([
      say('kjørte 40 km fra Oslo til Ski i går'),
      say('kjørte 25 km til Asker i dag'),
      say('angre'),
    ]);
    expect(texts(results[1] as TurnResult).join(' ')).toMatch(/lagt til side.*«angre»/);
    expect(state.mileage?.fields.km).toBe('40');
    expect(state.setAsideMileage?.fields.km).toBe('25');
  });

  it('a second travel claim in English puts the first aside', () => {
    const { state, results } = run(
      [
        say('I need a travel claim for the Bergen seminar 3-4 February'),
        say('new travel claim'),
        say('undo'),
      ],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(texts(results[1] as TurnResult).join(' ')).toMatch(/put aside: write "undo"/);
    expect(state.travel?.fields.destination).toBe('Bergen');
  });
});

describe('a typed cancel acts on the draft it names, else on the one asked about last', () => {
  it('"avbryt" after a trip typed beside a taxi outlay cancels the trip, the taxi stays', () => {
    const { state } = run([
      say('taxi 250 kr i går'),
      say('kjørte 40 km fra Oslo til Ski i dag'),
      say('avbryt'),
    ]);
    expect(state.mileage).toBeUndefined();
    expect(state.outlay?.fields.amount).toBe('250');
  });

  it('"avbryt køyringa" cancels the mileage claim although an outlay was typed after it (nynorsk)', () => {
    const { state } = run(
      [say('køyrde 30 km til Voss i dag'), say('drosje 120 kr i dag'), say('avbryt køyringa')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(state.mileage).toBeUndefined();
    expect(state.outlay?.fields.amount).toBe('120');
  });
});

describe('the draft a cancel names', () => {
  it.each([
    ['avbryt kjøringen', 'mileage'],
    ['slett reisen', 'travel'],
    ['forkast reiserekninga', 'travel'],
    ['cancel the mileage claim', 'mileage'],
    ['nei, avbryt utlegget', 'outlay'],
    ['avbryt', undefined],
  ])('"%s" → %s', (text, draft) => {
    expect(parseCommand(text)).toEqual(draft ? { name: 'cancel', draft } : { name: 'cancel' });
  });
});
