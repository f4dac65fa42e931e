/**
 * A language model decides typed messages the offline reading is unsure of, against a local
 * server that speaks the chat-completions API: the model's intent is used, a slot it cannot point
 * to in the message is dropped, every failure keeps the offline reading, and a sure message or a
 * missing API key sends nothing.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { UserState } from '../src/conversation/types.js';
import { ConversationRunner, type StateStore } from '../src/services/conversation-runner.js';
import type { EffectRunner } from '../src/services/effect-runner.js';
import {
  createModelUnderstanding,
  modelUnderstandingFor,
} from '../src/services/model-understanding.js';
import {
  fromModelReading,
  isUnsure,
  type ModelReading,
} from '../src/understanding/model-reading.js';
import { understand } from '../src/understanding/understand.js';
import { ctx } from './helpers/engine-driver.js';
import {
  capturedLog,
  completion,
  expectLoggedOnce,
  fakeOpenAi,
  wrongApiKey,
  type FakeOpenAi,
} from './helpers/fake-openai.js';

const TODAY = '2026-11-24'; // a Tuesday
const context = { today: TODAY };
/** Offline this falls through to the guide: a statement with a figure it could not place. */
const UNSURE = 'måtte ut med 520 for skyss fra Gardermoen natt til fredag';

const nothing: ModelReading = {
  intent: 'help',
  amount: null,
  kind: null,
  date: null,
  endDate: null,
  km: null,
  roundTrip: null,
  from: null,
  to: null,
  destination: null,
  purpose: null,
};
const reply = (reading: Partial<ModelReading>) =>
  completion(JSON.stringify({ ...nothing, ...reading }));

describe('a language model decides unsure readings', () => {
  let server: FakeOpenAi | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const decider = (baseURL: string, timeoutMs = 2000) =>
    createModelUnderstanding({ apiKey: 'test-key', baseURL, timeoutMs });

  it('knows which offline readings are unsure', () => {
    const unsure = (text: string) => isUnsure(understand(text, context), text);
    expect(unsure(UNSURE)).toBe(true);
    expect(unsure('the activation mail never came')).toBe(true);
    expect(unsure('parkering 45 kr i går')).toBe(false);
    expect(unsure('hvordan fører jeg utlegg?')).toBe(false);
    expect(unsure('mine krav')).toBe(false);
  });

  it("uses the model's intent for an unsure message, asked in a strict JSON schema", async () => {
    server = await fakeOpenAi(
      reply({ intent: 'newOutlay', amount: '520', kind: 'taxi', date: 'fredag' }),
    );
    expect(await decider(server.baseURL).decide(UNSURE, context)).toEqual({
      intent: 'newOutlay',
      outlay: { kind: 'taxi', amountMinor: 52000, date: '2026-11-20' },
    });
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]?.body;
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema?.strict).toBe(true);
    expect(body?.response_format?.json_schema?.schema).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['intent', 'amount', 'km', 'date']) as unknown,
    });
    expect(body?.messages.at(-1)).toEqual({ role: 'user', content: UNSURE });
  });

  it('hands the decided reading to the conversation: the outlay form opens with the amount', async () => {
    server = await fakeOpenAi(reply({ intent: 'newOutlay', amount: '520', kind: 'taxi' }));
    const saved: Record<string, unknown> = {};
    const storage: StateStore = {
      read: (keys) => Promise.resolve(Object.fromEntries(keys.map((k) => [k, saved[k]]))),
      write: (changes) => Promise.resolve(void Object.assign(saved, changes)),
    };
    const runner = new ConversationRunner({
      storage,
      effects: {} as EffectRunner,
      logger: pino({ level: 'silent' }),
      understanding: decider(server.baseURL),
    });
    await runner.stepOnce('kari', { type: 'text', text: UNSURE }, ctx({ today: TODAY }));
    const state = (saved['users/kari'] as { state: UserState }).state;
    expect(state.outlay?.fields).toMatchObject({ kind: 'taxi', amount: '520' });
  });

  it('drops an amount, a date or a distance the message does not contain', async () => {
    server = await fakeOpenAi(
      reply({ intent: 'newOutlay', amount: '5200 kr', kind: 'taxi', date: '3. desember' }),
    );
    expect(await decider(server.baseURL).decide(UNSURE, context)).toEqual({
      intent: 'newOutlay',
      outlay: { kind: 'taxi' },
    });
    // Written elsewhere in the text but not the figure the model claims: still dropped.
    const sneaky = fromModelReading(
      { ...nothing, intent: 'newOutlay', amount: '520', kind: null },
      'betalte 52 for parkering',
      context,
    );
    expect(sneaky).toBeUndefined();
    const trip = fromModelReading(
      { ...nothing, intent: 'newMileage', km: 96, from: 'Drammen', to: 'Oslo' },
      'kjørte Drammen–Kongsberg 2 x 48',
      context,
    );
    expect(trip).toEqual({ intent: 'newMileage', trip: { from: 'Drammen', passengers: [] } });
  });

  it('rejects an intent outside the schema and a purpose nobody asked for', async () => {
    server = await fakeOpenAi(reply({ intent: 'transferMoney' as ModelReading['intent'] }));
    expect(await decider(server.baseURL).decide(UNSURE, context)).toBeUndefined();
    expect(
      fromModelReading({ ...nothing, intent: 'answerPurpose' }, UNSURE, context),
    ).toBeUndefined();
  });

  it('keeps the offline reading when the server does not answer in time', async () => {
    server = await fakeOpenAi(() => {
      // Never answers.
    });
    const started = Date.now();
    expect(await decider(server.baseURL, 300).decide(UNSURE, context)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps the offline reading on a wrong API key, and logs it once with its cause', async () => {
    server = await fakeOpenAi(wrongApiKey);
    const { logger, failures } = capturedLog();
    const decide = createModelUnderstanding({
      apiKey: 'wrong-key',
      baseURL: server.baseURL,
      timeoutMs: 2000,
      logger,
    });
    expect(await decide.decide(UNSURE, context)).toBeUndefined();
    expect(await decide.decide('the activation mail never came', context)).toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expectLoggedOnce(failures(), 'wrong-key');
  });

  it('sends nothing for a message the offline reading is sure of', async () => {
    server = await fakeOpenAi(reply({ intent: 'newTravel' }));
    const decide = decider(server.baseURL);
    expect(await decide.decide('parkering 45 kr i går', context)).toBeUndefined();
    expect(await decide.decide('mine krav', context)).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it('sends nothing without OPENAI_API_KEY', async () => {
    server = await fakeOpenAi(reply({ intent: 'newTravel' }));
    expect(modelUnderstandingFor(loadConfig({ OPENAI_BASE_URL: server.baseURL }))).toBeUndefined();
    const keyed = modelUnderstandingFor(
      loadConfig({ OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'test-key' }),
    );
    expect(keyed).toBeDefined();
    expect(server.requests).toHaveLength(0);
  });
});
