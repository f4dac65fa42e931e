/**
 * Cancelling a claim that waits in the outbox, in the pure engine: "avbryt" (or the queued card's
 * Cancel) asks the services to take the job out of the queue; stopped, the draft is an editable
 * draft again (nothing lost, and "avbryt" once more throws it away with "angre" to undo); being
 * delivered right now, the user is told it cannot be stopped. The outbox's part, with the job
 * queue and the claims API, is in claim-outbox.test.ts and filing-survives-crash.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { act, ctx, run, say, texts } from './helpers/engine-driver.js';
import type { ConversationEvent, TurnResult, UserState } from '../src/conversation/types.js';
import { handleEvent } from '../src/conversation/engine.js';

/** An outlay filed, and the claims API not answering: queued. */
function queuedOutlay(locale = 'nb-NO') {
  const c = ctx({ locale });
  const typing = locale.startsWith('en')
    ? [say('parking 120 kr today'), say('Customer meeting at Equinor')]
    : [say('parkering 120 kr i dag'), say('Kundemøte hos Equinor')];
  const typed = run(typing, undefined, c);
  const draftId = typed.state.outlay?.id ?? '';
  const queued = run(
    [act('outlay.file', { draftId }), { type: 'fileQueued', draftId }],
    typed.state,
    c,
  );
  return { c, draftId, state: queued.state, card: queued.last.replace };
}

const step = (state: UserState, event: ConversationEvent, c = ctx()): TurnResult =>
  handleEvent(state, event, c);

describe('cancelling a queued claim', () => {
  it('shows Cancel on the queued card, and asks the outbox to stop the filing', () => {
    const { c, draftId, state, card } = queuedOutlay();
    expect(state.outlay).toMatchObject({ step: 'filing', queued: true });
    expect(card).toMatchObject({ kind: 'card', data: { showCancel: true, showFile: false } });
    for (const cancel of [say('avbryt'), act('outlay.cancel', { draftId })]) {
      const asked = step(state, cancel, c);
      expect(asked.effects).toEqual([{ type: 'cancelFiling', draftId }]);
      expect(asked.messages).toEqual([]);
      expect(asked.state.outlay).toMatchObject({ step: 'filing', queued: true });
    }
  });

  it('stopped: an editable draft again; "avbryt" once more throws it away, "angre" brings it back', () => {
    const { c, draftId, state } = queuedOutlay();
    const stopped = step(state, { type: 'filingCancelled', draftId, stopped: true }, c);
    expect(stopped.state.outlay).toMatchObject({ id: draftId, step: 'review' });
    expect(stopped.state.outlay?.queued).toBeUndefined();
    expect(texts(stopped)).toEqual([
      'Stoppet: kravet ble ikke sendt inn. Det ligger her som utkast igjen, så du kan endre det og sende det inn senere. Skriv «avbryt» en gang til for å forkaste det.',
    ]);
    expect(stopped.replace).toMatchObject({ data: { showFile: true, showCancel: true } });
    const dropped = run([say('avbryt'), say('angre')], stopped.state, c);
    expect(texts(dropped.results[0] as TurnResult)[0]).toMatch(
      /^Avbrutt\. Ingenting ble sendt inn/,
    );
    expect(dropped.state.outlay).toMatchObject({ id: draftId, step: 'form' });
    // Filed again, it goes through the outbox as any claim.
    const again = run([say('send inn')], stopped.state, c);
    expect(again.last.effects).toMatchObject([{ type: 'fileClaim', draftId }]);
  });

  it('being delivered right now: told it cannot be cancelled, in nb, nn and en', () => {
    const expected = {
      'nb-NO':
        'Kravet sendes inn akkurat nå og kan ikke avbrytes. Jeg sier fra her når det er sendt inn.',
      'nn-NO':
        'Kravet blir sendt inn akkurat no og kan ikkje avbrytast. Eg seier frå her når det er sendt inn.',
      'en-US':
        'The claim is being filed right now and cannot be cancelled. I will tell you here when it is filed.',
    };
    for (const [locale, text] of Object.entries(expected)) {
      const { c, draftId, state } = queuedOutlay(locale);
      const busy = step(state, { type: 'filingCancelled', draftId, stopped: false }, c);
      expect(texts(busy)).toEqual([text]);
      expect(busy.state.outlay).toMatchObject({ step: 'filing', queued: true });
    }
  });

  it('a claim being filed in the turn itself (not queued) still says it is being filed', () => {
    const c = ctx();
    const typed = run([say('parkering 120 kr i dag'), say('Kundemøte hos Equinor')], undefined, c);
    const draftId = typed.state.outlay?.id ?? '';
    const filing = run([act('outlay.file', { draftId }), say('avbryt')], typed.state, c);
    expect(filing.last.effects).toEqual([]);
    expect(texts(filing.last)).toEqual(['Dette utlegget sendes inn akkurat nå. Vent et øyeblikk.']);
  });
});
