/** What the `a4` commands say about a queue: the status object and zh/en messages. */
import type { CupsError, PrinterAttributes } from '../a4/cups/cups-client';
import { conditionOf, type PrinterProblem, type PrinterWarning } from '../a4/cups/printer-condition';
import {
  messageKeyOf,
  PRINT_MESSAGES,
  type PrintMessageKey,
  type PrintProblem,
} from '../a4/print-outcome';
import type { QueueTarget } from './a4-options';

/** `a4 status --json`: one object. */
export interface A4StatusReport {
  queue: string;
  server: string;
  state: PrinterAttributes['state'];
  reasons: string[];
  paper: 'ok' | 'low' | 'out';
  jammed: boolean;
  doorOpen: boolean;
  online: boolean;
  accepting: boolean;
  /** No problem stops printing (warnings such as paper low may remain). */
  ready: boolean;
  problems: PrinterProblem[];
  warnings: PrinterWarning[];
}

/** The report for a queue's attributes. */
export function statusReport(target: QueueTarget, attrs: PrinterAttributes): A4StatusReport {
  const { problems, warnings } = conditionOf(attrs);
  return {
    queue: target.queue,
    server: target.server,
    state: attrs.state,
    reasons: attrs.reasons,
    paper: problems.includes('paperOut') ? 'out' : warnings.includes('paperLow') ? 'low' : 'ok',
    jammed: problems.includes('paperJam'),
    doorOpen: problems.includes('doorOpen'),
    online: !problems.includes('printerOffline'),
    accepting: attrs.accepting,
    ready: problems.length === 0,
    problems,
    warnings,
  };
}

/** The print problem a CUPS failure amounts to. */
export function cupsFailureProblem(error: CupsError): PrintProblem {
  switch (error.kind) {
    case 'cupsUnavailable':
      return 'cupsUnavailable';
    case 'queueMissing':
    case 'toolMissing':
      return 'queueMissing';
    case 'jobMissing':
    case 'cupsError':
      return 'submitFailed';
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/** `中文 / English` for a message key. */
export function bilingual(key: PrintMessageKey): string {
  const text = PRINT_MESSAGES[key];
  return `${text['zh-CN']} / ${text.en}`;
}

/** `中文 / English` for a problem. */
export function problemText(problem: PrintProblem): string {
  return bilingual(messageKeyOf(problem));
}

/** Human-readable lines for `a4 status` without `--json`. */
export function statusLines(report: A4StatusReport): string {
  const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
  const lines = [
    `queue ${report.queue} on ${report.server}: ${report.state}, ${report.accepting ? 'accepting jobs' : 'NOT accepting jobs'}`,
    `paper ${report.paper}, jammed ${yesNo(report.jammed)}, door open ${yesNo(report.doorOpen)}, online ${yesNo(report.online)}`,
    `printer-state-reasons: ${report.reasons.length > 0 ? report.reasons.join(',') : 'none'}`,
    report.ready
      ? '可以打印 / ready to print'
      : `不可打印 / not ready: ${report.problems.map(problemText).join(' | ')}`,
    ...report.warnings.map(
      (w) => `提示 / warning: ${bilingual(w === 'paperLow' ? 'print.paperLow' : 'print.tonerLow')}`,
    ),
  ];
  return lines.join('\n');
}
