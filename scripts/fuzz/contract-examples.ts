/**
 * One hand-written valid example per contract call (its params) and per
 * event (its payload). The contract fuzzer varies them within their schemas;
 * a call or event added to electron/contract without an example here fails
 * the fuzz run (and its unit test) until one is written.
 */
import type { CallName, CallParams, EventName, EventPayload } from '../../electron/contract';
import { SERVICE_CATALOGUE } from '../../electron/host/services/catalogue';
import { SERVICE_MODULES } from '../../electron/host/services/registry';

/** The services come from their descriptions: the fuzzer names none. */
const serviceId = SERVICE_MODULES[0]!.id;

const sessionId = 'a1b2c3d4-0000-4000-8000-000000000001';
const at = '2026-11-29T08:30:00.000Z';
const jpeg = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';
const identity: EventPayload<'identity.read'>['identity'] = {
  source: 'card',
  cardType: 'resident',
  nameMasked: '韩**',
  idNumberMasked: '1101**********002X',
  idNumberValid: true,
  expired: false,
};
const consentView: EventPayload<'flow.changed'>['view'] = {
  serviceId,
  flowId: '5b0c9f7e-2a41-4d43-9a57-0f3b5e2c6d18',
  seq: 1,
  stepId: 'consent',
  step: 'consent',
  stepIndex: 1,
  stepCount: 3,
  path: [
    { id: 'identify', labelKey: 'flow.steps.identify' },
    { id: 'consent', labelKey: `svc.${serviceId}.steps.consent` },
    { id: 'done', labelKey: 'flow.steps.done' },
  ],
  canGoBack: false,
  accepts: ['CONSENT'],
  data: { step: 'consent', textKey: `svc.${serviceId}.consent.text`, scopeKeys: [`svc.${serviceId}.consent.scope.record`], granted: false },
  messageKey: 'flow.consent.prompt',
};

/** Valid params of every call. */
export const CALL_EXAMPLES: { [M in CallName]: CallParams<M> } = {
  'kiosk.info': {},
  'devices.list': {},
  'session.start': { language: 'zh-CN', elderMode: false },
  'session.end': { sessionId, reason: 'finished' },
  'session.current': {},
  'session.preferences': { sessionId, language: 'en', elderMode: true },
  'session.activity': { sessionId },
  'identity.typed': { sessionId, idNumber: '11010519491231002X' },
  'help.request': { sessionId: null, reason: 'button', step: 'consent' },
  'proxy.signal': { sessionId, caseId: 'case-0001', to: 'phone', body: { kind: 'hello' } },
  'catalogue.list': {},
  'dock.state': {},
  'dock.act': { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' },
  'dock.enrolFace': { sampleCard: 'resident-han', photoJpegBase64: jpeg },
  'dock.pay': { channel: 'wechat' },
  'devices.reportCamera': { role: 'face', state: 'online', label: 'USB Camera (0c45:6366)' },
  'camera.config': {},
  'consent.record': { sessionId, kind: 'biometric', granted: true },
  'face.challenge': { sessionId },
  'face.frame': { sessionId, challengeId: 'ch-7f3a', nonce: '5f0c2a9e41b7d3c8a6e2f1b0c9d8e7f6', jpeg },
  'face.verify': { sessionId, challengeId: 'ch-7f3a' },
  'photo.check': { sessionId, spec: 'residentId', frame: jpeg, crop: { x: 155.7, y: 60.2, width: 328.6 } },
  'photo.choose': { sessionId, spec: 'exitEntry', candidateId: 'cand-2' },
  'photo.studioFetch': { sessionId, code: 'SB2026RID00000000001' },
  'document.submit': { sessionId, stepId: 'papers', paper: 'lease', jpeg },
  'document.deletePage': { sessionId, stepId: 'papers', paper: 'lease', pageId: 'page-1' },
  'service.wording': { serviceId },
  'flow.start': { sessionId, serviceId },
  'flow.send': { sessionId, event: { type: 'CHOOSE', value: 'employment' } },
  'flow.current': { sessionId },
  'staff.state': {},
  'staff.beginWithNumber': { staffNumber: '100234' },
  'staff.cardChoice': { choice: 'staff' },
  'staff.pin': { pin: '246810' },
  'staff.cancel': {},
  'staff.touch': {},
  'staff.signOut': {},
  'staff.devices': {},
  'staff.diagnose': {},
  'staff.consumables': {},
  'staff.refill': { deviceId: 'receiptPrinter', kind: 'receiptPaper' },
  'staff.testPrint': { target: 'a4' },
  'staff.lastDocument': {},
  'staff.reprintLast': {},
  'staff.journal': {},
  'staff.dayEnd': {},
  'staff.restartDevice': { deviceId: 'idcard' },
  'staff.setServiceState': { message: '设备维护中，请到3号窗口办理' },
  'kiosk.serviceState': {},
};

/** Valid payloads of every event. */
export const EVENT_EXAMPLES: { [E in EventName]: EventPayload<E> } = {
  'devices.changed': {
    devices: [
      { id: 'idcard', kind: 'idcard', simulated: true, state: 'online', media: 'absent', messageKey: 'devices.state.online', since: at },
      { id: 'receipt', kind: 'receiptPrinter', simulated: false, state: 'userError', media: 'low', messageKey: 'devices.state.userError', detail: 'paper near end', since: at },
    ],
  },
  'session.ended': { sessionId, reason: 'timeout' },
  'session.started': { session: { sessionId, startedAt: at, language: 'zh-CN', elderMode: false }, identity },
  'identity.read': { sessionId, identity },
  'identity.readFailed': { messageKey: 'identity.readFailed.expired' },
  'scanner.scanned': { deviceId: 'scanner', text: 'OD-PAY-2026-0001' },
  'photo.studioScanned': { sessionId, outcome: { result: 'refused', reason: 'expired' } },
  'staff.alert': { kind: 'paperLow', deviceId: 'receipt', deviceKind: 'receiptPrinter', messageKey: 'staff.alert.paperLow', kioskId: 'HB-KIOSK-01', at },
  'help.requested': { callId: 'help-17', reason: 'button', step: 'consent', kioskId: 'HB-KIOSK-01', queuedAt: at },
  'catalogue.changed': {
    services: SERVICE_CATALOGUE.slice(0, 2).map((service, index) =>
      index === 0
        ? { id: service.id, category: service.category, name: service.name, handling: 'kiosk' as const, feeFen: service.feeFen, available: true }
        : { id: service.id, category: service.category, name: service.name, handling: 'counter' as const, feeFen: service.feeFen, available: false, reasonKey: 'catalogue.deviceDown', window: '3号窗口' },
    ),
  },
  'flow.changed': { sessionId, view: consentView },
  'host.status': { state: 'ready' },
  'kiosk.serviceState': { outOfService: { message: '设备维护中，请到 1 号窗口办理', since: '2026-12-03T08:00:00.000Z', by: 'hall' } },
  'hall.hint': { sessionId, text: '请把身份证放在下方感应区' },
  'help.answered': { callId: 'call-1', state: 'claimed', etaMinutes: 2 },
  'session.extended': { sessionId, seconds: 120 },
  'proxy.signal': { sessionId, caseId: 'case-0001', from: 'console', body: { kind: 'hello' } },
  'staff.changed': { phase: 'signedIn', officer: { staffNumber: '100234', nameMasked: '王**', role: 'officer' }, idleSignOutMs: 120_000 },
};
