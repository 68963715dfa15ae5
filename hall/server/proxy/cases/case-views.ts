/** What each party is shown of a case: the console and kiosk (masked), the principal's phone (after the face check). */
import { zonedIsoDate } from '../../../../domain/calendar-date';
import type { ConsentStatement, IceServer, ProxyCaseView } from '../../../../electron/contract/proxy';
import type { PhoneCase } from '../../../contract/proxy-api';
import type { ProxyCaseRecord } from './case-record';

export function caseView(record: ProxyCaseRecord): ProxyCaseView {
  const { core } = record;
  return {
    caseId: record.caseId,
    kioskId: record.kioskId,
    serviceId: record.serviceId,
    serviceName: record.serviceName,
    state: core.state,
    agent: record.agent,
    principal: record.principal,
    officer: core.officer ? { staffNumber: core.officer.staffNumber, nameMasked: core.officer.nameMasked } : null,
    principalSigned: core.principalSigned,
    agentSigned: core.agentSigned,
    recording: core.recording,
    decision: core.decision,
    endReason: core.endReason,
    createdAt: record.createdAt.toISOString(),
    linkExpiresAt: record.linkExpiresAt.toISOString(),
  };
}

/** The words the principal reads aloud: who, which service, on whose behalf, today's date (the hall's). */
export function consentStatement(record: ProxyCaseRecord, hall: { hallName: string; timeZone: string }, now: Date): ConsentStatement {
  const date = zonedIsoDate(now, hall.timeZone);
  const principalId = record.principal.idNumberMasked;
  const agentId = record.agent.idNumberMasked;
  const agentName = record.agent.nameMasked;
  const text =
    record.language === 'en'
      ? `I, holder of ID number ${principalId}, authorise ${agentName ?? 'the person'} (ID number ${agentId}) to apply for "${record.serviceName.en}" on my behalf at ${hall.hallName} today, ${date}.`
      : `本人（身份证号 ${principalId}）委托 ${agentName ?? ''}（身份证号 ${agentId}）于 ${date} 在${hall.hallName}代为办理“${record.serviceName['zh-CN']}”。`;
  return {
    principalName: null,
    principalIdNumberMasked: principalId,
    agentNameMasked: agentName,
    agentIdNumberMasked: agentId,
    serviceName: record.serviceName,
    hallName: hall.hallName,
    date,
    text,
  };
}

export function phoneCaseView(record: ProxyCaseRecord, statement: ConsentStatement, iceServers: IceServer[]): PhoneCase {
  return {
    caseId: record.caseId,
    state: record.core.state,
    statement,
    iceServers,
    officerPresent: record.core.officer !== null && record.present.has('console'),
    principalSigned: record.core.principalSigned,
    endReason: record.core.endReason,
  };
}
