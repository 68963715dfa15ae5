/**
 * The hall's proxy core put together from its config, for the lead's
 * composition in main.ts: TURN from `proxy.turn` and the secret file, the
 * SMS port from `proxy.sms`, the case store on the hall database, the kiosks'
 * MQTT link and the registry. The hall link feeds it
 * (`onProxyMessage: (topic, payload) => proxy.kioskLink.receive(topic, payload)`)
 * and publishes for it (`publish: link.publishProxy`).
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { err, ok, type Result } from '../../../domain/result';
import type { HallConfig } from '../config';
import type { HallDb } from '../store/hall-db';
import { createProxyCaseStore } from './cases/case-store';
import type { ProxyClock } from './cases/clock';
import { createProxyCaseRegistry, type ProxyCaseRegistryService } from './cases/registry';
import { createKioskProxyLink, type KioskProxyLink } from './kiosk-proxy-link';
import type { SmsPort } from './ports';
import { createHttpSms } from './sms/http-sms';
import { createSandboxSms, type SandboxSms } from './sms/sandbox-sms';
import { ensureTurnSecret } from './turn-secret';

export interface HallProxy {
  registry: ProxyCaseRegistryService;
  kioskLink: KioskProxyLink;
  /** The sandbox (for `npm run hall -- sms list` and tests); null with a real gateway. */
  sandboxSms: SandboxSms | null;
  phonePublicUrl: string;
}

export interface HallProxyInput {
  config: Pick<HallConfig, 'dataDir' | 'hallName' | 'timeZone' | 'proxy' | 'phone'>;
  db: Pick<HallDb, 'query'>;
  publish: (topic: string, payload: string) => Promise<void>;
  /** Services a kiosk may do by proxy (from the service modules). */
  proxyServiceIds: readonly string[];
  log?: (line: string) => void;
  clock?: ProxyClock;
}

/** The phone page's origin: the configured one, else this machine's first LAN address (phones cannot reach 0.0.0.0). */
export function phonePublicUrl(phone: HallConfig['phone']): string {
  if (phone.publicUrl) return phone.publicUrl.replace(/\/+$/, '');
  let host = phone.host;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    host = lan?.address ?? '127.0.0.1';
  }
  return `https://${host}:${phone.port}`;
}

function smsPort(input: HallProxyInput): Result<{ port: SmsPort; sandbox: SandboxSms | null }, string> {
  const sms = input.config.proxy.sms;
  switch (sms.kind) {
    case 'sandbox': {
      const sandbox = createSandboxSms({ log: input.log });
      return ok({ port: sandbox, sandbox });
    }
    case 'http': {
      const file = isAbsolute(sms.apiKeyFile) ? sms.apiKeyFile : join(input.config.dataDir, sms.apiKeyFile);
      let apiKey: string;
      try {
        apiKey = readFileSync(file, 'utf8').trim();
      } catch {
        return err(`Cannot read the SMS gateway's API key file ${file} · 无法读取短信网关密钥文件`);
      }
      if (apiKey.length === 0) return err(`The SMS gateway's API key file ${file} is empty · 短信网关密钥文件为空`);
      return ok({ port: createHttpSms({ url: sms.url, apiKey, log: input.log }), sandbox: null });
    }
    default: {
      const never: never = sms;
      return never;
    }
  }
}

export function createHallProxy(input: HallProxyInput): Result<HallProxy, string> {
  const sms = smsPort(input);
  if (!sms.ok) return sms;
  const { proxy } = input.config;
  const kioskLink = createKioskProxyLink({ publish: input.publish, log: input.log });
  const url = phonePublicUrl(input.config.phone);
  const registry = createProxyCaseRegistry({
    hallName: input.config.hallName,
    timeZone: input.config.timeZone,
    phonePublicUrl: url,
    proxyServiceIds: input.proxyServiceIds,
    linkMinutes: proxy.linkMinutes,
    linkSeconds: proxy.linkSeconds,
    caseMinutes: proxy.caseMinutes,
    reconnectSeconds: proxy.reconnectSeconds,
    maxFaceAttempts: proxy.maxFaceAttempts,
    turn: { secret: proxy.turn.urls.length > 0 ? ensureTurnSecret(input.config.dataDir) : null, ...proxy.turn },
    sms: sms.value.port,
    store: createProxyCaseStore(input.db, input.log),
    toKiosk: (kioskId, message) => kioskLink.send(kioskId, message),
    clock: input.clock,
    log: input.log,
  });
  kioskLink.connect(registry.fromKiosk);
  return ok({ registry, kioskLink, sandboxSms: sms.value.sandbox, phonePublicUrl: url });
}
