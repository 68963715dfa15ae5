/**
 * The hall server's configuration: `hall.config.json` in the data folder, or
 * the file given by `--config`. Every field has a default, and the defaults
 * are the embedded one-machine hall (PGlite in the data folder, Mosquitto on
 * 8883, the console on http://127.0.0.1:8750/). A malformed file is refused
 * with the field named (the caller exits 78, EX_CONFIG).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../domain/result';
import { proxyServiceName } from './proxy/proxy-service-names';

export const CONFIG_FILE_NAME = 'hall.config.json';
export const STAFF_ID_KEY_FILE = 'staff-id.key';
export const EX_CONFIG = 78;

const Port = z.number().int().min(0).max(65535);
const HexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex characters (32 bytes)');

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const HallConfigFile = z.strictObject({
  dataDir: z.string().min(1).optional(),
  http: z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: Port.default(8750),
    /** Other origins the console is opened from (a LAN name); the listening address is always one. */
    origins: z.array(z.url()).default([]),
    /** PEM files: serve HTTPS (cookies then carry `Secure`). */
    tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  }).prefault({}),
  broker: z.strictObject({
    port: Port.default(8883),
    /** A bridge to the city or province MQTT cluster (docs/hall-bridge.md); absent for a hall on its own. */
    bridge: z.strictObject({
      hallId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
      /** `host:port` of the central cluster's TLS listener. */
      address: z.string().min(3),
      /** The central cluster's CA (PEM file). */
      caFile: z.string().min(1),
      username: z.string().min(1),
      password: z.string().min(1),
      fromCentral: z.strictObject({ commands: z.boolean().default(false), hallPublications: z.boolean().default(false) }).prefault({}),
    }).optional(),
  }).prefault({}),
  database: z.discriminatedUnion('engine', [
    z.strictObject({ engine: z.literal('pglite') }),
    z.strictObject({ engine: z.literal('postgres'), connectionString: z.string().min(1) }),
  ]).default({ engine: 'pglite' }),
  hallName: z.string().min(1).max(100).default('OneDoor 大厅'),
  timeZone: z.string().refine(validTimeZone, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  /** HMAC key of the staff ID digests (shared with the hall's kiosks); generated into the data folder when absent. */
  staffIdKey: HexKey.optional(),
  /** The built console; default `dist/hall-console` of this checkout. */
  consoleDir: z.string().min(1).optional(),
  /** 可视化代办 (issue 19): invitations, reconnects, TURN, SMS. The TURN shared secret is `dataDir/turn-secret.key` (proxy/turn-secret.ts). */
  proxy: z.strictObject({
    linkMinutes: z.number().int().min(1).max(60).default(10),
    /**
     * The link's life in seconds, when whole minutes are too coarse (a trial, an automated test that cannot
     * wait a minute for a link to lapse); wins over `linkMinutes`. The hall's operator sets it here; a kiosk
     * or a phone never has a say in a link's life.
     */
    linkSeconds: z.number().int().min(10).max(3600).optional(),
    /** How long a case may stay live, from the invitation to the decision (longer: it ends `caseTimeLimit`); more than `linkMinutes`. */
    caseMinutes: z.number().int().min(5).max(240).default(30),
    reconnectSeconds: z.number().int().min(5).max(300).default(30),
    maxFaceAttempts: z.number().int().min(1).max(10).default(3),
    recordingRetentionDays: z.number().int().min(1).max(3650).default(180),
    turn: z.strictObject({
      /** `turn:host:3478?transport=udp` …; empty: no TURN (peers on one network only). */
      urls: z.array(z.string().regex(/^turns?:/, 'a turn: or turns: URL')).max(8).default([]),
      stunUrls: z.array(z.string().regex(/^stun:/, 'a stun: URL')).max(8).default([]),
      ttlSeconds: z.number().int().min(60).max(86_400).default(600),
      /**
       * The hall's own coturn (Debian's /usr/bin/turnserver), started with the hall when no `urls` are
       * given and the program is installed; it listens and relays on the phone page's address.
       */
      embedded: z.strictObject({
        enabled: z.boolean().default(true),
        port: Port.default(3478),
        minRelayPort: Port.default(49160),
        maxRelayPort: Port.default(49200),
        /** The hall's kiosks and consoles a relayed party may reach (addresses or `a.b.c.d-e.f.g.h` ranges). */
        allowedPeerIps: z.array(z.string().min(1)).max(16).default([]),
      }).prefault({}),
    }).prefault({}),
    /** Services a kiosk may do by proxy (the kiosk's service modules say so too; the hall checks again). */
    services: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/).refine((id) => proxyServiceName(id) !== null, 'a service the hall has a name for (hall/server/proxy/proxy-service-names.ts)')).max(50).default(['no-criminal-record', 'residence-permit-endorsement', 'id-card-progress', 'exit-entry-progress']),
    /** How the principal's face is compared with their reference photo. */
    face: z.discriminatedUnion('comparison', [
      /** The sample citizens' reference photos (a simulated hall). `testingSkipLiveness` is for automated tests only. */
      z.strictObject({ comparison: z.literal('sandbox'), testingSkipLiveness: z.boolean().default(false) }),
      /** The police gateway's verifyFace (the kiosk's gateway API), over mutual TLS unless on loopback. */
      z.strictObject({ comparison: z.literal('gateway'), baseUrl: z.url(), caFile: z.string().min(1).optional(), certFile: z.string().min(1).optional(), keyFile: z.string().min(1).optional() }),
    ]).default({ comparison: 'sandbox', testingSkipLiveness: false }),
    challengeActions: z.number().int().min(1).max(4).default(2),
    challengeTimeoutSeconds: z.number().int().min(5).max(120).default(20),
    sms: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('sandbox') }),
      z.strictObject({ kind: z.literal('http'), url: z.url(), apiKeyFile: z.string().min(1) }),
    ]).default({ kind: 'sandbox' }),
  }).refine((proxy) => proxy.caseMinutes > proxy.linkMinutes, { path: ['caseMinutes'], message: 'more than linkMinutes (a case outlives its invitation link)' }).prefault({}),
  /** The principal's phone page (its own HTTPS listener and origin). */
  phone: z.strictObject({
    host: z.string().min(1).default('0.0.0.0'),
    port: Port.default(8751),
    /** The origin phones reach (`https://hall.example:8751`); default from host and port. */
    publicUrl: z.url().optional(),
  }).prefault({}),
});
export type HallConfigFile = z.infer<typeof HallConfigFile>;

export type HallConfig = Omit<HallConfigFile, 'dataDir' | 'staffIdKey'> & { dataDir: string; staffIdKey: string; configFile: string | null };

export type ConfigRefusal = { field: string; message: string };

/** The data folder the config file is looked for in: `$ONEDOOR_HALL_DIR`, else `~/.onedoor-hall`. */
export function defaultHallDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ONEDOOR_HALL_DIR ?? join(homedir(), '.onedoor-hall'));
}

/** Reads and checks the config (a missing default file means all defaults); ensures the data folder and the staff ID key. */
export function loadHallConfig(options: { configFile?: string; env?: NodeJS.ProcessEnv } = {}): Result<HallConfig, ConfigRefusal> {
  const env = options.env ?? process.env;
  const explicit = options.configFile ? resolve(options.configFile) : null;
  const file = explicit ?? join(defaultHallDir(env), CONFIG_FILE_NAME);
  let raw: unknown = {};
  if (explicit || existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return err({ field: '(file)', message: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)} · 无法读取配置文件` });
    }
    try {
      raw = JSON.parse(text) as unknown;
    } catch (error) {
      return err({ field: '(file)', message: `${file} is not valid JSON: ${(error as Error).message} · 配置文件不是有效的 JSON` });
    }
  }
  const parsed = HallConfigFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
    return err({ field, message: `${file}: field "${field}": ${issue?.message ?? 'invalid'} · 配置项 "${field}" 有误` });
  }
  const { dataDir: configuredDir, staffIdKey, ...rest } = parsed.data;
  const dataDir = resolve(configuredDir ?? defaultHallDir(env));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return ok({ ...rest, dataDir, staffIdKey: (staffIdKey ?? ensureStaffIdKey(dataDir)).toLowerCase(), configFile: explicit || existsSync(file) ? file : null });
}

/** The key in `dataDir/staff-id.key`, made (32 random bytes, owner-only) on first start. */
export function ensureStaffIdKey(dataDir: string): string {
  const path = join(dataDir, STAFF_ID_KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (HexKey.safeParse(key).success) return key;
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}
