// The main-process posting gate: holds publishing requests until the manager decides, and fails closed.
import type { Account } from '../../../../shared/accounts/account.ts';
import {
  auditDecisionOf,
  checkConfirm,
  initialState,
  transition,
  type DecisionEvent,
  type FinalState,
  type Outcome,
  type Transition,
} from '../../../../shared/gate/decision.ts';
import { findPostWatchWords, pendingPostView, type PartWatchWordHit, type PendingPostView } from '../../../../shared/gate/pending.ts';
import { holdVerdict, type Escalation, type HoldMode } from '../../../../shared/gate/policy.ts';
import type { Classification, ClassifiedPost, OutgoingRequest } from '../../../../shared/gate/types.ts';
import { auditEntry, type AuditFacts } from './audit-entry.ts';
import { readGateSettings } from './gate-settings.ts';
import { messageOf, remember, type Held, type Tracked } from './held.ts';
import { IdentityMemory, type IdentityMismatch } from './identity-memory.ts';
import { isSafeMethod } from '../../../../shared/gate/methods.ts';
import type { DecideResult, GateDecisionInput, GateDeps, GateSettings } from './types.ts';

// Bounded memories, so a long session cannot grow them without limit (completion events can be lost).
const MAX_TRACKED_REQUESTS = 1000;
const MAX_DECIDED_IDS = 1000;

/**
 * Holds every gated publishing request of an account session until the manager decides, then lets it
 * continue or cancels it. Plain Node: the Electron webRequest adapter and the Playwright route adapter
 * both call it. Held posts queue first in, first out; the renderer shows the head.
 *
 * Timeouts run from when a post is HELD, not from when it reaches the head of the queue: the site's
 * own request is waiting on the network from that moment, and a bound on how long any post can be
 * held is easier to reason about than one that grows with the queue. A 'delay' post has no timeout:
 * its countdown decides it. When the renderer goes away, countdowns are cancelled too (fail closed):
 * no post goes out while nobody can see its Undo button.
 */
export class GateService {
  private readonly deps: GateDeps;
  private readonly pending: Held[] = [];
  private readonly byId = new Map<string, Held>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly decided = new Map<string, FinalState>();
  private readonly identities: IdentityMemory;
  private disposed = false;

  constructor(deps: GateDeps) {
    this.deps = deps;
    this.identities = new IdentityMemory(deps.initialIdentities, () => {
      const notify = deps.identitiesChanged;
      if (notify !== undefined) this.safely('identitiesChanged', () => notify(this.identities.snapshot()));
    });
  }

  /**
   * Called by an adapter for EVERY request of an account session. Never rejects. Not publishing →
   * 'continue' at once. Publishing → per the account's policy, possibly held until decided. Anything
   * going wrong on a publishing request → 'cancel'.
   */
  intercept(
    accountId: string,
    requestId: string,
    request: OutgoingRequest,
    context?: { sessionIdentity?: string | null },
  ): Promise<Outcome> {
    let classification: Classification;
    try {
      classification = this.deps.classify(request);
      // The type says a verdict comes back; a classifier bug could still return anything.
      const verdict: unknown = classification;
      if (typeof verdict !== 'object' || verdict === null || !('gated' in verdict) || typeof verdict.gated !== 'boolean') {
        throw new Error('classifier returned no verdict');
      }
    } catch (error) {
      return Promise.resolve(this.classifyFailed(accountId, requestId, request, error));
    }
    if (!classification.gated) return Promise.resolve('continue');
    return this.hold(accountId, requestId, classification, context?.sessionIdentity ?? null);
  }

  /** The manager's answer from the dialog; each post is decided once. */
  decide(pendingId: string, decision: GateDecisionInput): DecideResult {
    const held = this.byId.get(pendingId);
    if (held === undefined) return { ok: false, reason: this.decided.has(pendingId) ? 'decided' : 'unknown' };
    try {
      const mismatch = this.mismatchOf(held) !== null;
      if (decision.confirm !== true) {
        return this.answer(this.settle(held, { kind: 'cancel', identityMismatch: mismatch }, null));
      }
      const check = checkConfirm({
        mode: held.mode,
        handle: held.account.handle,
        typedHandle: decision.typedHandle,
        secondPress: decision.secondPress,
        hasWatchWordHits: held.hits.length > 0,
        identityMismatch: mismatch,
      });
      if (!check.ok) return { ok: false, reason: check.reason };
      return this.answer(this.settle(held, { kind: 'confirm', via: check.via }, null));
    } catch (error) {
      this.report('decide', error);
      this.settle(held, { kind: 'fail' }, `error: ${messageOf(error)}`);
      return { ok: false, reason: 'decided' };
    }
  }

  /** Undo a 'delay' post during its countdown. */
  undo(pendingId: string): { ok: boolean } {
    const held = this.byId.get(pendingId);
    if (held === undefined) return { ok: false };
    return { ok: this.settle(held, { kind: 'undo' }, null).ok };
  }

  /** The renderer crashed, reloaded or its window closed: cancel everything pending, countdowns included. */
  rendererGone(reason: string): void {
    this.failAll(`renderer-gone: ${reason}`);
  }

  /** The network result of a request (webRequest onCompleted): audits it, and times a 2xx reply. */
  completed(requestId: string, statusCode: number): void {
    const tracked = this.takeTracked(requestId);
    if (tracked === undefined) return;
    if (tracked.audited) this.safely('auditResult', () => this.deps.auditResult(requestId, statusCode, null));
    const first = tracked.post.parts[0];
    const replyToId = first?.replyToId ?? null;
    if (statusCode < 200 || statusCode > 299 || tracked.post.action !== 'reply' || replyToId === null) return;
    this.safely('replyCompleted', () => {
      const storeText = this.readSettings().storeText;
      this.deps.replyCompleted({
        account: tracked.account,
        platform: tracked.post.platform,
        replyToId,
        sentAt: new Date(this.deps.clock.now()),
        text: storeText ? (first?.text ?? null) : null,
      });
    });
  }

  /** A request failed at the network level (webRequest onErrorOccurred). */
  failed(requestId: string, error: string): void {
    const tracked = this.takeTracked(requestId);
    if (tracked?.audited === true) this.safely('auditResult', () => this.deps.auditResult(requestId, null, error));
  }

  /** The held posts in order; the head is the one the dialog shows. */
  queue(): PendingPostView[] {
    return this.pending.map((held) =>
      pendingPostView({
        id: held.id,
        account: held.account,
        post: held.post,
        mode: held.mode,
        delayUntil: held.delayUntil,
        heldAt: held.heldAt,
        expiresAt: held.expiresAt,
        watchWordHits: held.hits,
        identityMismatch: this.mismatchOf(held),
      }),
    );
  }

  /** The poster identity remembered per account id (for persistence across restarts). */
  rememberedIdentities(): Record<string, string> {
    return this.identities.snapshot();
  }

  /** Forget the remembered identity of an account's frame (a settings action). */
  resetIdentity(accountId: string): void {
    if (this.identities.reset(accountId)) this.emit();
  }

  /** Cancels everything pending (fail closed) and clears timers; later publishing requests are cancelled. */
  dispose(): void {
    this.disposed = true;
    this.failAll('disposed');
    this.tracked.clear();
  }

  private hold(accountId: string, requestId: string, post: ClassifiedPost, sessionIdentity: string | null): Promise<Outcome> {
    let account: Account | undefined;
    try {
      if (this.disposed) return Promise.resolve(this.refuse(requestId, accountId, undefined, post, 'disposed'));
      account = this.deps.accounts.get(accountId);
      // An account that is not ours is a bug: never let its posts out.
      if (account === undefined) return Promise.resolve(this.refuse(requestId, accountId, undefined, post, 'unknown-account'));
      const identity = post.identity ?? sessionIdentity ?? null;
      const hits = findPostWatchWords(post.parts, account.watchWords);
      const verdict = holdVerdict(account.gate, post, {
        watchWordHit: hits.length > 0,
        identityMismatch: this.identities.mismatch(account.id, identity) !== null,
      });
      // Remembered even when not held, so a reply from an ungated account is still timed.
      remember(this.tracked, requestId, { account, post, released: !verdict.hold, audited: verdict.hold }, MAX_TRACKED_REQUESTS);
      if (!verdict.hold) return Promise.resolve('continue');
      return this.enqueue({ requestId, account, post, identity, hits, mode: verdict.mode, delayMs: verdict.delayMs, escalatedBecause: verdict.escalatedBecause });
    } catch (error) {
      this.report('intercept', error);
      return Promise.resolve(this.refuse(requestId, accountId, account, post, `error: ${messageOf(error)}`));
    }
  }

  private enqueue(h: {
    requestId: string;
    account: Account;
    post: ClassifiedPost;
    identity: string | null;
    hits: PartWatchWordHit[];
    mode: HoldMode;
    delayMs: number | null;
    escalatedBecause: Escalation | null;
  }): Promise<Outcome> {
    const now = this.deps.clock.now();
    const delayUntil = h.mode === 'delay' && h.delayMs !== null ? now + h.delayMs : null;
    const expiresAt = delayUntil ?? now + this.readSettings().timeoutMs;
    let resolve: (outcome: Outcome) => void = () => undefined;
    const promise = new Promise<Outcome>((settle) => {
      resolve = settle;
    });
    const held: Held = {
      id: this.deps.newId(),
      requestId: h.requestId,
      account: h.account,
      post: h.post,
      identity: h.identity,
      mode: h.mode,
      escalatedBecause: h.escalatedBecause,
      state: initialState(h.mode),
      heldAt: now,
      delayUntil,
      expiresAt,
      hits: h.hits,
      timer: undefined,
      resolve,
    };
    this.pending.push(held);
    this.byId.set(held.id, held);
    try {
      held.timer = this.deps.clock.setTimeout(() => this.onTimer(held), Math.max(0, expiresAt - now));
    } catch (error) {
      this.report('setTimeout', error);
      this.settle(held, { kind: 'fail' }, `error: ${messageOf(error)}`);
      return promise;
    }
    this.emit();
    return promise;
  }

  private onTimer(held: Held): void {
    held.timer = undefined;
    try {
      if (held.state !== 'pending-delay') {
        this.settle(held, { kind: 'timeout' }, null);
      } else if (this.mismatchOf(held) !== null) {
        // Another post from this account was confirmed with a different poster during the countdown.
        this.settle(held, { kind: 'block-identity' }, 'identity changed during countdown');
      } else {
        this.settle(held, { kind: 'elapse' }, null);
      }
    } catch (error) {
      this.report('timer', error);
      this.settle(held, { kind: 'fail' }, `error: ${messageOf(error)}`);
    }
  }

  /** Applies an event; on a decision, resolves the request first, then remembers, audits and emits. */
  private settle(held: Held, event: DecisionEvent, reason: string | null, emit = true): Transition {
    const next = transition(held.state, event);
    if (!next.ok) return next;
    held.state = next.state;
    const index = this.pending.indexOf(held);
    if (index >= 0) this.pending.splice(index, 1);
    this.byId.delete(held.id);
    remember(this.decided, held.id, next.state, MAX_DECIDED_IDS);
    if (held.timer !== undefined) {
      const timer = held.timer;
      held.timer = undefined;
      this.safely('clearTimeout', () => this.deps.clock.clearTimeout(timer));
    }
    // The network request must never wait on logging, nor be lost to a throwing sink.
    held.resolve(next.outcome);
    if (next.outcome === 'continue') {
      const tracked = this.tracked.get(held.requestId);
      if (tracked !== undefined) tracked.released = true;
      this.identities.confirmed(held.account.id, held.identity);
    } else {
      this.tracked.delete(held.requestId);
    }
    const why = reason ?? (held.escalatedBecause === null ? null : `held for a dialog: ${held.escalatedBecause}`);
    const { requestId, id: pendingId, account, post, identity } = held;
    const decision = auditDecisionOf(next.state);
    const via = decision === 'confirmed' ? next.via : null;
    this.audit({ requestId, pendingId, accountId: account.id, account, post, decision, via, reason: why, identity });
    if (emit) this.emit();
    return next;
  }

  private failAll(reason: string): void {
    const all = [...this.pending];
    for (const held of all) this.settle(held, { kind: 'fail' }, reason, false);
    if (all.length > 0) this.emit();
  }

  /** A publishing request refused before it could be held; audited as failed-closed. */
  private refuse(requestId: string, accountId: string, account: Account | undefined, post: ClassifiedPost | undefined, reason: string): 'cancel' {
    this.tracked.delete(requestId);
    const identity = typeof post?.identity === 'string' ? post.identity : null;
    const facts = { requestId, pendingId: null, accountId, account, post, decision: 'failed-closed', via: null, reason, identity } as const;
    // The post itself may be what broke the entry (a malformed classification): then log without it.
    if (!this.audit(facts)) this.audit({ ...facts, post: undefined, identity: null });
    return 'cancel';
  }

  private classifyFailed(accountId: string, requestId: string, request: OutgoingRequest, error: unknown): Outcome {
    this.report('classify', error);
    let method = '';
    try {
      method = String(request.method).toUpperCase();
    } catch {
      // An unreadable method is not a safe one.
    }
    // Requests that cannot publish: letting them through keeps the pages working, no post goes out unseen.
    if (isSafeMethod(method)) return 'continue';
    let account: Account | undefined;
    try {
      account = this.deps.accounts.get(accountId);
    } catch {
      // The audit entry then just lacks the account's name.
    }
    return this.refuse(requestId, accountId, account, undefined, `classify-error: ${messageOf(error)}`);
  }

  /** Writes one audit entry; false when that failed (reported, never thrown). */
  private audit(facts: Omit<AuditFacts, 'at' | 'storeText' | 'hash'>): boolean {
    return this.safely('audit', () =>
      this.deps.audit(
        auditEntry({ ...facts, at: new Date(this.deps.clock.now()), storeText: this.readSettings().storeText, hash: this.deps.hash }),
      ),
    );
  }

  private takeTracked(requestId: string): Tracked | undefined {
    const tracked = this.tracked.get(requestId);
    if (tracked === undefined || !tracked.released) return undefined;
    this.tracked.delete(requestId);
    return tracked;
  }

  private mismatchOf(held: Held): IdentityMismatch | null {
    return this.identities.mismatch(held.account.id, held.identity);
  }

  private readSettings(): GateSettings {
    return readGateSettings(this.deps.settings, (error) => this.report('settings', error));
  }

  private answer(transitionResult: Transition): DecideResult {
    return transitionResult.ok ? { ok: true } : { ok: false, reason: 'decided' };
  }

  private emit(): void {
    this.safely('emitQueue', () => this.deps.emitQueue(this.queue()));
  }

  /** Runs a side effect; a throw is reported, never propagated. Returns false when it threw. */
  private safely(where: string, fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (error) {
      this.report(where, error);
      return false;
    }
  }

  private report(where: string, error: unknown): void {
    try {
      this.deps.reportError?.(where, error);
    } catch {
      // Nothing left to tell.
    }
  }
}
