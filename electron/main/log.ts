/** Main-process log lines: one JSON object per line on stderr, like the host's pino output. */

/** Writes one structured log line. */
export function logMain(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), name: 'main', msg: message, ...fields })}\n`);
}
