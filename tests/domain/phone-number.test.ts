import { describe, expect, it } from 'vitest';
import { groupPhone, phoneState } from '../../domain/phone-number';

describe('phone number shape', () => {
  it.each([
    ['', 'empty'],
    ['138', 'incomplete'],
    ['13800138000', 'valid'],
    ['19912345678', 'valid'],
    ['2', 'invalid'],
    ['12', 'invalid'],
    ['10800138000', 'invalid'],
  ])('%s is %s', (value, kind) => {
    expect(phoneState(value).kind).toBe(kind);
  });

  it('names the wrong digit', () => {
    expect(phoneState('2')).toEqual({ kind: 'invalid', reason: 'firstDigit' });
    expect(phoneState('120')).toEqual({ kind: 'invalid', reason: 'secondDigit' });
  });

  it('groups 3-4-4', () => {
    expect(groupPhone('13800138000')).toEqual(['138', '0013', '8000']);
    expect(groupPhone('13800')).toEqual(['138', '00']);
  });
});
