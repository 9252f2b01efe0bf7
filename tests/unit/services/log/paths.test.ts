// The default log path matches Electron's userData folder on each OS, so the CLI reads the app's own file.
import { describe, it, expect } from 'vitest';
import { defaultLogPath } from '../../../../electron/main/services/log/paths.ts';

describe('defaultLogPath', () => {
  it('follows each platform\'s convention', () => {
    expect(defaultLogPath('linux', {}, '/home/u')).toBe('/home/u/.config/Hatrack/hatrack-log.jsonl');
    expect(defaultLogPath('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/Hatrack/hatrack-log.jsonl');
    expect(defaultLogPath('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Hatrack/hatrack-log.jsonl');
    expect(defaultLogPath('win32', { APPDATA: 'C:/Users/u/AppData/Roaming' }, 'C:/Users/u')).toMatch(/AppData\/Roaming\/Hatrack\/hatrack-log\.jsonl$/);
  });
});
