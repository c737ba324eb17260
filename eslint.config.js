import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Everything that must never run inside the deterministic workflow sandbox. */
const notInWorkflows = [
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net'],
    message: 'Workflow code must be deterministic: no Node I/O or built-ins.' },
  { group: ['@rdkit/*'], message: 'RDKit belongs in chem/, called from activities.' },
  { group: ['@mikro-orm/*', 'better-sqlite3', 'mysql2'], message: 'The store is reached through activities.' },
  { group: ['got', 'standardwebhooks'], message: 'HTTP belongs in activities.' },
  { group: ['piscina', '@temporalio/worker', '@temporalio/client', '@temporalio/activity'],
    message: 'Workflows import only @temporalio/workflow and types.' },
  { group: ['../activities/*', '../chem/*', '../store/*', '../workers/*', '../client/*'],
    allowTypeImports: true, message: 'Workflows may import only the types of activities.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'vendor/**', 'node_modules/**', '.molbatch/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: notInWorkflows }] },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
