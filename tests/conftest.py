from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed CLI in a real process, as CI and users do."""
    # Under GitHub Actions the default format is github; the tests ask for what they read.
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "supplint", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120, env=env)


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
