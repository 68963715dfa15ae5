import { describe, expect, it } from 'vitest';
import type { StatsAnswer } from '../../../hall/contract/console-api';
import { statsCsv } from '../../../hall/server/stats/stats-csv';

const figures = { sessions: 0, completed: 0, averageSeconds: null, feeFen: 0 };
const answer = (keys: string[]): StatsAnswer => ({
  query: { from: '2025-01-01', to: '2025-06-30', groupBy: 'service' },
  rows: keys.map((key, i) => ({ key, sessions: 10 + i, completed: 5, averageSeconds: 61.25, feeFen: 1050 })),
  total: { sessions: 20, completed: 10, averageSeconds: 61.3, feeFen: 2100 },
  previousPeriod: { ...figures, from: '2024-07-04', to: '2024-12-31', change: null },
  yearEarlier: { sessions: 9, completed: 4, averageSeconds: 50, feeFen: 0, from: '2024-01-01', to: '2024-06-30', change: 1.5 },
});

describe('the statistics CSV', () => {
  it('starts with a BOM and a Chinese and English header, ends lines with CRLF', () => {
    const csv = statsCsv(answer(['idcard.renewal']));
    expect(csv.startsWith('\uFEFF业务 Service,会话数 Sessions,办结数 Completed,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('idcard.renewal,10,5,61.3,10.50,');
    expect(lines[2]).toBe('合计 Total,20,10,61.3,21.00,');
    expect(lines[3]).toBe('环比 Previous period 2024-07-04–2024-12-31,0,0,,0.00,');
    expect(lines[4]).toBe('同比 Year earlier 2024-01-01–2024-06-30,9,4,50.0,0.00,150.0');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const lines = statsCsv(answer(['a,b', 'say "hi"', 'two\nlines'])).slice(1).split('\r\n');
    expect(lines[1]).toBe('"a,b",10,5,61.3,10.50,');
    expect(lines[2]).toBe('"say ""hi""",11,5,61.3,10.50,');
    expect(lines[3]).toBe('"two\nlines",12,5,61.3,10.50,');
  });

  it('keeps a formula-looking key as text', () => {
    const lines = statsCsv(answer(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', 'k1'])).slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",10,5,61.3,10.50,`);
    expect(lines[2]?.startsWith("'+1,")).toBe(true);
    expect(lines[3]?.startsWith("'-2+3,")).toBe(true);
    expect(lines[4]?.startsWith("'@SUM(A1),")).toBe(true);
    expect(lines[5]?.startsWith('k1,')).toBe(true);
  });
});
