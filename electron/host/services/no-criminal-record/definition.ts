/** The no-criminal-record service's fixed data: id, names, main path, purposes. */
import type { CertificatePurpose, FlowStep } from '../../../contract';

export const SERVICE_ID = 'no-criminal-record';

export const SERVICE_NAME = { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' } as const;

/** The main path, in order (side steps: counter, referral, failed). */
export const STEPS: readonly FlowStep[] = ['identify', 'consent', 'faceCheck', 'choosePurpose', 'query', 'review', 'print', 'done'];

/** 入职, 出国, 落户, 其他. */
export const PURPOSES: readonly CertificatePurpose[] = ['employment', 'abroad', 'settlement', 'other'];

/** 河南: residents registered elsewhere apply at their 户籍地 or, with a 居住证, their 居住地. */
export const DEFAULT_HOME_PROVINCE_CODE = '41';

/** Query attempts (first try included) before the citizen is sent to a counter. */
export const MAX_QUERY_ATTEMPTS = 3;

/** 证件类型 printed on the certificate. */
export function idDocumentTypeOf(cardType: 'resident' | 'hmt' | 'foreigner' | null): string {
  switch (cardType) {
    case 'hmt':
      return '港澳台居民居住证';
    case 'foreigner':
      return '外国人永久居留身份证';
    case 'resident':
    case null:
      return '居民身份证';
    default: {
      const unknown: never = cardType;
      return unknown;
    }
  }
}
