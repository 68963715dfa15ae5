/** A registry with a hand-moved clock, the sandbox SMS and the kiosk's messages collected. */
import type { ProxyDown } from '../../../electron/contract/proxy';
import { memoryOnlyStore, type ProxyCaseStore } from '../../../hall/server/proxy/cases/case-store';
import { createProxyCaseRegistry, type ProxyCaseRegistryService, type ProxyRegistryOptions } from '../../../hall/server/proxy/cases/registry';
import { createSandboxSms, type SandboxSms } from '../../../hall/server/proxy/sms/sandbox-sms';
import { manualClock } from './fixtures';

export const TURN = { secret: 'test-turn-secret', urls: ['turn:127.0.0.1:3478'], stunUrls: [], ttlSeconds: 600 };

export interface RegistryHarness {
  registry: ProxyCaseRegistryService;
  clock: ReturnType<typeof manualClock>;
  sms: SandboxSms;
  logs: string[];
  /** Everything sent to each kiosk, in order. */
  toKiosk: Array<{ kioskId: string; message: ProxyDown }>;
  lastTo(kioskId: string, type: ProxyDown['type']): ProxyDown | undefined;
}

export function registryHarness(overrides: Partial<ProxyRegistryOptions> & { store?: ProxyCaseStore } = {}): RegistryHarness {
  const clock = manualClock();
  const logs: string[] = [];
  const sms = createSandboxSms({ log: (line) => logs.push(line) });
  const toKiosk: RegistryHarness['toKiosk'] = [];
  const registry = createProxyCaseRegistry({
    hallName: '郑州市公安局出入境大厅',
    timeZone: 'Asia/Shanghai',
    phonePublicUrl: 'https://hall.example:8751',
    proxyServiceIds: ['no-criminal-record', 'residence-permit-endorsement', 'id-card-progress'],
    turn: TURN,
    sms,
    store: memoryOnlyStore,
    toKiosk: (kioskId, message) => toKiosk.push({ kioskId, message }),
    clock,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return {
    registry,
    clock,
    sms,
    logs,
    toKiosk,
    lastTo: (kioskId, type) => toKiosk.filter((m) => m.kioskId === kioskId && m.message.type === type).at(-1)?.message,
  };
}

export function tokenOf(inviteUrl: string): string {
  const token = new URL(inviteUrl).hash.replace(/^#t=/, '');
  if (!token) throw new Error('no token in the invite link');
  return token;
}
