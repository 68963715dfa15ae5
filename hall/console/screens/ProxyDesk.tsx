/**
 * 可视化代办 at the console: the open proxy cases, live from `/api/live`
 * (service, kiosk, masked agent and principal, state, waiting time), and
 * 接入 to take one into the call (ProxyDeskCall).
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PROXY_FINAL_STATES, type ProxyCaseView } from '../../../electron/contract/proxy';
import type { ConsoleJoined } from '../../contract/proxy-api';
import type { MeshOptions, ProxyCallMesh } from '../api/call-mesh';
import type { LiveFeed } from '../api/console-api';
import type { ProxyDeskApi } from '../api/proxy-desk-api';
import type { CallSocket } from '../api/proxy-signal-socket';
import { secondsSince } from '../format';
import { useNow } from '../ui/useNow';
import { wordDuration } from '../ui/words';
import { ProxyDeskCall, useWordProxyFailure } from './ProxyDeskCall';
import type { CreatePartRecorder } from './proxyRecorder';

/** What the desk needs from the browser and the hall (tests pass fakes). */
export interface ProxyDeskDeps {
  api: ProxyDeskApi;
  live: LiveFeed;
  openCall(caseId: string): CallSocket;
  createMesh(options: MeshOptions): ProxyCallMesh;
  localMedia(): Promise<MediaStream>;
  createRecorder: CreatePartRecorder;
}

function upsert(list: ProxyCaseView[], view: ProxyCaseView): ProxyCaseView[] {
  const rest = list.filter((entry) => entry.caseId !== view.caseId);
  return PROXY_FINAL_STATES.includes(view.state) ? rest : [...rest, view].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function ProxyDesk({ deps }: { deps: ProxyDeskDeps }): ReactElement {
  const { t, i18n } = useTranslation();
  const wordProxyFailure = useWordProxyFailure();
  const [cases, setCases] = useState<ProxyCaseView[]>([]);
  const [joined, setJoined] = useState<ConsoleJoined | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow(1000);

  useEffect(() => {
    const load = () =>
      void deps.api.cases('open').then((result) => {
        if (result.ok) setCases(result.value.filter((view) => !PROXY_FINAL_STATES.includes(view.state)));
        else setProblem(wordProxyFailure(result.error));
      });
    let first = true;
    const stop = deps.live.connect({
      onMessage: (message) => {
        if (message.type === 'proxyCase') setCases((list) => upsert(list, message.case));
      },
      onState: (state) => {
        // Messages sent while the socket was down are lost: read the list again.
        if (state === 'connected' && !first) load();
        if (state === 'connected') first = false;
      },
    });
    load();
    return stop;
    // wordProxyFailure changes with the language only; the list need not be fetched again for that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deps]);

  if (joined) return <ProxyDeskCall joined={joined} deps={deps} onLeft={() => setJoined(null)} />;

  const join = async (caseId: string): Promise<void> => {
    setBusy(true);
    const result = await deps.api.join(caseId);
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      setJoined(result.value);
    } else setProblem(wordProxyFailure(result.error));
  };
  const language = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  return (
    <section className="proxy-desk" aria-label={t('proxy.title')}>
      <h2>{t('proxy.title')}</h2>
      {problem && <p className="banner banner--error" role="alert">{problem}</p>}
      {cases.length === 0 && <p>{t('proxy.none')}</p>}
      <ul className="proxy-desk__cases">
        {cases.map((view) => (
          <li key={view.caseId} className={`proxy-case proxy-case--${view.state}`} aria-label={`${view.serviceName[language]} ${view.kioskId}`}>
            <strong>{view.serviceName[language]}</strong>
            <span>
              {t('proxy.kiosk')} {view.kioskId}
            </span>
            <span>
              {t('proxy.agent')}: {view.agent.nameMasked ?? ''} {view.agent.idNumberMasked}
            </span>
            <span>
              {t('proxy.principal')}: {view.principal.nameMasked ?? ''} {view.principal.idNumberMasked}
            </span>
            <span className="proxy-case__state">{t(`proxy.state.${view.state}`)}</span>
            <span>{t('proxy.waited', { time: wordDuration(t, Math.floor(secondsSince(view.createdAt, now))) })}</span>
            {view.officer && <span>{t('proxy.officer', { name: view.officer.nameMasked })}</span>}
            <button type="button" className="button button--primary" disabled={busy || view.state !== 'principalVerified' || view.officer !== null} onClick={() => void join(view.caseId)}>
              {t('proxy.join')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
