/**
 * The thirteenth round (after eval/chat-own/cases-12 was measured): an outlay stated and then asked
 * about ("…, can I get that refunded?"), "når blir den utbetalt?" after filing, passengers after
 * "two colleagues,", a travel claim asked for with "sette opp" or "start", wishes after a greeting,
 * a clock time that is no date, and short trips listed and added up. The project's own sentences,
 * in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../src/understanding/understand.js';

const fresh = { today: '2026-12-06' };

describe('an outlay stated, then asked about', () => {
  it.each([
    ['I paid 64 NOK for parking at the clinic today, can I get it reimbursed?', 'parking', 6400],
    ['betalte 52 kr for bussen i går, kan eg få det dekka?', 'transport', 5200],
  ])('"%s" starts the outlay', (text, kind, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({
      intent: 'newOutlay',
      outlay: { kind, amountMinor },
    });
  });

  it('without an amount it stays a question for the guide', () => {
    expect(understand('can I get a taxi to the airport reimbursed?', fresh).intent).toBe('help');
  });
});

describe('claims questions', () => {
  it.each([['når blir den utbetalt?'], ['when will it be paid?'], ['kva tid vert den betalt ut?']])(
    '"%s" asks about the claim just filed',
    (text) => {
      expect(understand(text, fresh).intent).toBe('claimsQuestion');
    },
  );

  it('a claim "stuck in approval" is a claims question; being stuck in a form is help', () => {
    expect(understand('is any claim of mine stuck in review?', fresh).intent).toBe(
      'claimsQuestion',
    );
    expect(understand("I'm stuck on the travel form", fresh).intent).toBe('help');
  });
});

describe('passengers, travel requests and greetings', () => {
  it('"with two colleagues, Ahmed and Lise" are two passengers', () => {
    expect(
      understand('drove 56 km to Moss with three colleagues: Ida, Jon and Sara', fresh),
    ).toMatchObject({
      intent: 'newMileage',
      trip: { passengers: [{ name: 'Ida' }, { name: 'Jon' }, { name: 'Sara' }] },
    });
  });

  it.each([
    ['kan du sette opp ei reiserekning for Molde 1.–2. desember?', 'Molde'],
    ['can you start a travel claim for the Aarhus workshop, 24–26 November?', 'Aarhus'],
  ])('"%s" opens the travel form', (text, destination) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newTravel', travel: { destination } });
  });

  it.each([['god morgen, og god fredag!'], ['hei, og god onsdag']])(
    '"%s" is a greeting',
    (text) => {
      expect(understand(text, fresh)).toMatchObject({
        intent: 'command',
        command: { name: 'greeting' },
      });
    },
  );
});

describe('times and distances', () => {
  it('a clock time is no date', () => {
    expect(
      understand('reiseregning Bergen–Oslo: dro 2.12 kl. 06.15, hjem 4.12 kl. 21.30', fresh),
    ).toMatchObject({
      intent: 'newTravel',
      travel: { departureDate: '2026-12-02', returnDate: '2026-12-04' },
    });
  });

  it.each([
    ['kjørte fire pasientbesøk i dag: 6, 9, 11 og 4 km', 30],
    ['drove 12 + 7 km between sites today', 19],
    ['kjørte 7,5 og 3 km i dag', 10.5],
  ])('"%s" adds up to %s km', (text, km) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newMileage', trip: { km } });
  });

  it('a date before the distance is not one of the trips', () => {
    expect(understand('kjørte til kunden torsdag 3.12, 28 km hver vei', fresh)).toMatchObject({
      trip: { km: 56, date: '2026-12-03' },
    });
  });
});
