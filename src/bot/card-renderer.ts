/**
 * Binds the Adaptive Card templates in `cards/` with view data. Binding is pure, so the same code
 * renders cards for Teams, tests and screenshots. Each template is compiled once, at construction
 * (`card-binder.ts`, the templating language of adaptivecards-templating; about 10 ms for all of
 * them, files read included), so a template the binder cannot read stops start-up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate } from './card-binder.js';
import type { CardTemplate } from '../conversation/types.js';

export const CARDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cards');
export const CARD_TEMPLATES: readonly CardTemplate[] = [
  'welcome',
  'outlay-form',
  'outlay-summary',
  'claims-list',
  'help-answer',
  'mileage-form',
  'trip-summary',
  'travel-form',
  'receipts-list',
  'outlay-claim',
  'receipts-merge',
  'notice',
];

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

type Binder = (root: unknown) => unknown;

export class CardRenderer {
  /** Read and compiled at construction: a missing or broken file stops start-up, naming it. */
  private readonly templates = new Map<CardTemplate, Binder>();

  constructor(dir = CARDS_DIR) {
    for (const name of CARD_TEMPLATES) {
      const file = path.join(dir, `${name}.json`);
      try {
        this.templates.set(name, compileTemplate(JSON.parse(readFileSync(file, 'utf8'))));
      } catch (error) {
        throw new Error(`card template ${file}: ${(error as Error).message}`, { cause: error });
      }
    }
  }

  render(name: CardTemplate, data: Record<string, unknown>): AdaptiveCardJson {
    const template = this.templates.get(name);
    if (!template) throw new Error(`unknown card template ${name}`);
    return template(data) as AdaptiveCardJson;
  }
}
