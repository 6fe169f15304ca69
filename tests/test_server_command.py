"""`supplint server` as a command: listed, and loaded only by itself (the LSP tests are in test_server.py)."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLES


def test_check_does_not_import_the_server():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supplint", "check", str(EXAMPLES / "vitamin-c-500.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "supplint.cli" in imported
    assert not {
        name for name in imported if name.split(".")[0] in ("pygls", "lsprotocol") or name.startswith("supplint.server")
    }


def test_server_command_is_listed():
    result = subprocess.run([sys.executable, "-m", "supplint", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "server" in result.stdout
