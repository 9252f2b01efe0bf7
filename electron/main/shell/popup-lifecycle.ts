// How a sign-in popup gets its page and is disposed (plain, no 'electron'): decisions the popup adapter follows.

/**
 * Electron hands `createWindow` the popup's guest WebContents only for a scripted window.open with an
 * opener. A link with target=_blank, rel=noopener or a middle click arrives with none, and then nothing
 * loads the URL unless we do (lib/browser/guest-window-manager.ts: only its own `new BrowserWindow`
 * path calls loadURL). With a guest, the returned WebContents must be that guest, or Electron throws.
 */
export function popupSource(options: { webContents?: unknown }, url: string): { kind: 'adopt' } | { kind: 'load'; url: string } {
  return options.webContents ? { kind: 'adopt' } : { kind: 'load', url };
}

interface Closable {
  isDestroyed(): boolean;
}

/**
 * Disposes a popup once, whichever side goes first: the site's window.close() destroys the page's
 * WebContents; the user closes the window (which is already destroyed when 'closed' fires). Each object
 * is checked before it is touched, and one failing step does not stop the others.
 */
export class PopupDisposer {
  private done = false;

  constructor(
    private readonly parts: {
      window: Closable & { destroy(): void };
      contents: ReadonlyArray<Closable & { close(): void }>;
    },
    private readonly report: (where: string, error: unknown) => void,
  ) {}

  get disposed(): boolean {
    return this.done;
  }

  dispose(): void {
    if (this.done) return;
    this.done = true;
    for (const contents of this.parts.contents) {
      try {
        if (!contents.isDestroyed()) contents.close();
      } catch (error) {
        this.report('popup contents', error);
      }
    }
    try {
      if (!this.parts.window.isDestroyed()) this.parts.window.destroy();
    } catch (error) {
      this.report('popup window', error);
    }
  }
}
