// The Linux sandbox pre-flight, from injected /proc and stat facts: stop with the exact fix, or launch.
import { describe, expect, it } from 'vitest';
import { checkSandbox, sandboxMessage, type SandboxFacts } from '../../../scripts/start/linux-sandbox.ts';

const helper = '/home/u/hatrack/node_modules/electron/dist/chrome-sandbox';
const ubuntu: SandboxFacts = {
  platform: 'linux',
  uid: 1000,
  apparmorRestrictsUserns: '1\n',
  unprivilegedUsernsClone: null,
  maxUserNamespaces: '63465\n',
  chromeSandboxPath: helper,
  // As unzipped by npm: owned by the user, no setuid bit.
  chromeSandbox: { uid: 1000, mode: 0o100755 },
};

describe('checkSandbox', () => {
  it('stops on Ubuntu 23.10+ with an unprepared chrome-sandbox, giving the exact command', () => {
    const verdict = checkSandbox(ubuntu);
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('apparmor_restrict_unprivileged_userns=1'),
      fix: `sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
    });
  });

  it('stops where user namespaces are disabled some other way', () => {
    expect(checkSandbox({ ...ubuntu, apparmorRestrictsUserns: null, unprivilegedUsernsClone: '0' }).ok).toBe(false);
    expect(checkSandbox({ ...ubuntu, apparmorRestrictsUserns: null, maxUserNamespaces: '0' }).ok).toBe(false);
  });

  it('launches once chrome-sandbox is root-owned with mode 4755', () => {
    expect(checkSandbox({ ...ubuntu, chromeSandbox: { uid: 0, mode: 0o104755 } })).toEqual({ ok: true });
    // Root-owned but without setuid, or setuid but not root's: still broken.
    expect(checkSandbox({ ...ubuntu, chromeSandbox: { uid: 0, mode: 0o100755 } }).ok).toBe(false);
    expect(checkSandbox({ ...ubuntu, chromeSandbox: { uid: 1000, mode: 0o104755 } }).ok).toBe(false);
    expect(checkSandbox({ ...ubuntu, chromeSandbox: { uid: 0, mode: 0o104777 } }).ok).toBe(false);
  });

  it('launches where user namespaces work, whatever chrome-sandbox is', () => {
    expect(checkSandbox({ ...ubuntu, apparmorRestrictsUserns: '0\n' })).toEqual({ ok: true });
    expect(checkSandbox({ ...ubuntu, apparmorRestrictsUserns: null })).toEqual({ ok: true });
    expect(checkSandbox({ ...ubuntu, uid: 0 })).toEqual({ ok: true });
  });

  it('does nothing on macOS and Windows', () => {
    expect(checkSandbox({ ...ubuntu, platform: 'darwin' })).toEqual({ ok: true });
    expect(checkSandbox({ ...ubuntu, platform: 'win32' })).toEqual({ ok: true });
  });

  it('quotes a path with spaces, and says to re-fetch a missing helper', () => {
    const spaced = '/home/u/My Projects/hatrack/node_modules/electron/dist/chrome-sandbox';
    const verdict = checkSandbox({ ...ubuntu, chromeSandboxPath: spaced });
    expect(verdict.ok === false && verdict.fix).toBe(`sudo chown root:root '${spaced}' && sudo chmod 4755 '${spaced}'`);
    const missing = checkSandbox({ ...ubuntu, chromeSandbox: null });
    expect(missing.ok === false && missing.fix).toContain('rm -rf node_modules/electron/dist');
  });
});

describe('sandboxMessage', () => {
  it('prints the reason and the fix on a line of its own, and never suggests --no-sandbox', () => {
    const verdict = checkSandbox(ubuntu);
    if (verdict.ok) throw new Error('expected a stop');
    const message = sandboxMessage(verdict);
    expect(message.split('\n')).toContain(`  ${verdict.fix}`);
    expect(message).not.toContain('--no-sandbox');
  });
});
