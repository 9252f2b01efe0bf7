// The account views against the Electron fake: covers, focus, crashes, navigation guard, shortcuts, popups, title, teardown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedAccount } from '../services/accounts/fixtures.ts';
import { ElectronFake, FakeBaseWindow, FakeEvent, FakeWebContents, type FakeWebContentsView } from './electron-fake.ts';

const holder = vi.hoisted(() => ({ fake: null as unknown }));
vi.mock('electron', () => (holder.fake as ElectronFake).module);
holder.fake = new ElectronFake();

const { ViewManager } = await import('../../../electron/main/shell/view-manager.ts');

const personal = storedAccount(1, { name: 'Ada', handle: 'ada', kind: 'personal', startUrl: 'https://x.com/home', platform: 'x' });
const brand = storedAccount(2, { name: 'Acme', handle: 'acme', kind: 'brand', startUrl: 'https://mastodon.social/home', platform: 'mastodon' });

interface World {
  fake: ElectronFake;
  window: FakeBaseWindow;
  ui: FakeWebContents;
  views: InstanceType<typeof ViewManager>;
  cancelled: Array<{ accountId: string; reason: string }>;
  stopped: string[][];
  shortcuts: number[];
  locale: { value: string };
}

function world(): World {
  const fake = holder.fake as ElectronFake;
  const window = new FakeBaseWindow(fake, { title: 'Hatrack' });
  const ui = new FakeWebContents(fake, fake.session.fromPartition(''));
  const cancelled: World['cancelled'] = [];
  const stopped: string[][] = [];
  const shortcuts: number[] = [];
  const locale = { value: 'en' };
  const gate = {
    intercept: async () => 'continue' as const,
    interceptRead: async () => 'continue' as const,
    completed: () => undefined,
    failed: () => undefined,
    mightPublish: () => true,
  };
  const views = new ViewManager(window as never, gate, {
    hibernateMs: () => 600_000,
    onShortcut: (index) => shortcuts.push(index),
    locale: () => locale.value,
    ui: () => ui as never,
    onStoppedChanged: (ids) => stopped.push(ids),
    cancelHeldOf: (accountId, reason) => cancelled.push({ accountId, reason }),
    report: (where, error) => {
      throw new Error(`unexpected report from ${where}: ${String(error)}`);
    },
  });
  views.accountsChanged([personal, brand]);
  return { fake, window, ui, views, cancelled, stopped, shortcuts, locale };
}

function viewOf(w: World, account: { startUrl: string }): FakeWebContentsView {
  const view = w.window.children.find((child) => child.webContents.loads[0] === account.startUrl);
  if (!view) throw new Error(`no view for ${account.startUrl}`);
  return view;
}

let w: World;
beforeEach(() => {
  // One fake per file (the mocked module is bound to it); what the tests read is reset.
  const fake = holder.fake as ElectronFake;
  fake.opened.length = 0;
  fake.focusedContents = null;
  w = world();
});

describe('the covered state is a set of owners', () => {
  it('keeps the account page hidden while the dashboard is open, after a modal over it closes', () => {
    w.views.show(brand);
    const page = viewOf(w, brand);
    w.views.setCovered('ui:dashboard', true);
    w.views.setCovered('ui:modal:r1', true);
    w.views.setCovered('ui:modal:r1', false);
    expect(page.visible).toBe(false);
    w.views.setCovered('ui:dashboard', false);
    expect(page.visible).toBe(true);
  });

  it('keeps it hidden under the dashboard when the gate queue empties', () => {
    w.views.show(brand);
    const page = viewOf(w, brand);
    w.views.setCovered('ui:dashboard', true);
    w.views.setCovered('gate', true);
    w.views.setCovered('gate', false);
    expect(page.visible).toBe(false);
  });

  it('loses the UI owners when the app UI reloads, never the gate', () => {
    w.views.show(brand);
    w.views.setCovered('ui:dashboard', true);
    w.views.setCovered('gate', true);
    w.views.uiReset();
    expect(viewOf(w, brand).visible).toBe(false);
    w.views.setCovered('gate', false);
    expect(viewOf(w, brand).visible).toBe(true);
  });
});

describe('focus', () => {
  it('moves into the app UI when a dialog covers the view, and back to the site when the last one closes', () => {
    w.views.show(brand);
    w.views.setCovered('gate', true);
    expect(w.fake.focusedContents).toBe(w.ui);
    w.views.setCovered('gate', false);
    expect(w.fake.focusedContents).toBe(viewOf(w, brand).webContents);
  });

  it('gives the keyboard to the site view when switching accounts', () => {
    w.views.show(personal);
    w.views.show(brand);
    expect(w.fake.focusedContents).toBe(viewOf(w, brand).webContents);
  });
});

describe('a crashed account page', () => {
  it('cancels its held posts, hides the view and tells the renderer; Reload brings a fresh page', () => {
    w.views.show(brand);
    const crashed = viewOf(w, brand);
    crashed.webContents.crash('oom');
    expect(w.cancelled).toEqual([{ accountId: brand.id, reason: 'account page stopped: oom' }]);
    expect(crashed.visible).toBe(false);
    expect(w.stopped.at(-1)).toEqual([brand.id]);
    expect(w.views.stoppedViews()).toEqual([brand.id]);

    w.views.reloadView(brand.id);
    expect(crashed.webContents.isDestroyed()).toBe(true);
    const fresh = viewOf(w, brand);
    expect(fresh).not.toBe(crashed);
    expect(fresh.visible).toBe(true);
    expect(w.stopped.at(-1)).toEqual([]);
  });
});

describe('navigation guard', () => {
  it('guards the main frame only: blob: and about:srcdoc subframes load, a javascript: main frame does not', () => {
    w.views.show(brand);
    const contents = viewOf(w, brand).webContents;
    const navigate = (url: string, isMainFrame: boolean) => {
      const event = Object.assign(new FakeEvent(), { url, isMainFrame });
      contents.emit('will-frame-navigate', event);
      return event.defaultPrevented;
    };
    expect(navigate('blob:https://mastodon.social/1b2c', false)).toBe(false);
    expect(navigate('about:srcdoc', false)).toBe(false);
    expect(navigate('javascript:alert(1)', true)).toBe(true);
    expect(navigate('https://mastodon.social/@acme', true)).toBe(false);
  });
});

describe('Ctrl/Cmd+1…9 in a site', () => {
  it('matches the physical key, so AZERTY (key "&" on Digit1) switches too', () => {
    w.views.show(brand);
    const contents = viewOf(w, brand).webContents;
    const press = (input: Record<string, unknown>) => {
      const event = new FakeEvent();
      contents.emit('before-input-event', event, { type: 'keyDown', shift: false, alt: false, control: false, meta: false, ...input });
      return event.defaultPrevented;
    };
    expect(press({ key: '&', code: 'Digit1', control: true })).toBe(true);
    expect(press({ key: 'é', code: 'Digit2', meta: true })).toBe(true);
    expect(press({ key: '1', code: 'Digit1', control: true, alt: true })).toBe(false);
    expect(press({ key: 'a', code: 'KeyA', control: true })).toBe(false);
    expect(w.shortcuts).toEqual([0, 1]);
  });
});

describe('sign-in popups', () => {
  const login = 'https://accounts.google.com/o/oauth2/auth?client_id=1';

  it('loads the URL itself when Electron gives no guest (target=_blank, noopener, middle click)', () => {
    w.views.show(brand);
    const { created } = viewOf(w, brand).webContents.openWindow(login, { noopener: true });
    expect(created?.loads).toEqual([login]);
    expect(created?.session).toBe(viewOf(w, brand).webContents.session);
  });

  it('adopts the guest Electron created for a scripted window.open', () => {
    w.views.show(brand);
    const { created } = viewOf(w, brand).webContents.openWindow(login, { noopener: false });
    expect(created?.url).toBe(login);
    expect(created?.loads).toEqual([]);
  });

  it('disposes a popup the site closes itself without touching destroyed objects', () => {
    w.views.show(brand);
    const { created } = viewOf(w, brand).webContents.openWindow(login, { noopener: false });
    const popup = w.fake.windows.at(-1) as FakeBaseWindow;
    created?.close();
    expect(popup.isDestroyed()).toBe(true);
    expect(popup.children.every((view) => view.webContents.isDestroyed())).toBe(true);
  });

  it('disposes a popup the user closes (destroyed by the time "closed" fires)', () => {
    w.views.show(brand);
    const { created } = viewOf(w, brand).webContents.openWindow(login, { noopener: true });
    const popup = w.fake.windows.at(-1) as FakeBaseWindow;
    popup.close();
    expect(created?.isDestroyed()).toBe(true);
  });

  it('sends other https links to the OS browser and opens no window', () => {
    w.views.show(brand);
    const before = w.fake.windows.length;
    viewOf(w, brand).webContents.openWindow('https://example.com/article', { noopener: true });
    expect(w.fake.opened).toEqual(['https://example.com/article']);
    expect(w.fake.windows.length).toBe(before);
  });
});

describe('the window title', () => {
  it('is set on the BaseWindow, in the UI language', () => {
    w.views.show(brand);
    expect(w.window.title).toBe('Acme (@acme) · Mastodon · BRAND — Hatrack');
    w.locale.value = 'fr';
    w.views.accountsChanged([personal, brand]);
    expect(w.window.title).toBe('Acme (@acme) · Mastodon · MARQUE — Hatrack');
  });
});

describe('bounds', () => {
  it('scales the slot the renderer measured by the app UI zoom, so frame and page line up', () => {
    w.views.show(brand);
    w.ui.zoomFactor = 1.25;
    w.views.setViewBounds({ x: 80, y: 48, width: 800, height: 600 });
    expect(viewOf(w, brand).bounds).toEqual({ x: 100, y: 60, width: 1000, height: 750 });
  });
});

describe('the View menu zoom', () => {
  it('zooms the active site, not the app UI', () => {
    w.views.show(brand);
    w.views.zoomActive('in');
    expect(viewOf(w, brand).webContents.zoomFactor).toBeCloseTo(1.1);
    expect(w.ui.zoomFactor).toBe(1);
    w.views.zoomActive('reset');
    expect(viewOf(w, brand).webContents.zoomFactor).toBe(1);
  });

  it('zooms a site on Ctrl+wheel (zoom-changed), which Electron does not apply by itself', () => {
    w.views.show(brand);
    const contents = viewOf(w, brand).webContents;
    contents.emit('zoom-changed', new FakeEvent(), 'out');
    expect(contents.zoomFactor).toBeCloseTo(0.9);
    expect(w.ui.zoomFactor).toBe(1);
  });
});

describe('teardown', () => {
  it('removes every view while the window exists and cancels their held posts', () => {
    w.views.show(personal);
    w.views.show(brand);
    const pages = w.window.children.map((view) => view.webContents);
    expect(pages).toHaveLength(2);
    w.views.dispose();
    expect(w.window.children).toEqual([]);
    expect(pages.every((page) => page.isDestroyed())).toBe(true);
    expect(w.cancelled.map((c) => c.accountId).sort()).toEqual([personal.id, brand.id].sort());
  });

  it('never touches a window that is already destroyed ("closed" comes after MarkDestroyed)', () => {
    w.views.show(brand);
    w.window.destroy();
    expect(() => w.views.dispose()).not.toThrow();
    expect(() => w.views.show(personal)).not.toThrow();
  });
});
