import { describe, expect, it } from 'vitest';
import type { SignalIn } from '../../../electron/contract/proxy';
import { createSignalHub } from '../../../hall/server/proxy/signal-hub';

describe('the signal hub', () => {
  it("hands a reloaded phone's signals to its new socket, and the old socket's leave does not cut the new one off", () => {
    const toKiosk: SignalIn[] = [];
    const hub = createSignalHub({ toKiosk: (_caseId, signal) => (toKiosk.push(signal), true) });
    const oldSocket: SignalIn[] = [];
    const newSocket: SignalIn[] = [];
    const leaveOld = hub.attach('case-0001', 'phone', (s) => oldSocket.push(s));
    hub.attach('case-0001', 'phone', (s) => newSocket.push(s));
    leaveOld();
    hub.relay('case-0001', 'console', 'phone', { kind: 'hello' });
    expect(oldSocket).toEqual([]);
    expect(newSocket).toEqual([{ caseId: 'case-0001', from: 'console', body: { kind: 'hello' } }]);
    expect(hub.attachedRoles('case-0001')).toEqual(['phone']);
  });

  it('keeps cases apart, ignores a party signalling itself, and survives a socket that throws', () => {
    const errors: string[] = [];
    const hub = createSignalHub({ toKiosk: () => false, onDeliveryError: (caseId, role) => errors.push(`${caseId}/${role}`) });
    const other: SignalIn[] = [];
    hub.attach('case-0002', 'console', (s) => other.push(s));
    hub.attach('case-0001', 'console', () => {
      throw new Error('socket closed');
    });
    hub.relay('case-0001', 'phone', 'console', { kind: 'hello' });
    hub.relay('case-0001', 'console', 'console', { kind: 'hello' });
    hub.relay('case-0001', 'phone', 'kiosk', { kind: 'hello' });
    expect(other).toEqual([]);
    expect(errors).toEqual(['case-0001/console']);
    expect(hub.dropped()).toBe(1);
  });

  it('tells everyone bye from each of their peers on close, and detaches them', () => {
    const toKiosk: SignalIn[] = [];
    const hub = createSignalHub({ toKiosk: (_caseId, signal) => (toKiosk.push(signal), true) });
    const phone: SignalIn[] = [];
    hub.attach('case-0001', 'phone', (s) => phone.push(s));
    hub.close('case-0001');
    expect(phone.map((s) => s.from)).toEqual(['kiosk', 'console']);
    expect(toKiosk.map((s) => [s.from, s.body.kind])).toEqual([['phone', 'bye'], ['console', 'bye']]);
    expect(hub.attachedRoles('case-0001')).toEqual([]);
  });
});
