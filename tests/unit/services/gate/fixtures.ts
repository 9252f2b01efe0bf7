// Test doubles for the gate service: a manual clock, fake accounts and classifier, recorded side effects.
import { vi } from 'vitest';
import { defaultGatePolicy, type Account, type GatePolicy } from '../../../../shared/accounts/account.ts';
import type { Classification, ClassifiedPost, OutgoingRequest, PostPart } from '../../../../shared/gate/types.ts';
import type { PendingPostView } from '../../../../shared/gate/pending.ts';
import { GateService } from '../../../../electron/main/services/gate/gate-service.ts';
import type { GateAuditInput, GateDeps, GateSettings } from '../../../../electron/main/services/gate/types.ts';

/** A clock whose timers fire only when the test advances it. */
export class ManualClock {
  time = Date.UTC(2025, 0, 15, 9, 0, 0);
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextHandle = 1;
  now = (): number => this.time;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, fn });
    return handle;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };
  pendingTimers(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = until;
  }
}

export function account(overrides: Partial<Account> & { id: string }): Account {
  const kind = overrides.kind ?? 'brand';
  return {
    partition: `persist:account-${overrides.id}`,
    name: 'Acme Brand',
    handle: 'acme',
    platform: 'x',
    startUrl: 'https://x.com/home',
    kind,
    color: '#ff0066',
    gate: defaultGatePolicy(kind),
    watchWords: [],
    targetMinutes: 15,
    notifications: true,
    hibernate: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function policy(mode: GatePolicy['mode'], delaySeconds = 10): GatePolicy {
  return { ...defaultGatePolicy('brand'), mode, delaySeconds };
}

export function part(text: string | null, extra: Partial<PostPart> = {}): PostPart {
  return { text, mediaCount: 0, replyToId: null, quotedId: null, ...extra };
}

export function post(overrides: Partial<ClassifiedPost> = {}): ClassifiedPost {
  return { platform: 'x', rule: 'x.graphql.CreateTweet', action: 'post', parts: [part('hello world')], readable: true, identity: null, ...overrides };
}

/** A request whose body is the JSON of the post the fake classifier returns; GET requests are never gated. */
export function request(p: ClassifiedPost | null, method = 'POST'): OutgoingRequest {
  return { method, url: 'https://x.com/i/api/graphql/abc/CreateTweet', body: p === null ? null : new TextEncoder().encode(JSON.stringify(p)) };
}

/** Classifies by decoding the body written by `request`. */
export function fakeClassify(req: OutgoingRequest): Classification {
  if (req.body === null) return { gated: false };
  const parsed = JSON.parse(new TextDecoder().decode(req.body)) as ClassifiedPost;
  return { gated: true, ...parsed };
}

export interface Harness {
  gate: GateService;
  clock: ManualClock;
  accounts: Map<string, Account>;
  audits: GateAuditInput[];
  results: Array<[string, number | null, string | null]>;
  replies: Parameters<GateDeps['replyCompleted']>[0][];
  queues: PendingPostView[][];
  settings: GateSettings;
  deps: GateDeps;
}

export function harness(accounts: Account[], overrides: Partial<GateDeps> = {}): Harness {
  const clock = new ManualClock();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const audits: GateAuditInput[] = [];
  const results: Harness['results'] = [];
  const replies: Harness['replies'] = [];
  const queues: PendingPostView[][] = [];
  const settings: GateSettings = { timeoutMs: 120_000, storeText: true };
  let id = 0;
  const deps: GateDeps = {
    accounts: { get: (accountId) => byId.get(accountId) },
    classify: fakeClassify,
    clock,
    settings: () => settings,
    audit: (entry) => audits.push(entry),
    auditResult: (requestId, status, error) => results.push([requestId, status, error]),
    replyCompleted: (reply) => replies.push(reply),
    emitQueue: (queue) => queues.push(queue),
    newId: () => `p${++id}`,
    hash: (text) => `hash(${text})`,
    ...overrides,
  };
  return { gate: new GateService(deps), clock, accounts: byId, audits, results, replies, queues, settings, deps };
}

/** Records how a promise settled, so tests can check it has not settled yet. */
export function track<T>(promise: Promise<T>): { value: T | undefined; settled: () => boolean; count: () => number } {
  const state = { value: undefined as T | undefined, n: 0 };
  promise.then((value) => {
    state.value = value;
    state.n++;
  }, vi.fn());
  return {
    get value() {
      return state.value;
    },
    settled: () => state.n > 0,
    count: () => state.n,
  };
}

/** Lets promise callbacks run. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
