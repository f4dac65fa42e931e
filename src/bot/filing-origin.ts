/**
 * Where a filing came from, kept with its outbox job: the conversation reference to message the
 * user in later (its `reference`, where the notification jobs post the outcome) and what a turn there needs (their language, time
 * zone, name). Written when the user clicks File, read when the claims API answers, maybe after a
 * restart, so it is validated with zod on the way back.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Lang, TurnContextData } from '../conversation/types.js';
import { firstName, scopeOf, userToday } from './turn-facts.js';

const originSchema = z.object({
  reference: z.record(z.string(), z.unknown()),
  locale: z.string().optional(),
  localTimezone: z.string().optional(),
  scope: z.enum(['personal', 'groupChat', 'channel']),
  userName: z.string().optional(),
  /** The message a result takes the place of: the "Reading your receipt…" acknowledgement. */
  replaces: z.string().optional(),
});
export type FilingOrigin = z.infer<typeof originSchema>;

export function originOf(activity: Activity): FilingOrigin {
  const name = firstName(activity);
  return {
    reference: { ...TurnContext.getConversationReference(activity) },
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(activity.localTimezone ? { localTimezone: activity.localTimezone } : {}),
    scope: scopeOf(activity),
    ...(name ? { userName: name } : {}),
  };
}

/** The stored origin, or undefined when it is missing or unreadable (then nobody is told). */
export function parseOrigin(origin: unknown): FilingOrigin | undefined {
  const parsed = originSchema.safeParse(origin);
  return parsed.success ? parsed.data : undefined;
}

/** The facts of a turn nobody typed: the person's day and language as they were when filing. */
export function factsOf(
  origin: FilingOrigin | undefined,
  defaults: { defaultLang: Lang; now: Date; newId: () => string },
): TurnContextData {
  return {
    today: userToday(
      origin?.localTimezone ? { localTimezone: origin.localTimezone } : {},
      defaults.now,
    ),
    scope: origin?.scope ?? 'personal',
    ...(origin?.locale ? { locale: origin.locale } : {}),
    ...(origin?.userName ? { userName: origin.userName } : {}),
    defaultLang: defaults.defaultLang,
    newId: defaults.newId,
  };
}
