/**
 * The statistics as a CSV file an officer opens in Excel or WPS: UTF-8 with a
 * BOM (otherwise Excel reads the Chinese header as GBK), CRLF line ends,
 * RFC 4180 quoting, a bilingual header, fees in yuan. Text cells that a
 * spreadsheet would run as a formula (`= + - @`, tab, CR) get a leading `'`.
 */
import type { StatsAnswer } from '../../contract/console-api';

const BOM = '\uFEFF';

const GROUP_HEADER: Record<StatsAnswer['query']['groupBy'], string> = {
  service: '业务 Service',
  category: '类别 Category',
  kiosk: '终端 Kiosk',
  day: '日期 Day',
  month: '月份 Month',
};

export function statsCsv(answer: StatsAnswer): string {
  const header = [GROUP_HEADER[answer.query.groupBy], '会话数 Sessions', '办结数 Completed', '平均用时(秒) Average seconds', '收费(元) Fees (CNY)', '办结变化(%) Change in completed (%)'];
  const figures = (f: StatsAnswer['total']) => [String(f.sessions), String(f.completed), f.averageSeconds === null ? '' : f.averageSeconds.toFixed(1), (f.feeFen / 100).toFixed(2)];
  const change = (c: number | null) => (c === null ? '' : (c * 100).toFixed(1));
  const lines: string[][] = [
    header.map(textCell),
    ...answer.rows.map((row) => [textCell(row.key), ...figures(row), '']),
    ['合计 Total', ...figures(answer.total), ''],
    [`环比 Previous period ${answer.previousPeriod.from}–${answer.previousPeriod.to}`, ...figures(answer.previousPeriod), change(answer.previousPeriod.change)],
    [`同比 Year earlier ${answer.yearEarlier.from}–${answer.yearEarlier.to}`, ...figures(answer.yearEarlier), change(answer.yearEarlier.change)],
  ];
  return BOM + lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** A text cell a spreadsheet shows as text, never evaluates (OWASP CSV injection). Numbers we format ourselves do not pass here. */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
