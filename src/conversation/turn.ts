/** One turn under construction: the state so far and what to show and do. */
import { t, type Lang, type MessageKey } from '../i18n/translate.js';
import type { PurposeAsker, TurnContextData, TurnResult, UserState, View } from './types.js';

export const text = (value: string): View => ({ kind: 'text', text: value });

export class Turn {
  state: UserState;
  replace?: View;
  messages: View[] = [];
  effects: TurnResult['effects'] = [];

  constructor(
    state: UserState,
    readonly ctx: TurnContextData,
    public lang: Lang,
  ) {
    this.state = { ...state };
  }
  /**
   * Asks for a draft's purpose (or, with `key`, for what it lacks before that); the answer goes
   * to the draft asked last (see `contextOf`).
   */
  askPurpose(draft: PurposeAsker, key: MessageKey = `${draft}.askPurpose`) {
    this.state.askedPurpose = draft;
    this.say(key);
  }
  say(key: MessageKey, params?: Record<string, string | number>) {
    this.messages.push(text(t(this.lang, key, params)));
  }
  /** A card action's answer replaces the clicked card; a typed command's answer is a new message. */
  show(view: View, fromCard: boolean) {
    if (fromCard) this.replace = view;
    else this.messages.push(view);
  }
  result(): TurnResult {
    return {
      state: this.state,
      replace: this.replace,
      messages: this.messages,
      effects: this.effects,
      lang: this.lang,
    };
  }
}
