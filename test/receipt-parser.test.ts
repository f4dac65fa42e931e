import { describe, expect, it } from 'vitest';
import { isValidOrgNo, parseReceipt } from '../src/receipts/parser/index.js';
import { LOW_CONFIDENCE, receiptFieldsSchema } from '../src/receipts/receipt-fields.js';

const today = '2026-11-25';
const parse = (text: string) => {
  const fields = parseReceipt(text, { today });
  // Whatever the parser reads must fit the contract every extractor shares.
  receiptFieldsSchema.parse(fields);
  return fields;
};

describe('reading what was paid', () => {
  it('reads a Norwegian fuel receipt with "kr 1 234,50", VAT and org. number', () => {
    const fields = parse(`
      UNO-X LILLEHAMMER
      Uno-X Norge AS
      Storgata 6
      2615 LILLEHAMMER
      Org.nr 987 654 325 MVA
      KVITTERING
      24.11.26  14:46            Pumpe 6
      Diesel  48,62 L x 21,41      1 040,95
      Forhåndsautorisert           1 500,00
      TOTALT                  kr 1 234,50
      herav MVA 25 %              246,90
      BankAxept ****8976      kr 1 234,50
    `);
    expect(fields).toMatchObject({
      kind: 'fuel',
      totalMinor: 123450,
      currency: 'NOK',
      date: '2026-11-24',
      vatMinor: 24690,
      vatRate: 25,
      orgNo: '987654325',
    });
    expect(fields.merchant).toMatch(/uno-x/i);
    expect(fields.confidence.total).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('reads "1.234,50" as one thousand two hundred and thirty-four kroner', () => {
    const fields = parse(`
      Thon Hotel Rosenkrantz Oslo
      Faktura
      Dato: 10.05.2025
      Overnatting 1 natt          1.150,00
      Frokost                       84,50
      Å betale               kr 1.234,50
      Mastercard                  1.234,50
    `);
    expect(fields.totalMinor).toBe(123450);
    expect(fields.kind).toBe('hotel');
    expect(fields.date).toBe('2025-05-10');
  });

  it('reads "120,-" as whole kroner on a parking ticket', () => {
    const fields = parse(`
      EasyPark
      Parkering sone 3012
      Start 24.11.2026 08:02  Slutt 24.11.2026 11:02
      Beløp            120,-
    `);
    expect(fields).toMatchObject({
      kind: 'parking',
      totalMinor: 12000,
      currency: 'NOK',
      date: '2026-11-24',
      merchant: 'EasyPark',
    });
  });

  it('takes the total, not the cash handed over or the change given back', () => {
    const fields = parse(`
      Kafé Hjørnet
      Kvittering 16.12.25 12:04
      Lunsj dagens              169,00
      Kaffe                      18,50
      Totalt                    187,50
      Kontant                   200,00
      Veksel                     12,50
    `);
    expect(fields.totalMinor).toBe(18750);
    expect(fields.kind).toBe('meal');
    expect(fields.date).toBe('2025-12-16');
  });

  it('works out the total from cash minus change when the total line is unreadable', () => {
    const fields = parse(`
      ROADSIDE DINER
      Burger                     12.30
      Coffee                      3.20
      T0TAl                      ~5.5O
      CASH                       20.00
      CHANGE                      4.50
    `);
    expect(fields.totalMinor).toBe(1550);
  });

  it('prefers the rounded total over the one before the rounding adjustment', () => {
    const fields = parse(`
      MENTAI INITIAL SDN BHD
      Date : 21-04-2018 20:40:32
      Total Inclusive of GST:    41.52
      Rounding Adj:              -0.02
      TOTAL:                     41.50
      VISA                       41.50
      GST Summary     Amount (RM)   Tax (RM)
      SR @ 6%            39.16        2.36
      Total              39.16        2.36
    `);
    expect(fields.totalMinor).toBe(4150);
    expect(fields.date).toBe('2018-04-21');
    // Ringgit is not a currency the forms offer: better empty than wrong.
    expect(fields.currency).toBeUndefined();
  });

  it('reads an English receipt with "1,234.50", GST 6 % and a grand total', () => {
    const fields = parse(`
      HARBOUR VIEW RESTAURANT LTD
      Tax Invoice
      24 Nov 2026 19:40
      Set dinner x 4           1,164.15
      Service charge              70.35
      Grand Total              1,234.50
      GST 6%                      69.88
      Cash                     1,300.00
      Change                      65.50
      Amounts in GBP
    `);
    expect(fields).toMatchObject({
      totalMinor: 123450,
      date: '2026-11-24',
      vatRate: 6,
      vatMinor: 6988,
      currency: 'GBP',
      kind: 'meal',
    });
  });

  it('reads a German receipt: Summe, Gegeben BAR, Rückgeld, MwSt 19 %', () => {
    const fields = parse(`
      DELPHIN APOTHEKE
      Detmolder Straße 8
      33102 Paderborn
      Kassenbon Nr: 1505289010
      2 x Atemschutzmaske         EUR 19,90
      Summe                       EUR 19,90
      Typ     Netto     MwSt     Brutto
      19 %    16,72     3,18      19,90
      Gegeben BAR                 EUR 20,00
      Rückgeld                    EUR  0,10
      23.04.2020 09:59
    `);
    expect(fields).toMatchObject({
      totalMinor: 1990,
      currency: 'EUR',
      date: '2020-04-23',
      vatMinor: 318,
      vatRate: 19,
    });
    expect(fields.merchant).toMatch(/apotheke/i);
  });

  it('reads "Zu zahlen" and "inkl. 7% MwSt" on a German taxi receipt', () => {
    const fields = parse(`
      Taxi Müller
      Quittung
      Datum: 10.08.2025  Uhrzeit: 20:44
      Fahrpreis                    15,60
      Zu zahlen EUR                15,60
      inkl. 7% MwSt                 1,02
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 1560,
      currency: 'EUR',
      vatMinor: 102,
      vatRate: 7,
      date: '2025-08-10',
    });
  });

  it('reads a Swedish receipt in kronor as SEK', () => {
    const fields = parse(`
      Taxi Stockholm
      Org.nr: 556263-7697
      Kvitto
      Datum: 2026-02-01  Tid: 13:48
      Körning Arlanda - City       455,00
      Att betala                455,00 kr
      Moms 6%                       25,75
      Tack för resan!
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 45500,
      currency: 'SEK',
      date: '2026-02-01',
      vatRate: 6,
      vatMinor: 2575,
    });
    // A Swedish organisation number is no Norwegian one.
    expect(fields.orgNo).toBeUndefined();
  });

  it('reads "24. nov. 2026" and leaves the expiry date alone', () => {
    const fields = parse(`
      Fjord1
      Ferjebillett Halhjem - Sandvikvåg
      Kjøpt 24. nov. 2026 kl. 07:15
      Personbil inntil 5 m        275,00
      Totalt                  kr 275,00
      herav mva 12 %              29,46
      Gyldig til 24. des. 2026
    `);
    expect(fields).toMatchObject({
      kind: 'ferry',
      date: '2026-11-24',
      totalMinor: 27500,
      vatMinor: 2946,
      vatRate: 12,
      merchant: 'Fjord1',
    });
  });

  it.each([
    ['24.11.26', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['24/11/2026', '2026-11-24'],
    ['24 Nov 2026', '2026-11-24'],
    ['24. november 2026', '2026-11-24'],
    ['22-04-18', '2018-04-22'],
    ['05 MAY 18', '2018-05-05'],
  ])('reads the purchase date written as %s', (written, iso) => {
    const fields = parse(`Butikken AS\nDato ${written}\nTotalt kr 99,00`);
    expect(fields.date).toBe(iso);
  });

  it('ignores a date in the future and a printed "valid until" date', () => {
    const fields = parse(
      `Butikken AS\nDato 03.03.2026 12:00\nTotalt kr 99,00\nBytte innen 02.04.2026\nNeste kampanje 01.01.2031`,
    );
    expect(fields.date).toBe('2026-03-03');
  });

  it('does not take a fuel pump pre-authorisation for the amount paid', () => {
    const fields = parse(`
      Circle K Gardermoen
      Diesel 40,12 L
      Forhåndsautorisert      1 500,00
      Betalt                    820,45
    `);
    expect(fields.totalMinor).toBe(82045);
    expect(fields.kind).toBe('fuel');
  });

  it('adds up the VAT of a receipt with two rates and gives no single rate', () => {
    const fields = parse(`
      Comfort Hotel
      Dato: 2026-07-31
      Rom inkl. frokost    12%   1170,00
      Restaurant middag    25%    516,00
      Totalt                 kr 1686,00
      Sats    Grunnlag     Mva     Inkl. mva
      25%       412,80   103,20      516,00
      12%      1044,64   125,36     1170,00
    `);
    expect(fields.totalMinor).toBe(168600);
    expect(fields.vatMinor).toBe(22856);
    expect(fields.vatRate).toBeUndefined();
  });
});

describe("the slip's own arithmetic", () => {
  it('takes the total that net plus tax make over an "amount paid" that OCR garbled', () => {
    const fields = parse(`
      HARDWARE SHOP SDN BHD
      Date : 04/12/25 5:06 PM
      PAINT ROLLER          2  2.65   5.30
      BLACK PAINT           1 34.70  34.70
      Gross Amount :        40.00
      Total GST Amt :        2.40
      Sub Total     :       42.40
      Total (RM) :
      Amount Paid           72.40
      Amount Change :        0.00
    `);
    expect(fields.totalMinor).toBe(4240);
  });

  it('mends one misread digit of the total from net plus tax, and asks the user to check it', () => {
    const fields = parse(`
      SYARIKAT PERNIAGAAN
      Date: 02/01/2025
      COMB SPANNER            1   7.95    7.95
      ROOFING SHEET           2  15.90   31.80
      Total Sales (Inclusive of GST) : 38.75
      CASH :       38.75
      Change :      0.00
      GST SUMMARY
      Tax Code   %   Amt (RM)  Tax (RM)
      Total :        37.50      2.25
    `);
    expect(fields.totalMinor).toBe(3975);
    expect(fields.confidence.total).toBeLessThan(LOW_CONFIDENCE);
  });

  it('leaves a total alone when cash minus change vouches for it', () => {
    const fields = parse(`
      CAFE
      Date: 02/01/2025
      Net           37.50
      GST 6%         2.25
      TOTAL         38.75
      CASH          50.00
      CHANGE        11.25
    `);
    expect(fields.totalMinor).toBe(3875);
  });

  it('keeps a total printed twice even when one tax row adds up to a figure one digit away', () => {
    const fields = parse(`
      ALDI
      Datum 25.04.25 09:37 Uhr
      ZUCKER            0,89 C
      SEKT              8,02 D
      ZU ZAHLEN EURO   10,90
      Kartenzahlung
      EUR 10,90
      MwSt  %   Netto  MwSt  Brutto
      C    7%   9,63   0,67  10,30
    `);
    expect(fields.totalMinor).toBe(1090);
  });

  it('keeps the total with tips on a taxi receipt, though only the fare before tips adds up', () => {
    const fields = parse(`
      BERGEN TAXI
      DATO: 14.10.2025
      STARTPRIS          109,00
      KM 7,20 X 13,27     95,54
      SUM TUR            494,70
      DRIKS               20,00
      TOTALT          KR 514,70
      MVA-GRUNNLAG 12%   441,70
      MVA 12%             53,00
      KORT               514,70
    `);
    expect(fields.totalMinor).toBe(51470);
  });

  it('keeps a Norwegian total whose "herav mva" is its 25 % share', () => {
    const fields = parse(`
      KIOSK AS
      24.11.26 12:01
      Kaffe          45,00
      Bolle          55,00
      Sum           100,00
      herav mva 25 %  20,00
    `);
    expect(fields.totalMinor).toBe(10000);
    expect(fields.confidence.total).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});

describe('dates OCR damaged', () => {
  it('reads a date whose separators were all lost, and asks the user to check it', () => {
    const fields = parse(`
      STATIONERY SDN BHD
      Tax Invoice
      21032025 No :CS-20243
      Pen             2  12.00
      Total Amt Payable :   12.00
    `);
    expect(fields.date).toBe('2025-03-21');
    expect(fields.confidence.date).toBeLessThan(LOW_CONFIDENCE);
  });

  it('reads 0 misread as 8 in the month and the year', () => {
    const fields = parse(`
      BOOKCENTRE
      CASH1 17/83/2825 21:35
      Calculator       53.00
      TOTAL INCL GST   62.00
    `);
    expect(fields.date).toBe('2025-03-17');
  });

  it('reads a labelled date whose year OCR ended with a letter ("202s"), and asks the user to check it', () => {
    const fields = parse(`
      Restaurant Sjøhuset
      Dato  19 03 202s          kl 11 37
      Laks m/poteter           329,00
      TOTAL NOK               1085,90
    `);
    expect(fields.date).toBe('2025-03-19');
    expect(fields.confidence.date).toBeLessThan(LOW_CONFIDENCE);
  });

  it('prefers a clean date over a damaged one', () => {
    const fields = parse(`
      BOOKCENTRE
      Ref 21032024
      Date: 17/03/2025 21:35
      TOTAL   62.00
    `);
    expect(fields.date).toBe('2025-03-17');
    expect(fields.confidence.date).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});

describe('VAT', () => {
  it('sums the VAT of a hotel bill with two rates, whose table has no "%" heading', () => {
    const fields = parse(`
      Quality Hotel Ålesund
      Dato: 26.04.2025
      24.04.2025  Overnatting enkeltrom   12%   1919,00
      24.04.2025  Room service            25%    509,00
      25.04.2025  Rom inkl. frokost       12%   1919,00
      Totalbeløp                          NOK 4 347,00
      Merverdiavgift
      25%      407,20     101,80     509,00
      12%     3426,79     411,21    3838,00
    `);
    expect(fields.totalMinor).toBe(434700);
    expect(fields.vatMinor).toBe(51301);
    expect(fields.vatRate).toBeUndefined();
  });

  it('takes the VAT as gross minus base when the VAT figure of a row is misread', () => {
    const fields = parse(`
      Thon Hotel Bristol Bergen
      Dato: 2026-05-13
      2026-05-12  Overnatting   12%   2.060,00
      2026-05-12  Parkering     25%     195,00
      Totalt                          2.255,00
      Merverdiavgift
      Sats      Grunnlag      Mva      Inkl. mva
      25%         156,00     39,00       195,00
      12%       1.839,29       220     2.060,00
    `);
    expect(fields.vatMinor).toBe(3900 + 22071);
  });

  it('reads "herav mva 12 % 23143" as 231,43 when it is the rate\'s share of the total', () => {
    const fields = parse(`
      Vy
      Kjøpt 11.10.26 06:26
      Voksen Standard   2   2160,00
      Sum                   2160,00
      herav mva 12 %          23143
    `);
    expect(fields.vatMinor).toBe(23143);
    expect(fields.vatRate).toBe(12);
  });

  it("leaves a bare number on a VAT line alone when it is not the rate's share", () => {
    const fields = parse(`
      Kiosk
      Kjøpt 11.10.26 06:26
      Sum                   2160,00
      herav mva 12 % ref 4711
    `);
    expect(fields.vatMinor).toBeUndefined();
  });
});

describe('organisation numbers', () => {
  it('accepts a number with a correct modulus-11 check digit', () => {
    expect(isValidOrgNo('987654325')).toBe(true);
    expect(isValidOrgNo('998877660')).toBe(true);
  });

  it('rejects a misread digit and numbers of the wrong length', () => {
    expect(isValidOrgNo('987654326')).toBe(false);
    expect(isValidOrgNo('98765432')).toBe(false);
    expect(isValidOrgNo('9876543250')).toBe(false);
  });

  it('reads "Foretaksregisteret NO 812 345 672 MVA" and skips a number that fails the check', () => {
    expect(
      parse('Bergen Parkering AS\nForetaksregisteret NO 812 345 672 MVA\nTotalt 98,00').orgNo,
    ).toBe('812345672');
    expect(parse('Bergen Parkering AS\nOrg.nr 812 345 673\nTotalt 98,00').orgNo).toBeUndefined();
  });
});

describe('who was paid', () => {
  it('knows a shop whose logo OCR misread by one letter', () => {
    const fields = parse(`
      LeDL
      Rheinstr. 12
      67547 Worms
      BANANEN            1,19 A
      ZU ZAHLEN          1,19
      Datum 25.04.25 09:37
    `);
    expect(fields.merchant).toBe('Lidl');
  });

  it('does not take the opening hours for the shop', () => {
    const fields = parse(`
      Unsere Öffnungszeiten
      Mo.-Sa. 8.00 - 20.00 Uhr
      Pohlweg 110
      MILCH              0,99 A
      SUMME              0,99
      Datum 25.04.25 09:37
    `);
    expect(fields.merchant ?? '').not.toMatch(/ffnungszeit/i);
    // "20.00 Uhr" is a time, not a price that would dwarf the total.
    expect(fields.totalMinor).toBe(99);
  });

  it('does not name the shop after a word in its tax table that is also a chain ("Netto")', () => {
    const fields = parse(`
      BÄCKEREI SCHMIDT
      Hauptstr. 3
      Datum 25.04.25 09:37
      BRÖTCHEN           2,40 A
      KAFFEE             2,80 B
      SUMME EUR          5,20
      MwSt   Netto   MwSt   Brutto
      A 7%   2,24    0,16   2,40
      B 19%  2,35    0,45   2,80
    `);
    expect(fields.merchant).toBe('Bäckerei Schmidt');
  });
});

describe('the kind of expense', () => {
  it.each([
    ['Apcoa Parking\nP-hus Sentrum\nBeløp kr 250,00', 'parking'],
    ['Bastø Fosen\nFerje Moss - Horten\nPersonbil\nTotalt kr 212,00', 'ferry'],
    ['AutoPASS\nBompenger passering Sinsen\nTotalt NOK 29,00', 'toll'],
    ['Oslo Taxi\nTurkvittering\nÅ betale 535,79\nInkl. 12 % mva 57,41', 'taxi'],
    [
      'Scandic Holmenkollen Park\nAnkomst 12.11.25 Avreise 13.11.25\nOvernatting\nTotalt 1279,00',
      'hotel',
    ],
    ['Esso Sandvika\nBensin 95 blyfri 31,2 L\nTotalt kr 640,00', 'fuel'],
    ['Restaurant Sjøhuset\nBord 9  Gjester 5\nTOTAL NOK 1085,90', 'meal'],
    ['Vy\nKvittering for kjøp\nTog Bergen - Oslo S\nSum 2 160,00', 'transport'],
    ['Elkjøp Lillestrøm\nUSB-C kabel 2 m\nTotalt kr 199,00\nMVA 25% 39,80', 'other'],
  ])('reads %j as %s', (text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });
});

describe('photos that are no receipt', () => {
  it('says not_receipt for a screenshot of an e-mail, with nothing invented', () => {
    const fields = parse(`
      07:11                     4G  77 %
      Innboks
      Referat fra prosjektmøte
      Hei alle sammen,
      Kurset starter klokken ni i det store møterommet i tredje etasje.
      Ha en fin helg!
    `);
    expect(fields.kind).toBe('not_receipt');
    expect(fields.totalMinor).toBeUndefined();
    expect(fields.merchant).toBeUndefined();
    expect(fields.date).toBeUndefined();
  });

  it('says not_receipt when OCR found no text at all', () => {
    expect(parse('').kind).toBe('not_receipt');
    expect(parse('  ~ ; |\n ,, ').kind).toBe('not_receipt');
  });
});

describe('confidence', () => {
  it('asks the user to check a total the OCR was unsure of', () => {
    const text = 'Butikken AS\nTotalt kr 99,00';
    const lines = [
      {
        text: 'Butikken AS',
        confidence: 90,
        words: [
          { text: 'Butikken', confidence: 92 },
          { text: 'AS', confidence: 90 },
        ],
      },
      {
        text: 'Totalt kr 99,00',
        confidence: 40,
        words: [
          { text: 'Totalt', confidence: 91 },
          { text: 'kr', confidence: 85 },
          { text: '99,00', confidence: 12 },
        ],
      },
    ];
    const sure = parseReceipt(text, { today });
    const unsure = parseReceipt(text, { today, lines });
    expect(unsure.totalMinor).toBe(9900);
    expect(unsure.confidence.total).toBeLessThan(sure.confidence.total);
    expect(unsure.confidence.total).toBeLessThan(LOW_CONFIDENCE);
  });

  it('gives no confidence to a field it did not find', () => {
    const fields = parse('Butikken AS\nTotalt kr 99,00');
    expect(fields.date).toBeUndefined();
    expect(fields.confidence.date).toBe(0);
  });
});
