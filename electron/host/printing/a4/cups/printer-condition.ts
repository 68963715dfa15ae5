/**
 * What `printer-state` and `printer-state-reasons` (RFC 8011 §5.4.11–12, PWG
 * 5100.9) mean for the kiosk: problems that stop printing, warnings for
 * staff (paper low before it runs out), and the device status.
 */
import type { DriverStatus, MediaState } from '../../../../../drivers/device';
import type { Result } from '../../../../../domain/result';
import type { CupsError, PrinterAttributes } from './cups-client';

export type PrinterProblem = 'paperOut' | 'paperJam' | 'doorOpen' | 'tonerOut' | 'printerOffline' | 'queueStopped' | 'notAccepting';
export type PrinterWarning = 'paperLow' | 'tonerLow';

export interface PrinterCondition {
  problems: PrinterProblem[];
  warnings: PrinterWarning[];
  media: Extract<MediaState, 'present' | 'low' | 'out' | 'jammed'>;
}

/** `media-empty-error` → `media-empty`. */
export function reasonKeyword(reason: string): string {
  return reason.replace(/-(error|warning|report)$/, '');
}

/** Reads the condition from a queue's attributes. */
export function conditionOf(attrs: PrinterAttributes): PrinterCondition {
  const problems = new Set<PrinterProblem>();
  const warnings = new Set<PrinterWarning>();
  for (const reason of attrs.reasons.map(reasonKeyword)) {
    switch (reason) {
      case 'media-empty':
      case 'media-needed':
      case 'input-tray-missing':
        problems.add('paperOut');
        break;
      case 'media-jam':
        problems.add('paperJam');
        break;
      case 'door-open':
      case 'cover-open':
      case 'interlock-open':
        problems.add('doorOpen');
        break;
      case 'toner-empty':
      case 'marker-supply-empty':
        problems.add('tonerOut');
        break;
      case 'offline':
      case 'shutdown':
      case 'timed-out':
        problems.add('printerOffline');
        break;
      case 'media-low':
        warnings.add('paperLow');
        break;
      case 'toner-low':
      case 'marker-supply-low':
        warnings.add('tonerLow');
        break;
      default:
        break; // paused, connecting-to-device, cups-* and vendor reasons: see state below
    }
  }
  if (attrs.state === 'stopped' && problems.size === 0) problems.add('queueStopped');
  if (!attrs.accepting) problems.add('notAccepting');
  const media = problems.has('paperJam') ? 'jammed' : problems.has('paperOut') ? 'out' : warnings.has('paperLow') ? 'low' : 'present';
  return { problems: [...problems], warnings: [...warnings], media };
}

/** The A4 printer's device status from a status query. */
export function driverStatusOf(result: Result<PrinterAttributes, CupsError>): DriverStatus {
  if (!result.ok) {
    switch (result.error.kind) {
      case 'cupsUnavailable':
        return { kind: 'offline', message: 'CUPS is not running' };
      case 'queueMissing':
        return { kind: 'noDevice', message: 'CUPS queue not found' };
      case 'toolMissing':
        return { kind: 'noDevice', message: 'CUPS client tools not installed' };
      case 'jobMissing':
      case 'cupsError':
        return { kind: 'hardwareError', code: 0, message: result.error.message };
      default: {
        const unreachable: never = result.error;
        return unreachable;
      }
    }
  }
  const condition = conditionOf(result.value);
  if (condition.problems.includes('printerOffline')) return { kind: 'offline', message: 'printer offline' };
  if (condition.problems.includes('doorOpen')) return { kind: 'userError', message: 'printer door open' };
  if (condition.problems.includes('tonerOut')) return { kind: 'userError', message: 'toner empty' };
  if (condition.media === 'out' || condition.media === 'jammed') return { kind: 'online', media: condition.media };
  if (condition.problems.includes('queueStopped')) return { kind: 'offline', message: 'CUPS queue stopped' };
  if (condition.problems.includes('notAccepting')) return { kind: 'offline', message: 'CUPS queue not accepting jobs' };
  return result.value.state === 'processing' ? { kind: 'busy', media: condition.media } : { kind: 'online', media: condition.media };
}
