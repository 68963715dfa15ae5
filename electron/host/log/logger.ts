/**
 * Structured logging (pino) with personal data removed before serialisation.
 * Every log object and every message string passes through `redactForLog`,
 * with the names `personalTerms` gives at that moment.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import type { PersonalTerms } from './personal-terms';
import { redactForLog, redactText } from './redact';

export type { Logger } from 'pino';

const NO_TERMS: PersonalTerms = { current: () => [] };

/** Creates the host logger; `destination` defaults to stdout. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream, personalTerms: PersonalTerms = NO_TERMS): Logger {
  const names = (): readonly string[] => {
    try {
      return personalTerms.current();
    } catch {
      return []; // a broken source must not stop logging; the patterns still apply
    }
  };
  return pino(
    {
      level,
      base: { app: 'onedoor' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactForLog(object, names()) as Record<string, unknown> },
      // `err` is already a redacted plain object here; pino's own serializer would rename its type to `Object`.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          const known = names();
          const safe = args.map((arg) => (typeof arg === 'string' ? redactText(arg, known) : arg));
          return method.apply(this, safe as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
