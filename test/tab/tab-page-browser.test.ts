import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.js';
import { findChromium } from '../../scripts/card-screenshots.js';
import { KARI, startTabHarness, type TabHarness } from '../helpers/tab-harness.js';
import { HOST_PATH, teamsHostHtml, type HostSettings } from '../helpers/teams-test-host.js';

// The tab as Teams shows it: the built page, framed by a host that speaks teams-js, with a real
// SSO token the server validates. Screenshots go to docs/tab/ with `npm run tab:png`.
const executablePath = findChromium();
if (!executablePath && process.env.REQUIRE_SYSTEM_COMPONENTS === '1')
  throw new Error(
    'REQUIRE_SYSTEM_COMPONENTS=1 but no Chromium at CHROMIUM_PATH or /usr/bin/chromium',
  );
const shotsDir = process.env.TAB_SCREENSHOTS;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let tab: TabHarness;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!executablePath) return;
  await buildTab();
  tab = await startTabHarness({ auth: true });
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await tab?.close();
});

async function openTab(
  settings: Omit<HostSettings, 'token'>,
): Promise<{ page: Page; frame: Frame }> {
  if (!browser) throw new Error('no browser');
  // bypassCSP only so the test can add axe-core to the page; the page itself loads under its CSP.
  const context = await browser.newContext({
    viewport: { width: 960, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const html = teamsHostHtml({ ...settings, token: tab.tokenFor(KARI) });
  await page.route(`${tab.url}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  await page.goto(`${tab.url}${HOST_PATH}`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the tab frame did not load');
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return { page, frame };
}

describe.skipIf(!executablePath)('the "Mine krav" tab in a Teams host', () => {
  for (const [locale, theme, title, draft] of [
    ['nb-no', 'default', 'Mine krav', 'Fortsett i chatten'],
    ['en-us', 'dark', 'My claims', 'Continue in chat'],
    ['nn-no', 'default', 'Mine krav', 'Hald fram i chatten'],
    ['en-gb', 'default', 'My claims', 'Continue in chat'],
    ['nb-no', 'dark', 'Mine krav', 'Fortsett i chatten'],
    ['nb-no', 'contrast', 'Mine krav', 'Fortsett i chatten'],
  ] as const) {
    it(`shows the signed-in user's claims in ${locale}, ${theme} theme`, async () => {
      const { page, frame } = await openTab({ locale, theme });
      expect(await frame.textContent('h1')).toBe(title);
      expect(await frame.getAttribute('html', 'data-theme')).toBe(theme);
      const body = (await frame.textContent('main')) ?? '';
      expect(body).toContain('Europark');
      expect(body).toContain('Mangler kvittering');
      expect(body).not.toContain('Ola');
      // No development banner: the token was validated.
      expect(await frame.$('.banner-dev')).toBeNull();
      expect(await frame.getByRole('button', { name: draft }).count()).toBe(2);
      // The thumbnails load through their signed links.
      await frame.waitForFunction(() =>
        [...document.images].every((img) => img.complete && img.naturalWidth > 0),
      );
      expect(await frame.locator('img').count()).toBe(2);
      if (shotsDir) {
        mkdirSync(shotsDir, { recursive: true });
        const lang = locale.slice(0, 2);
        await page.locator('iframe').screenshot({
          path: path.join(shotsDir, `tab-${lang}-${theme === 'default' ? 'light' : theme}.png`),
        });
      }
      await page.context().close();
    });
  }

  it('follows a theme change from Teams', async () => {
    const { page, frame } = await openTab({ locale: 'nb-no', theme: 'default' });
    await page.evaluate(() =>
      (window as unknown as { setTheme(t: string): void }).setTheme('contrast'),
    );
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(0, 0, 0)');
    await page.context().close();
  });

  it('filters by status and year, by keyboard', async () => {
    const { page, frame } = await openTab({ locale: 'en-us', theme: 'default' });
    await frame.focus('#filter-status');
    await frame.selectOption('#filter-status', 'rejected');
    let text = (await frame.textContent('#claims-list')) ?? '';
    expect(text).toContain('Taxi til flyplassen');
    expect(text).not.toContain('Europark');
    await frame.selectOption('#filter-status', '');
    await frame.selectOption('#filter-year', '2025');
    text = (await frame.textContent('#claims-list')) ?? '';
    expect(text).toContain('Taxi til flyplassen');
    expect(text).not.toContain('Kundemøte i Bergen');
    // Tab moves through the controls in order; Continue in chat is reachable and is a button.
    await frame.focus('#download-csv');
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe(
      'Continue in chat',
    );
    await page.context().close();
  });

  it('"Continue in chat" asks the server to post the card, then opens the chat with a deep link', async () => {
    const { page, frame } = await openTab({ locale: 'nb-no', theme: 'default' });
    const before = tab.continued.length;
    await frame
      .locator('.status-draft')
      .getByRole('button', { name: 'Fortsett i chatten' })
      .click();
    await frame.waitForFunction(() => document.getElementById('status')?.textContent !== '');
    expect(await frame.textContent('#status')).toBe('Kortet er lagt i chatten med assistenten.');
    expect(tab.continued.slice(before)).toEqual([
      { employeeId: KARI, what: { draftKind: 'outlay' } },
    ]);
    const calls = await page.evaluate(
      () =>
        (window as unknown as { hostCalls: Array<{ func: string; args: unknown[] }> }).hostCalls,
    );
    expect(calls.find((c) => c.func === 'executeDeepLink')?.args).toEqual([
      'https://teams.microsoft.com/l/chat/0/0?users=28:bot-app-id',
    ]);
    await page.context().close();
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility finding (axe-core, ${theme})`, async () => {
      const { page, frame } = await openTab({ locale: 'nb-no', theme });
      await frame.addScriptTag({ path: axePath });
      const result = await frame.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(): Promise<{
                violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
              }>;
            };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      expect(result.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await page.context().close();
    });
  }
});
