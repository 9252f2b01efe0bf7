// Where the app keeps its log, computed the way Electron's app.getPath('userData') does, so the CLI and the app agree.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { PRODUCT_NAME } from '../app-name.ts';

/** The log's file name inside the app's user-data folder. */
export const LOG_FILE_NAME = 'hatrack-log.jsonl';

/**
 * The app's user-data folder: Electron's appData for the platform plus the product name, which
 * electron/main/index.ts also gives Electron (app.setName, userData), so both name the same folder.
 */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PRODUCT_NAME);
}

/** The default log file path for this platform (e.g. ~/.config/Hatrack/hatrack-log.jsonl on Linux). */
export function defaultLogPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const dir = userDataDir(platform, env, home);
  return platform === 'win32' ? win32.join(dir, LOG_FILE_NAME) : posix.join(dir, LOG_FILE_NAME);
}
