/** Why a receipt was not (fully) printed, and how to say so to staff and citizens. */
import type { DeviceFailure } from '../device';
import type { PrinterStatus } from './status';

/** Why a job interrupted mid-print stopped. */
export type InterruptionCause = 'paperOut' | 'coverOpen' | 'error' | 'offline';

/**
 * A print that did not happen or did not finish. Refusals (nothing was sent):
 * `paperOut`, `coverOpen`, `notReady`, and `hardwareError` for cutter or
 * unrecoverable errors. After sending: `interrupted` when the status after the
 * job shows the paper ran out, the cover opened or an error occurred (the
 * receipt may be incomplete). `timeout`/`noDevice` when the printer stopped
 * answering or went away.
 */
export type PrintFailure =
  | DeviceFailure
  | { kind: 'paperOut'; message: string }
  | { kind: 'coverOpen'; message: string }
  | { kind: 'notReady'; status: PrinterStatus; message: string }
  | { kind: 'interrupted'; cause: InterruptionCause; status: PrinterStatus; message: string };

/** A failure in Chinese and English, for the CLI and the staff screen. */
export function describePrintFailure(failure: PrintFailure): { zh: string; en: string } {
  switch (failure.kind) {
    case 'paperOut':
      return { zh: '打印机缺纸，请装纸后重试', en: 'the printer is out of paper; load paper and retry' };
    case 'coverOpen':
      return { zh: '打印机纸仓盖未关闭，请关好后重试', en: 'the printer cover is open; close it and retry' };
    case 'notReady':
      return { zh: '打印机未就绪', en: `the printer is not ready: ${failure.message}` };
    case 'interrupted':
      return {
        zh: failure.cause === 'paperOut' ? '打印中途缺纸，凭条可能不完整' : '打印中途出现故障，凭条可能不完整',
        en: `printing was interrupted (${failure.cause}); the receipt may be incomplete`,
      };
    case 'timeout':
      return { zh: '打印机无响应', en: `the printer did not answer: ${failure.message}` };
    case 'noDevice':
      return { zh: '未连接打印机', en: `no printer: ${failure.message}` };
    case 'hardwareError':
      return { zh: '打印机硬件故障（切刀或不可恢复错误）', en: `printer hardware error: ${failure.message}` };
    case 'cancelled':
      return { zh: '打印已取消', en: 'printing was cancelled' };
    case 'protocol':
      return { zh: '打印机通信错误', en: `printer protocol error: ${failure.message}` };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}
