// Where the app keeps its log, computed the way Electron's app.getPath('userData') does, so the CLI and the app agree.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The log's file name inside the app's user-data folder. */
export const LOG_FILE_NAME = 'hatrack-log.jsonl';

/** The app's user-data folder ('Hatrack' under the platform's config folder). */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Hatrack');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hatrack');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Hatrack');
}

/** The default log file path for this platform (e.g. ~/.config/Hatrack/hatrack-log.jsonl on Linux). */
export function defaultLogPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(userDataDir(platform, env, home), LOG_FILE_NAME);
}
