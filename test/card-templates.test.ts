import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CardRenderer, CARD_TEMPLATES } from '../src/bot/card-renderer.js';
import type { Claim } from '../src/claims/claim.js';
import { outlayFormView, outlaySummaryView } from '../src/conversation/card-views.js';
import type { View } from '../src/conversation/types.js';
import { sampleCards, sampleDraft as draft } from '../scripts/sample-cards.js';

// The renderer's own parser (the one the Playground and Teams web use) is the judge of validity.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

const renderer = new CardRenderer();
function dataOf(view: View): Record<string, unknown> {
  if (view.kind !== 'card') throw new Error('not a card');
  return view.data;
}

function validationMessages(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) messages.push(e.message);
  return messages;
}

describe('card templates', () => {
  it('covers every template', () => {
    expect([...new Set(sampleCards().map((s) => s.template))].sort()).toEqual([...CARD_TEMPLATES].sort());
  });

  it.each(sampleCards(renderer).map((s) => [s.name, s.card] as const))('%s binds completely and is a valid Adaptive Card 1.5', (_name, card) => {
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect((card as { version: string }).version).toBe('1.5');
    expect(validationMessages(card)).toEqual([]);
    // Teams refuses messages over 100 KB; a card should stay far below that.
    expect(Buffer.byteLength(json)).toBeLessThan(28_000);
  });

  it('the outlay form has the contract input ids and actions', () => {
    const card = renderer.render('outlay-form', dataOf(outlayFormView('en', { ...draft, step: 'form' })));
    const json = JSON.stringify(card);
    for (const id of ['date', 'amount', 'currency', 'kind', 'merchant', 'purpose', 'comment']) expect(json).toContain(`"id":"${id}"`);
    const actions = card.actions as Array<{ type: string; verb: string; data: { action: string }; fallback: { type: string; data: { action: string } } }>;
    expect(actions.map((a) => [a.type, a.data.action, a.fallback.type, a.fallback.data.action])).toEqual([
      ['Action.Execute', 'outlay.submit', 'Action.Submit', 'outlay.submit'],
      ['Action.Execute', 'outlay.cancel', 'Action.Submit', 'outlay.cancel'],
    ]);
    expect(json).toContain('"value":"2026-11-23"');
  });

  it('the summary offers file, edit and cancel only while reviewing; a filed one is read-only', () => {
    const reviewCard = renderer.render('outlay-summary', dataOf(outlaySummaryView('nb', draft, 'review')));
    expect((reviewCard.actions as Array<{ data: { action: string } }>).map((a) => a.data.action)).toEqual(['outlay.file', 'outlay.edit', 'outlay.cancel']);
    const filed = renderer.render('outlay-summary', dataOf(outlaySummaryView('nb', draft, 'filed', 'RR-2026-000001')));
    expect(filed.actions ?? []).toEqual([]);
    expect(JSON.stringify(filed)).toContain('Sendt inn som RR-2026-000001');
  });

  it('the claim with several receipts lets each line be edited or removed, and files the whole claim', () => {
    const review = sampleCards(renderer).find((s) => s.name === 'outlay-claim-review.en')?.card;
    const actions = allActions(review);
    expect(actions.map((a) => [a.data.action, a.data.lineId ?? ''])).toEqual([
      ['claim.editLine', 'l1'], ['claim.removeLine', 'l1'], ['claim.editLine', 'l2'], ['claim.removeLine', 'l2'], ['claim.editLine', 'l3'], ['claim.removeLine', 'l3'],
      ['claim.file', ''], ['claim.edit', ''], ['claim.cancel', ''],
    ]);
    expect(actions.every((a) => a.data.draftId === 'c1')).toBe(true);
    const filed = sampleCards(renderer).find((s) => s.name === 'outlay-claim-filed.nb')?.card;
    expect(allActions(filed)).toEqual([]);
  });

  it('every action in every card is Action.Execute with an Action.Submit fallback carrying the same data', () => {
    for (const { name, card } of sampleCards(renderer)) {
      for (const action of allActions(card)) {
        expect(action.type, name).toBe('Action.Execute');
        expect(action.fallback?.type, name).toBe('Action.Submit');
        expect(action.fallback?.data, name).toEqual(action.data);
      }
    }
  });

  it('money is shown in the user locale', () => {
    const nb = JSON.stringify(renderer.render('outlay-summary', dataOf(outlaySummaryView('nb', draft, 'review'))));
    const en = JSON.stringify(renderer.render('outlay-summary', dataOf(outlaySummaryView('en', draft, 'review'))));
    expect(nb).toMatch(/1\s409,00\s?kr/);
    expect(en).toMatch(/NOK\s1,409\.00/);
  });
});

type CardAction = { type: string; data: Record<string, unknown>; fallback?: { type: string; data: Record<string, unknown> } };

/** The card's actions and those of its ActionSets, in reading order. */
function allActions(node: unknown): CardAction[] {
  if (Array.isArray(node)) return node.flatMap(allActions);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') && record.data ? [record as unknown as CardAction] : [];
  const children = Object.entries(record).filter(([key]) => key !== 'fallback').flatMap(([, value]) => allActions(value));
  return [...own, ...children];
}
