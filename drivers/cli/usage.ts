/** Help texts of the diagnostics CLI, one per level. */

export const ROOT_HELP = `OneDoor device diagnostics

Usage: npm run device -- <kind> <command> [options]
       npx tsx drivers/cli.ts <kind> <command> [options]

Kinds:
  ports                  list serial ports and HID devices present
  idcard                 resident ID card reader (GA 467 / SAM_V)
  receipt                thermal receipt printer (ESC/POS): status, test, simulate
  fingerprint            fingerprint scanner (FP-HID over USB HID): info, capture
  endorsement            endorsement writer (签注写卡, PC/SC or simulated): readers, read

Run "<kind> --help" for its commands.

Exit codes: 0 ok, 2 device error, 3 no card in time (idcard read, endorsement read), 64 bad usage.`;

export const PORTS_HELP = `Usage: ports [--json]

Lists the serial ports and HID devices present.

Options:
  --json                 print a JSON array of {kind, path, vendorId, productId, serialNumber, manufacturer, product}
  -h, --help             show this help`;

export const IDCARD_HELP = `Usage: idcard <command> [options]

Commands:
  status                 SAM status (检测状态) with its meaning in Chinese and English
  samid                  SAM ID (管理信息), e.g. 05.01-20101018-0000123456-0000654321
  read                   wait for a card and print it as one JSON object on stdout
  simulate               act as a reader on a serial port or pty until SIGINT/SIGTERM

Run "idcard <command> --help" for its options.`;

export const IDCARD_STATUS_HELP = `Usage: idcard status --port P [--baud B] [--timeout-ms T] [--json]

Asks the reader on port P for its SAM status.

Options:
  --port P               serial port, e.g. /dev/ttyUSB0 or COM3 (required)
  --baud B               line speed (default 115200)
  --timeout-ms T         how long to wait for the answer (default 2000)
  --json                 print {sw3, kind, zh, en} instead of text
  -h, --help             show this help

Exit codes: 0 SAM ok, 2 no answer or a SAM error, 64 bad usage.`;

export const IDCARD_SAMID_HELP = `Usage: idcard samid --port P [--baud B] [--timeout-ms T]

Reads the SAM ID of the reader on port P.

Options:
  --port P               serial port (required)
  --baud B               line speed (default 115200)
  --timeout-ms T         how long to wait for the answer (default 2000)
  -h, --help             show this help

Exit codes: 0 ok, 2 no answer or an error, 64 bad usage.`;

export const IDCARD_READ_HELP = `Usage: idcard read --port P [--baud B] [--timeout-ms T] [--fingerprint]

Waits for a card on the reader on port P and prints exactly one JSON object on
stdout: the card's fields (not masked: this is an installer's tool).

Options:
  --port P               serial port (required)
  --baud B               line speed (default 115200)
  --timeout-ms T         how long to wait for a card (default 30000)
  --fingerprint          read with command 30 10 (text + photo + fingerprint); the JSON then says
                         "fingerprint": "present" | "absent" | "unreadable" (never the prints)
  -h, --help             show this help

The JSON has "appendedAddress" (追加住址, the current address) when the card has one.

Exit codes: 0 card read, 2 device error, 3 no card in time, 64 bad usage.`;

export const IDCARD_SIMULATE_HELP = `Usage: idcard simulate --port P --card FILE|NAME [--pace-baud B]

Acts as an ID card reader on port P (one end of a socat pty pair, or a null-modem
cable) with the given card on it, until SIGINT or SIGTERM.

Options:
  --port P               serial port or pty to answer on (required)
  --card FILE|NAME       sample card name (see resources/citizens) or a card JSON file (required)
  --pace-baud B          pace replies like a line at this speed (default 115200)
  -h, --help             show this help

Exit codes: 0 stopped by a signal, 2 port error, 64 bad usage or unknown card.`;
