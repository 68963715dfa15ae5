/**
 * 可视化代办 on the hall server, started with it (issue 19): the hall's own
 * coturn (when installed and no other TURN is configured), the case
 * registry and the kiosks' MQTT side, the principal's face check, the
 * recording store with its retention sweep, and the phone page's HTTPS
 * listener. A part that cannot start is a refusal value naming it; what had
 * started is stopped again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../../domain/result';
import type { HallConfig } from '../config';
import type { HallDb } from '../store/hall-db';
import { TURNSERVER_BINARY, startCoturn } from '../turn/coturn';
import { createGatewayFaceComparison } from './face/gateway-comparison';
import { createPrincipalFaceCheck } from './face/principal-face-check';
import { createSandboxFaceComparison } from './face/sandbox-comparison';
import { createHallProxy, phonePublicUrl, type HallProxy } from './hall-proxy';
import { issuePhoneCertificate } from './phone/phone-certificate';
import { startPhoneServer } from './phone/phone-server';
import type { FaceComparison, RecordingStore } from './ports';
import { createRecordingStore } from './recording/recording-store';
import { loadOrCreateRecordingKey } from './recording/recording-key';
import { recordingPaths } from './recording/recording-paths';
import { ensureTurnSecret } from './turn-secret';

/** `dist/hall-phone` of this checkout (`npm run build:hall-phone`). */
export const DEFAULT_PHONE_PAGE_DIR = fileURLToPath(new URL('../../../dist/hall-phone', import.meta.url));
const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface RunningProxy {
  readonly proxy: HallProxy;
  readonly recordings: RecordingStore;
  /** `https://<host>:<port>` the invitations point at. */
  readonly phoneUrl: string;
  /** The TURN server's URLs (the hall's own coturn or the configured ones); empty without TURN. */
  readonly turnUrls: readonly string[];
  stop(): Promise<void>;
}

export interface StartProxyInput {
  config: HallConfig;
  db: Pick<HallDb, 'query'>;
  publish: (topic: string, payload: string) => Promise<void>;
  /** The hall's PKI folder (the broker's): the phone listener's certificate is issued by the same CA. */
  pkiDir: string;
  pageDir?: string;
  log: (line: string) => void;
  onError?: (error: unknown, where: string) => void;
}

function faceComparison(config: HallConfig): Result<FaceComparison, string> {
  const face = config.proxy.face;
  switch (face.comparison) {
    case 'sandbox':
      return ok(createSandboxFaceComparison());
    case 'gateway':
      try {
        const read = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
        const tls = face.caFile && face.certFile && face.keyFile ? { ca: read(face.caFile)!, cert: read(face.certFile)!, key: read(face.keyFile)! } : undefined;
        return ok(createGatewayFaceComparison({ baseUrl: face.baseUrl, ...(tls ? { tls } : {}) }));
      } catch (error) {
        return err(`proxy.face: ${error instanceof Error ? error.message : String(error)}`);
      }
    default: {
      const never: never = face;
      return never;
    }
  }
}

export async function startProxy(input: StartProxyInput): Promise<Result<RunningProxy, string>> {
  const { config, log } = input;
  const stops: Array<() => Promise<void>> = [];
  const fail = async (message: string) => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    return err(message);
  };
  const phoneUrl = phonePublicUrl(config.phone);
  const phoneHost = new URL(phoneUrl).hostname;

  // TURN: the configured servers, else the hall's own coturn on the phone page's address.
  let turn = config.proxy.turn;
  if (turn.urls.length === 0 && turn.embedded.enabled && existsSync(TURNSERVER_BINARY)) {
    const listenIp = /^\d+\.\d+\.\d+\.\d+$/.test(phoneHost) ? phoneHost : '0.0.0.0';
    const started = await startCoturn({
      listenIp,
      port: turn.embedded.port,
      relayIp: listenIp === '0.0.0.0' ? undefined : listenIp,
      minPort: turn.embedded.minRelayPort,
      maxPort: turn.embedded.maxRelayPort,
      secret: ensureTurnSecret(config.dataDir),
      realm: 'onedoor',
      dataDir: join(config.dataDir, 'turn'),
      advertisedHost: phoneHost,
      allowedPeerIps: [...(listenIp === '0.0.0.0' ? [] : [listenIp]), ...turn.embedded.allowedPeerIps],
    });
    if (!started.ok) {
      // No TURN is a weaker hall, not a broken one: calls on the hall's own network still connect.
      log(`TURN 中继未启动 (coturn ${started.error.kind}: ${started.error.detail}); calls work on the hall network only`);
    } else {
      stops.push(() => started.value.stop());
      turn = { ...turn, urls: started.value.urls.filter((u) => u.startsWith('turn')), stunUrls: started.value.urls.filter((u) => u.startsWith('stun:')) };
    }
  }

  const proxy = createHallProxy({ config: { ...config, proxy: { ...config.proxy, turn } }, db: input.db, publish: input.publish, proxyServiceIds: config.proxy.services, log });
  if (!proxy.ok) return fail(proxy.error);
  stops.push(() => proxy.value.registry.close());

  const compare = faceComparison(config);
  if (!compare.ok) return fail(compare.error);
  const face = config.proxy.face;
  const faceCheck = createPrincipalFaceCheck({
    compare: compare.value,
    maxAttempts: config.proxy.maxFaceAttempts,
    challengeActions: config.proxy.challengeActions,
    challengeTimeoutMs: config.proxy.challengeTimeoutSeconds * 1000,
    // The test seam is honoured only with the sandbox's sample references, never against the police gateway.
    skipLiveness: face.comparison === 'sandbox' && face.testingSkipLiveness,
    logger: { info: log, warn: log },
  });

  const paths = recordingPaths(config.dataDir);
  const key = loadOrCreateRecordingKey(paths.keyDir);
  if (!key.ok) return fail(`The recording key ${key.error.path} is ${key.error.kind === 'malformedKey' ? 'damaged (not replaced: it opens every stored recording)' : 'unreadable'} · 录像密钥文件无法使用`);
  // A statement read aloud takes longer than 3 s: a shorter segment is no evidence of consent.
  const recordings = createRecordingStore({ dir: paths.dir, key: key.value, retentionDays: config.proxy.recordingRetentionDays, minSeconds: 3, log });
  const purge = () => void recordings.purgeExpired(new Date()).catch((error: unknown) => input.onError?.(error, 'recording purge'));
  purge();
  const sweep = setInterval(purge, PURGE_EVERY_MS);
  sweep.unref();
  stops.push(async () => clearInterval(sweep));

  const certificate = issuePhoneCertificate(input.pkiDir, [...new Set([phoneHost, '127.0.0.1', 'localhost'])]);
  if (!certificate.ok) return fail(`Cannot issue the phone page's certificate: ${certificate.error}`);
  const phone = await startPhoneServer({
    registry: proxy.value.registry,
    faceCheck,
    tls: { cert: certificate.value.cert, key: certificate.value.key },
    host: config.phone.host,
    port: config.phone.port,
    pageDir: input.pageDir ?? DEFAULT_PHONE_PAGE_DIR,
    extraOrigins: [phoneUrl],
    onError: input.onError,
  });
  if (!phone.ok) return fail(`Cannot start the phone page on port ${config.phone.port}: ${phone.error.message}`);
  stops.push(() => phone.value.stop());

  let stopping: Promise<void> | null = null;
  return ok({
    proxy: proxy.value,
    recordings,
    phoneUrl,
    turnUrls: turn.urls,
    stop: () =>
      (stopping ??= (async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      })()),
  });
}
