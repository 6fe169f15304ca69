"""Real editors. Headless Neovim with its built-in LSP client starts `supplint server`, opens an example label and
writes the diagnostics it received to a file (tests/editors/init.lua). Skipped when nvim is missing, unless
SUPPLINT_REQUIRE_NEOVIM=1 (CI installs Debian's neovim and sets it). Emacs with eglot (tests/editors/eglot.el) runs
where it is installed and skips elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT

NVIM = shutil.which("nvim")


def test_neovim_receives_the_upper_limit_diagnostic(tmp_path):
    if NVIM is None:
        if os.environ.get("SUPPLINT_REQUIRE_NEOVIM") == "1":
            pytest.fail("SUPPLINT_REQUIRE_NEOVIM=1 but nvim is not installed (Debian: apt-get install neovim)")
        pytest.skip("nvim is not installed (Debian: apt-get install neovim); SUPPLINT_REQUIRE_NEOVIM=1 makes this fail")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "SUPPLINT_NVIM_OUT": str(out),
        "SUPPLINT_PYTHON": sys.executable,
        "SUPPLINT_NVIM_TIMEOUT_MS": "30000",
        "XDG_STATE_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    label = EXAMPLES / "d3-5000-softgel.yaml"
    result = subprocess.run(
        [NVIM, "--headless", "--clean", "-u", str(ROOT / "tests" / "editors" / "init.lua"), str(label)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Neovim wrote nothing (exit {result.returncode}): {result.stderr[-2000:]}"
    received = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in received, received
    assert received["uri"].endswith("/examples/d3-5000-softgel.yaml")
    by_code = {(d["code"], d["range"]["start"]["line"] + 1) for d in received["diagnostics"]}
    assert ("SUP201", 13) in by_code and ("SUP101", 13) in by_code
    assert all(d["source"] == "supplint" for d in received["diagnostics"])


EMACS = shutil.which("emacs")


def test_emacs_eglot_receives_the_upper_limit_diagnostic():
    """Emacs with eglot (built in from Emacs 29; Debian 12: elpa-eglot and elpa-yaml-mode). Not required in CI."""
    if EMACS is None:
        pytest.skip("emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot elpa-yaml-mode)")
    probe = subprocess.run(
        [EMACS, "-Q", "--batch", "-l", str(ROOT / "tests" / "editors" / "eglot.el")],
        env={**os.environ, "SUPPLINT_LABEL": "/nonexistent", "SUPPLINT_PYTHON": "false"},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    if "Cannot open load file" in probe.stderr:
        pytest.skip("emacs has no eglot or yaml-mode (Debian: apt-get install elpa-eglot elpa-yaml-mode)")
    env = {**os.environ, "SUPPLINT_LABEL": str(EXAMPLES / "d3-5000-softgel.yaml"), "SUPPLINT_PYTHON": sys.executable}
    result = subprocess.run(
        [EMACS, "-Q", "--batch", "-l", str(ROOT / "tests" / "editors" / "eglot.el")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
    )
    found = {
        (int(line.split()[0]), code)
        for line in result.stdout.splitlines()
        for code in ("SUP201", "SUP101")
        if f"[{code}]" in line
    }
    assert found == {(13, "SUP201"), (13, "SUP101")}, result.stdout + result.stderr[-2000:]
