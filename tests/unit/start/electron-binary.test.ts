// npm start's decisions about Electron's binary: when to download, proxy variables, the failure sentence, the launch environment.
import { describe, expect, it } from 'vitest';
import {
  downloadEnv,
  downloadFailureMessage,
  downloadFailureReason,
  electronIsInstalled,
  electronPlatformPath,
  launchArgs,
  launchEnv,
  startMode,
} from '../../../scripts/start/electron-binary.ts';

const installed = { version: '45.5.0', platform: 'linux' as const, distVersion: '45.5.0', pathTxt: 'electron', binaryExists: true };

describe('electronIsInstalled', () => {
  it("accepts the binary of this exact version, as Electron's install.js does", () => {
    expect(electronIsInstalled(installed)).toBe(true);
    expect(electronIsInstalled({ ...installed, distVersion: 'v45.5.0\n' })).toBe(true);
  });

  it('downloads when path.txt, the binary or the right version is missing (a fresh npm install has none)', () => {
    expect(electronIsInstalled({ ...installed, pathTxt: null })).toBe(false);
    expect(electronIsInstalled({ ...installed, binaryExists: false })).toBe(false);
    expect(electronIsInstalled({ ...installed, distVersion: null })).toBe(false);
    expect(electronIsInstalled({ ...installed, distVersion: '44.0.0' })).toBe(false);
    expect(electronIsInstalled({ ...installed, platform: 'darwin' })).toBe(false);
  });

  it('names the executable per OS', () => {
    expect(electronPlatformPath('linux')).toBe('electron');
    expect(electronPlatformPath('win32')).toBe('electron.exe');
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('downloadEnv', () => {
  it("makes Node's fetch honour HTTPS_PROXY when one is set", () => {
    expect(downloadEnv({ HTTPS_PROXY: 'http://proxy:8080' })).toMatchObject({ NODE_USE_ENV_PROXY: '1', ELECTRON_GET_USE_PROXY: '1' });
    expect(downloadEnv({ http_proxy: 'http://proxy:8080' })).toMatchObject({ NODE_USE_ENV_PROXY: '1' });
  });

  it('leaves the environment as it is without a proxy', () => {
    expect(downloadEnv({ ELECTRON_MIRROR: 'http://m/' })).toEqual({ ELECTRON_MIRROR: 'http://m/' });
  });
});

describe('the download failure', () => {
  it('keeps the reason from the first error line and drops the stack', () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n    at async FetchDownloader.download (file:///x.js:44:30)\n';
    expect(downloadFailureReason(stderr)).toBe('fetch failed');
    expect(downloadFailureReason('HTTPError: Response code 404 (Not Found) for http://m/v45.5.0/x.zip\n    at y (z.js:1:1)')).toBe(
      'Response code 404 (Not Found) for http://m/v45.5.0/x.zip',
    );
    expect(downloadFailureReason('')).toBeNull();
  });

  it('is one sentence naming the proxy and the mirror variables', () => {
    const message = downloadFailureMessage('45.5.0', 'fetch failed');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Electron 45\.5\.0 could not be downloaded \(fetch failed\): .*HTTPS_PROXY.*ELECTRON_MIRROR.*npm start again\.$/);
    expect(downloadFailureMessage('45.5.0', null)).toMatch(/^Electron 45\.5\.0 could not be downloaded: /);
  });
});

describe('the launch', () => {
  it('never passes what turns the sandbox off, nor runs Electron as Node', () => {
    const env = launchEnv({ PATH: '/bin', NO_SANDBOX: '1', ELECTRON_DISABLE_SANDBOX: '1', ELECTRON_RUN_AS_NODE: '1', LANG: 'fr_FR.UTF-8' });
    expect(env).toEqual({ PATH: '/bin', LANG: 'fr_FR.UTF-8' });
  });

  it("starts Electron on the project folder, with the user's arguments but never --no-sandbox", () => {
    expect(launchArgs('/p/hatrack', ['--lang=fr', '--no-sandbox'])).toEqual(['/p/hatrack', '--lang=fr']);
  });
});

describe('startMode', () => {
  it("runs the built app, or electron-vite's dev server for npm run dev, passing the rest on", () => {
    expect(startMode([])).toEqual({ dev: false, userArgs: [] });
    expect(startMode(['--dev', '--lang=fr'])).toEqual({ dev: true, userArgs: ['--lang=fr'] });
  });
});
