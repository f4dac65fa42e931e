/**
 * The adapter keeps the connector client a turn replies through for the next turn of the same
 * app, service URL and audience, and the user-token client per app, instead of building them (HTTP
 * pipeline, credentials) at every turn.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import {
  ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  createAdapter,
  createBotAuthentication,
  type AuthenticatedRequest,
} from '../src/bot/adapter.js';
import { loadConfig } from '../src/config.js';

const config = loadConfig({});

/** A factory that makes real clients through botbuilder's own, counting what it makes. */
async function countingRequest(): Promise<{ request: AuthenticatedRequest; made: string[] }> {
  const activity = message('https://smba.example.test/');
  const request = await createBotAuthentication(config).authenticateRequest(activity, '');
  const real = request.connectorFactory as ConnectorFactory;
  const made: string[] = [];
  const connectorFactory: ConnectorFactory = {
    create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
      made.push(serviceUrl);
      return real.create(serviceUrl, audience);
    },
  };
  return {
    request: { ...request, connectorFactory, claimsIdentity: new ClaimsIdentity([], true) },
    made,
  };
}

function message(serviceUrl: string): Activity {
  return {
    type: ActivityTypes.Message,
    id: `a-${Math.random()}`,
    text: 'hei',
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'u1', name: 'Kari' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  } as Activity;
}

describe('connector clients', () => {
  it('are made once per service URL and reused by later turns', async () => {
    const adapter = createAdapter(config, pino({ level: 'silent' }));
    const { request, made } = await countingRequest();
    const seen: ConnectorClient[] = [];
    const tokenClients: unknown[] = [];
    const logic = (url: string) =>
      adapter.runTurn(request, message(url), (context) => {
        seen.push(context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey));
        tokenClients.push(context.turnState.get<unknown>(adapter.UserTokenClientKey));
        return Promise.resolve();
      });
    await logic('https://smba.example.test/');
    await logic('https://smba.example.test/');
    await logic('https://other.example.test/');
    expect(made).toEqual(['https://smba.example.test/', 'https://other.example.test/']);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    // The user-token client depends on the app only: one for all three turns.
    expect(new Set(tokenClients).size).toBe(1);
    expect(tokenClients[0]).toBeDefined();
  });

  it('does not keep a client whose making failed', async () => {
    const adapter = createAdapter(config, pino({ level: 'silent' }));
    const { request } = await countingRequest();
    let attempts = 0;
    const failingOnce: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new Error('credentials unavailable'));
        return (request.connectorFactory as ConnectorFactory).create(serviceUrl, audience);
      },
    };
    const flaky = { ...request, connectorFactory: failingOnce };
    await expect(
      adapter.runTurn(flaky, message('https://x.example.test/'), async () => {}),
    ).rejects.toThrow(/credentials unavailable/);
    await adapter.runTurn(flaky, message('https://x.example.test/'), async () => {});
    expect(attempts).toBe(2);
  });
});
