/**
 * Card actions as the engine receives them: typed by the parser at the edge, routed by name, and
 * an unknown or malformed one answered plainly in the user's language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../src/conversation/actions/card-action.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { ConversationEvent, Lang } from '../src/conversation/types.js';
import { act, ctx, run, say, texts } from './helpers/engine-driver.js';

const UNKNOWN: Record<Lang, RegExp> = {
  nb: /Den knappen kjenner jeg ikke/,
  nn: /Den knappen kjenner eg ikkje/,
  en: /I do not know that button/,
};
const MALFORMED: Record<Lang, RegExp> = {
  nb: /Jeg klarte ikke å lese det den knappen sendte/,
  nn: /Eg klarte ikkje å lese det den knappen sende/,
  en: /I could not read what that button sent/,
};

/** What the bot hands the engine for a raw payload. */
function clicked(raw: unknown): ConversationEvent {
  const parsed = parseCardAction(raw);
  return parsed.ok
    ? { type: 'action', action: parsed.action }
    : { type: 'action', rejected: parsed.rejected };
}

describe('parsing a card action', () => {
  it('types a known action and keeps the card inputs for the flow that owns the form', () => {
    const parsed = parseCardAction({ action: 'outlay.submit', draftId: 'd1', amount: '120' });
    expect(parsed).toEqual({
      ok: true,
      action: { action: 'outlay.submit', draftId: 'd1', amount: '120' },
    });
  });

  it('tells an unknown name from a payload it cannot read', () => {
    expect(parseCardAction({ action: 'outlay.frobnicate' })).toEqual({
      ok: false,
      rejected: { reason: 'unknown', name: 'outlay.frobnicate' },
    });
    for (const raw of [['outlay.start'], 'outlay.start', { action: 42 }, {}, null, undefined])
      expect(parseCardAction(raw), JSON.stringify(raw)).toEqual({
        ok: false,
        rejected: { reason: 'malformed' },
      });
    expect(parseCardAction({ action: 'receipt.toClaim' })).toEqual({
      ok: false,
      rejected: { reason: 'malformed', name: 'receipt.toClaim' },
    });
    expect(parseCardAction({ action: 'outlay.file', draftId: 7 })).toMatchObject({ ok: false });
  });
});

describe('an unknown or malformed card action through the engine', () => {
  for (const lang of ['nb', 'nn', 'en'] as const) {
    it(`answers an unknown button in ${lang}, and leaves the draft as it was`, () => {
      const { state } = run([act('outlay.start')], { welcomed: true, lang, langChosen: true });
      const r = handleEvent(state, act('outlay.frobnicate'), ctx());
      expect(texts(r)).toHaveLength(1);
      expect(texts(r)[0]).toMatch(UNKNOWN[lang]);
      expect(r.state.outlay).toEqual(state.outlay);
      expect(r.effects).toEqual([]);
    });

    it(`answers a malformed payload in ${lang}`, () => {
      for (const raw of [['outlay.file'], 'outlay.file', { action: 42 }]) {
        const r = handleEvent({ welcomed: true, lang }, clicked(raw), ctx());
        expect(texts(r), JSON.stringify(raw)).toEqual([expect.stringMatching(MALFORMED[lang])]);
      }
    });
  }

  it('answers "send to claim" without a receipt instead of doing nothing', () => {
    const r = handleEvent({ welcomed: true }, act('receipt.toClaim'), ctx());
    expect(texts(r)[0]).toMatch(MALFORMED.nb);
    expect(r.effects).toEqual([]);
    const ok = handleEvent({ welcomed: true }, act('receipt.toClaim', { receiptId: 'r1' }), ctx());
    expect(ok.effects).toEqual([{ type: 'loadReceipt', receiptId: 'r1' }]);
  });

  it('answers in the language the user last wrote in', () => {
    const { state } = run([say('how do I log a ferry ticket?')]);
    const r = handleEvent(state, act('nothing.known'), ctx());
    expect(texts(r)[0]).toMatch(UNKNOWN.en);
  });

  it('keeps claims private in a group chat, whatever the button', () => {
    const r = handleEvent({}, act('nothing.known'), ctx({ scope: 'groupChat' }));
    expect(texts(r)[0]).toMatch(/privat/i);
  });
});

describe('every button a card can show has a route', () => {
  /** Action names written into the card templates, and those the views bind into them. */
  function namesOnCards(): string[] {
    const dir = path.join(import.meta.dirname, '..', 'cards');
    const names = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const json = readFileSync(path.join(dir, file), 'utf8');
      for (const m of json.matchAll(/"(?:action|verb)": "([a-z]+\.[A-Za-z]+)"/g))
        names.add(m[1] as string);
    }
    // Bound by the views: the forms' buttons and the trip summaries' `${prefix}.…` actions.
    for (const prefix of ['mileage', 'travel'])
      for (const a of ['file', 'edit', 'cancel', 'addOutlay']) names.add(`${prefix}.${a}`);
    // Only a travel claim takes the trip's mileage.
    names.add('travel.addMileage');
    for (const n of ['outlay.submit', 'outlay.cancel', 'claim.saveLine', 'claim.show'])
      names.add(n);
    return [...names].sort();
  }

  it('parses each of them with the keys its card sends', () => {
    const names = namesOnCards();
    expect(names.length).toBeGreaterThan(30);
    for (const action of names) {
      const parsed = parseCardAction({
        action,
        draftId: 'd1',
        lineId: 'l1',
        batchId: 'b1',
        receiptId: 'r1',
        index: '0',
      });
      expect(parsed.ok, action).toBe(true);
    }
  });
});
