/**
 * The phone API over fetch, same origin (the cookie rides by itself). An
 * answer that does not match the contract, or no answer, is `unavailable`:
 * the page never trusts a shape it did not check.
 */
import { z } from 'zod';
import { FaceFrameAnswer, IssuedFaceChallenge } from '../../../electron/contract/domain';
import { PhoneCase, PhoneClaimed, PhoneErrorCode, PhoneFaceVerdict } from '../../contract/proxy-api';
import { err, ok, type Result } from '../../../domain/result';
import type { PhoneApi } from './phone-api';

const BASE = '/phone/api';
/** An answer of `{}`: only that it succeeded matters. */
const Done = z.unknown().transform(() => null);

async function ask<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<Result<z.infer<S>, PhoneErrorCode>> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return err('unavailable');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = PhoneErrorCode.safeParse((payload as { error?: unknown } | null)?.error);
    return err(code.success ? code.data : 'unavailable');
  }
  const parsed = schema.safeParse(payload);
  return parsed.success ? ok(parsed.data as z.infer<S>) : err('unavailable');
}

export function createHttpPhoneApi(): PhoneApi {
  return {
    claim: (token) => ask('POST', '/claim', PhoneClaimed, { token }),
    consent: (granted) => ask('POST', '/face/consent', Done, { granted }),
    challenge: () => ask('POST', '/face/challenge', IssuedFaceChallenge, {}),
    frame: (frame) => ask('POST', '/face/frame', FaceFrameAnswer, frame),
    verify: (challengeId) => ask('POST', '/face/verify', PhoneFaceVerdict, { challengeId }),
    phoneCase: () => ask('GET', '/case', PhoneCase),
    sign: (signature) => ask('POST', '/signature', Done, signature),
    leave: () => ask('POST', '/leave', Done),
  };
}
