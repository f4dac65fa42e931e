import { describe, expect, it } from 'vitest';
import { ctx, run, say } from './helpers/engine-driver.js';

describe('with two drafts waiting, the purpose and a correction go to the one asked about last', () => {
  it('a trip typed after a taxi: its purpose is the trip’s, then the taxi’s is asked for still', () => {
    const { state } = run([
      say('taxi 250 kr i går'),
      say('kjørte 40 km fra Oslo til Ski i dag'),
      say('kundemøte hos Equinor'),
    ]);
    expect(state.mileage?.fields.purpose).toBe('kundemøte hos Equinor');
    expect(state.mileage?.step).toBe('review');
    expect(state.outlay?.fields.purpose).toBe('');
  });

  it('"no, it was 50 km" corrects the trip the bot just asked about, in English', () => {
    const { state } = run(
      [say('parking 120 kr yesterday'), say('drove 40 km to Asker today'), say('no, it was 50 km')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(state.mileage?.fields.km).toBe('50');
    expect(state.outlay?.fields.amount).toBe('120');
  });

  it('once the trip has its purpose, the next one answers the outlay still waiting (nynorsk)', () => {
    const { state } = run(
      [
        say('ferje 120 kr i går'),
        say('køyrde 30 km frå Bergen til Voss i dag'),
        say('kundemøte'),
        say('kurs på Voss'),
      ],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(state.mileage?.fields.purpose).toBe('kundemøte');
    expect(state.outlay?.fields.purpose).toBe('kurs på Voss');
  });
});
