/** The one way the product builds a client for an OpenAI-compatible server. */
import OpenAI from 'openai';

export interface ModelClientOptions {
  apiKey: string;
  /** Any OpenAI-compatible server; the SDK's default when absent. */
  baseURL?: string;
  timeoutMs: number;
}

export function createModelClient(options: ModelClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs,
    // The SDK retries timeouts and 5xx by default, which would multiply the wait a chat user sits
    // through; one attempt, then the offline result, is the better trade.
    maxRetries: 0,
  });
}
