import { describe, expect, it } from 'vitest';
import { amountInWords, formatYuan } from '../../../../electron/host/issued/templates/chinese-amount';

describe('amounts', () => {
  it.each([
    [0, '零元整'],
    [1000, '壹拾元整'],
    [2000, '贰拾元整'],
    [4050, '肆拾元伍角'],
    [12000, '壹佰贰拾元整'],
    [1005, '壹拾元零伍分'],
    [100_000_00, '壹拾万元整'],
    [100_500_00, '壹拾万零伍佰元整'],
    [5, '伍分'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });
  it('formats figures', () => {
    expect(formatYuan(2000)).toBe('¥20.00');
    expect(formatYuan(4005)).toBe('¥40.05');
  });
});
