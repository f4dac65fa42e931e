/** The one way the product builds a client for an OpenAI-compatible server. */
import { createRequire } from 'node:module';
import type OpenAI from 'openai';

export interface ModelClientOptions {
  apiKey: string;
  /** Any OpenAI-compatible server; the SDK's default when absent. */
  baseURL?: string;
  timeoutMs: number;
}

const require = createRequire(import.meta.url);

export function createModelClient(options: ModelClientOptions): OpenAI {
  // Loaded here rather than imported: without OPENAI_API_KEY no client is made, and the SDK's
  // half a second of loading stays out of every start-up.
  const { OpenAI: Client } = require('openai') as typeof import('openai');
  return new Client({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs,
    // The SDK retries timeouts and 5xx by default, which would multiply the wait a chat user sits
    // through; one attempt, then the offline result, is the better trade.
    maxRetries: 0,
  });
}
