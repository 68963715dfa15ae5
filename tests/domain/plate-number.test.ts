import { describe, expect, it } from 'vitest';
import { PROVINCES, plateState } from '../../domain/plate-number';

describe('plate shape', () => {
  it('has the 31 province characters', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES).size).toBe(31);
  });

  it.each([
    ['京A12345', { kind: 'valid', plateKind: 'ordinary' }],
    ['粤B1234学', { kind: 'valid', plateKind: 'ordinary' }],
    ['沪AD12345', { kind: 'valid', plateKind: 'newEnergy' }],
    ['沪AF1A234', { kind: 'invalid', reason: 'newEnergyDigits' }],
    ['沪A12345D', { kind: 'valid', plateKind: 'newEnergy' }],
    ['沪A1234A5', { kind: 'invalid', reason: 'newEnergyPosition' }],
    ['京I12345', { kind: 'invalid', reason: 'letterIO' }],
    ['京A12O45', { kind: 'invalid', reason: 'letterIO' }],
    ['港A12345', { kind: 'invalid', reason: 'province' }],
    ['京A1学345', { kind: 'invalid', reason: 'ending' }],
    ['京A1234', { kind: 'incomplete' }],
    ['京A123456789', { kind: 'invalid', reason: 'tooLong' }],
  ])('%s', (plate, expected) => {
    expect(plateState(plate)).toEqual(expected);
  });
});
