/**
 * `broker.json` in the broker's folder: the last started broker's PID, port and
 * the URL kiosks use, so the kiosk CLI (another process) can write correct
 * credential files and make the running broker reload. The PID is trusted
 * only while /proc says it is a mosquitto process (a stale file after a crash
 * must not make us signal some other program).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const BrokerRuntime = z.object({ pid: z.number().int().positive(), port: z.number().int().positive(), host: z.string(), url: z.string() });
export type BrokerRuntime = z.infer<typeof BrokerRuntime>;

const runtimeFile = (dir: string) => join(dir, 'broker.json');

export function writeBrokerRuntime(dir: string, runtime: BrokerRuntime): void {
  writeFileSync(runtimeFile(dir), `${JSON.stringify(runtime)}\n`, { mode: 0o600 });
}

/** The last broker started in `dir` (its PID may be gone). */
export function readBrokerRuntime(dir: string): BrokerRuntime | null {
  if (!existsSync(runtimeFile(dir))) return null;
  try {
    const parsed = BrokerRuntime.safeParse(JSON.parse(readFileSync(runtimeFile(dir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True when `pid` is a live mosquitto process. */
export function isMosquittoProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'mosquitto';
  } catch {
    return false;
  }
}
