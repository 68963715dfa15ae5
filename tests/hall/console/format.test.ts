/** The console writes a change as the seed report does: one decimal, cut rather than rounded. */
import { describe, expect, it } from 'vitest';
import { formatChange } from '../../../hall/console/format';

describe('a change as the seed writes it', () => {
  it('cuts to one decimal: 2,139 certificates against 787 is +171.7 %, 7,985 户政 against 5,220 is +52.9 %', () => {
    expect(formatChange(2139 / 787 - 1)).toBe('+171.7 %');
    expect(formatChange(7985 / 5220 - 1)).toBe('+52.9 %');
  });

  it('keeps exact tenths exact, and writes a fall with a minus and no change without a sign', () => {
    expect(formatChange(0.529)).toBe('+52.9 %');
    expect(formatChange(-0.1)).toBe('-10.0 %');
    expect(formatChange(-2 / 3)).toBe('-66.6 %');
    expect(formatChange(0)).toBe('0.0 %');
    expect(formatChange(-0.0004)).toBe('0.0 %');
  });
});
