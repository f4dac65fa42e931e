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
import { UNSURE, compileSerializer, type Mapper } from './activity-serializer.js';
import {
  basePrefixOf,
  operationOf,
  proxyConfigured,
  sendActivityOperation,
  type ActivityClient,
  type ActivityOperationSpec,
} from './plain-activity-requests.js';

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

type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** A connector factory handing out kept clients of another factory's making. */
export function keptConnectors(
  factory: ConnectorFactory,
  appId: string,
  kept: KeptPromises<ConnectorClient>,
): ConnectorFactory {
  return {
    create: (serviceUrl: string, audience?: string) =>
      kept.get([appId, serviceUrl, audience ?? ''], () =>
        factory.create(serviceUrl, audience).then(withQuickActivities),
      ),
  };
}

/** The parts of an @azure/core-client operation spec read here. */
interface OperationSpec extends ActivityOperationSpec {
  requestBody?: { parameterPath?: unknown; mapper?: Mapper };
  serializer?: { isXML?: boolean; modelMappers?: Record<string, Mapper | undefined> };
}
type SendOperation = (
  args: Record<string, unknown>,
  spec: OperationSpec,
  callback?: unknown,
) => Promise<unknown>;

/** The body sent as it is: already what the Activity mapper makes of it (activity-serializer.ts). */
const AS_SERIALIZED: Mapper = {
  serializedName: 'Activity',
  required: true,
  type: { name: 'Object' },
};

/**
 * The client, sending an activity (a reply, a message, an update) serialised by the compiled
 * mapper, as one plain HTTP request (plain-activity-requests.ts). A call the plain path does not
 * cover (options, a callback, a proxy, an unusual service URL) goes to the library's operation
 * with the body already serialised: its URL, headers, credentials, retries and the answer's
 * handling; only the walk over the mapper is done once instead of per reply.
 */
export function withQuickActivities(client: ConnectorClient): ConnectorClient {
  const target = client as unknown as { sendOperationRequest: SendOperation };
  const original = target.sendOperationRequest;
  const send: SendOperation = (args, spec, callback) => original.call(client, args, spec, callback);
  const quick = new WeakMap<OperationSpec, QuickSpec | null>();
  const plain = client as unknown as ActivityClient;
  const prefix = proxyConfigured() ? null : basePrefixOf(plain.baseUri);
  target.sendOperationRequest = (args, spec, callback) => {
    let known = quick.get(spec);
    if (known === undefined) {
      known = quickSpec(spec);
      quick.set(spec, known);
    }
    const serialized = known ? known.serialize(args.activity) : UNSURE;
    if (!known || serialized === UNSURE) return send(args, spec, callback);
    if (prefix && known.operation && callback === undefined && args.options === undefined)
      return sendActivityOperation(plain, prefix, known.operation, args, serialized);
    return send({ ...args, activity: serialized }, known.spec, callback);
  };
  return client;
}

type Quick = (value: unknown) => unknown;
interface QuickSpec {
  spec: OperationSpec;
  serialize: Quick;
  operation: ReturnType<typeof operationOf>;
}

function quickSpec(spec: OperationSpec): QuickSpec | null {
  const body = spec.requestBody;
  const mapper = body?.mapper;
  const models = spec.serializer?.modelMappers;
  if (body?.parameterPath !== 'activity' || mapper?.type.className !== 'Activity') return null;
  if (!models || spec.serializer?.isXML) return null;
  const serialize = compileSerializer(mapper, models);
  if (!serialize) return null;
  return {
    spec: { ...spec, requestBody: { ...body, mapper: AS_SERIALIZED } },
    serialize,
    operation: operationOf(spec),
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
