// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/ARCHITECTURE.md) and what each may import besides itself. A test (`*.test.ts`,
 * test/, the storage contract suite) may import any of them: tests check the code, they are not
 * part of it. Imports of packages are not checked here (core's are, below).
 */
const LAYERS = {
  core: { pattern: 'src/core', may: [] },
  catalog: { pattern: 'src/catalog', may: ['core'] },
  storage: { pattern: 'src/storage', may: ['core'] },
  interop: { pattern: 'src/interop', may: ['core', 'catalog'] },
  // The API's response shapes: the app's public face, which the web imports types from.
  contract: { pattern: 'src/app/contract', may: ['core', 'app'] },
  app: { pattern: 'src/app', may: ['core', 'catalog', 'storage', 'interop', 'contract'] },
  server: { pattern: 'src/server', may: ['app', 'contract', 'core'] },
  cli: {
    pattern: 'src/cli',
    may: ['app', 'contract', 'core', 'catalog', 'storage', 'interop', 'server'],
  },
  // A client of the API: the contract's types only, and the pure core (see below).
  web: { pattern: 'web/src', may: ['core'] },
  test: { pattern: 'test', may: [] },
  // Benchmarks measure the build (dist/), not the sources.
  bench: { pattern: 'bench', may: [] },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-support/**',
      'node_modules/**',
      'web/dist/**',
      'bench/results/**',
      'test-output/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'bench/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: {
          project: ['tsconfig.json', 'web/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        },
      },
      'boundaries/elements': Object.entries(LAYERS).map(([type, { pattern }]) => ({
        type,
        pattern,
        partialMatch: false,
      })),
      'boundaries/files': [
        { category: 'test', pattern: '**/*.test.ts' },
        { category: 'test', pattern: 'src/storage/catalog-store.contract.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(LAYERS).map(([type, { may }]) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: may } } } },
            })),
            {
              // The web shares the wire contract's types with the server, never its code.
              from: { element: { type: 'web' } },
              allow: { to: { element: { type: 'contract' } }, dependency: { kind: 'type' } },
            },
            {
              from: [{ element: { type: 'test' } }, { file: { categories: 'test' } }],
              allow: { to: { element: { isUnknown: false } } },
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The domain core knows nothing of HTTP, SQL, files or the terminal (its imports of other
    // layers are checked by boundaries/dependencies above).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:http',
                'pg',
                'better-sqlite3',
                'kysely',
                'hono',
                'commander',
              ],
              message: 'core does no I/O',
            },
          ],
        },
      ],
    },
  },
);
