/** eval:chat counts the runner's output per part: failing ids from its lines, tune and check apart. */
import { describe, expect, it } from 'vitest';
import { failingIds, formatChatReport, tally } from '../scripts/eval-chat.js';

describe('eval:chat tally', () => {
  const output = [
    'FAIL a1 «text» missing /x/ — bot: …',
    'FAIL s1 (stretch) «text» missing /y/ — bot: …',
    'SETUP c2: no reply',
    'transcripts: /tmp/x',
    'chat-dev: 2/4 passed (stretch 1/2)',
  ].join('\n');

  it('reads the failing ids, setup errors included', () => {
    expect([...failingIds(output)]).toEqual(['a1', 's1', 'c2']);
  });

  it('counts normal and stretch cases of each part apart', () => {
    const cases = [
      { id: 'a1' },
      { id: 'a2' },
      { id: 'c1' },
      { id: 'c2' },
      { id: 's1', stretch: true },
      { id: 's2', stretch: true },
    ];
    const figures = tally(cases, new Set(['c1', 'c2', 's2']), failingIds(output));
    expect(figures).toEqual({
      tune: { normal: { passed: 1, total: 2 }, stretch: { passed: 0, total: 1 } },
      check: { normal: { passed: 1, total: 2 }, stretch: { passed: 1, total: 1 } },
    });
    const text = formatChatReport({ ...figures, failing: [], runnerSummary: 'chat-dev: 2/4' });
    expect(text).toContain('check part: normal 1/2, stretch 1/1');
    expect(text).toContain('all       : normal 2/4, stretch 1/2');
  });
});
