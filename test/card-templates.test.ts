import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CardRenderer, CARD_TEMPLATES } from '../src/bot/card-renderer.js';
import { outlayFormView, outlaySummaryView } from '../src/conversation/card-views.js';
import { travelFormView, travelSummaryView } from '../src/conversation/travel-flow.js';
import type { View } from '../src/conversation/types.js';
import {
  sampleCards,
  sampleDraft as draft,
  sampleTravel,
  sampleTravelMeals,
} from '../scripts/sample-cards.js';

// The renderer's own parser (the one the Playground and Teams web use) is the judge of validity.
const AC = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof import('adaptivecards');

const renderer = new CardRenderer();
function dataOf(view: View): Record<string, unknown> {
  if (view.kind !== 'card') throw new Error('not a card');
  return view.data;
}

/** Every element in a bound card, depth first, with the id it carries (if any). */
function elements(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  return [obj, ...Object.values(obj).flatMap(elements)];
}
const byId = (card: unknown, id: string) => elements(card).filter((e) => e.id === id);

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
    expect([...new Set(sampleCards().map((s) => s.template))].sort()).toEqual(
      [...CARD_TEMPLATES].sort(),
    );
  });

  it.each(sampleCards(renderer).map((s) => [s.name, s.card] as const))(
    '%s binds completely and is a valid Adaptive Card 1.5',
    (_name, card) => {
      const json = JSON.stringify(card);
      expect(json).not.toContain('${');
      expect((card as { version: string }).version).toBe('1.5');
      expect(validationMessages(card)).toEqual([]);
      // Teams refuses messages over 100 KB; a card should stay far below that.
      expect(Buffer.byteLength(json)).toBeLessThan(28_000);
    },
  );

  it('the outlay form has the contract input ids and actions', () => {
    const card = renderer.render(
      'outlay-form',
      dataOf(outlayFormView('en', { ...draft, step: 'form' })),
    );
    const json = JSON.stringify(card);
    for (const id of ['date', 'amount', 'currency', 'kind', 'merchant', 'purpose', 'comment'])
      expect(json).toContain(`"id":"${id}"`);
    const actions = card.actions as Array<{
      type: string;
      verb: string;
      data: { action: string };
      fallback: { type: string; data: { action: string } };
    }>;
    expect(
      actions.map((a) => [a.type, a.data.action, a.fallback.type, a.fallback.data.action]),
    ).toEqual([
      ['Action.Execute', 'outlay.submit', 'Action.Submit', 'outlay.submit'],
      ['Action.Execute', 'outlay.cancel', 'Action.Submit', 'outlay.cancel'],
    ]);
    expect(json).toContain('"value":"2026-11-23"');
  });

  it('the summary offers file, edit and cancel only while reviewing; a filed one is read-only', () => {
    const reviewCard = renderer.render(
      'outlay-summary',
      dataOf(outlaySummaryView('nb', draft, 'review')),
    );
    expect(
      (reviewCard.actions as Array<{ data: { action: string } }>).map((a) => a.data.action),
    ).toEqual(['outlay.file', 'outlay.edit', 'outlay.cancel']);
    const filed = renderer.render(
      'outlay-summary',
      dataOf(outlaySummaryView('nb', draft, 'filed', 'RR-2026-000001')),
    );
    expect(filed.actions ?? []).toEqual([]);
    expect(JSON.stringify(filed)).toContain('Sendt inn som RR-2026-000001');
  });

  it('a receipt draft shows the VAT and org. number it read, and asks to check the unsure ones', () => {
    const read = {
      ...draft,
      receiptFacts: { vatMinor: 19958, vatRate: 25, orgNo: '932181347' },
      check: ['currency', 'vat'],
    };
    const card = JSON.stringify(
      renderer.render('outlay-summary', dataOf(outlaySummaryView('en', read, 'draft'))),
    );
    expect(card).toMatch(/"title":"VAT","value":"[^"]*199\.58 \(25 %\)"/);
    expect(card).toContain('"title":"Org. no.","value":"932 181 347"');
    expect(card).toContain('Please check: currency, VAT.');
    const plain = JSON.stringify(
      renderer.render('outlay-summary', dataOf(outlaySummaryView('en', draft, 'draft'))),
    );
    expect(plain).not.toContain('VAT');
  });

  it('the claim with several receipts lets each line be edited or removed, and files the whole claim', () => {
    const review = sampleCards(renderer).find((s) => s.name === 'outlay-claim-review.en')?.card;
    const actions = allActions(review);
    expect(actions.map((a) => [a.data.action, a.data.lineId ?? ''])).toEqual([
      ['claim.editLine', 'l1'],
      ['claim.removeLine', 'l1'],
      ['claim.editLine', 'l2'],
      ['claim.removeLine', 'l2'],
      ['claim.editLine', 'l3'],
      ['claim.removeLine', 'l3'],
      ['claim.file', ''],
      ['claim.edit', ''],
      ['claim.cancel', ''],
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
    const nb = JSON.stringify(
      renderer.render('outlay-summary', dataOf(outlaySummaryView('nb', draft, 'review'))),
    );
    const en = JSON.stringify(
      renderer.render('outlay-summary', dataOf(outlaySummaryView('en', draft, 'review'))),
    );
    expect(nb).toMatch(/1\s409,00\s?kr/);
    expect(en).toMatch(/NOK\s1,409\.00/);
  });

  it('the travel form offers each meal as a multi-select of the trip dates on a trip over several days', () => {
    const card = renderer.render('travel-form', dataOf(travelFormView('en', sampleTravelMeals)));
    const expected = {
      breakfasts: { label: 'Breakfast', value: '2026-11-03,2026-11-04' },
      lunches: { label: 'Lunch', value: '' },
      dinners: { label: 'Dinner', value: '2026-11-02' },
    };
    for (const [id, { label, value }] of Object.entries(expected)) {
      const inputs = byId(card, id);
      expect(inputs).toHaveLength(1);
      expect(inputs[0]).toMatchObject({
        type: 'Input.ChoiceSet',
        isMultiSelect: true,
        style: 'expanded',
        label,
        value,
      });
      expect(inputs[0]!.choices).toEqual([
        { title: 'Mon 2 Nov', value: '2026-11-02' },
        { title: 'Tue 3 Nov', value: '2026-11-03' },
        { title: 'Wed 4 Nov', value: '2026-11-04' },
      ]);
    }
    expect(JSON.stringify(card)).toContain('Tick the days each meal was provided');
    expect(validationMessages(card)).toEqual([]);
  });

  it('a long trip gets compact drop-downs; a one-day trip keeps number inputs with numbers in them', () => {
    const long = renderer.render(
      'travel-form',
      dataOf(
        travelFormView('nb', {
          ...sampleTravelMeals,
          fields: { ...sampleTravelMeals.fields, returnDate: '2026-11-12' },
        }),
      ),
    );
    expect(byId(long, 'breakfasts')[0]).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      style: 'compact',
      placeholder: 'Velg dager',
    });
    expect((byId(long, 'breakfasts')[0]!.choices as unknown[]).length).toBe(11);
    const oneDay = renderer.render(
      'travel-form',
      dataOf(
        travelFormView('nb', {
          ...sampleTravel,
          fields: {
            ...sampleTravel.fields,
            returnDate: sampleTravel.fields.departureDate,
            lunches: '1',
          },
        }),
      ),
    );
    for (const id of ['breakfasts', 'lunches', 'dinners', 'hotelNights'])
      expect(byId(oneDay, id)).toEqual([expect.objectContaining({ type: 'Input.Number' })]);
    // A string value would leave the box empty in the renderer, and the input out of the submit.
    expect(byId(oneDay, 'lunches')[0]!.value).toBe(1);
    expect(byId(oneDay, 'hotelNights')[0]!.value).toBe(1);
  });

  it('the travel summary names the date of each meal deduction', () => {
    const card = renderer.render(
      'trip-summary',
      dataOf(travelSummaryView('en', { ...sampleTravelMeals, step: 'review' }, 'review')),
    );
    const json = JSON.stringify(card);
    expect(json).toContain('Dinner provided, −50 % (Mon 2 Nov)');
    expect(json).toContain('Breakfast provided, −20 % (Tue 3 Nov)');
    expect(json).toContain('Breakfast provided, −20 % (Wed 4 Nov)');
  });
});

type CardAction = {
  type: string;
  data: Record<string, unknown>;
  fallback?: { type: string; data: Record<string, unknown> };
};

/** The card's actions and those of its ActionSets, in reading order. */
function allActions(node: unknown): CardAction[] {
  if (Array.isArray(node)) return node.flatMap(allActions);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own =
    typeof record.type === 'string' && record.type.startsWith('Action.') && record.data
      ? [record as unknown as CardAction]
      : [];
  const children = Object.entries(record)
    .filter(([key]) => key !== 'fallback')
    .flatMap(([, value]) => allActions(value));
  return [...own, ...children];
}
