// Launches the built app in real Electron where its binary exists; says plainly that it skipped where none does.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness/paths.ts';

/** The Electron binary npm would run, found without require('electron') (which would try to download it). */
function electronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  process.stdout.write('electron smoke test: SKIPPED — no Electron binary under node_modules/electron/dist (it cannot be downloaded on this machine); the UI and the gate are tested in Chromium instead.\n');
}

describe('the packaged app in Electron', () => {
  it.skipIf(!binary)('opens one window with the account rail, served from app://', async () => {
    const app = await electron.launch({
      executablePath: binary as string,
      args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'hatrack-electron-'))}`, '--no-sandbox'],
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('navigation').waitFor();
      expect(window.url()).toBe('app://hatrack/index.html');
      expect(await window.evaluate(() => typeof (window as unknown as { hatrack?: unknown }).hatrack)).toBe('object');
    } finally {
      await app.close();
    }
  });
});
