/**
 * The welcome card, help, and the claims list: what a user sees before and around a draft, and
 * the buttons on those cards.
 */
import { t, type Lang } from '../i18n/translate.js';
import type { Routes } from './actions/route-types.js';
import { outlayInProgress, welcomeView } from './card-views.js';
import { claimTotal } from './outlay-claim-views.js';
import { text, type Turn } from './turn.js';
import type { HelpReply, View } from './types.js';

export function welcome(turn: Turn) {
  turn.state.welcomed = true;
  turn.messages.push(welcomeView(turn.lang, turn.ctx.userName));
}

export function helpAnswerView(reply: HelpReply, personal: boolean): View {
  const label = reply.action ? helpActionLabel(reply.lang, reply.action) : undefined;
  // Claims are private: in a group chat the answer comes without a button that would start one.
  if (!label || !personal) return text(reply.text);
  // The citation is the answer's last line; on the card it goes under the text, small, like a footnote.
  const lines = reply.text.trimEnd().split('\n');
  const source = reply.found && lines.length > 1 ? (lines.pop() as string) : '';
  return {
    kind: 'card',
    template: 'help-answer',
    data: { text: lines.join('\n').trim(), source, action: reply.action, label },
  };
}

function helpActionLabel(lang: Lang, action: string): string | undefined {
  switch (action) {
    case 'outlay.start':
      return t(lang, 'welcome.newOutlay');
    case 'mileage.start':
      return t(lang, 'welcome.newMileage');
    case 'travel.start':
      return t(lang, 'welcome.newTravel');
    case 'claims.list':
      return t(lang, 'welcome.myClaims');
    default:
      return undefined;
  }
}

/** Every claim the user has started and not filed, one line each, for “mine krav”. */
export function inProgressNote(turn: Turn): string {
  const { outlay, outlayClaim, mileage, travel } = turn.state;
  const notes = [
    outlay ? outlayInProgress(turn.lang, outlay) : '',
    outlayClaim
      ? t(turn.lang, 'claims.claimInProgress', {
          count: outlayClaim.lines.length,
          amount: claimTotal(turn.lang, outlayClaim.lines),
        })
      : '',
    mileage ? t(turn.lang, 'claims.mileageInProgress', { to: mileage.fields.to || '?' }) : '',
    travel
      ? t(turn.lang, 'claims.travelInProgress', { destination: travel.fields.destination || '?' })
      : '',
  ];
  return notes.filter(Boolean).join('\n\n');
}

/** The welcome and help cards' buttons that start nothing. */
export const helpRoutes: Routes<'help.show' | 'claims.list'> = {
  'help.show': (turn) => turn.say('help.text'),
  'claims.list': (turn) => void turn.effects.push({ type: 'listClaims' }),
};
