/**
 * Optional: a language model rewrites the answer from the retrieved guide sections, so it reads
 * like a reply to the question rather than a quote. Only questions the offline retrieval already
 * found in the guide come here; the model sees those sections and nothing else, and the caller
 * appends the citation line itself, so a model can neither widen the sources nor misquote them.
 */
import { createModelClient } from '../model-client.js';
import { detectLanguage, looksNorwegian } from '../i18n/language-detect.js';
import type { Lang } from '../i18n/translate.js';
import { HELP_TEXTS } from './help-texts.js';

export interface LlmAnswerInput {
  question: string;
  /** The language to answer in (the question's, or the user's when the question does not tell). */
  lang: Lang;
  /** The retrieved sections in that language: the only material the model may use. */
  sections: ReadonlyArray<{ id: string; title: string; text: string }>;
  /** What the user can do in this chat, to end the answer with; the answer keeps it word for word. */
  inChat?: string;
}

export interface LlmAnswerer {
  /** The answer text without the citation line. Rejects on any failure; the caller falls back. */
  answer(input: LlmAnswerInput): Promise<string>;
}

export interface LlmAnswererOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
}

export class LlmAnswerError extends Error {
  override name = 'LlmAnswerError';
}

/** An answer longer than this is not the two-to-five-sentence reply we asked for. */
const MAX_CHARS = 1200;
const MAX_SENTENCES = 7;

export function buildMessages(
  input: LlmAnswerInput,
): Array<{ role: 'system' | 'user'; content: string }> {
  const language = HELP_TEXTS[input.lang].languageName;
  const rules = [
    "You answer employees' questions about the company's travel-expense system for an assistant bot in Microsoft Teams.",
    'Use ONLY the user-guide sections in the user message. Do not add facts, steps, numbers, names, links or advice that are not in them, and do not use outside knowledge. If the sections do not answer the question, say so in one sentence.',
    `Write in ${language}, whatever language the guide text or the question is in. Write 2 to 5 short sentences of plain text: no headings, lists or markdown.`,
    "The guide describes the expense system's web pages and its mobile app: present its steps as things to do there, not in this chat.",
    input.inChat
      ? `End with this sentence, word for word: "${input.inChat}"`
      : 'Do not offer to do anything in the chat.',
    'Do not name the guide, a section number or a source: the source line is added after your answer.',
  ];
  const sections = input.sections.map((s) => `### ${s.id} ${s.title}\n${s.text}`).join('\n\n');
  return [
    { role: 'system', content: rules.join('\n') },
    { role: 'user', content: `Question: ${input.question}\n\nUser-guide sections:\n\n${sections}` },
  ];
}

/**
 * Checks the model's text before a user sees it: not empty, not rambling, in the language asked
 * for, and without a source line of its own (ours is the only one). Returns the cleaned text.
 */
export function validateModelAnswer(raw: string | null | undefined, input: LlmAnswerInput): string {
  if (typeof raw !== 'string') throw new LlmAnswerError('the model returned no text');
  const sourcePrefixes = Object.values(HELP_TEXTS).map(
    (t) => t.source.split(':')[0]?.toLowerCase() ?? '',
  );
  const lines = raw
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) => line !== '' && !sourcePrefixes.some((p) => line.toLowerCase().startsWith(`${p}:`)),
    );
  let text = lines.join(' ').replace(/\s+/g, ' ').trim();
  if (text === '') throw new LlmAnswerError('the model returned an empty answer');
  if (text.length > MAX_CHARS)
    throw new LlmAnswerError(`the answer is too long (${text.length} characters)`);
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
  if (sentences.length > MAX_SENTENCES)
    throw new LlmAnswerError(`the answer has ${sentences.length} sentences`);
  // Norwegian whose standard cannot be told still must not reach an English reader.
  const detected = detectLanguage(text) ?? (looksNorwegian(text) ? 'Norwegian' : undefined);
  const mismatch =
    detected !== undefined &&
    detected !== input.lang &&
    !(detected === 'Norwegian' && input.lang !== 'en');
  if (mismatch) throw new LlmAnswerError(`the answer is in ${detected}, not ${input.lang}`);
  if (input.inChat && !text.includes(input.inChat)) text = `${text} ${input.inChat}`;
  return text;
}

export function createLlmAnswerer(opts: LlmAnswererOptions): LlmAnswerer {
  const timeoutMs = opts.timeoutMs ?? 4000;
  const model = opts.model ?? 'gpt-4o-mini';
  const client = createModelClient({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeoutMs });
  return {
    async answer(input) {
      const completion = await client.chat.completions.create(
        { model, messages: buildMessages(input), temperature: 0.2 },
        // The signal bounds the whole call, including reading a body that trickles in slowly.
        { signal: AbortSignal.timeout(timeoutMs), timeout: timeoutMs },
      );
      return validateModelAnswer(completion.choices[0]?.message?.content, input);
    },
  };
}
