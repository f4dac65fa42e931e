/**
 * A broken or foreign card click through the real bot (botbuilder's TestAdapter): both action
 * paths, Action.Execute and its Action.Submit fallback, get a clear reply instead of silence.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { makeTestBot, personalChat, recordingAdapter } from './helpers/test-bot.js';

// Nothing here files a claim: a closed port is enough.
const makeBot = () =>
  makeTestBot({ claims: { baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 500 } }).bot;

function chat(locale: string) {
  const { adapter, sent } = recordingAdapter((context) => makeBot().run(context));
  const personal = personalChat(locale, 'aad-actions', 'conv-actions');
  let id = 0;
  const base = (over: Partial<Activity>) => personal({ id: `activity-${++id}`, ...over });
  return {
    texts: () => sent.filter((a) => a.type === ActivityTypes.Message && a.text).map((a) => a.text),
    /** Action.Submit: a message whose value is the card's data. */
    submit: (value: unknown) => adapter.processActivity(base({ type: 'message', value })),
    /** Action.Execute: an invoke whose value carries the verb and the data. */
    execute: (value: unknown) =>
      adapter.processActivity(base({ type: 'invoke', name: 'adaptiveCard/action', value })),
  };
}

describe('an unknown or malformed card action through the bot', () => {
  it('answers Action.Submit payloads it cannot read, in bokmål', async () => {
    const c = chat('nb-NO');
    await c.submit(['outlay.file']);
    await c.submit('outlay.file');
    await c.submit({ action: 42 });
    await c.submit({ action: 'receipt.toClaim' });
    expect(c.texts()).toEqual(
      Array(4).fill(expect.stringMatching(/Jeg klarte ikke å lese det den knappen sendte/)),
    );
  });

  it('answers an unknown Action.Execute verb in nynorsk', async () => {
    const c = chat('nn-NO');
    await c.execute({ action: { type: 'Action.Execute', verb: 'outlay.frobnicate', data: {} } });
    expect(c.texts()).toEqual([expect.stringMatching(/Den knappen kjenner eg ikkje/)]);
  });

  it('answers an Action.Execute without a readable action in English', async () => {
    const c = chat('en-US');
    await c.execute({ action: 'outlay.start' });
    await c.execute({
      action: { type: 'Action.Execute', verb: 'receipt.toClaim', data: { receiptId: 5 } },
    });
    expect(c.texts()).toEqual(
      Array(2).fill(expect.stringMatching(/I could not read what that button sent/)),
    );
  });
});
