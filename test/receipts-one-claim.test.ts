/**
 * Several receipt photos in one message: one claim with a line per receipt when the user says so
 * ("ett krav"), and "Put them in one claim" afterwards when they did not. Pure engine, plain data.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import type {
  ConversationEvent,
  ReceiptSummary,
  TurnResult,
  UserState,
} from '../src/conversation/types.js';
import type { ReceiptFields } from '../src/claims/receipt-reading.js';
import { act, cards, ctx, plainSpaces, run, say, texts } from './helpers/engine-driver.js';

const sure = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0.9,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0.9,
  vatRate: 0.9,
};
const fuel: ReceiptFields = {
  kind: 'fuel',
  merchant: 'Uno-X Sandnes',
  date: '2026-11-20',
  totalMinor: 104095,
  currency: 'NOK',
  confidence: sure,
};
const taxi: ReceiptFields = {
  kind: 'taxi',
  merchant: 'Stavanger Taxi',
  date: '2026-11-21',
  totalMinor: 53579,
  currency: 'NOK',
  confidence: { ...sure, date: 0.3 },
};
const parking: ReceiptFields = {
  kind: 'parking',
  merchant: 'Europark',
  date: '2026-11-21',
  totalMinor: 22000,
  currency: 'NOK',
  confidence: sure,
};
const cat: ReceiptFields = { kind: 'not_receipt', confidence: sure };

const summary = (id: string, fields: ReceiptFields, name?: string): ReceiptSummary => ({
  id,
  ...(name ? { name } : {}),
  createdAt: '2026-11-22T10:00:00Z',
  fields,
});
const arrived = (count: number, text?: string, batchId = 'msg-1'): ConversationEvent => ({
  type: 'receiptsArrived',
  count,
  batchId,
  ...(text !== undefined ? { text } : {}),
});
const read = (
  index: number,
  receipt: ReceiptSummary,
  batchId = 'msg-1',
  duplicateOf?: ReceiptSummary,
): ConversationEvent => ({
  type: 'receiptRead',
  receipt,
  batch: { id: batchId, index },
  ...(duplicateOf ? { duplicateOf } : {}),
});
const failed = (index: number, batchId = 'msg-1'): ConversationEvent => ({
  type: 'receiptFailed',
  batch: { id: batchId, index },
  messages: {
    nb: 'Jeg klarte ikke å lese fila.',
    nn: 'Eg klarte ikkje å lese fila.',
    en: 'I could not read that file.',
  },
});

/** Three photos sent with `text`, read one after another. */
function threePhotos(text: string | undefined, start: UserState = { welcomed: true }, c = ctx()) {
  return run(
    [
      arrived(3, text),
      read(0, summary('r1', fuel, 'uno-x.jpg')),
      read(1, summary('r2', taxi)),
      read(2, summary('r3', parking)),
    ],
    start,
    c,
  );
}

const claimCard = (r: TurnResult) => cards(r).find((v) => v.template === 'outlay-claim');
const lineTitles = (
  r: TurnResult | undefined,
  view = r &&
    (r.replace?.kind === 'card' && r.replace.template === 'outlay-claim'
      ? r.replace
      : claimCard(r)),
) => ((view?.data.lines ?? []) as Array<{ title: string }>).map((l) => l.title);

describe('several photos with "ett krav": one claim, a line per receipt', () => {
  it('3 receipts and "ett krav" make one draft with 3 lines and the right total, shown once the last photo is read', () => {
    const { results, state, last } = threePhotos('ett krav');
    expect(texts(results[0] as TurnResult)).toEqual([
      'Leser de 3 kvitteringene og samler dem i ett krav …',
    ]);
    // Nothing is shown while the photos are read: no card per photo.
    expect(results.slice(1, 3).every((r) => r.messages.length === 0)).toBe(true);
    expect(state.outlay).toBeUndefined();
    expect(
      state.outlayClaim?.lines.map((l) => [
        l.fields.kind,
        l.fields.amount,
        l.fields.currency,
        l.fields.date,
        l.fields.merchant,
        l.receiptIds,
      ]),
    ).toEqual([
      ['fuel', '1040,95', 'NOK', '2026-11-20', 'Uno-X Sandnes', ['r1']],
      ['taxi', '535,79', 'NOK', '2026-11-21', 'Stavanger Taxi', ['r2']],
      ['parking', '220', 'NOK', '2026-11-21', 'Europark', ['r3']],
    ]);
    // The card comes first, so the bot can put it where "Reading your receipts…" was.
    expect(last.messages[0]).toMatchObject({ kind: 'card', template: 'outlay-claim' });
    const card = claimCard(last);
    expect(plainSpaces(card?.data.total)).toBe('1 796,74 kr');
    const lines = card?.data.lines as Array<Record<string, string>>;
    expect(lines.map((l) => l.title)).toEqual([
      'Drivstoff – Uno-X Sandnes',
      'Taxi – Stavanger Taxi',
      'Parkering – Europark',
    ]);
    expect(lines[0]?.detail).toBe('20.11.2026 · kvittering: uno-x.jpg');
    // The date on the taxi receipt was read with low confidence: that line asks to be checked.
    expect(lines.map((l) => l.checkNote)).toEqual(['', 'Sjekk: dato.', '']);
    expect(texts(last)).toEqual([
      'Hva var formålet med disse utgiftene? Skriv det i kortet eller her i chatten.',
    ]);
  });

  it('understands nynorsk and English, and keeps the rest of the text as the comment', () => {
    const nn = threePhotos(
      'Tur til Molde, alt på eitt krav',
      { welcomed: true },
      ctx({ locale: 'nn-NO' }),
    );
    expect(texts(nn.results[0] as TurnResult)).toEqual([
      'Les dei 3 kvitteringane og samlar dei i eitt krav …',
    ]);
    expect(nn.state.outlayClaim?.lines.map((l) => l.fields.comment)).toEqual([
      'Tur til Molde',
      'Tur til Molde',
      'Tur til Molde',
    ]);
    expect(claimCard(nn.last)?.data.title).toBe('Utlegg på eitt krav');
    const en = threePhotos(
      'put them together please',
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(en.state.outlayClaim?.lines).toHaveLength(3);
    expect(en.state.outlayClaim?.lines[0]?.fields.comment).toBe('');
    expect(plainSpaces(claimCard(en.last)?.data.total)).toBe('NOK 1,796.74');
  });

  it('a photo that is no receipt, a duplicate and an unreadable file are reported in the same reply and left out', () => {
    const { state, last } = run([
      arrived(5, 'samle i ett krav'),
      read(0, summary('r1', fuel)),
      read(1, summary('r2', cat, 'katt.jpg')),
      read(2, summary('r0', parking), 'msg-1', summary('r0', parking)),
      failed(3),
      read(4, summary('r3', taxi)),
    ]);
    expect(state.outlayClaim?.lines.map((l) => l.receiptIds)).toEqual([['r1'], ['r3']]);
    expect(plainSpaces(claimCard(last)?.data.total)).toBe('1 576,74 kr');
    expect(texts(last)[0]).toBe(
      [
        'Dette tok jeg ikke med på kravet:',
        '- Bilde 2 (katt.jpg): ser ikke ut som en kvittering (ligger under «mine kvitteringer»).',
        '- Bilde 3: du har sendt denne kvitteringen før (22.11.2026), så den er ikke lagt inn to ganger.',
        '- Bilde 4: Jeg klarte ikke å lese fila.',
      ].join('\n'),
    );
    // The batch is done: nothing of it lingers in the state.
    expect(state.receiptBatches).toBeUndefined();
  });

  it('says so when none of the photos could go on a claim', () => {
    const { state, last } = run(
      [arrived(2, 'one claim'), read(0, summary('r1', cat)), failed(1)],
      { welcomed: true },
      ctx({ locale: 'en-US' }),
    );
    expect(state.outlayClaim).toBeUndefined();
    expect(texts(last)).toEqual([
      'Left out of the claim:\n- Photo 1: does not look like a receipt (kept in "my receipts").\n- Photo 2: I could not read that file.',
      'None of the photos could go on a claim.',
    ]);
  });

  it('an outlay in progress steps aside for the claim, and "angre" brings it back', () => {
    const started = run([say('parkering 120 kr i går')]);
    const { state, last } = threePhotos('ett krav', started.state);
    expect(state.outlay).toBeUndefined();
    expect(state.setAside?.fields.amount).toBe('120');
    expect(texts(last)).toContain(
      'Utlegget du holdt på med, er lagt til side: skriv «angre» for å få det tilbake.',
    );
    expect(run([say('angre')], state).state.outlay?.fields.amount).toBe('120');
  });

  it('a later photo with "samme krav" goes on the claim in progress', () => {
    const { state } = threePhotos('ett krav');
    const more = run(
      [
        arrived(1, 'samme krav', 'msg-2'),
        read(0, summary('r4', { ...parking, totalMinor: 5000, merchant: 'EasyPark' }), 'msg-2'),
      ],
      state,
    );
    expect(more.state.outlayClaim?.id).toBe(state.outlayClaim?.id);
    expect(more.state.outlayClaim?.lines).toHaveLength(4);
    expect(texts(more.last)).toContain('Jeg la kvitteringene til kravet du holder på med.');
  });
});

describe('checking, editing and filing the claim', () => {
  it('the purpose written in the chat brings the claim to its summary, ready to file', () => {
    const { state } = threePhotos('ett krav');
    const { last } = run([say('Kundemøte hos Equinor i Stavanger')], state);
    expect(last.state.outlayClaim).toMatchObject({
      step: 'review',
      purpose: 'Kundemøte hos Equinor i Stavanger',
    });
    const card = claimCard(last);
    expect(card?.data).toMatchObject({
      title: 'Sjekk kravet',
      showFile: true,
      showEdit: true,
      showCancel: true,
      facts: [{ title: 'Formål', value: 'Kundemøte hos Equinor i Stavanger' }],
    });
  });

  it('the purpose typed on the card works too; a missing one is said on the card', () => {
    const { state } = threePhotos('ett krav');
    const id = state.outlayClaim?.id;
    const empty = run([act('claim.submit', { draftId: id, purpose: '' })], state).last;
    expect(empty.replace).toMatchObject({
      template: 'outlay-claim',
      data: { purposeError: 'Fyll inn formålet: hvorfor hadde du denne utgiften?' },
    });
    const ok = run([act('claim.submit', { draftId: id, purpose: 'Kundemøte' })], state).last;
    expect(ok.state.outlayClaim?.step).toBe('review');
  });

  it('removing a line updates the total and leaves its receipt in "my receipts"', () => {
    const { state } = threePhotos('ett krav');
    const claim = state.outlayClaim;
    const removed = run(
      [act('claim.removeLine', { draftId: claim?.id, lineId: claim?.lines[1]?.id })],
      state,
    ).last;
    expect(removed.state.outlayClaim?.lines.map((l) => l.receiptIds[0])).toEqual(['r1', 'r3']);
    expect(removed.replace?.kind === 'card' && plainSpaces(removed.replace.data.total)).toBe(
      '1 260,95 kr',
    );
    expect(lineTitles(removed)).toEqual(['Drivstoff – Uno-X Sandnes', 'Parkering – Europark']);
    expect(texts(removed)).toEqual([
      'Fjernet linjen. Kvitteringen ligger fortsatt under «mine kvitteringer».',
    ]);
  });

  it('removing the last line cancels the claim, and says nothing was filed', () => {
    const { state } = run([
      arrived(2, 'ett krav'),
      read(0, summary('r1', fuel)),
      read(1, summary('r2', cat)),
    ]);
    const claim = state.outlayClaim;
    const r = run(
      [act('claim.removeLine', { draftId: claim?.id, lineId: claim?.lines[0]?.id })],
      state,
    ).last;
    expect(r.state.outlayClaim).toBeUndefined();
    expect(r.replace).toMatchObject({
      template: 'outlay-claim',
      data: { status: 'Avbrutt: ingenting ble sendt inn.' },
    });
    expect(texts(r)[0]).toMatch(/siste linjen, så kravet er avbrutt/);
  });

  it('a line opens in the outlay form without the purpose, is checked again, and comes back without "please check"', () => {
    const { state } = threePhotos('ett krav');
    const claim = state.outlayClaim;
    const lineId = claim?.lines[1]?.id;
    const form = run([act('claim.editLine', { draftId: claim?.id, lineId })], state).last;
    expect(form.replace).toMatchObject({
      template: 'outlay-form',
      data: {
        title: 'Linje 2: Taxi',
        lineId,
        showPurpose: false,
        actions: { submit: 'claim.saveLine', cancel: 'claim.show' },
        fields: { amount: '535,79', date: '2026-11-21' },
      },
    });
    const wrong = run(
      [act('claim.saveLine', { draftId: claim?.id, lineId, amount: '5x5' })],
      form.state,
    ).last;
    expect(wrong.replace).toMatchObject({
      template: 'outlay-form',
      data: { errors: { amount: 'Fyll inn et beløp som 120 eller 120,50.' } },
    });
    expect(wrong.state.outlayClaim?.lines[1]?.fields.amount).toBe('535,79');
    const saved = run(
      [
        act('claim.saveLine', {
          draftId: claim?.id,
          lineId,
          amount: '545,79',
          date: '2026-11-20',
          kind: 'taxi',
          currency: 'NOK',
          merchant: 'Stavanger Taxi',
          comment: 'Til flyplassen',
        }),
      ],
      form.state,
    ).last;
    expect(saved.state.outlayClaim?.lines[1]).toMatchObject({
      fields: { amount: '545,79', date: '2026-11-20', comment: 'Til flyplassen' },
    });
    expect(saved.state.outlayClaim?.lines[1]?.check).toBeUndefined();
    expect(saved.replace?.kind === 'card' && plainSpaces(saved.replace.data.total)).toBe(
      '1 806,74 kr',
    );
  });

  it('a line without an amount stops the filing and says which line on the card', () => {
    const noTotal = { ...parking, totalMinor: undefined };
    const { state } = run([
      arrived(2, 'ett krav'),
      read(0, summary('r1', fuel)),
      read(1, summary('r2', noTotal)),
      say('Kundemøte'),
    ]);
    expect(state.outlayClaim?.step).toBe('form');
    const lines = (
      run([act('claim.submit', { draftId: state.outlayClaim?.id })], state).last
        .replace as unknown as { data: { lines: Array<{ error: string; checkNote: string }> } }
    ).data.lines;
    expect(lines[1]).toMatchObject({
      error: 'Beløp: Fyll inn beløpet.',
      checkNote: 'Sjekk: beløp.',
    });
  });

  it('filing sends one claim with a line per receipt and all the receipts; a second click does not file twice', () => {
    const { state } = threePhotos('ett krav');
    const reviewed = run([say('Kundemøte hos Equinor i Stavanger')], state).state;
    const id = reviewed.outlayClaim?.id as string;
    const filing = run([act('claim.file', { draftId: id })], reviewed).last;
    expect(filing.replace).toMatchObject({
      template: 'outlay-claim',
      data: { status: 'Sender inn …', showFile: false },
    });
    expect(filing.effects).toEqual([
      {
        type: 'fileClaim',
        draftId: id,
        receiptIds: ['r1', 'r2', 'r3'],
        claim: {
          description: 'Utlegg: Drivstoff, taxi, parkering',
          purpose: 'Kundemøte hos Equinor i Stavanger',
          lines: [
            {
              type: 'outlay',
              date: '2026-11-20',
              kind: 'fuel',
              amountMinor: 104095,
              currency: 'NOK',
              merchant: 'Uno-X Sandnes',
            },
            {
              type: 'outlay',
              date: '2026-11-21',
              kind: 'taxi',
              amountMinor: 53579,
              currency: 'NOK',
              merchant: 'Stavanger Taxi',
            },
            {
              type: 'outlay',
              date: '2026-11-21',
              kind: 'parking',
              amountMinor: 22000,
              currency: 'NOK',
              merchant: 'Europark',
            },
          ],
        },
      },
    ]);
    const claim = {
      number: 'RR-2026-000042',
      totals: [{ currency: 'NOK', amountMinor: 179674 }],
    } as Claim;
    const filed = run([{ type: 'filed', draftId: id, claim }], filing.state).last;
    expect(filed.state.outlayClaim).toBeUndefined();
    expect(filed.replace).toMatchObject({
      template: 'outlay-claim',
      data: { status: 'Sendt inn som RR-2026-000042', showCancel: false },
    });
    expect(plainSpaces(texts(filed)[0])).toBe(
      'Ferdig! Kravet er sendt inn som **RR-2026-000042** (1 796,74 kr). Skriv «mine krav» for å følge det.',
    );
    const again = run([act('claim.file', { draftId: id })], filed.state).last;
    expect(again.effects).toEqual([]);
    expect(texts(again)).toEqual([
      'Dette kravet er allerede sendt inn som **RR-2026-000042**: det blir ikke sendt inn to ganger.',
    ]);
  });

  it('"send inn" and "avbryt" typed in the chat act on the claim', () => {
    const { state } = threePhotos('ett krav');
    const reviewed = run([say('Kundemøte')], state).state;
    expect(run([say('send inn')], reviewed).last.effects[0]).toMatchObject({
      type: 'fileClaim',
      receiptIds: ['r1', 'r2', 'r3'],
    });
    const cancelled = run([say('avbryt')], reviewed).last;
    expect(cancelled.state.outlayClaim).toBeUndefined();
    expect(texts(cancelled)).toEqual([
      'Avbrutt. Ingenting ble sendt inn; kvitteringene ligger fortsatt under «mine kvitteringer».',
    ]);
  });

  it('when the claims API is down the claim stays, ready to file again', () => {
    const { state } = threePhotos('ett krav');
    const filing = run([say('Kundemøte'), say('send inn')], state).state;
    const id = filing.outlayClaim?.id as string;
    const r = run([{ type: 'fileFailed', draftId: id, reason: 'unavailable' }], filing).last;
    expect(r.state.outlayClaim?.step).toBe('review');
    expect(texts(r)[0]).toMatch(/IKKE sendt inn/);
  });
});

describe('without "ett krav": a card each, and "Put them in one claim" afterwards', () => {
  it('each photo gets its own outlay card as before, and the reply ends with the offer to gather them', () => {
    const { results, state, last } = threePhotos(undefined);
    expect(texts(results[0] as TurnResult)).toEqual(['Leser de 3 kvitteringene …']);
    expect(
      results.slice(1).map((r) => cards(r).filter((c) => c.template === 'outlay-summary').length),
    ).toEqual([1, 1, 1]);
    expect(state.outlayClaim).toBeUndefined();
    expect(state.outlay?.receiptIds).toEqual(['r3']);
    const offer = cards(last).find((c) => c.template === 'receipts-merge');
    expect(offer?.data).toEqual({
      text: 'Jeg laget ett utlegg for hver av de 3 kvitteringene, og vi tar dem ett om gangen. Vil du heller ha dem på ett krav?',
      label: 'Samle i ett krav',
      batchId: 'msg-1',
    });
    // The photos of one message replace each other quietly: they come back in turn.
    expect(results.flatMap(texts).some((m) => m.includes('lagt til side'))).toBe(false);
    // Only the last card, the one the answer goes to, asks for the purpose.
    expect(
      results.map((r) => texts(r).filter((m) => m.startsWith('Hva var formålet')).length),
    ).toEqual([0, 0, 0, 1]);
    // Only on the last photo's reply, and not for a single photo.
    expect(
      results.slice(1, 3).some((r) => cards(r).some((c) => c.template === 'receipts-merge')),
    ).toBe(false);
    const single = run([arrived(1, undefined, 'msg-9'), read(0, summary('r9', fuel), 'msg-9')]);
    expect(cards(single.last).some((c) => c.template === 'receipts-merge')).toBe(false);
  });

  it('one at a time: once an outlay is filed or cancelled, the next photo of the message takes its turn, none forgotten', () => {
    const { state } = threePhotos(undefined);
    const fileCurrent = (s: UserState, number: string) => {
      const id = s.outlay?.id as string;
      const claim = { number, totals: [] } as unknown as Claim;
      return run(
        [
          say('Kundemøte'),
          act('outlay.file', { draftId: id }),
          { type: 'filed', draftId: id, claim },
        ],
        s,
      ).last;
    };
    const first = fileCurrent(state, 'RR-2026-000010');
    expect(texts(first)).toContain('Neste kvittering fra bildene du sendte (1 til etter denne):');
    expect(first.state.outlay?.receiptIds).toEqual(['r1']);
    expect(first.state.outlay?.fields).toMatchObject({
      amount: '1040,95',
      kind: 'fuel',
      purpose: '',
    });
    expect(cards(first).some((c) => c.template === 'outlay-summary')).toBe(true);
    // Cancelling one moves on too; the last is announced as the last.
    const second = run([say('avbryt')], first.state).last;
    expect(texts(second)).toContain('Den siste kvitteringen fra bildene du sendte:');
    expect(second.state.outlay?.receiptIds).toEqual(['r2']);
    // The taxi's date was unsure: it is still flagged on its turn.
    expect(second.state.outlay?.check).toContain('date');
    const third = fileCurrent(second.state, 'RR-2026-000011');
    expect(third.state.outlay).toBeUndefined();
    expect(texts(third).some((m) => m.startsWith('Neste') || m.startsWith('Den siste'))).toBe(
      false,
    );
  });

  it('"mine krav" names the claim in progress, and the outlay and the trip in progress too', () => {
    const { state } = threePhotos('ett krav');
    const listed = run([{ type: 'claimsListed', claims: [] }], state).last;
    const note = (r: TurnResult) =>
      plainSpaces(cards(r).find((c) => c.template === 'claims-list')?.data.draftNote);
    expect(note(listed)).toBe('Krav under arbeid: 3 utlegg, 1 796,74 kr');
    const trip = run(
      [say('kjørte 120 km til Drammen i går'), { type: 'claimsListed', claims: [] }],
      { welcomed: true },
    ).last;
    expect(note(trip)).toBe('Kjøring under arbeid: til Drammen');
    const outlay = run([say('parkering 120 kr'), { type: 'claimsListed', claims: [] }], {
      welcomed: true,
    }).last;
    expect(note(outlay)).toBe('Utkast under arbeid: parkering 120,00 kr');
    const nothing = run([{ type: 'claimsListed', claims: [] }], { welcomed: true }).last;
    expect(note(nothing)).toBe('');
  });

  it('"Samle alle i ett krav" in the inbox makes one claim of the receipts waiting there, leaving out what is no receipt', () => {
    const asked = run([act('receipts.allToClaim')]).last;
    expect(asked.effects).toEqual([{ type: 'gatherInbox' }]);
    const inbox = [
      summary('r1', fuel, 'uno-x.jpg'),
      summary('r4', cat, 'katt.jpg'),
      summary('r3', parking),
    ];
    const gathered = run([{ type: 'inboxGathered', receipts: inbox }]).last;
    expect(
      gathered.state.outlayClaim?.lines.map((l) => [l.receiptIds[0], l.fields.amount]),
    ).toEqual([
      ['r1', '1040,95'],
      ['r3', '220'],
    ]);
    expect(lineTitles(gathered)).toEqual(['Drivstoff – Uno-X Sandnes', 'Parkering – Europark']);
    expect(texts(gathered)).toContain(
      'Hva var formålet med disse utgiftene? Skriv det i kortet eller her i chatten.',
    );
    // With a claim in progress, they join it.
    const joined = run(
      [{ type: 'inboxGathered', receipts: [summary('r5', taxi)] }],
      gathered.state,
    ).last;
    expect(joined.state.outlayClaim?.id).toBe(gathered.state.outlayClaim?.id);
    expect(joined.state.outlayClaim?.lines).toHaveLength(3);
    // Nothing usable: said so, no claim.
    const none = run([{ type: 'inboxGathered', receipts: [summary('r4', cat)] }]).last;
    expect(none.state.outlayClaim).toBeUndefined();
    expect(texts(none).length).toBeGreaterThan(0);
  });

  it('with a trip claim open, the photos of one message go on the trip one at a time, none dropped', () => {
    const trip = run([say('kjørte 120 km fra Oslo til Drammen i går'), say('Kundemøte')]).state;
    expect(trip.mileage?.step).toBe('review');
    const toll = { ...parking, kind: 'toll' as const, merchant: 'Fjellinjen', totalMinor: 4500 };
    // "ett krav" with a trip open means the trip's claim.
    const { state, last } = run(
      [arrived(2, 'ett krav'), read(0, summary('r1', parking)), read(1, summary('r2', toll))],
      trip,
    );
    expect(state.outlayClaim).toBeUndefined();
    // No offer to gather them on a claim of their own: they belong on the trip.
    expect(cards(last).some((c) => c.template === 'receipts-merge')).toBe(false);
    expect(state.outlay?.parent?.kind).toBe('mileage');
    const first = run([act('outlay.file', { draftId: state.outlay?.id })], state).last;
    expect(first.state.mileage?.outlays.map((o) => o.amountMinor)).toEqual([4500]);
    // The other photo comes back, on the same trip, ready to add.
    expect(texts(first)).toContain('Den siste kvitteringen fra bildene du sendte:');
    expect(first.state.outlay).toMatchObject({
      parent: { kind: 'mileage' },
      receiptIds: ['r1'],
      step: 'review',
    });
    const second = run([act('outlay.file', { draftId: first.state.outlay?.id })], first.state).last;
    expect(second.state.mileage?.outlays.map((o) => o.amountMinor)).toEqual([4500, 22000]);
    expect(second.state.mileage?.receiptIds).toEqual(['r2', 'r1']);
    expect(second.state.outlay).toBeUndefined();
  });

  it('a click on the card of a photo still waiting makes it the current outlay; the one before waits its turn', () => {
    const { state } = threePhotos(undefined);
    const ids = state.receiptBatches?.[0]?.lines.map((l) => l.draftId) ?? [];
    expect(ids).toHaveLength(3);
    expect(state.outlay?.id).toBe(ids[2]);
    // The fuel receipt's card, the first one, answered with its purpose.
    const clicked = run(
      [act('outlay.submit', { draftId: ids[0], purpose: 'Kundemøte i Stavanger' })],
      state,
    ).last;
    expect(clicked.state.outlay).toMatchObject({ id: ids[0], step: 'review', receiptIds: ['r1'] });
    expect(texts(clicked).some((m) => m.includes('lagt til side') || m.includes('eldre'))).toBe(
      false,
    );
    const filed = run(
      [
        act('outlay.file', { draftId: ids[0] }),
        {
          type: 'filed',
          draftId: ids[0] as string,
          claim: { number: 'RR-2026-000020', totals: [] } as unknown as Claim,
        },
      ],
      clicked.state,
    ).last;
    // Then the others, in turn: none forgotten.
    expect([ids[1], ids[2]]).toContain(filed.state.outlay?.id);
    expect(texts(filed)).toContain('Neste kvittering fra bildene du sendte (1 til etter denne):');
  });

  it('one at a time in English and nynorsk', () => {
    const en = threePhotos(undefined, { welcomed: true }, ctx({ locale: 'en-GB' }));
    const next = run([say('cancel')], en.state, ctx({ locale: 'en-GB' })).last;
    expect(texts(next)).toContain('Next receipt from the photos you sent (1 more after this one):');
    const nn = threePhotos(undefined, { welcomed: true }, ctx({ locale: 'nn-NO' }));
    const nnNext = run([say('avbryt')], nn.state, ctx({ locale: 'nn-NO' })).last;
    expect(texts(nnNext)).toContain('Neste kvittering frå bileta du sende (1 til etter denne):');
  });

  it('the button gathers the unfiled drafts of that message into one claim, keeping what the user changed', () => {
    const { state } = threePhotos(undefined);
    // The user already gave the last one its purpose and corrected its amount.
    const edited = run(
      [
        act('outlay.submit', {
          draftId: state.outlay?.id,
          amount: '230',
          purpose: 'Kundemøte i Stavanger',
        }),
      ],
      state,
    ).state;
    const merged = run([act('receipts.merge', { batchId: 'msg-1' })], edited).last;
    expect(merged.state.outlay).toBeUndefined();
    expect(merged.state.setAside).toBeUndefined();
    expect(merged.state.outlayClaim).toMatchObject({
      step: 'review',
      purpose: 'Kundemøte i Stavanger',
    });
    expect(merged.state.outlayClaim?.lines.map((l) => [l.receiptIds[0], l.fields.amount])).toEqual([
      ['r1', '1040,95'],
      ['r2', '535,79'],
      ['r3', '230'],
    ]);
    // The clicked offer turns into the claim.
    expect(merged.replace).toMatchObject({ kind: 'card', template: 'outlay-claim' });
    expect(texts(merged)).toEqual([
      'Jeg samlet 3 kvitteringer i ett krav. Det erstatter de enkelte utleggene fra den meldingen.',
    ]);
    // A second click shows the same claim instead of gathering again.
    const again = run([act('receipts.merge', { batchId: 'msg-1' })], merged.state).last;
    expect(again.state.outlayClaim?.id).toBe(merged.state.outlayClaim?.id);
    expect(texts(again)).toEqual(['De kvitteringene er allerede samlet i ett krav: her er det.']);
  });

  it('a draft of that message filed already stays as it is and is not gathered', () => {
    const { state } = threePhotos(undefined);
    const id = state.outlay?.id as string;
    const filed = run(
      [
        say('Kundemøte'),
        act('outlay.file', { draftId: id }),
        {
          type: 'filed',
          draftId: id,
          claim: { number: 'RR-2026-000007', totals: [] } as unknown as Claim,
        },
      ],
      state,
    ).state;
    const merged = run([act('receipts.merge', { batchId: 'msg-1' })], filed).last;
    expect(merged.state.outlayClaim?.lines.map((l) => l.receiptIds[0])).toEqual(['r1', 'r2']);
    expect(texts(merged)).toContain(
      'Hva var formålet med disse utgiftene? Skriv det i kortet eller her i chatten.',
    );
  });

  it('"samle i eitt krav" typed afterwards does the same, in nynorsk', () => {
    const { state } = threePhotos(undefined, { welcomed: true }, ctx({ locale: 'nn-NO' }));
    const merged = run([say('samle i eitt krav')], state, ctx({ locale: 'nn-NO' })).last;
    expect(merged.state.outlayClaim?.lines).toHaveLength(3);
    expect(texts(merged)[0]).toBe(
      'Eg samla 3 kvitteringar i eitt krav. Det erstattar dei einskilde utlegga frå den meldinga.',
    );
    expect(claimCard(merged)?.data.title).toBe('Utlegg på eitt krav');
  });

  it("a click on one photo's old card after gathering points to the claim", () => {
    const { results, state } = threePhotos(undefined);
    const firstDraftId = cards(results[1] as TurnResult)[0]?.data.draftId;
    const merged = run([act('receipts.merge', { batchId: 'msg-1' })], state).state;
    const r = run([act('outlay.edit', { draftId: firstDraftId })], merged).last;
    expect(texts(r)).toEqual([
      'Det utlegget er nå en linje på kravet med flere kvitteringer: her er det.',
    ]);
    expect(claimCard(r)?.data.draftId).toBe(merged.outlayClaim?.id);
  });
});
