// Writes the gate's audit entries for the service: one place that never throws, and refusals logged even when the post broke the entry.
import type { Account } from '../../../../shared/accounts/account.ts';
import type { ClassifiedPost } from '../../../../shared/gate/types.ts';
import { auditEntry, type AuditFacts } from './audit-entry.ts';
import type { GateDeps, GateSettings } from './types.ts';

/** A request refused (or abandoned by the site) before it was held. */
export interface Refusal {
  requestId: string;
  accountId: string;
  account: Account | undefined;
  post: ClassifiedPost | undefined;
  reason: string;
  decision: 'failed-closed' | 'aborted';
}

export class GateAuditor {
  constructor(
    private readonly deps: Pick<GateDeps, 'audit' | 'clock' | 'hash' | 'accounts'>,
    private readonly settings: () => GateSettings,
    private readonly report: (where: string, error: unknown) => void,
  ) {}

  /** Writes one audit entry; false when that failed (reported, never thrown). */
  write(facts: Omit<AuditFacts, 'at' | 'storeText' | 'hash'>): boolean {
    try {
      this.deps.audit(auditEntry({ ...facts, at: new Date(this.deps.clock.now()), storeText: this.settings().storeText, hash: this.deps.hash }));
      return true;
    } catch (error) {
      this.report('audit', error);
      return false;
    }
  }

  /** Audits a refusal; the post itself may be what broke the entry (a malformed classification): then logs without it. */
  refusal(r: Refusal): void {
    const identity = typeof r.post?.identity === 'string' ? r.post.identity : null;
    const facts = {
      requestId: r.requestId,
      pendingId: null,
      accountId: r.accountId,
      account: r.account,
      post: r.post,
      decision: r.decision,
      via: null,
      reason: r.reason,
      identity,
    };
    if (!this.write(facts)) this.write({ ...facts, post: undefined, identity: null });
  }

  /** The account, or undefined when it is unknown or the lookup throws (the entry then just lacks its name). */
  account(accountId: string): Account | undefined {
    try {
      return this.deps.accounts.get(accountId);
    } catch {
      return undefined;
    }
  }
}
