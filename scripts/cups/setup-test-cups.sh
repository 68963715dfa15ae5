#!/bin/sh
# Prepares the local CUPS for OneDoor's printing tests. Idempotent; run as root.
#
#   scripts/cups/setup-test-cups.sh [queue ...]
#
# 1. starts cupsd if it is not answering;
# 2. installs scripts/cups/onedoor-test-backend as /usr/lib/cups/backend/onedoor-test
#    (root:root 0700, so CUPS runs it as root and it can write any spool dir);
# 3. applies the kiosk's spool policy (spool-policy.sh: CUPS keeps no copy of a
#    printed document), as a kiosk's installer does;
# 4. for each queue name given (default: onedoor-test) adds a raw queue
#    onedoor-test:/tmp/onedoor-cups/<queue> with error policy abort-job, enabled
#    and accepting. A raw queue hands the backend the PDF bytes unfiltered.
#
# Environment: ONEDOOR_CUPS_SPOOL (default /tmp/onedoor-cups).
#
# What it changes on the machine (nothing else is assumed of a stock Debian CUPS):
#   /usr/lib/cups/backend/onedoor-test   the test backend (tests only);
#   a running cupsd                      started as a daemon when none answers;
#   /etc/cups/cupsd.conf                 PreserveJobFiles No, PreserveJobHistory 300
#                                        (through cupsctl; nothing is loosened);
#   /etc/cups/printers.conf, ppd/        the test queues (lpadmin);
#   /tmp/onedoor-cups/<queue>/           where the test backend writes (0777).
# The tests' administrator operations go through CUPS's local socket as root
# (PeerCred), which the stock cupsd.conf already allows: see tests/helpers/cups.ts.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
SPOOL_ROOT="${ONEDOOR_CUPS_SPOOL:-/tmp/onedoor-cups}"
BACKEND_DIR="$(cups-config --serverbin 2>/dev/null || echo /usr/lib/cups)/backend"
BACKEND="$BACKEND_DIR/onedoor-test"

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-test-cups: must run as root" >&2
  exit 1
fi

# 2. the backend (before cupsd starts, so it is listed at once)
if ! cmp -s "$HERE/onedoor-test-backend" "$BACKEND" 2>/dev/null; then
  install -o root -g root -m 0700 "$HERE/onedoor-test-backend" "$BACKEND"
fi

# 1. cupsd
if ! lpstat -r >/dev/null 2>&1 || lpstat -r 2>/dev/null | grep -q 'not running'; then
  mkdir -p /run/cups /var/spool/cups /var/log/cups
  cupsd
  i=0
  until lpstat -r 2>/dev/null | grep -q 'is running'; do
    i=$((i + 1))
    if [ "$i" -gt 50 ]; then
      echo "setup-test-cups: cupsd did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
fi

# 3. spool policy
sh "$HERE/spool-policy.sh"

# 4. queues
[ "$#" -gt 0 ] || set -- onedoor-test
for QUEUE in "$@"; do
  case "$QUEUE" in
    *[!A-Za-z0-9_-]*|'') echo "setup-test-cups: bad queue name '$QUEUE'" >&2; exit 1 ;;
  esac
  DIR="$SPOOL_ROOT/$QUEUE"
  mkdir -p "$DIR"
  chmod 0777 "$SPOOL_ROOT" "$DIR"
  # -m raw is deprecated in CUPS 2.4 but still the only way to pass bytes through; silence the warning.
  lpadmin -p "$QUEUE" -v "onedoor-test:$DIR" -m raw -o printer-error-policy=abort-job -E 2>/dev/null
  cupsenable "$QUEUE"
  cupsaccept "$QUEUE"
done
echo "setup-test-cups: ready ($*)"
