// Account sessions send Chromium's own user agent: Electron's and the app's tokens go, everything else stays byte for byte.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chromeUserAgent } from '../../../../shared/accounts/user-agent.ts';

describe('chromeUserAgent', () => {
  it.each([
    [
      'Linux',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) hatrack/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36',
    ],
    [
      'macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Hatrack/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36',
    ],
    [
      'Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) hatrack/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36',
    ],
  ])('turns the %s Electron default into the plain Chrome UA', (_os, electronDefault, chrome) => {
    expect(chromeUserAgent(electronDefault)).toBe(chrome);
  });

  it('strips pre-release versions whole', () => {
    expect(
      chromeUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) hatrack/0.2.0-beta.1 Chrome/141.0.7390.7 Electron/39.0.0-alpha.4 Safari/537.36',
      ),
    ).toBe('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.7390.7 Safari/537.36');
  });

  it('leaves an already clean Chrome UA unchanged (idempotent)', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36';
    expect(chromeUserAgent(chrome)).toBe(chrome);
    expect(chromeUserAgent(chromeUserAgent(chrome))).toBe(chrome);
  });

  it('only removes whole tokens: look-alike product names are kept', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) NotElectron/1.0 HatrackHelper/2 Chrome/140.0.7339.41 Safari/537.36';
    expect(chromeUserAgent(ua)).toBe(ua);
  });

  it('uses the given app name literally, not as a pattern', () => {
    const ua = 'Mozilla/5.0 (X11) AppleWebKit/537.36 (KHTML, like Gecko) HatXrack/1.0 Hat.rack/1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36';
    expect(chromeUserAgent(ua, 'Hat.rack')).toBe('Mozilla/5.0 (X11) AppleWebKit/537.36 (KHTML, like Gecko) HatXrack/1.0 Chrome/140.0.7339.41 Safari/537.36');
  });

  it('keeps the Chrome/<version> token exactly and never leaves double or edge spaces, for any versions', () => {
    const version = fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(version, version, version, fc.boolean(), (chrome, electron, app, appLast) => {
        const tokens = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)', `Chrome/${chrome}`, `Electron/${electron}`, 'Safari/537.36'];
        tokens.splice(appLast ? tokens.length : 1, 0, `hatrack/${app}`);
        const result = chromeUserAgent(tokens.join(' '));
        expect(result).toBe(`Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Safari/537.36`);
        expect(result).not.toMatch(/\s{2}|^\s|\s$/);
        expect(result).not.toMatch(/Electron|hatrack/i);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
