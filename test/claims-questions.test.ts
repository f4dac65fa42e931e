/**
 * Questions about one's own claims, typed in the chat in bokmål, nynorsk and English, answered
 * from the claims the API lists: through the engine with plain data, the way the bot runs it.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine, ClaimStatus } from '../src/claims/claim.js';
import { answerClaimsQuestion } from '../src/conversation/claims-answers.js';
import { readClaimsQuestion } from '../src/understanding/claims-questions.js';
import type { ClaimsQuestion, TurnResult, UserState } from '../src/conversation/types.js';
import { cards, ctx, plainSpaces, run, say, texts } from './helpers/engine-driver.js';

let seq = 0;
/** A filed claim as the API returns it; `at` is when it was filed. */
function claim(
  status: ClaimStatus,
  line: ClaimLine,
  extra: Partial<Claim> & { at?: string } = {},
): Claim {
  seq += 1;
  const { at = `2026-11-${String(10 + seq).padStart(2, '0')}T09:00:00Z`, ...rest } = extra;
  return {
    id: `claim-${seq}`,
    number: `RR-2026-${String(seq).padStart(6, '0')}`,
    employeeId: 'u1',
    status,
    description: 'Krav',
    purpose: 'Kundemøte',
    dimensions: {},
    attachments: [],
    lines: [line],
    totals: [{ currency: 'NOK', amountMinor: line.amountMinor }],
    createdAt: at,
    updatedAt: at,
    ...rest,
  };
}
const outlay = (kind: 'taxi' | 'hotel' | 'parking', amountMinor: number, date = '2026-11-20') =>
  ({ type: 'outlay', kind, amountMinor, currency: 'NOK', date }) as const;
const perDiem: ClaimLine = {
  type: 'perDiem',
  date: '2026-11-02',
  departure: '2026-11-02T07:00',
  return: '2026-11-04T18:00',
  destination: 'Bodø',
  hotelNights: 2,
  unreceiptedNights: 0,
  amountMinor: 210_000,
  currency: 'NOK',
  taxFreeMinor: 210_000,
  taxableMinor: 0,
};

/** Asks in the personal chat, then lets the listed claims come back as the bot would. */
function ask(text: string, claims: Claim[], start: UserState = { welcomed: true }) {
  const asked = run([say(text)], start);
  const effect = asked.last.effects[0];
  expect(effect?.type, text).toBe('listClaims');
  const question = effect?.type === 'listClaims' ? effect.question : undefined;
  expect(question, text).toBeDefined();
  const answered = run([{ type: 'claimsListed', claims, question }], asked.state).last;
  return { answer: plainSpaces(texts(answered).join('\n')), answered, question };
}
const listed = (r: TurnResult) =>
  cards(r)
    .filter((c) => c.template === 'claims-list')
    .flatMap((c) => (c.data.items as Array<{ number: string }>).map((i) => i.number));

describe('claims questions in chat', () => {
  it('"Har jeg fått pengene for taxien?" – yes, with the amount and the payout date', () => {
    const taxi = claim('paid', outlay('taxi', 43_000), { paidAt: '2026-12-03T08:30:00Z' });
    const hotel = claim('submitted', outlay('hotel', 125_000));
    const { answer, answered } = ask('Har jeg fått pengene for taxien?', [hotel, taxi]);
    expect(answer).toBe(
      `Ja – kravet ${taxi.number} (Utlegg: Taxi, 430,00 kr) ble utbetalt 3. des.`,
    );
    expect(answered.lang).toBe('nb');
  });

  it('"is my travel claim approved?" – not yet, with the day it was filed', () => {
    const trip = claim('submitted', perDiem, { description: 'Samling i Bodø' });
    const taxi = claim('paid', outlay('taxi', 43_000));
    const { answer } = ask('is my travel claim approved?', [taxi, trip]);
    expect(answer).toMatch(
      new RegExp(
        `^Not yet – claim ${trip.number} \\(Samling i Bodø, NOK 2,100\\.00\\) was submitted on \\d+ Nov and is waiting for approval\\.$`,
      ),
    );
  });

  it('"hvor mange krav har jeg til godkjenning?" – counts them, sums them, and shows them on the card', () => {
    const waiting = [
      claim('submitted', outlay('taxi', 43_000)),
      claim('submitted', outlay('parking', 12_000)),
    ];
    const paid = claim('paid', outlay('hotel', 99_000));
    const { answer, answered } = ask('hvor mange krav har jeg til godkjenning?', [
      ...waiting,
      paid,
    ]);
    expect(answer).toBe(
      `Du har 2 krav til godkjenning, til sammen 550,00 kr: ${waiting[1]?.number}, ${waiting[0]?.number}.`,
    );
    expect(listed(answered).sort()).toEqual(waiting.map((c) => c.number).sort());
  });

  it('nynorsk: a rejected travel claim says no, and gives finance’s reason', () => {
    const trip = claim('rejected', perDiem, {
      description: 'Samling i Bodø',
      rejectionReason: 'Manglar invitasjon til samlinga',
    });
    const { answer, answered } = ask('er reiserekninga mi godkjend?', [trip], {
      welcomed: true,
      lang: 'nn',
      langChosen: true,
    });
    expect(answered.lang).toBe('nn');
    expect(answer).toContain(`Nei – kravet ${trip.number}`);
    expect(answer).toContain('vart avvist. Grunngjeving: «Manglar invitasjon til samlinga»');
  });

  it('"reiseregningen" of someone with no trip on per diem is their newest claim', () => {
    const older = claim('paid', outlay('parking', 12_000));
    const newer = claim('approved', outlay('taxi', 43_000));
    const { answer } = ask('er reiseregningen godkjent?', [older, newer]);
    expect(answer).toBe(
      `Ja – kravet ${newer.number} (Utlegg: Taxi, 430,00 kr) er godkjent og venter på utbetaling.`,
    );
  });

  it('"kor mange krav har eg?" – a count per status, in nynorsk', () => {
    const all = [
      claim('submitted', outlay('taxi', 10_000)),
      claim('paid', outlay('hotel', 20_000)),
      claim('paid', outlay('parking', 5_000)),
    ];
    const { answer, answered } = ask('kor mange krav har eg?', all, {
      welcomed: true,
      lang: 'nn',
      langChosen: true,
    });
    expect(answer).toBe('Du har 3 krav, til saman 350,00 kr: 1 sendt inn, 2 utbetalt.');
    expect(listed(answered)).toHaveLength(3);
  });

  it('nothing that fits: says so and offers the whole list', () => {
    const taxi = claim('paid', outlay('taxi', 43_000));
    const { answer, answered } = ask('har jeg fått utbetalt for hotellet?', [taxi]);
    expect(answer).toBe('Jeg finner ingen krav for hotell. Her er alle kravene dine:');
    expect(listed(answered)).toEqual([taxi.number]);
  });

  it('a claim number, and a sum over a time word, in English', () => {
    const taxi = claim('paid', outlay('taxi', 43_000), { paidAt: '2026-11-28T10:00:00Z' });
    const hotel = claim('paid', outlay('hotel', 125_000), {
      paidAt: '2026-10-30T10:00:00Z',
      at: '2026-10-20T09:00:00Z',
    });
    const byNumber = ask(`has ${taxi.number} been paid?`, [taxi, hotel]).answer;
    expect(byNumber).toMatch(
      /^Yes – claim RR-2026-\d{6} \(Outlay: Taxi, NOK 430\.00\) was paid on 28 Nov\.$/,
    );
    const sum = ask('how much have I been paid this month?', [taxi, hotel]).answer;
    expect(sum).toBe(
      `You have 1 claim that have been paid this month, NOK 430.00 in all: ${taxi.number}.`,
    );
  });

  it('asked while an outlay waits for its purpose: the answer tells the draft is not filed, and the question is not the purpose', () => {
    const drafted = run([say('taxi 289 kr fra flyplassen i går')]);
    const { answer, answered } = ask('har jeg fått pengene for taxien?', [], drafted.state);
    expect(answer).toContain('Du har ingen krav ennå');
    expect(answer).toMatch(/Utkast under arbeid: taxi 289,00 kr/);
    expect(answered.state.outlay?.fields.purpose).toBe('');
  });

  it('is private: in a group chat the bot points to the personal chat', () => {
    const r = run(
      [say('har jeg fått pengene for taxien?')],
      { welcomed: true },
      ctx({ scope: 'groupChat' }),
    );
    expect(r.last.effects).toEqual([]);
    expect(texts(r.last).join()).toMatch(/privat|personal|direkte/i);
  });
});

describe('what is not a claims question stays what it was', () => {
  it.each([
    ['how do I get my money faster?'],
    ['hvordan sender jeg inn et krav?'],
    ['korleis får eg pengane att for parkering?'],
    ['who approves my claim?'],
    ['what happens if my claim is rejected?'],
    ['når har jeg krav på diett?'],
    ['when is salary paid?'],
    // The user as the payer of a second verb, which kind to choose, and what gives per diem.
    ['I drove to Hamar and paid a ferry, where does the ferry go?'],
    ['jeg var på seminar i Oslo i to dager, hvilken type krav skal jeg velge?'],
    ['I was in Tromsø Monday to Wednesday, which claim gives me per diem?'],
  ])('"%s" goes to the user guide', (text) => {
    expect(readClaimsQuestion(text)).toBeUndefined();
    expect(run([say(text)]).last.effects).toEqual([
      expect.objectContaining({ type: 'answerHelp' }),
    ]);
  });

  it.each([['taxi 430 kr i går'], ['hotell 1250 kr 3. des'], ['I paid 120 NOK for parking today']])(
    '"%s" is an outlay',
    (text) => {
      expect(readClaimsQuestion(text)).toBeUndefined();
      const r = run([say(text)]).last;
      expect(r.effects).toEqual([]);
      expect(cards(r)[0]?.template).toMatch(/^outlay-/);
    },
  );
});

describe('reading the question', () => {
  it.each<[string, Partial<ClaimsQuestion>]>([
    [
      'Har du sjekka om hotellet er betalt?',
      { ask: 'state', state: 'paid', subject: 'hotel', one: true },
    ],
    [
      'har eg fått pengane for ferja?',
      { ask: 'state', state: 'paid', subject: 'ferry', one: true },
    ],
    ['kor mange krav ventar på godkjenning?', { ask: 'count', state: 'pending' }],
    [
      'kor mykje har eg fått utbetalt i år?',
      { ask: 'amount', state: 'paid', period: { unit: 'year', offset: 0 } },
    ],
    [
      'hvorfor ble parkeringskravet avvist?',
      { ask: 'state', state: 'rejected', subject: 'parking', one: true },
    ],
    [
      'when will I get paid for the hotel?',
      { ask: 'status', state: 'paid', subject: 'hotel', one: true },
    ],
    [
      'was my mileage claim for last week rejected?',
      { ask: 'state', state: 'rejected', subject: 'mileage', period: { unit: 'week', offset: -1 } },
    ],
    ['any claims still waiting for approval?', { ask: 'count', state: 'pending' }],
    ['hva er status på krav 12?', { ask: 'status', number: '12', one: true }],
    [
      'har jeg fått betalt for kjoringen til Drammen?',
      { ask: 'state', state: 'paid', subject: 'mileage' },
    ],
    [
      'hvor mye har jeg utestående i november?',
      { ask: 'amount', state: 'unpaid', period: { month: 11 } },
    ],
  ])('"%s"', (text, expected) => {
    expect(readClaimsQuestion(text)).toMatchObject(expected);
  });

  it('answers a whole list of several claims line by line', () => {
    const a = claim('paid', outlay('taxi', 10_000));
    const b = claim('rejected', outlay('taxi', 20_000));
    const question = readClaimsQuestion('er taxikravene mine betalt?');
    expect(question).toMatchObject({ ask: 'state', state: 'paid', subject: 'taxi' });
    const { text, list } = answerClaimsQuestion(
      question as ClaimsQuestion,
      [a, b],
      'nb',
      '2026-12-05',
    );
    expect(text.split('\n').map(plainSpaces)).toEqual([
      'Jeg fant 2 krav som passer:',
      `- Nei – kravet ${b.number} (Utlegg: Taxi, 200,00 kr) ble avvist. Spør økonomi om du lurer på hvorfor.`,
      `- Ja – kravet ${a.number} (Utlegg: Taxi, 100,00 kr) er utbetalt.`,
    ]);
    expect(list).toHaveLength(2);
  });
});
