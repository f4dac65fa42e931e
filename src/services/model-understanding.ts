/**
 * Optional: a language model decides a typed message the offline reading is unsure of. Only
 * unsure readings are sent (src/understanding/model-reading.ts says which); the model answers in
 * a JSON schema made from a zod schema, the reply is validated with that schema, and every slot
 * it names must be in the message. Any failure, timeout or unusable reply keeps the offline
 * reading, and a failure is logged once per cause, so a wrong API key shows in the log.
 */
import { createModelClient } from '../model-client.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import { oncePerCause } from '../logger.js';
import { fromModelReading, isUnsure, modelReadingSchema } from '../understanding/model-reading.js';
import {
  understand,
  type Understanding,
  type UnderstandingContext,
} from '../understanding/understand.js';

export interface MessageDecider {
  /**
   * The model's validated reading of an unsure message; undefined when the offline reading is
   * sure (no request is made), or the model failed or added nothing: the engine reads it offline.
   */
  decide(text: string, context: UnderstandingContext): Promise<Understanding | undefined>;
}

export interface ModelUnderstandingOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  logger?: Logger;
}

/** The JSON schema made from the zod schema, without `$schema`, which structured output does not take. */
const { $schema: _dialect, ...READING_SCHEMA } = z.toJSONSchema(modelReadingSchema);

const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'message_reading',
    strict: true,
    schema: READING_SCHEMA as Record<string, unknown>,
  },
} as const;

function systemPrompt(context: UnderstandingContext): string {
  return [
    'You read one chat message an employee typed to a travel-expense assistant in Microsoft Teams (Norwegian bokmål, nynorsk or English).',
    'Decide what the employee wants and fill the slots. Copy amounts, dates and places exactly as they are written in the message; never compute, convert or invent a value. Use null for anything the message does not say.',
    `Today is ${context.today}.`,
    context.awaitingPurpose
      ? 'The assistant has just asked what the expense was for: a short description is answerPurpose, unless the message is itself a new claim, a correction or a question.'
      : 'The assistant is not waiting for an answer: answerPurpose is not possible now.',
  ].join('\n');
}

export function createModelUnderstanding(opts: ModelUnderstandingOptions): MessageDecider {
  const timeoutMs = opts.timeoutMs ?? 4000;
  const model = opts.model ?? 'gpt-4o-mini';
  const client = createModelClient({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeoutMs });
  const failures = oncePerCause(opts.logger, 'language model failed; reading the message offline');

  const ask = async (text: string, context: UnderstandingContext) => {
    const completion = await client.chat.completions.create(
      {
        model,
        messages: [
          { role: 'system', content: systemPrompt(context) },
          { role: 'user', content: text },
        ],
        temperature: 0,
        response_format: RESPONSE_FORMAT,
      },
      // The signal bounds the whole call, including a body that trickles in slowly.
      { signal: AbortSignal.timeout(timeoutMs), timeout: timeoutMs },
    );
    const content = completion.choices[0]?.message?.content ?? '';
    return modelReadingSchema.parse(JSON.parse(content));
  };

  return {
    async decide(text, context) {
      if (!isUnsure(understand(text, context), text)) return undefined;
      try {
        const reading = await ask(text, context);
        failures.succeeded();
        return fromModelReading(reading, text, context);
      } catch (err) {
        failures.failed(err);
        return undefined;
      }
    },
  };
}

/** The decider the configuration asks for: none without OPENAI_API_KEY, so nothing is sent. */
export function modelUnderstandingFor(
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS'>,
  logger?: Logger,
): MessageDecider | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  return createModelUnderstanding({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    ...(logger ? { logger } : {}),
  });
}
