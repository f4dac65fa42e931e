/**
 * Starts a message in a chat the user is not typing in right now (a status change, a reminder):
 * `continueConversationAsync` with the stored reference. The adapter's onTurnError would swallow
 * a failed send, so the error is caught inside the turn and thrown to the caller, who needs its
 * status (429: later; 403: the app is gone).
 */
import { CardFactory, MessageFactory, type CloudAdapter } from 'botbuilder';
import type { View } from '../conversation/types.js';
import type { Deliver } from '../notifications/notification-worker.js';
import type { CardRenderer } from './card-renderer.js';

export function proactiveDelivery(
  adapter: CloudAdapter,
  botAppId: string,
  cards: CardRenderer,
): Deliver {
  const activityOf = (view: View) =>
    view.kind === 'text'
      ? { ...MessageFactory.text(view.text), textFormat: 'markdown' }
      : { attachments: [CardFactory.adaptiveCard(cards.render(view.template, view.data))] };
  return async (reference, view, replaces) => {
    let failure: unknown;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      try {
        if (replaces) {
          // The message it replaces may be gone or too old to edit: then it is sent anew.
          const updated = await context
            .updateActivity({ ...activityOf(view), id: replaces, type: 'message' })
            .then(
              () => true,
              () => false,
            );
          if (updated) return;
        }
        await context.sendActivity(activityOf(view));
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined)
      throw failure instanceof Error ? failure : new Error('sending failed', { cause: failure });
  };
}
