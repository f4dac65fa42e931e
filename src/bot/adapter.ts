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
import type { BotFrameworkAuthentication, ConnectorClient } from 'botframework-connector';
import {
  KeptClientsAuthentication,
  KeptPromises,
  appIdOf,
  keptConnectors,
} from './kept-clients.js';
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

/**
 * CloudAdapter with its turn runner open to inbound.ts, which authenticates the request itself.
 * The clients a turn replies through are kept for later turns (see kept-clients.ts).
 */
export class BotAdapter extends CloudAdapter {
  private readonly connectors = new KeptPromises<ConnectorClient>();

  constructor(auth: BotFrameworkAuthentication) {
    super(new KeptClientsAuthentication(auth));
  }

  runTurn(
    authenticated: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const factory = authenticated.connectorFactory;
    if (!factory) return this.processActivity(authenticated, activity, logic);
    const connectorFactory = keptConnectors(
      factory,
      appIdOf(authenticated.claimsIdentity),
      this.connectors,
    );
    return this.processActivity({ ...authenticated, connectorFactory }, activity, logic);
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
