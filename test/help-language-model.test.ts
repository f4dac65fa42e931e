/**
 * The language-model path of help answers, against a local server that speaks the
 * chat-completions API: what is sent, what is kept of the reply, every way back to the offline
 * answer, and a failure logged once per cause so a wrong API key shows in the log.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelpService, type HelpAnswer } from '../src/help/compose-answer.js';
import { loadGuide, type Guide } from '../src/help/guide-loader.js';
import {
  createLlmAnswerer,
  validateModelAnswer,
  type LlmAnswerer,
} from '../src/help/llm-answer.js';
import {
  capturedLog,
  completion,
  expectLoggedOnce,
  fakeOpenAi,
  wrongApiKey,
  type FakeOpenAi,
} from './helpers/fake-openai.js';

let guide: Guide;
beforeAll(() => {
  guide = loadGuide();
});

const lastLine = (answer: HelpAnswer) =>
  answer.text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1) ?? '';

describe('answers written by a language model', () => {
  let server: FakeOpenAi | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const withModel = (baseURL: string, timeoutMs = 2000) =>
    new HelpService(guide, {
      llm: createLlmAnswerer({ apiKey: 'test-key', baseURL, timeoutMs }),
      warmUp: false,
    });

  it('sends only the retrieved sections, in the answer language, and keeps our source line', async () => {
    server = await fakeOpenAi(
      completion(
        'Ferry tickets are entered as outlays, with a picture of the receipt. I can start an outlay for it right here in the chat, or just send me a photo of the receipt.\nSource: the internet',
      ),
    );
    const service = withModel(server.baseURL);
    const answer = await service.answer('how do I log a ferry ticket?', 'nb');
    const offline = service.answerOffline('how do I log a ferry ticket?', 'nb');

    expect(answer).toMatchObject({ found: true, lang: 'en', action: 'outlay.start' });
    expect(answer.text.startsWith('Ferry tickets are entered as outlays')).toBe(true);
    expect(answer.text).not.toContain('the internet');
    expect(lastLine(answer)).toBe(lastLine(offline));
    expect(answer.text.match(/I can start an outlay/g)).toHaveLength(1);

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body.model).toBe('gpt-4o-mini');
    const [system, user] = request?.body.messages ?? [];
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(/ONLY the user-guide sections/);
    expect(system?.content).toContain('Write in English');
    expect(system?.content).toContain(
      'I can start an outlay for it right here in the chat, or just send me a photo of the receipt.',
    );
    const prompt = user?.content ?? '';
    const citedIds = offline.found ? offline.sections.map((s) => s.id) : [];
    for (const section of guide.sections.en) {
      const included = prompt.includes(`### ${section.id} ${section.title}`);
      expect(included, `section ${section.id}`).toBe(citedIds.includes(section.id));
      if (included) expect(prompt).toContain(section.text);
    }
    // Only the answer language's guide goes to the model.
    expect(prompt).not.toContain('fergebillett');
  });

  it('falls back to the offline answer when the server answers 500', async () => {
    server = await fakeOpenAi((res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
    });
    const service = withModel(server.baseURL);
    const answer = await service.answer('korleis legg eg til passasjerar?', 'nn');
    expect(answer).toEqual(service.answerOffline('korleis legg eg til passasjerar?', 'nn'));
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to the offline answer when the server does not answer in time', async () => {
    server = await fakeOpenAi(() => {
      // Never answers.
    });
    const service = withModel(server.baseURL, 300);
    const started = Date.now();
    const answer = await service.answer('I forgot my password', 'en');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer).toEqual(service.answerOffline('I forgot my password', 'en'));
  });

  it('falls back when the model answers in another language or with nothing', async () => {
    server = await fakeOpenAi(
      completion('Du må føre fergebilletten som utlegg og legge ved kvitteringen.'),
    );
    const wrongLanguage = withModel(server.baseURL);
    expect(await wrongLanguage.answer('how do I log a ferry ticket?', 'en')).toEqual(
      wrongLanguage.answerOffline('how do I log a ferry ticket?', 'en'),
    );
    await server.close();

    server = await fakeOpenAi(completion('   '));
    const empty = withModel(server.baseURL);
    expect(await empty.answer('how do I log a ferry ticket?', 'en')).toEqual(
      empty.answerOffline('how do I log a ferry ticket?', 'en'),
    );
  });

  it('never asks the model about questions the guide does not cover', async () => {
    server = await fakeOpenAi(completion('Paris.'));
    const answer = await withModel(server.baseURL).answer('what is the capital of France?', 'en');
    expect(answer.found).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('falls back when a custom answerer throws', async () => {
    const failing: LlmAnswerer = { answer: () => Promise.reject(new Error('no model')) };
    const service = new HelpService(guide, { llm: failing, warmUp: false });
    expect(await service.answer('hvordan bytter jeg språk?', 'nb')).toEqual(
      service.answerOffline('hvordan bytter jeg språk?', 'nb'),
    );
  });

  it('validates model text: strips source lines, keeps the in-chat sentence, rejects rambling', () => {
    const input = {
      question: 'q',
      lang: 'en' as const,
      sections: [],
      inChat: 'I can start an outlay for it right here in the chat.',
    };
    expect(validateModelAnswer('Use the app.\nKilde: noe', input)).toBe(
      'Use the app. I can start an outlay for it right here in the chat.',
    );
    expect(() => validateModelAnswer(null, input)).toThrow();
    expect(() => validateModelAnswer('Word. '.repeat(300), input)).toThrow(/too long|sentences/);
  });

  it('logs a model failure once per cause, with the cause, and still answers from the guide', async () => {
    server = await fakeOpenAi(wrongApiKey);
    const { logger, failures } = capturedLog();
    const service = new HelpService(guide, {
      llm: createLlmAnswerer({ apiKey: 'wrong-key', baseURL: server.baseURL, timeoutMs: 2000 }),
      logger,
      warmUp: false,
    });

    for (const [question, lang] of [
      ['how do I log a ferry ticket?', 'en'],
      ['hvordan bytter jeg språk?', 'nb'],
    ] as const)
      expect(await service.answer(question, lang)).toEqual(service.answerOffline(question, lang));

    expect(server.requests).toHaveLength(2);
    expectLoggedOnce(failures(), 'wrong-key');
  });
});
