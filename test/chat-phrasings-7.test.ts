/**
 * The seventh round: a weekday of last week ("tirsdag i forrige uke"), lists whose amounts end in
 * ",-" or carry decimals, the supplements of a trip (forest or construction road, trailer) said
 * with the trip or afterwards, and a passenger's km told after a pronoun or "joined". The
 * project's own sentences, in bokmål, nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { ctx, run, say } from './helpers/engine-driver.js';

// A Sunday: this week began on Monday 30 November, the week before on Monday 23 November.
const fresh = { today: '2026-12-06' };
const tripOf = (u: Understanding) => (u.intent === 'newMileage' ? u.trip : undefined);

describe('a weekday of last week', () => {
  it.each([
    ['parkering 80 kr tirsdag i forrige uke', '2026-11-24'],
    ['taxi 200 kr on Tuesday last week', '2026-11-24'],
    ['bom 45 kr førre veke fredag', '2026-11-27'],
    ['lunsj 180 kr mandag forrige uke', '2026-11-23'],
  ])('"%s" is dated %s', (text, date) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { date } });
  });

  it('"last Tuesday" and "sist fredag" are still the most recent such day', () => {
    expect(understand('parkering 80 kr last Tuesday', fresh)).toMatchObject({
      outlay: { date: '2026-12-01' },
    });
    expect(understand('taxi 120 kr sist fredag', fresh)).toMatchObject({
      outlay: { date: '2026-12-04' },
    });
  });
});

describe('lists with amounts written ",-" or with decimals', () => {
  it.each([
    ['Taxi 289,- og hotell 1 190,- i går', [28900, 119000]],
    ['taxi 289,-, hotell 1190,-', [28900, 119000]],
    ['parkering 49,90 og bom 32,50 i går', [4990, 3250]],
    ['ferje 87 kr,parkering 60 kr', [8700, 6000]],
  ])('"%s" is one line per expense', (text, amounts) => {
    const u = understand(text, fresh);
    expect(u.intent).toBe('newOutlays');
    if (u.intent === 'newOutlays') expect(u.outlays.map((o) => o.amountMinor)).toEqual(amounts);
  });

  it('one amount with decimals is still one outlay', () => {
    expect(understand('taxi 249,50 i går', fresh)).toMatchObject({
      intent: 'newOutlay',
      outlay: { amountMinor: 24950 },
    });
  });
});

describe('supplements said with the trip', () => {
  it.each([
    ['kjørte 45 km til Hamar, 6 km av det var anleggsvei', { km: 45, forestRoadKm: 6 }],
    [
      'drove 120 km to Lillehammer, the last 12 km on a logging road',
      { km: 120, forestRoadKm: 12 },
    ],
    ['køyrde 80 km, 10 av dei på skogsbilveg', { km: 80, forestRoadKm: 10 }],
    ['kjørte 2 x 48 km Oslo-Hamar med tilhenger', { km: 96, trailerKm: 96 }],
    ['kjørte 60 km til hytta med tilhenger', { km: 60, trailerKm: 60 }],
    ['drove 130 km to Gjøvik, trailer for the last 20 km', { km: 130, trailerKm: 20 }],
  ])('"%s" reads %o', (text, expected) => {
    expect(tripOf(understand(text, fresh))).toMatchObject(expected);
  });

  it('a trip without a supplement word has none', () => {
    const trip = tripOf(understand('kjørte 45 km til Hamar, 6 km var i kø', fresh));
    expect(trip?.km).toBe(45);
    expect(trip?.forestRoadKm).toBeUndefined();
    expect(trip?.trailerKm).toBeUndefined();
  });

  it('the supplement reaches the form, and the trip is paid for it', () => {
    const { state } = run([
      say('kjørte 45 km fra Oslo til Hamar i går, 6 km av det var anleggsvei'),
    ]);
    expect(state.mileage?.fields).toMatchObject({ km: '45', forestRoadKm: '6', trailerKm: '' });
  });
});

describe('supplements and passengers said after the trip', () => {
  it('"12 km av det var skogsbilvei" sets the forest road km, and the purpose is still asked', () => {
    const { state } = run([
      say('kjørte 40 km fra Oslo til Ski i går'),
      say('12 km av det var skogsbilvei'),
    ]);
    expect(state.mileage?.fields).toMatchObject({ km: '40', forestRoadKm: '12', purpose: '' });
  });

  it('"og med tilhenger" puts a trailer on the whole trip, in nynorsk', () => {
    const { state } = run(
      [say('køyrde 55 km frå Voss til Dale i dag'), say('og med tilhengar')],
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(state.mileage?.fields.trailerKm).toBe('55');
  });

  it('a purpose that names a trailer is still the purpose', () => {
    const { state } = run([
      say('kjørte 40 km fra Oslo til Ski i går'),
      say('hente den nye tilhengeren hos leverandøren'),
    ]);
    expect(state.mileage?.fields.purpose).toBe('hente den nye tilhengeren hos leverandøren');
    expect(state.mileage?.fields.trailerKm).toBe('');
  });

  it.each([
    ['kjørte 45 km med Kari, hun satt på de siste 20 km', 'Kari', 20],
    ['drove 80 km to Moss, Tom joined for the last 25 km', 'Tom', 25],
  ])('"%s": %s rode %d km', (text, name, km) => {
    expect(tripOf(understand(text, fresh))?.passengers).toEqual([{ name, km }]);
  });

  it('"Tom joined for the last 25 km" after the trip adds Tom with his km', () => {
    const { state } = run(
      [say('drove 80 km from Oslo to Moss today'), say('Tom joined for the last 25 km')],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(state.mileage?.passengers).toEqual([{ name: 'Tom', km: 25 }]);
  });
});

describe('counted items and dashes between places', () => {
  it.each([
    ['bompenger 3 passeringer à 27 kr', 8100],
    ['4 kaffe @ 35 kr i dag', 14000],
    ['took 2 colleagues to a 450 kr dinner', 45000],
  ])('"%s" comes to %d øre', (text, amountMinor) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newOutlay', outlay: { amountMinor } });
  });

  it('a route written with a dash is no merchant', () => {
    const u = understand('SAS-billett Oslo-Tromsø 1 845 kr 3. des', fresh);
    expect(u.intent === 'newOutlay' && u.outlay.merchant).toBeFalsy();
  });
});

describe('trips: "the" before a place, a colleague driven, words that are no place', () => {
  it('"to the Sandvika office and back" goes to Sandvika', () => {
    expect(
      tripOf(understand('drove my car to the Sandvika office and back, 2x19km', fresh)),
    ).toMatchObject({ to: 'Sandvika', km: 38 });
  });

  it('"kjørte kollega Anne til flyplassen" carries Anne', () => {
    expect(
      tripOf(understand('kjørte kollega Anne til flyplassen 52 km', fresh))?.passengers,
    ).toEqual([{ name: 'Anne' }]);
  });

  it('"til ulike kunder" names no place', () => {
    expect(tripOf(understand('kjørte 340 km til ulike kunder', fresh))?.to).toBeUndefined();
  });
});

describe('trips away told with their days', () => {
  it.each([
    [
      'I was in Copenhagen for a conference Mon-Wed, need to claim it',
      { destination: 'Copenhagen', departureDate: '2026-11-30', returnDate: '2026-12-02' },
    ],
    [
      'skal ha reiseregning, var i Kristiansand tirsdag og onsdag',
      { destination: 'Kristiansand', departureDate: '2026-12-01', returnDate: '2026-12-02' },
    ],
    [
      'reiste til Bodø 1. desember og kom hjem 3. desember',
      { destination: 'Bodø', departureDate: '2026-12-01', returnDate: '2026-12-03' },
    ],
    [
      'dro til Ålesund mandag, kom heim onsdag',
      { destination: 'Ålesund', departureDate: '2026-11-30', returnDate: '2026-12-02' },
    ],
    [
      'har vært på kurs i Oslo hele uka, overnatting på hotell',
      { destination: 'Oslo', departureDate: '2026-11-30', returnDate: '2026-12-04' },
    ],
    [
      'reiserekning Bergen heile førre veka',
      { destination: 'Bergen', departureDate: '2026-11-23', returnDate: '2026-11-27' },
    ],
  ])('"%s" opens the travel form with %o', (text, travel) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'newTravel', travel });
  });

  it('two days beside an amount stay an outlay', () => {
    expect(understand('var i Bergen 3.12, betalte parkering 120 kr 4.12', fresh).intent).toBe(
      'newOutlay',
    );
  });
});

describe('claims questions in other words', () => {
  it.each([
    ['when will I get paid for the Bergen trip?', { ask: 'status', state: 'paid', one: true }],
    ['når får jeg pengene for hotellet?', { ask: 'status', state: 'paid', subject: 'hotel' }],
    ['har sjefen godkjent?', { ask: 'state', state: 'approved' }],
    ['is anything still waiting for approval?', { ask: 'count', state: 'pending' }],
    ['noko som er avvist?', { ask: 'count', state: 'rejected' }],
    ['hva er totalen på kravene mine i år?', { ask: 'amount', period: { unit: 'year' } }],
  ])('"%s" asks %o', (text, question) => {
    expect(understand(text, fresh)).toMatchObject({ intent: 'claimsQuestion', question });
  });

  it.each([['list drafts'], ['vis utkasta mine']])('"%s" shows the list', (text) => {
    expect(understand(text, fresh).intent).toBe('claimsQuestion');
  });

  it.each([
    ['får jeg betalt for parkering?'],
    ['will I get reimbursed for parking at the airport?'],
    ['what do I need to do to get my claim approved?'],
    ['kan jeg lagre som utkast?'],
  ])('"%s" is for the guide', (text) => {
    expect(understand(text, fresh).intent).toBe('help');
  });
});
