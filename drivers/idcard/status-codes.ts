/**
 * GA 467 SW3 result codes (DOMAIN.md §1) with how the driver treats them.
 *
 * 0x37 and 0x3F are missing from libsamv.h and DOMAIN.md; they come from the
 * return-code tables of several vendor SDKs that agree word for word
 * (新中新/Synjones `SynjonesIDCardRetCode.cs`, a 华视/Kaer `KE_FingerprintError
 * = 0x37, KE_InfoLenError = 0x3F` enum, an sdtapi JNI header and a Delphi
 * port): 0x37 指纹信息验证错误, 0x3F 信息长度错误.
 */

export { formatSamId } from './sam-id';

/** How a driver reacts to an SW3 code. */
export type Sw3Kind =
  /** 0x90: done. */
  | 'success'
  /** 0x9F: find succeeded. */
  | 'cardFound'
  /** 0x91: the card has nothing for this item. */
  | 'noContent'
  /** Worth retrying: a read or random-number fetch glitch. */
  | 'transient'
  /** No card in the field (find/select failed). */
  | 'noCard'
  /** The reader rejected what the host sent. */
  | 'hostError'
  /** The SAM module is faulty or not authorised: a hardware error. */
  | 'samError'
  /** The card itself failed (authentication, unknown type, data check). */
  | 'cardError'
  /** A code no source documents. */
  | 'unknown';

/** An SW3 code with its meaning in Chinese and English. */
export interface Sw3Status {
  readonly code: number;
  readonly kind: Sw3Kind;
  readonly zh: string;
  readonly en: string;
}

/** Named SW3 codes. */
export const SW3 = {
  success: 0x90,
  cardFound: 0x9f,
  noContent: 0x91,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  notAuthorised: 0x23,
  unrecognisedError: 0x24,
  cardAuthFailed: 0x31,
  samAuthFailed: 0x32,
  infoCheckError: 0x33,
  fingerprintCheckError: 0x37,
  infoLengthError: 0x3f,
  unknownCardType: 0x40,
  cardReadFailed: 0x41,
  randomFetchFailed: 0x47,
  samSelfTestFailed: 0x60,
  samNotAuthorised: 0x66,
  findFailed: 0x80,
  selectFailed: 0x81,
} as const;

const TABLE: readonly Sw3Status[] = [
  { code: 0x90, kind: 'success', zh: '操作成功', en: 'success' },
  { code: 0x9f, kind: 'cardFound', zh: '寻找证/卡成功', en: 'card found' },
  { code: 0x91, kind: 'noContent', zh: '证/卡中此项无内容', en: 'the card has no content for this item' },
  { code: 0x10, kind: 'hostError', zh: '接收业务终端数据的校验和错', en: 'checksum error in host data' },
  { code: 0x11, kind: 'hostError', zh: '接收业务终端数据的长度错', en: 'length error in host data' },
  { code: 0x21, kind: 'hostError', zh: '接收业务终端的命令错误', en: 'command error (bad value or combination)' },
  { code: 0x23, kind: 'hostError', zh: '越权操作', en: 'operation not authorised' },
  { code: 0x24, kind: 'hostError', zh: '无法识别的错误', en: 'unrecognised error' },
  { code: 0x31, kind: 'cardError', zh: '证/卡认证 SAM 失败', en: 'card failed to authenticate the SAM' },
  { code: 0x32, kind: 'cardError', zh: 'SAM 认证证/卡失败', en: 'SAM failed to authenticate the card' },
  { code: 0x33, kind: 'cardError', zh: '信息验证错误', en: 'information check error' },
  // The card's fingerprint block failed its check: the reader reads the card again without it (reader.ts).
  { code: 0x37, kind: 'cardError', zh: '指纹信息验证错误', en: 'fingerprint information check error' },
  // The card's data have a wrong length: a damaged card, like 0x33 (the citizen is sent to the counter).
  { code: 0x3f, kind: 'cardError', zh: '信息长度错误', en: 'information length error' },
  { code: 0x40, kind: 'cardError', zh: '无法识别的证/卡类型', en: 'unknown card type' },
  { code: 0x41, kind: 'transient', zh: '读证/卡操作失败', en: 'card read failed' },
  { code: 0x47, kind: 'transient', zh: '取随机数失败', en: 'random-number fetch failed' },
  { code: 0x60, kind: 'samError', zh: 'SAM 自检失败', en: 'SAM self-test failed' },
  { code: 0x66, kind: 'samError', zh: 'SAM 没经过授权', en: 'SAM not authorised' },
  { code: 0x80, kind: 'noCard', zh: '寻找证/卡失败', en: 'find failed (no card)' },
  { code: 0x81, kind: 'noCard', zh: '选取证/卡失败', en: 'select failed' },
];

const BY_CODE = new Map(TABLE.map((s) => [s.code, s]));

/** Every documented SW3 code. */
export const KNOWN_SW3_CODES: readonly number[] = TABLE.map((s) => s.code);

/** Describes an SW3 code; undocumented codes come back as kind `unknown`. */
export function describeSw3(code: number): Sw3Status {
  return (
    BY_CODE.get(code) ?? {
      code,
      kind: 'unknown',
      zh: `未知状态码 0x${hex(code)}`,
      en: `unknown status 0x${hex(code)}`,
    }
  );
}

/** `0x41` → `41`. */
function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(2, '0');
}

/** A one-line technical message for logs and staff screens, e.g. `SW3 0x60: SAM self-test failed`. */
export function sw3Message(code: number): string {
  return `SW3 0x${hex(code)}: ${describeSw3(code).en}`;
}
