// What the gate knows about each account's session for the classifier: its platform, its own server, the Fediverse hosts it has seen.
import type { Account } from '../../../../shared/accounts/account.ts';
import { classify } from '../../../../shared/gate/classify.ts';
import type { Classification, ClassifyContext, OutgoingRequest } from '../../../../shared/gate/types.ts';
import type { CustomRule } from '../../../../shared/platforms/custom-rules.ts';
import { fediverseHostOf } from '../../../../shared/platforms/mastodon.ts';
import { canonicalHost } from '../../../../shared/platforms/rule.ts';
import { remember } from './held.ts';

// Bounded: a session that visits many Fediverse servers keeps the most recent ones; accounts are few.
const MAX_HOSTS_PER_ACCOUNT = 32;
const MAX_ACCOUNTS = 256;
const NO_HOSTS: ReadonlySet<string> = new Set();

/**
 * The hosts each account's session has shown to be Fediverse servers (a 2xx answer to a probe only
 * such servers answer, see fediverseHostOf), learned from completed requests. In memory only: a
 * restarted app learns again as soon as the server's web client asks for its instance info.
 */
export class FediverseHosts {
  private readonly byAccount = new Map<string, Set<string>>();

  /** A completed request of `accountId`'s session; remembers its host when it answered as a Fediverse server. */
  learn(accountId: string, method: string, url: string, statusCode: number): void {
    const host = fediverseHostOf(method, url, statusCode);
    if (host === null) return;
    const hosts = this.byAccount.get(accountId) ?? new Set<string>();
    // Most recently seen last, so the cap drops the host seen longest ago.
    hosts.delete(host);
    hosts.add(host);
    if (hosts.size > MAX_HOSTS_PER_ACCOUNT) {
      const oldest = hosts.values().next();
      if (oldest.done !== true) hosts.delete(oldest.value);
    }
    remember(this.byAccount, accountId, hosts, MAX_ACCOUNTS);
  }

  /** The hosts learned for `accountId` (live view, do not keep). */
  of(accountId: string): ReadonlySet<string> {
    return this.byAccount.get(accountId) ?? NO_HOSTS;
  }

  /** Forgets an account's hosts (its session is gone). */
  forget(accountId: string): void {
    this.byAccount.delete(accountId);
  }
}

/** The canonical host of an http(s) URL or bare host name, or null when it has none. */
function hostOf(urlOrHost: string | undefined): string | null {
  if (urlOrHost === undefined || urlOrHost.trim() === '') return null;
  const text = urlOrHost.trim();
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
    return host === '' ? null : canonicalHost(host);
  } catch {
    return null;
  }
}

/**
 * The classifier's context for a request of `account`'s session: the Fediverse rules then apply to the
 * account's own server and to hosts its session showed to be Fediverse servers, not to every site. A
 * Mastodon account's `instance` counts too: its start URL may be another web client (Elk, Phanpy) that
 * posts to the instance's API.
 */
export function sessionContext(account: Account, learned: ReadonlySet<string>): ClassifyContext {
  const serverHost = hostOf(account.startUrl);
  const instance = account.platform === 'mastodon' ? hostOf(account.instance) : null;
  const fediverseHosts = instance === null || learned.has(instance) ? learned : new Set([...learned, instance]);
  // Handles cannot be resolved from webRequest (no response bodies): left empty, a handle is then no identity.
  return { platform: account.platform, serverHost, fediverseHosts };
}

/** The gate's classifier: built-in rules in the session's context, plus the manager's own rules. */
export function gateClassifier(customRules: () => readonly CustomRule[]): (request: OutgoingRequest, context?: ClassifyContext) => Classification {
  return (request, context) => classify(request, context === undefined ? { customRules: customRules() } : { customRules: customRules(), context });
}
