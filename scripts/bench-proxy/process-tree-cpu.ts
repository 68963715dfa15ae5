/**
 * CPU seconds of a whole process tree from /proc (Linux): a Chromium browser
 * process with everything below it (its zygote's renderers are grandchildren,
 * so direct children are not enough). A process that exited between two
 * samples takes its seconds with it: sample often and over a steady call.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat { ppid: number; cpuSeconds: number }

function readStat(pid: string): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Sum of user + system CPU seconds of `root` and all its descendants, or null when `root` is gone. */
export function treeCpuSeconds(root: number): number | null {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat) stats.set(Number(entry), stat);
  }
  if (!stats.has(root)) return null;
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.cpuSeconds ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
