/**
 * Several receipt photos in one message without "ett krav": a card each, one outlay at a time,
 * and "Put them in one claim" afterwards (the button or the same words typed). Pure engine.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import type { TurnResult, UserState } from '../src/conversation/types.js';
import { act, cards, ctx, plainSpaces, run, say, texts } from './helpers/engine-driver.js';
import {
  arrived,
  cat,
  claimCard,
  fuel,
  lineTitles,
  parking,
  read,
  summary,
  taxi,
  threePhotos,
} from './helpers/receipt-batches.js';

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
