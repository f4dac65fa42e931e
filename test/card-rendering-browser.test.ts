import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, renderCardPngs, type RenderedCard } from '../scripts/card-screenshots.js';
import { sampleCards } from '../scripts/sample-cards.js';
import { t, type Lang } from '../src/i18n/translate.js';

// The JSON-level checks live in card-templates.test.ts; this file asks the renderer Teams web
// uses to actually lay the cards out, which catches what a schema check cannot (an action type
// the renderer drops, a card that renders to nothing).
const chromium = findChromium();
// CI installs Chromium and sets this, so there a missing browser is a failure, not a skip.
if (!chromium && process.env.REQUIRE_SYSTEM_COMPONENTS === '1') {
  throw new Error(
    'REQUIRE_SYSTEM_COMPONENTS=1 but no Chromium at CHROMIUM_PATH or /usr/bin/chromium',
  );
}
const samples = sampleCards();

const expectedButtons: Record<string, (lang: Lang) => string[]> = {
  'notice-rejected': (l) => [t(l, 'notify.resubmit')],
  'notice-reminder': (l) => [t(l, 'reminder.finish'), t(l, 'reminder.drop')],
  welcome: (l) => [
    t(l, 'welcome.newOutlay'),
    t(l, 'welcome.newMileage'),
    t(l, 'welcome.newTravel'),
    t(l, 'welcome.myClaims'),
    t(l, 'welcome.help'),
  ],
  'welcome-anonymous': (l) => [
    t(l, 'welcome.newOutlay'),
    t(l, 'welcome.newMileage'),
    t(l, 'welcome.newTravel'),
    t(l, 'welcome.myClaims'),
    t(l, 'welcome.help'),
  ],
  'receipts-list': (l) => [
    t(l, 'receipts.toClaim'),
    t(l, 'receipts.toClaim'),
    t(l, 'receipts.allToClaim'),
  ],
  'outlay-summary-from-receipt': (l) => [
    t(l, 'outlay.action.openForm'),
    t(l, 'outlay.action.cancel'),
  ],
  'travel-form': (l) => [t(l, 'outlay.action.review'), t(l, 'outlay.action.cancel')],
  'travel-form-meals': (l) => [t(l, 'outlay.action.review'), t(l, 'outlay.action.cancel')],
  'travel-summary-review': (l) => [
    t(l, 'trip.action.addOutlay'),
    t(l, 'trip.action.addMileage'),
    t(l, 'outlay.action.file'),
    t(l, 'outlay.action.edit'),
    t(l, 'outlay.action.cancel'),
  ],
  'travel-summary-meals': (l) => [
    t(l, 'trip.action.addOutlay'),
    t(l, 'trip.action.addMileage'),
    t(l, 'outlay.action.file'),
    t(l, 'outlay.action.edit'),
    t(l, 'outlay.action.cancel'),
  ],
  'outlay-form': (l) => [t(l, 'outlay.action.review'), t(l, 'outlay.action.cancel')],
  'outlay-form-errors': (l) => [t(l, 'outlay.action.review'), t(l, 'outlay.action.cancel')],
  'outlay-summary-draft': (l) => [t(l, 'outlay.action.openForm'), t(l, 'outlay.action.cancel')],
  'outlay-summary-review': (l) => [
    t(l, 'outlay.action.file'),
    t(l, 'outlay.action.edit'),
    t(l, 'outlay.action.cancel'),
  ],
  'outlay-summary-filing': () => [],
  'outlay-summary-filed': () => [],
  'outlay-summary-cancelled': () => [],
  'claims-list': (l) => [t(l, 'welcome.newOutlay')],
  'help-answer': (l) => [t(l, 'welcome.newOutlay')],
  'mileage-form': (l) => [
    t(l, 'mileage.action.removePassenger'),
    t(l, 'mileage.action.addPassenger'),
    t(l, 'outlay.action.review'),
    t(l, 'outlay.action.cancel'),
  ],
  'mileage-form-errors': (l) => [
    t(l, 'mileage.action.removePassenger'),
    t(l, 'mileage.action.addPassenger'),
    t(l, 'outlay.action.review'),
    t(l, 'outlay.action.cancel'),
  ],
  'trip-summary-draft': (l) => [t(l, 'outlay.action.openForm'), t(l, 'outlay.action.cancel')],
  'trip-summary-review': (l) => [
    t(l, 'trip.action.addOutlay'),
    t(l, 'outlay.action.file'),
    t(l, 'outlay.action.edit'),
    t(l, 'outlay.action.cancel'),
  ],
  'trip-summary-filed': () => [],
  'claims-list-empty': (l) => [t(l, 'welcome.newOutlay')],
  // A line of a claim with several receipts: edit or remove it; then the claim's own buttons.
  'outlay-claim-form': (l) => [
    ...lineButtons(l, 3),
    t(l, 'outlay.action.review'),
    t(l, 'outlay.action.cancel'),
  ],
  'outlay-claim-errors': (l) => [
    ...lineButtons(l, 3),
    t(l, 'outlay.action.review'),
    t(l, 'outlay.action.cancel'),
  ],
  'outlay-claim-review': (l) => [
    ...lineButtons(l, 3),
    t(l, 'outlay.action.file'),
    t(l, 'outlay.action.edit'),
    t(l, 'outlay.action.cancel'),
  ],
  'outlay-claim-filed': () => [],
  'outlay-claim-line-form': (l) => [
    t(l, 'outlayClaim.action.saveLine'),
    t(l, 'outlayClaim.action.back'),
  ],
  'receipts-merge': (l) => [t(l, 'outlayClaim.action.merge')],
};

function lineButtons(lang: Lang, lines: number): string[] {
  return Array.from({ length: lines }, () => [
    t(lang, 'outlay.action.edit'),
    t(lang, 'outlayClaim.action.removeLine'),
  ]).flat();
}

// Proves the two claims the template checks rely on: Action.Execute is a real button (not
// silently replaced by its fallback), and an error really is reported when there is one.
const executeOnly = {
  name: 'probe-execute-only',
  card: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'x' }],
    actions: [{ type: 'Action.Execute', title: 'Kjør', verb: 'probe' }],
  },
};
const broken = {
  name: 'probe-broken',
  card: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'Input.Nonsense', id: 'x' }],
    actions: [{ type: 'Action.Nonsense', title: 'Nei' }],
  },
};

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!chromium)(
  chromium
    ? `renders cards in Chromium (${chromium})`
    : 'renders cards in Chromium (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser)',
  () => {
    let dir = '';
    const results = new Map<string, RenderedCard>();
    const result = (name: string): RenderedCard => {
      const r = results.get(name);
      if (!r) throw new Error(`${name} was not rendered`);
      return r;
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'card-png-'));
      // Locales dropped on purpose: each distinct locale is a browser launch, and the date
      // format of the native input is not what these tests look at.
      const cards = [...samples.map(({ name, card }) => ({ name, card })), executeOnly, broken];
      for (const r of await renderCardPngs(cards, dir, { chromiumPath: chromium }))
        results.set(r.name, r);
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(samples.map((s) => [s.name, s] as const))(
      '%s renders without errors, with the expected buttons',
      (_name, sample) => {
        const r = result(sample.name);
        expect(r.errors).toEqual([]);
        const expected = expectedButtons[sample.variant];
        if (!expected) throw new Error(`no expected buttons for variant ${sample.variant}`);
        expect(r.buttons).toEqual(expected(sample.lang));
        const { width, height } = pngSize(r.file);
        // The card is 560 CSS px wide plus its border, at device scale 1.
        expect(width).toBeGreaterThanOrEqual(560);
        expect(width).toBeLessThanOrEqual(570);
        expect(height).toBeGreaterThan(sample.template === 'outlay-form' ? 300 : 80);
        expect(height).toBeLessThan(1500);
      },
    );

    it('shows the literal Norwegian titles users see', () => {
      expect(result('outlay-form.nb').buttons).toEqual(['Gå videre', 'Avbryt']);
      expect(result('outlay-summary-review.nb').buttons).toEqual(['Send inn', 'Endre', 'Avbryt']);
      expect(result('outlay-summary-filed.nb').buttons).toEqual([]);
      expect(result('claims-list.en').buttons).toEqual(['New outlay']);
    });

    it('renders Action.Execute itself as a button', () => {
      expect(result('probe-execute-only')).toMatchObject({ errors: [], buttons: ['Kjør'] });
    });

    it('reports parse errors rather than hiding them', () => {
      const r = result('probe-broken');
      expect(r.errors.join('\n')).toMatch(/Input\.Nonsense/);
      expect(r.errors.join('\n')).toMatch(/Action\.Nonsense/);
      expect(r.buttons).toEqual([]);
    });
  },
);
