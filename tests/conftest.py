from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Every session validates the shipped packs afresh, as a first run does (a cache in the home folder would let it
# skip that), and the real-process tests share what it validated. Nothing is written to the home folder.
_CACHE = tempfile.mkdtemp(prefix="supplint-test-cache-")
os.environ["SUPPLINT_CACHE_DIR"] = _CACHE
os.environ.pop("SUPPLINT_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, True)


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
