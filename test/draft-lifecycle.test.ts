/**
 * The shared draft lifecycle on a flow of its own, the smallest there can be: a note that needs a
 * text of three letters or more. Shows what a flow supplies and what the lifecycle does with it.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import {
  cancel,
  edit,
  file,
  fileFailed,
  filed,
  onCurrent,
  review,
  type Draft,
  type DraftFlow,
} from '../src/conversation/draft-lifecycle.js';
import { Turn } from '../src/conversation/turn.js';
import type { UserState, View } from '../src/conversation/types.js';
import { ctx } from './helpers/engine-driver.js';

interface Note extends Draft {
  text: string;
}

/** The note lives where an outlay would; the cards are plain text saying their mode. */
const noteFlow: DraftFlow<Note, string, string> = {
  get: (state) => state.outlay as unknown as Note | undefined,
  set: (state, draft) => {
    state.outlay = draft as unknown as UserState['outlay'];
  },
  filingInProgress: 'outlay.filingInProgress',
  cancelled: 'outlay.cancelled',
  check: (_turn, note) =>
    note.text.trim().length >= 3
      ? { ok: true, value: note.text.trim() }
      : { ok: false, errors: 'too short' },
  formView: (_turn, note, errors) => ({ kind: 'text', text: `form ${note.text} ${errors ?? ''}` }),
  summaryView: (_turn, note, mode, number) => ({
    kind: 'text',
    text: `${mode} ${note.text}${number ? ` ${number}` : ''}`,
  }),
  stale: (turn) => turn.say('outlay.noDraft'),
  reviewed: (note, text) => ({ ...note, text }),
  filing: (_turn, note) => ({ claim: { description: 'Note', purpose: note.text, lines: [] } }),
};

const turnWith = (note?: Note) => new Turn(note ? { outlay: note as never } : {}, ctx(), 'en');
const shown = (view: View | undefined) => (view?.kind === 'text' ? view.text : undefined);
const claim = { number: 'RR-1', totals: [{ amountMinor: 100, currency: 'NOK' }] } as Claim;

describe('the draft lifecycle', () => {
  it('form → review: a draft that holds is shown ready to file, one that does not goes back to its form', () => {
    const ok = turnWith();
    review(noteFlow, ok, { id: 'n1', step: 'form', text: '  hello ' }, true);
    expect(noteFlow.get(ok.state)).toEqual({ id: 'n1', step: 'review', text: 'hello' });
    expect(shown(ok.replace)).toBe('review hello');

    const bad = turnWith();
    review(noteFlow, bad, { id: 'n1', step: 'review', text: 'hi' }, false);
    expect(noteFlow.get(bad.state)?.step).toBe('form');
    expect(bad.messages.map(shown)).toEqual([expect.any(String), 'form hi too short']);
  });

  it('review → filing asks the bot to file once; a second click while filing is told to wait', () => {
    const turn = turnWith({ id: 'n1', step: 'review', text: 'hello' });
    file(noteFlow, turn, noteFlow.get(turn.state) as Note, true);
    expect(turn.effects).toEqual([
      {
        type: 'fileClaim',
        draftId: 'n1',
        claim: { description: 'Note', purpose: 'hello', lines: [] },
      },
    ]);
    expect(shown(turn.replace)).toBe('filing hello');
    const again = turnWith(noteFlow.get(turn.state));
    file(noteFlow, again, noteFlow.get(again.state) as Note, true);
    edit(noteFlow, again, noteFlow.get(again.state) as Note);
    cancel(noteFlow, again, noteFlow.get(again.state) as Note, true);
    expect(again.effects).toEqual([]);
    expect(again.messages).toHaveLength(3);
  });

  it('filing → filed remembers the number; filing → failed goes back to review', () => {
    const ok = turnWith({ id: 'n1', step: 'filing', text: 'hello' });
    expect(filed(noteFlow, ok, 'other', claim)).toBe(false);
    expect(filed(noteFlow, ok, 'n1', claim)).toBe(true);
    expect(noteFlow.get(ok.state)).toBeUndefined();
    expect(ok.state.lastFiled).toEqual({ draftId: 'n1', number: 'RR-1' });
    expect(shown(ok.replace)).toBe('filed hello RR-1');

    const down = turnWith({ id: 'n1', step: 'filing', text: 'hello' });
    expect(fileFailed(noteFlow, down, 'n1', 'unavailable')).toBe(true);
    expect(noteFlow.get(down.state)?.step).toBe('review');
    expect(shown(down.replace)).toBe('review hello');
  });

  it('cancelled: the draft is gone and the card says so; a click on its card gets the stale answer', () => {
    const turn = turnWith({ id: 'n1', step: 'review', text: 'hello' });
    cancel(noteFlow, turn, noteFlow.get(turn.state) as Note, true);
    expect(noteFlow.get(turn.state)).toBeUndefined();
    expect(shown(turn.replace)).toBe('cancelled hello');
    const later = turnWith();
    let handled = false;
    onCurrent(noteFlow, () => (handled = true))(later, { draftId: 'n1' });
    expect(handled).toBe(false);
    expect(later.messages).toHaveLength(1);
  });
});
