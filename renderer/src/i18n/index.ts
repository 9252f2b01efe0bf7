// i18next set up for the app renderer: English and French, the language chosen by main from settings or the OS.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

/** Creates the i18n instance; the app switches language when main reports the resolved locale. */
export function createI18n(initialLanguage: string): I18n {
  const instance = i18next.createInstance();
  // initAsync: false with bundled resources: init has finished when it returns; the promise can only report a failure.
  instance
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, fr: { translation: withManyForms(fr) } },
      lng: initialLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    .catch((error: unknown) => console.error('[hatrack] i18n failed to start:', error));
  return instance;
}

type Tree = { [key: string]: string | Tree };

/**
 * French has a third plural category, "many" (1 000 000 réponses, CLDR): without a `_many` form i18next falls back to
 * English. The French "many" reads as "other", so each `_other` string is copied to `_many` where none is written.
 */
function withManyForms<T extends object>(messages: T): T {
  const copy = (tree: Tree): Tree => {
    const out: Tree = {};
    for (const [key, value] of Object.entries(tree)) {
      out[key] = typeof value === 'string' ? value : copy(value);
      const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
      if (base !== null && typeof value === 'string' && !(`${base}_many` in tree)) out[`${base}_many`] = value;
    }
    return out;
  };
  return copy(messages as unknown as Tree) as unknown as T;
}
