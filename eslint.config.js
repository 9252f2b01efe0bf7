// Lint: TypeScript rules everywhere, and the zones of docs/ARCHITECTURE.md enforced with no-restricted-imports.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run outside Node: no node:* imports.' };
const electronImport = { name: 'electron', message: 'Only electron/ may import electron.' };
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in electron/main/shell/ipc-router.ts and electron/preload/app.ts.',
};
const openExternal = {
  name: 'electron',
  importNames: ['shell'],
  message: 'Open links through electron/main/shell/open-external.ts (https only).',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'electron/cli/bin.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [electronImport, { name: 'react', message: 'shared/ is UI-free.' }], patterns: [nodeBuiltins, { group: ['react-dom', 'react-dom/*'], message: 'shared/ is UI-free.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [nodeBuiltins] }] },
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/cli/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/services/**', 'electron/main/shell/ipc-router.ts', 'electron/main/shell/open-external.ts', 'electron/preload/app.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc, openExternal] }] },
  },
);
