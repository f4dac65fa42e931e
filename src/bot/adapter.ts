/**
 * The Bot Framework adapter. With MicrosoftAppId empty, authentication is off (local chat through
 * the Agents Playground); with it set, every inbound request must carry a valid Bot Framework
 * token, and SingleTenant / UserAssignedMSI settings are passed through unchanged.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  JwtTokenValidation,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { langFromLocale, t } from '../i18n/translate.js';
import { errorSummary, errorWithStack } from '../logger.js';

/**
 * The public cloud's settings with the signing keys read from `metadataUrl` (tests run a local
 * key server). botbuilder takes any one of these as "all are given", so each is spelled out,
 * with the values of botframework-connector's AuthenticationConstants.
 */
function publicCloudWithKeysAt(
  metadataUrl: string,
): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** How inbound tokens are checked (and outbound ones obtained); shared by the adapter and inbound.ts. */
export function createBotAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(config.BOT_OPENID_METADATA_URL
      ? publicCloudWithKeysAt(config.BOT_OPENID_METADATA_URL)
      : {}),
  };
  return new ConfigurationBotFrameworkAuthentication(options);
}

export type AuthenticatedRequest = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/** Connector clients kept per app, service URL and audience; a few channels, so a few entries. */
const MAX_CONNECTORS = 32;

/**
 * CloudAdapter with its turn runner open to inbound.ts, which authenticates the request itself.
 * The connector client a turn replies through is kept for the next turn of the same app, service
 * URL and audience (as botbuilder's BotFrameworkAdapter did): making one builds an HTTP pipeline
 * and credentials, which cost about a twentieth of a turn. The credentials renew their own token.
 */
export class BotAdapter extends CloudAdapter {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();

  runTurn(
    authenticated: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const factory = authenticated.connectorFactory;
    if (!factory) return this.processActivity(authenticated, activity, logic);
    const appId = JwtTokenValidation.getAppIdFromClaims(authenticated.claimsIdentity.claims) ?? '';
    const connectorFactory: ConnectorFactory = {
      create: (serviceUrl, audience) => this.connector(factory, appId, serviceUrl, audience),
    };
    return this.processActivity({ ...authenticated, connectorFactory }, activity, logic);
  }

  private connector(
    factory: ConnectorFactory,
    appId: string,
    serviceUrl: string,
    audience: string | undefined,
  ): Promise<ConnectorClient> {
    const key = JSON.stringify([appId, serviceUrl, audience ?? '']);
    const known = this.connectors.get(key);
    if (known) return known;
    const made = factory.create(serviceUrl, audience);
    // A failure is not kept: the next turn tries again.
    made.catch(() => this.connectors.delete(key));
    if (this.connectors.size >= MAX_CONNECTORS) {
      const oldest = this.connectors.keys().next().value;
      if (oldest !== undefined) this.connectors.delete(oldest);
    }
    this.connectors.set(key, made);
    return made;
  }
}

export function createAdapter(
  config: Config,
  logger: Logger,
  auth: ConfigurationBotFrameworkAuthentication = createBotAuthentication(config),
): BotAdapter {
  const adapter = new BotAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    const activityType: unknown = context.activity.type;
    logger.error(
      {
        err: errorWithStack(error),
        activityType: typeof activityType === 'string' ? activityType.slice(0, 64) : 'unknown',
      },
      'unhandled error in turn',
    );
    // Tell the user something went wrong, in their language, without internals.
    const lang = langFromLocale(context.activity.locale) ?? config.DEFAULT_LOCALE;
    try {
      if (context.activity.type !== 'invoke') await context.sendActivity(t(lang, 'error.generic'));
    } catch (sendError) {
      logger.warn({ err: errorSummary(sendError) }, 'could not tell the user about the error');
    }
  };
  return adapter;
}
