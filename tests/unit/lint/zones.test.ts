// The zones of ARCHITECTURE.md hold by path: the project's own ESLint config rejects each crossing and accepts the allowed imports.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The real eslint.config.js, with the type-aware rules off: the files below are virtual, in no tsconfig project.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** Zone errors for a virtual file at `file` (relative to the repo) whose only line imports `from`. */
async function zoneErrors(file: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

// Each import target is a real file, so the resolver finds it (an unresolvable import is tsc's business, not this rule's).
const crossings: Array<[string, string, string]> = [
  ['shared/log/zz-virtual.ts', '../../electron/main/shell/view-manager.ts', 'shared → electron shell'],
  ['shared/log/zz-virtual.ts', '../../electron/main/services/log/reply-index.ts', 'shared → main services'],
  ['shared/log/zz-virtual.ts', '../../renderer/src/api.ts', 'shared → renderer'],
  ['shared/log/zz-virtual.ts', '../../tests/unit/services/gate/fixtures.ts', 'shared → tests'],
  ['renderer/src/zz-virtual.tsx', '../../electron/main/services/log/log-service.ts', 'renderer → main service'],
  ['renderer/src/zz-virtual.tsx', '../../electron/preload/app.ts', 'renderer → preload'],
  ['renderer/src/zz-virtual.tsx', '../../tests/e2e/harness/ui.ts', 'renderer → tests'],
  ['electron/main/services/zz-virtual.ts', '../shell/view-manager.ts', 'service → electron shell'],
  ['electron/main/services/log/zz-virtual.ts', '../../index.ts', 'service → composition root'],
  ['electron/main/services/zz-virtual.ts', '../../../renderer/src/dashboard/format.ts', 'service → renderer'],
];

const allowed: Array<[string, string, string]> = [
  ['shared/log/zz-virtual.ts', '../platforms/platform-id.ts', 'shared → shared'],
  ['shared/log/zz-virtual.ts', 'zod', 'shared → a package'],
  ['renderer/src/zz-virtual.tsx', './dashboard/format.ts', 'renderer → renderer'],
  ['renderer/src/zz-virtual.tsx', '../../shared/log/model.ts', 'renderer → shared'],
  ['electron/main/services/zz-virtual.ts', './log/reply-index.ts', 'service → service'],
  ['electron/main/services/zz-virtual.ts', '../../../shared/log/model.ts', 'service → shared'],
  ['electron/main/shell/zz-virtual.ts', '../services/app-services.ts', 'shell → service'],
];

describe('zones by path', () => {
  it.each(crossings)('%s importing %s fails (%s)', async (file, from) => {
    const errors = await zoneErrors(file, from);
    expect(errors).toHaveLength(1);
  });

  it.each(allowed)('%s importing %s passes (%s)', async (file, from) => {
    expect(await zoneErrors(file, from)).toEqual([]);
  });
});
