import { describe, expect, it } from 'vitest';
import { ctx, run, say } from './helpers/engine-driver.js';

describe('a passenger mentioned after the trip joins it, and is never taken as the purpose', () => {
  it('"Kari var med også" adds Kari for the whole trip, and the purpose is still asked for', () => {
    const { state } = run([say('kjørte 40 km fra Oslo til Ski i går'), say('Kari var med også')]);
    expect(state.mileage?.passengers).toEqual([{ name: 'Kari', km: 40 }]);
    expect(state.mileage?.fields.purpose).toBe('');
  });

  it('"forgot to say Jonas came along" in English, then the purpose', () => {
    const { state } = run(
      [
        say('drove 30 km from Oslo to Asker today'),
        say('forgot to say Jonas came along'),
        say('site visit'),
      ],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(state.mileage?.passengers).toEqual([{ name: 'Jonas', km: 30 }]);
    expect(state.mileage?.fields.purpose).toBe('site visit');
  });

  it('a passenger with their own km in nynorsk, and no one added twice', () => {
    const { state } = run(
      [
        say('køyrde 60 km til Voss med Per i dag'),
        say('Siri var med dei siste 20 km'),
        say('Per var med'),
      ],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(state.mileage?.passengers).toEqual([
      { name: 'Per', km: 60 },
      { name: 'Siri', km: 20 },
    ]);
    expect(state.mileage?.fields.km).toBe('60');
  });

  it('"kundemøte med Kari" is still the purpose: a bare "med" says no one rode along', () => {
    const { state } = run([say('kjørte 40 km fra Oslo til Ski i dag'), say('kundemøte med Kari')]);
    expect(state.mileage?.fields.purpose).toBe('kundemøte med Kari');
    expect(state.mileage?.passengers).toEqual([]);
  });
});
