import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import { handleEvent } from '../src/conversation/engine.js';
import type {
  ConversationEvent,
  Lang,
  TurnContextData,
  UserState,
} from '../src/conversation/types.js';
import {
  act,
  cards,
  ctx as driverCtx,
  run as runEvents,
  say,
  texts,
  parkingForm,
} from './helpers/engine-driver.js';

const TODAY = '2026-11-24';

/** The driver's context, for a user whose name Teams told us. */
const ctx = (over: Partial<TurnContextData> = {}) => driverCtx({ userName: 'Kari', ...over });
const run = (events: ConversationEvent[], start: UserState, c = ctx()) =>
  runEvents(events, start, c);

function filedClaim(number = 'RR-2026-000001'): Claim {
  return {
    id: 'c1',
    number,
    employeeId: 'u1',
    status: 'submitted',
    description: 'Utlegg: Parkering',
    purpose: 'Kundemøte',
    dimensions: {},
    attachments: [],
    lines: [{ type: 'outlay', date: TODAY, kind: 'parking', amountMinor: 12000, currency: 'NOK' }],
    totals: [{ currency: 'NOK', amountMinor: 12000 }],
    createdAt: '2026-11-24T10:00:00Z',
    updatedAt: '2026-11-24T10:00:00Z',
  };
}

describe('welcome', () => {
  it('greets a new user with the welcome card in their Teams language', () => {
    const r = handleEvent({}, { type: 'installed' }, ctx({ locale: 'en-US' }));
    expect(cards(r)[0]?.template).toBe('welcome');
    expect(cards(r)[0]?.data.title).toBe('Hi, Kari! I am your travel-expense assistant.');
    expect(r.state.welcomed).toBe(true);
  });
  it('shows the welcome card on the first message when the install event was missed', () => {
    const r = handleEvent({}, say('hei'), ctx());
    expect(cards(r)[0]?.template).toBe('welcome');
    const again = handleEvent(r.state, say('hei'), ctx());
    expect(cards(again)).toHaveLength(0);
    expect(texts(again)[0]).toMatch(/^Hei!/);
  });
  it('in a group chat says claims are private', () => {
    const r = handleEvent({}, { type: 'installed' }, ctx({ scope: 'groupChat' }));
    expect(texts(r)[0]).toMatch(/personlig chat/);
  });
});

describe('files a parking outlay from the form', () => {
  it.each<[Lang, string, string, RegExp]>([
    ['nb', 'ny utlegg', 'Nytt utlegg', /sendt inn som \*\*RR-2026-000001\*\* \(120,00\s?kr\)/],
    ['nn', 'nytt utlegg', 'Nytt utlegg', /sendt inn som \*\*RR-2026-000001\*\* \(120,00\s?kr\)/],
    ['en', 'new expense', 'New outlay', /filed as \*\*RR-2026-000001\*\* \(NOK\s?120\.00\)/],
  ])('in %s', (lang, command, title, filedText) => {
    const c = ctx({ locale: lang === 'en' ? 'en-US' : lang === 'nn' ? 'nn-NO' : 'nb-NO' });
    const start = run([say(command)], { welcomed: true }, c);
    const form = cards(start.last)[0];
    expect(form?.template).toBe('outlay-form');
    expect(form?.data.title).toBe(title);
    expect((form?.data.fields as Record<string, string>).date).toBe(TODAY);
    const draftId = start.state.outlay?.id;

    const submitted = handleEvent(
      start.state,
      act('outlay.submit', { draftId, ...parkingForm }),
      c,
    );
    expect(submitted.replace?.kind === 'card' && submitted.replace.template).toBe('outlay-summary');
    expect(submitted.state.outlay?.step).toBe('review');

    const filing = handleEvent(submitted.state, act('outlay.file', { draftId }), c);
    expect(filing.effects).toEqual([
      {
        type: 'fileClaim',
        draftId,
        claim: expect.objectContaining({
          purpose: 'Kundemøte hos Equinor',
          lines: [
            {
              type: 'outlay',
              date: '2026-11-23',
              kind: 'parking',
              amountMinor: 12000,
              currency: 'NOK',
              merchant: 'EasyPark',
            },
          ],
        }) as unknown,
      },
    ]);
    const done = handleEvent(
      filing.state,
      { type: 'filed', draftId: draftId as string, claim: filedClaim() },
      c,
    );
    expect(texts(done)[0]).toMatch(filedText);
    expect(
      done.replace?.kind === 'card' && [done.replace.data.showFile, done.replace.data.showEdit],
    ).toEqual([false, false]);
    expect(done.state.outlay).toBeUndefined();
  });
});

describe('free text', () => {
  it('"parkering 120 kr i går" pre-fills a draft and asks for the purpose, which is never guessed', () => {
    const r = handleEvent({ welcomed: true }, say('parkering 120 kr i går'), ctx());
    const fields = r.state.outlay?.fields;
    expect(fields).toMatchObject({
      kind: 'parking',
      amount: '120',
      currency: 'NOK',
      date: '2026-11-23',
      purpose: '',
    });
    expect(texts(r)).toContain('Hva var formålet med utgiften? Skriv det her i chatten.');
    // A read-only draft card, not the form: the chat stays a chat, the form is one click away.
    expect(cards(r)[0]).toMatchObject({
      template: 'outlay-summary',
      data: { showFile: false, showEdit: true },
    });
  });
  it('the next sentence becomes the purpose and shows the summary', () => {
    const { last, state } = run([say('ferry 450 NOK yesterday'), say('Customer visit in Bergen')], {
      welcomed: true,
    });
    expect(state.outlay?.step).toBe('review');
    expect(state.outlay?.fields.purpose).toBe('Customer visit in Bergen');
    expect(cards(last)[0]?.template).toBe('outlay-summary');
    expect(cards(last)[0]?.data.total).toMatch(/NOK\s?450\.00/);
  });
  it('"send inn" files the reviewed draft from text', () => {
    const { last } = run([say('parkering 120 kr i går'), say('kundemøte'), say('send inn')], {
      welcomed: true,
    });
    expect(last.effects[0]?.type).toBe('fileClaim');
  });
  it('anything else goes to the user guide, in the user language', () => {
    const r = handleEvent({ welcomed: true }, say('blåbærsyltetøy'), ctx());
    expect(r.state.outlay).toBeUndefined();
    expect(r.effects).toEqual([{ type: 'answerHelp', question: 'blåbærsyltetøy', lang: 'nb' }]);
  });
  it('"ferry ticket 450 kr" files, "how do I log a ferry ticket" explains', () => {
    const files = handleEvent(
      { welcomed: true },
      say('ferry ticket 450 kr'),
      ctx({ locale: 'en-US' }),
    );
    expect(files.state.outlay?.fields).toMatchObject({ kind: 'ferry', amount: '450' });
    expect(files.effects).toEqual([]);
    const explains = handleEvent(
      { welcomed: true },
      say('how do I log a ferry ticket'),
      ctx({ locale: 'en-US' }),
    );
    expect(explains.state.outlay).toBeUndefined();
    expect(explains.effects).toEqual([
      { type: 'answerHelp', question: 'how do I log a ferry ticket', lang: 'en' },
    ]);
  });
  it('a question while a draft waits for its purpose is answered, not taken as the purpose', () => {
    const { state, last } = run(
      [say('parkering 120 kr i går'), say('hvordan legger jeg ved kvittering?')],
      { welcomed: true },
    );
    expect(state.outlay?.fields.purpose).toBe('');
    expect(last.effects[0]?.type).toBe('answerHelp');
  });
  it('shows the guide answer with a button to act on it, and without one in a group chat', () => {
    const reply = {
      found: true,
      lang: 'en' as const,
      text: 'Log it as an outlay.\nSource: user guide 5.1 Getting started',
      action: 'outlay.start',
    };
    const personal = handleEvent({ welcomed: true }, { type: 'helpAnswered', reply }, ctx());
    expect(cards(personal)[0]).toMatchObject({
      template: 'help-answer',
      data: { label: 'New outlay', action: 'outlay.start' },
    });
    expect(personal.lang).toBe('en');
    const group = handleEvent({}, { type: 'helpAnswered', reply }, ctx({ scope: 'groupChat' }));
    expect(texts(group)).toEqual([reply.text]);
  });
});

describe('validation errors are shown on the card in the user language', () => {
  const cases: Array<[Lang, Record<string, string>, Record<string, RegExp>]> = [
    [
      'nb',
      { amount: 'mye', purpose: '' },
      { amount: /Fyll inn et beløp/, purpose: /Fyll inn formålet/ },
    ],
    ['nn', { amount: '', date: '2026-02-31' }, { amount: /Fyll inn beløpet/, date: /gyldig dato/ }],
    [
      'en',
      { date: '2027-01-05', kind: 'rocket', currency: 'XYZ' },
      { date: /future/, kind: /Choose a kind/, currency: /Choose a currency/ },
    ],
    ['en', { amount: '0' }, { amount: /amount like/ }],
    ['nb', { amount: '250000' }, { amount: /for stort/ }],
    ['nb', { purpose: 'ab' }, { purpose: /noen ord/ }],
  ];
  it.each(cases)('%s: %j', (lang, bad, expected) => {
    const c = ctx({ locale: `${lang}-NO` });
    const start = run([say('ny utlegg')], { welcomed: true, lang, langChosen: true }, c);
    const r = handleEvent(
      start.state,
      act('outlay.submit', { draftId: start.state.outlay?.id, ...parkingForm, ...bad }),
      c,
    );
    expect(r.state.outlay?.step).toBe('form');
    const data = r.replace?.kind === 'card' ? r.replace.data : {};
    const errors = data.errors as Record<string, string>;
    for (const [field, re] of Object.entries(expected)) expect(errors[field]).toMatch(re);
    // What the user typed stays on the card, so nothing is lost.
    expect((data.fields as Record<string, string>).merchant).toBe('EasyPark');
  });
});

describe('cancel, edit and undo', () => {
  it('cancel from the card turns it read-only and undo brings the draft back', () => {
    const start = run([say('ny utlegg')], { welcomed: true });
    const draftId = start.state.outlay?.id;
    const cancelled = handleEvent(start.state, act('outlay.cancel', { draftId }), ctx());
    expect(cancelled.state.outlay).toBeUndefined();
    expect(cancelled.replace?.kind === 'card' && cancelled.replace.data.status).toMatch(/Avbrutt/);
    const undone = handleEvent(cancelled.state, say('angre'), ctx());
    expect(undone.state.outlay?.id).toBe(draftId);
    expect(cards(undone)[0]?.template).toBe('outlay-form');
  });
  it('cancel by text at the summary step', () => {
    const { state } = run([say('parkering 120 kr'), say('kundemøte'), say('avbryt')], {
      welcomed: true,
    });
    expect(state.outlay).toBeUndefined();
    expect(state.setAside?.fields.amount).toBe('120');
  });
  it('edit from the summary goes back to the form with the values kept', () => {
    const start = run([say('ny utlegg')], { welcomed: true });
    const draftId = start.state.outlay?.id;
    const s = handleEvent(start.state, act('outlay.submit', { draftId, ...parkingForm }), ctx());
    const e = handleEvent(s.state, act('outlay.edit', { draftId }), ctx());
    expect(e.state.outlay?.step).toBe('form');
    expect(
      e.replace?.kind === 'card' && (e.replace.data.fields as Record<string, string>).purpose,
    ).toBe('Kundemøte hos Equinor');
  });
  it('a new free-text expense puts the open draft aside instead of losing it', () => {
    const { state, last } = run([say('parkering 120 kr'), say('taxi 300 kr')], { welcomed: true });
    expect(state.outlay?.fields.kind).toBe('taxi');
    expect(state.setAside?.fields.kind).toBe('parking');
    expect(texts(last)[0]).toMatch(/angre/);
  });
  it('nothing to cancel / undo is said plainly', () => {
    expect(texts(handleEvent({ welcomed: true }, say('cancel'), ctx({ locale: 'en-US' })))[0]).toBe(
      'There is nothing to cancel.',
    );
    expect(texts(handleEvent({ welcomed: true }, say('undo'), ctx({ locale: 'en-US' })))[0]).toBe(
      'There is nothing to undo.',
    );
  });
});

describe('filing safety', () => {
  function reviewed() {
    const start = run([say('ny utlegg')], { welcomed: true });
    const draftId = start.state.outlay?.id as string;
    return {
      draftId,
      state: handleEvent(start.state, act('outlay.submit', { draftId, ...parkingForm }), ctx())
        .state,
    };
  }
  it('a second click on File while filing does not file twice', () => {
    const { draftId, state } = reviewed();
    const first = handleEvent(state, act('outlay.file', { draftId }), ctx());
    const second = handleEvent(first.state, act('outlay.file', { draftId }), ctx());
    expect(first.effects).toHaveLength(1);
    expect(second.effects).toHaveLength(0);
    expect(texts(second)[0]).toMatch(/sendes inn akkurat nå/);
  });
  it('a click on File after filing says where it went', () => {
    const { draftId, state } = reviewed();
    const filing = handleEvent(state, act('outlay.file', { draftId }), ctx());
    const done = handleEvent(
      filing.state,
      { type: 'filed', draftId, claim: filedClaim('RR-2026-000007') },
      ctx(),
    );
    const again = handleEvent(done.state, act('outlay.file', { draftId }), ctx());
    expect(again.effects).toHaveLength(0);
    expect(texts(again)[0]).toMatch(/allerede sendt inn som \*\*RR-2026-000007\*\*/);
  });
  it('when the claims API is down the draft is kept and can be filed again with the same key', () => {
    const { draftId, state } = reviewed();
    const filing = handleEvent(state, act('outlay.file', { draftId }), ctx());
    const failed = handleEvent(
      filing.state,
      { type: 'fileFailed', draftId, reason: 'unavailable' },
      ctx(),
    );
    expect(texts(failed)[0]).toMatch(/IKKE sendt inn/);
    expect(failed.state.outlay?.step).toBe('review');
    const retry = handleEvent(failed.state, act('outlay.file', { draftId }), ctx());
    expect(retry.effects[0]).toMatchObject({ type: 'fileClaim', draftId });
  });
  it('a click on an old card shows the current draft', () => {
    const { state } = run([say('ny utlegg')], { welcomed: true });
    const r = handleEvent(
      state,
      act('outlay.submit', { draftId: 'some-old-draft', ...parkingForm }),
      ctx(),
    );
    expect(texts(r)[0]).toMatch(/eldre utkast/);
    expect(r.state.outlay?.step).toBe('form');
  });
});

describe('my claims', () => {
  it('asks the bot to list claims and renders them with status in the user language', () => {
    const r = handleEvent({ welcomed: true }, say('my claims'), ctx());
    expect(r.effects).toEqual([{ type: 'listClaims' }]);
    const listed = handleEvent(r.state, { type: 'claimsListed', claims: [filedClaim()] }, ctx());
    const data = cards(listed)[0]?.data as { items: Array<Record<string, string>> };
    expect(data.items[0]).toMatchObject({ number: 'RR-2026-000001', status: 'Submitted' });
  });
  it('says so when there are none, and when the API is down', () => {
    const none = handleEvent({ lang: 'nn' }, { type: 'claimsListed', claims: [] }, ctx());
    expect(cards(none)[0]?.data.empty).toMatch(/ingen krav enno/);
    expect(texts(handleEvent({ lang: 'nn' }, { type: 'claimsListFailed' }, ctx()))[0]).toMatch(
      /fekk ikkje kontakt/,
    );
  });
  it('is not shown in a group chat', () => {
    const r = handleEvent({}, say('mine krav'), ctx({ scope: 'groupChat' }));
    expect(r.effects).toHaveLength(0);
    expect(texts(r)[0]).toMatch(/private/);
  });
  it('a card action in a group chat is refused too', () => {
    const r = handleEvent({}, act('outlay.start'), ctx({ scope: 'groupChat' }));
    expect(r.state.outlay).toBeUndefined();
  });
});

describe('language', () => {
  it('follows the Teams locale', () => {
    expect(
      texts(handleEvent({ welcomed: true }, say('help'), ctx({ locale: 'nn-NO' })))[0],
    ).toMatch(/^Dette kan eg/);
  });
  it('follows the language the user writes in', () => {
    const r = handleEvent(
      { welcomed: true },
      say('korleis legg eg til ein kvittering'),
      ctx({ locale: 'en-US' }),
    );
    expect(r.lang).toBe('nn');
  });
  it('switches on request and keeps the choice', () => {
    const { state, last } = run([say('language english'), say('hvordan gjør jeg dette')], {
      welcomed: true,
    });
    expect(last.effects).toEqual([
      { type: 'answerHelp', question: 'hvordan gjør jeg dette', lang: 'en' },
    ]);
    expect(state.lang).toBe('en');
    const nn = handleEvent(state, say('språk nynorsk'), ctx());
    expect(texts(nn)[0]).toBe('Greitt, eg snakkar nynorsk frå no av.');
  });
});
