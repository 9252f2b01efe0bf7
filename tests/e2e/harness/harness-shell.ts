// The test stand-in for Electron's ViewManager: one Playwright BrowserContext per account partition,
// its requests routed through the same RequestGate the webRequest adapter calls.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { Account } from '../../../shared/accounts/account.ts';
import type { ViewBounds } from '../../../shared/ipc/contract.ts';
import type { ShellPort } from '../../../electron/main/services/accounts/account-service.ts';
import { identityFromTwid } from '../../../shared/platforms/x.ts';
import { NEVER_PUBLISHING_METHODS, type RequestGate } from '../../../electron/main/services/request-gate.ts';
import { FIXTURE_HOSTS } from './chromium.ts';

interface AccountView {
  context: BrowserContext;
  page: Page;
}

export class HarnessShell implements ShellPort {
  readonly views = new Map<string, Promise<AccountView>>();
  visibleId: string | null = null;
  bounds: ViewBounds | null = null;
  covered = false;
  title = 'Hatrack';
  private accounts: readonly Account[] = [];
  private nextRequest = 0;

  constructor(
    private readonly browser: Browser,
    private readonly partitionsDir: string,
    private readonly gate: () => RequestGate,
  ) {
    mkdirSync(partitionsDir, { recursive: true });
  }

  show(account: Account | null): void {
    this.visibleId = account?.id ?? null;
    this.title = account ? `${account.name} (@${account.handle})` : 'Hatrack';
    if (account && !this.views.has(account.id)) this.views.set(account.id, this.open(account));
  }

  async forget(account: Account): Promise<void> {
    const view = this.views.get(account.id);
    this.views.delete(account.id);
    if (view) await (await view).context.close();
    rmSync(this.storageFile(account), { force: true });
  }

  accountsChanged(accounts: readonly Account[]): void {
    this.accounts = accounts;
  }

  setViewBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
  }

  setCovered(covered: boolean): void {
    this.covered = covered;
  }

  async page(accountId: string): Promise<Page> {
    const view = this.views.get(accountId);
    if (!view) throw new Error(`no view for account ${accountId}`);
    return (await view).page;
  }

  /** Persists each partition's cookies and storage, as Electron's persist: partitions do. */
  async close(): Promise<void> {
    for (const [id, pending] of this.views) {
      const view = await pending;
      const account = this.accounts.find((candidate) => candidate.id === id);
      if (account) await view.context.storageState({ path: this.storageFile(account) });
      await view.context.close();
    }
    this.views.clear();
  }

  private storageFile(account: Account): string {
    return join(this.partitionsDir, `${account.partition.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  private async open(account: Account): Promise<AccountView> {
    const storage = this.storageFile(account);
    const context = await this.browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 900, height: 600 },
      ...(existsSync(storage) ? { storageState: storage } : {}),
    });
    await this.routeThroughGate(context, account.id);
    const page = await context.newPage();
    // Only fixture sites are loaded: nothing leaves this machine.
    const start = new URL(account.startUrl);
    if ((FIXTURE_HOSTS as readonly string[]).includes(start.hostname) && start.port !== '') await page.goto(account.startUrl);
    return { context, page };
  }

  /** The Playwright twin of the webRequest dispatcher in electron/main/shell/account-session.ts. */
  private async routeThroughGate(context: BrowserContext, accountId: string): Promise<void> {
    const ids = new WeakMap<Request, string>();
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (NEVER_PUBLISHING_METHODS.has(request.method())) return route.continue();
      const requestId = `pw-${++this.nextRequest}`;
      ids.set(request, requestId);
      const cookies = await context.cookies(request.url());
      const sessionIdentity = identityFromTwid(cookies.find((cookie) => cookie.name === 'twid')?.value);
      const verdict = await this.gate()
        .intercept(accountId, requestId, { method: request.method(), url: request.url(), body: request.postDataBuffer() }, { sessionIdentity })
        .catch(() => 'cancel' as const);
      if (verdict === 'continue') await route.continue();
      else await route.abort('blockedbyclient');
    });
    context.on('requestfinished', (request) => {
      const id = ids.get(request);
      // The context may close before the response is read (the test ended): nothing left to record then.
      if (id) request.response().then((response) => response && this.gate().completed(id, response.status()), () => undefined);
    });
    context.on('requestfailed', (request) => {
      const id = ids.get(request);
      if (id) this.gate().failed(id, request.failure()?.errorText ?? 'failed');
    });
  }
}
