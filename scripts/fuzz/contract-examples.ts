/**
 * One hand-written valid example per contract call (its params) and per
 * event (its payload). The contract fuzzer varies them within their schemas;
 * a call or event added to electron/contract without an example here fails
 * the fuzz run (and its unit test) until one is written.
 */
import type { CallName, CallParams, EventName, EventPayload } from '../../electron/contract';

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
  serviceId: 'no-criminal-record',
  flowId: '5b0c9f7e-2a41-4d43-9a57-0f3b5e2c6d18',
  seq: 1,
  step: 'consent',
  stepIndex: 1,
  stepCount: 8,
  canGoBack: false,
  accepts: ['CONSENT'],
  data: { step: 'consent', serviceName: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' }, granted: false, busy: false },
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
  'identity.checkIdNumber': { idNumber: '1101051949' },
  'identity.typed': { sessionId, idNumber: '11010519491231002X' },
  'help.request': { sessionId: null, reason: 'button', step: 'consent' },
  'catalogue.list': {},
  'dock.state': {},
  'dock.act': { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' },
  'dock.enrolFace': { sampleCard: 'resident-han', photoJpegBase64: jpeg },
  'devices.reportCamera': { role: 'face', state: 'online', label: 'USB Camera (0c45:6366)' },
  'camera.config': {},
  'consent.record': { sessionId, kind: 'biometric', granted: true },
  'face.challenge': { sessionId },
  'face.frame': { sessionId, challengeId: 'ch-7f3a', nonce: '5f0c2a9e41b7d3c8a6e2f1b0c9d8e7f6', jpeg },
  'face.verify': { sessionId, challengeId: 'ch-7f3a' },
  'photo.check': { sessionId, spec: 'residentId', frame: jpeg, crop: { x: 155.7, y: 60.2, width: 328.6 } },
  'photo.choose': { sessionId, spec: 'exitEntry', candidateId: 'cand-2' },
  'document.submit': { sessionId, jpeg },
  'flow.start': { sessionId, serviceId: 'no-criminal-record' },
  'flow.send': { sessionId, event: { type: 'PURPOSE', purpose: 'employment' } },
  'flow.current': { sessionId },
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
  'staff.alert': { kind: 'paperLow', deviceId: 'receipt', deviceKind: 'receiptPrinter', messageKey: 'staff.alert.paperLow', kioskId: 'HB-KIOSK-01', at },
  'help.requested': { callId: 'help-17', reason: 'button', step: 'consent', kioskId: 'HB-KIOSK-01', queuedAt: at },
  'catalogue.changed': {
    services: [
      { id: 'no-criminal-record', category: 'certificates', name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' }, handling: 'kiosk', feeFen: 0, available: true },
      { id: 'passport', category: 'exitEntry', name: { 'zh-CN': '普通护照', en: 'Passport' }, handling: 'counter', feeFen: 12000, available: false, reasonKey: 'catalogue.deviceDown', window: '3号窗口' },
    ],
  },
  'flow.changed': { sessionId, view: consentView },
  'host.status': { state: 'ready' },
};
