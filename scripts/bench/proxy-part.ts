/**
 * The 可视化代办 call's rows of `npm run bench`: `scripts/bench-proxy.ts` run
 * as its own process after the hall rows (it starts coturn in a network
 * namespace and three Chromium instances, and merges its `proxy.call.*` rows
 * into bench-results.json by id).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const IDS = 'proxy.call.';

/** Whether an `--only` list selects the proxy call rows (a full run does). */
export function proxyBenchWanted(only: readonly string[]): boolean {
  return only.length === 0 || only.some((prefix) => IDS.startsWith(prefix) || prefix.startsWith(IDS));
}

/** Runs the proxy bench with its output on ours; its exit code (1 when a figure misses its target or it could not run). */
export function runProxyBench(root: string): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-proxy.ts')], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}
