// Accounts and settings as the manager edits them: create, edit, reorder, remove (wiping site data), activate.
import { accountInputSchema, defaultGatePolicy, type Account, type AccountInput, type AccountPatch } from '../../../../shared/accounts/account.ts';
import { defaultStartUrl } from '../../../../shared/accounts/platforms.ts';
import { resolveLocale, type Settings, type SettingsPatch } from '../../../../shared/accounts/settings.ts';
import type { AppState, StoreWarning, ViewBounds } from '../../../../shared/ipc/contract.ts';
import { UserError } from '../user-error.ts';
import type { AppStore } from './app-store.ts';

/** What the account service asks of the window shell (Electron views, or browser contexts in tests). */
export interface ShellPort {
  /** Show this account's view in the frame (null: none), and name it in the window title. */
  show(account: Account | null): void;
  /** Close the account's view and wipe its partition's cookies and site data. */
  forget(account: Account): Promise<void>;
  /** Accounts were edited (colours, names): refresh frames of popups and titles. */
  accountsChanged(accounts: readonly Account[]): void;
  /** Where the app renderer's frame leaves room for the account view. */
  setViewBounds(bounds: ViewBounds): void;
  /**
   * `owner` covers the view (true) or stops covering it (false); the view is hidden while any owner covers it,
   * so it can neither cover a dialog nor take its clicks. Main's owner is 'gate'; the renderer's arrive as 'ui:<id>'.
   */
  setCovered(owner: string, covered: boolean): void;
  /** "Reload" on a stopped (crashed) account page. */
  reloadView(accountId: string): void;
  /** Accounts whose page stopped and waits for Reload. */
  stoppedViews(): string[];
}

export interface AccountServiceDeps {
  store: AppStore;
  shell: ShellPort;
  emitState: (state: AppState) => void;
  newId: () => string;
  now: () => Date;
  systemLocale: string;
  warnings: StoreWarning[];
}

export class AccountService {
  private warnings: StoreWarning[];

  constructor(private readonly deps: AccountServiceDeps) {
    this.warnings = [...deps.warnings];
  }

  state(): AppState {
    const { accounts, activeId, settings } = this.deps.store.snapshot;
    return {
      accounts: [...accounts],
      activeId,
      settings,
      locale: resolveLocale(settings.locale, this.deps.systemLocale),
      warnings: [...this.warnings],
    };
  }

  get(id: string): Account | undefined {
    return this.deps.store.snapshot.accounts.find((account) => account.id === id);
  }

  active(): Account | null {
    const { activeId } = this.deps.store.snapshot;
    return activeId ? (this.get(activeId) ?? null) : null;
  }

  create(input: AccountInput): Account {
    const parsed = accountInputSchema.parse(input);
    const startUrl = defaultStartUrl(parsed.platform, parsed.instance, parsed.startUrl);
    if (!startUrl) throw new UserError(parsed.platform === 'mastodon' ? 'errors.instance' : 'errors.startUrl');
    const { id, partition } = this.mintPartition();
    const account: Account = {
      id,
      partition,
      name: parsed.name,
      handle: parsed.handle,
      platform: parsed.platform,
      ...(parsed.instance ? { instance: parsed.instance } : {}),
      startUrl,
      kind: parsed.kind,
      color: parsed.color.toLowerCase(),
      gate: defaultGatePolicy(parsed.kind),
      watchWords: [],
      targetMinutes: 60,
      notifications: false,
      hibernate: true,
      createdAt: this.deps.now().toISOString(),
    };
    this.deps.store.update((data) => ({ ...data, accounts: [...data.accounts, account], activeId: account.id }));
    this.changed();
    return account;
  }

  /**
   * A fresh uuid names both the account and its partition. It is minted here once, stored, and never
   * derived from anything else; a uuid that ever named a removed account is never handed out again.
   */
  private mintPartition(): { id: string; partition: string } {
    const { accounts, removedPartitions } = this.deps.store.snapshot;
    const taken = new Set([...accounts.map((account) => account.partition), ...removedPartitions]);
    for (;;) {
      const id = this.deps.newId();
      const partition = `persist:account-${id}`;
      if (!taken.has(partition)) return { id, partition };
    }
  }

  update(id: string, patch: AccountPatch): Account {
    const current = this.require(id);
    const { startUrl, instance, color, handle, ...rest } = patch;
    const next: Account = {
      ...current,
      ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
      ...(handle !== undefined ? { handle: handle.replace(/^@/, '') } : {}),
      ...(color !== undefined ? { color: color.toLowerCase() } : {}),
      ...(instance !== undefined ? { instance } : {}),
    } as Account;
    if (patch.kind !== undefined && patch.kind !== current.kind && patch.gate === undefined) next.gate = defaultGatePolicy(patch.kind);
    if (next.platform !== 'mastodon') delete next.instance;
    if (startUrl !== undefined || instance !== undefined || next.platform !== current.platform) {
      const url = defaultStartUrl(next.platform, next.instance, startUrl);
      if (!url) throw new UserError('errors.startUrl');
      next.startUrl = url;
    }
    this.deps.store.update((data) => ({
      ...data,
      accounts: data.accounts.map((account) => (account.id === id ? next : account)),
    }));
    this.changed();
    return next;
  }

  async remove(id: string): Promise<void> {
    const account = this.require(id);
    await this.deps.shell.forget(account);
    this.deps.store.update((data) => {
      const accounts = data.accounts.filter((candidate) => candidate.id !== id);
      const { [id]: _forgotten, ...identities } = data.identities;
      return {
        ...data,
        accounts,
        activeId: data.activeId === id ? (accounts[0]?.id ?? null) : data.activeId,
        removedPartitions: [...data.removedPartitions, account.partition],
        identities,
      };
    });
    this.changed();
  }

  /** `ids` must name every account exactly once. */
  reorder(ids: string[]): void {
    const { accounts } = this.deps.store.snapshot;
    const byId = new Map(accounts.map((account) => [account.id, account]));
    if (ids.length !== accounts.length || new Set(ids).size !== ids.length || !ids.every((id) => byId.has(id))) {
      throw new UserError('errors.reorder');
    }
    this.deps.store.update((data) => ({ ...data, accounts: ids.map((id) => byId.get(id) as Account) }));
    this.changed();
  }

  activate(id: string): void {
    this.require(id);
    this.deps.store.update((data) => ({ ...data, activeId: id }));
    this.changed();
  }

  updateSettings(patch: SettingsPatch): Settings {
    this.deps.store.update((data) => ({ ...data, settings: { ...data.settings, ...patch } }));
    this.changed();
    return this.deps.store.snapshot.settings;
  }

  dismissWarning(id: string): void {
    this.warnings = this.warnings.filter((warning) => warning.id !== id);
    this.deps.emitState(this.state());
  }

  identities(): Record<string, string> {
    return { ...this.deps.store.snapshot.identities };
  }

  rememberIdentities(identities: Record<string, string>): void {
    this.deps.store.update((data) => ({ ...data, identities: { ...identities } }));
  }

  private require(id: string): Account {
    const account = this.get(id);
    if (!account) throw new UserError('errors.unknownAccount');
    return account;
  }

  private changed(): void {
    const { accounts } = this.deps.store.snapshot;
    this.deps.shell.accountsChanged(accounts);
    this.deps.shell.show(this.active());
    this.deps.emitState(this.state());
  }
}
