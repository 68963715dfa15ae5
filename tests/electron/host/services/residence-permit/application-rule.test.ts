/**
 * The back-end's rule for a first 居住证 (居住证暂行条例 art. 2, art. 9) as
 * the sandbox applies it: every answer, including the two no sandbox person
 * reaches (inProgress; notRegistered for a mainland resident), and the
 * half-year and 15-day dates.
 */
import { describe, expect, it } from 'vitest';
import { applicationDecision, applyFrom, issuedBy, type ResidenceRecord } from '../../../../../electron/host/services/residence-permit/application-rule';

const TODAY = '2026-12-01';
const record = (over: Partial<ResidenceRecord>): ResidenceRecord => ({ householdHere: false, permitNumber: null, applicationInProgressSince: null, registeredSince: '2026-04-01', ...over });

describe('居住证申领: who may apply', () => {
  it.each([
    ['registered eight months: eligible', record({}), { status: 'eligible' }],
    ['registered exactly half a year today: eligible', record({ registeredSince: '2026-06-01' }), { status: 'eligible' }],
    ['registered a day short of half a year: tooShort, from tomorrow', record({ registeredSince: '2026-06-02' }), { status: 'tooShort', registeredSince: '2026-06-02', applyFrom: '2026-12-02' }],
    ['registered three months: tooShort with the day they may apply', record({ registeredSince: '2026-09-01' }), { status: 'tooShort', registeredSince: '2026-09-01', applyFrom: '2027-03-01' }],
    ['no 居住登记 here: notRegistered', record({ registeredSince: null }), { status: 'notRegistered' }],
    ['an application being made: inProgress, with its day', record({ applicationInProgressSince: '2026-11-20' }), { status: 'inProgress', appliedOn: '2026-11-20' }],
    ['a permit held here: alreadyHeld (endorse instead)', record({ permitNumber: '4101002025JZ003187', applicationInProgressSince: '2026-11-20' }), { status: 'alreadyHeld', permitNumber: '4101002025JZ003187' }],
    ['户籍 here: localResident, whatever else', record({ householdHere: true, permitNumber: 'X1234567', registeredSince: null }), { status: 'localResident' }],
  ])('%s', (_label, input, decision) => {
    expect(applicationDecision(input, TODAY)).toEqual(decision);
  });

  it('half a year is counted in calendar months; the permit is due within 15 days of acceptance', () => {
    expect(applyFrom('2026-08-31')).toBe('2027-02-28');
    expect(issuedBy('2026-12-01')).toBe('2026-12-16');
    expect(issuedBy('2026-12-20')).toBe('2027-01-04');
  });
});
