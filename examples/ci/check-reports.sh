#!/bin/sh
# Fails (exit 1) when a committed report is stale or missing, or when an assessment fails a gate;
# exits 2 when an answers file is invalid. Run it from the root of the repository that holds the
# answers files; the GitHub Actions workflow next to this file runs the same steps.
#
#   ANSWERS_DIR  folder of answers files      (default: answers)
#   REPORTS_DIR  folder of committed reports  (default: reports)
#   ITAAS        how to run itaas             (default: npx --no-install itaas)
#   GATES        gate options                 (default: --fail-below-target; GATES="" turns gates off)
set -eu

ANSWERS_DIR="${ANSWERS_DIR:-answers}"
REPORTS_DIR="${REPORTS_DIR:-reports}"
ITAAS="${ITAAS:-npx --no-install itaas}"
# Without a colon: the default applies only when GATES is unset, so an empty GATES means no gates.
GATES="${GATES---fail-below-target}"

# 1. Every answers file must be valid (exit 2 otherwise, with file:line:col for each problem).
$ITAAS validate "$ANSWERS_DIR"/*.yaml

# 2. Regenerate every report in memory and compare with what is committed, then apply the gates.
#    Nothing is written; stale or missing reports and failed gates are listed, and the exit code is 1.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# shellcheck disable=SC2086 # GATES holds several options.
$ITAAS report "$ANSWERS_DIR"/*.yaml --out "$REPORTS_DIR" --check $GATES 2>"$log" || status=$?
cat "$log" >&2
# Only stale or missing reports are fixed by regenerating them; a failed gate needs better scores.
if [ "$status" -eq 1 ] && grep -q -e '^stale: ' -e '^missing: ' "$log"; then
  echo "To refresh the reports: $ITAAS report $ANSWERS_DIR/*.yaml --out $REPORTS_DIR, then commit them." >&2
fi
exit "$status"
