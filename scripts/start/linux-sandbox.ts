// Linux pre-flight for Chromium's sandbox: say how to fix a sandbox that cannot start, instead of ever launching without it.

/** What the pre-flight reads from /proc and from the chrome-sandbox helper next to the Electron binary. */
export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** The user's uid (root may always create user namespaces); null where unknown. */
  uid: number | null;
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns ("1" on Ubuntu 23.10+), null when absent. */
  apparmorRestrictsUserns: string | null;
  /** /proc/sys/kernel/unprivileged_userns_clone (Debian's older switch, "0" = off), null when absent. */
  unprivilegedUsernsClone: string | null;
  /** /proc/sys/user/max_user_namespaces ("0" = none allowed), null when absent. */
  maxUserNamespaces: string | null;
  /** Path of chrome-sandbox beside the binary. */
  chromeSandboxPath: string;
  /** Its owner and mode, null when it does not exist. */
  chromeSandbox: { uid: number; mode: number } | null;
}

/** The verdict: launch, or stop with a reason and the command that fixes it. */
export type SandboxVerdict = { ok: true } | { ok: false; reason: string; fix: string };

/** Quotes a path for a POSIX shell when it needs it. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Why unprivileged user namespaces (Chromium's first-choice sandbox) are unavailable, or null when they are. */
export function usernsBlocker(facts: SandboxFacts): string | null {
  if (facts.uid === 0) return null;
  if (facts.apparmorRestrictsUserns?.trim() === '1')
    return 'AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1, as on Ubuntu 23.10 and later)';
  if (facts.unprivilegedUsernsClone?.trim() === '0') return 'unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0)';
  if (facts.maxUserNamespaces?.trim() === '0') return 'user namespaces are disabled (user.max_user_namespaces=0)';
  return null;
}

/**
 * Chromium sandboxes its renderers with unprivileged user namespaces, or else with the setuid helper
 * chrome-sandbox, which only works when owned by root with mode 4755 (a zip download cannot set that).
 * Where neither works Electron aborts at start; the fix is one command, never `--no-sandbox`.
 */
export function checkSandbox(facts: SandboxFacts): SandboxVerdict {
  if (facts.platform !== 'linux') return { ok: true };
  const blocker = usernsBlocker(facts);
  if (blocker === null) return { ok: true };
  const helper = facts.chromeSandbox;
  if (helper && helper.uid === 0 && (helper.mode & 0o7777) === 0o4755) return { ok: true };
  const path = shellQuote(facts.chromeSandboxPath);
  if (!helper) {
    return {
      ok: false,
      reason: `${blocker}, and Electron's setuid sandbox helper ${facts.chromeSandboxPath} is missing`,
      fix: 'rm -rf node_modules/electron/dist node_modules/electron/path.txt && npm start',
    };
  }
  return {
    ok: false,
    reason: `${blocker}, and Electron's setuid sandbox helper ${facts.chromeSandboxPath} is not owned by root with mode 4755`,
    fix: `sudo chown root:root ${path} && sudo chmod 4755 ${path}`,
  };
}

/** What `npm start` prints when the sandbox cannot start. */
export function sandboxMessage(verdict: Extract<SandboxVerdict, { ok: false }>): string {
  return [
    `Chromium's sandbox cannot start on this system: ${verdict.reason}.`,
    'Run this once, then npm start again:',
    '',
    `  ${verdict.fix}`,
    '',
    'Hatrack never runs without the sandbox (each account is a web page of its own; the sandbox keeps them apart).',
  ].join('\n');
}
