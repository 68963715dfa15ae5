/**
 * The CLI's `a4 status` check, for the staff screen: the same CUPS query and
 * the same report and lines (`a4 status` without `--json`), run in the host
 * on the queue it prints to. No shelling out.
 */
import type { CupsClient } from './a4/cups/cups-client';
import type { PrintProblem } from './a4/print-outcome';
import type { QueueTarget } from './cli/a4-options';
import { cupsFailureProblem, problemText, statusLines, statusReport } from './cli/a4-report';

export type A4Check =
  | { ready: true; lines: string[] }
  | { ready: false; problem: PrintProblem | null; lines: string[] };

export async function checkA4Queue(cups: CupsClient, target: QueueTarget): Promise<A4Check> {
  const attrs = await cups.printerAttributes(target.queue);
  if (!attrs.ok) {
    const problem = cupsFailureProblem(attrs.error);
    return {
      ready: false,
      problem,
      lines: [`queue ${target.queue} on ${target.server}`, `${problemText(problem)} (${attrs.error.kind}: ${attrs.error.message})`],
    };
  }
  const report = statusReport(target, attrs.value);
  const lines = statusLines(report).split('\n');
  return report.ready ? { ready: true, lines } : { ready: false, problem: report.problems[0] ?? null, lines };
}
