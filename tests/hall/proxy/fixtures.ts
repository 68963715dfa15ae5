/** Shared pieces of the proxy case tests: a clock moved by hand, an `open` message, a signature. */
import type { ProxyRecording, ProxyUp, SignatureStrokes } from '../../../electron/contract/proxy';
import type { ProxyClock } from '../../../hall/server/proxy/cases/clock';

export const PRINCIPAL_ID = '410402195503014564';
export const AGENT_ID_MASKED = '4104**********1238';

export function manualClock(start = new Date('2026-12-03T02:00:00.000Z')): ProxyClock & { advance(ms: number): void } {
  let now = start.getTime();
  let timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  return {
    now: () => new Date(now),
    after(ms, run) {
      const timer = { at: now + ms, run, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        due.live = false;
        due.run();
      }
      timers = timers.filter((t) => t.live);
      now = until;
    },
  };
}

export function openMessage(overrides: Partial<Extract<ProxyUp, { type: 'open' }>> = {}): Extract<ProxyUp, { type: 'open' }> {
  return {
    type: 'open',
    requestId: 'req-00000001',
    serviceId: 'no-criminal-record',
    serviceName: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' },
    agent: { nameMasked: '张*', idNumberMasked: AGENT_ID_MASKED },
    principal: { idNumber: PRINCIPAL_ID, mobile: '13812345678' },
    language: 'zh-CN',
    ...overrides,
  };
}

export const SIGNATURE: SignatureStrokes = {
  aspect: 2,
  strokes: [
    Array.from({ length: 30 }, (_, i) => ({ x: 0.1 + i * 0.02, y: 0.3 + (i % 5) * 0.08, t: i * 16 })),
    Array.from({ length: 30 }, (_, i) => ({ x: 0.2 + i * 0.015, y: 0.7 - (i % 4) * 0.1, t: 600 + i * 16 })),
  ],
} as SignatureStrokes;

export const RECORDING: ProxyRecording = {
  sha256: 'a'.repeat(64),
  bytes: 123_456,
  durationSeconds: 21.5,
  storedAt: '2026-12-03T02:05:00.000Z',
  keepUntil: '2027-06-01T02:05:00.000Z',
};
