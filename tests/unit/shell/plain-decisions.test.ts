// The shell's plain decisions: covers, body assembly, app:// paths, shortcuts, popups, frames, filters, sender frames.
import { describe, expect, it } from 'vitest';
import { switchShortcutIndex } from '../../../shared/accounts/switch-shortcut.ts';
import { resolveAppPath } from '../../../electron/main/shell/app-path.ts';
import { CoverOwners } from '../../../electron/main/shell/cover-owners.ts';
import { PopupDisposer, popupSource } from '../../../electron/main/shell/popup-lifecycle.ts';
import { senderFrameOf } from '../../../electron/main/shell/sender-frame.ts';
import { blockFrameNavigation, gateRequestFilter, mightPublish, planPopup, viewBoundsAtZoom } from '../../../electron/main/shell/site-rules.ts';
import { assembleBody, type BodyReader } from '../../../electron/main/services/gate/upload-body.ts';
import { uploadPart } from './electron-fake.ts';

const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));
const enc = (value: string) => new TextEncoder().encode(value);

/** Timers the test fires by hand: a stalled read ends when the test says so, not after real time. */
function manualReader(blobs: Record<string, Uint8Array | Promise<Uint8Array>>) {
  const timers: Array<() => void> = [];
  const reader: BodyReader = {
    getBlobData: (uuid) => (uuid in blobs ? Promise.resolve(blobs[uuid] as Uint8Array) : Promise.reject(new Error('gone'))),
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
  };
  return { reader, fire: () => timers.forEach((fn) => fn()) };
}

describe('CoverOwners', () => {
  it('covers while any owner does, and reports only real changes', () => {
    const covers = new CoverOwners();
    expect(covers.set('ui:dashboard', true)).toBe(true);
    expect(covers.set('gate', true)).toBe(false);
    expect(covers.set('ui:dashboard', false)).toBe(false);
    expect(covers.covered).toBe(true);
    expect(covers.set('gate', false)).toBe(true);
    expect(covers.covered).toBe(false);
  });

  it('clears only the renderer owners', () => {
    const covers = new CoverOwners();
    covers.set('ui:modal:r1', true);
    covers.set('gate', true);
    covers.clearRenderer();
    expect(covers.list()).toEqual(['gate']);
  });
});

describe('assembleBody (uploadData part shapes of Electron 45)', () => {
  it('joins rawData bytes and blobs read through getBlobData, in order', async () => {
    const { reader } = manualReader({ b1: enc('middle-') });
    const body = await assembleBody([uploadPart.rawData(enc('start-')), uploadPart.blob('b1'), uploadPart.rawData(enc('end'))], reader);
    expect(text(body.bytes)).toBe('start-middle-end');
    expect(body.unreadable).toBe(false);
  });

  it('keeps the text parts of a multipart body around a file part (media), leaving the file out', async () => {
    const { reader } = manualReader({});
    const body = await assembleBody(
      [
        uploadPart.rawData(
          enc(
            '--b\r\nContent-Disposition: form-data; name="status"\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name="media"; filename="a.png"\r\n\r\n',
          ),
        ),
        uploadPart.file('/home/u/a.png'),
        uploadPart.rawData(enc('\r\n--b--\r\n')),
      ],
      reader,
    );
    expect(body.unreadable).toBe(false);
    expect(body.filesOmitted).toBe(1);
    expect(text(body.bytes)).toContain('hello');
  });

  it('marks a streamed body (no bytes, blob or file) unreadable', async () => {
    const { reader } = manualReader({});
    expect(await assembleBody([uploadPart.stream()], reader)).toMatchObject({ bytes: null, unreadable: true, reason: 'stream' });
  });

  it('marks a blob that cannot be read unreadable', async () => {
    const { reader } = manualReader({});
    expect(await assembleBody([uploadPart.blob('gone')], reader)).toMatchObject({ unreadable: true, reason: 'blob-error' });
  });

  it('gives up on a stalled getBlobData when its time is up', async () => {
    const { reader, fire } = manualReader({ stalled: new Promise<Uint8Array>(() => undefined) });
    const pending = assembleBody([uploadPart.blob('stalled')], reader);
    fire();
    expect(await pending).toMatchObject({ bytes: null, unreadable: true, reason: 'timeout' });
  });

  it('has no body when there are no parts', async () => {
    const { reader } = manualReader({});
    expect(await assembleBody(undefined, reader)).toMatchObject({ bytes: null, unreadable: false });
  });
});

describe('resolveAppPath', () => {
  const root = '/opt/hatrack/out/renderer';
  it('serves files under the renderer folder', () => {
    expect(resolveAppPath('app://hatrack/', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://hatrack/assets/index-1a2b.js', root)).toBe(`${root}/assets/index-1a2b.js`);
    expect(resolveAppPath('app://hatrack/assets/a%20b.css?x=1#y', root)).toBe(`${root}/assets/a b.css`);
  });

  it('never leaves it: ../, %2e%2e, encoded slashes, backslashes, drive letters, NUL, other hosts', () => {
    for (const url of [
      'app://hatrack/../../etc/passwd',
      'app://hatrack/%2e%2e/%2e%2e/etc/passwd',
      'app://hatrack/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://hatrack/..%5c..%5cwindows%5cwin.ini',
      'app://hatrack/assets\\..\\..\\secret',
      'app://hatrack/C:/Windows/win.ini',
      'app://hatrack/index.html%00.png',
      'app://evil/index.html',
      'app://hatrack/%E0%A4%A',
    ]) {
      const file = resolveAppPath(url, root);
      expect(file === null || file.startsWith(`${root}/`), url).toBe(true);
    }
    // The URL parser folds %2e%2e like ../ at the root: what is left names a file inside the folder.
    expect(resolveAppPath('app://hatrack/%2e%2e/%2e%2e/etc/passwd', root)).toBe(`${root}/etc/passwd`);
    expect(resolveAppPath('app://hatrack/assets/..%2f..%2f..%2fetc%2fpasswd', root)).toBeNull();
    expect(resolveAppPath('app://hatrack/..%5c..%5cwin.ini', root)).toBeNull();
  });

  it('keeps an absolute-looking path inside the folder', () => {
    expect(resolveAppPath('app://hatrack//etc/passwd', root)).toBe(`${root}/etc/passwd`);
  });
});

describe('switchShortcutIndex', () => {
  const key = (code: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean }> = { control: true }) => ({
    code,
    control: false,
    meta: false,
    alt: false,
    ...mods,
  });
  it('reads the physical digit key, whatever the layout prints', () => {
    expect(switchShortcutIndex(key('Digit1'))).toBe(0);
    expect(switchShortcutIndex(key('Digit9', { meta: true }))).toBe(8);
    expect(switchShortcutIndex(key('Numpad3'))).toBe(2);
  });
  it('ignores Alt (AltGr on many layouts), Digit0, letters and keyUp', () => {
    expect(switchShortcutIndex(key('Digit1', { control: true, alt: true }))).toBeNull();
    expect(switchShortcutIndex(key('Digit0'))).toBeNull();
    expect(switchShortcutIndex(key('KeyQ'))).toBeNull();
    expect(switchShortcutIndex({ ...key('Digit1'), type: 'keyUp' })).toBeNull();
    expect(switchShortcutIndex(key('Digit1', {}))).toBeNull();
  });
});

describe('frames, popups and the request filter', () => {
  it('guards only the main frame', () => {
    expect(blockFrameNavigation('blob:https://x.com/1', false)).toBe(false);
    expect(blockFrameNavigation('about:srcdoc', false)).toBe(false);
    expect(blockFrameNavigation('file:///etc/passwd', true)).toBe(true);
    expect(blockFrameNavigation('https://x.com/home', true)).toBe(false);
  });

  it('plans popups: login in a child window, other https links outside, the rest denied', () => {
    const account = { startUrl: 'https://x.com/home' };
    expect(planPopup('https://accounts.google.com/o/oauth2/auth', account)).toEqual({ action: 'child' });
    expect(planPopup('https://news.example/a', account)).toEqual({ action: 'deny', openExternal: 'https://news.example/a' });
    expect(planPopup('file:///etc/passwd', account)).toEqual({ action: 'deny', openExternal: null });
  });

  it('loads the URL itself only when there is no guest', () => {
    expect(popupSource({}, 'https://a.example/')).toEqual({ kind: 'load', url: 'https://a.example/' });
    expect(popupSource({ webContents: {} }, 'https://a.example/')).toEqual({ kind: 'adopt' });
  });

  it('disposes a popup once and reports a failing step without stopping', () => {
    const closed: string[] = [];
    const reports: string[] = [];
    const part = (name: string, fails = false) => ({
      destroyed: false,
      isDestroyed() {
        return this.destroyed;
      },
      close() {
        if (fails) throw new Error('boom');
        this.destroyed = true;
        closed.push(name);
      },
      destroy() {
        this.destroyed = true;
        closed.push(name);
      },
    });
    const window = part('window');
    const disposer = new PopupDisposer({ window, contents: [part('page', true), part('band')] }, (where) => reports.push(where));
    disposer.dispose();
    disposer.dispose();
    expect(closed).toEqual(['band', 'window']);
    expect(reports).toEqual(['popup contents']);
  });

  it('filters webRequest to web URLs and the types that can carry a post', () => {
    const filter = gateRequestFilter();
    expect(filter.types).toEqual(expect.arrayContaining(['xhr', 'mainFrame', 'subFrame', 'ping']));
    for (const type of ['image', 'font', 'media', 'stylesheet', 'script']) expect(filter.types).not.toContain(type);
    expect(filter.urls).toContain('https://*/*');
  });

  it('scales bounds by the UI zoom, ignoring a nonsense factor', () => {
    expect(viewBoundsAtZoom({ x: 10, y: 20, width: 100, height: 50 }, 2)).toEqual({ x: 20, y: 40, width: 200, height: 100 });
    expect(viewBoundsAtZoom({ x: 10, y: 20, width: 100, height: 50 }, Number.NaN)).toEqual({ x: 10, y: 20, width: 100, height: 50 });
  });
});

describe('senderFrameOf', () => {
  it('is the main frame only without a parent, and nothing for a missing or detached frame', () => {
    expect(senderFrameOf({ url: 'app://hatrack/index.html', parent: null })).toEqual({ url: 'app://hatrack/index.html', isMainFrame: true });
    expect(senderFrameOf({ url: 'app://hatrack/index.html', parent: {} })).toEqual({ url: 'app://hatrack/index.html', isMainFrame: false });
    expect(senderFrameOf({ url: 'app://hatrack/index.html', parent: null, detached: true })).toBeNull();
    expect(senderFrameOf(null)).toBeNull();
    const throwing = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(senderFrameOf(throwing)).toBeNull();
  });
});

describe('mightPublish (is the body worth reading?)', () => {
  it("is true for the real platforms' post endpoints and custom rules, false for other traffic", () => {
    expect(mightPublish('POST', 'https://x.com/i/api/graphql/abc123/CreateTweet', [])).toBe(true);
    expect(mightPublish('POST', 'https://mastodon.social/api/v1/statuses', [])).toBe(true);
    expect(mightPublish('POST', 'https://bsky.social/xrpc/com.atproto.repo.createRecord', [])).toBe(true);
    expect(mightPublish('POST', 'https://analytics.example/collect', [])).toBe(false);
    expect(mightPublish('POST', 'https://x.com/i/api/1.1/jot/client_event.json', [])).toBe(false);
  });
});
