/**
 * The household rule of child-id-card-household as the sandbox applies it:
 * the 户口 first, then the age on the back-end's today (16 on the 16th
 * birthday itself), then the card and an application in progress.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, householdVerdict, type SandboxHouseholds } from '../../../../../electron/host/services/child-id-card/backend';

const GUARDIAN = '410402199001011230';
const CHILD = '410402201806150027';
const data = (facts = { hasCard: false, applicationInProgress: false }, exemptions: SandboxHouseholds['exemptions'] = {}): SandboxHouseholds => ({
  households: { [GUARDIAN]: [CHILD] },
  children: { [CHILD]: facts },
  exemptions,
  readyWithinDays: 20,
});
const ask = { guardianIdNumber: GUARDIAN, childIdNumber: CHILD };

describe('child-id-card-household (sandbox rule)', () => {
  it('陈小雨 is under 16 until the day before her 16th birthday, and 16 on it', () => {
    expect(householdVerdict(data(), ask, '陈小雨', '2034-06-14')).toMatchObject({ verdict: 'eligible', child: { name: '陈小雨', birthDate: '2018-06-15' }, exemption: 'none', readyWithinDays: 20 });
    expect(householdVerdict(data(), ask, '陈小雨', '2034-06-15')).toEqual({ verdict: 'refused', reason: 'aged16OrOver' });
  });

  it('checks the household before anything else', () => {
    expect(householdVerdict(data({ hasCard: true, applicationInProgress: true }), { ...ask, guardianIdNumber: '410403195806150041' }, '陈小雨', '2026-12-01')).toEqual({ verdict: 'refused', reason: 'notInHousehold' });
  });

  it('refuses a child with a card, then one with an application in progress', () => {
    expect(householdVerdict(data({ hasCard: true, applicationInProgress: true }), ask, '陈小雨', '2026-12-01')).toEqual({ verdict: 'refused', reason: 'alreadyHasCard' });
    expect(householdVerdict(data({ hasCard: false, applicationInProgress: true }), ask, '陈小雨', '2026-12-01')).toEqual({ verdict: 'refused', reason: 'applicationInProgress' });
  });

  it("gives the guardian household's exemption", () => {
    expect(householdVerdict(data(undefined, { [GUARDIAN]: 'dibao' }), ask, '陈小雨', '2026-12-01')).toMatchObject({ verdict: 'eligible', exemption: 'dibao' });
  });

  it('ageOn: whole years, the birthday counting from its own day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 60 }), (birth, years) => {
        const born = birth.toISOString().slice(0, 10);
        // Feb 29 births have no birthday in common years: skip them.
        fc.pre(born.slice(5) !== '02-29');
        const birthday = `${String(Number(born.slice(0, 4)) + years).padStart(4, '0')}${born.slice(4)}`;
        const dayBefore = new Date(`${birthday}T00:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        expect(ageOn(born, birthday)).toBe(years);
        if (years > 0) expect(ageOn(born, dayBefore.toISOString().slice(0, 10))).toBe(years - 1);
      }),
    );
  });
});
