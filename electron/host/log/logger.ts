/**
 * Structured logging (pino) with personal data removed before serialisation.
 * Every log object and every message string passes through `redactForLog`.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { redactForLog } from './redact';
import { maskIdNumbersInText } from '../../../drivers/idcard/mask';

export type { Logger } from 'pino';

/** Creates the host logger; `destination` defaults to stdout. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'onedoor' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactForLog(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const safe = args.map((arg) => (typeof arg === 'string' ? maskIdNumbersInText(arg) : arg));
          return method.apply(this, safe as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
