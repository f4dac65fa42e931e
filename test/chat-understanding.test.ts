/**
 * What employees type, through the engine, in bokmål, nynorsk and English: round trips, routes
 * with a dash, passengers however they are named, driving verbs without æøå, travel claims asked
 * for in a sentence, date ranges that are never amounts, corrections of the draft in progress and
 * claim statements while the bot waits for a purpose. The sentences are the project's own.
 */
import { describe, expect, it } from 'vitest';
import { cards, ctx, plainSpaces as nbsp, run, say, texts } from './helpers/engine-driver.js';

const nb = ctx();
const nn = ctx({ locale: 'nn-NO' });
const en = ctx({ locale: 'en-US' });
const welcomed = { welcomed: true };
const total = (r: ReturnType<typeof run>) => nbsp(String(cards(r.last)[0]?.data.total));

describe('round trips and multipliers', () => {
  it.each([
    ['nb', nb, 'kjørte Gjøvik - Hamar tur/retur i går, 45 km hver vei', 90],
    ['nb', nb, 'kjørte til Ski t/r i dag, 2 x 27 km', 54],
    ['nn', nn, 'køyrde til Førde og tilbake i går, 75 km kvar veg', 150],
    ['en', en, 'drove to Asker and back today, 2x31 km', 62],
    ['en', en, 'drove Lier - Hokksund 18 km each way yesterday', 36],
  ])('%s: "%s" is paid both ways', (_lang, c, text, km) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.mileage?.fields.km).toBe(String(km));
  });

  it('a distance in Norwegian mil is ten kilometres each', () => {
    const r = run([say('kjørte 4 mil til Kongsvinger i går')]);
    expect(r.state.mileage?.fields.km).toBe('40');
  });
});

describe('routes with any dash', () => {
  it.each([
    [nb, 'kjørte Sandvika–Lysaker i dag 9 km', 'Sandvika', 'Lysaker'],
    [nb, 'kjørte Sandvika - Lysaker i dag 9 km', 'Sandvika', 'Lysaker'],
    [nn, 'køyrde Leikanger—Sogndal i går, 12 km', 'Leikanger', 'Sogndal'],
    [en, 'drove Moss-Rygge 14 km yesterday', 'Moss', 'Rygge'],
  ])('"%s" keeps both ends of the route', (c, text, from, to) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.mileage?.fields).toMatchObject({ from, to });
  });

  it.each([
    [en, 'mileage: Lier to Hokksund, 18 km, today', 'Lier', 'Hokksund'],
    [nb, 'kjøring Nittedal til Lillestrøm 21 km i dag', 'Nittedal', 'Lillestrøm'],
  ])('"%s" reads a route without "from"', (c, text, from, to) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.mileage?.fields).toMatchObject({ from, to });
  });

  it('a car and a distance make a trip without a driving verb', () => {
    const r = run([say('tur til Gol med egen bil, 180 km i går')]);
    expect(r.state.mileage?.fields).toMatchObject({ to: 'Gol', km: '180' });
  });

  it('a trip without km still opens the mileage form with route and date', () => {
    const r = run([say('kjorte tur-retur Eidsvoll–Jessheim i går')]);
    expect(r.state.mileage?.fields).toMatchObject({
      from: 'Eidsvoll',
      to: 'Jessheim',
      date: '2026-11-23',
      km: '',
    });
    expect(cards(r.last)[0]?.template).toBe('mileage-form');
  });
});

describe('passengers, however they are named', () => {
  it.each([
    [nb, 'kjørte 50 km til Ås i dag, Mona var med', ['Mona']],
    [nb, 'kjørte 50 km til Ås i dag, tok med Mona og Erik', ['Mona', 'Erik']],
    [nn, 'køyrde 50 km til Voss i dag saman med Ingrid', ['Ingrid']],
    [en, 'drove 50 km to Ås today and brought Tom along', ['Tom']],
    [en, 'drove 50 km to Ås today with my colleague Lisa', ['Lisa']],
  ])('"%s"', (c, text, names) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.mileage?.passengers.map((p) => p.name)).toEqual(names);
    expect(r.state.mileage?.passengers.every((p) => p.km === 50)).toBe(true);
  });

  it('a passenger with km of their own keeps them', () => {
    const r = run([say('kjørte 100 km til Hamar i går, Kari var med de siste 30 km')]);
    expect(r.state.mileage?.passengers).toEqual([{ name: 'Kari', km: 30 }]);
  });

  it('the passenger supplement is in the total', () => {
    // 60 km × 5,30 = 318,00 + passenger 60 km × 1,00 = 60,00
    const r = run([say('kjørte 60 km til Holmestrand i dag, Anne var med')]);
    expect(total(r)).toBe('378,00 kr');
  });
});

describe('driving verbs without æøå', () => {
  it.each([
    [nb, 'kjorte 33 km til Kolbotn i gar'],
    [nb, 'kjort 33 km til Kolbotn i dag'],
    [nn, 'koyrde 33 km til Kolbotn i gar'],
    [nn, 'koyrt 33 km til Kolbotn i dag'],
  ])('"%s" is a trip', (c, text) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.mileage?.fields).toMatchObject({ km: '33', to: 'Kolbotn' });
  });
});

describe('travel claims asked for in a sentence', () => {
  it.each([
    [nb, 'må føre reiseregning for fagdagen i Tromsø', 'Tromsø'],
    [nn, 'eg skal føre reiserekning for samlinga på Voss', 'Voss'],
    [en, 'I need to file a travel claim for the Oslo seminar', 'Oslo'],
  ])('"%s" opens the travel form with the destination', (c, text, destination) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.travel?.fields.destination).toBe(destination);
    expect(r.state.outlay).toBeUndefined();
    expect(cards(r.last)[0]?.template).toMatch(/travel/);
  });

  it.each([
    [nb, 'var på konferanse i Kristiansand 9.–11. september', '2026-09-09', '2026-09-11'],
    [nn, 'var på kurs i Førde frå 2. til 4. november', '2026-11-02', '2026-11-04'],
    [en, 'was at a workshop in Trondheim 16–18 October', '2026-10-16', '2026-10-18'],
  ])('"%s" pre-fills the dates', (c, text, from, to) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.travel?.fields).toMatchObject({ departureDate: from, returnDate: to });
    expect(r.state.travel?.fields.purpose).toMatch(/konferanse|kurs|workshop/);
  });

  // The driver's today is Tuesday 24 November 2026: weekdays name the last such days, "last week" the week before.
  it.each([
    [nb, 'var på kurs i Bergen fra tirsdag til torsdag forrige uke', '2026-11-17', '2026-11-19'],
    [nn, 'var på samling i Bodø måndag til onsdag', '2026-11-16', '2026-11-18'],
    [en, 'attended a seminar in Tromsø last week, Monday-Friday', '2026-11-16', '2026-11-20'],
    [
      en,
      'need a travel claim for the Stavanger workshop Friday to Monday',
      '2026-11-20',
      '2026-11-23',
    ],
  ])('"%s" pre-fills the days it names', (c, text, from, to) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.travel?.fields).toMatchObject({ departureDate: from, returnDate: to });
  });

  it('a place right after the travel-claim word is the destination', () => {
    const r = run([say('reiseregning Harstad 2.–4. november, kundebesøk')]);
    expect(r.state.travel?.fields).toMatchObject({
      destination: 'Harstad',
      departureDate: '2026-11-02',
      returnDate: '2026-11-04',
      purpose: 'kundebesøk',
    });
  });

  it('a date range is never an amount', () => {
    const r = run([say('var på samling i Molde 3.-5. oktober')]);
    expect(r.state.outlay).toBeUndefined();
    expect(r.state.travel?.fields.destination).toBe('Molde');
  });

  it('a question about travel claims still goes to the guide', () => {
    const r = run([say('hvordan fører jeg reiseregning?')]);
    expect(r.state.travel).toBeUndefined();
    expect(r.last.effects).toContainEqual(expect.objectContaining({ type: 'answerHelp' }));
  });
});

describe('corrections change the draft in progress', () => {
  it.each([
    [nb, 'drosje 300 kr i dag', 'nei, det var 280 kr', '280'],
    [nn, 'parkering 60 kr i dag', 'nei, det var 75 kroner', '75'],
    [en, 'taxi 300 NOK today', 'change the amount to 310', '310'],
    [nb, 'bompenger 52 kr i dag', 'beløpet skal være 62', '62'],
  ])('"%s" then "%s"', (c, first, second, amount) => {
    const r = run([say(first), say(second)], welcomed, c);
    expect(r.state.outlay?.fields.amount).toBe(amount);
    expect(r.state.outlay?.fields.purpose).toBe('');
    expect(r.state.setAside).toBeUndefined();
    // The card is shown again, and the purpose asked for again.
    expect(cards(r.last)).toHaveLength(1);
    expect(texts(r.last).join(' ')).toMatch(/formål|føremål|purpose/i);
  });

  it.each([
    [nb, 'det skulle vært 95 kr', '95'],
    [en, 'it should be 95', '95'],
    [nn, 'korriger beløpet til 95', '95'],
  ])('"%s" corrects the amount of a taxi outlay', (c, text, amount) => {
    const r = run([say('taxi 90 kr i dag'), say(text)], welcomed, c);
    expect(r.state.outlay?.fields).toMatchObject({ amount, kind: 'taxi', purpose: '' });
  });

  // Today is Tuesday 24 November: "fredag" is the 20th, "mandag" the 23rd.
  it.each([
    [
      nb,
      'var på kurs i Bergen 16.–19. november',
      'nei, vi kom hjem fredag',
      { returnDate: '2026-11-20' },
    ],
    [
      nn,
      'var på samling i Bodø 16.–18. november',
      'nei, eg reiste tysdag',
      { departureDate: '2026-11-17' },
    ],
    [
      en,
      'attended a workshop in Oslo 16–18 November',
      'sorry, it was 17–20 November',
      { departureDate: '2026-11-17', returnDate: '2026-11-20' },
    ],
    [
      nb,
      'må føre reiseregning for fagdagen i Tromsø',
      'nei, det var Harstad',
      { destination: 'Harstad' },
    ],
  ])('a trip "%s", then "%s"', (c, first, second, fields) => {
    const r = run([say(first), say(second)], welcomed, c);
    expect(r.state.travel?.fields).toMatchObject(fields);
    expect(cards(r.last)[0]?.template).toMatch(/travel/);
  });

  it('a lone day on a trip, with neither coming back nor leaving, changes nothing', () => {
    const r = run([say('var på kurs i Bergen 16.–19. november'), say('nei, fredag')]);
    expect(r.state.travel?.fields).toMatchObject({
      departureDate: '2026-11-16',
      returnDate: '2026-11-19',
    });
  });

  it('a plain figure corrects the km of a trip', () => {
    const r = run([say('kjørte 40 km til Drammen i dag'), say('nei, det var 46')]);
    expect(r.state.mileage?.fields.km).toBe('46');
  });

  it('"nei" alone is not a purpose', () => {
    const r = run([say('taxi 90 kr i dag'), say('nei')]);
    expect(r.state.outlay?.fields.purpose).toBe('');
  });

  it('a date correction moves the date and keeps the amount', () => {
    // 24 Nov 2026 is a Tuesday: "fredag" is the 20th.
    const r = run([say('parkering 88 kr i dag'), say('feil dato, det var fredag')]);
    expect(r.state.outlay?.fields).toMatchObject({ date: '2026-11-20', amount: '88' });
  });

  it('an English date correction', () => {
    const r = run(
      [say('parking 88 NOK today'), say('sorry, wrong date, it was Monday')],
      welcomed,
      en,
    );
    expect(r.state.outlay?.fields.date).toBe('2026-11-23');
  });

  it('a correction after the purpose shows the summary again with the new amount', () => {
    const r = run([say('taxi 450 kr i går'), say('kundemøte'), say('nei, det var 430 kr')]);
    expect(r.state.outlay).toMatchObject({ step: 'review', fields: { amount: '430' } });
    expect(r.state.outlay?.fields.purpose).toBe('kundemøte');
  });

  it('the km of a trip are corrected too', () => {
    const r = run([say('kjørte 40 km til Drammen i dag'), say('nei, det var 46 km')]);
    expect(r.state.mileage?.fields.km).toBe('46');
    expect(r.state.mileage?.fields.purpose).toBe('');
  });

  it.each([
    [nb, 'nei, det var bompenger, ikke parkering'],
    [nn, 'nei, det var bompengar og ikkje parkering'],
    [en, 'no, it was not parking but a toll'],
  ])('"%s" changes the kind to what it was, not what it was not', (c, text) => {
    const r = run([say('parkering 45 kr i dag'), say(text)], welcomed, c);
    expect(r.state.outlay?.fields).toMatchObject({ kind: 'toll', amount: '45', purpose: '' });
  });
});

describe('while the bot waits for a purpose', () => {
  it('a short phrase is the purpose, even one naming a kind', () => {
    const r = run([say('taxi 200 kr i dag'), say('parkering ved kundemøtet')]);
    expect(r.state.outlay?.fields.purpose).toBe('parkering ved kundemøtet');
  });

  it('a toll with an amount goes on the mileage claim, and the purpose is asked again', () => {
    const r = run([say('kjørte 64 km fra Oslo til Drammen i dag'), say('bom 45 kr')]);
    expect(r.state.mileage?.fields.purpose).toBe('');
    expect(r.state.mileage?.outlays).toMatchObject([{ kind: 'toll', amountMinor: 4500 }]);
    expect(texts(r.last).join(' ')).toMatch(/formålet med turen/);
  });

  it('a toll on a trip still without its start: the start is asked for next', () => {
    const r = run([say('kjørte 64 km til Drammen i dag'), say('bom 45 kr')]);
    expect(r.state.mileage?.outlays).toMatchObject([{ kind: 'toll', amountMinor: 4500 }]);
    expect(texts(r.last).join(' ')).toMatch(/Hvor startet turen\?/);
  });

  it('a new outlay statement is a new outlay, not the purpose', () => {
    const r = run([say('taxi 200 kr i dag'), say('hotell 1200 kr i går')], welcomed, nn);
    expect(r.state.outlay?.fields).toMatchObject({ kind: 'hotel', purpose: '' });
    expect(r.state.setAside?.fields.kind).toBe('taxi');
  });

  it('a question is still a question', () => {
    const r = run([say('taxi 200 kr i dag'), say('how do I add a passenger?')], welcomed, en);
    expect(r.state.outlay?.fields.purpose).toBe('');
    expect(r.last.effects).toContainEqual(expect.objectContaining({ type: 'answerHelp' }));
    // A rate question is answered from the rate table (test/rates-questions.test.ts), also not a purpose.
    const rate = run([say('taxi 200 kr i dag'), say('what is the rate per km?')], welcomed, en);
    expect(rate.state.outlay?.fields.purpose).toBe('');
    expect(rate.last.effects).toEqual([]);
  });

  it('a trip is a trip', () => {
    const r = run([say('taxi 200 kr i dag'), say('kjørte 20 km til Asker i dag')]);
    expect(r.state.outlay?.fields.purpose).toBe('');
    expect(r.state.mileage?.fields.km).toBe('20');
  });

  it('a toll in the same sentence as the trip goes on the claim', () => {
    const r = run([say('kjørte 30 km til Lier i dag og betalte 38 kr i bompenger')]);
    expect(r.state.mileage?.outlays).toMatchObject([{ kind: 'toll', amountMinor: 3800 }]);
  });
});

describe('reworded commands and claim questions', () => {
  it.each([
    [nb, 'vis meg kravene mine'],
    [nb, 'kan du vise meg utleggene mine'],
    [nn, 'er reiserekninga mi godkjend?'],
    [en, 'has my mileage claim been paid?'],
    [en, 'list my claims please'],
    [nb, 'hva har jeg av krav?'],
    [nn, 'kva har eg sendt inn?'],
    [en, 'what do I have pending?'],
    [nb, 'har jeg fått pengene for ferja?'],
    [nn, 'alle krava mine?'],
  ])('"%s" lists the claims', (c, text) => {
    const r = run([say(text)], welcomed, c);
    expect(r.last.effects).toContainEqual(expect.objectContaining({ type: 'listClaims' }));
  });

  it.each([
    [nb, 'jeg vil registrere kjøring', 'mileage-form'],
    [en, 'I want to add an expense', 'outlay-form'],
  ])('"%s" opens the form', (c, text, template) => {
    const r = run([say(text)], welcomed, c);
    expect(cards(r.last)[0]?.template).toBe(template);
  });
});

describe('amounts in words and unit prices', () => {
  it.each([
    [nb, 'taxi to hundre og femti kroner i dag', '250'],
    [nn, 'ferje førti kr i dag', '40'],
    [en, 'lunch thirty-five euros today', '35'],
    [nb, 'hotell 3 netter à 1 100 kr', '3300'],
    [en, 'hotel, 2 nights at 980 NOK', '1960'],
    [nb, 'bom 2 x 36 kr i dag', '72'],
    [nb, 'lunsj for 2 personer 540 kr', '540'],
    [nb, 'parkering 45 kr og 50 øre i dag', '45,50'],
    [nn, 'bompengar 12 kroner 5 øre', '12,05'],
  ])('"%s"', (c, text, amount) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.outlay?.fields.amount).toBe(amount);
  });
});

describe('a slip of the finger in the kind', () => {
  it.each([
    [nb, 'taksi 240 kr i går', 'taxi'],
    [nb, 'parkeing 60 kr i dag', 'parking'],
    [en, 'hottel 1200 NOK', 'hotel'],
    [nn, 'bompeger 32 kr', 'toll'],
  ])('"%s"', (c, text, kind) => {
    const r = run([say(text)], welcomed, c);
    expect(r.state.outlay?.fields.kind).toBe(kind);
  });
});

describe('small talk in a few words', () => {
  it.each([
    [en, 'thanks a lot!'],
    [nb, 'tusen takk for hjelpen'],
    [nn, 'takk skal du ha, det var fint'],
  ])('"%s" is thanked for, not searched in the guide', (c, text) => {
    const r = run([say(text)], welcomed, c);
    expect(r.last.effects).toEqual([]);
    expect(texts(r.last)).toHaveLength(1);
  });
});

describe('questions about how claims work', () => {
  it.each([
    [nb, 'hvem godkjenner kravet mitt?'],
    [en, 'how do I file my claims?'],
    [nb, 'hei, hvordan logger jeg meg inn i reiseregningssystemet?'],
    [en, 'hi, how do I add my expenses to a travel claim?'],
    [nb, 'jeg lurer på hvordan jeg fører reiseregning'],
    [en, 'tell me how to add an expense'],
    [en, 'does the hotel invoice go on my claim or on a separate one?'],
    [nb, 'hvor legger jeg inn kilometerne på reiseregningen min?'],
    [nn, 'må billetten frå ferja liggje ved utlegget mitt?'],
  ])('"%s" is for the guide', (c, text) => {
    const r = run([say(text)], welcomed, c);
    expect(r.last.effects).toContainEqual(expect.objectContaining({ type: 'answerHelp' }));
  });
});

describe('several expenses in one message', () => {
  it.each([
    [
      nb,
      'parkering 120 og bom 45 i går',
      [
        ['parking', '120'],
        ['toll', '45'],
      ],
    ],
    [
      nn,
      'ferje 87 kr, parkering 60 kr i dag',
      [
        ['ferry', '87'],
        ['parking', '60'],
      ],
    ],
    [
      en,
      'taxi 250 kr and lunch 180 kr yesterday',
      [
        ['taxi', '250'],
        ['meal', '180'],
      ],
    ],
  ])('"%s" is one claim with a line each, dated by the day said once', (c, text, lines) => {
    const r = run([say(text)], welcomed, c);
    const claim = r.state.outlayClaim;
    expect(claim?.lines.map((l) => [l.fields.kind, l.fields.amount])).toEqual(lines);
    const dates = new Set(claim?.lines.map((l) => l.fields.date));
    expect(dates.size).toBe(1);
    expect(r.state.outlay).toBeUndefined();
    expect(texts(r.last).join(' ')).toMatch(/formål|føremål|purpose/i);
  });

  it('then the purpose typed files nothing yet but reviews the claim', () => {
    const r = run([say('parkering 120 og bom 45 i går'), say('kundebesøk i Drammen')]);
    expect(r.state.outlayClaim).toMatchObject({ step: 'review', purpose: 'kundebesøk i Drammen' });
  });

  it.each([
    'hotell 2 netter à 990 kr og frokost',
    'lunsj med kunde og kollega 450 kr',
    'taxi 300 kr til Gardermoen og tilbake',
  ])('"%s" is one expense', (text) => {
    const r = run([say(text)]);
    expect(r.state.outlayClaim).toBeUndefined();
    expect(r.state.outlay).toBeDefined();
  });
});
