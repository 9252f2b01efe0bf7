// The main-process posting gate: holds publishing requests until the manager decides, and fails closed.
import type { Account } from '../../../../shared/accounts/account.ts';
import {
  auditDecisionOf,
  checkConfirm,
  type DecideAnswer,
  initialState,
  transition,
  type DecisionEvent,
  type FinalState,
  type Outcome,
  type Transition,
} from '../../../../shared/gate/decision.ts';
import { findPostWatchWords, type PartWatchWordHit, type PendingPostView } from '../../../../shared/gate/pending.ts';
import { holdVerdict, type Escalation, type HoldMode } from '../../../../shared/gate/policy.ts';
import type { ClassifiedPost, ClassifyContext, OutgoingRequest, PostDetail } from '../../../../shared/gate/types.ts';
import type { CompletedRequest } from '../request-gate.ts';
import { boundedRead, type ReadRequest } from './bounded-read.ts';
import { claimPostMedia, type ClaimedMedia } from './media-store.ts';
import { readGateSettings } from './gate-settings.ts';
import { GateAuditor } from './gate-auditor.ts';
import { classifySafely, isSafeRequest, messageOf, remember, viewOf, type Held, type Tracked } from './held.ts';
import { IdentityMemory, type IdentityMismatch } from './identity-memory.ts';
import { posterIdentity } from './identity-sources.ts';
import { FediverseHosts, sessionContext } from './session-context.ts';
import type { GateDecisionInput, GateDeps, GateSettings } from './types.ts';

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
  /** Held posts by the adapter's request id, so a request that errors while held leaves at once. */
  private readonly byRequest = new Map<string, Held>();
  /** Requests being read (null), or the error they ended with meanwhile: such a request is never held. */
  private readonly reading = new Map<string, string | null>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly decided = new Map<string, FinalState>();
  private readonly identities: IdentityMemory;
  private readonly fediverse = new FediverseHosts();
  private readonly auditor: GateAuditor;
  private disposed = false;

  constructor(deps: GateDeps) {
    this.deps = deps;
    this.auditor = new GateAuditor(
      deps,
      () => this.readSettings(),
      (where, error) => this.report(where, error),
    );
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
    context?: { sessionIdentity?: string | null; details?: PostDetail[] },
  ): Promise<Outcome> {
    return this.classifyAndHold(accountId, requestId, request, context ?? {}, this.deps.clock.now());
  }

  /**
   * Like {@link intercept}, for an adapter that must first read the request (upload blobs, cookies):
   * the read runs inside the post's timeout, so a stalled read ends in a fail-closed cancel with its
   * reason, and the time it took is taken from the time the manager has to answer.
   */
  interceptRead(accountId: string, requestId: string, read: () => Promise<ReadRequest>): Promise<Outcome> {
    const startedAt = this.deps.clock.now();
    remember(this.reading, requestId, null, MAX_TRACKED_REQUESTS);
    return boundedRead(read, this.readSettings().timeoutMs, this.deps.clock).then((outcome) => {
      const abortedBy = this.reading.get(requestId);
      this.reading.delete(requestId);
      if (typeof abortedBy === 'string') return this.abortedWhileRead(accountId, requestId, outcome.ok ? outcome.value.request : null, abortedBy);
      if (outcome.ok) return this.classifyAndHold(accountId, requestId, outcome.value.request, outcome.value, startedAt);
      this.report('read', new Error(outcome.reason));
      return this.refuse(requestId, accountId, this.auditor.account(accountId), undefined, outcome.reason);
    });
  }

  private classifyAndHold(
    accountId: string,
    requestId: string,
    request: OutgoingRequest,
    context: { sessionIdentity?: string | null; details?: PostDetail[] },
    startedAt: number,
  ): Promise<Outcome> {
    const verdict = classifySafely(this.deps.classify, request, this.contextOf(accountId));
    if ('error' in verdict) return Promise.resolve(this.classifyFailed(accountId, requestId, request, verdict.error));
    const { classification } = verdict;
    if (!classification.gated) {
      this.captureMedia(accountId, request);
      return Promise.resolve('continue');
    }
    return this.hold(accountId, requestId, classification, { ...context, headers: request.headers, request }, startedAt);
  }

  /** The manager's answer from the dialog; each post is decided once. */
  decide(pendingId: string, decision: GateDecisionInput): DecideAnswer {
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
        hasUnpreviewedMedia: (held.media?.unpreviewed ?? 0) > 0,
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

  /**
   * Cancels (fails closed, audited with `reason`) the held posts `which` selects; the others stay held.
   * For a crashed or closed account page (its posts can never be sent) and the app UI's crash (countdowns).
   */
  cancelWhere(which: (post: PendingPostView) => boolean, reason: string): number {
    const views = this.queue();
    const chosen = this.pending.filter((_held, index) => {
      const view = views[index];
      return view !== undefined && which(view);
    });
    for (const held of chosen) this.settle(held, { kind: 'fail' }, reason, false);
    if (chosen.length > 0) this.emit();
    return chosen.length;
  }

  /**
   * The network result of a request (webRequest onCompleted): audits it, times a 2xx reply, and learns
   * from `seen` (any method) whether its host answered as a Fediverse server.
   */
  completed(requestId: string, statusCode: number, seen?: CompletedRequest): void {
    if (seen !== undefined) this.safely('fediverseHosts', () => this.fediverse.learn(seen.accountId, seen.method, seen.url, statusCode));
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
    if (this.reading.has(requestId)) {
      this.reading.set(requestId, error);
      return;
    }
    const held = this.byRequest.get(requestId);
    if (held !== undefined) {
      // Nothing is left to send: the decision is the site's, and no later click may claim it.
      this.settle(held, { kind: 'abort' }, `aborted by the site: ${error}`);
      return;
    }
    const tracked = this.takeTracked(requestId);
    if (tracked?.audited === true) this.safely('auditResult', () => this.deps.auditResult(requestId, null, error));
  }

  /** The held posts in order; the head is the one the dialog shows. */
  queue(): PendingPostView[] {
    return this.pending.map((held) => viewOf(held, this.mismatchOf(held)));
  }

  /** The poster identity remembered per account id (for persistence across restarts). */
  rememberedIdentities(): Record<string, string> {
    return this.identities.snapshot();
  }

  /** The hosts an account's session has shown to be Fediverse servers, oldest first (diagnostics and tests). */
  fediverseHostsOf(accountId: string): string[] {
    return [...this.fediverse.of(accountId)];
  }

  /** Forgets what an account's session taught (the account was removed, its session with it). */
  forgetSession(accountId: string): void {
    this.fediverse.forget(accountId);
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

  private hold(
    accountId: string,
    requestId: string,
    classified: ClassifiedPost,
    context: { sessionIdentity?: string | null; details?: PostDetail[]; headers?: Readonly<Record<string, string>> | undefined; request?: OutgoingRequest },
    startedAt: number,
  ): Promise<Outcome> {
    const { headers } = context;
    let account: Account | undefined;
    let post = classified;
    try {
      if (this.disposed) return Promise.resolve(this.refuse(requestId, accountId, undefined, post, 'disposed'));
      account = this.deps.accounts.get(accountId);
      // An account that is not ours is a bug: never let its posts out.
      if (account === undefined) return Promise.resolve(this.refuse(requestId, accountId, undefined, post, 'unknown-account'));
      const identity = posterIdentity(post, headers, context.sessionIdentity ?? null, this.deps.hash);
      if (context.details !== undefined && context.details.length > 0) post = { ...post, details: [...(post.details ?? []), ...context.details] };
      const hits = findPostWatchWords(post.parts, account.watchWords);
      const mismatch = this.identities.mismatch(account.id, identity) !== null;
      const verdict = holdVerdict(account.gate, post, { watchWordHit: hits.length > 0, identityMismatch: mismatch });
      // Remembered even when not held, so a reply from an ungated account is still timed.
      remember(this.tracked, requestId, { account, post, released: !verdict.hold, audited: verdict.hold }, MAX_TRACKED_REQUESTS);
      if (!verdict.hold) return Promise.resolve('continue');
      const media = claimPostMedia(this.deps.media, account.id, post, context.request, (error) => this.report('media', error));
      return this.enqueue({
        requestId,
        account,
        post,
        identity,
        hits,
        mode: verdict.mode,
        delayMs: verdict.delayMs,
        escalatedBecause: verdict.escalatedBecause,
        startedAt,
        media,
      });
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
    startedAt: number;
    media: ClaimedMedia | null;
  }): Promise<Outcome> {
    const now = this.deps.clock.now();
    const delayUntil = h.mode === 'delay' && h.delayMs !== null ? now + h.delayMs : null;
    const expiresAt = delayUntil ?? h.startedAt + this.readSettings().timeoutMs;
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
      media: h.media,
      timer: undefined,
      resolve,
    };
    this.pending.push(held);
    this.byId.set(held.id, held);
    this.byRequest.set(held.requestId, held);
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
    if (this.byRequest.get(held.requestId) === held) this.byRequest.delete(held.requestId);
    const media = held.media;
    // Sent: its uploads are dropped. Not sent: they are handed back (within the budget), since the
    // site keeps the draft and a retry names the same uploads, which should not lose their preview.
    if (media !== null) this.safely('media', () => (next.outcome === 'continue' ? this.deps.media?.release(media) : this.deps.media?.unclaim(media)));
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
    this.auditor.write({ requestId, pendingId, accountId: account.id, account, post, decision, via, reason: why, identity });
    if (emit) this.emit();
    return next;
  }

  private failAll(reason: string): void {
    const all = [...this.pending];
    for (const held of all) this.settle(held, { kind: 'fail' }, reason, false);
    if (all.length > 0) this.emit();
  }

  /** A publishing request refused (or abandoned by the site) before it could be held. */
  private refuse(
    requestId: string,
    accountId: string,
    account: Account | undefined,
    post: ClassifiedPost | undefined,
    reason: string,
    decision?: 'aborted',
  ): 'cancel' {
    this.tracked.delete(requestId);
    this.auditor.refusal({ requestId, accountId, account, post, reason, decision: decision ?? 'failed-closed' });
    return 'cancel';
  }

  /** The site gave up on a request while it was read: a post is audited as aborted, nothing is held. */
  private abortedWhileRead(accountId: string, requestId: string, request: OutgoingRequest | null, error: string): 'cancel' {
    const verdict = request === null ? null : classifySafely(this.deps.classify, request, this.contextOf(accountId));
    if (verdict !== null && 'error' in verdict) this.report('classify', verdict.error);
    const post = verdict !== null && 'classification' in verdict && verdict.classification.gated ? verdict.classification : null;
    if (post === null) return 'cancel';
    return this.refuse(requestId, accountId, this.auditor.account(accountId), post, `aborted by the site: ${error}`, 'aborted');
  }

  private classifyFailed(accountId: string, requestId: string, request: OutgoingRequest, error: unknown): Outcome {
    this.report('classify', error);
    if (isSafeRequest(request)) return 'continue';
    return this.refuse(requestId, accountId, this.auditor.account(accountId), undefined, `classify-error: ${messageOf(error)}`);
  }

  /** An upload the site makes before a post: kept (by reference, in memory) so the post's dialog can show it. */
  private captureMedia(accountId: string, request: OutgoingRequest): void {
    const store = this.deps.media;
    if (store === undefined) return;
    this.safely('media', () => {
      const account = this.deps.accounts.get(accountId);
      if (account !== undefined) store.capture(accountId, account.platform, request);
    });
  }

  /**
   * The classifier's context for a request of `accountId`'s session. Undefined (every Fediverse rule
   * applies everywhere: more is held, nothing escapes) when the account is unknown or the lookup fails.
   */
  private contextOf(accountId: string): ClassifyContext | undefined {
    try {
      const account = this.deps.accounts.get(accountId);
      return account === undefined ? undefined : sessionContext(account, this.fediverse.of(accountId));
    } catch (error) {
      this.report('context', error);
      return undefined;
    }
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

  private answer(transitionResult: Transition): DecideAnswer {
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
