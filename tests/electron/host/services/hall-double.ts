/**
 * A scripted hall for 可视化代办's call step in flow-kit runs (the walk of
 * every module): the case opens at once, the consent is recorded, and after
 * the agent signs the officer approves the run's first case and refuses any
 * later one (an agent who went BACK and asked again), so a walk reaches
 * both the approval and an end with why.
 */
import type { ProxyCaseView } from '../../../../electron/contract/proxy';
import type { ProxyDesk, ProxyHallUpdate } from '../../../../electron/host/flows/library';

const SERVICES = [{ id: 'no-criminal-record', name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' } }];

export function hallDouble(): ProxyDesk {
  const listeners = new Map<string, { listener: (update: ProxyHallUpdate) => void; view: ProxyCaseView }>();
  let cases = 0;
  return {
    services: () => SERVICES,
    open(request, listener) {
      cases += 1;
      const view: ProxyCaseView = {
        caseId: `walk-case-${String(cases).padStart(4, '0')}`,
        kioskId: 'K-WALK',
        serviceId: request.serviceId,
        serviceName: request.serviceName,
        state: 'invited',
        agent: request.agent,
        principal: { nameMasked: null, idNumberMasked: `${request.principal.idNumber.slice(0, 4)}**********${request.principal.idNumber.slice(-4)}` },
        officer: null,
        principalSigned: true,
        agentSigned: false,
        recording: null,
        decision: null,
        endReason: null,
        createdAt: '2026-12-01T02:00:00.000Z',
        linkExpiresAt: '2026-12-01T02:10:00.000Z',
      };
      listeners.set(request.sessionId, { listener, view });
      let open = true;
      queueMicrotask(() => {
        if (!open) return;
        listener({ kind: 'opened', invite: { url: 'https://hall.example/p/walk', sms: 'sent', expiresAt: view.linkExpiresAt }, iceServers: [], case: view });
        const recorded: ProxyCaseView = { ...view, state: 'recorded', recording: { sha256: 'c'.repeat(64), bytes: 100, durationSeconds: 20, storedAt: '2026-12-01T02:05:00.000Z', keepUntil: '2027-12-01T02:05:00.000Z' } };
        listeners.set(request.sessionId, { listener, view: recorded });
        listener({ kind: 'case', case: recorded });
      });
      return () => {
        open = false;
        listeners.delete(request.sessionId);
      };
    },
    agentSigned(sessionId) {
      const entry = listeners.get(sessionId);
      if (!entry) return;
      const approve = entry.view.caseId === 'walk-case-0001';
      const decided: ProxyCaseView = {
        ...entry.view,
        agentSigned: true,
        state: approve ? 'approved' : 'refused',
        decision: { approved: approve, reason: approve ? null : '委托人未同意', at: '2026-12-01T02:06:00.000Z' },
        endReason: approve ? null : 'refusedByOfficer',
      };
      queueMicrotask(() => entry.listener({ kind: 'case', case: decided }));
    },
  };
}
