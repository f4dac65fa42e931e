/**
 * Reads the facts the conversation needs out of a Bot Framework activity: who the person is,
 * where they are (personal or group chat), their day, and what they did.
 */
import type { Activity } from 'botbuilder';
import type { ConversationEvent, Scope } from '../conversation/types.js';
import { cardActionEvent } from './card-action-event.js';
import { dateFormat } from '../i18n/formatters.js';

const DEFAULT_TIME_ZONE = 'Europe/Oslo';

/** Claims belong to the person (Entra object id), not to a conversation; from.id is the fallback outside Teams. */
export function employeeIdOf(activity: Partial<Activity>): string | undefined {
  return activity.from?.aadObjectId || activity.from?.id || undefined;
}

export function scopeOf(activity: Partial<Activity>): Scope {
  const type = activity.conversation?.conversationType;
  if (type === 'groupChat') return 'groupChat';
  if (type === 'channel') return 'channel';
  return 'personal';
}

/** The user's calendar date, so "i går" means yesterday where they are, not where the server is. */
export function userToday(activity: Partial<Activity>, now: Date): string {
  const day = (timeZone: string) =>
    dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  if (activity.localTimezone) {
    try {
      return day(activity.localTimezone);
    } catch {
      // An unknown zone name from a client is not worth failing the turn over.
    }
  }
  return day(DEFAULT_TIME_ZONE);
}

export function firstName(activity: Partial<Activity>): string | undefined {
  const name = activity.from?.name?.trim();
  if (!name || /^(user|test user)$/i.test(name)) return name || undefined;
  return name.split(/\s+/)[0];
}

/**
 * Message text without the bot's @mention (group chats deliver "<at>Bot</at> ny utlegg"), spaces
 * made single and line breaks kept.
 */
export function messageText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (
      entity.type === 'mention' &&
      (entity.mentioned as { id?: string } | undefined)?.id === activity.recipient?.id &&
      typeof entity.text === 'string'
    ) {
      text = text.split(entity.text).join(' ');
    }
  }
  // Line breaks are kept: a list typed one expense per line is read line by line.
  return text
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/<br\s*\/?>|<\/p>\s*<p>/gi, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

export function eventOf(activity: Partial<Activity>): ConversationEvent | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action')
    return cardActionEvent(activity);
  if (activity.type === 'message') {
    // An Action.Submit arrives as a message with a value and no text.
    if (activity.value !== undefined && !activity.text) return cardActionEvent(activity);
    const text = messageText(activity);
    return text ? { type: 'text', text } : undefined;
  }
  if (activity.type === 'conversationUpdate') {
    const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient?.id);
    return botAdded ? { type: 'installed' } : undefined;
  }
  return undefined;
}
