// The application menu's template (plain, no 'electron'): Edit, View (zoom of the active site), Window, Help.
import { mainStrings } from '../../../shared/i18n/main-strings.ts';

type Role =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'minimize'
  | 'close'
  | 'zoom'
  | 'front'
  | 'quit'
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'togglefullscreen'
  | 'appMenu'
  | 'services';

/** A structural subset of Electron's MenuItemConstructorOptions. */
export interface MenuItem {
  label?: string;
  role?: Role;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuActions {
  zoomActive(step: 'in' | 'out' | 'reset'): void;
  reloadActive(): void;
  /** Opens the project page through the https-only helper. */
  openProject(): void;
}

/** The project page named by package.json (`homepage`, https only), or null. */
export function projectPage(pkg: unknown): string | null {
  const homepage = typeof pkg === 'object' && pkg !== null ? (pkg as { homepage?: unknown }).homepage : undefined;
  if (typeof homepage !== 'string') return null;
  try {
    return new URL(homepage).protocol === 'https:' ? homepage : null;
  } catch {
    return null;
  }
}

/**
 * No DevTools, no reload of the app UI, no electronjs.org links. Zoom items act on the active account's
 * page only; the app UI stays at 100 % so the frame and the site view never drift apart. The Help item
 * exists only when the package names a project page.
 */
export function appMenuTemplate(options: { locale: string; platform: string; hasProjectPage: boolean }, actions: MenuActions): MenuItem[] {
  const t = mainStrings(options.locale).menu;
  const mac = options.platform === 'darwin';
  const separator: MenuItem = { type: 'separator' };
  const menu: MenuItem[] = [];
  if (mac) menu.push({ role: 'appMenu' });
  else menu.push({ label: t.file, submenu: [{ role: 'quit' }] });
  menu.push({
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
    ],
  });
  menu.push({
    label: t.view,
    submenu: [
      { label: t.reloadPage, accelerator: 'CmdOrCtrl+R', click: () => actions.reloadActive() },
      separator,
      { label: t.resetZoom, accelerator: 'CmdOrCtrl+0', click: () => actions.zoomActive('reset') },
      { label: t.zoomIn, accelerator: 'CmdOrCtrl+Plus', click: () => actions.zoomActive('in') },
      { label: t.zoomOut, accelerator: 'CmdOrCtrl+-', click: () => actions.zoomActive('out') },
      separator,
      { role: 'togglefullscreen' },
    ],
  });
  menu.push({
    label: t.window,
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  if (options.hasProjectPage) menu.push({ label: t.help, submenu: [{ label: t.projectPage, click: () => actions.openProject() }] });
  return menu;
}
