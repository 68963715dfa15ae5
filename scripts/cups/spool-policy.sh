#!/bin/sh
# The kiosk's CUPS spool policy: CUPS keeps no copy of a printed document.
# Idempotent; run as root with cupsd running. Used by setup-test-cups.sh (tests)
# and setup-a4-queue.sh (a kiosk's real A4 queue).
#
# Stock CUPS keeps every job's document (/var/spool/cups/d<job>-<n>) for a day
# after printing (PreserveJobFiles 86400) and its record (c<job>: title, user,
# times) for good (PreserveJobHistory Yes). The kiosk's documents carry a
# citizen's name and ID number, so:
#   PreserveJobFiles No      the document is deleted as soon as the job ends
#                            (completed, aborted or cancelled);
#   PreserveJobHistory 300   the record is kept 5 minutes, long enough for the
#                            kiosk to read the job's end state, then deleted.
# The kiosk also purges each job itself once it has ended (CupsClient.purge);
# this policy covers a kiosk that stopped before it could.
#
# Both are cupsd-wide settings (CUPS has no per-queue spool policy), written
# through `cupsctl`, which asks cupsd to rewrite /etc/cups/cupsd.conf and
# reload. cupsctl drops the file's comments the first time it rewrites it.
set -eu

FILES=No
HISTORY=300

if [ "$(id -u)" -ne 0 ]; then
  echo "spool-policy: must run as root" >&2
  exit 1
fi

current() {
  cupsctl 2>/dev/null | sed -n "s/^$1=//p"
}

if [ "$(current PreserveJobFiles)" = "$FILES" ] && [ "$(current PreserveJobHistory)" = "$HISTORY" ]; then
  exit 0
fi

cupsctl "PreserveJobFiles=$FILES" "PreserveJobHistory=$HISTORY"
# cupsd reloads after the rewrite; wait until it answers again with the new values.
i=0
until lpstat -r 2>/dev/null | grep -q 'is running' && [ "$(current PreserveJobFiles)" = "$FILES" ] && [ "$(current PreserveJobHistory)" = "$HISTORY" ]; do
  i=$((i + 1))
  if [ "$i" -gt 50 ]; then
    echo "spool-policy: cupsd did not take PreserveJobFiles=$FILES PreserveJobHistory=$HISTORY" >&2
    exit 1
  fi
  sleep 0.1
done
echo "spool-policy: PreserveJobFiles $FILES, PreserveJobHistory $HISTORY"
