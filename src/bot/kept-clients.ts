/**
 * Clients a turn needs to reply (the connector client, the user-token client) are kept for later
 * turns of the same app, service URL and audience, as botbuilder's BotFrameworkAdapter did,
 * instead of being built per turn: each builds an HTTP pipeline and credentials, together about a
 * twentieth of a turn's CPU. Their credentials renew their own tokens.
 */
import {
  BotFrameworkAuthentication,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** A few channels and one app: a few entries. */
const MAX_KEPT = 32;

/** Promises kept by key; a failed one is forgotten, so the next turn tries again. */
export class KeptPromises<T> {
  private readonly kept = new Map<string, Promise<T>>();

  get(key: unknown[], make: () => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    const known = this.kept.get(id);
    if (known) return known;
    const made = make();
    made.catch(() => this.kept.delete(id));
    if (this.kept.size >= MAX_KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(id, made);
    return made;
  }
}

export const appIdOf = (identity: ClaimsIdentity): string =>
  JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';

/** A connector factory handing out kept clients of another factory's making. */
export function keptConnectors(
  factory: ConnectorFactory,
  appId: string,
  kept: KeptPromises<Awaited<ReturnType<ConnectorFactory['create']>>>,
): ConnectorFactory {
  return {
    create: (serviceUrl: string, audience?: string) =>
      kept.get([appId, serviceUrl, audience ?? ''], () => factory.create(serviceUrl, audience)),
  };
}

/** The bot's authentication, with the user-token client kept per app. */
export class KeptClientsAuthentication extends BotFrameworkAuthentication {
  private readonly userTokenClients = new KeptPromises<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateRequest(activity, authHeader);
  }

  authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get([appIdOf(claimsIdentity)], () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
