/**
 * `a4 test`: renders the test page through the kiosk's PDF renderer, prints
 * it with the kiosk's own A4 printer code (refusal before submitting, job
 * followed to its end, cancelled if it did not complete) and reports the
 * truthful outcome.
 */
import { hostname } from 'node:os';
import { describeOptionError, positiveInt } from '../../../../drivers/cli/args';
import { EXIT, type ExitCode } from '../../../../drivers/cli/exit-codes';
import type { CliIo } from '../../../../drivers/cli/io';
import { conditionOf } from '../a4/cups/printer-condition';
import { createA4Printer } from '../a4/a4-printer';
import { testPageDocument } from '../test-page';
import type { A4CliDeps } from './a4-deps';
import { parseA4Options } from './a4-options';
import { bilingual, cupsFailureProblem, problemText } from './a4-report';
import { A4_TEST_HELP } from './a4-usage';

/** The station part of the test page's number, from the host name. */
function stationName(): string {
  return (
    hostname()
      .replace(/[^A-Za-z0-9-]/g, '')
      .slice(0, 32) || 'KIOSK'
  );
}

/** Runs `a4 test [options]`. */
export async function runA4Test(args: readonly string[], io: CliIo, deps: A4CliDeps): Promise<ExitCode> {
  const options = parseA4Options(args, ['timeout-ms']);
  if (!options.ok) {
    io.err(`${describeOptionError(options.error)}\n\n${A4_TEST_HELP}`);
    return EXIT.usage;
  }
  if (options.value.help) {
    io.out(A4_TEST_HELP);
    return EXIT.ok;
  }
  const timeout = positiveInt('timeout-ms', options.value.values['timeout-ms'], 120_000);
  if (!timeout.ok) {
    io.err(`${describeOptionError(timeout.error)}\n\n${A4_TEST_HELP}`);
    return EXIT.usage;
  }
  const { target, json } = options.value;
  const report = (value: Record<string, unknown>): void => {
    if (json) io.out(JSON.stringify({ queue: target.queue, server: target.server, ...value }));
  };
  const refuse = (problem: Parameters<typeof problemText>[0], detail: string): ExitCode => {
    report({ outcome: 'notPrinted', stage: 'beforeSubmit', problem, messageKey: `print.${problem}` });
    io.err(`不打印测试页 / test page not printed: ${problemText(problem)} (${detail})`);
    return EXIT.deviceError;
  };

  // Check first: nothing is rendered or submitted for a printer that cannot print.
  const cups = deps.cups(target.server);
  const before = await cups.printerAttributes(target.queue);
  if (!before.ok) return refuse(cupsFailureProblem(before.error), `${before.error.kind}: ${before.error.message}`);
  const problem = conditionOf(before.value).problems[0];
  if (problem) return refuse(problem, `printer-state-reasons: ${before.value.reasons.join(',') || 'none'}`);

  const rendered = await deps.renderer().render(testPageDocument(deps.now(), stationName()));
  if (!rendered.ok) {
    report({ outcome: 'renderFailed', error: rendered.error });
    io.err(`测试页生成失败 / could not render the test page: ${JSON.stringify(rendered.error)}`);
    return EXIT.internal;
  }
  if (!json)
    io.err(
      `printing the test page (${rendered.value.pages} page, ${rendered.value.pdf.byteLength} bytes) on ${target.queue}…`,
    );
  const printer = createA4Printer(cups, {
    queue: target.queue,
    pollIntervalMs: deps.jobPollMs,
    jobTimeoutMs: timeout.value,
  });
  const outcome = await printer.print(rendered.value.pdf, 'OneDoor A4 test page');
  report({ ...outcome, outcome: outcome.kind, sha256: rendered.value.sha256 });
  const warnings = outcome.warnings.map(
    (w) => `提示 / warning: ${bilingual(w === 'paperLow' ? 'print.paperLow' : 'print.tonerLow')}`,
  );
  if (outcome.kind === 'completed') {
    if (!json) io.out([`测试页已打印 / test page printed: job ${outcome.jobId} completed`, ...warnings].join('\n'));
    return EXIT.ok;
  }
  const job = outcome.jobId === undefined ? '' : `, job ${outcome.jobId} ${outcome.jobState ?? ''}`.trimEnd();
  io.err(
    [
      `测试页未打印 / test page not printed: ${problemText(outcome.problem)} (${outcome.stage}${job})`,
      ...warnings,
    ].join('\n'),
  );
  return EXIT.deviceError;
}
