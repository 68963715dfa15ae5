/** What a phone route answers: a value the server writes, never a throw. */
import type { PhoneErrorCode } from '../../../contract/proxy-api';

export interface PhoneReply {
  status: number;
  body: unknown;
  setCookie?: string;
}

const STATUS: Record<PhoneErrorCode, number> = {
  linkUnknown: 404,
  linkUsed: 409,
  linkExpired: 410,
  notClaimed: 401,
  notVerified: 403,
  noConsent: 403,
  caseEnded: 410,
  tooManyAttempts: 429,
  badRequest: 400,
  unavailable: 503,
};

export function phoneError(error: PhoneErrorCode): PhoneReply {
  return { status: STATUS[error], body: { error } };
}

export function phoneOk(body: unknown = {}, setCookie?: string): PhoneReply {
  return setCookie === undefined ? { status: 200, body } : { status: 200, body, setCookie };
}
