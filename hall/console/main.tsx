/** The console's entry in the browser: the real HTTP client, the live WebSocket, zh-CN first (English kept if chosen before). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpApi } from './api/http-client';
import { createLiveFeed } from './api/live-feed';
import { createProxyCallMesh } from '../../renderer/proxy-call/mesh';
import { browserProxyDeskDeps } from './proxy-desk-deps';
import { App } from './app/App';
import { createConsoleI18n } from './i18n';
import { chime } from './ui/chime';
import './styles/console.css';

const LANGUAGE_KEY = 'onedoor.hall.language';
const i18n = createConsoleI18n(localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN');
i18n.on('languageChanged', (language) => {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (root) {
  const api = createHttpApi();
  const live = createLiveFeed();
  createRoot(root).render(
    <StrictMode>
      <App api={api} live={live} i18n={i18n} chime={chime} proxyDesk={browserProxyDeskDeps(api, live, createProxyCallMesh)} />
    </StrictMode>,
  );
}
