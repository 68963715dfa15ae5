/**
 * The call as the agent sees it: the principal (on their phone) and the
 * officer (at the hall console) large, the agent's own picture small, what is
 * happening in one line, and while the statement is recorded a clear 录制中
 * mark. Loaded on demand (it brings the WebRTC mesh) when a call begins.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/contract';
import type { IceServer, ProxyCaseId } from '../../../electron/contract/proxy';
import { Waiting } from '../../flows/Waiting';
import { PeerTile } from './PeerTile';
import { useProxyCall } from './use-proxy-call';

export interface CallScreenProps {
  api: KioskApi;
  sessionId: string;
  caseId: ProxyCaseId;
  iceServers: readonly IceServer[];
  phase: 'waitingForOfficer' | 'inCall' | 'recording';
}

/** `data-testid="proxy-call"` (`data-status`), with `proxy-recording` while recording and the tiles `proxy-tile-principal|officer|self`. */
export function CallScreen({ api, sessionId, caseId, iceServers, phase }: CallScreenProps): ReactElement {
  const { t } = useTranslation();
  const call = useProxyCall({ api, sessionId, caseId, iceServers });
  const { status } = call;

  return (
    <div className="proxy-call" data-testid="proxy-call" data-status={status.kind}>
      {phase === 'recording' ? (
        <div className="proxy-call__recording-bar">
          <p className="proxy-call__recording" data-testid="proxy-recording" role="status">
            <span className="proxy-call__dot" aria-hidden="true" />
            {t('flow.proxyCall.call.recording')}
          </p>
          <p className="proxy-call__line">{t('flow.proxyCall.call.reading')}</p>
        </div>
      ) : (
        <p className="proxy-call__line" data-testid="proxy-call-line">
          {phase === 'inCall' ? t('flow.proxyCall.call.inCall') : t('flow.proxyCall.call.waitingForOfficer')}
        </p>
      )}
      {status.kind === 'starting' ? <Waiting text={t('flow.proxyCall.call.starting')} /> : null}
      {status.kind === 'mediaProblem' ? (
        <p className="flow-step__problem" role="alert" data-testid="proxy-media-problem">
          {t('flow.proxyCall.call.mediaProblem')}
        </p>
      ) : null}
      {status.kind === 'unavailable' ? (
        <p className="flow-step__problem" role="alert" data-testid="proxy-call-unavailable">
          {t('flow.proxyCall.call.unavailable')}
        </p>
      ) : null}
      {status.kind === 'live' ? (
        <div className="proxy-call__tiles">
          <PeerTile
            who="principal"
            label={t('flow.proxyCall.call.principal')}
            stream={call.remote('phone')}
            state={call.peerState('phone')}
          />
          <PeerTile
            who="officer"
            label={t('flow.proxyCall.call.officer')}
            stream={call.remote('console')}
            state={call.peerState('console')}
          />
          <PeerTile who="self" label={t('flow.proxyCall.call.you')} stream={status.local} state="self" muted />
        </div>
      ) : null}
    </div>
  );
}
