/**
 * Binds the Adaptive Card templates in `cards/` with view data. Templates are read once at
 * start-up; binding is pure, so the same code renders cards for Teams, tests and screenshots.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
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

export class CardRenderer {
  private readonly templates = new Map<CardTemplate, ACData.Template>();

  constructor(dir = CARDS_DIR) {
    for (const name of CARD_TEMPLATES) {
      const json: unknown = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
      this.templates.set(name, new ACData.Template(json));
    }
  }

  render(name: CardTemplate, data: Record<string, unknown>): AdaptiveCardJson {
    const template = this.templates.get(name);
    if (!template) throw new Error(`unknown card template ${name}`);
    return template.expand({ $root: data }) as AdaptiveCardJson;
  }
}
