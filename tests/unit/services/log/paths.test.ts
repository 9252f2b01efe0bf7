// The CLI's default log path is the app's userData folder on each OS, derived here the way Electron names it.
import { readFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { describe, it, expect } from 'vitest';
import { defaultLogPath, LOG_FILE_NAME } from '../../../../electron/main/services/log/paths.ts';
import { ROOT } from '../../../e2e/harness/paths.ts';

// Electron names the app, and so the userData folder, from package.json: `productName` if set, else `name`
// (docs/api/app.md, app.name). Read from the file, not from the implementation's constant.
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName?: string };
const folder = pkg.productName ?? pkg.name;

describe('defaultLogPath', () => {
  it('names the data folder once, in package.json productName "Hatrack"', () => {
    expect(pkg.productName).toBe('Hatrack');
  });

  it("is the app's data folder on Linux: $XDG_CONFIG_HOME or ~/.config", () => {
    expect(defaultLogPath('linux', {}, '/home/u')).toBe(posix.join('/home/u/.config', folder, LOG_FILE_NAME));
    expect(defaultLogPath('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe(posix.join('/cfg', folder, LOG_FILE_NAME));
  });

  it("is the app's data folder on macOS: ~/Library/Application Support", () => {
    expect(defaultLogPath('darwin', {}, '/Users/u')).toBe(posix.join('/Users/u/Library/Application Support', folder, LOG_FILE_NAME));
  });

  it("is the app's data folder on Windows: %APPDATA%", () => {
    const path = defaultLogPath('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u');
    expect(path).toBe(win32.join('C:\\Users\\u\\AppData\\Roaming', folder, LOG_FILE_NAME));
  });
});
