import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import './styles.css';
import './i18n';
import './auth/session';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { VigilApp } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <VigilApp />
  </StrictMode>,
);
