// One lint config for the whole workspace. Module boundaries follow two tag axes:
// type:(app|platform|events|domain) and scope:(<context>|shared).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const infrastructurePackages = [
  'kafkajs',
  '@kafkajs/*',
  'avsc',
  'pg',
  'pg-*',
  'node-pg-migrate',
  'cassandra-driver',
  'fastify',
  '@fastify/*',
  'mercurius',
  'mqtt',
  'protobufjs',
  'fast-xml-parser',
  'pino',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.fleetlog/**', '.nx/**', 'tmp/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              // The domain is pure: no I/O libraries, no clock, no randomness.
              bannedExternalImports: [...infrastructurePackages, 'node:*', 'uuid', 'fs', 'net', 'http', 'crypto'],
            },
            { sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:events', 'type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:domain'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:domain'] },
            // End-to-end tests may drive apps (the CPE simulator is used as a library there).
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:platform', 'type:events', 'type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Tests may use Node's test runner and assertion modules even in the pure domain.
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
