/**
 * The job that carries one message to an employee's chat: a status change, a reminder, or a view
 * the conversation already wrote (what became of a claim filed while nobody was waiting).
 */
import { z } from 'zod';
import type { View } from '../conversation/types.js';
import { jobKind } from '../jobs/job-queue.js';
import { statusChangeSchema } from './status-change.js';

const viewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('card'),
    template: z.string().min(1),
    data: z.record(z.string(), z.unknown()),
  }),
]);

export const notificationSchema = z.object({
  employeeId: z.string(),
  message: z.discriminatedUnion('type', [
    z.object({ type: z.literal('status'), change: statusChangeSchema }),
    z.object({
      type: z.literal('reminder'),
      receipts: z.number().int().nonnegative(),
      drafts: z.number().int().nonnegative(),
    }),
    z.object({
      type: z.literal('view'),
      // Written in the user's language by the conversation; the template name is checked when rendered.
      view: viewSchema.transform((v) => v as View),
      /** The conversation to post in (where the claim was filed from); the personal chat otherwise. */
      reference: z.record(z.string(), z.unknown()).optional(),
      /** A message in that conversation this one takes the place of (updated, not added to). */
      replaces: z.string().min(1).max(200).optional(),
    }),
  ]),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFY = jobKind('notification.send', notificationSchema);
