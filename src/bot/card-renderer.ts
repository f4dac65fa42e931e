/**
 * Binds the Adaptive Card templates in `cards/` with view data. Binding is pure, so the same code
 * renders cards for Teams, tests and screenshots. The templating library (with its expression
 * parser) takes longer to load than the rest of the bot's start-up, and each template is parsed
 * once: both happen on the first card that needs them, or earlier through `warmUp`, which the
 * bot runs once it listens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ACData from 'adaptivecards-templating';
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

const require = createRequire(import.meta.url);
let templating: typeof ACData | undefined;

export class CardRenderer {
  /** The templates' JSON, read at construction: a missing or broken file stops start-up. */
  private readonly sources = new Map<CardTemplate, unknown>();
  private readonly templates = new Map<CardTemplate, ACData.Template>();

  constructor(dir = CARDS_DIR) {
    for (const name of CARD_TEMPLATES)
      this.sources.set(name, JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')));
  }

  /** One step per template (the first loads the library): work to do before the first card. */
  warmUp(): Array<() => void> {
    return CARD_TEMPLATES.map((name) => () => void this.template(name));
  }

  render(name: CardTemplate, data: Record<string, unknown>): AdaptiveCardJson {
    return this.template(name).expand({ $root: data }) as AdaptiveCardJson;
  }

  private template(name: CardTemplate): ACData.Template {
    let template = this.templates.get(name);
    if (template) return template;
    const json = this.sources.get(name);
    if (json === undefined) throw new Error(`unknown card template ${name}`);
    templating ??= require('adaptivecards-templating') as typeof ACData;
    template = new templating.Template(json);
    this.templates.set(name, template);
    return template;
  }
}
