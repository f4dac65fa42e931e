/**
 * The fourteenth round (after eval/chat-own/cases-13 was measured): "send inn kravet" and "send inn,
 * takk", how one's claims stand, "what is the status now?" after filing, the passenger rate asked
 * as a colleague in the car, a capitalised name that is also a short weekday, a count of anything
 * before a price per piece, and an outlay closed by "is that something I can claim?". The project's
 * own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/understanding/commands.js';
import { understand } from '../src/understanding/understand.js';

const fresh = { today: '2026-12-06' };

describe('filing', () => {
  it.each([['send inn utlegget'], ['lever inn kravet no'], ['submit, thanks'], ['send den, takk']])(
    '"%s" files',
    (text) => {
      expect(parseCommand(text)?.name).toBe('file');
    },
  );
});

describe('claims questions', () => {
  it.each([['korleis ligg det an med krava mine?'], ['how do things stand with my expenses?']])(
    '"%s" asks the status of one\'s claims',
    (text) => {
      expect(understand(text, fresh)).toMatchObject({ intent: 'claimsQuestion' });
    },
  );

  it.each([['hva er status nå?'], ["what's the status?"]])('"%s" right after filing', (text) => {
    expect(understand(text, fresh).intent).toBe('claimsQuestion');
  });
});

describe('the passenger rate asked as a person in the car', () => {
  it.each([
    ['kor mykje får eg per km om eg tek med ein kollega?'],
    ['what do I get per km for taking a colleague along?'],
  ])('"%s"', (text) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'ratesQuestion',
      rates: { rate: 'passenger' },
    });
  });
});

describe('names, counts and statements closed by a question', () => {
  it('"Tor" among names is a passenger, not Thursday', () => {
    expect(understand('kjørte 30 km til Ski i dag med Tor og Linn', fresh)).toMatchObject({
      trip: { passengers: [{ name: 'Tor' }, { name: 'Linn' }] },
    });
  });

  it.each([
    ['kaffe til 12 deltakere på kurset, 35 kr stykket', 42000],
    ['bought sandwiches for 8 volunteers today, 69 NOK each', 55200],
  ])('"%s" is the whole bill', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });

  it.each([
    ['paid 120 NOK for parking at the client yesterday, is that something I can claim?', 12000],
    ['ferje 88 kr i dag, kan eg føre den?', 8800],
  ])('"%s" starts the outlay', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });
});
