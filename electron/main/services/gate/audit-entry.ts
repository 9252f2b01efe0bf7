// Builds gate audit entries, keeping the text out of the log (hash only) when the settings ask for it.
import type { Account } from '../../../../shared/accounts/account.ts';
import type { AuditDecision, ConfirmVia } from '../../../../shared/gate/decision.ts';
import type { ClassifiedPost, PostPart } from '../../../../shared/gate/types.ts';
import type { GateAuditInput } from './types.ts';

/** The text of all readable parts, joined by a blank line; null when none was readable. */
export function joinedText(parts: readonly PostPart[]): string | null {
  const texts = parts.map((part) => part.text).filter((text): text is string => text !== null);
  return texts.length === 0 ? null : texts.join('\n\n');
}

/** What is known about a decision. `account` and `post` are missing when a request was refused before being held. */
export interface AuditFacts {
  at: Date;
  requestId: string;
  pendingId: string | null;
  accountId: string;
  account: Account | undefined;
  post: ClassifiedPost | undefined;
  decision: AuditDecision;
  via: ConfirmVia | null;
  reason: string | null;
  identity: string | null;
  storeText: boolean;
  hash: (text: string) => string;
}

/** Builds one audit entry. */
export function auditEntry(facts: AuditFacts): GateAuditInput {
  const { account, post } = facts;
  const parts = post?.parts ?? [];
  const text = joinedText(parts);
  const entry: GateAuditInput = {
    at: facts.at.toISOString(),
    requestId: facts.requestId,
    pendingId: facts.pendingId,
    account: {
      id: facts.accountId,
      handle: account?.handle ?? null,
      name: account?.name ?? null,
      kind: account?.kind ?? null,
    },
    platform: post?.platform ?? account?.platform ?? null,
    action: post?.action ?? null,
    rule: post?.rule ?? null,
    decision: facts.decision,
    text: facts.storeText ? text : null,
    textHash: text === null ? null : facts.hash(text),
    mediaCount: parts.reduce((sum, part) => sum + (Number.isFinite(part.mediaCount) ? part.mediaCount : 0), 0),
    partCount: parts.length,
    replyToId: parts[0]?.replyToId ?? null,
    quotedId: parts.find((part) => part.quotedId !== null)?.quotedId ?? null,
    readable: post?.readable ?? false,
    identity: facts.identity,
  };
  if (facts.via !== null) entry.via = facts.via;
  if (facts.reason !== null) entry.reason = facts.reason;
  return entry;
}
