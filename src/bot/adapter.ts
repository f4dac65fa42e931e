/**
 * The Bot Framework adapter. With MicrosoftAppId empty, authentication is off (local chat through
 * the Agents Playground); with it set, every inbound request must carry a valid Bot Framework
 * token, and SingleTenant / UserAssignedMSI settings are passed through unchanged.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { langFromLocale, t } from '../i18n/translate.js';
import { errorSummary, errorWithStack } from '../logger.js';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
