/**
 * Builds the Teams app package (manifest.json, icons, localization files in one zip) and checks
 * it offline the way Teams would refuse it at upload: schema, icon sizes, outline transparency.
 * Used by `npm run package` (scripts/package-app.ts) and by test/manifest.test.ts.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import AdmZip from 'adm-zip';
import sharp from 'sharp';
import { deriveTeamsAppId } from '../src/tab/teams-app-id.js';
import {
  AppManifestUtils,
  type AppManifest,
  type TeamsManifestLatest,
} from '@microsoft/app-manifest';

/** The newest Teams manifest schema that @microsoft/app-manifest 1.1.2 ships and validates. */
export const MANIFEST_SCHEMA_VERSION = '1.30';

/** Bot command titles may be up to 128 characters in the schema, but Teams documents 32. */
export const MAX_COMMAND_TITLE = 32;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/**
 * Developer links need *some* https URL even before the bot has a public host; example.com is
 * reserved for exactly that and cannot point users at a stranger's site.
 */
export const DEFAULT_DEVELOPER_DOMAIN = 'example.com';

/** A problem list for people: every line says what is wrong and, where it can, what to do. */
export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PackagingError';
  }
}

export interface PackageSettings {
  teamsAppId: string;
  /** True when TEAMS_APP_ID was not given and was derived from the bot id. */
  teamsAppIdDerived: boolean;
  botId: string;
  botDomain?: string;
  /** The app registration the tab's SSO tokens are for (TAB_SSO_CLIENT_ID); the bot's id when unset. */
  ssoClientId?: string;
}

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

// The derivation lives with the product: the bot deep-links to its own tab with the same id.
export { deriveTeamsAppId };

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Reads TEAMS_APP_ID, BOT_ID (falling back to MicrosoftAppId, which the bot itself reads) and
 * BOT_DOMAIN. Throws a PackagingError naming each variable that is missing or malformed.
 */
export function readPackageSettings(env: Record<string, string | undefined>): PackageSettings {
  const problems: string[] = [];

  const botIdVar = nonEmpty(env.BOT_ID) ? 'BOT_ID' : 'MicrosoftAppId';
  const botId = nonEmpty(env.BOT_ID) ?? nonEmpty(env.MicrosoftAppId);
  if (!botId) {
    problems.push(
      "BOT_ID is not set (nor MicrosoftAppId). Set BOT_ID to the bot's Microsoft App ID, the GUID of " +
        'its Azure Bot / Entra app registration, in .env or the environment.',
    );
  } else if (!GUID.test(botId)) {
    problems.push(
      `${botIdVar} must be a GUID like 12345678-abcd-4ef0-9876-0123456789ab (the bot's Microsoft App ID), ` +
        `got "${botId}".`,
    );
  }

  const givenAppId = nonEmpty(env.TEAMS_APP_ID);
  if (givenAppId && !GUID.test(givenAppId)) {
    problems.push(
      `TEAMS_APP_ID must be a GUID like 12345678-abcd-4ef0-9876-0123456789ab, got "${givenAppId}". ` +
        'Leave it empty to derive a stable one from BOT_ID.',
    );
  }

  let botDomain: string | undefined;
  const rawDomain = nonEmpty(env.BOT_DOMAIN);
  if (rawDomain) {
    // People paste the messaging endpoint URL; its host is what Teams wants.
    let host = rawDomain;
    if (host.includes('://')) {
      try {
        const url = new URL(host);
        host = url.port ? '' : url.hostname;
      } catch {
        host = '';
      }
    }
    host = host.toLowerCase().replace(/\.$/, '');
    if (HOST_NAME.test(host)) botDomain = host;
    else
      problems.push(
        `BOT_DOMAIN must be the bot's public host name, such as bot.example.com (or its https URL; no port), got "${rawDomain}".`,
      );
  }

  const ssoClientId = nonEmpty(env.TAB_SSO_CLIENT_ID);
  if (ssoClientId && !GUID.test(ssoClientId))
    problems.push(
      `TAB_SSO_CLIENT_ID must be a GUID (an Entra app's client id), got "${ssoClientId}".`,
    );

  if (problems.length > 0) throw new PackagingError(problems);
  const bot = botId!.toLowerCase();
  return {
    botId: bot,
    teamsAppId: givenAppId ? givenAppId.toLowerCase() : deriveTeamsAppId(bot),
    teamsAppIdDerived: !givenAppId,
    ...(botDomain ? { botDomain } : {}),
    ...(ssoClientId ? { ssoClientId: ssoClientId.toLowerCase() } : {}),
  };
}

/**
 * Replaces every `${{NAME}}` in a JSON template. Values are JSON-escaped so no value can break
 * the document; a placeholder without a value is an error rather than a literal left in place.
 */
export function substitute(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(
    /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (whole, name: string) => {
      const value = values[name];
      if (value === undefined) {
        missing.add(name);
        return whole;
      }
      return JSON.stringify(value).slice(1, -1);
    },
  );
  if (missing.size > 0) {
    throw new PackagingError(
      [...missing].map((name) => `The manifest template uses \${{${name}}}, which has no value.`),
    );
  }
  return filled;
}

/** The manifest for these settings, not yet validated. */
export function fillManifestTemplate(
  template: string,
  settings: PackageSettings,
  appVersion: string,
): TeamsManifestLatest {
  if (!/^\d+\.\d+\.\d+$/.test(appVersion)) {
    throw new PackagingError([
      `The app version must look like 1.2.3 (Teams wants MAJOR.MINOR.PATCH), got "${appVersion}".`,
    ]);
  }
  const json = substitute(template, {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: settings.teamsAppId,
    BOT_ID: settings.botId,
    BOT_DOMAIN: settings.botDomain ?? DEFAULT_DEVELOPER_DOMAIN,
    TAB_SSO_CLIENT_ID: settings.ssoClientId ?? settings.botId,
  });
  const manifest = JSON.parse(json) as TeamsManifestLatest;
  // validDomains grants the domain trust inside Teams: list only a host this bot really owns.
  if (!settings.botDomain && manifest.validDomains) {
    const kept = manifest.validDomains.filter((domain) => domain !== DEFAULT_DEVELOPER_DOMAIN);
    if (kept.length > 0) manifest.validDomains = kept;
    else delete manifest.validDomains;
  }
  return manifest;
}

const requireFromHere = createRequire(import.meta.url);

/**
 * Reads a schema from the copy inside @microsoft/app-manifest. The library would fetch any
 * schema URL it cannot map to its bundled files, so the file is loaded here and handed to it:
 * packaging and tests never depend on the network.
 */
export async function loadBundledSchema(
  file: string,
  version = MANIFEST_SCHEMA_VERSION,
): Promise<object> {
  const packageRoot = path.dirname(requireFromHere.resolve('@microsoft/app-manifest/package.json'));
  const schemaPath = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${version}`, file);
  let raw: string;
  try {
    raw = await readFile(schemaPath, 'utf8');
  } catch {
    throw new PackagingError([
      `@microsoft/app-manifest has no bundled schema ${schemaPath}: is it installed?`,
    ]);
  }
  // Published schemas carry regexes that ajv's unicode-mode RegExp rejects: \a in the manifest
  // schema (the library rewrites it the same way when it loads a schema) and, in the localization
  // schema, an unescaped "]" after \b in the activities.activityTypes keys (reported for v1.16 in
  // MicrosoftDocs/msteams-docs#8858, still there in v1.30), which the library does not repair.
  const repaired = raw
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(repaired) as object;
}

async function validateWithSchema(
  document: unknown,
  schemaFile: string,
  label: string,
): Promise<string[]> {
  const schema = await loadBundledSchema(schemaFile);
  let errors: string[];
  try {
    errors = await AppManifestUtils.validateAgainstSchema(
      document as AppManifest,
      schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
    );
  } catch (error) {
    return [
      `${label}: the bundled schema ${schemaFile} could not be compiled (${(error as Error).message}).`,
    ];
  }
  return errors.map((error) => `${label}: ${error.trim()}`);
}

function commandTitles(manifest: TeamsManifestLatest): Array<{ key: string; title: string }> {
  return (manifest.bots ?? []).flatMap((bot, b) =>
    (bot.commandLists ?? []).flatMap((list, l) =>
      list.commands.map((command, c) => ({
        key: `bots[${b}].commandLists[${l}].commands[${c}].title`,
        title: command.title,
      })),
    ),
  );
}

function titleTooLong(label: string, key: string, title: string): string | undefined {
  return [...title].length > MAX_COMMAND_TITLE
    ? `${label}: ${key} "${title}" is longer than ${MAX_COMMAND_TITLE} characters, which Teams cuts off.`
    : undefined;
}

/** Schema validation against the bundled schema, plus the Teams rules the schema does not hold. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (version !== MANIFEST_SCHEMA_VERSION) {
    return [
      `manifest.json: manifestVersion must be "${MANIFEST_SCHEMA_VERSION}", got ${JSON.stringify(version)}.`,
    ];
  }
  const problems = await validateWithSchema(
    manifest,
    'MicrosoftTeams.schema.json',
    'manifest.json',
  );
  for (const { key, title } of commandTitles(manifest as TeamsManifestLatest)) {
    const problem = titleTooLong('manifest.json', key, title);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Follows a localization key such as `bots[0].commandLists[1].commands[2].title` into the manifest. */
function lookUp(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    node = (node as Record<string, unknown> | undefined)?.[match[1]!];
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * A localization file against the bundled localization schema; every key must name a string the
 * manifest has, because Teams silently ignores a translation whose target moved.
 */
export async function validateLocalization(
  localization: unknown,
  manifest: TeamsManifestLatest,
  file: string,
): Promise<string[]> {
  const problems = await validateWithSchema(
    localization,
    'MicrosoftTeams.Localization.schema.json',
    file,
  );
  if (typeof localization !== 'object' || localization === null) return problems;
  for (const [key, value] of Object.entries(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof lookUp(manifest, key) !== 'string') {
      problems.push(`${file}: "${key}" translates nothing: manifest.json has no such string.`);
    }
    if (/\.commands\[\d+\]\.title$/.test(key) && typeof value === 'string') {
      const problem = titleTooLong(file, key, value);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/**
 * Teams rejects an app whose colour icon is not 192×192 or whose outline icon is not a 32×32
 * white glyph on transparent; the schema cannot see inside the PNGs, so this does.
 */
export async function checkIcons(
  color: Buffer,
  outline: Buffer,
  names = { color: 'color.png', outline: 'outline.png' },
): Promise<string[]> {
  const problems: string[] = [];

  const colorMeta = await sharp(color)
    .metadata()
    .catch(() => undefined);
  if (colorMeta?.format !== 'png') problems.push(`${names.color}: not a PNG image.`);
  else if (colorMeta.width !== COLOR_ICON_SIZE || colorMeta.height !== COLOR_ICON_SIZE) {
    problems.push(
      `${names.color}: must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels, is ${colorMeta.width}×${colorMeta.height}.`,
    );
  }

  const outlineMeta = await sharp(outline)
    .metadata()
    .catch(() => undefined);
  if (outlineMeta?.format !== 'png') {
    problems.push(`${names.outline}: not a PNG image.`);
    return problems;
  }
  if (outlineMeta.width !== OUTLINE_ICON_SIZE || outlineMeta.height !== OUTLINE_ICON_SIZE) {
    problems.push(
      `${names.outline}: must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels, is ${outlineMeta.width}×${outlineMeta.height}.`,
    );
  }
  if (!outlineMeta.hasAlpha) {
    problems.push(
      `${names.outline}: has no transparency; it must be a white glyph on a transparent background.`,
    );
    return problems;
  }

  const { data, info } = await sharp(outline)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  let offWhite = 0;
  let firstOffWhite = '';
  let visible = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a === 0) continue;
      visible++;
      if (r !== 255 || g !== 255 || b !== 255) {
        if (offWhite++ === 0) firstOffWhite = ` (first at ${x},${y}: rgba(${r}, ${g}, ${b}, ${a}))`;
      }
    }
  }
  if (offWhite > 0) {
    problems.push(
      `${names.outline}: ${offWhite} pixels are neither white nor fully transparent${firstOffWhite}.`,
    );
  }
  const corners: Array<[number, number]> = [
    [0, 0],
    [width - 1, 0],
    [0, height - 1],
    [width - 1, height - 1],
  ];
  if (corners.some(([x, y]) => data[(y * width + x) * channels + 3] !== 0)) {
    problems.push(`${names.outline}: the background (its corners) must be fully transparent.`);
  }
  if (visible === 0) problems.push(`${names.outline}: is empty (every pixel is transparent).`);
  return problems;
}

/** A zip with every file at its root: Teams rejects a package whose manifest.json sits in a folder. */
export function buildZip(files: ReadonlyArray<readonly [name: string, content: Buffer]>): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of files) zip.addFile(name, content);
  return zip.toBuffer();
}

export interface PackageOptions {
  /** Folder with manifest.template.json, the icons and the localization files. */
  manifestDir: string;
  /** Where the zip goes; created if missing. */
  outDir: string;
  /** The app version (semver MAJOR.MINOR.PATCH), e.g. package.json's. */
  appVersion: string;
  env: Record<string, string | undefined>;
}

export interface PackageResult {
  zipPath: string;
  manifest: TeamsManifestLatest;
  settings: PackageSettings;
  /** Things that do not stop packaging but a person should know. */
  notes: string[];
}

async function readPackageFile(
  dir: string,
  name: string,
  problems: string[],
): Promise<Buffer | undefined> {
  if (path.basename(name) !== name) {
    problems.push(
      `manifest.json: "${name}" must be a file name at the package root, without folders.`,
    );
    return undefined;
  }
  try {
    return await readFile(path.join(dir, name));
  } catch {
    problems.push(`${name}: referenced by manifest.json but missing from ${dir}.`);
    return undefined;
  }
}

function parseJson(name: string, content: Buffer, problems: string[]): unknown {
  try {
    return JSON.parse(content.toString('utf8')) as unknown;
  } catch (error) {
    problems.push(`${name}: not valid JSON (${(error as Error).message}).`);
    return undefined;
  }
}

/**
 * Fills, checks and zips the app. Collects every problem before giving up, so one run tells the
 * whole story; throws PackagingError with them all.
 */
export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const settings = readPackageSettings(options.env);
  const template = await readFile(path.join(options.manifestDir, 'manifest.template.json'), 'utf8');
  const manifest = fillManifestTemplate(template, settings, options.appVersion);

  const problems = await validateManifest(manifest);
  const files: Array<[string, Buffer]> = [
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ];

  const color = await readPackageFile(options.manifestDir, manifest.icons.color, problems);
  const outline = await readPackageFile(options.manifestDir, manifest.icons.outline, problems);
  if (color && outline) {
    problems.push(
      ...(await checkIcons(color, outline, {
        color: manifest.icons.color,
        outline: manifest.icons.outline,
      })),
    );
    files.push([manifest.icons.color, color], [manifest.icons.outline, outline]);
  }

  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const content = await readPackageFile(options.manifestDir, file, problems);
    if (!content) continue;
    const localization = parseJson(file, content, problems);
    if (localization !== undefined)
      problems.push(...(await validateLocalization(localization, manifest, file)));
    files.push([file, content]);
  }

  if (problems.length > 0) throw new PackagingError(problems);

  const notes: string[] = [];
  if (settings.teamsAppIdDerived) {
    notes.push(
      `TEAMS_APP_ID is not set: using ${settings.teamsAppId}, derived from BOT_ID (the same on every build).`,
    );
  }
  if (!settings.botDomain) {
    notes.push(
      `BOT_DOMAIN is not set: validDomains is left out and the developer links point to https://${DEFAULT_DEVELOPER_DOMAIN}/. ` +
        "Set BOT_DOMAIN to the bot's public host before publishing to your organisation.",
    );
  }

  await mkdir(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, `reiserekning-${options.appVersion}.zip`);
  await writeFile(zipPath, buildZip(files));
  return { zipPath, manifest, settings, notes };
}
