import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  MANIFEST_SCHEMA_VERSION,
  MAX_COMMAND_TITLE,
  PackagingError,
  checkIcons,
  deriveTeamsAppId,
  fillManifestTemplate,
  packageApp,
  readPackageSettings,
  substitute,
  validateLocalization,
  validateManifest,
} from '../scripts/app-package.js';
import { parseCommand } from '../src/conversation/commands.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestDir = join(root, 'manifest');
const appVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const template = readFileSync(join(manifestDir, 'manifest.template.json'), 'utf8');
const colorPng = readFileSync(join(manifestDir, 'color.png'));
const outlinePng = readFileSync(join(manifestDir, 'outline.png'));
const localizations = {
  nn: JSON.parse(readFileSync(join(manifestDir, 'nn.json'), 'utf8')) as Record<string, string>,
  en: JSON.parse(readFileSync(join(manifestDir, 'en.json'), 'utf8')) as Record<string, string>,
};

const BOT_ID = '00000000-0000-0000-0000-000000000001';
const settings = readPackageSettings({ BOT_ID });
const manifest = fillManifestTemplate(template, settings, appVersion);

/** Everything here must work on a machine with no network: a schema fetch fails the test. */
const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in manifest tests')));
beforeAll(() => {
  vi.stubGlobal('fetch', fetchSpy);
});
afterAll(() => {
  vi.unstubAllGlobals();
  expect(fetchSpy).not.toHaveBeenCalled();
});

function packagingProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PackagingError) return error.problems;
    throw error;
  }
  return [];
}

describe('the Teams manifest', () => {
  it(`passes the bundled v${MANIFEST_SCHEMA_VERSION} schema without fetching anything`, async () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_SCHEMA_VERSION);
    expect(manifest.$schema).toContain(
      `/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(await validateManifest(manifest)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports a broken manifest instead of waving it through', async () => {
    const broken = structuredClone(manifest);
    broken.bots![0]!.botId = 'not-a-guid';
    broken.accentColor = 'blue';
    const problems = await validateManifest(broken);
    expect(problems.some((p) => p.includes('/bots/0/botId'))).toBe(true);
    expect(problems.some((p) => p.includes('/accentColor'))).toBe(true);
  });

  it('is filled in completely: ids, version, no placeholder left', () => {
    expect(template).toContain('${{BOT_ID}}');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(deriveTeamsAppId(BOT_ID));
    expect(manifest.bots![0]!.botId).toBe(BOT_ID);
    expect(manifest.version).toBe(appVersion);
    expect(manifest.name).toEqual({ short: 'Reiserekning', full: 'Reiserekning-assistenten' });
    expect(manifest.developer.name).toBe('Reiserekning-assistenten');
  });

  it('lets the bot chat in personal and group chats and receive files', () => {
    const bot = manifest.bots![0]!;
    expect(manifest.bots).toHaveLength(1);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal']);
    expect(bot.supportsFiles).toBe(true);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('offers ny utlegg, mine krav, hjelp and språk in both scopes, in bokmål by default', () => {
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('nb');
    const lists = manifest.bots![0]!.commandLists!;
    expect(
      lists
        .map((list) => list.scopes)
        .flat()
        .sort(),
    ).toEqual(['groupChat', 'personal']);
    for (const list of lists) {
      expect(list.commands.map((command) => command.title)).toEqual([
        'ny utlegg',
        'mine krav',
        'hjelp',
        'språk',
      ]);
      for (const command of list.commands) expect(command.description?.length).toBeGreaterThan(0);
    }
  });

  it('keeps every command title within 32 characters in bokmål, nynorsk and English', () => {
    const titles = [
      ...manifest.bots![0]!.commandLists!.flatMap((list) =>
        list.commands.map((command) => command.title),
      ),
      ...Object.values(localizations).flatMap((file) =>
        Object.entries(file)
          .filter(([key]) => key.endsWith('.title'))
          .map(([, title]) => title),
      ),
    ];
    expect(titles).toHaveLength(8 * 3);
    for (const title of titles) expect([...title].length).toBeLessThanOrEqual(MAX_COMMAND_TITLE);
  });

  it('flags a command title Teams would cut off', async () => {
    const long = structuredClone(manifest);
    long.bots![0]!.commandLists![0]!.commands[0]!.title =
      'start et nytt utlegg for parkering i dag';
    expect((await validateManifest(long)).join('\n')).toMatch(/longer than 32 characters/);
  });

  it('understands every command a user taps from the menu, in each language', () => {
    const expected = ['newOutlay', 'myClaims', 'help', 'language'];
    const bokmal = manifest.bots![0]!.commandLists![0]!.commands.map((command) => command.title);
    for (const titles of [
      bokmal,
      [0, 1, 2, 3].map((c) => localizations.nn[`bots[0].commandLists[0].commands[${c}].title`]!),
      [0, 1, 2, 3].map((c) => localizations.en[`bots[0].commandLists[0].commands[${c}].title`]!),
    ]) {
      expect(titles.map((title) => parseCommand(title)?.name)).toEqual(expected);
    }
  });
});

describe('the localization files', () => {
  it('are declared for nn and en', () => {
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([
      { languageTag: 'nn', file: 'nn.json' },
      { languageTag: 'en', file: 'en.json' },
    ]);
  });

  it.each(['nn', 'en'] as const)(
    '%s.json passes the bundled localization schema and translates only strings the manifest has',
    async (lang) => {
      const file = localizations[lang];
      expect(file.$schema).toContain(
        `/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`,
      );
      expect(await validateLocalization(file, manifest, `${lang}.json`)).toEqual([]);
      // Both command lists carry the same four commands, so both are translated.
      expect(
        Object.keys(file).filter((key) => key.startsWith('bots[0].commandLists[')),
      ).toHaveLength(16);
    },
  );

  it('reports a translation of something the manifest does not have, and a missing required string', async () => {
    const { ['description.full']: _dropped, ...rest } = localizations.en;
    const broken = { ...rest, 'bots[0].commandLists[0].commands[7].title': 'ghost' };
    const problems = await validateLocalization(broken, manifest, 'en.json');
    expect(problems.some((p) => p.includes('description.full'))).toBe(true);
    expect(
      problems.some((p) => p.includes('commands[7].title') && p.includes('translates nothing')),
    ).toBe(true);
  });
});

describe('the icons', () => {
  it('are a 192×192 colour icon and a 32×32 outline icon, both PNG', async () => {
    const color = await sharp(colorPng).metadata();
    const outline = await sharp(outlinePng).metadata();
    expect([color.format, color.width, color.height]).toEqual(['png', 192, 192]);
    expect([outline.format, outline.width, outline.height, outline.hasAlpha]).toEqual([
      'png',
      32,
      32,
      true,
    ]);
  });

  it('draw the outline in white only, on a transparent background', async () => {
    const { data, info } = await sharp(outlinePng)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i + 3] === 0) transparent++;
      else if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white++;
    }
    expect(white + transparent).toBe(info.width * info.height);
    expect(white).toBeGreaterThan(0);
    expect(transparent).toBeGreaterThan((info.width * info.height) / 2);
    expect(data[3]).toBe(0);
    expect(await checkIcons(colorPng, outlinePng)).toEqual([]);
  });

  it('reject an outline icon that is opaque, grey or the wrong size', async () => {
    const squashedColor = await sharp(colorPng).resize(32, 32).png().toBuffer();
    expect((await checkIcons(colorPng, squashedColor)).join('\n')).toMatch(
      /outline\.png: has no transparency/,
    );

    const grey = Buffer.alloc(32 * 32 * 4);
    grey.fill(200, 16 * 32 * 4, 17 * 32 * 4);
    const greyPng = await sharp(grey, { raw: { width: 32, height: 32, channels: 4 } })
      .png()
      .toBuffer();
    expect((await checkIcons(colorPng, greyPng)).join('\n')).toMatch(
      /32 pixels are neither white nor fully transparent/,
    );

    const problems = await checkIcons(outlinePng, colorPng);
    expect(problems.join('\n')).toMatch(/color\.png: must be 192×192 pixels, is 32×32/);
    expect(problems.join('\n')).toMatch(/outline\.png: must be 32×32 pixels, is 192×192/);
  });
});

describe('the app package', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('zips manifest, icons and translations at the root, ready to upload to Teams', async () => {
    const result = await packageApp({
      manifestDir,
      outDir,
      appVersion,
      env: { BOT_ID, BOT_DOMAIN: 'https://reiser.example.org/api/messages' },
    });
    expect(result.zipPath).toBe(join(outDir, `reiserekning-${appVersion}.zip`));

    const zip = new AdmZip(result.zipPath);
    const names = zip
      .getEntries()
      .map((entry) => entry.entryName)
      .sort();
    expect(names).toEqual(['color.png', 'en.json', 'manifest.json', 'nn.json', 'outline.png']);

    const zipped = JSON.parse(zip.readAsText('manifest.json')) as typeof manifest;
    expect(await validateManifest(zipped)).toEqual([]);
    expect(zipped.id).toBe(deriveTeamsAppId(BOT_ID));
    expect(zipped.bots![0]!.botId).toBe(BOT_ID);
    expect(zipped.validDomains).toEqual(['reiser.example.org']);
    expect(zipped.developer.privacyUrl).toBe('https://reiser.example.org/privacy');
    expect(zip.readFile('outline.png')?.equals(outlinePng)).toBe(true);
    expect(zip.readFile('color.png')?.equals(colorPng)).toBe(true);
    expect(JSON.parse(zip.readAsText('nn.json'))).toEqual(localizations.nn);
  });

  it('uses TEAMS_APP_ID when given, and lists no valid domain when BOT_DOMAIN is unset', async () => {
    const teamsAppId = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
    const result = await packageApp({
      manifestDir,
      outDir,
      appVersion,
      env: { MicrosoftAppId: BOT_ID, TEAMS_APP_ID: teamsAppId },
    });
    const zipped = JSON.parse(
      new AdmZip(result.zipPath).readAsText('manifest.json'),
    ) as typeof manifest;
    expect(zipped.id).toBe(teamsAppId);
    expect(zipped.bots![0]!.botId).toBe(BOT_ID);
    expect(zipped.validDomains).toBeUndefined();
    expect(result.notes.join('\n')).toMatch(/BOT_DOMAIN is not set/);
  });
});

describe('packaging settings', () => {
  it('derives the same Teams app id from the same bot id on every build', () => {
    const first = readPackageSettings({ BOT_ID });
    const again = readPackageSettings({ BOT_ID: BOT_ID.toUpperCase() });
    const other = readPackageSettings({ BOT_ID: '00000000-0000-0000-0000-000000000002' });
    expect(first.teamsAppId).toBe(again.teamsAppId);
    expect(first.teamsAppId).not.toBe(other.teamsAppId);
    expect(first.teamsAppId).not.toBe(BOT_ID);
    expect(first.teamsAppId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(first.teamsAppIdDerived).toBe(true);
  });

  it('says BOT_ID is missing when neither BOT_ID nor MicrosoftAppId is set', () => {
    const problems = packagingProblems(() =>
      readPackageSettings({ BOT_ID: '  ', MicrosoftAppId: '' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BOT_ID is not set/);
    expect(problems[0]).toMatch(/Microsoft App ID/);
  });

  it('names the variable that holds a malformed id', () => {
    expect(packagingProblems(() => readPackageSettings({ BOT_ID: 'my-bot' }))).toEqual([
      expect.stringMatching(/^BOT_ID must be a GUID .* got "my-bot"/),
    ]);
    expect(packagingProblems(() => readPackageSettings({ MicrosoftAppId: '1234' }))).toEqual([
      expect.stringMatching(/^MicrosoftAppId must be a GUID/),
    ]);
    expect(packagingProblems(() => readPackageSettings({ BOT_ID, TEAMS_APP_ID: 'x' }))).toEqual([
      expect.stringMatching(/^TEAMS_APP_ID must be a GUID/),
    ]);
    expect(
      packagingProblems(() => readPackageSettings({ BOT_ID, BOT_DOMAIN: 'bot.example.org/api' })),
    ).toEqual([expect.stringMatching(/^BOT_DOMAIN must be the bot's public host name/)]);
  });

  it('refuses a template placeholder that has no value', () => {
    expect(
      packagingProblems(() => substitute('{"a": "${{NOPE}}", "b": "${{BOT_ID}}"}', { BOT_ID })),
    ).toEqual([expect.stringContaining('${{NOPE}}')]);
    expect(substitute('{"a": "${{X}}"}', { X: 'say "hi"' })).toBe('{"a": "say \\"hi\\""}');
  });

  it('npm run package without a bot id exits non-zero and tells what to set', async () => {
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
    const env = { ...process.env };
    for (const name of ['BOT_ID', 'MicrosoftAppId', 'TEAMS_APP_ID', 'BOT_DOMAIN']) delete env[name];
    // Run outside the repo so a developer's .env cannot supply the id.
    const cwd = mkdtempSync(join(tmpdir(), 'package-cli-'));
    try {
      const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [tsxCli, join(root, 'scripts', 'package-app.ts')],
          { cwd, env },
          (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
        );
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('Could not build the Teams app package');
      expect(outcome.stderr).toMatch(/BOT_ID is not set/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
