/**
 * The real bot process for the end-to-end tests, as Teams drives it: `useBotServer` starts a
 * local Bot Connector and the bot (SQLite in its own temporary data folder) before the file's
 * tests, and stops both and removes the folder after them. It also builds and posts activities.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  startBotProcess,
  startBuiltBotProcess,
  type BotProcess,
} from '../../scripts/lib/bot-process.js';
import { FakeConnector } from '../../scripts/lib/fake-connector.js';

export interface BotServer {
  /** The local Bot Connector: what the bot sent to each conversation. */
  readonly connector: FakeConnector;
  /** The running bot process; `restart` replaces it. */
  readonly bot: BotProcess;
  /** The bot's data folder (its SQLite files). */
  readonly dataDir: string;
  /** Starts a new bot process on the same data folder, once a test has stopped the last one. */
  restart: () => Promise<void>;
  /**
   * An activity as the Teams channel posts it: a message with a fresh id and the time now, sent
   * to the bot through the local connector. `fields` adds who sends it, where, and what.
   */
  activity: (fields: Record<string, unknown>) => Record<string, unknown>;
  /** POSTs `body` to the bot's /api/messages: the status, and the JSON answer if there is one. */
  post: (body: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;
}

export interface BotServerOptions {
  /** Runs once the data folder exists and before the bot starts, e.g. to leave files in it. */
  seed?: (dataDir: string) => void | Promise<void>;
  /** More settings for the bot process, read at each start (after `seed`). */
  env?: () => Record<string, string>;
  /** Runs the compiled bot (`node dist/index.js`, as `npm start` does) instead of the sources. */
  built?: boolean;
}

/** A message activity as the Teams channel posts it, its replies to go to `serviceUrl`. */
export function channelActivity(
  serviceUrl: string,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    recipient: { id: '28:bot', name: 'Reiserekning' },
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

/** Registers the hooks that run the bot for this test file; `name` names its data folder. */
export function useBotServer(name: string, options: BotServerOptions = {}): BotServer {
  const dataDir = mkdtempSync(path.join(tmpdir(), `rr-${name}-`));
  const connector = new FakeConnector();
  let bot: BotProcess | undefined;
  const start = async () => {
    const startBot = options.built ? startBuiltBotProcess : startBotProcess;
    bot = await startBot({ ...options.env?.(), DATA_DIR: dataDir });
  };
  const running = () => {
    if (!bot) throw new Error('the bot process has not started');
    return bot;
  };

  beforeAll(async () => {
    await connector.start();
    await options.seed?.(dataDir);
    await start();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    connector,
    dataDir,
    get bot() {
      return running();
    },
    restart: start,
    activity: (fields) => channelActivity(connector.url, fields),
    post: async (body) => {
      const res = await fetch(`${running().url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}
