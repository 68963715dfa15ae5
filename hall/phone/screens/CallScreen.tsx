/**
 * The call: the agent and the officer large, the principal's own preview
 * small; then, as the case moves, the statement to read while recording
 * and the signature pad once recorded. One WebRTC mesh (renderer/proxy-call)
 * with this phone as `phone`, signalled over the phone's socket.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneCase } from '../../contract/proxy-api';
import type { CallSignalling, MeshOptions, PeerStats, ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';
import type { ProxyRole } from '../../../electron/contract/proxy';
import type { PhoneApi } from '../api/phone-api';
import { SignPanel } from './SignPanel';
import { StatementView } from './StatementView';
import { VideoTile } from './VideoTile';

export type CreateMesh = (options: MeshOptions) => ProxyCallMesh;

export interface CallScreenProps {
  phoneCase: PhoneCase;
  api: Pick<PhoneApi, 'sign'>;
  signalling: CallSignalling;
  createMesh: CreateMesh;
  /** Camera and microphone (`getUserMedia`). */
  openMedia: () => Promise<MediaStream>;
  onLeave: () => void;
}

declare global {
  interface Window {
    /** For tests and the bench: counts only, no media. */
    onedoorCallStats?: () => Promise<Partial<Record<ProxyRole, PeerStats>>>;
  }
}

const PEERS = ['kiosk', 'console'] as const;

/** `data-testid="call-screen"`, `data-state` = the case's state. */
export function CallScreen({ phoneCase, api, signalling, createMesh, openMedia, onLeave }: CallScreenProps): ReactElement {
  const { t } = useTranslation();
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [mediaProblem, setMediaProblem] = useState(false);
  const [mesh, setMesh] = useState<ProxyCallMesh | null>(null);
  const [, redraw] = useState(0);
  const [signedHere, setSignedHere] = useState(false);

  // The case's ICE servers start the mesh; later ones (fresh TURN credentials) go to the running mesh.
  const iceServers = phoneCase.iceServers;
  const firstIceServers = useRef(iceServers);
  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | null = null;
    let created: ProxyCallMesh | null = null;
    let unsubscribe = (): void => undefined;
    openMedia().then(
      (opened) => {
        if (cancelled) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        const started = createMesh({ self: 'phone', peers: PEERS, iceServers: firstIceServers.current, localStream: opened, signalling });
        created = started;
        unsubscribe = started.onChange(() => redraw((n) => n + 1));
        window.onedoorCallStats = () => started.stats();
        setLocal(opened);
        setMesh(started);
      },
      () => {
        if (!cancelled) setMediaProblem(true);
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
      created?.close();
      delete window.onedoorCallStats;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [openMedia, createMesh, signalling]);
  useEffect(() => {
    mesh?.updateIceServers(iceServers);
  }, [mesh, iceServers]);

  const state = phoneCase.state;
  const signed = phoneCase.principalSigned || signedHere;
  return (
    <section className="screen screen--call" data-testid="call-screen" data-state={state}>
      {mediaProblem ? (
        <p className="screen__lead screen__lead--problem" role="alert" data-testid="media-problem">
          {t('call.mediaProblem')}
        </p>
      ) : null}
      <div className="tiles">
        <VideoTile testId="tile-kiosk" label={t('call.agent')} stream={mesh?.remoteStream('kiosk') ?? null} state={mesh?.peerState('kiosk') ?? 'waiting'} />
        <VideoTile
          testId="tile-console"
          label={t('call.officer')}
          stream={mesh?.remoteStream('console') ?? null}
          state={mesh?.peerState('console') ?? 'waiting'}
          waitingText={phoneCase.officerPresent ? t('call.connecting') : t('call.waitingOfficer')}
        />
        <VideoTile testId="tile-self" label={t('call.you')} stream={local} self />
      </div>
      {state === 'recording' ? <StatementView statement={phoneCase.statement} /> : null}
      {state === 'recorded' && !signed ? (
        <SignPanel
          onSign={async (signature) => {
            const sent = await api.sign(signature);
            if (sent.ok) setSignedHere(true);
            return sent.ok;
          }}
        />
      ) : null}
      {state === 'recorded' && signed ? (
        <p className="screen__lead" data-testid="waiting-decision">
          {t('call.waitingDecision')}
        </p>
      ) : null}
      <button type="button" className="button button--quiet button--small" data-testid="call-leave" onClick={onLeave}>
        {t('call.leave')}
      </button>
    </section>
  );
}
