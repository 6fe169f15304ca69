"""What a command loads as it starts: the compiled patterns of earlier runs (shipped/patterns.py) are read only by
the commands that check files, and by them before click and the other libraries compile their own."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def imported(*args: str, tmp_path) -> list[str]:
    """The modules ``python -m supplint ARGS`` imports, in the order their imports finish (-X importtime)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supplint", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("-h",), ("check", "--help")])
def test_version_and_help_do_not_read_the_compiled_patterns(tmp_path, args):
    modules = imported(*args, tmp_path=tmp_path)
    assert "supplint.cli" in modules
    assert "supplint.shipped.patterns" not in modules
    assert "yaml" not in modules and "pydantic" not in modules  # nor any library a check needs


def test_a_check_reads_them_before_click_compiles_its_own(tmp_path):
    modules = imported("check", str(EXAMPLES / "vitamin-c-500.yaml"), tmp_path=tmp_path)
    assert modules.index("supplint.shipped.patterns") < modules.index("click")
