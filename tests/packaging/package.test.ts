// In `npm test` (e2e project, after its build) and `npm run test:dist`: an unpacked Linux build (electron-builder --dir) against the stand-in Electron; the ASAR holds the app and its runtime dependencies only.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness/paths.ts';
import { startMirror, type Mirror } from '../stand-in/electron-stand-in.ts';

interface PackageJson {
  name: string;
  version: string;
  productName?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

// A fuse's byte in the wire: ASCII '0' off, '1' on (FuseState in @electron/fuses' constants, not exported).
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
const pkg = readJson(join(ROOT, 'package.json'));
const electronVersion = readJson(join(ROOT, 'node_modules/electron/package.json')).version;

/** The packages main loads at run time: its bare imports in the built bundle (electron and node:* aside). */
function mainImports(): string[] {
  const bundle = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
  const names = new Set<string>();
  for (const match of bundle.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"'./][^"']*)["']|(?:import|require)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (specifier === 'electron' || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/** Every package (by its path under node_modules) that `roots` need, resolved as Node would from the project. */
function closure(roots: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    // Node's resolution: the nearest node_modules/<name> walking up from the requiring package.
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        const relativePath = candidate
          .slice(ROOT.length + 1)
          .split('\\')
          .join('/');
        if (found.has(relativePath)) return;
        found.add(relativePath);
        const manifest = readJson(join(candidate, 'package.json'));
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, candidate);
        return;
      }
      if (dir === ROOT) return;
      dir = dirname(dir);
    }
  };
  for (const name of roots) visit(name, ROOT);
  return found;
}

/** The package folders inside the ASAR (node_modules/x, node_modules/@s/x, and nested ones). */
function asarPackages(entries: string[]): Set<string> {
  const packages = new Set<string>();
  for (const entry of entries) {
    if (/\/node_modules\/(?:@[^/]+\/)?[^/@]+\/package\.json$/.test(entry)) packages.add(entry.slice(1, -'/package.json'.length));
  }
  // A package.json below a package's own subfolder (e.g. dist/esm/package.json) is not a package of its own.
  return new Set([...packages].filter((path) => /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*$/.test(path)));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('the unpacked Linux package', () => {
  let work: string;
  let mirror: Mirror;
  let appOutDir: string;
  let entries: string[];

  beforeAll(async () => {
    // The e2e project's global setup has just built out/ as shipped.
    work = mkdtempSync(join(tmpdir(), 'hatrack-dist-'));
    mirror = await startMirror(electronVersion);
    const builder = join(ROOT, 'node_modules/electron-builder/cli.js');
    const result = await run(
      process.execPath,
      [
        builder,
        '--linux',
        '--x64',
        '--dir',
        '--publish',
        'never',
        `-c.directories.output=${join(work, 'dist')}`,
        `-c.electronDownload.cache=${join(work, 'cache')}`,
      ],
      {
        ...process.env,
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1',
      },
    );
    if (result.code !== 0) throw new Error(`electron-builder failed:\n${result.output}`);
    appOutDir = join(work, 'dist', 'linux-unpacked');
    entries = listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false });
  }, 300_000);

  afterAll(async () => {
    await mirror?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('was built on the stand-in Electron fetched from the mirror', () => {
    expect(mirror.requests).toContain(`/v${electronVersion}/electron-v${electronVersion}-linux-x64.zip`);
    expect(existsSync(join(appOutDir, 'hatrack'))).toBe(true);
    expect(existsSync(join(appOutDir, 'chrome-sandbox'))).toBe(true);
    expect(existsSync(join(appOutDir, 'resources', 'default_app.asar'))).toBe(false);
  });

  it('holds out/main, out/preload, out/renderer and package.json at its top, and nothing else of the source tree', () => {
    const top = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const out = new Set(entries.filter((entry) => entry.startsWith('/out/')).map((entry) => entry.split('/')[2]));
    expect([...out].sort()).toEqual(['main', 'preload', 'renderer']);
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/app.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries.filter((entry) => /\.(?:ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /^\/(?:tests|scripts|electron|renderer|shared|resources)(?:\/|$)/.test(entry))).toEqual([]);
  });

  it('ships exactly the packages main imports at run time and what they depend on: no devDependencies, no CLI-only packages', () => {
    const roots = mainImports();
    expect(roots).toEqual(expect.arrayContaining(['electron-store', 'luxon', 'zod']));
    const shipped = asarPackages(entries);
    const needed = closure(roots);
    // Compared by package name: electron-builder lays the tree out again (it may hoist a nested copy), so
    // paths differ from the project's node_modules while the set of packages does not.
    const names = (paths: Set<string>) => [...new Set([...paths].map((path) => path.replace(/^.*node_modules\//, '')))].sort();
    expect(names(shipped)).toEqual(names(needed));
    // A devDependency ships only where a runtime package needs it too (conf, through electron-store).
    for (const dev of Object.keys(pkg.devDependencies ?? {})) expect(names(shipped).includes(dev), dev).toBe(names(needed).includes(dev));
    for (const cliOnly of ['tsx', 'commander', 'esbuild']) expect(names(shipped).includes(cliOnly), cliOnly).toBe(false);
  });

  it('has its fuses set: no RunAsNode, NODE_OPTIONS or inspect arguments; cookie encryption, ASAR integrity, app only from the ASAR', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'hatrack'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('prints its size', () => {
    const size = statSync(join(appOutDir, 'resources', 'app.asar')).size;
    const files = entries.length;
    process.stdout.write(
      `app.asar: ${(size / 1024 / 1024).toFixed(2)} MiB, ${files} entries, ${asarPackages(entries).size} packages (main imports: ${mainImports().join(', ')})\n`,
    );
    expect(size).toBeGreaterThan(0);
  });
});
