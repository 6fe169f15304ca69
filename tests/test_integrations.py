"""The pre-commit hook manifest and the GitHub Action: well-formed, and the hook really runs.

`pre-commit try-repo` builds the hook's environment with pip, which needs the package index: that one test runs
only where SUPPLINT_NETWORK_TESTS=1 (CI sets it; .ci/run), so the default test run stays offline.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, run_cli

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_hook_manifest_has_what_pre_commit_requires():
    assert [hook["id"] for hook in HOOKS] == ["supplint", "supplint-fix"]
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and set(hook["types_or"]) == {"yaml", "markdown", "html"}
        command = hook["entry"].split()
        assert command[:2] == ["supplint", "check"]
        # every option the hook passes is one `supplint check` accepts
        result = run_cli(*command[1:], "--select", "SUP0", "examples/d3-k2-softgel.yaml")
        assert result.returncode == 0, result.stderr


def test_action_is_a_composite_action_whose_inputs_are_used():
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    assert all(step.get("shell") == "bash" for step in steps if "run" in step)
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"inputs.{name}" in text, f"input {name} is declared but not used"
    formats = set(re.findall(r"--output-format (\w+)", text))
    assert formats == {"sarif", "github"}
    # the commands the action runs work as written
    assert run_cli("check", "--output-format", "sarif", "--exit-zero", "-o", os.devnull, "examples").returncode == 0


@pytest.mark.skipif(os.environ.get("SUPPLINT_NETWORK_TESTS") != "1", reason="needs the package index (set SUPPLINT_NETWORK_TESTS=1)")
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_runs_the_hook_on_the_examples(tmp_path):
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs the checkout to be a git repository")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "supplint", "--all-files",
                             "--verbose"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    # The examples are there to show findings, so the hook fails; this repository's [tool.supplint] include
    # (with the hook's --force-exclude) keeps rule packs and workflow files out.
    assert result.returncode == 1, output
    assert "examples/d3-5000-softgel.yaml:13:13: SUP201" in output
    assert "examples/pages/no-disclosure.md:7:1: SUP401" in output
    assert "rules/packs/" not in output and ".pre-commit-hooks.yaml:" not in output
