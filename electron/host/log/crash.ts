/**
 * A crash after start-up goes through the redacting logger like any log line:
 * Node's default handler would print the raw stack (names, ID numbers) to stderr.
 */
import type { Logger } from './logger';

/** The process events a crash arrives on. */
export interface CrashSource {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Logs a crash through the redacting logger (pino writes synchronously), then exits 70. */
export function onCrashLogAndExit(source: CrashSource, logger: Pick<Logger, 'fatal'>, exit: (code: number) => void): void {
  source.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'OneDoor host crashed');
    exit(70);
  });
  source.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'OneDoor host crashed: unhandled rejection');
    exit(70);
  });
}
