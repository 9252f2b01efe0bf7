// The application menu's template and the main process's strings: the app's own menu, translated like the renderer.
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, projectPage, type MenuItem } from '../../../electron/main/shell/app-menu.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { fr } from '../../../renderer/src/i18n/fr.ts';
import { mainStrings, windowTitle } from '../../../shared/i18n/main-strings.ts';
import { storedAccount } from '../services/accounts/fixtures.ts';

function flat(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);
}

function actions() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      zoomActive: (step: string) => calls.push(`zoom ${step}`),
      reloadActive: () => calls.push('reload page'),
      openProject: () => calls.push('project'),
    },
  };
}

describe('the application menu', () => {
  it('has Edit with copy and paste, View with zoom of the active site, Window, and no DevTools or app reload', () => {
    const { calls, actions: a } = actions();
    const items = flat(appMenuTemplate({ locale: 'en', platform: 'linux', hasProjectPage: true }, a));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'minimize']));
    for (const forbidden of ['toggleDevTools', 'reload', 'forceReload', 'zoomIn', 'zoomOut', 'resetZoom']) expect(roles).not.toContain(forbidden);
    const top = appMenuTemplate({ locale: 'en', platform: 'linux', hasProjectPage: true }, a).map((item) => item.label);
    expect(top).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    for (const item of items) if (item.click) item.click();
    expect(calls).toEqual(['reload page', 'zoom reset', 'zoom in', 'zoom out', 'project']);
  });

  it('is translated, uses the app menu on macOS, and has no Help without a project page', () => {
    const { actions: a } = actions();
    const mac = appMenuTemplate({ locale: 'fr-FR', platform: 'darwin', hasProjectPage: false }, a);
    expect(mac[0]?.role).toBe('appMenu');
    expect(mac.map((item) => item.label).slice(1)).toEqual(['Édition', 'Affichage', 'Fenêtre']);
  });

  it('takes the project page from package.json, https only', () => {
    expect(projectPage({ homepage: 'https://github.com/example/hatrack' })).toBe('https://github.com/example/hatrack');
    expect(projectPage({ homepage: 'http://example.com' })).toBeNull();
    expect(projectPage({ homepage: 'javascript:alert(1)' })).toBeNull();
    expect(projectPage({})).toBeNull();
  });
});

describe('main-process strings', () => {
  const brand = storedAccount(1, { name: 'Acme', handle: 'acme', kind: 'brand', platform: 'mastodon' });

  it('title the window exactly as the renderer does, in English and French', () => {
    const fill = (pattern: string, kind: string) =>
      pattern.replace('{{name}}', 'Acme').replace('{{handle}}', 'acme').replace('{{platform}}', 'Mastodon').replace('{{kind}}', kind);
    expect(windowTitle(brand, 'en')).toBe(fill(en.app.windowTitle, en.kind.brand));
    expect(windowTitle(brand, 'fr')).toBe(fill(fr.app.windowTitle, fr.kind.brand));
    expect(windowTitle(null, 'fr')).toBe('Hatrack');
  });

  it('have every string in both languages, and different where words differ', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'string' ? [prefix] : Object.entries(value as object).flatMap(([k, v]) => keys(v, `${prefix}.${k}`));
    expect(keys(mainStrings('fr'))).toEqual(keys(mainStrings('en')));
    expect(mainStrings('fr').menu.edit).not.toBe(mainStrings('en').menu.edit);
    expect(mainStrings('fr').kind).toEqual(fr.kind);
    expect(mainStrings('en').kind).toEqual(en.kind);
  });
});
