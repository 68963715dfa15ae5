/**
 * The officer in a 可视化代办 call: the agent at the kiosk and the principal
 * on the phone in two large tiles, the officer's own preview, the statement
 * to be read, the consent segment's recording (each remote stream recorded
 * on its own, uploaded, stored by the hall), the signatures, and the
 * decision. A lost peer or a lost socket is shown, never hidden.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PROXY_FINAL_STATES, type ProxyCaseView, type ProxyRole } from '../../../electron/contract/proxy';
import type { ConsoleJoined } from '../../contract/proxy-api';
import type { PeerState, ProxyCallMesh } from '../api/call-mesh';
import type { ProxyDeskFailure } from '../api/proxy-desk-api';
import { secondsSince } from '../format';
import { useNow } from '../ui/useNow';
import { wordDuration, wordFailure } from '../ui/words';
import type { ProxyDeskDeps } from './ProxyDesk';
import type { PartRecorder } from './proxyRecorder';
import { ProxyDecisionForm } from './ProxyDecisionForm';

/** For tests and the bench: the call's counts (no media). Not declared on Window: the kiosk renderer declares its own. */
const statsHook = window as unknown as { onedoorCallStats?: () => Promise<unknown> };

type Recording = { phase: 'idle' } | { phase: 'recording'; startedAt: string; recorders: Record<'phone' | 'kiosk', PartRecorder> } | { phase: 'saving' };

export function useWordProxyFailure() {
  const { t, i18n } = useTranslation();
  return (failure: ProxyDeskFailure): string => {
    const key = `proxy.error.${failure.error}`;
    return i18n.exists(key) ? t(key) : wordFailure(t, failure as Parameters<typeof wordFailure>[1]);
  };
}

function Tile({ label, stream, state, muted }: { label: string; stream: MediaStream | null; state: PeerState | null; muted?: boolean }): ReactElement {
  const { t } = useTranslation();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <figure className={`proxy-tile${muted ? ' proxy-tile--self' : ''}`} aria-label={label}>
      <video ref={ref} autoPlay playsInline muted={muted ?? false} />
      {!stream && <span className="proxy-tile__empty">{t('proxy.noVideo')}</span>}
      <figcaption>
        {label}
        {state && (
          <span className={`proxy-tile__state proxy-tile__state--${state}`} role={state === 'lost' ? 'alert' : undefined}>
            {' · '}
            {t(`proxy.peer.${state}`)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

export function ProxyDeskCall({ joined, deps, onLeft }: { joined: ConsoleJoined; deps: ProxyDeskDeps; onLeft: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const wordProxyFailure = useWordProxyFailure();
  const caseId = joined.case.caseId;
  const [view, setView] = useState<ProxyCaseView>(joined.case);
  const [mesh, setMesh] = useState<ProxyCallMesh | null>(null);
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [, setTick] = useState(0);
  const [socketLost, setSocketLost] = useState(false);
  const [noCamera, setNoCamera] = useState(false);
  const [recording, setRecording] = useState<Recording>({ phase: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const now = useNow(1000);

  useEffect(() => {
    let stopped = false;
    let created: ProxyCallMesh | null = null;
    const socket = deps.openCall(caseId);
    const offCase = socket.onCase((next) => setView(next));
    const offClosed = socket.onClosed(() => setSocketLost(true));
    // Fresh TURN credentials from the hall: the running mesh takes them; a mesh not made yet starts with them.
    let iceServers = joined.iceServers;
    const offIce = socket.onIceServers((fresh) => {
      iceServers = fresh;
      created?.updateIceServers(fresh);
    });
    void deps.localMedia().then(
      (stream) => {
        if (stopped) return;
        setLocal(stream);
        created = deps.createMesh({ self: 'console', peers: ['kiosk', 'phone'], iceServers, localStream: stream, signalling: socket.signalling });
        created.onChange(() => setTick((n) => n + 1));
        const current = created;
        statsHook.onedoorCallStats = () => current.stats();
        setMesh(created);
      },
      () => {
        if (!stopped) setNoCamera(true);
      },
    );
    return () => {
      stopped = true;
      created?.close();
      delete statsHook.onedoorCallStats;
      offCase();
      offClosed();
      offIce();
      socket.close();
    };
  }, [caseId, deps, joined.iceServers]);

  const ended = PROXY_FINAL_STATES.includes(view.state);
  const stream = (peer: ProxyRole) => mesh?.remoteStream(peer) ?? null;
  const peerState = (peer: ProxyRole): PeerState | null => (mesh ? mesh.peerState(peer) : null);

  const adopt = (result: { ok: true; value: ProxyCaseView } | { ok: false; error: ProxyDeskFailure }): boolean => {
    if (result.ok) setView(result.value);
    setProblem(result.ok ? null : wordProxyFailure(result.error));
    return result.ok;
  };

  async function startRecording(): Promise<void> {
    const phone = stream('phone');
    const kiosk = stream('kiosk');
    if (!phone || !kiosk) {
      setProblem(t('proxy.needBothStreams'));
      return;
    }
    if (!adopt(await deps.api.startRecording(caseId))) return;
    const recorders = { phone: deps.createRecorder(phone), kiosk: deps.createRecorder(kiosk) };
    recorders.phone.start();
    recorders.kiosk.start();
    setRecording({ phase: 'recording', startedAt: new Date().toISOString(), recorders });
  }

  async function stopRecording(): Promise<void> {
    if (recording.phase !== 'recording') return;
    const { recorders } = recording;
    setRecording({ phase: 'saving' });
    const [phone, kiosk] = await Promise.all([recorders.phone.stop(), recorders.kiosk.stop()]);
    for (const [party, webm] of [['phone', phone], ['kiosk', kiosk]] as const) {
      const uploaded = await deps.api.uploadPart(caseId, party, webm);
      if (!uploaded.ok) {
        setProblem(wordProxyFailure(uploaded.error));
        setRecording({ phase: 'idle' });
        return;
      }
    }
    adopt(await deps.api.finishRecording(caseId));
    setRecording({ phase: 'idle' });
  }

  async function leave(): Promise<void> {
    if (!ended) await deps.api.leave(caseId);
    onLeft();
  }

  const canRecord = view.state === 'inCall' && recording.phase === 'idle' && stream('phone') !== null && stream('kiosk') !== null;
  const language = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  return (
    <section className="proxy-call" aria-label={t('proxy.title')}>
      <header className="proxy-call__head">
        <h2>
          {view.serviceName[language]} · {t('proxy.kiosk')} {view.kioskId}
        </h2>
        <span className="proxy-call__state">{t(`proxy.state.${view.state}`)}</span>
      </header>
      {socketLost && !ended && <p className="banner banner--error" role="alert">{t('proxy.callLost')}</p>}
      {noCamera && <p className="banner banner--error" role="alert">{t('proxy.noCamera')}</p>}
      {ended && <p className="banner" role="status">{t('proxy.ended', { state: t(`proxy.state.${view.state}`) })}</p>}
      <div className="proxy-call__tiles">
        <Tile label={`${t('proxy.agentTile')} ${view.agent.nameMasked ?? ''} ${view.agent.idNumberMasked}`} stream={stream('kiosk')} state={peerState('kiosk')} />
        <Tile label={`${t('proxy.principalTile')} ${view.principal.nameMasked ?? ''} ${view.principal.idNumberMasked}`} stream={stream('phone')} state={peerState('phone')} />
        <Tile label={t('proxy.self')} stream={local} state={null} muted />
      </div>
      <p className="proxy-call__checked">✓ {t('proxy.faceChecked')}</p>
      <blockquote className="proxy-call__statement" aria-label={t('proxy.statement')}>
        {joined.statement.text}
      </blockquote>
      <div className="actions">
        {recording.phase === 'recording' ? (
          <>
            <span className="proxy-call__recording" role="status">● {t('proxy.recordingNow', { time: wordDuration(t, Math.floor(secondsSince(recording.startedAt, now))) })}</span>
            <button type="button" className="button button--primary" onClick={() => void stopRecording()}>
              {t('proxy.stopRecording')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" disabled={!canRecord} onClick={() => void startRecording()}>
            {t('proxy.startRecording')}
          </button>
        )}
        {recording.phase === 'saving' && <span role="status">{t('proxy.saving')}</span>}
      </div>
      {view.recording && (
        <p className="proxy-call__recorded" role="status">
          {t('proxy.recorded', { seconds: Math.round(view.recording.durationSeconds), digest: view.recording.sha256.slice(0, 16) })}
        </p>
      )}
      {view.endReason === 'recordingNotStored' && <p className="banner banner--error" role="alert">{t('proxy.recordingFailed')}</p>}
      {view.endReason === 'caseTimeLimit' && <p className="banner" role="status">{t('proxy.timeLimitEnded')}</p>}
      <dl className="proxy-call__signatures" aria-label={t('proxy.signatures')}>
        <dt>{t('proxy.agent')}</dt>
        <dd>{t(view.agentSigned ? 'proxy.signed' : 'proxy.notSigned')}</dd>
        <dt>{t('proxy.principal')}</dt>
        <dd>{t(view.principalSigned ? 'proxy.signed' : 'proxy.notSigned')}</dd>
      </dl>
      {!ended && <ProxyDecisionForm view={view} decide={async (decision) => adopt(await deps.api.decide(caseId, decision))} />}
      {problem && <p className="banner banner--error" role="alert">{problem}</p>}
      <div className="actions">
        {leaving || ended ? (
          <>
            {!ended && <span>{t('proxy.leaveConfirm')}</span>}
            <button type="button" className="button" onClick={() => void leave()}>
              {ended ? t('proxy.leave') : t('common.confirm')}
            </button>
            {!ended && (
              <button type="button" className="button button--quiet" onClick={() => setLeaving(false)}>
                {t('common.cancel')}
              </button>
            )}
          </>
        ) : (
          <button type="button" className="button" onClick={() => setLeaving(true)}>
            {t('proxy.leave')}
          </button>
        )}
      </div>
    </section>
  );
}
