/** The phone page's entry: takes the link's token from the address, zh-CN first (English kept if chosen before). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpPhoneApi } from './api/http-phone-api';
import { openSignalChannel } from './api/signal-channel';
import { createCallMesh } from './app/call-mesh';
import { takeInviteLink } from './app/invite-token';
import { PhoneApp } from './app/PhoneApp';
import { createPhoneI18n } from './i18n';
import './styles/phone.css';

const LANGUAGE_KEY = 'onedoor.phone.language';
const link = takeInviteLink(window.location, window.history);
const i18n = createPhoneI18n(localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN');
i18n.on('languageChanged', (language) => {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

const openMedia = (): Promise<MediaStream> =>
  navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: { echoCancellation: true, noiseSuppression: true } });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PhoneApp api={createHttpPhoneApi()} i18n={i18n} token={link.kind === 'token' ? link.token : null} garbledLink={link.kind === 'garbled'} openChannel={openSignalChannel} createMesh={createCallMesh} openMedia={openMedia} store={sessionStorage} />
    </StrictMode>,
  );
}
