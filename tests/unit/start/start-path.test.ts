// The README's `npm start` on a fresh copy: Electron is fetched from a 127.0.0.1 mirror, then launched on the built app, sandboxed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../e2e/harness/paths.ts';
import { closedPort, parseRecord, RECORD_ENV, startMirror, startProxy, type Mirror } from '../../stand-in/electron-stand-in.ts';
import { copyProject } from '../../stand-in/project-copy.ts';
import { usernsBlocker } from '../../../scripts/start/linux-sandbox.ts';

/** Whether this host stops Chromium's sandbox for this user (Ubuntu 23.10+ as non-root): then npm start must stop with the fix. */
function hostBlocksUserns(): boolean {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);
  return (
    usernsBlocker({
      platform: process.platform,
      uid: process.getuid?.() ?? null,
      apparmorRestrictsUserns: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
      unprivilegedUsernsClone: read('/proc/sys/kernel/unprivileged_userns_clone'),
      maxUserNamespaces: read('/proc/sys/user/max_user_namespaces'),
      chromeSandboxPath: '',
      chromeSandbox: null,
    }) !== null
  );
}
const sandboxBlocked = hostBlocksUserns();

const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
// The stand-in release is a Linux x64 zip, as @electron/get would fetch here.
const runnable = process.platform === 'linux' && process.arch === 'x64';

interface Run {
  code: number | null;
  output: string;
}

/** Runs `npm start` in `cwd` as a user would type it, and resolves when it exits. */
function npmStart(cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!runnable)('npm start on a fresh copy of the project', () => {
  let work: string;
  let project: string;
  let mirror: Mirror;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hatrack-start-'));
    project = join(work, 'hatrack');
    copyProject(ROOT, project);
    mirror = await startMirror(electronVersion);
    env = {
      ...process.env,
      // A cache of its own, so the download really happens (and the user's ~/.cache/electron is untouched).
      electron_config_cache: join(work, 'electron-cache'),
      electron_use_remote_checksums: '1',
      [RECORD_ENV]: join(work, 'launch.txt'),
      // What CI and some shells carry: none of it may turn the sandbox off or skip the download at start.
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      NO_SANDBOX: '1',
      ELECTRON_DISABLE_SANDBOX: '1',
    };
    delete env.npm_config_electron_use_remote_checksums;
  });

  afterAll(async () => {
    await mirror?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('without network, ends with one sentence saying how to use a proxy or a mirror, and no stack trace', async () => {
    const run = await npmStart(project, { ...env, ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` });

    expect(run.code).not.toBe(0);
    const lines = run.output.split('\n').filter((line) => /Electron [\d.]+ could not be downloaded/.test(line));
    expect(lines, run.output).toHaveLength(1);
    expect(lines[0]).toContain('HTTPS_PROXY');
    expect(lines[0]).toContain('ELECTRON_MIRROR');
    expect(run.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(run.output).not.toContain('Error:');
    // It stopped before building: no half-started app.
    expect(existsSync(join(project, 'out'))).toBe(false);
  }, 120_000);

  it('downloads Electron from the mirror, builds, and launches it on the built app without --no-sandbox', async () => {
    const run = await npmStart(project, { ...env, ELECTRON_MIRROR: mirror.url });

    expect(mirror.requests).toContain(`/v${electronVersion}/electron-v${electronVersion}-linux-x64.zip`);
    expect(mirror.requests).toContain(`/v${electronVersion}/SHASUMS256.txt`);
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    if (sandboxBlocked) {
      // A non-root run on Ubuntu 23.10+: the freshly unzipped chrome-sandbox is not setuid, so npm start stops
      // before building, with the exact command, and never launches unsandboxed.
      const helper = join(project, 'node_modules/electron/dist/chrome-sandbox');
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(`sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`);
      expect(existsSync(join(work, 'launch.txt'))).toBe(false);
      return;
    }
    expect(run.code, run.output).toBe(0);

    const launch = parseRecord(readFileSync(join(work, 'launch.txt'), 'utf8'));
    expect(launch.args[0]).toBe(project);
    expect(existsSync(join(project, 'out/main/index.js'))).toBe(true);
    expect(existsSync(join(project, 'out/preload/app.cjs'))).toBe(true);
    expect(existsSync(join(project, 'out/renderer/index.html'))).toBe(true);
    expect(launch.args).not.toContain('--no-sandbox');
    expect(launch.env).not.toHaveProperty('NO_SANDBOX');
    expect(launch.env).not.toHaveProperty('ELECTRON_DISABLE_SANDBOX');
    expect(launch.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    // The repo's own Electron package was not touched by the copy's download.
    expect(existsSync(join(ROOT, 'node_modules/electron/dist/electron'))).toBe(existsSync(join(ROOT, 'node_modules/electron/path.txt')));
  }, 180_000);

  it('downloads through HTTPS_PROXY / HTTP_PROXY, as the failure sentence advises', async () => {
    // Back to a fresh install (the previous test fetched the binary), with an empty cache.
    rmSync(join(project, 'node_modules/electron/dist'), { recursive: true, force: true });
    rmSync(join(project, 'node_modules/electron/path.txt'), { force: true });
    const proxy = await startProxy();
    try {
      const run = await npmStart(project, {
        ...env,
        ELECTRON_MIRROR: mirror.url,
        electron_config_cache: join(work, 'proxied-cache'),
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: proxy.url,
      });
      expect(run.code === 0 || sandboxBlocked, run.output).toBe(true);
      expect(proxy.tunnels).toContain(new URL(mirror.url).host);
      expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    } finally {
      await proxy.close();
    }
  }, 180_000);
});
