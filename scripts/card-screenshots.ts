/**
 * Renders the Adaptive Card templates with the real adaptivecards JS renderer in headless
 * Chromium and saves a PNG of each, so reviewers can see every card in every language without
 * sideloading the app into Teams. The host config and CSS imitate the Teams light theme; they
 * are an approximation, not Teams' own.
 *
 *   npx tsx scripts/card-screenshots.ts [outDir]     (default docs/cards)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { sampleCards } from './sample-cards.js';

export interface RenderedCard {
  name: string;
  file: string;
  errors: string[];
  buttons: string[];
}

export interface RenderOptions {
  chromiumPath?: string;
  /** Card width in CSS pixels; Teams chat bubbles top out around 560. */
  width?: number;
  theme?: 'light';
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

// Segoe UI is what Teams uses on Windows; Liberation Sans comes before the generic family
// because its Arial metrics are closer to Segoe than DejaVu's wide glyphs on a bare Linux box.
const FONT_STACK =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif";
const TEAMS_PURPLE = '#6264A7';
const CHAT_BACKGROUND = '#F5F5F5';

function teamsLightHostConfig(): Record<string, unknown> {
  const foreground = {
    default: { default: '#242424', subtle: '#616161' },
    dark: { default: '#000000', subtle: '#424242' },
    light: { default: '#FFFFFF', subtle: '#E0E0E0' },
    accent: { default: TEAMS_PURPLE, subtle: '#8B8CC7' },
    good: { default: '#237B4B', subtle: '#6BB700' },
    warning: { default: '#8A5B00', subtle: '#C19C00' },
    attention: { default: '#C4314B', subtle: '#D5677B' },
  };
  return {
    fontFamily: FONT_STACK,
    supportsInteractivity: true,
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    containerStyles: {
      default: { backgroundColor: '#FFFFFF', foregroundColors: foreground },
      emphasis: { backgroundColor: CHAT_BACKGROUND, foregroundColors: foreground },
      accent: { backgroundColor: '#E8EBFA', foregroundColors: foreground },
      good: { backgroundColor: '#E7F2DA', foregroundColors: foreground },
      warning: { backgroundColor: '#FBF6D9', foregroundColors: foreground },
      attention: { backgroundColor: '#FCF4F6', foregroundColors: foreground },
    },
    actions: {
      maxActions: 6,
      spacing: 'medium',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'stretch',
      showCard: { actionMode: 'inline', inlineTopMargin: 8, style: 'emphasis' },
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { size: 'small', color: 'attention' },
    },
    factSet: {
      title: { color: 'default', size: 'default', weight: 'bolder', wrap: true, maxWidth: 160 },
      value: { color: 'default', size: 'default', weight: 'default', wrap: true },
      spacing: 16,
    },
    textBlock: { headingLevel: 2 },
  };
}

// Fluent-style controls: the renderer only emits class names, the look is entirely ours.
function pageCss(width: number): string {
  return `
    html, body { margin: 0; background: ${CHAT_BACKGROUND}; font-family: ${FONT_STACK}; }
    #stage { padding: 16px; }
    #card-host { width: ${width}px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; }
    .ac-pushButton {
      font-family: ${FONT_STACK}; font-size: 14px; font-weight: 600; line-height: 20px;
      min-height: 32px; padding: 5px 12px; border-radius: 4px; cursor: pointer;
      background: #FFFFFF; color: #242424; border: 1px solid #D1D1D1;
      overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
    }
    .ac-pushButton.style-positive { background: ${TEAMS_PURPLE}; color: #FFFFFF; border-color: ${TEAMS_PURPLE}; }
    .ac-pushButton.style-destructive { background: #C4314B; color: #FFFFFF; border-color: #C4314B; }
    .ac-input { font-family: ${FONT_STACK}; font-size: 14px; color: #242424; }
    .ac-input.ac-textInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput, .ac-input.ac-numberInput,
    .ac-input.ac-choiceSetInput-compact {
      box-sizing: border-box; width: 100%; min-height: 32px; padding: 5px 8px;
      background: #FFFFFF; border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px;
    }
    .ac-input.ac-textInput.ac-multiline { height: 72px; resize: none; }
    .ac-input::placeholder { color: #707070; }
    .ac-input.ac-input-validation-failed { border-color: #C4314B; }
  `;
}

// Kept as plain browser JavaScript in a string: functions handed to page.evaluate would be
// rewritten by tsx/vitest's transform (e.g. `__name` helpers) that do not exist in the page.
const BROWSER_RENDER = `
window.renderCard = function (payload) {
  var AC = window.AdaptiveCards;
  var errors = [];
  var host = document.getElementById('card-host');
  host.innerHTML = '';
  try {
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(payload.hostConfig);
    var context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(payload.card, context);
    for (var i = 0; i < context.eventCount; i++) errors.push('parse: ' + context.getEventAt(i).message);
    var validation = card.validateProperties();
    for (var j = 0; j < validation.validationEvents.length; j++) errors.push('validation: ' + validation.validationEvents[j].message);
    var rendered = card.render();
    if (!rendered) {
      errors.push('render: the renderer produced no element');
    } else {
      host.appendChild(rendered);
    }
  } catch (e) {
    errors.push('render: ' + (e && e.message ? e.message : String(e)));
  }
  var buttons = Array.prototype.map.call(host.querySelectorAll('button.ac-pushButton'), function (b) {
    return (b.textContent || b.getAttribute('aria-label') || '').trim();
  });
  return { errors: errors, buttons: buttons };
};
`;

function adaptiveCardsBundle(): string {
  const file = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');
  // A literal "</script>" inside the bundle would end the inline tag early.
  return readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
}

function pageHtml(width: number, locale = 'en'): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><style>${pageCss(width)}</style>
<script>${adaptiveCardsBundle()}</script><script>${BROWSER_RENDER}</script></head>
<body><div id="stage"><div id="card-host"></div></div></body></html>`;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface CardToRender {
  name: string;
  card: object;
  /**
   * BCP 47 tag the browser runs in. Native inputs (the Input.Date field) format by Chromium's UI
   * language, which is fixed per process, so each distinct locale costs one browser launch.
   * Without the chromium-l10n package Chromium silently falls back to en-US.
   */
  locale?: string;
}

export async function renderCardPngs(
  cards: CardToRender[],
  outDir: string,
  opts: RenderOptions = {},
): Promise<RenderedCard[]> {
  for (const { locale } of cards) {
    // It ends up on Chromium's command line and in the page's markup.
    if (locale !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))
      throw new Error(`not a BCP 47 locale: ${locale}`);
  }
  const executablePath = opts.chromiumPath ?? findChromium();
  if (!executablePath)
    throw new Error('no Chromium found: set CHROMIUM_PATH or install /usr/bin/chromium');
  const width = opts.width ?? 560;
  mkdirSync(outDir, { recursive: true });

  const byLocale = new Map<string | undefined, Array<{ index: number; item: CardToRender }>>();
  cards.forEach((item, index) =>
    byLocale.set(item.locale, [...(byLocale.get(item.locale) ?? []), { index, item }]),
  );
  const rendered: Array<{ index: number; result: RenderedCard }> = [];
  for (const [locale, group] of byLocale) {
    const results = await renderInOneBrowser(
      executablePath,
      locale,
      group.map((g) => g.item),
      outDir,
      width,
    );
    results.forEach((result, i) => rendered.push({ index: group[i]?.index ?? -1, result }));
  }
  return rendered.sort((a, b) => a.index - b.index).map((r) => r.result);
}

async function renderInOneBrowser(
  executablePath: string,
  locale: string | undefined,
  cards: CardToRender[],
  outDir: string,
  width: number,
): Promise<RenderedCard[]> {
  const hostConfig = teamsLightHostConfig();
  // On Linux Chromium takes its UI language from LANGUAGE; --lang is honoured only on Windows.
  const env = locale ? { ...process.env, LANGUAGE: locale.replace('-', '_') } : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    ...(env ? { env } : {}),
  });
  try {
    const page = await browser.newPage({
      viewport: { width: width + 64, height: 1200 },
      deviceScaleFactor: 1,
      ...(locale ? { locale } : {}),
    });
    // The machine may be offline and screenshots must not depend on the network: refuse every request.
    await page.route('**/*', (route) => route.abort());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(`page: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
    });
    await page.setContent(pageHtml(width, locale), { waitUntil: 'load' });
    const bundleLoaded = await page.evaluate(
      'typeof window.AdaptiveCards === "object" && typeof window.renderCard === "function"',
    );
    if (bundleLoaded !== true)
      throw new Error(
        `the adaptivecards bundle did not load in Chromium: ${pageErrors.join('; ')}`,
      );

    const results: RenderedCard[] = [];
    for (const { name, card } of cards) {
      pageErrors.length = 0;
      const outcome = await page.evaluate<{ errors: string[]; buttons: string[] }>(
        `window.renderCard(${JSON.stringify({ card, hostConfig })})`,
      );
      await page.evaluate('document.fonts.ready.then(() => true)');
      const file = path.join(outDir, `${name}.png`);
      await page
        .locator('#card-host')
        .screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      results.push({
        name,
        file,
        errors: [...outcome.errors, ...pageErrors],
        buttons: outcome.buttons,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'docs/cards'));
  const results = await renderCardPngs(sampleCards(), outDir);
  let failed = 0;
  for (const r of results) {
    const buttons = r.buttons.length ? `  [${r.buttons.join(' | ')}]` : '';
    console.log(`${path.relative(process.cwd(), r.file)}${buttons}`);
    for (const e of r.errors) console.log(`  ! ${e}`);
    if (r.errors.length) failed++;
  }
  console.log(
    `${results.length} cards rendered to ${path.relative(process.cwd(), outDir) || '.'}${failed ? `, ${failed} with errors` : ''}`,
  );
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
