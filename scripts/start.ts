// `npm start` (and `npm run dev`): fetch Electron if it is not there yet, check Linux's sandbox, build, then launch the app (never with --no-sandbox).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadEnv,
  downloadFailureMessage,
  downloadFailureReason,
  electronIsInstalled,
  electronPlatformPath,
  launchArgs,
  launchEnv,
  startMode,
} from './start/electron-binary.ts';
import { checkSandbox, sandboxMessage } from './start/linux-sandbox.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(root, 'package.json'));

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Makes sure Electron's binary is in place (Electron 45 fetches it lazily) and returns its path, or exits with one sentence. */
function ensureElectron(): string {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const platformPath = electronPlatformPath(process.platform);
  if (override) return join(override, platformPath);
  const binary = join(electronDir, 'dist', platformPath);
  const facts = {
    version,
    platform: process.platform,
    distVersion: readOrNull(join(electronDir, 'dist', 'version')),
    pathTxt: readOrNull(join(electronDir, 'path.txt')),
    binaryExists: existsSync(binary),
  };
  if (electronIsInstalled(facts)) return binary;

  process.stdout.write(`Downloading Electron ${version} (first start only)…\n`);
  // Electron's own install entry point: @electron/get with its checksums, ELECTRON_MIRROR, the cache.
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    env: downloadEnv(process.env),
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (install.status !== 0 || !existsSync(binary)) {
    process.stderr.write(`${downloadFailureMessage(version, downloadFailureReason(install.stderr ?? ''))}\n`);
    process.exit(1);
  }
  return binary;
}

/** Stops with the fix command where Chromium's sandbox cannot start (Linux only). */
function preflightSandbox(binary: string): void {
  if (process.platform !== 'linux') return;
  const chromeSandboxPath = join(dirname(binary), 'chrome-sandbox');
  const stat = statSync(chromeSandboxPath, { throwIfNoEntry: false });
  const chromeSandbox = stat ? { uid: stat.uid, mode: stat.mode } : null;
  const verdict = checkSandbox({
    platform: process.platform,
    uid: process.getuid?.() ?? null,
    apparmorRestrictsUserns: readOrNull('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    unprivilegedUsernsClone: readOrNull('/proc/sys/kernel/unprivileged_userns_clone'),
    maxUserNamespaces: readOrNull('/proc/sys/user/max_user_namespaces'),
    chromeSandboxPath,
    chromeSandbox,
  });
  if (!verdict.ok) {
    process.stderr.write(`${sandboxMessage(verdict)}\n`);
    process.exit(1);
  }
}

function electronVite(): string {
  const packageDir = dirname(require.resolve('electron-vite/package.json'));
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(packageDir, bin['electron-vite'] ?? 'bin/electron-vite.js');
}

/** Builds main, preload and renderer into out/ with electron-vite. */
function build(): void {
  const result = spawnSync(process.execPath, [electronVite(), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs the child to its end and exits with its status, passing Ctrl+C and termination on to it. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`Electron could not be started (${error.message}).\n`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const { dev, userArgs } = startMode(process.argv.slice(2));
const binary = ensureElectron();
preflightSandbox(binary);
if (dev) {
  // electron-vite's dev server launches Electron itself: tell it which binary (it would read path.txt), and
  // give it the same environment, without NO_SANDBOX (which electron-vite turns into --no-sandbox).
  runToEnd(process.execPath, [electronVite(), 'dev', ...userArgs], { ...launchEnv(process.env), ELECTRON_EXEC_PATH: binary });
} else {
  build();
  runToEnd(binary, launchArgs(root, userArgs), launchEnv(process.env));
}
