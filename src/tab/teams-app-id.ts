/**
 * The Teams app's id (the manifest's `id`) and the deep link to its "Mine krav" tab. The packaging
 * script derives the id from the bot id unless TEAMS_APP_ID names one; the bot derives it the same
 * way, so the "Open the tab" button points at the app that was actually uploaded.
 */
import { createHash } from 'node:crypto';

// Fixed for this app so the derived Teams app id never changes between builds: Teams treats a new
// id as a new app, and users would end up with two "Reiserekning" apps side by side.
const TEAMS_APP_ID_NAMESPACE = '4ab7aa2d-b0fc-43fb-a5d5-d0b19ab718eb';

/** A name-based (version 5) UUID from the bot id: the same bot always gets the same Teams app id. */
export function deriveTeamsAppId(botId: string): string {
  const namespace = Buffer.from(TEAMS_APP_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(botId.toLowerCase(), 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The static tab's entityId in the manifest template. */
export const TAB_ENTITY_ID = 'mine-krav';

/** Opens the personal tab in Teams (desktop, web and mobile resolve this link). */
export function tabDeepLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${TAB_ENTITY_ID}`;
}
