/**
 * A local Bot Connector: the channel side of Teams. The bot posts its replies here exactly as
 * it would to smba.trafficmanager.net, so the tests see what a user would see.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  conversationId: string;
  method: string;
  path: string;
  [key: string]: unknown;
}

export class FakeConnector {
  readonly activities: ConnectorActivity[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  private counter = 0;
  url = '';
  /** Called with each activity as it arrives (the benchmark times replies by it). */
  onActivity?: (activity: ConnectorActivity) => void;
  /**
   * How to answer the next sends instead of accepting them, one status each (then 200 again):
   * 429 with `Retry-After` as Teams throttles, 403 as for an app the user removed.
   */
  readonly refusals: number[] = [];
  /** The Retry-After (seconds) of a refusal; the connector client itself waits that long and retries. */
  retryAfterS = 2;
  /** Sends refused so far, with the status given. */
  readonly refused: Array<{ status: number; conversationId: string }> = [];

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404);
        res.end();
        return;
      }
      const refusal = this.refusals.shift();
      if (refusal !== undefined) {
        this.refused.push({
          status: refusal,
          conversationId: decodeURIComponent(match[1] as string),
        });
        res.writeHead(refusal, {
          'content-type': 'application/json',
          'retry-after': String(this.retryAfterS),
        });
        res.end(
          JSON.stringify({ error: { code: String(refusal), message: 'refused by the test' } }),
        );
        return;
      }
      const activity = JSON.parse(body || '{}') as Record<string, unknown>;
      const received: ConnectorActivity = {
        ...(activity as { type: string }),
        conversationId: decodeURIComponent(match[1] as string),
        method: req.method ?? '',
        path: req.url ?? '',
      };
      this.activities.push(received);
      this.onActivity?.(received);
      // Not chained: restify, when loaded in the same process, makes writeHead return nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${++this.counter}` }));
    });
  }

  /** Replies sent to one conversation, ignoring typing indicators. */
  repliesTo(conversationId: string): ConnectorActivity[] {
    return this.activities.filter(
      (a) => a.conversationId === conversationId && a.type !== 'typing',
    );
  }

  texts(conversationId: string): string[] {
    return this.repliesTo(conversationId).flatMap((a) => (a.text ? [a.text] : []));
  }

  cards(conversationId: string): Array<Record<string, unknown>> {
    return this.repliesTo(conversationId).flatMap((a) =>
      (a.attachments ?? []).map((att) => att.content),
    );
  }
}
