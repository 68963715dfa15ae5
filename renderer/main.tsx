/** Renderer entry: pick the transport, set up i18n and voice, lock down touch, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
// The global look first (tokens, resets, shared classes); each component imports its own rules after it.
import './styles/kiosk.css';
import { createKioskApi } from './api';
import { App } from './app/App';
import { DevSteps, devStepFromQuery } from './app/dev-steps';
import { installTouchLockdown } from './app/lockdown';
import { createI18n } from './i18n';
import { createBrowserVoice } from './voice/voice';

// The CSP forbids eval; tell zod not to probe for it (the probe logs a CSP violation).
z.config({ jitless: true });
installTouchLockdown(window);
const api = createKioskApi();
const i18n = createI18n();
const voice = createBrowserVoice(window);
// The query (dev steps, idle scale…); the launch token is in the fragment, not here.
const query = window.location.search;
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {devStepFromQuery(query) ? <DevSteps api={api} i18n={i18n} query={query} /> : <App api={api} i18n={i18n} voice={voice} query={query} />}
  </StrictMode>,
);
