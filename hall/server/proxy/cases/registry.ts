/**
 * The hall's proxy cases (issue 19): {@link ProxyCaseRegistry} plus the
 * kiosk's side (`fromKiosk`, answers through `toKiosk`). Synchronous over an
 * in-memory map; every change is written (masked) through the store and told
 * to the console, the kiosk and — once verified — the principal's phone.
 */
import { createHash } from 'node:crypto';
import { maskName } from '../../../../domain/mask';
import { err, ok, type Result } from '../../../../domain/result';
import { SignatureStrokes, type IceServer, type ProxyCaseView, type ProxyDown, type ProxyRole, type ProxyUp, type SignalIn } from '../../../../electron/contract/proxy';
import type { PhoneCase, ProxyApiError } from '../../../contract/proxy-api';
import type { Officer, ProxyCaseRegistry } from '../case-registry.types';
import type { SmsPort } from '../ports';
import { createSignalHub, type SignalHubWithCounts } from '../signal-hub';
import { invitationText } from '../sms/sms-text';
import { issueIceServers, type TurnConfig } from '../turn-credentials';
import { proxyServiceName } from '../proxy-service-names';
import type { ProxyCaseRecord } from './case-record';
import type { ProxyCaseStore } from './case-store';
import { caseView, consentStatement, phoneCaseView } from './case-views';
import { systemClock, type ProxyClock } from './clock';
import { createCaseTimers } from './case-timers';
import { newSecret, sha256Hex } from './invitation';
import { newCaseRecord } from './new-case';
import { checkOpen } from './open-request';
import { isFinal, transition, type CaseEvent, type CaseRefusal } from './state-machine';

export interface ProxyRegistryOptions {
  hallName: string;
  timeZone: string;
  /** The phone page's origin as phones reach it (`https://hall.example:8751`). */
  phonePublicUrl: string;
  /** Services a kiosk may do by proxy (each service module declares it). */
  proxyServiceIds: readonly string[];
  linkMinutes?: number;
  /** The link's life in seconds; wins over `linkMinutes` (the config's `proxy.linkSeconds`). */
  linkSeconds?: number;
  /** How long a case may stay live before it ends `caseTimeLimit` (default 30). */
  caseMinutes?: number;
  reconnectSeconds?: number;
  maxFaceAttempts?: number;
  turn: TurnConfig;
  /** null: no SMS gateway (the QR code only). */
  sms: SmsPort | null;
  store: ProxyCaseStore;
  /** Publishes to a kiosk's `proxy/down` topic. */
  toKiosk: (kioskId: string, message: ProxyDown) => void;
  clock?: ProxyClock;
  log?: (line: string) => void;
  /** Live cases across the hall before `open` answers `busy` (default 50). */
  maxLiveCases?: number;
  /** Ended cases kept in memory for `list('all')` and late claims (default 500). */
  keepEnded?: number;
}

export interface ProxyCaseRegistryService extends ProxyCaseRegistry {
  readonly hub: SignalHubWithCounts;
  /** A validated message from a kiosk; `kioskId` comes from the MQTT topic (the broker's ACL), never the payload. */
  fromKiosk(kioskId: string, message: ProxyUp): Promise<void>;
}

/** Invitations by SMS to one mobile per hour. */
export const SMS_PER_MOBILE_PER_HOUR = 3;

const apiError = (refusal: CaseRefusal): ProxyApiError => (refusal === 'reasonMissing' ? 'wrongState' : refusal);

export function createProxyCaseRegistry(options: ProxyRegistryOptions): ProxyCaseRegistryService {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const linkMs = options.linkSeconds !== undefined ? options.linkSeconds * 1000 : (options.linkMinutes ?? 10) * 60_000;
  /** The link's life as the invitation SMS words it: whole minutes, never less than one. */
  const linkMinutes = Math.max(1, Math.ceil(linkMs / 60_000));
  const caseMinutes = options.caseMinutes ?? 30;
  const reconnectMs = (options.reconnectSeconds ?? 30) * 1000;
  const maxFaceAttempts = options.maxFaceAttempts ?? 3;
  const maxLive = options.maxLiveCases ?? 50;
  const keepEnded = options.keepEnded ?? 500;
  const hall = { hallName: options.hallName, timeZone: options.timeZone };

  const records = new Map<string, ProxyCaseRecord>();
  const byToken = new Map<string, string>();
  const byPhoneSecret = new Map<string, string>();
  const liveByKiosk = new Map<string, string>();
  const timers = createCaseTimers(clock);
  const ended: string[] = [];
  const caseListeners = new Set<(view: ProxyCaseView) => void>();
  const phoneListeners = new Map<string, Set<(view: PhoneCase) => void>>();
  const consoleIceListeners = new Map<string, Set<(iceServers: IceServer[]) => void>>();
  let closingCaseId: string | null = null;

  const hub = createSignalHub({
    toKiosk(caseId, signal: SignalIn) {
      const record = records.get(caseId);
      if (!record || (isFinal(record.core.state) && closingCaseId !== caseId) || signal.from === 'kiosk') return false;
      options.toKiosk(record.kioskId, { type: 'signal', caseId, from: signal.from, body: signal.body });
      return true;
    },
    onDeliveryError: (caseId, role) => log(`proxy case ${caseId}: a signal to the ${role} could not be delivered`),
  });

  // --- views and telling
  const iceFor = (caseId: string, role: ProxyRole) => issueIceServers(options.turn, caseId, role, clock.now());
  const phoneView = (record: ProxyCaseRecord): PhoneCase =>
    phoneCaseView(record, consentStatement(record, hall, clock.now()), iceFor(record.caseId, 'phone').iceServers);

  const tellConsoles = (view: ProxyCaseView) => {
    for (const listener of caseListeners) {
      try {
        listener(view);
      } catch {
        log(`proxy case ${view.caseId}: a case listener failed`);
      }
    }
  };

  const tellPhones = (record: ProxyCaseRecord) => {
    const phones = phoneListeners.get(record.caseId);
    if (record.verified && phones && phones.size > 0) {
      const forPhone = phoneView(record);
      for (const listener of phones) {
        try {
          listener(forPhone);
        } catch {
          log(`proxy case ${record.caseId}: a phone listener failed`);
        }
      }
    }
  };

  const tell = (record: ProxyCaseRecord) => {
    const view = caseView(record);
    tellConsoles(view);
    if (liveByKiosk.get(record.kioskId) === record.caseId || isFinal(record.core.state)) options.toKiosk(record.kioskId, { type: 'case', case: view });
    tellPhones(record);
  };

  const finish = (record: ProxyCaseRecord) => {
    record.secrets = null; // the principal's full number and mobile go with the case
    timers.clearAll(record.caseId);
    if (liveByKiosk.get(record.kioskId) === record.caseId) liveByKiosk.delete(record.kioskId);
    consoleIceListeners.delete(record.caseId);
    closingCaseId = record.caseId;
    try {
      hub.close(record.caseId);
    } finally {
      closingCaseId = null;
    }
    ended.push(record.caseId);
    while (ended.length > keepEnded) {
      const old = records.get(ended.shift() ?? '');
      if (!old) continue;
      records.delete(old.caseId);
      byToken.delete(old.tokenSha256);
      if (old.phoneSecretSha256) byPhoneSecret.delete(old.phoneSecretSha256);
      phoneListeners.delete(old.caseId);
    }
  };

  /** Applies an event: stored, told, and the case's end handled. */
  const change = (record: ProxyCaseRecord, event: CaseEvent): Result<ProxyCaseRecord, CaseRefusal> => {
    const next = transition(record.core, event);
    if (!next.ok) return next;
    if (next.value === record.core) return ok(record);
    record.core = next.value;
    if (event.type === 'principalVerified') {
      record.verified = true;
      schedulePhoneIce(record);
    }
    if (isFinal(record.core.state)) finish(record);
    options.store.save(record, clock.now());
    tell(record);
    return ok(record);
  };

  const live = (caseId: string): ProxyCaseRecord | null => {
    const record = records.get(caseId);
    return record && !isFinal(record.core.state) ? record : null;
  };

  // --- the kiosk's side
  const scheduleKioskIce = (record: ProxyCaseRecord, expiresAt: Date | null) => {
    if (!expiresAt) return;
    const ttl = expiresAt.getTime() - clock.now().getTime();
    // Fresh credentials a fifth of their life (at most a minute) before they lapse.
    timers.set(record.caseId, 'kioskIce', ttl - Math.min(60_000, ttl / 5), () => {
      if (!live(record.caseId)) return;
      const fresh = iceFor(record.caseId, 'kiosk');
      options.toKiosk(record.kioskId, { type: 'iceServers', caseId: record.caseId, iceServers: fresh.iceServers });
      scheduleKioskIce(record, fresh.expiresAt);
    });
  };

  // --- the phone's and the console's TURN refresh (the same rhythm as the kiosk's)
  const refreshDelay = (expiresAt: Date) => {
    const ttl = expiresAt.getTime() - clock.now().getTime();
    return ttl - Math.min(60_000, ttl / 5);
  };
  /** While the case is verified and live: a new PhoneCase (fresh credentials in it) before the last ones lapse. */
  function schedulePhoneIce(record: ProxyCaseRecord): void {
    const { expiresAt } = iceFor(record.caseId, 'phone');
    if (!expiresAt) return;
    timers.set(record.caseId, 'phoneIce', refreshDelay(expiresAt), () => {
      if (!live(record.caseId)) return;
      tellPhones(record);
      schedulePhoneIce(record);
    });
  }
  /** From the officer's join on: fresh console credentials before the ones from join lapse. */
  const scheduleConsoleIce = (record: ProxyCaseRecord, expiresAt: Date | null) => {
    if (!expiresAt) return;
    timers.set(record.caseId, 'consoleIce', refreshDelay(expiresAt), () => {
      if (!live(record.caseId)) return;
      const fresh = iceFor(record.caseId, 'console');
      for (const listener of consoleIceListeners.get(record.caseId) ?? []) {
        try {
          listener(fresh.iceServers);
        } catch {
          log(`proxy case ${record.caseId}: a console ICE listener failed`);
        }
      }
      scheduleConsoleIce(record, fresh.expiresAt);
    });
  };

  const answerOpened = (record: ProxyCaseRecord) => {
    if (!record.secrets) return;
    const ice = iceFor(record.caseId, 'kiosk');
    options.toKiosk(record.kioskId, { type: 'opened', requestId: record.requestId, caseId: record.caseId, inviteUrl: record.secrets.inviteUrl, sms: record.sms, iceServers: ice.iceServers, case: caseView(record) });
    scheduleKioskIce(record, ice.expiresAt);
  };

  /** Invitations by SMS per mobile (its SHA-256) in the last hour: a kiosk cannot flood someone's phone. */
  const smsSent = new Map<string, number[]>();
  const smsAllowed = (mobile: string, at: Date): boolean => {
    const key = createHash('sha256').update(`onedoor-mobile:${mobile}`).digest('hex');
    const recent = (smsSent.get(key) ?? []).filter((t) => t > at.getTime() - 60 * 60 * 1000);
    if (recent.length >= SMS_PER_MOBILE_PER_HOUR) {
      smsSent.set(key, recent);
      return false;
    }
    smsSent.set(key, [...recent, at.getTime()]);
    return true;
  };

  const open = async (kioskId: string, message: Extract<ProxyUp, { type: 'open' }>) => {
    const current = records.get(liveByKiosk.get(kioskId) ?? '');
    if (current && current.requestId === message.requestId) {
      answerOpened(current); // the same request again (QoS 1 redelivery): the same case
      return;
    }
    const refusal = checkOpen(message, options.proxyServiceIds, clock.now());
    // The statement and the SMS name the service in the hall's words, whatever the kiosk sent.
    const serviceName = proxyServiceName(message.serviceId);
    if (refusal || !serviceName) {
      options.toKiosk(kioskId, { type: 'openRefused', requestId: message.requestId, reason: refusal ?? 'serviceNotProxyAllowed' });
      return;
    }
    // One live case per kiosk: a new open ends the one before.
    if (current) change(current, { type: 'ended', reason: 'agentCancelled' });
    if (liveByKiosk.size >= maxLive) {
      options.toKiosk(kioskId, { type: 'openRefused', requestId: message.requestId, reason: 'busy' });
      return;
    }
    const now = clock.now();
    const record = newCaseRecord(kioskId, message, { phonePublicUrl: options.phonePublicUrl, linkMs, now, sms: options.sms ? 'sent' : 'notConfigured', serviceName });
    const { caseId } = record;
    const url = record.secrets.inviteUrl;
    records.set(caseId, record);
    byToken.set(record.tokenSha256, caseId);
    liveByKiosk.set(kioskId, caseId);
    timers.set(caseId, 'link', linkMs, () => {
      change(record, { type: 'linkExpired' });
    });
    // A call left open (a forgotten console, a kiosk that never cancels) ends: kiosk, phone and console are told.
    timers.set(caseId, 'timeLimit', caseMinutes * 60_000, () => {
      if (live(caseId)) change(record, { type: 'ended', reason: 'caseTimeLimit' });
    });
    options.store.save(record, now);
    tellConsoles(caseView(record)); // the kiosk learns of it from `opened`
    log(`proxy case ${caseId} opened by kiosk ${kioskId}`);
    if (options.sms && !smsAllowed(message.principal.mobile, now)) {
      // More invitations to one mobile in an hour than a family needs: no SMS (the QR code still works).
      record.sms = 'failed';
      log(`proxy case ${caseId}: SMS not sent (too many to one mobile this hour)`);
    } else if (options.sms) {
      const text = invitationText({
        hallName: options.hallName,
        agentName: message.agent.nameMasked ?? message.agent.idNumberMasked,
        serviceName: record.serviceName['zh-CN'],
        linkMinutes,
        url,
      });
      const sent = await options.sms.send({ mobile: message.principal.mobile, text });
      record.sms = sent.ok ? 'sent' : 'failed';
    }
    if (live(caseId)) answerOpened(record);
  };

  /** The kiosk's own live case, or null (a kiosk never acts on another's case). */
  const kioskCase = (kioskId: string, caseId: string): ProxyCaseRecord | null => {
    if (liveByKiosk.get(kioskId) !== caseId) {
      log(`proxy: kiosk ${kioskId} spoke about a case that is not its live one`);
      return null;
    }
    return live(caseId);
  };

  const fromKiosk = async (kioskId: string, message: ProxyUp): Promise<void> => {
    switch (message.type) {
      case 'open':
        return open(kioskId, message);
      case 'signal': {
        const record = kioskCase(kioskId, message.caseId);
        if (record) hub.relay(record.caseId, 'kiosk', message.to, message.body);
        return;
      }
      case 'agentSigned': {
        const record = kioskCase(kioskId, message.caseId);
        if (!record) return;
        const before = record.agentSignatureSha256;
        record.agentSignatureSha256 = message.signatureSha256;
        if (!change(record, { type: 'agentSigned' }).ok) record.agentSignatureSha256 = before;
        return;
      }
      case 'cancel': {
        const record = kioskCase(kioskId, message.caseId);
        if (record) change(record, { type: 'ended', reason: message.reason });
        return;
      }
      case 'completed': {
        // After approval the case is final: the outcome is recorded, the state stays.
        const record = records.get(message.caseId);
        if (!record || record.kioskId !== kioskId || record.core.state !== 'approved' || record.outcome !== null) return;
        record.outcome = message.outcome;
        options.store.save(record, clock.now());
        return;
      }
      default: {
        const never: never = message;
        return never;
      }
    }
  };

  // --- presence
  const presenceTimeout = (record: ProxyCaseRecord, role: 'phone' | 'console') => {
    timers.set(record.caseId, role, reconnectMs, () => {
      if (record.present.has(role) || !live(record.caseId)) return;
      change(record, { type: 'ended', reason: role === 'phone' ? 'principalLeft' : 'officerLeft' });
    });
  };

  const officerOf = (officer: Officer) => ({ staffNumber: officer.staffNumber, nameMasked: maskName(officer.name) });

  const officerAction = (
    caseId: string,
    officer: Officer,
    event: CaseEvent,
    auditAs: 'proxyJoin' | 'proxyRecordingStart' | 'proxyRecordingStored' | 'proxyDecision',
    detail?: Record<string, unknown>,
  ): Result<ProxyCaseRecord, ProxyApiError> => {
    const record = records.get(caseId);
    if (!record) return err('notFound');
    const wasState = record.core.state;
    const done = change(record, event);
    if (!done.ok) return err(apiError(done.error));
    if (record.core.state !== wasState) options.store.audit({ at: clock.now(), username: officer.staffNumber, action: auditAs, caseId, detail });
    return ok(record);
  };

  return {
    hub,
    fromKiosk,

    claim(token) {
      const caseId = byToken.get(sha256Hex(token));
      const record = caseId ? records.get(caseId) : undefined;
      if (!record) return err('linkUnknown');
      if (record.phoneSecretSha256) return err('linkUsed');
      if (isFinal(record.core.state) || clock.now() >= record.linkExpiresAt) return err('linkExpired');
      const phoneSecret = newSecret();
      record.phoneSecretSha256 = sha256Hex(phoneSecret);
      byPhoneSecret.set(record.phoneSecretSha256, record.caseId);
      change(record, { type: 'claimed' });
      return ok({ caseId: record.caseId, phoneSecret, claimed: { hallName: options.hallName, linkExpiresAt: record.linkExpiresAt.toISOString(), maxFaceAttempts } });
    },
    phoneCaseId(phoneSecret) {
      const caseId = byPhoneSecret.get(sha256Hex(phoneSecret));
      const record = caseId ? records.get(caseId) : undefined;
      if (!record) return err('notClaimed');
      return isFinal(record.core.state) ? err('caseEnded') : ok(record.caseId);
    },
    endedPhoneCase(phoneSecret) {
      const caseId = byPhoneSecret.get(sha256Hex(phoneSecret));
      const record = caseId ? records.get(caseId) : undefined;
      return record && record.verified && isFinal(record.core.state) ? phoneView(record) : null;
    },
    principalIdNumber: (caseId) => live(caseId)?.secrets?.idNumber ?? null,
    principalVerified(caseId) {
      const record = live(caseId);
      if (record) change(record, { type: 'principalVerified' });
    },
    principalFaceFailed(caseId) {
      const record = live(caseId);
      if (record) change(record, { type: 'principalFaceFailed' });
    },
    phoneCase(caseId) {
      const record = records.get(caseId);
      if (!record) return err('caseEnded');
      if (!record.verified) return isFinal(record.core.state) ? err('caseEnded') : err('notVerified');
      return ok(phoneView(record));
    },
    principalSigned(caseId, signature) {
      const record = records.get(caseId);
      if (!record) return err('caseEnded');
      if (!record.verified) return err('notVerified');
      if (isFinal(record.core.state)) return err('caseEnded');
      const strokes = SignatureStrokes.safeParse(signature);
      if (!strokes.success) return err('badRequest');
      const done = change(record, { type: 'principalSigned' });
      if (!done.ok) return err('badRequest');
      record.principalSignatureSha256 = sha256Hex(JSON.stringify(strokes.data));
      return ok(phoneView(record));
    },
    phoneLeft(caseId) {
      const record = live(caseId);
      if (record && record.phoneSecretSha256) change(record, { type: 'ended', reason: 'principalLeft' });
    },

    list(filter) {
      const views = [...records.values()].filter((r) => filter === 'all' || !isFinal(r.core.state)).map(caseView);
      return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    join(caseId, officer) {
      const done = officerAction(caseId, officer, { type: 'officerJoined', officer: officerOf(officer) }, 'proxyJoin');
      if (!done.ok) return done;
      const record = done.value;
      const ice = iceFor(caseId, 'console');
      scheduleConsoleIce(record, ice.expiresAt);
      return ok({ case: caseView(record), iceServers: ice.iceServers, statement: consentStatement(record, hall, clock.now()) });
    },
    recordingStarted(caseId, officer) {
      const done = officerAction(caseId, officer, { type: 'recordingStarted', staffNumber: officer.staffNumber }, 'proxyRecordingStart');
      return done.ok ? ok(caseView(done.value)) : done;
    },
    recordingStored(caseId, officer, recording) {
      const done = officerAction(caseId, officer, { type: 'recordingStored', staffNumber: officer.staffNumber, recording }, 'proxyRecordingStored', { sha256: recording.sha256, bytes: recording.bytes });
      return done.ok ? ok(caseView(done.value)) : done;
    },
    recordingFailed(caseId) {
      const record = live(caseId);
      if (!record) return;
      // Whatever state the call is in, a recording that cannot be stored ends the case: nothing is done.
      if (!change(record, { type: 'recordingFailed' }).ok) change(record, { type: 'ended', reason: 'recordingNotStored' });
    },
    decide(caseId, officer, decision) {
      const event: CaseEvent = { type: 'decided', staffNumber: officer.staffNumber, approve: decision.approve, reason: decision.approve ? null : decision.reason, at: clock.now().toISOString() };
      const done = officerAction(caseId, officer, event, 'proxyDecision', { approved: decision.approve });
      return done.ok ? ok(caseView(done.value)) : done;
    },
    officerLeft(caseId, officer) {
      const record = live(caseId);
      if (!record || record.core.officer?.staffNumber !== officer.staffNumber) return;
      options.store.audit({ at: clock.now(), username: officer.staffNumber, action: 'proxyLeave', caseId });
      change(record, { type: 'ended', reason: 'officerLeft' });
    },

    attached(caseId, role) {
      const record = live(caseId);
      if (!record) return;
      record.present.add(role);
      timers.clear(caseId, role);
      if (role === 'console') tell(record);
    },
    detached(caseId, role) {
      const record = live(caseId);
      if (!record || !record.present.delete(role)) return;
      presenceTimeout(record, role);
      if (role === 'console') tell(record);
    },

    onCase(listener) {
      caseListeners.add(listener);
      return () => caseListeners.delete(listener);
    },
    onPhoneCase(caseId, listener) {
      const set = phoneListeners.get(caseId) ?? new Set<(view: PhoneCase) => void>();
      phoneListeners.set(caseId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && phoneListeners.get(caseId) === set) phoneListeners.delete(caseId);
      };
    },
    onConsoleIceServers(caseId, listener) {
      if (!live(caseId)) return () => undefined;
      const set = consoleIceListeners.get(caseId) ?? new Set<(iceServers: IceServer[]) => void>();
      consoleIceListeners.set(caseId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && consoleIceListeners.get(caseId) === set) consoleIceListeners.delete(caseId);
      };
    },

    async close() {
      for (const record of [...records.values()]) {
        if (!isFinal(record.core.state)) change(record, { type: 'ended', reason: 'hallUnavailable' });
      }
      await options.store.idle();
    },
  };
}
