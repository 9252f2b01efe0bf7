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

  /** The contradiction, when the account has a remembered identity and `identity` is another one. */
  mismatch(accountId: string, identity: string | null): IdentityMismatch | null {
    const expected = this.identities.get(accountId);
    return expected === undefined || identity === null || identity === expected ? null : { expected, actual: identity };
  }

  /** Called when a post is let through: remembers its identity if the account has none yet. */
  confirmed(accountId: string, identity: string | null): void {
    if (identity === null || this.identities.has(accountId)) return;
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
