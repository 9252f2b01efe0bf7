// The gate service's contract with the composition root: its dependencies and the audit entries it emits.
import type { Account, AccountKind } from '../../../../shared/accounts/account.ts';
import type { AuditDecision, ConfirmVia } from '../../../../shared/gate/decision.ts';
import type { PendingPostView } from '../../../../shared/gate/pending.ts';
import type { Classification, ClassifyContext, OutgoingRequest, PostAction } from '../../../../shared/gate/types.ts';
import type { MediaStore } from './media-store.ts';
import type { PlatformId } from '../../../../shared/platforms/platform-id.ts';

/**
 * One gate decision, for the audit log. Held posts have every field; a request refused before it
 * could be held (the classifier threw, the account is unknown, the service was disposed) has
 * `pendingId: null` and nulls where nothing is known, and says why in `reason`.
 */
export interface GateAuditInput {
  /** ISO 8601 time of the decision. */
  at: string;
  requestId: string;
  pendingId: string | null;
  account: { id: string; handle: string | null; name: string | null; kind: AccountKind | null };
  platform: PlatformId | null;
  action: PostAction | null;
  rule: string | null;
  decision: AuditDecision;
  /** How a post was let through; only on 'confirmed'. */
  via?: ConfirmVia;
  /** Why the gate decided on its own (failed-closed, timed-out), or why it held in a stricter mode. */
  reason?: string;
  /** The parts' texts joined by a blank line; null when settings say not to store text, or none was readable. */
  text: string | null;
  /** SHA-256 (hex) of the same joined text, stored even when the text is not; null when no text was readable. */
  textHash: string | null;
  /** Media attached across all parts. */
  mediaCount: number;
  /** Number of posts in the request (a thread sends several). */
  partCount: number;
  /** The first part's reply target (later parts of a thread answer the earlier ones). */
  replyToId: string | null;
  quotedId: string | null;
  readable: boolean;
  /** The poster identity the request carried, if any. */
  identity: string | null;
}

/** Gate settings, read at each hold so changes apply to the next post. */
export interface GateSettings {
  /** How long a held post waits for an answer, from when it was held; default 120 000. */
  timeoutMs: number;
  /** False → the audit keeps only the SHA-256 of the text (and reply logs get no text). */
  storeText: boolean;
}

/** What the service needs from the composition root; everything is injected so tests can fake it. */
export interface GateDeps {
  accounts: { get(id: string): Account | undefined };
  /** Classifies a request; `context` is the session it comes from (absent when its account is unknown). */
  classify: (req: OutgoingRequest, context?: ClassifyContext) => Classification;
  clock: { now(): number; setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  settings: () => GateSettings;
  /** Every decision becomes an entry (the log service persists it). */
  audit: (entry: GateAuditInput) => void;
  /** The network result of an audited request, from onCompleted / onErrorOccurred. */
  auditResult: (requestId: string, status: number | null, error: string | null) => void;
  /** A reply that completed with a 2xx (gated or not) → response-time log. */
  replyCompleted: (reply: { account: Account; platform: PlatformId; replyToId: string; sentAt: Date; text: string | null }) => void;
  /** Renderer event 'gate:queue': the whole ordered queue whenever it changes. */
  emitQueue: (queue: PendingPostView[]) => void;
  newId: () => string;
  /** SHA-256 hex (node:crypto in the composition root). */
  hash: (text: string) => string;
  /** Remembered poster identities per account id, as saved from `rememberedIdentities()`. */
  initialIdentities?: Record<string, string>;
  /** Called whenever the remembered identities change, so they can be persisted. */
  identitiesChanged?: (identities: Record<string, string>) => void;
  /** Captured uploads shown in the dialog of the post that uses them (issue 10); none when absent. */
  media?: MediaStore;
  /** Errors the service swallowed to keep its promises (a throwing audit sink, say). */
  reportError?: (where: string, error: unknown) => void;
}

/** The manager's answer from the dialog. */
export interface GateDecisionInput {
  confirm: boolean;
  typedHandle?: string;
  /** Sent by the renderer on the second Confirm click of a post with watch words. */
  secondPress?: boolean;
}
