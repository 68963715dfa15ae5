/** Help texts of the `receipt` commands of the diagnostics CLI. */

export const RECEIPT_HELP = `Usage: receipt <command> [options]

Commands:
  status                 real-time status (DLE EOT 1..4): online, paper, cover, errors
  test                   print a test receipt (Chinese text, rare characters, QR code, cut)
  simulate               act as an ESC/POS receipt printer on a serial port or pty until SIGINT/SIGTERM

Run "receipt <command> --help" for its options.`;

export const RECEIPT_STATUS_HELP = `Usage: receipt status --port P [--baud B] [--timeout-ms T] [--json]

Asks the receipt printer on port P for its real-time status (DLE EOT 1..4).

Options:
  --port P               serial port, e.g. /dev/ttyUSB0 or COM3 (required)
  --baud B               line speed (default 115200)
  --timeout-ms T         how long to wait for each status byte (default 1000)
  --json                 print one JSON object {online, paper, coverOpen, error, …}
  -h, --help             show this help

Exit codes: 0 ready to print, 2 no answer or not ready (paper out, cover open, error), 64 bad usage.`;

export const RECEIPT_TEST_HELP = `Usage: receipt test --port P [--baud B] [--paper-width 58|80] [--timeout-ms T]

Prints a test receipt on the printer on port P: Chinese text including rare
characters (GB18030), a QR code and a cut. Refuses when the printer is out of
paper, its cover is open or it reports an error: nothing is sent then.

Options:
  --port P               serial port (required)
  --baud B               line speed (default 115200)
  --paper-width W        58 or 80 mm (default 80)
  --timeout-ms T         how long to wait for each status byte (default 1000)
  -h, --help             show this help

Exit codes: 0 printed, 2 refused, interrupted or no answer, 64 bad usage.`;

export const RECEIPT_SIMULATE_HELP = `Usage: receipt simulate --port P [--paper ok|low|out] [--cover open|closed] [--run-out-after N] [--paper-width 58|80]

Acts as an ESC/POS receipt printer on port P (one end of a socat pty pair, or a
null-modem cable) until SIGINT or SIGTERM: answers DLE EOT 1..4 and logs each
received receipt to stderr as text.

Options:
  --port P               serial port or pty to answer on (required)
  --paper S              paper state: ok, low or out (default ok)
  --cover C              cover open or closed (default closed)
  --run-out-after N      the roll ends after N printed lines
  --paper-width W        58 or 80 mm, for overflow checks (default 80)
  -h, --help             show this help

Exit codes: 0 stopped by a signal, 2 port error, 64 bad usage.`;
