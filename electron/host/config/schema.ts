/**
 * The kiosk's one configuration file, validated at start. One field has no
 * default: `simulation`, the explicit switch between a demonstration/test kiosk
 * (simulated devices, the sandbox back-end, the dock and the other test seams)
 * and a real one. Every other field has an embedded default, so
 * `{ "simulation": true }` is a valid config: every device simulated, the
 * sandbox back-end, the Hubin station's hall name.
 */
import { z } from 'zod';
import { STAFF_CONFIG_DEFAULTS, StaffConfig } from '../staff/config';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../domain/calendar-date';
import { PaymentConfig, paymentSimulationIssue } from '../payment/config';

export const DEFAULT_HALL_NAME = '平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站';

/** 330 s: above the 310 s an elder's screen may wait (240 s idle, 60 s countdown, a touch reported up to 10 s late), with room to spare. */
export const DEFAULT_BACKSTOP_SECONDS = 330;

/** Serial line speeds the kiosk's devices support (GA 467 readers, DOMAIN.md §1; receipt printers and code scanners offer the same). */
export const SUPPORTED_BAUD_RATES: readonly number[] = [115200, 57600, 38400, 19200, 9600];

/** A serial line speed from {@link SUPPORTED_BAUD_RATES}, `fallback` when absent (code scanners usually ship at 9600). */
const serialBaudRate = (fallback: number) =>
  z
    .number()
    .int()
    .refine((b) => SUPPORTED_BAUD_RATES.includes(b), `must be one of ${SUPPORTED_BAUD_RATES.join(', ')}`)
    .default(fallback);

/**
 * The kiosk's MQTT link to the hall: a credentials file the hall wrote
 * (`{ kioskId, url, username, password, caPem, staffIdKey? }`, mode 0600), or
 * the same fields inline (`caFile` for the hall's CA). Fields given inline win
 * over the file's. `mqtt://` without TLS is refused outside simulation.
 */
const HallLinkConfig = z
  .object({
    credentialsFile: z.string().min(1).optional(),
    url: z.string().regex(/^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/, 'mqtts://host:port (or mqtt://host:port in simulation)').optional(),
    username: z.string().min(1).max(64).optional(),
    password: z.string().min(1).max(256).optional(),
    caFile: z.string().min(1).optional(),
    statusIntervalSeconds: z.number().int().min(2).max(3600).default(10),
    keepaliveSeconds: z.number().int().min(1).max(600).default(10),
  })
  .strict();
export type HallLinkConfig = z.infer<typeof HallLinkConfig>;

const HidFraming = z
  .object({
    reportId: z.number().int().min(0).max(255).default(0),
    reportSize: z.number().int().min(8).max(1024).default(64),
    lengthPrefix: z.enum(['none', 'u8', 'u16be', 'u16le']).default('none'),
  })
  .strict();

const IdCardDevice = z
  .object({
    id: z.string().min(1).max(64).default('idcard'),
    enabled: z.boolean().default(true),
    mode: z.enum(['simulated', 'serial', 'hid']).default('simulated'),
    path: z.string().min(1).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    serialNumber: z.string().optional(),
    baudRate: serialBaudRate(115200),
    autoBaud: z.boolean().default(false),
    pollIntervalMs: z.number().int().min(50).max(5000).default(300),
    /**
     * Read the card's fingerprints (30 10) for the fingerprint step's 1:1
     * comparison. Default: on for the simulated reader (its sample cards carry
     * prints), off for a real one (not every reader model has the fingerprint
     * module: a site turns it on for a reader that has).
     */
    readFingerprint: z.boolean().optional(),
    hid: HidFraming.optional(),
    simulator: z
      .object({ paceBaud: z.number().int().min(0).max(921600).default(115200), initialCard: z.string().optional() })
      .strict()
      .default({ paceBaud: 115200 }),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.mode === 'serial' && !d.path) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial reader needs "path" (e.g. /dev/ttyUSB0 or COM3)' });
    }
    if (d.mode === 'hid' && !d.path && (d.vendorId === undefined || d.productId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['vendorId'], message: 'a HID reader needs "path" or both "vendorId" and "productId"' });
    }
  })
  .transform((d) => ({ ...d, readFingerprint: d.readFingerprint ?? d.mode === 'simulated' }));

/** One camera: by label substring or exact device id. */
const CameraSelectorConfig = z.object({ label: z.string().min(1).max(200).optional(), deviceId: z.string().min(1).max(200).optional() }).strict();

const ReceiptPrinterDevice = z
  .object({
    id: z.string().min(1).max(64).default('receiptPrinter'),
    enabled: z.boolean().default(true),
    mode: z.enum(['simulated', 'serial']).default('simulated'),
    path: z.string().min(1).optional(),
    baudRate: serialBaudRate(115200),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
    statusPollMs: z.number().int().min(0).max(60_000).default(2000),
    simulator: z
      .object({ paper: z.enum(['ok', 'low', 'out']).optional(), coverOpen: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.mode === 'serial' && !d.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial receipt printer needs "path"' });
  });


/** A QR/barcode scanner in serial line mode (mirrors drivers/scanner/config.ts). */
const ScannerDevice = z
  .object({
    id: z.string().min(1).max(64).default('scanner'),
    enabled: z.boolean().default(true),
    mode: z.enum(['simulated', 'serial']).default('simulated'),
    path: z.string().min(1).optional(),
    baudRate: serialBaudRate(9600),
    /** What the scanner sends after each code. */
    suffix: z.enum(['CR', 'LF', 'CRLF']).default('CR'),
    /** Longest code accepted, in bytes. */
    maxLength: z.number().int().min(16).max(4096).default(4096),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.mode === 'serial' && !d.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial scanner needs "path"' });
  });

/** A fingerprint scanner speaking FP-HID v1 over USB HID (mirrors drivers/fingerprint/config.ts; docs/fingerprint-protocol.md). */
const FingerprintDevice = z
  .object({
    id: z.string().min(1).max(64).default('fingerprint'),
    enabled: z.boolean().default(true),
    mode: z.enum(['simulated', 'hid']).default('simulated'),
    path: z.string().min(1).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    serialNumber: z.string().optional(),
    simulator: z.object({ settleMs: z.number().int().min(0).max(10_000).default(400) }).strict().default({ settleMs: 400 }),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.mode === 'hid' && !d.path && (d.vendorId === undefined || d.productId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['vendorId'], message: 'a HID fingerprint scanner needs "path" or both "vendorId" and "productId"' });
    }
  });

/**
 * The endorsement writer (签注写卡; mirrors drivers/endorsement/config.ts; docs/endorsement-writer.md):
 * the simulator, or a contactless reader through PC/SC named by `reader`. Absent: the kiosk has none
 * (in simulation it gets the simulated one).
 */
const EndorsementWriterDevice = z
  .object({
    id: z.string().min(1).max(64).default('endorsementWriter'),
    enabled: z.boolean().default(true),
    mode: z.enum(['simulated', 'pcsc'], { error: 'must be "simulated" or "pcsc"' }),
    /** The PC/SC reader's name, or a part of it (`npm run device -- endorsement readers`). */
    reader: z.string().min(1).max(200).optional(),
    /** A development card's write key (32 hex digits in the file); without it the writer reads and refuses writes. */
    keyFile: z.string().min(1).optional(),
    readTimeoutMs: z.number().int().min(500).max(60_000).default(5000),
    writeTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
    simulator: z
      .object({ initialCard: z.string().regex(/^([A-Z]\d{8}|damaged|bank-card)$/, 'a sample permit number (e.g. C38816402), "damaged" or "bank-card"').optional() })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.mode === 'pcsc' && !d.reader) ctx.addIssue({ code: 'custom', path: ['reader'], message: 'a PC/SC endorsement writer needs "reader": the reader\'s name as pcscd lists it (or a part of it)' });
    if (d.mode === 'simulated' && (d.reader !== undefined || d.keyFile !== undefined)) ctx.addIssue({ code: 'custom', path: ['mode'], message: '"reader" and "keyFile" belong to a "pcsc" writer, not a simulated one' });
  });

/** The simulated writer a simulated kiosk has when its config names none. */
const SIMULATED_ENDORSEMENT_WRITER = () => EndorsementWriterDevice.parse({ mode: 'simulated' });

/**
 * The back-end link's TLS: only the CA in `caFile` is trusted (not the system's), the kiosk
 * proves itself with its own client certificate (mutual TLS), and `pins` optionally narrow
 * the server to given public keys: base64 SHA-256 of the SubjectPublicKeyInfo, any one matching.
 */
const BackendTls = z
  .object({
    caFile: z.string().min(1),
    clientCertFile: z.string().min(1),
    clientKeyFile: z.string().min(1),
    pins: z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 SHA-256 of the server key (44 characters ending in "=")')).min(1).optional(),
  })
  .strict();

/** Where a sandbox served over plain HTTP may be: synthetic people, but still never across a network. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const KioskConfigObject = z
  .object({
    /** The one switch for simulation; required, so a real kiosk never runs simulated by omission. */
    simulation: z.boolean({
      error: (issue) =>
        issue.input === undefined
          ? 'required: true for a demonstration or test kiosk (simulated devices, sandbox back-end), false for a real kiosk'
          : 'must be true or false',
    }),
    kioskId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only').default('HB-KIOSK-01'),
    hallName: z.string().min(1).max(120).default(DEFAULT_HALL_NAME),
    defaultLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
    /** The one zone for everything the kiosk shows, prints and counts by day (never the machine's zone). */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Asia/Shanghai').default(DEFAULT_TIME_ZONE),
    backend: z
      .discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('sandbox'),
            /** Simulated back-end latency per call (default 200–600 ms); `{ minMs: 0, maxMs: 0 }` in tests. */
            latency: z
              .object({ minMs: z.number().int().min(0).max(60_000), maxMs: z.number().int().min(0).max(60_000) })
              .strict()
              .refine((l) => l.minMs <= l.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] })
              .optional(),
            /** The sandbox's people (default: resources/sandbox data). */
            dataPath: z.string().min(1).optional(),
            /**
             * The sandbox served over HTTP (`npm run sandbox-gateway`), reached through the real HTTP
             * client; `latency` and `dataPath` then belong to that server. Unset: the embedded sandbox.
             */
            baseUrl: z
              .url()
              .refine((url) => URL.canParse(url) && new URL(url).protocol === 'http:' && LOOPBACK_HOSTS.has(new URL(url).hostname), 'the sandbox served over plain HTTP must be an http:// URL on this machine (127.0.0.1, localhost or [::1])')
              .optional(),
            timeoutMs: z.number().int().min(100).max(60_000).default(8000),
            /**
             * Where the sandbox's certificate verification page is served (`npm run sandbox-gateway`):
             * the embedded sandbox's certificates carry `<verifyBaseUrl>/verify/<code>` in their QR code.
             * Default http://127.0.0.1:8742, the sandbox server's default address.
             */
            verifyBaseUrl: z
              .url()
              .refine((url) => URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol), 'must be an http:// or https:// URL')
              .optional(),
          })
          .strict(),
        z
          .object({
            kind: z.literal('http'),
            /** The police gateway; https only: the link carries ID numbers and face images. */
            baseUrl: z.url().refine((url) => url.startsWith('https://'), 'must be an https:// URL (the back-end link carries ID numbers and faces)'),
            timeoutMs: z.number().int().min(100).max(60_000).default(8000),
            /** Largest answer accepted; a longer one is cut off and refused. */
            maxResponseBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
            tls: BackendTls,
          })
          .strict(),
      ])
      .default({ kind: 'sandbox', timeoutMs: 8000 }),
    /** The payment service for fees (electron/host/payment/config.ts); unset: the embedded sandbox in simulation. */
    payment: PaymentConfig.optional(),
    devices: z
      .object({
        idcard: IdCardDevice.default(() => IdCardDevice.parse({})),
        receiptPrinter: ReceiptPrinterDevice.default(() => ReceiptPrinterDevice.parse({})),
        scanner: ScannerDevice.default(() => ScannerDevice.parse({})),
        fingerprint: FingerprintDevice.default(() => FingerprintDevice.parse({})),
        endorsementWriter: EndorsementWriterDevice.optional(),
      })
      .strict()
      .default(() => ({ idcard: IdCardDevice.parse({}), receiptPrinter: ReceiptPrinterDevice.parse({}), scanner: ScannerDevice.parse({}), fingerprint: FingerprintDevice.parse({}) })),
    server: z
      .object({
        port: z.number().int().min(0).max(65535).default(8741),
        maxMessageBytes: z.number().int().min(1024).max(4 * 1024 * 1024).default(256 * 1024),
      })
      .strict()
      .default({ port: 8741, maxMessageBytes: 256 * 1024 }),
    /** Delivery of applications to the back-end through the outbox (retries with exponential backoff). */
    outbox: z
      .object({
        pollMs: z.number().int().min(100).max(600_000).default(5000),
        backoffBaseMs: z.number().int().min(10).max(600_000).default(1000),
        backoffMaxMs: z.number().int().min(100).max(86_400_000).default(300_000),
      })
      .strict()
      .default({ pollMs: 5000, backoffBaseMs: 1000, backoffMaxMs: 300_000 }),
    /** Where the journal and documents live. Default: $ONEDOOR_DATA_DIR or ~/.onedoor. */
    dataDir: z.string().min(1).optional(),
    /**
     * Where the keys live (outbox, identity hash): an owner-only folder outside `dataDir`, so a
     * copy of the data carries no key. Default: $ONEDOOR_KEY_DIR, else ~/.config/onedoor/keys
     * (Windows: %LOCALAPPDATA%\OneDoor\keys).
     */
    keyStore: z.object({ dir: z.string().min(1).optional() }).strict().default({}),
    printing: z
      .object({
        a4: z
          .object({
            enabled: z.boolean().default(true),
            /** `simulated`: an in-memory CUPS with dock controls; `cups`: a real CUPS queue. */
            mode: z.enum(['simulated', 'cups']).default('simulated'),
            queue: z.string().regex(/^[A-Za-z0-9_-]{1,127}$/, 'a CUPS queue name: letters, digits, dash, underscore').default('onedoor-a4'),
            cupsServer: z.string().min(1).default('localhost'),
            statusPollMs: z.number().int().min(200).max(60_000).default(5000),
            jobPollMs: z.number().int().min(50).max(5000).default(200),
            jobTimeoutMs: z.number().int().min(5000).max(600_000).default(120_000),
          })
          .strict()
          .default(() => ({ enabled: true, mode: 'simulated' as const, queue: 'onedoor-a4', cupsServer: 'localhost', statusPollMs: 5000, jobPollMs: 200, jobTimeoutMs: 120_000 })),
      })
      .strict()
      .default(() => ({ a4: { enabled: true, mode: 'simulated' as const, queue: 'onedoor-a4', cupsServer: 'localhost', statusPollMs: 5000, jobPollMs: 200, jobTimeoutMs: 120_000 } })),
    documents: z
      .object({
        /** Keep PDFs after the session (default: deleted at session end). */
        keepDocuments: z.boolean().default(false),
      })
      .strict()
      .default({ keepDocuments: false }),
    /** Per-site service settings. */
    services: z
      .object({
        /** Services this hall does not offer at all. */
        hidden: z.array(z.string()).default([]),
        /** Services this hall handles only at a counter, even if the kiosk has the flow. */
        counterOnly: z.array(z.string()).default([]),
        /** GB/T 2260 code of the hall's province: residents registered elsewhere are referred (41 = 河南). */
        homeProvinceCode: z.string().regex(/^\d{2}$/, 'two digits, e.g. 41').default('41'),
        /** Counter window per category, shown when the kiosk sends a citizen there. */
        windows: z
          .object({ huzheng: z.string(), certificates: z.string(), traffic: z.string(), exitEntry: z.string(), proxy: z.string() })
          .strict()
          .default({ huzheng: '1号窗口', certificates: '2号窗口', traffic: '4号窗口', exitEntry: '3号窗口', proxy: '2号窗口' }),
        /** Each kiosk service's own settings, by service id; checked against the service's schema when the host starts. */
        settings: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .default(() => ({ hidden: [], counterOnly: [], homeProvinceCode: '41', windows: { huzheng: '1号窗口', certificates: '2号窗口', traffic: '4号窗口', exitEntry: '3号窗口', proxy: '2号窗口' }, settings: {} })),
    session: z
      .object({
        /**
         * The host ends a session after this long without any activity, even if the renderer is gone.
         * It must outlast the screen's longest wait (elder mode: 240 s idle + 60 s countdown) plus the
         * up to 10 s the screen holds a touch back before reporting it (renderer/app/idle/idle-limits.ts),
         * or the host ends an elder's session while the countdown still runs.
         */
        backstopSeconds: z.number().int().min(30).max(3600).default(DEFAULT_BACKSTOP_SECONDS),
      })
      .strict()
      .default({ backstopSeconds: DEFAULT_BACKSTOP_SECONDS }),
    /** The device dock (simulation only). `auto`: on in simulation; `true` outside simulation is a config error. */
    dock: z
      .object({ enabled: z.union([z.literal('auto'), z.boolean()]).default('auto') })
      .strict()
      .default({ enabled: 'auto' }),
    /** Cameras by label (substring) or device id; unset = the first camera the system lists. */
    cameras: z
      .object({ face: CameraSelectorConfig.optional(), document: CameraSelectorConfig.optional() })
      .strict()
      .default({}),
    /** Face check (issue #6): verification threshold, tries, liveness and retakes. */
    face: z
      .object({
        /** Embedding similarity (0…1) at or above which two faces are the same person. */
        matchThreshold: z.number().min(0).max(1).default(0.6),
        maxAttempts: z.number().int().min(1).max(10).default(3),
        challengeActions: z.number().int().min(1).max(3).default(2),
        challengeTimeoutSeconds: z.number().int().min(5).max(120).default(20),
        /** Passive model scores (0…1) the evidence must reach. */
        minAntispoof: z.number().min(0).max(1).default(0.5),
        minLiveness: z.number().min(0).max(1).default(0.5),
        maxPhotoRetakes: z.number().int().min(1).max(20).default(6),
        /** TEST ONLY: skip the liveness gate (never consent or matching). A config error unless `simulation` is true. */
        testingSkipLiveness: z.boolean().default(false),
        /** Lockout per person across sessions: this many failed checks within the window send the person to the counter. */
        lockoutFailures: z.number().int().min(1).max(50).default(6),
        lockoutWindowHours: z.number().int().min(1).max(720).default(24),
      })
      .strict()
      .default(() => ({ matchThreshold: 0.6, maxAttempts: 3, challengeActions: 2, challengeTimeoutSeconds: 20, minAntispoof: 0.5, minLiveness: 0.5, maxPhotoRetakes: 6, testingSkipLiveness: false, lockoutFailures: 6, lockoutWindowHours: 24 })),
    /** The link to the hall (issue 18, electron/host/hall-link/); absent: the credentials file the hall wrote for this kiosk, if any, else no link. */
    hall: HallLinkConfig.optional(),
    /** Hall staff at the kiosk (electron/host/staff/config.ts). */
    staff: StaffConfig.default(STAFF_CONFIG_DEFAULTS),
    log: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({ level: 'info' }),
  })
  .strict();

export const KioskConfig = KioskConfigObject.superRefine(simulationRules).transform((config) =>
  // A simulated kiosk has every device, the endorsement writer included; a real one only what it names.
  config.simulation && config.devices.endorsementWriter === undefined ? { ...config, devices: { ...config.devices, endorsementWriter: SIMULATED_ENDORSEMENT_WRITER() } } : config,
);

export type KioskConfig = z.infer<typeof KioskConfig>;

/**
 * What `simulation` allows: in simulation the back-end is the sandbox; outside
 * it no enabled device is simulated (a device the kiosk lacks is `enabled: false`),
 * the back-end is the police one, and no test seam is on.
 */
function simulationRules(config: z.infer<typeof KioskConfigObject>, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const payment = paymentSimulationIssue(config.simulation, config.payment);
  if (payment) issue(['payment', 'kind'], payment);
  if (config.simulation) {
    if (config.backend.kind !== 'sandbox') issue(['backend', 'kind'], 'in simulation ("simulation": true) the back-end is the sandbox; a real back-end needs "simulation": false');
    return;
  }
  const real = 'is "simulated", which needs "simulation": true; a real kiosk names the real device here, or sets "enabled": false for a device it lacks';
  for (const [name, device] of Object.entries(config.devices)) {
    if (device?.enabled && device.mode === 'simulated') issue(['devices', name, 'mode'], real);
  }
  if (config.printing.a4.enabled && config.printing.a4.mode === 'simulated') issue(['printing', 'a4', 'mode'], real.replace('the real device', '"cups"'));
  if (config.backend.kind === 'sandbox') issue(['backend', 'kind'], 'a real kiosk ("simulation": false) uses the police back-end ("kind": "http"); the sandbox is for simulation only');
  if (config.dock.enabled === true) issue(['dock', 'enabled'], 'the device dock exists only in simulation ("simulation": true)');
  if (config.face.testingSkipLiveness) issue(['face', 'testingSkipLiveness'], 'a test seam, allowed only in simulation ("simulation": true)');
  if (config.hall?.url?.startsWith('mqtt://')) issue(['hall', 'url'], 'a real kiosk reaches the hall over TLS ("mqtts://"); "mqtt://" is for simulation only');
}
export type KioskConfigInput = z.input<typeof KioskConfig>;
export type IdCardDeviceConfig = z.infer<typeof IdCardDevice>;
