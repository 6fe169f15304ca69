#!/usr/bin/env bash
# The Action's lint step: one supplint run prints annotations (the github format) and, when asked, writes SARIF
# (--also-output), so both always describe the same findings. The outputs are written whatever the exit status, so a
# later upload step sees an honest, empty value instead of failing with a second, misleading error.
set -uo pipefail
sarif_args=()
if [ -n "${SARIF_FILE:-}" ]; then
  sarif_args=(--also-output "sarif=$SARIF_FILE")
fi
# shellcheck disable=SC2086  # PATHS and ARGS are lists of words on purpose
"$SUPPLINT" check --output-format github "${sarif_args[@]}" $ARGS $PATHS
status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [ -n "${SARIF_FILE:-}" ] && [ -s "$SARIF_FILE" ] && [ "$status" -ne 2 ]; then
  echo "sarif-file=$SARIF_FILE" >> "$GITHUB_OUTPUT"
else
  echo "sarif-file=" >> "$GITHUB_OUTPUT"
fi
if [ "$status" -eq 2 ]; then
  echo "::error title=supplint::supplint could not run (a usage or configuration error, exit 2); its message is in the log above"
fi
exit "$status"
