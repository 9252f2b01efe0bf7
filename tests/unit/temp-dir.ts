// Temp folders for the tests that read and write real files (the account store, the log).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export interface TempDir {
  dir: string;
  /** `fileName` in `dir`, not created. */
  file: string;
  cleanup: () => void;
}

/** A fresh temp folder, removed by the returned cleanup. */
export function newTempDir(fileName: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'hatrack-'));
  return { dir, file: join(dir, fileName), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh temp folder removed when the running test ends, passed or failed. */
export function newTempDirForTest(fileName: string): TempDir {
  const temp = newTempDir(fileName);
  onTestFinished(temp.cleanup);
  return temp;
}
