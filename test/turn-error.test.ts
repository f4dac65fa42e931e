/**
 * The last line of defence: when a turn throws, onTurnError tells the user in their language and
 * logs where it broke, whatever the activity carried.
 */
import { Writable } from 'node:stream';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../src/bot/adapter.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

function setup() {
  const lines: string[] = [];
  const sink = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
  const adapter = createAdapter(loadConfig({}), createLogger('info', sink));
  const sent: Partial<Activity>[] = [];
  const test = new TestAdapter(() => Promise.resolve());
  const contextFor = (activity: Record<string, unknown>) => {
    const context = new TurnContext(test, {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'c1' },
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      ...activity,
    } as Partial<Activity>);
    context.onSendActivities((_ctx, activities) => {
      sent.push(...activities);
      return Promise.resolve(activities.map(() => ({ id: 'x' })));
    });
    return context;
  };
  return { adapter, sent, lines, contextFor };
}

describe('the turn error handler', () => {
  it.each([42, { lang: 'nb' }, ['nb-NO'], null])(
    'still answers the user when the locale is %j',
    async (locale) => {
      const { adapter, sent, contextFor } = setup();
      await adapter.onTurnError(contextFor({ locale }), new Error('boom'));
      expect(sent.map((a) => a.text)).toEqual([expect.stringMatching(/gjekk galt|gikk galt/)]);
    },
  );

  it('answers in the language of a string locale', async () => {
    const { adapter, sent, contextFor } = setup();
    await adapter.onTurnError(contextFor({ locale: 'en-US' }), new Error('boom'));
    expect(sent[0]?.text).toMatch(/went wrong/i);
  });

  it('logs the stack of the error, once', async () => {
    const { adapter, lines, contextFor } = setup();
    await adapter.onTurnError(contextFor({ locale: 'nb-NO' }), new Error('boom at line'));
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; err: { stack?: string } });
    const turnErrors = logged.filter((l) => l.msg === 'unhandled error in turn');
    expect(turnErrors).toHaveLength(1);
    expect(turnErrors[0]?.err.stack).toMatch(/Error: boom at line\n\s+at /);
  });
});
