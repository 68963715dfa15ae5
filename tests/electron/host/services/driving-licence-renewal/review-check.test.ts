/**
 * The 审验 check of 期满换证 (review-check.ts): where the back-end's list of
 * unhandled violations sends the run, and the sandbox's answer for the
 * people the renewal meets (today 2026-12-01).
 */
import { describe, expect, it } from 'vitest';
import { routeReview, unhandledViolations } from '../../../../../electron/host/services/driving-licence-renewal/review-check';
import { trafficViolations, type Violation } from '../../../../../electron/host/services/shared/traffic/violations';
import { sandboxGateway } from '../flow-kit';

const REASON = 'svc.driving-licence-renewal.counter.unhandledViolations';
const violation = (over: Partial<Violation> = {}): Violation => ({
  number: '4104027300015236',
  plate: '豫D6N3H8',
  plateType: '02',
  occurredAt: '2026-11-13T09:26',
  place: '平顶山市新华区中兴路与矿工路交叉口',
  code: '13450',
  behaviour: '驾驶机动车违反禁止标线指示的',
  fineFen: 10_000,
  points: 1,
  photoCount: 2,
  onOtherLicence: false,
  decidedOn: null,
  surchargeFen: 0,
  ...over,
});

describe('driving-licence-renewal: the 审验 check', () => {
  it('none unhandled: on to the kind', () => {
    expect(routeReview({ ok: true, value: { violations: [] } }, REASON)).toEqual({ to: 'next' });
  });

  it('some unhandled: the counter with how many (one on another driver\'s licence is not this driver\'s)', () => {
    const answer = { violations: [violation(), violation({ number: '4104027300015237' }), violation({ number: '4104027300015238', onOtherLicence: true })] };
    expect(unhandledViolations(answer)).toBe(2);
    expect(routeReview({ ok: true, value: answer }, REASON)).toEqual({ to: 'counter', reasonKey: REASON, reasonParams: { violations: '2' } });
  });

  it('the back-end unreachable: another try; not found: the counter (never on without knowing)', () => {
    expect(routeReview({ ok: false, error: { kind: 'unavailable' } }, REASON)).toEqual({ to: 'retry' });
    expect(routeReview({ ok: false, error: { kind: 'notFound' } }, REASON)).toMatchObject({ to: 'counter' });
  });

  it('the sandbox: 周建平 has one unhandled, 高志远 none', async () => {
    const gateway = sandboxGateway();
    const zhou = await gateway.call(trafficViolations, { by: 'licence', idNumber: '410402198009120031' });
    expect(zhou.ok && unhandledViolations(zhou.value)).toBe(1);
    const gao = await gateway.call(trafficViolations, { by: 'licence', idNumber: '410402197908230010' });
    expect(gao.ok && unhandledViolations(gao.value)).toBe(0);
  });
});
