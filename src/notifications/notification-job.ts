/** The job that carries one message to an employee's personal chat: a status change or a reminder. */
import { z } from 'zod';
import { jobKind } from '../jobs/job-queue.js';
import { statusChangeSchema } from './status-change.js';

export const notificationSchema = z.object({
  employeeId: z.string(),
  message: z.discriminatedUnion('type', [
    z.object({ type: z.literal('status'), change: statusChangeSchema }),
    z.object({
      type: z.literal('reminder'),
      receipts: z.number().int().nonnegative(),
      drafts: z.number().int().nonnegative(),
    }),
  ]),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFY = jobKind('notification.send', notificationSchema);
