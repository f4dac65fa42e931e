import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fillManifestTemplate,
  readPackageSettings,
  validateManifest,
} from '../../scripts/app-package.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const template = readFileSync(join(root, 'manifest/manifest.template.json'), 'utf8');
const BOT_ID = '00000000-0000-0000-0000-000000000001';
const SSO = '00000000-0000-0000-0000-00000000000a';

describe('the tab in the Teams manifest', () => {
  it('is a personal static tab on the bot domain, with SSO for the app registration', async () => {
    const settings = readPackageSettings({
      BOT_ID,
      BOT_DOMAIN: 'reise.example.com',
      TAB_SSO_CLIENT_ID: SSO,
    });
    const manifest = fillManifestTemplate(template, settings, '1.0.0');
    // The chat first, then the tab: a bot's chat is the app's first page in Teams.
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      expect.objectContaining({
        entityId: 'mine-krav',
        contentUrl: 'https://reise.example.com/tab/',
        scopes: ['personal'],
      }),
    ]);
    expect(manifest.webApplicationInfo).toEqual({
      id: SSO,
      resource: `api://reise.example.com/${SSO}`,
    });
    expect(manifest.validDomains).toEqual(['reise.example.com']);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('uses the bot’s app registration for SSO when no other is named', () => {
    const manifest = fillManifestTemplate(
      template,
      readPackageSettings({ BOT_ID, BOT_DOMAIN: 'reise.example.com' }),
      '1.0.0',
    );
    expect(manifest.webApplicationInfo?.id).toBe(BOT_ID);
  });

  it('names a malformed SSO client id', () => {
    expect(() => readPackageSettings({ BOT_ID, TAB_SSO_CLIENT_ID: 'not-a-guid' })).toThrow(
      /TAB_SSO_CLIENT_ID/,
    );
  });
});
