// The .deb's post-install always makes chrome-sandbox root-owned with mode 4755 (not only where `unshare` fails as root).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../e2e/harness/paths.ts';

const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const scriptPath = /^\s*afterInstall:\s*(\S+)\s*$/m.exec(config)?.[1];

describe('the deb post-install script', () => {
  it('is the one electron-builder.yml names for the deb', () => {
    expect(scriptPath).toBe('resources/linux/after-install.sh');
  });

  it('sets chrome-sandbox to root:root 4755 unconditionally, at the top level of the script', () => {
    const script = readFileSync(join(ROOT, scriptPath ?? ''), 'utf8');
    const topLevel = script.split('\n').filter((line) => !/^\s/.test(line));
    expect(topLevel).toContain("chown root:root '/opt/${sanitizedProductName}/chrome-sandbox'");
    expect(topLevel).toContain("chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'");
    // And nothing sets it back, as electron-builder's default does where `unshare --user` works for root.
    expect(script).not.toMatch(/chmod 0?755 .*chrome-sandbox/);
  });

  it('is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', join(ROOT, scriptPath ?? '')])).not.toThrow();
  });
});
