import { describe, expect, it } from 'vitest';
import type { GatewayResult, PersonRecord, CriminalRecordAnswer } from '../../../../../electron/host/gateway/police-gateway';
import { certificateIssuable, routeAnswer, routePerson } from '../../../../../electron/host/services/no-criminal-record/rules';

const henan = { provinceCode: '41', province: '河南省', city: '平顶山市' };
const person = (over: Partial<PersonRecord>): GatewayResult<PersonRecord> => ({ ok: true, value: { name: '某', holder: 'resident', registeredResidence: henan, ...over } });

describe('routePerson', () => {
  it.each([
    ['Henan resident', person({}), 'eligible'],
    ['Jiangsu resident', person({ registeredResidence: { provinceCode: '32', province: '江苏省', city: '南京市' } }), 'outOfProvince'],
    ['Jiangsu resident with a 居住证 here', person({ registeredResidence: { provinceCode: '32', province: '江苏省', city: '南京市' }, residencePermitHere: true }), 'eligible'],
    ['Jiangsu resident whose 居住证 is not from here', person({ registeredResidence: { provinceCode: '32', province: '江苏省', city: '南京市' }, residencePermitHere: false }), 'outOfProvince'],
    ['foreigner', person({ holder: 'foreigner', registeredResidence: null }), 'foreigner'],
    ['HMT resident', person({ holder: 'hmt', registeredResidence: null }), 'counterOnly'],
    ['resident without 户籍', person({ registeredResidence: null }), 'counterOnly'],
    ['unknown person', { ok: false, error: { kind: 'notFound' } }, 'notFound'],
    ['timeout', { ok: false, error: { kind: 'timeout' } }, 'backendProblem'],
    ['garbage', { ok: false, error: { kind: 'badResponse', detail: 'x' } }, 'backendProblem'],
  ] as Array<[string, GatewayResult<PersonRecord>, string]>)('%s → %s', (_label, result, route) => {
    expect(routePerson(result, '41')).toBe(route);
  });
});

describe('routeAnswer and certificateIssuable', () => {
  const answer = (result: CriminalRecordAnswer['result']): GatewayResult<CriminalRecordAnswer> => ({ ok: true, value: { result, queryDate: '2026-03-02', issuingOffice: 'X' } });
  it.each([
    ['noRecord', answer('noRecord'), 'certificate', true],
    ['sealedJuvenile', answer('sealedJuvenile'), 'certificate', true],
    ['record', answer('record'), 'counter', false],
    ['needsReview', answer('needsReview'), 'counter', false],
  ] as const)('%s → %s', (result, value, route, issuable) => {
    expect(routeAnswer(value)).toBe(route);
    expect(certificateIssuable(result)).toBe(issuable);
  });
  it.each([
    [{ kind: 'notFound' }, 'notFound'],
    [{ kind: 'timeout' }, 'retryable'],
    [{ kind: 'unavailable', status: 503 }, 'retryable'],
    [{ kind: 'badResponse', detail: '' }, 'retryable'],
  ] as const)('failure %o → %s', (error, route) => {
    expect(routeAnswer({ ok: false, error })).toBe(route);
  });
});
