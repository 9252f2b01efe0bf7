// `npm start`'s decisions about the Electron binary: is it there, how to fetch it, what to say when that fails, what to launch it with.

/** What `npm start` reads from node_modules/electron before deciding to download. */
export interface ElectronInstallFacts {
  /** The electron npm package's version. */
  version: string;
  platform: NodeJS.Platform;
  /** Contents of node_modules/electron/dist/version, null when absent. */
  distVersion: string | null;
  /** Contents of node_modules/electron/path.txt, null when absent. */
  pathTxt: string | null;
  /** Whether dist/<path.txt> exists. */
  binaryExists: boolean;
}

/** The executable's path inside Electron's dist folder, as Electron's own install.js names it. */
export function electronPlatformPath(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Whether the binary of this exact version is in place (the check Electron's install.js makes before it
 * downloads). Electron 45 fetches it lazily, and electron-vite needs path.txt, so `npm start` asks first.
 */
export function electronIsInstalled(facts: ElectronInstallFacts): boolean {
  return (
    facts.distVersion !== null &&
    facts.distVersion.trim().replace(/^v/, '') === facts.version &&
    facts.pathTxt === electronPlatformPath(facts.platform) &&
    facts.binaryExists
  );
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The environment for Electron's install.js. @electron/get downloads with Node's fetch, which ignores
 * HTTPS_PROXY unless told: NODE_USE_ENV_PROXY makes Node's own fetch honour it (Node 22.21+), and
 * ELECTRON_GET_USE_PROXY makes @electron/get install undici's EnvHttpProxyAgent where undici is present.
 */
export function downloadEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const proxied = PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
  return proxied ? { ...env, NODE_USE_ENV_PROXY: '1', ELECTRON_GET_USE_PROXY: '1' } : { ...env };
}

/** The reason install.js gave, from the first line of what it printed (its stack trace is never shown). */
export function downloadFailureReason(stderr: string): string | null {
  for (const line of stderr.split('\n')) {
    const match = /^\s*(?:[A-Za-z]*Error|Error)(?: \[[A-Z_]+\])?: (.+)$/.exec(line);
    if (match?.[1]) return match[1].trim();
  }
  return null;
}

/** The one sentence `npm start` ends with when Electron cannot be fetched. */
export function downloadFailureMessage(version: string, reason: string | null): string {
  const why = reason ? ` (${reason})` : '';
  return (
    `Electron ${version} could not be downloaded${why}: if you are behind a proxy, set HTTPS_PROXY ` +
    "(for example HTTPS_PROXY=http://proxy.example:8080 npm start); if Electron's release downloads are blocked, " +
    'set ELECTRON_MIRROR to a mirror of them (ELECTRON_MIRROR=https://mirror.example/electron/ npm start); then run npm start again.'
  );
}

/** Variables that would turn Chromium's sandbox off, or make Electron behave as plain Node: never passed on. */
const NEVER_PASSED = ['NO_SANDBOX', 'ELECTRON_DISABLE_SANDBOX', 'ELECTRON_RUN_AS_NODE'];

/** The environment the app is launched with: the user's, less anything that weakens the sandbox. */
export function launchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const name of NEVER_PASSED) delete result[name];
  return result;
}

/** What `npm start` was asked for: the built app (default), or `--dev` (electron-vite's dev server, for `npm run dev`). */
export function startMode(argv: readonly string[]): { dev: boolean; userArgs: string[] } {
  return { dev: argv.includes('--dev'), userArgs: argv.filter((arg) => arg !== '--dev') };
}

/** Electron's arguments: the project folder (Electron loads package.json `main`, out/main/index.js), then the user's. */
export function launchArgs(root: string, userArgs: readonly string[]): string[] {
  return [root, ...userArgs.filter((arg) => arg !== '--no-sandbox')];
}
