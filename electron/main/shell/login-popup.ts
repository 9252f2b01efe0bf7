// Sign-in popups: child windows in the account's own partition, framed in its colour with its name band.
import { BaseWindow, WebContentsView, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { POPUP_BAND_HEIGHT, POPUP_FRAME_WIDTH, popupBandHtml } from '../../../shared/accounts/popup-band.ts';
import { allowNavigation } from '../../../shared/accounts/site-policy.ts';
import { accountValues, fill, mainStrings } from '../../../shared/i18n/main-strings.ts';
import { PopupDisposer, popupSource } from './popup-lifecycle.ts';

/** Used as `createWindow` of setWindowOpenHandler: builds the framed window and returns the popup's WebContents. */
export function openLoginPopup(
  account: Account,
  url: string,
  options: BrowserWindowConstructorOptions,
  context: { session: Session; locale: string; report: (where: string, error: unknown) => void },
): WebContents {
  const width = options.width ?? 520;
  const height = options.height ?? 680;
  const strings = mainStrings(context.locale);
  const values = accountValues(account, strings);
  const window = new BaseWindow({
    width: width + 2 * POPUP_FRAME_WIDTH,
    height: height + POPUP_BAND_HEIGHT + 2 * POPUP_FRAME_WIDTH,
    title: fill(strings.popupTitle, values),
    backgroundColor: account.color,
  });
  const band = new WebContentsView({ webPreferences: { sandbox: true, javascript: false, contextIsolation: true } });
  // Electron passes the popup's already-created guest WebContents in `options` (untyped) when there is an opener.
  const guest = (options as { webContents?: WebContents }).webContents;
  const source = popupSource({ webContents: guest }, url);
  const page = new WebContentsView({
    webPreferences: { ...options.webPreferences, session: context.session, sandbox: true, contextIsolation: true, nodeIntegration: false },
    ...(guest ? { webContents: guest } : {}),
  });
  window.contentView.addChildView(band);
  window.contentView.addChildView(page);
  const disposer = new PopupDisposer({ window, contents: [page.webContents, band.webContents] }, context.report);
  const layout = () => {
    if (window.isDestroyed()) return;
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
  void band.webContents
    .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(popupBandHtml(account, values.kind ?? ''))}`)
    .catch((error: unknown) => context.report('popup band', error));
  page.webContents.on('will-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  page.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The site's own window.close() destroys the page; the user's close destroys the window first.
  page.webContents.on('destroyed', () => disposer.dispose());
  window.on('closed', () => disposer.dispose());
  // No guest (target=_blank, noopener, middle click): nothing else will load the URL.
  if (source.kind === 'load') void page.webContents.loadURL(source.url).catch((error: unknown) => context.report('popup page', error));
  return page.webContents;
}
