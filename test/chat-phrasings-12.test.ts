/**
 * The twelfth round (after eval/chat-own/cases-11 was measured): "ho kosta 287" as the answer to
 * "how much?", "ja takk, send inn", a travel claim asked for as a request ("kan du lage …?"), "er
 * du der?", praise and a thumbs up, legs of a trip added up, and a trip's destination after a dash.
 * The project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';
import { run, say } from './helpers/engine-driver.js';

const fresh = { today: '2026-12-06' };

describe('answers and filing in a few more words', () => {
  it.each([
    ['ho kosta 164', 16400],
    ['han var på 99', 9900],
    ['hun kostet 230', 23000],
  ])('"%s" answers "how much?"', (text, amountMinor) => {
    expect(understand(text, { ...fresh, draft: 'outlay', missing: 'amount' })).toMatchObject({
      intent: 'correct',
      fix: { amountMinor },
    });
  });

  it.each([['ja takk, send inn'], ['yes please, submit it'], ['takk, send den']])(
    '"%s" files',
    (text) => {
      expect(parseCommand(text)?.name).toBe('file');
    },
  );

  it('a whole nynorsk flow ends filed', () => {
    const { results } = run([
      say('drosje på torsdag'),
      say('ho kosta 212'),
      say('kundemøte i Førde'),
      say('ja takk, send inn'),
    ]);
    expect(results.at(-1)?.effects.some((e) => e.type === 'fileClaim')).toBe(true);
  });
});

describe('a travel claim asked for as a request', () => {
  it.each([
    ['kan du lage ei reiserekning for Tromsø 1.–3. desember?', 'Tromsø'],
    ['could you create a travel claim for Stockholm Nov 30 – Dec 2?', 'Stockholm'],
  ])('"%s" opens the travel form', (text, destination) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newTravel', travel: { destination } });
  });

  it('asked how, it is for the guide', () => {
    expect(understand('hvordan lager jeg en reiseregning for Tromsø?', fresh).intent).toBe('help');
  });
});

describe('small talk', () => {
  it.each([['hallo, er du der?'], ['you there?'], ['lovely, cheers 👍'], ['👍'], ['🙏']])(
    '"%s" is small talk',
    (text) => {
      expect(understand(text, fresh).intent).toBe('command');
    },
  );

  it('a thumbs down is not a thank-you', () => {
    expect(understand('👎', fresh).intent).toBe('help');
  });
});

describe('legs of a trip and a destination after a dash', () => {
  it.each([
    ['kjørte Hamar–Elverum 32 km og videre til Rena 35 km i går', 67],
    ['drove 18 km to the depot, then on to Moss 24 km', 42],
  ])('"%s" adds up to %i km', (text, km) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { km } });
  });

  it('"40 km, then 2 km" without a leg word between stays one distance', () => {
    expect(understand('kjørte 40 km, parkerte 2 km unna', fresh)).toMatchObject({
      trip: { km: 40 },
    });
  });

  it('"reiseregning: Trondheim–Bodø, …" goes to Bodø', () => {
    expect(understand('reiseregning: Trondheim–Bodø 1.–3. desember', fresh)).toMatchObject({
      intent: 'newTravel',
      travel: { destination: 'Bodø' },
    });
  });
});
