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
      resources: { en: { translation: en }, fr: { translation: fr } },
      lng: initialLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    .catch((error: unknown) => console.error('[hatrack] i18n failed to start:', error));
  return instance;
}
