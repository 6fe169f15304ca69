#!/usr/bin/env bash
# The Action's install step: supplint into a virtual environment under $RUNNER_TEMP; its path goes to the step's
# outputs as `supplint`.
set -euo pipefail
venv="${RUNNER_TEMP:-$(mktemp -d)}/supplint-venv"
python3 -m venv "$venv"
what="${REQUIREMENT:-$ACTION_PATH}"
if ! "$venv/bin/python" -m pip install --quiet "$what"; then
  echo "::error title=supplint::could not install supplint from $what; see the log above"
  exit 1
fi
echo "supplint=$venv/bin/supplint" >> "$GITHUB_OUTPUT"
