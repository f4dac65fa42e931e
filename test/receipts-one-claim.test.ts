/**
 * Several receipt photos in one message: one claim with a line per receipt when the user says so
 * ("ett krav"), then checking, editing and filing that claim. Pure engine, plain data. What
 * happens without "ett krav" is in receipts-merge-offer.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import type { TurnResult } from '../src/conversation/types.js';
import { act, ctx, plainSpaces, run, say, texts } from './helpers/engine-driver.js';
import {
  arrived,
  cat,
  claimCard,
  failed,
  fuel,
  lineTitles,
  parking,
  read,
  summary,
  taxi,
  threePhotos,
} from './helpers/receipt-batches.js';

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
