// House rules: typescript-eslint's type-checked recommendations, and files small enough to read
// in one sitting (max-lines counts code only; data lives in JSON files, which are not linted).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers (DESIGN.md): outer calls inner, never back. Each folder lists what it must not import.
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: forbidden.map((f) => `**/${f}/*`), message: why }] },
    ],
  },
});
const OUTER = ['bot', 'services', 'notifications', 'scripts', 'bench', 'test'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'docs/', 'appPackage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  layer(
    ['src/text/**', 'src/i18n/**', 'src/claims/**'],
    [...OUTER, 'conversation', 'receipts', 'help', 'claims-api', 'store'],
    'text/, i18n/ and claims/ are the innermost layers.',
  ),
  layer(
    ['src/understanding/**'],
    [...OUTER, 'conversation', 'receipts', 'help', 'claims-api', 'store'],
    'Understanding a message is pure text work: it knows no flow and no service.',
  ),
  layer(
    ['src/conversation/**'],
    [...OUTER, 'receipts', 'help', 'claims-api', 'store'],
    'The conversation core is pure: effects are run by services/.',
  ),
  layer(
    ['src/receipts/**', 'src/help/**', 'src/claims-api/**', 'src/store/**'],
    [...OUTER, 'conversation'],
    'A domain service does not call the conversation or the layers above it.',
  ),
  layer(
    ['src/jobs/**'],
    [...OUTER, 'conversation', 'receipts', 'help', 'claims-api'],
    'The job queue is infrastructure under services/: it knows no flow and no domain service.',
  ),
  layer(
    ['src/services/**'],
    ['bot', 'scripts', 'bench', 'test'],
    'services/ knows nothing of botbuilder glue.',
  ),
  layer(
    ['src/notifications/**'],
    ['bot', 'scripts', 'bench', 'test'],
    'Notifications (status messages, reminders) sit beside services/: they reach Teams through an adapter they are handed.',
  ),
  layer(
    ['src/*.ts', 'src/bot/**'],
    ['scripts', 'bench', 'test'],
    'The product does not import its tools or tests.',
  ),
  layer(
    ['src/tab/**'],
    ['bot', 'scripts', 'bench', 'test', 'tab-page'],
    'The tab server reads through services and stores; the bot is handed to it, never imported.',
  ),
  layer(
    ['src/tab-page/**'],
    [
      ...OUTER,
      'conversation',
      'receipts',
      'help',
      'claims-api',
      'store',
      'claims',
      'i18n',
      'text',
      'understanding',
    ],
    'The page runs in the browser: it shares only the data contract (src/tab/overview-schema.ts).',
  ),
  layer(
    ['scripts/**'],
    ['bench', 'test'],
    'Benchmarks build on scripts/lib, never the other way round.',
  ),
  layer(['bench/**'], ['test'], 'Benchmarks do not import test code.'),
);
