/**
 * A new case from a kiosk's accepted `open`: its record, and the one-time link (the token itself is kept nowhere but in the link).
 * The service's name is the hall's (`settings.serviceName`); a name in the kiosk's message is not used.
 */
import { randomBytes } from 'node:crypto';
import { maskIdNumber } from '../../../../domain/mask';
import type { ProxyCaseView, ProxyUp, SmsOutcome } from '../../../../electron/contract/proxy';
import type { CaseSecrets, ProxyCaseRecord } from './case-record';
import { inviteUrl, newSecret, sha256Hex } from './invitation';
import { initialCase } from './state-machine';

export function newCaseRecord(
  kioskId: string,
  open: Extract<ProxyUp, { type: 'open' }>,
  settings: { phonePublicUrl: string; linkMs: number; now: Date; sms: SmsOutcome; serviceName: ProxyCaseView['serviceName'] },
): ProxyCaseRecord & { secrets: CaseSecrets } {
  const token = newSecret();
  const idNumber = open.principal.idNumber.toUpperCase();
  return {
    caseId: randomBytes(12).toString('base64url'),
    kioskId,
    requestId: open.requestId,
    serviceId: open.serviceId,
    serviceName: settings.serviceName,
    language: open.language,
    agent: open.agent,
    principal: { nameMasked: null, idNumberMasked: maskIdNumber(idNumber) },
    core: initialCase(),
    createdAt: settings.now,
    linkExpiresAt: new Date(settings.now.getTime() + settings.linkMs),
    tokenSha256: sha256Hex(token),
    phoneSecretSha256: null,
    verified: false,
    agentSignatureSha256: null,
    principalSignatureSha256: null,
    outcome: null,
    sms: settings.sms,
    present: new Set(),
    secrets: { idNumber, mobile: open.principal.mobile, inviteUrl: inviteUrl(settings.phonePublicUrl, token) },
  };
}
