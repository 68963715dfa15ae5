/**
 * What became of a print, for the UI to explain (message keys, zh-CN + en in
 * {@link PRINT_MESSAGES}) and the journal to record. A print succeeded only
 * when CUPS reports the job `completed`.
 */
import type { JobState } from './cups/cups-client';
import type { PrinterProblem, PrinterWarning } from './cups/printer-condition';

export type PrintProblem =
  | PrinterProblem
  | 'cupsUnavailable'
  | 'queueMissing'
  | 'jobAborted'
  | 'jobCancelled'
  | 'jobStopped'
  | 'timeout'
  | 'submitFailed';

export type PrintOutcome =
  | { kind: 'completed'; jobId: number; warnings: PrinterWarning[]; messageKey: 'print.completed' }
  | {
      kind: 'notPrinted';
      /** `beforeSubmit`: refused, nothing reached the printer. `afterSubmit`: a job ran and did not complete (and was cancelled). */
      stage: 'beforeSubmit' | 'afterSubmit';
      problem: PrintProblem;
      messageKey: PrintMessageKey;
      jobId?: number;
      jobState?: JobState | 'timeout';
      warnings: PrinterWarning[];
    };

export type PrintMessageKey = 'print.completed' | `print.${PrintProblem}` | 'print.paperLow' | 'print.tonerLow' | 'print.reprintUsed' | 'print.reprintUnavailable';

/** The key for a problem. */
export function messageKeyOf(problem: PrintProblem): PrintMessageKey {
  return `print.${problem}`;
}

/** Default texts; the renderer's i18n catalogues should carry the same keys. */
export const PRINT_MESSAGES: Record<PrintMessageKey, { 'zh-CN': string; en: string }> = {
  'print.completed': { 'zh-CN': '打印完成，请取走您的文件。', en: 'Printed. Please take your document.' },
  'print.paperOut': { 'zh-CN': '打印机缺纸，请联系工作人员。', en: 'The printer is out of paper. Please ask staff for help.' },
  'print.paperJam': { 'zh-CN': '打印机卡纸，请联系工作人员。', en: 'Paper is jammed in the printer. Please ask staff for help.' },
  'print.doorOpen': { 'zh-CN': '打印机舱门未关闭，请联系工作人员。', en: 'A printer door is open. Please ask staff for help.' },
  'print.tonerOut': { 'zh-CN': '打印机墨粉用尽，请联系工作人员。', en: 'The printer is out of toner. Please ask staff for help.' },
  'print.printerOffline': { 'zh-CN': '打印机未连接，请联系工作人员。', en: 'The printer is offline. Please ask staff for help.' },
  'print.queueStopped': { 'zh-CN': '打印服务已暂停，请联系工作人员。', en: 'Printing is paused. Please ask staff for help.' },
  'print.notAccepting': { 'zh-CN': '打印服务暂不可用，请联系工作人员。', en: 'Printing is not available now. Please ask staff for help.' },
  'print.cupsUnavailable': { 'zh-CN': '打印服务未运行，请联系工作人员。', en: 'The print service is not running. Please ask staff for help.' },
  'print.queueMissing': { 'zh-CN': '未配置打印机，请联系工作人员。', en: 'No printer is set up. Please ask staff for help.' },
  'print.jobAborted': { 'zh-CN': '打印未完成，请联系工作人员。', en: 'Printing did not finish. Please ask staff for help.' },
  'print.jobCancelled': { 'zh-CN': '打印已取消。', en: 'Printing was cancelled.' },
  'print.jobStopped': { 'zh-CN': '打印机已停止，打印未完成，请联系工作人员。', en: 'The printer stopped before printing finished. Please ask staff for help.' },
  'print.timeout': { 'zh-CN': '打印超时未完成，请联系工作人员。', en: 'Printing took too long and was stopped. Please ask staff for help.' },
  'print.submitFailed': { 'zh-CN': '无法发送打印任务，请联系工作人员。', en: 'The document could not be sent to the printer. Please ask staff for help.' },
  'print.paperLow': { 'zh-CN': '打印纸即将用完，请工作人员及时补充。', en: 'Paper is running low; staff should refill it soon.' },
  'print.tonerLow': { 'zh-CN': '打印机墨粉不足，请工作人员及时更换。', en: 'Toner is low; staff should replace it soon.' },
  'print.reprintUsed': { 'zh-CN': '该文件已重新打印过一次，如需再次打印请联系工作人员。', en: 'This document has already been reprinted once. Please ask staff for help.' },
  'print.reprintUnavailable': { 'zh-CN': '该文件已无法重新打印，请联系工作人员。', en: 'This document can no longer be reprinted. Please ask staff for help.' },
};
