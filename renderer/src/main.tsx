// Entry of the app renderer: i18n first, then the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createI18n } from './i18n/index.ts';
import './styles.css';

const i18n = createI18n(navigator.language);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
