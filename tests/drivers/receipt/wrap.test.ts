import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HALL_NAME } from '../../../electron/host/config/schema';
import { encodeAcceptanceReceipt } from '../../../drivers/receipt/templates/acceptance-receipt';
import { sanitizeText, textColumns } from '../../../drivers/receipt/text';
import { wrapText } from '../../../drivers/receipt/wrap';
import { connectedPrinter } from './helpers';

/** Punctuation a Chinese line may not start with (closing) or end with (opening): 禁则. */
const CLOSING = [...'，。、；：！？）」』】》〉”’'];
const OPENING = [...'（「『【《〈“‘'];

/** The lines read back in order equal the input, spaces dropped only where a line was broken. */
function expectSameTextModuloBreakSpaces(text: string, lines: readonly string[]): void {
  let rest = text;
  for (const [i, line] of lines.entries()) {
    if (i > 0) expect(line.startsWith(' ')).toBe(false);
    if (!line.startsWith(' ')) rest = rest.replace(/^ +/, ''); // spaces before a break (or that did not fit) drop
    expect(rest.startsWith(line), `line ${i} ${JSON.stringify(line)} continues ${JSON.stringify(rest)}`).toBe(true);
    rest = rest.slice(line.length);
  }
  expect(rest.trim()).toBe('');
}

describe('wrapping Chinese text where a reader expects it', () => {
  it('breaks the hall name at its space, not inside 智慧警务工作站 (80 mm, 48 columns)', () => {
    expect(wrapText(DEFAULT_HALL_NAME, 48)).toEqual(['平顶山市公安局城乡一体化示范区分局湖滨派出所', '智慧警务工作站']);
  });

  it('breaks inside a run of characters only when the run is longer than a line (58 mm, 32 columns)', () => {
    expect(wrapText(DEFAULT_HALL_NAME, 32)).toEqual(['平顶山市公安局城乡一体化示范区分', '局湖滨派出所 智慧警务工作站']);
  });

  it('prints the hall name on an acceptance receipt in two lines that keep each word whole', async () => {
    const { printer, sim } = await connectedPrinter({ simulator: { columns: 48 } });
    const bytes = encodeAcceptanceReceipt(
      { businessType: '居民身份证换领', acceptanceNumber: 'SL1', name: '王小明', idNumber: '11010519491231002X', amountFen: 0, site: DEFAULT_HALL_NAME, acceptedAt: new Date(0), progressUrl: 'https://x.example/p' },
      { paperWidthMm: 80 },
    );
    if (!bytes.ok) throw new Error(bytes.error.message);
    expect((await printer.print(bytes.value)).ok).toBe(true);
    await printer.stop();
    const lines = sim.receipts[0]!.lines;
    expect(lines.slice(0, 2)).toEqual(['平顶山市公安局城乡一体化示范区分局湖滨派出所', '智慧警务工作站']);
    // Under its label the name is longer than the room left, so it breaks between characters, but 智慧警务工作站 stays whole.
    const site = lines.findIndex((l) => l.startsWith('受理地点：'));
    expect(lines.slice(site, site + 2)).toEqual(['受理地点：平顶山市公安局城乡一体化示范区分局湖滨', '          派出所 智慧警务工作站']);
  });

  it('prefers a break after Chinese punctuation to one inside a clause', () => {
    expect(wrapText('请于三十个工作日后，凭本回执到受理地点领取证件。', 30)).toEqual(['请于三十个工作日后，', '凭本回执到受理地点领取证件。']);
    expect(wrapText('领取地点：湖滨派出所（户政大厅）', 20)).toEqual(['领取地点：湖滨派出所', '（户政大厅）']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation when it must break a run', () => {
    // A plain character break would put 。 first on the second line and leave （ last on the first.
    expect(wrapText('一二三四五。六七', 10)).toEqual(['一二三四', '五。六七']);
    expect(wrapText('一二三四（五六七八九十', 10)).toEqual(['一二三四', '（五六七八', '九十']);
  });

  it('keeps breaking Latin words at spaces', () => {
    expect(wrapText('hello big world', 9)).toEqual(['hello big', 'world']);
    expect(wrapText('Pingdingshan Public Security Bureau, Hubin Station', 20)).toEqual(['Pingdingshan Public', 'Security Bureau,', 'Hubin Station']);
  });

  it('property: lines read back as the input, none wider than the paper, none starting with closing or ending with opening punctuation', () => {
    const hanzi = fc.constantFrom(...'平顶山市公安局城乡一体化示范区分湖滨派出所智慧警务工作站喆𠮷㐀');
    const word = fc.oneof(fc.array(hanzi, { minLength: 1, maxLength: 14 }).map((a) => a.join('')), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/));
    // Text as it is written: words, separated by a space or closed by one mark, now and then in brackets.
    const piece = fc.oneof(
      fc.tuple(word, fc.constantFrom(' ', '', ...CLOSING)).map(([w, sep]) => w + sep),
      fc.tuple(fc.integer({ min: 0, max: OPENING.length - 1 }), word).map(([i, w]) => `${OPENING[i]}${w}${CLOSING[[5, 6, 7, 8, 9, 10, 11, 12][i]!]}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('').trim()), fc.integer({ min: 8, max: 60 }), (text, columns) => {
        const lines = wrapText(text, columns);
        expectSameTextModuloBreakSpaces(text, lines);
        for (const [i, line] of lines.entries()) {
          expect(textColumns(line)).toBeLessThanOrEqual(columns);
          if (i > 0) expect(CLOSING, `line ${i} of ${JSON.stringify(lines)}`).not.toContain([...line][0]);
          if (i < lines.length - 1) expect(OPENING, `line ${i} of ${JSON.stringify(lines)}`).not.toContain([...line].at(-1));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: any text at any width fits and reads back as the input', () => {
    const ch = fc.oneof(fc.constantFrom('a', ' ', '-', '喆', '一', '𠮷', ...CLOSING, ...OPENING), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 200 }).map((a) => sanitizeText(a.join(''))), fc.integer({ min: 2, max: 60 }), (text, columns) => {
        const lines = wrapText(text, columns);
        for (const line of lines) expect(textColumns(line)).toBeLessThanOrEqual(columns);
        expectSameTextModuloBreakSpaces(text, lines);
      }),
      { numRuns: 500 },
    );
  });
});
