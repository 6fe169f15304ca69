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
    for step in steps:  # every script a step runs is in the repository
        for script in re.findall(r"\$ACTION_PATH/(\S+\.sh)", step.get("run", "")):
            assert (ROOT / script).is_file(), script


def _lint_step(tmp_path, *args: str, sarif: str = "supplint.sarif") -> tuple[subprocess.CompletedProcess, dict]:
    """The Action's lint step as GitHub runs it: its environment, GITHUB_OUTPUT a file, supplint already installed."""
    output = tmp_path / "github_output"
    output.touch()
    env = {k: v for k, v in os.environ.items() if k != "SUPPLINT_OUTPUT_FORMAT"}
    env.update(
        GITHUB_ACTIONS="true",
        GITHUB_OUTPUT=str(output),
        RUNNER_TEMP=str(tmp_path),
        SARIF_FILE=sarif,
        PATHS="examples/d3-5000-softgel.yaml examples/d3-k2-softgel.yaml",
        ARGS=" ".join(args),
        SUPPLINT=shutil.which("supplint", path=os.path.dirname(sys.executable)) or "supplint",
        ACTION_PATH=str(ROOT),
    )
    if sarif:
        env["SARIF_FILE"] = str(tmp_path / sarif)
    done = subprocess.run(
        ["bash", str(ROOT / "action" / "lint.sh")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return done, outputs


@pytest.mark.skipif(shutil.which("bash") is None, reason="the Action's steps are bash")
def test_action_lint_step_annotates_and_writes_sarif_from_one_run(tmp_path):
    import json

    done, outputs = _lint_step(tmp_path)
    assert done.returncode == 1
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 3 and all("file=examples/d3-5000-softgel.yaml,line=13" in a for a in annotations)
    assert outputs["exit-code"] == "1"
    sarif = json.loads((tmp_path / "supplint.sarif").read_text(encoding="utf-8"))
    assert outputs["sarif-file"] == str(tmp_path / "supplint.sarif")
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == ["SUP101", "SUP201", "SUP202"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the Action's steps are bash")
def test_action_lint_step_says_plainly_when_supplint_cannot_run(tmp_path):
    done, outputs = _lint_step(tmp_path, "--select", "SUP999")
    assert done.returncode == 2
    assert outputs == {"exit-code": "2", "sarif-file": ""}
    assert "::error title=supplint::" in done.stdout


def test_github_actions_makes_annotations_the_default(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SUPPLINT_OUTPUT_FORMAT"}
    for value, expected in (
        ("true", "::warning file=examples/d3-5000-softgel.yaml,line=13"),
        (None, "examples/d3-5000-softgel.yaml:13:13: SUP101"),
    ):
        run_env = dict(env, GITHUB_ACTIONS=value) if value else {k: v for k, v in env.items() if k != "GITHUB_ACTIONS"}
        done = subprocess.run(
            [sys.executable, "-m", "supplint", "check", "examples/d3-5000-softgel.yaml"],
            cwd=ROOT,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.stdout.startswith(expected)
    explicit = subprocess.run(
        [sys.executable, "-m", "supplint", "check", "--output-format", "json", "examples/d3-5000-softgel.yaml"],
        cwd=ROOT,
        env=dict(env, GITHUB_ACTIONS="true"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert explicit.stdout.startswith("[")


def test_snippets_pin_the_projects_own_version():
    """README, docs and the hook manifest's comment pin the version the package says it is (one place: __init__)."""
    import supplint

    pins = set()
    for path in ("README.md", "docs/pages.md", ".pre-commit-hooks.yaml", "action.yml"):
        text = (ROOT / path).read_text(encoding="utf-8")
        pins |= set(re.findall(r"(?:rev: |supplint/supplint@)(v[0-9][^\s\"]*)", text))
    assert pins == {f"v{supplint.__version__}"}


def test_readme_pre_commit_snippet_is_a_complete_config():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S).group(1)
    config = yaml.safe_load(block)
    assert config["repos"][0]["repo"].endswith("supplint/supplint")
    assert {hook["id"] for hook in config["repos"][0]["hooks"]} <= {hook["id"] for hook in HOOKS}


@pytest.mark.skipif(
    os.environ.get("SUPPLINT_NETWORK_TESTS") != "1", reason="needs the package index (set SUPPLINT_NETWORK_TESTS=1)"
)
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_runs_the_hook_on_the_examples(tmp_path):
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs the checkout to be a git repository")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "supplint", "--all-files", "--verbose"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    # The examples are there to show findings, so the hook fails; this repository's [tool.supplint] include
    # (with the hook's --force-exclude) keeps rule packs and workflow files out.
    assert result.returncode == 1, output
    assert "examples/d3-5000-softgel.yaml:13:13: SUP201" in output
    assert "examples/pages/no-disclosure.md:7:1: SUP401" in output
    assert "rules/packs/" not in output and ".pre-commit-hooks.yaml:" not in output


@pytest.mark.skipif(
    os.environ.get("SUPPLINT_NETWORK_TESTS") != "1", reason="needs the package index (set SUPPLINT_NETWORK_TESTS=1)"
)
def test_action_install_step_installs_into_its_own_venv(tmp_path):
    output = tmp_path / "github_output"
    output.touch()
    env = dict(os.environ, GITHUB_OUTPUT=str(output), RUNNER_TEMP=str(tmp_path), REQUIREMENT="", ACTION_PATH=str(ROOT))
    done = subprocess.run(
        ["bash", str(ROOT / "action" / "install.sh")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    supplint_path = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())["supplint"]
    assert supplint_path.startswith(str(tmp_path))
    version = subprocess.run([supplint_path, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("supplint ")
