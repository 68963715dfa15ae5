/**
 * The phone's API routes (hall/contract/proxy-api.ts), against the case
 * registry and the principal's face check. Each request is already known to
 * come from our own origin with a parsed JSON body; here the body goes
 * through the contract's schema and the cookie's secret names the case. The
 * phone never names a case itself.
 */
import { z } from 'zod';
import { SignatureStrokes } from '../../../../electron/contract/proxy';
import { ClaimInvite, PhoneFaceConsent, PhoneFaceFrame, PhoneFaceVerify } from '../../../contract/proxy-api';
import type { ProxyCaseRegistry } from '../case-registry.types';
import type { PrincipalFaceCheck } from '../ports';
import { clearedPhoneCookie, phoneCookie } from './phone-cookie';
import { phoneError, phoneOk, type PhoneReply } from './phone-reply';

export interface PhoneRouteDeps {
  registry: ProxyCaseRegistry;
  faceCheck: PrincipalFaceCheck;
}

export interface PhoneRequest {
  method: string;
  /** The path after `/phone/api`, e.g. `/claim`. */
  route: string;
  /** The cookie's phone secret, when it has one. */
  secret: string | null;
  /** The parsed JSON body (undefined when empty). */
  body: unknown;
}

/** Largest body per route (bytes); a frame is a ≤ 110 000-character JPEG, a signature ≤ 3 000 points. */
export function bodyLimit(route: string): number {
  switch (route) {
    case '/face/frame':
      return 128 * 1024;
    case '/signature':
      return 256 * 1024;
    default:
      return 4 * 1024;
  }
}

const ROUTES: Record<string, 'GET' | 'POST'> = {
  '/claim': 'POST',
  '/face/consent': 'POST',
  '/face/challenge': 'POST',
  '/face/frame': 'POST',
  '/face/verify': 'POST',
  '/case': 'GET',
  '/signature': 'POST',
  '/leave': 'POST',
};

/** Whether `route` exists, and for which method. */
export function routeMethod(route: string): 'GET' | 'POST' | null {
  return Object.hasOwn(ROUTES, route) ? ROUTES[route]! : null;
}

const EmptyBody = z.object({}).strict();

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | null {
  const parsed = schema.safeParse(body);
  return parsed.success ? (parsed.data as z.infer<S>) : null;
}

export async function handlePhoneRoute(deps: PhoneRouteDeps, request: PhoneRequest): Promise<PhoneReply> {
  const { registry, faceCheck } = deps;
  if (request.route === '/claim') {
    const claim = parse(ClaimInvite, request.body);
    if (!claim) return phoneError('badRequest');
    const claimed = registry.claim(claim.token);
    if (!claimed.ok) return phoneError(claimed.error);
    return phoneOk(claimed.value.claimed, phoneCookie(claimed.value.phoneSecret));
  }

  if (request.secret === null) return phoneError('notClaimed');
  const owned = registry.phoneCaseId(request.secret);
  if (!owned.ok) return phoneError(owned.error);
  const caseId = owned.value;
  // Once verified, the face check is over: a late verify must not count a try against a verified case.
  if (request.route.startsWith('/face/') && registry.phoneCase(caseId).ok) return phoneError('badRequest');

  switch (request.route) {
    case '/face/consent': {
      const consent = parse(PhoneFaceConsent, request.body);
      if (!consent) return phoneError('badRequest');
      faceCheck.consent(caseId, consent.granted);
      return phoneOk();
    }
    case '/face/challenge': {
      if (parse(EmptyBody, request.body ?? {}) === null) return phoneError('badRequest');
      const challenge = faceCheck.challenge(caseId);
      return challenge.ok ? phoneOk(challenge.value) : phoneError(challenge.error);
    }
    case '/face/frame': {
      const frame = parse(PhoneFaceFrame, request.body);
      if (!frame) return phoneError('badRequest');
      return phoneOk(await faceCheck.frame(caseId, frame));
    }
    case '/face/verify': {
      const verify = parse(PhoneFaceVerify, request.body);
      if (!verify) return phoneError('badRequest');
      const idNumber = registry.principalIdNumber(caseId);
      if (idNumber === null) return phoneError('caseEnded');
      const verdict = await faceCheck.verify(caseId, idNumber, verify.challengeId);
      if (verdict.outcome === 'match') {
        faceCheck.forget(caseId);
        registry.principalVerified(caseId);
      } else if (verdict.attemptsLeft === 0) {
        faceCheck.forget(caseId);
        registry.principalFaceFailed(caseId);
      }
      return phoneOk(verdict);
    }
    case '/case': {
      const view = registry.phoneCase(caseId);
      return view.ok ? phoneOk(view.value) : phoneError(view.error);
    }
    case '/signature': {
      const strokes = parse(SignatureStrokes, request.body);
      if (!strokes) return phoneError('badRequest');
      const signed = registry.principalSigned(caseId, strokes);
      return signed.ok ? phoneOk({}) : phoneError(signed.error);
    }
    case '/leave':
      faceCheck.forget(caseId);
      registry.phoneLeft(caseId);
      return phoneOk({}, clearedPhoneCookie());
    default:
      return phoneError('badRequest');
  }
}
