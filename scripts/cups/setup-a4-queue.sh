#!/bin/sh
# Sets up a kiosk's real A4 queue (installer step). Idempotent; run as root.
#
#   scripts/cups/setup-a4-queue.sh --uri DEVICE-URI [--queue NAME] [--model MODEL | --ppd FILE]
#
#   --uri     the printer, e.g. ipp://192.0.2.50/ipp/print or usb://Vendor/Model?serial=XYZ
#             (`lpinfo -v`, `driverless` list them)
#   --queue   queue name (default onedoor-a4, the config's printing.a4.queue)
#   --model   lpadmin -m model (default everywhere: IPP Everywhere / driverless)
#   --ppd     a vendor PPD instead of --model
#
# 1. starts CUPS if it is not answering (systemd when present);
# 2. applies the kiosk's spool policy (spool-policy.sh: no copy of a printed
#    document stays in /var/spool/cups);
# 3. adds or updates the queue: A4, one-sided, error policy abort-job, not
#    shared, enabled and accepting jobs. Running it again with the same
#    arguments changes nothing.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
QUEUE=onedoor-a4
URI=
MODEL=everywhere
PPD=

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "$0" >&2
  exit 64
}

while [ "$#" -gt 0 ]; do
  case "$1" in
    --uri) URI="${2:-}"; shift 2 || usage ;;
    --queue) QUEUE="${2:-}"; shift 2 || usage ;;
    --model) MODEL="${2:-}"; shift 2 || usage ;;
    --ppd) PPD="${2:-}"; shift 2 || usage ;;
    *) usage ;;
  esac
done
[ -n "$URI" ] || usage
case "$QUEUE" in
  *[!A-Za-z0-9_-]*|'') echo "setup-a4-queue: bad queue name '$QUEUE'" >&2; exit 64 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-a4-queue: must run as root" >&2
  exit 1
fi

# 1. CUPS
if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl enable --now cups
  else
    mkdir -p /run/cups /var/spool/cups /var/log/cups
    cupsd
  fi
  i=0
  until lpstat -r 2>/dev/null | grep -q 'is running'; do
    i=$((i + 1))
    if [ "$i" -gt 50 ]; then
      echo "setup-a4-queue: cupsd did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
fi

# 2. spool policy
sh "$HERE/spool-policy.sh"

# 3. the queue
if [ -n "$PPD" ]; then
  lpadmin -p "$QUEUE" -E -v "$URI" -P "$PPD" -o media=A4 -o sides=one-sided -o printer-error-policy=abort-job -o printer-is-shared=false
else
  lpadmin -p "$QUEUE" -E -v "$URI" -m "$MODEL" -o media=iso_a4_210x297mm -o sides=one-sided -o printer-error-policy=abort-job -o printer-is-shared=false
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"
echo "setup-a4-queue: $QUEUE ready ($URI)"
