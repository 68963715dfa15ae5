import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../../electron/contract';
import type { BaseFlowContext } from '../../../../electron/host/flows/flow-context';
import {
  consentGiven,
  faceMayRetry,
  facePassed,
  identityIsForeigner,
  identityProblem,
  identityUsable,
  reprintAvailable,
  verified,
} from '../../../../electron/host/flows/guards';

const resident: Identity = {
  source: 'card',
  cardType: 'resident',
  name: '陈思远',
  idNumber: '410402199001011230',
  idNumberMasked: '4104**********1230',
  idNumberValid: true,
  validTo: '2035-03-01',
  expired: false,
};
const typedForeigner: Identity = { ...resident, source: 'typed', cardType: null, name: null, idNumber: '941124198804120029', validTo: null };
const ctx = (over: Partial<BaseFlowContext> = {}): BaseFlowContext => ({
  identity: resident,
  consent: true,
  face: { passed: true, attempts: 1, last: 'passed' },
  ...over,
});

describe('identity guards', () => {
  it.each([
    ['missing', null, 'missing', false],
    ['valid and unexpired', resident, null, true],
    ['bad checksum', { ...resident, idNumberValid: false }, 'invalidNumber', false],
    ['expired', { ...resident, expired: true }, 'expired', false],
    ['typed (never expired)', { ...resident, source: 'typed' as const, validTo: null }, null, true],
  ])('%s', (_label, identity, problem, usable) => {
    expect(identityProblem(identity)).toBe(problem);
    expect(identityUsable(ctx({ identity }))).toBe(usable);
  });

  it('an expired card is usable only where the run accepts one (identifyStep acceptExpired: a renewal)', () => {
    const expired = { ...resident, expired: true };
    expect(identityProblem(expired, true)).toBeNull();
    expect(identityProblem({ ...expired, idNumberValid: false }, true)).toBe('invalidNumber');
    expect(identityUsable(ctx({ identity: expired, acceptExpired: true }))).toBe(true);
    expect(verified(ctx({ identity: expired, acceptExpired: true }))).toBe(true);
    expect(identityUsable(ctx({ identity: expired, acceptExpired: false }))).toBe(false);
  });

  it.each([
    ['resident card', resident, false],
    ['foreigner card', { ...resident, cardType: 'foreigner' as const }, true],
    ['typed 2023 foreigner number', typedForeigner, true],
    ['hmt card', { ...resident, cardType: 'hmt' as const, idNumber: '810000199507200020' }, false],
    ['no identity', null, false],
  ])('foreigner: %s', (_label, identity, expected) => {
    expect(identityIsForeigner(ctx({ identity }))).toBe(expected);
  });
});

describe('consent, face and query guards', () => {
  const failedFace = { passed: false, attempts: 1, last: 'noMatch' as const };
  it.each([
    ['everything in order', ctx(), true],
    ['no consent', ctx({ consent: false }), false],
    ['face not passed', ctx({ face: failedFace }), false],
    ['expired identity', ctx({ identity: { ...resident, expired: true } }), false],
    ['no identity', ctx({ identity: null }), false],
  ])('verified: %s', (_label, context, isVerified) => {
    expect(verified(context)).toBe(isVerified);
  });

  it('consentGiven and facePassed read the context only', () => {
    expect(consentGiven(ctx({ consent: false }))).toBe(false);
    expect(facePassed(ctx({ face: failedFace }))).toBe(false);
  });

  it.each([
    [2, true],
    [1, true],
    [0, false],
  ])('faceMayRetry with %i left (the face module counts against face.maxAttempts) → %s', (left, expected) => {
    expect(faceMayRetry(left)).toBe(expected);
  });

  it.each([
    [{ documentNumber: 'WF1', reprintsUsed: 0, reprintable: true }, true],
    [{ documentNumber: 'WF1', reprintsUsed: 1, reprintable: true }, false],
    [{ documentNumber: null, reprintsUsed: 0, reprintable: true }, false],
    [{ documentNumber: 'WF1', reprintsUsed: 0, reprintable: false }, false],
  ])('reprintAvailable %o → %s', (print, expected) => {
    expect(reprintAvailable(print)).toBe(expected);
  });
});
