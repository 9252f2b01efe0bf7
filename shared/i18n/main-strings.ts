// Strings the main process shows (window title, popup band, save dialogs, menu), in English and French like the renderer's.
import type { Account } from '../accounts/account.ts';
import { PLATFORM_NAMES } from '../accounts/platforms.ts';

/** Every string main shows itself; the renderer's strings stay in renderer/src/i18n. */
export interface MainStrings {
  appName: string;
  kind: { personal: string; brand: string };
  /** The same pattern as the renderer's `app.windowTitle`. */
  windowTitle: string;
  /** The sign-in popup window's title. */
  popupTitle: string;
  /** Title of the save dialog of a download. */
  downloadTitle: string;
  saveExport: string;
  openImport: string;
  menu: {
    file: string;
    edit: string;
    view: string;
    window: string;
    help: string;
    zoomIn: string;
    zoomOut: string;
    resetZoom: string;
    reloadPage: string;
    projectPage: string;
  };
}

const en: MainStrings = {
  appName: 'Hatrack',
  kind: { personal: 'PERSONAL', brand: 'BRAND' },
  windowTitle: '{{name}} (@{{handle}}) · {{platform}} · {{kind}} — Hatrack',
  popupTitle: 'Sign in: {{name}} (@{{handle}}) — {{kind}}',
  downloadTitle: 'Save a download of {{name}} (@{{handle}})',
  saveExport: 'Save the export',
  openImport: 'Choose a file to import',
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    zoomIn: 'Zoom in on the page',
    zoomOut: 'Zoom out of the page',
    resetZoom: 'Actual size',
    reloadPage: "Reload the account's page",
    projectPage: 'Hatrack on GitHub',
  },
};

const fr: MainStrings = {
  appName: 'Hatrack',
  kind: { personal: 'PERSONNEL', brand: 'MARQUE' },
  windowTitle: '{{name}} (@{{handle}}) · {{platform}} · {{kind}} — Hatrack',
  popupTitle: 'Connexion : {{name}} (@{{handle}}) — {{kind}}',
  downloadTitle: 'Enregistrer un téléchargement de {{name}} (@{{handle}})',
  saveExport: "Enregistrer l'export",
  openImport: 'Choisir un fichier à importer',
  menu: {
    file: 'Fichier',
    edit: 'Édition',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    zoomIn: 'Agrandir la page',
    zoomOut: 'Réduire la page',
    resetZoom: 'Taille réelle',
    reloadPage: 'Recharger la page du compte',
    projectPage: 'Hatrack sur GitHub',
  },
};

/** The strings of `locale` ('fr…' → French, anything else → English). */
export function mainStrings(locale: string): MainStrings {
  return locale.toLowerCase().startsWith('fr') ? fr : en;
}

/** Fills `{{name}}`-style placeholders; an unknown placeholder is left as is. */
export function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

type Named = Pick<Account, 'name' | 'handle' | 'platform' | 'kind'>;

/** The account's values for the patterns above (kind translated). */
export function accountValues(account: Named, strings: MainStrings): Record<string, string> {
  return { name: account.name, handle: account.handle, platform: PLATFORM_NAMES[account.platform], kind: strings.kind[account.kind] };
}

/** The main window's title: the active account, or the app's name. */
export function windowTitle(account: Named | null, locale: string): string {
  const strings = mainStrings(locale);
  return account ? fill(strings.windowTitle, accountValues(account, strings)) : strings.appName;
}
