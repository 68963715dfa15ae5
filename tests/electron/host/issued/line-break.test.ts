import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakParagraph, tokenize } from '../../../../electron/host/issued/layout/line-break';

const width = (c: string): number => (/[\x20-\x7e]/.test(c) ? (c === ' ' ? 0.25 : 0.55) : 1);

describe('breakParagraph', () => {
  it('keeps an ID number whole and hangs closing punctuation', () => {
    const lines = breakParagraph('经查询未发现有犯罪记录（号码：11010519491231002X）。', 10, 10, width);
    expect(lines.some((l) => l.text.includes('11010519491231002X'))).toBe(true);
    for (const line of lines.slice(1)) expect('，。）：、'.includes(line.text[0]!)).toBe(false);
  });

  it('never loses or reorders characters, and lines fit unless hanging punctuation or one long word', () => {
    const chars = fc.constantFrom(...Array.from('经查询截至年月日未发现有犯罪记录，。（）：ABC123 喆䶮'));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), fc.integer({ min: 3, max: 20 }), (arr, limit) => {
        const text = arr.join('');
        const lines = breakParagraph(text, limit, limit, width);
        expect(lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        expect(lines[lines.length - 1]!.last).toBe(true);
        for (const line of lines) {
          const overflow = line.width > limit + 1e-6;
          if (overflow) {
            const lastChar = Array.from(line.text).pop() ?? '';
            const longWord = tokenize(line.text).some((t) => t.length > 1 && Array.from(t).reduce((s, c) => s + width(c), 0) > limit);
            expect('，。）：'.includes(lastChar) || longWord || Array.from(line.text).length === 1).toBe(true);
          }
        }
      }),
    );
  });
});
