/**
 * Wires the tab from the configuration: the SSO validator when auth is on, the deep link to the
 * chat, and what "Continue in chat" runs in the chat for each kind of draft.
 */
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DraftKind } from './overview-schema.js';
import { readUserState, type TabDataDeps } from './tab-data.js';
import { registerTabRoutes, type ContinueInChat } from './tab-routes.js';
import { createTokenValidator } from './token-validator.js';

/** Where `npm run build` puts the page. */
export const TAB_PAGE_DIR = fileURLToPath(new URL('../../dist/tab/', import.meta.url));

/** The card action that shows each kind of draft's card again (its form, to go on with it). */
const RESUME_ACTION: Record<DraftKind, string> = {
  outlay: 'outlay.edit',
  outlayClaim: 'claim.edit',
  mileage: 'mileage.edit',
  travel: 'travel.edit',
};

export interface TabWiring extends TabDataDeps {
  config: Config;
  /**
   * Runs a card action on a draft, or takes up a rejected claim, in the employee's personal chat;
   * false when the bot has no chat with them yet.
   */
  continueInChat: (
    employeeId: string,
    what: { cardAction: Record<string, unknown> },
  ) => Promise<boolean>;
  logger: Logger;
  pageDir?: string;
}

export function registerTab(server: restify.Server, w: TabWiring): void {
  const { config } = w;
  const clientId = config.TAB_SSO_CLIENT_ID ?? config.MicrosoftAppId;
  const domain = config.PUBLIC_BASE_URL ? new URL(config.PUBLIC_BASE_URL).host : undefined;
  const singleTenant = config.MicrosoftAppType === 'SingleTenant';
  const tenant = config.MicrosoftAppTenantId;
  const validator =
    config.authEnabled && clientId
      ? createTokenValidator({
          clientId,
          ...(domain ? { domain } : {}),
          ...(tenant ? { tenantId: tenant } : {}),
          multiTenant: !singleTenant,
          jwksUrl: `https://login.microsoftonline.com/${singleTenant && tenant ? tenant : 'common'}/discovery/v2.0/keys`,
        })
      : undefined;

  const continueInChat: ContinueInChat = async (employeeId, what) => {
    if (what.claimId) {
      // Read from the claims API as this employee: another's claim id finds nothing.
      const claim = await w.claims.getClaim(employeeId, what.claimId);
      if (claim?.status !== 'rejected') return false;
      // The chat's own "Endre og send inn på nytt": the same claim, resubmitted when filed again.
      return w.continueInChat(employeeId, {
        cardAction: { action: 'claim.reopen', claimId: claim.id },
      });
    }
    if (!what.draftKind) return false;
    const state = await readUserState(w.states, employeeId);
    const draft =
      what.draftKind === 'outlay'
        ? state.outlay
        : what.draftKind === 'outlayClaim'
          ? state.outlayClaim
          : what.draftKind === 'mileage'
            ? state.mileage
            : state.travel;
    if (!draft) return false;
    return w.continueInChat(employeeId, {
      cardAction: { action: RESUME_ACTION[what.draftKind], draftId: draft.id },
    });
  };

  registerTabRoutes(server, {
    claims: w.claims,
    links: w.links,
    receipts: w.receipts,
    states: w.states,
    pageDir: w.pageDir ?? TAB_PAGE_DIR,
    ...(validator ? { validator } : {}),
    developmentEmployeeId: config.TAB_DEV_EMPLOYEE_ID,
    ...(config.MicrosoftAppId
      ? { chatLink: `https://teams.microsoft.com/l/chat/0/0?users=28:${config.MicrosoftAppId}` }
      : {}),
    continueInChat,
    logger: w.logger,
  });
}
