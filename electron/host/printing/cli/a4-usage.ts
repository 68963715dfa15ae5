/** Help texts of the `a4` diagnostics commands. */

/** The line `a4` adds to the CLI's list of kinds. */
export const A4_KIND_LINE = '  a4                     A4 document printer (CUPS queue): status, test page';

export const A4_HELP = `Usage: a4 <command> [options]

Commands:
  status                 the CUPS queue's state and the printer's reasons (paper, jam, door, offline)
  test                   print a test page (Chinese text with 喆堃龑䶮, a QR code) and follow the job to its end

Run "a4 <command> --help" for its options.`;

export const A4_STATUS_HELP = `Usage: a4 status [--queue Q] [--server S] [--json]

Asks CUPS for the A4 queue's state and printer-state-reasons.

Options:
  --queue Q              CUPS queue (default onedoor-a4)
  --server S             CUPS server host[:port] (default localhost)
  --json                 print one JSON object: {queue, server, state, reasons, paper (ok|low|out),
                         jammed, doorOpen, online, accepting, ready, problems, warnings}
  -h, --help             show this help

Exit codes: 0 ready to print (paper low is only a warning), 2 not ready or CUPS
unreachable, 64 bad usage.`;

export const A4_TEST_HELP = `Usage: a4 test [--queue Q] [--server S] [--timeout-ms T] [--json]

Renders the A4 test page with the kiosk's PDF renderer, submits it to the
queue and follows the job until CUPS reports it completed, aborted, cancelled
or stopped. Refuses (printing nothing) when the printer already reports a
problem: out of paper, jammed, door open, offline, or CUPS unreachable.

Options:
  --queue Q              CUPS queue (default onedoor-a4)
  --server S             CUPS server host[:port] (default localhost)
  --timeout-ms T         limit from submission to completion (default 120000)
  --json                 print one JSON object with the outcome
  -h, --help             show this help

Exit codes: 0 printed (job completed), 1 the test page could not be rendered,
2 not printed (refused, aborted, stopped or timed out), 64 bad usage.`;
