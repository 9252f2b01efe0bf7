// Lint: TypeScript rules (type-aware), React hooks, and the zones of docs/ARCHITECTURE.md enforced by package name and by path.
import js from '@eslint/js';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
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

/** An allow-list zone: files under `target` may import only from `allowed` folders (and packages). */
const onlyFrom = (target, allowed, message) => ({
  target: `./${target}`,
  // Globs are matched against resolved absolute paths; packages resolve into node_modules and are judged by
  // no-restricted-imports instead.
  from: [`${root}/**`],
  except: [...allowed.map((folder) => `${root}/${folder}/**`), `${root}/node_modules/**`],
  message,
});

/**
 * The zones by path (ARCHITECTURE.md, "Zones"). Exported on its own so tests/unit/lint/zones.test.ts can prove
 * each boundary fails when crossed, without the type-aware rules that need a real project.
 */
export const zones = {
  plugins: { 'import-x': importX },
  settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.css'] })] },
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        basePath: root,
        zones: [
          onlyFrom('shared', ['shared'], 'shared/ imports only shared/ (it runs in every zone).'),
          onlyFrom('renderer', ['shared', 'renderer'], 'renderer/ imports only shared/ and itself; it reaches main through window.hatrack.'),
          {
            target: './electron/main/services',
            from: ['./electron/main/shell', './electron/main/index.ts', './renderer'],
            message: 'Services are plain Node: no Electron adapters (electron/main/shell) and no renderer code.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'electron/cli/bin.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Promises that nobody awaits lose their errors: every one is awaited, returned, caught or marked `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A new platform, action or decision must be handled everywhere a switch decides on it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  zones,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // `void api().invoke(…)` drops the error: in the renderer a promise is caught (useInvoke, .catch(useReportError())).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, { name: 'react', message: 'shared/ is UI-free.' }],
          patterns: [nodeBuiltins, { group: ['react-dom', 'react-dom/*'], message: 'shared/ is UI-free.' }],
        },
      ],
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
