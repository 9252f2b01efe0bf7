// Remembers, per account, who its first confirmed post was from, so a frame that posts as someone else is caught.

/** A remembered identity that a held post contradicts. */
export interface IdentityMismatch {
  expected: string;
  actual: string;
}

/**
 * The poster identity per account id: set by the first confirmed post that carried one, kept until
 * reset, so a session that was logged into another account is caught before it posts.
 */
export class IdentityMemory {
  private readonly identities = new Map<string, string>();
  private readonly onChange: () => void;

  constructor(initial: Record<string, string> | undefined, onChange: () => void) {
    this.onChange = onChange;
    for (const [accountId, identity] of Object.entries(initial ?? {})) {
      // Persisted data is input: keep only well-formed entries.
      if (typeof identity === 'string' && identity.length > 0) this.identities.set(accountId, identity);
    }
  }

  /**
   * The contradiction, when the account has a remembered identity and `identity` is certainly another
   * one. Not a contradiction: the same identity said more or less precisely (`server:host` and
   * `server:host/token:…`, remembered before fingerprints existed), or a Bluesky handle against a DID
   * (one account can be named both ways, and nothing here can resolve one to the other: a red
   * mismatch the manager cannot check would teach them to ignore it).
   */
  mismatch(accountId: string, identity: string | null): IdentityMismatch | null {
    const expected = this.identities.get(accountId);
    if (expected === undefined || identity === null || identity === expected) return null;
    if (refines(identity, expected) || refines(expected, identity)) return null;
    if (isDid(expected) !== isDid(identity) && !hasScheme(expected) && !hasScheme(identity)) return null;
    return { expected, actual: identity };
  }

  /** Called when a post is let through: remembers its identity if the account has none yet, or a more precise one. */
  confirmed(accountId: string, identity: string | null): void {
    if (identity === null) return;
    const known = this.identities.get(accountId);
    if (known !== undefined && !refines(identity, known)) return;
    this.identities.set(accountId, identity);
    this.onChange();
  }

  /** Forgets an account's identity; true when there was one. */
  reset(accountId: string): boolean {
    if (!this.identities.delete(accountId)) return false;
    this.onChange();
    return true;
  }

  /** All remembered identities, for persistence. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.identities);
  }
}

/** True when `precise` names the same identity as `broad`, with more detail after a '/'. */
function refines(precise: string, broad: string): boolean {
  return precise.startsWith(`${broad}/`);
}

function isDid(identity: string): boolean {
  return identity.startsWith('did:');
}

/** Identities from cookies and servers carry a scheme (`x:`, `server:`); Bluesky handles carry none. */
function hasScheme(identity: string): boolean {
  return /^(x|server):/.test(identity);
}
