// A fake of the slice of Electron 45 the shell uses, encoding the behaviours that surprised us; each cites its source.
import { EventEmitter } from 'node:events';

/**
 * Calling a method of a destroyed BaseWindow or WebContents throws "Object has been destroyed"
 * (gin_helper::TrackableObject / Destroyable; electron.d.ts documents `isDestroyed()` on both).
 */
function alive(destroyed: boolean, what: string): void {
  if (destroyed) throw new TypeError(`Object has been destroyed (${what})`);
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Listener = unknown;

/** Electron's `Event` passed to listeners: preventDefault and defaultPrevented. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebRequest {
  /**
   * ONE listener per event and session: Electron stores `(*listeners)[event] = {filter, listener}`,
   * so a second registration replaces the first (shell/browser/api/electron_api_web_request.cc,
   * WebRequest::SetListener; electron.d.ts line 20627 `onBeforeRequest(filter, listener)`).
   */
  readonly listeners = new Map<string, { filter: { urls: string[]; types?: string[] } | null; listener: Listener }>();
  registrations = 0;

  private set(event: string, a: unknown, b?: unknown): void {
    this.registrations++;
    const [filter, listener] = typeof a === 'function' ? [null, a as Listener] : [a as { urls: string[]; types?: string[] }, b as Listener];
    // Electron throws on a type it does not know, 'other' included ("Invalid type other").
    for (const type of filter?.types ?? []) if (!FILTER_TYPES.has(type)) throw new TypeError(`Invalid type ${type}`);
    this.listeners.set(event, { filter, listener });
  }
  onBeforeRequest(a: unknown, b?: unknown): void {
    this.set('onBeforeRequest', a, b);
  }
  onBeforeSendHeaders(a: unknown, b?: unknown): void {
    this.set('onBeforeSendHeaders', a, b);
  }
  onCompleted(a: unknown, b?: unknown): void {
    this.set('onCompleted', a, b);
  }
  onErrorOccurred(a: unknown, b?: unknown): void {
    this.set('onErrorOccurred', a, b);
  }

  /** Whether a request of `resourceType` at `url` reaches the listener of `event` (RequestFilter::MatchesRequest). */
  matches(event: string, url: string, resourceType: string): boolean {
    const entry = this.listeners.get(event);
    if (!entry) return false;
    if (!entry.filter) return true;
    const types = entry.filter.types ?? [];
    if (types.length > 0 && !types.includes(resourceType)) return false;
    return entry.filter.urls.some((pattern) => matchPattern(pattern, url));
  }

  /**
   * Runs onBeforeRequest, then (for http and https only, as Chromium's proxying URL loader factory does)
   * onBeforeSendHeaders, as the network service would; resolves with whether the request was cancelled,
   * or 'not-seen' when no listener's filter matched.
   */
  async request(details: {
    id: number;
    url: string;
    method: string;
    resourceType: string;
    uploadData?: unknown[];
    requestHeaders?: Record<string, string>;
  }): Promise<{ cancel: boolean } | 'not-seen'> {
    if (!this.matches('onBeforeRequest', details.url, details.resourceType)) return 'not-seen';
    const first = await this.run('onBeforeRequest', details);
    if (first.cancel === true) return { cancel: true };
    if (!/^(https?|wss?):/.test(details.url) || !this.matches('onBeforeSendHeaders', details.url, details.resourceType)) return { cancel: false };
    const second = await this.run('onBeforeSendHeaders', { ...details, requestHeaders: details.requestHeaders ?? {} });
    return { cancel: second.cancel === true };
  }

  private run(event: string, details: unknown): Promise<{ cancel?: boolean }> {
    const { listener } = this.listeners.get(event) as unknown as { listener: (d: unknown, cb: (r: { cancel?: boolean }) => void) => void };
    return new Promise((resolve) => listener(details, resolve));
  }

  /** A request completed: onCompleted gets its id, method, final URL and status (electron.d.ts OnCompletedListenerDetails). */
  complete(details: { id: number; url: string; method: string; resourceType: string; statusCode: number }): void {
    if (!this.matches('onCompleted', details.url, details.resourceType)) return;
    const { listener } = this.listeners.get('onCompleted') as unknown as { listener: (d: unknown) => void };
    listener(details);
  }

  /**
   * A held request the page aborted (or whose view closed): Electron erases the blocked request and emits
   * onErrorOccurred with `error: 'net::ERR_ABORTED'` (WebRequest::OnErrorOccurred; electron.d.ts
   * OnErrorOccurredListenerDetails.error); the pending onBeforeRequest callback then goes nowhere.
   */
  abort(details: { id: number; url: string; resourceType: string }, error = 'net::ERR_ABORTED'): void {
    if (!this.matches('onErrorOccurred', details.url, details.resourceType)) return;
    const { listener } = this.listeners.get('onErrorOccurred') as unknown as { listener: (d: unknown) => void };
    listener({ ...details, error });
  }
}

const FILTER_TYPES = new Set(['mainFrame', 'subFrame', 'stylesheet', 'script', 'image', 'font', 'object', 'xhr', 'ping', 'cspReport', 'media', 'webSocket']);

function matchPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?|wss?):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  const parsed = new URL(url);
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https', 'ws', 'wss'].includes(protocol) : scheme !== protocol) return false;
  if (host !== '*' && parsed.hostname !== host) return false;
  return new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(parsed.pathname + parsed.search);
}

export class FakeSession {
  readonly webRequest = new FakeWebRequest();
  readonly blobs = new Map<string, Uint8Array | Promise<Uint8Array>>();
  readonly cookieJar: Array<{ url: string; name: string; value: string }> = [];
  userAgent = 'Mozilla/5.0 Chrome/140.0.0.0 Electron/45.5.0 hatrack/0.1.0 Safari/537.36';
  cleared: string[] = [];
  /** session.cookies: `get` and the 'changed' event (electron.d.ts Cookies, event 'changed'(event, cookie, cause, removed)). */
  readonly cookies = Object.assign(new EventEmitter(), {
    get: async (filter: { url: string; name: string }) => this.cookieJar.filter((cookie) => cookie.name === filter.name && filter.url.startsWith(cookie.url)),
  });
  constructor(readonly partition: string) {}
  /** session.getBlobData(identifier): Promise<Buffer> (electron.d.ts line 14070). */
  getBlobData(uuid: string): Promise<Uint8Array> {
    const blob = this.blobs.get(uuid);
    return blob === undefined ? Promise.reject(new Error(`no blob ${uuid}`)) : Promise.resolve(blob);
  }
  setUserAgent(agent: string): void {
    this.userAgent = agent;
  }
  getUserAgent(): string {
    return this.userAgent;
  }
  setPermissionRequestHandler(): void {}
  setPermissionCheckHandler(): void {}
  on(): this {
    return this;
  }
  async clearStorageData(): Promise<void> {
    this.cleared.push('storage');
  }
  async clearCache(): Promise<void> {
    this.cleared.push('cache');
  }
  async clearAuthCache(): Promise<void> {
    this.cleared.push('auth');
  }
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  destroyed = false;
  url = '';
  loads: string[] = [];
  reloads = 0;
  focused = 0;
  zoomFactor = 1;
  sent: Array<{ channel: string; payload: unknown }> = [];
  openHandler: ((details: { url: string; disposition: string }) => unknown) | null = null;
  constructor(
    readonly fake: ElectronFake,
    readonly session: FakeSession,
  ) {
    super();
    fake.allContents.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    alive(this.destroyed, 'webContents.loadURL');
    this.url = url;
    this.loads.push(url);
    return Promise.resolve();
  }
  reload(): void {
    alive(this.destroyed, 'webContents.reload');
    this.reloads++;
  }
  focus(): void {
    alive(this.destroyed, 'webContents.focus');
    this.focused++;
    this.fake.focusedContents = this;
  }
  send(channel: string, payload: unknown): void {
    alive(this.destroyed, 'webContents.send');
    this.sent.push({ channel, payload });
  }
  getZoomFactor(): number {
    return this.zoomFactor;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  setVisualZoomLevelLimits(): Promise<void> {
    return Promise.resolve();
  }
  setWindowOpenHandler(handler: (details: { url: string; disposition: string }) => unknown): void {
    this.openHandler = handler;
  }
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** The renderer process died (electron.d.ts line 18452, 'render-process-gone'). */
  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode: 1 });
  }

  /**
   * window.open / target=_blank / middle click. Electron's guest-window-manager passes
   * `{ webContents: guest, ...options }` to `createWindow`; for a link opened with noopener,
   * target=_blank or a middle click (OpenURLFromTab) there is NO guest, nothing loads the URL, and
   * no 'did-create-window' is emitted (electron.d.ts line 21570, WindowOpenHandlerResponse.createWindow;
   * lib/browser/guest-window-manager.ts). With a guest, returning any other WebContents throws
   * "Invalid webContents. Created window should be connected to webContents passed with options object."
   */
  openWindow(url: string, opts: { noopener: boolean; disposition?: string }): { response: unknown; created: FakeWebContents | null } {
    const response = this.openHandler?.({ url, disposition: opts.disposition ?? 'foreground-tab' }) as
      | {
          action: 'allow' | 'deny';
          overrideBrowserWindowOptions?: { webPreferences?: { session?: FakeSession } };
          createWindow?: (o: unknown) => FakeWebContents;
        }
      | undefined;
    if (!response || response.action !== 'allow') return { response, created: null };
    const guest = opts.noopener ? undefined : new FakeWebContents(this.fake, this.session);
    if (guest) guest.url = url;
    const options = { ...(response.overrideBrowserWindowOptions ?? {}), webContents: guest };
    if (!response.createWindow) return { response, created: guest ?? null };
    const created = response.createWindow(options);
    if (guest && created !== guest) throw new Error('Invalid webContents. Created window should be connected to webContents passed with options object.');
    return { response, created };
  }
}

export class FakeWebContentsView {
  readonly webContents: FakeWebContents;
  bounds: Bounds = { x: 0, y: 0, width: 0, height: 0 };
  visible = true;
  constructor(fake: ElectronFake, options: { webPreferences?: { session?: FakeSession; partition?: string }; webContents?: FakeWebContents } = {}) {
    this.webContents =
      options.webContents ?? new FakeWebContents(fake, options.webPreferences?.session ?? fake.session.fromPartition(options.webPreferences?.partition ?? ''));
  }
  setBounds(bounds: Bounds): void {
    this.bounds = { ...bounds };
  }
  getBounds(): Bounds {
    return { ...this.bounds };
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
  }
  getVisible(): boolean {
    return this.visible;
  }
}

export class FakeBaseWindow extends EventEmitter {
  destroyed = false;
  title: string;
  focusCount = 0;
  size: [number, number];
  readonly children: FakeWebContentsView[] = [];
  readonly contentView = {
    addChildView: (view: FakeWebContentsView) => {
      alive(this.destroyed, 'contentView.addChildView');
      const at = this.children.indexOf(view);
      if (at >= 0) this.children.splice(at, 1);
      this.children.push(view);
    },
    removeChildView: (view: FakeWebContentsView) => {
      alive(this.destroyed, 'contentView.removeChildView');
      const at = this.children.indexOf(view);
      if (at >= 0) this.children.splice(at, 1);
    },
  };
  constructor(
    readonly fake: ElectronFake,
    readonly options: { width?: number; height?: number; title?: string } = {},
  ) {
    super();
    this.title = options.title ?? '';
    this.size = [options.width ?? 800, options.height ?? 600];
    fake.windows.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    alive(this.destroyed, 'setTitle');
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  getContentSize(): [number, number] {
    alive(this.destroyed, 'getContentSize');
    return this.size;
  }
  focus(): void {
    alive(this.destroyed, 'focus');
    this.focusCount++;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  /**
   * 'close' (preventable) while the window exists; then the window is MARKED DESTROYED before 'closed'
   * is emitted (shell/browser/api/electron_api_base_window.cc, BaseWindow::OnWindowClosed:
   * `MarkDestroyed(); Emit("closed");`; electron.d.ts line 2640 "avoid using it any more").
   */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

/** app: quit runs before-quit, closes every window, then will-quit (preventable); exit ends at once. */
export class FakeApp extends EventEmitter {
  exitCode: number | null = null;
  quitRequests = 0;
  constructor(private readonly fake: ElectronFake) {
    super();
  }
  quit(): void {
    if (this.exitCode !== null) return;
    this.quitRequests++;
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of [...this.fake.windows]) window.close();
    if (this.fake.windows.some((window) => !window.destroyed)) return;
    const willQuit = new FakeEvent();
    // electron.d.ts line 1091: will-quit, preventDefault keeps the app alive.
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.exitCode = 0;
  }
  /** app.exit: no before-quit / will-quit (electron.d.ts, App.exit). */
  exit(code = 0): void {
    this.exitCode = code;
  }
}

/** Everything a test needs, wired together; pass `fake.module` to vi.mock('electron'). */
export class ElectronFake {
  readonly windows: FakeBaseWindow[] = [];
  readonly allContents: FakeWebContents[] = [];
  readonly partitions = new Map<string, FakeSession>();
  readonly opened: string[] = [];
  focusedContents: FakeWebContents | null = null;
  menu: unknown = undefined;
  readonly app = new FakeApp(this);
  readonly session = {
    fromPartition: (partition: string): FakeSession => {
      let ses = this.partitions.get(partition);
      if (!ses) {
        ses = new FakeSession(partition);
        this.partitions.set(partition, ses);
      }
      return ses;
    },
  };

  get module(): Record<string, unknown> {
    return electronModule(this);
  }
}

/** The `electron` module as the shell imports it, backed by `fake`. */
function electronModule(fake: ElectronFake): Record<string, unknown> {
  {
    return {
      app: fake.app,
      session: fake.session,
      BaseWindow: class extends FakeBaseWindow {
        constructor(options?: { width?: number; height?: number; title?: string }) {
          super(fake, options);
        }
      },
      WebContentsView: class extends FakeWebContentsView {
        constructor(options?: { webPreferences?: { session?: FakeSession }; webContents?: FakeWebContents }) {
          super(fake, options);
        }
      },
      shell: {
        openExternal: async (url: string) => {
          fake.opened.push(url);
        },
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (menu: unknown) => {
          fake.menu = menu;
        },
      },
    };
  }
}

/**
 * The uploadData parts Electron 45 builds (shell/common/gin_converters/net_converter.cc,
 * Converter<network::ResourceRequestBody>::ToV8). electron.d.ts line 16577 types every part as
 * `{ bytes: Buffer; blobUUID?; file? }`, but only a raw-data part has `bytes`; a streamed body
 * (a ReadableStream passed to fetch) has none of the three.
 */
export const uploadPart = {
  rawData: (bytes: Uint8Array) => ({ type: 'rawData', bytes }),
  file: (path: string) => ({ type: 'file', file: path, filePath: path, offset: 0, length: -1, modificationTime: 0 }),
  blob: (uuid: string) => ({ type: 'blob', blobUUID: uuid }),
  stream: () => ({ type: 'stream' }),
};
