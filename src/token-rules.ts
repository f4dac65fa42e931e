/**
 * The one rule for the claims API's bearer tokens, shared by the bot's embedded API (config.ts)
 * and the standalone server, so neither accepts a token the other would refuse.
 */
import { z } from 'zod';

/** 32 characters: a guessable token on a reachable port hands out every employee's claims. */
export const MIN_TOKEN_LENGTH = 32;

export const claimsTokenSchema = z
  .string()
  .trim()
  .min(MIN_TOKEN_LENGTH, `must be at least ${MIN_TOKEN_LENGTH} characters`);

/**
 * The admin token moves claims to approved or paid; if it equalled the service token, the bot's
 * own credential could approve the claims it files.
 */
export function adminTokenIssue(
  serviceToken: string | undefined,
  adminToken: string | undefined,
): string | undefined {
  return adminToken !== undefined && adminToken === serviceToken
    ? 'must differ from CLAIMS_API_TOKEN'
    : undefined;
}
