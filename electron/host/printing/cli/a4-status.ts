/** `a4 status`: the queue's state and what the printer reports, as text or one JSON object. */
import { describeOptionError } from '../../../../drivers/cli/args';
import { EXIT, type ExitCode } from '../../../../drivers/cli/exit-codes';
import type { CliIo } from '../../../../drivers/cli/io';
import type { A4CliDeps } from './a4-deps';
import { parseA4Options } from './a4-options';
import { cupsFailureProblem, problemText, statusLines, statusReport } from './a4-report';
import { A4_STATUS_HELP } from './a4-usage';

/** Runs `a4 status [options]`. */
export async function runA4Status(args: readonly string[], io: CliIo, deps: A4CliDeps): Promise<ExitCode> {
  const options = parseA4Options(args);
  if (!options.ok) {
    io.err(`${describeOptionError(options.error)}\n\n${A4_STATUS_HELP}`);
    return EXIT.usage;
  }
  if (options.value.help) {
    io.out(A4_STATUS_HELP);
    return EXIT.ok;
  }
  const { target, json } = options.value;
  const attrs = await deps.cups(target.server).printerAttributes(target.queue);
  if (!attrs.ok) {
    const problem = cupsFailureProblem(attrs.error);
    if (json)
      io.out(
        JSON.stringify({
          queue: target.queue,
          server: target.server,
          error: attrs.error.kind,
          problem,
          message: attrs.error.message,
        }),
      );
    io.err(`${problemText(problem)} (${attrs.error.kind}: ${attrs.error.message})`);
    return EXIT.deviceError;
  }
  const report = statusReport(target, attrs.value);
  io.out(json ? JSON.stringify(report) : statusLines(report));
  return report.ready ? EXIT.ok : EXIT.deviceError;
}
