/**
 * A local HTTP server that speaks the OpenAI chat-completions API, for the language-model paths:
 * it records every request and answers with whatever the test says.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { expect } from 'vitest';
import { createLogger } from '../../src/logger.js';

export interface FakeOpenAi {
  baseURL: string;
  requests: Array<{
    path: string;
    body: {
      model: string;
      messages: Array<{ role: string; content: string }>;
      response_format?: { type: string; json_schema?: { strict?: boolean; schema?: unknown } };
    };
  }>;
  close: () => Promise<void>;
}

export async function fakeOpenAi(
  reply: (res: ServerResponse, body: unknown) => void,
): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as FakeOpenAi['requests'][number]['body'];
      requests.push({ path: req.url ?? '', body });
      reply(res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function completion(content: string) {
  return (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'gpt-4o-mini',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  };
}

/** The server's answer to a wrong API key. */
export function wrongApiKey(res: ServerResponse) {
  res.writeHead(401, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      error: {
        message: 'Incorrect API key provided',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    }),
  );
}

interface LogEntry {
  msg: string;
  level: number;
  err?: Record<string, unknown>;
}

/** A logger whose lines the test can read; `failures` are the language-model failures. */
export function capturedLog(): { logger: Logger; failures: () => LogEntry[] } {
  const logged: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const failures = () =>
    logged
      .map((line) => JSON.parse(line) as LogEntry)
      .filter((entry) => entry.msg.includes('language model failed'));
  return { logger, failures };
}

/** One warning for a wrong key, with its cause, and never the key itself. */
export function expectLoggedOnce(failures: LogEntry[], key: string) {
  expect(failures).toHaveLength(1);
  expect(failures[0]?.level).toBe(40);
  expect(failures[0]?.err).toMatchObject({ status: 401, code: 'invalid_api_key' });
  expect(JSON.stringify(failures[0])).not.toContain(key);
}
