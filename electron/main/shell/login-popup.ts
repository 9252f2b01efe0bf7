// Sign-in popups: child windows in the account's own partition, framed in its colour with its name band.
import { BaseWindow, WebContentsView, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { POPUP_BAND_HEIGHT, POPUP_FRAME_WIDTH, popupBandHtml } from '../../../shared/accounts/popup-band.ts';
import { allowNavigation } from '../../../shared/accounts/site-policy.ts';

/** Used as `createWindow` of setWindowOpenHandler: builds the framed window and returns the popup's WebContents. */
export function openLoginPopup(account: Account, options: BrowserWindowConstructorOptions): WebContents {
  const width = options.width ?? 520;
  const height = options.height ?? 680;
  const kind = account.kind === 'brand' ? 'BRAND' : 'PERSONAL';
  const window = new BaseWindow({
    width: width + 2 * POPUP_FRAME_WIDTH,
    height: height + POPUP_BAND_HEIGHT + 2 * POPUP_FRAME_WIDTH,
    title: `${account.name} (@${account.handle}) — ${kind}`,
    backgroundColor: account.color,
  });
  const band = new WebContentsView({ webPreferences: { sandbox: true, javascript: false, contextIsolation: true } });
  // Electron passes the popup's already-created guest WebContents in `options` (untyped); the view adopts it.
  const guest = (options as { webContents?: WebContents }).webContents;
  const page = new WebContentsView({
    webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, nodeIntegration: false },
    ...(guest ? { webContents: guest } : {}),
  });
  window.contentView.addChildView(band);
  window.contentView.addChildView(page);
  const layout = () => {
    const [w = width, h = height] = window.getContentSize();
    band.setBounds({ x: 0, y: 0, width: w, height: POPUP_BAND_HEIGHT });
    page.setBounds({
      x: POPUP_FRAME_WIDTH,
      y: POPUP_BAND_HEIGHT,
      width: Math.max(0, w - 2 * POPUP_FRAME_WIDTH),
      height: Math.max(0, h - POPUP_BAND_HEIGHT - POPUP_FRAME_WIDTH),
    });
  };
  window.on('resize', layout);
  layout();
  void band.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(popupBandHtml(account, kind))}`);
  page.webContents.on('will-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  page.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  page.webContents.on('destroyed', () => {
    if (!window.isDestroyed()) window.destroy();
  });
  window.on('closed', () => {
    if (!page.webContents.isDestroyed()) page.webContents.close();
    band.webContents.close();
  });
  return page.webContents;
}
