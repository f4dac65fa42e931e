/**
 * `npm run package`: fills manifest/manifest.template.json from the environment (and .env),
 * validates it offline and writes appPackage/build/reiserekning-<version>.zip for upload to
 * Teams (Apps → Manage your apps → Upload an app) or the Teams admin centre.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import dotenv from 'dotenv';
import { PackagingError, packageApp } from './app-package.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// Values already in the environment win over .env, so `BOT_ID=... npm run package` works as expected.
dotenv.config();

try {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const result = await packageApp({
    manifestDir: path.join(root, 'manifest'),
    outDir: path.join(root, 'appPackage', 'build'),
    appVersion: version,
    env: process.env,
  });
  for (const note of result.notes) console.log(`Note: ${note}`);
  console.log(
    `Teams app package written to ${path.relative(process.cwd(), result.zipPath) || result.zipPath}\n` +
      `  Teams app id: ${result.manifest.id}\n  Bot id:       ${result.settings.botId}\n` +
      `  Manifest:     v${result.manifest.manifestVersion}, app version ${result.manifest.version}`,
  );
} catch (error) {
  if (error instanceof PackagingError) {
    console.error('Could not build the Teams app package:');
    for (const problem of error.problems) console.error(`  - ${problem}`);
  } else {
    console.error('Could not build the Teams app package:', error);
  }
  process.exitCode = 1;
}
