"""Hostile files and paths: what a run reads, how far, and what it says instead (issue 10).

Each case runs the real CLI in a process with a timeout, so a hang fails the test instead of stalling the suite;
findings are asserted by code and line, and every run's JSON output must parse whole.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and symbolic links")

D3 = (EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8")  # SUP101, SUP201, SUP202 on line 13


def check(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 60) -> tuple[int, list[dict], str]:
    """``supplint check --output-format json ARGS`` in ``cwd``: exit status, findings, standard error."""
    done = subprocess.run(
        [sys.executable, "-m", "supplint", "check", "--output-format", "json", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    return done.returncode, json.loads(done.stdout), stderr


def found(findings: list[dict], file: str | None = None) -> list[tuple[str, int]]:
    return sorted((f["code"], f["line"]) for f in findings if file is None or f["file"] == file)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (a .git folder makes its root) with one label that has findings."""
    root = tmp_path / "site"
    (root / ".git").mkdir(parents=True)
    (root / "labels").mkdir()
    (root / "labels" / "d3.yaml").write_text(D3, encoding="utf-8")
    return root


D3_FINDINGS = [("SUP101", 13), ("SUP201", 13), ("SUP202", 13)]


def test_a_fifo_in_a_walked_folder_is_skipped_with_a_note(repo):
    os.mkfifo(repo / "labels" / "pipe.yaml")
    status, findings, stderr = check("labels", cwd=repo)
    assert status == 1
    assert found(findings) == D3_FINDINGS
    assert "pipe.yaml" in stderr


def test_a_fifo_named_on_the_command_line_is_a_finding_not_a_hang(repo):
    os.mkfifo(repo / "pipe.yaml")
    status, findings, _ = check("pipe.yaml", "labels/d3.yaml", cwd=repo)
    assert status == 1
    assert found(findings, "pipe.yaml") == [("SUP001", 1)]
    assert found(findings, "labels/d3.yaml") == D3_FINDINGS


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_never_read(repo):
    os.symlink("/dev/zero", repo / "labels" / "zero.yaml")
    status, findings, stderr = check("labels", cwd=repo)
    assert (status, found(findings)) == (1, D3_FINDINGS)
    assert "zero.yaml" in stderr
    status, findings, _ = check("labels/zero.yaml", cwd=repo)
    assert (status, found(findings)) == (1, [("SUP001", 1)])


def test_broken_and_looping_links_in_a_walk_cost_no_other_file_its_findings(repo):
    os.symlink("missing.yaml", repo / "labels" / "dangling.yaml")
    os.symlink("loop.yaml", repo / "labels" / "loop.yaml")
    status, findings, stderr = check("labels", cwd=repo)
    assert (status, found(findings)) == (1, D3_FINDINGS)
    assert "dangling.yaml" in stderr and "loop.yaml" in stderr


def test_a_walk_does_not_follow_a_link_out_of_the_repository(repo, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(D3, encoding="utf-8")
    os.symlink(outside, repo / "labels" / "secret.yaml")
    os.symlink("d3.yaml", repo / "labels" / "same.yaml")  # a link inside the repository is followed
    status, findings, stderr = check("labels", cwd=repo)
    assert status == 1
    assert {f["file"] for f in findings} == {"labels/d3.yaml", "labels/same.yaml"}
    assert "secret.yaml" in stderr


PAGE = """---
supplements: [{target}]
---
Affiliate disclosure: we earn a commission from links on this page. Talk to your doctor before you start a supplement.
"""


def test_a_page_naming_a_link_out_of_the_repository_gets_sup405_without_reading_it(repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(D3, encoding="utf-8")
    os.symlink(outside, repo / "labels" / "inside-name.yaml")
    (repo / "post.md").write_text(PAGE.format(target="labels/inside-name.yaml"), encoding="utf-8")
    status, findings, _ = check("post.md", cwd=repo)
    assert status == 1
    assert found(findings) == [("SUP405", 2)]
    assert str(tmp_path) not in findings[0]["message"]  # paths relative to the repository only


def test_a_page_naming_a_fifo_gets_sup405_not_a_hang(repo):
    os.mkfifo(repo / "labels" / "pipe.yaml")
    (repo / "post.md").write_text(PAGE.format(target="labels/pipe.yaml"), encoding="utf-8")
    status, findings, _ = check("post.md", cwd=repo)
    assert (status, found(findings)) == (1, [("SUP405", 2)])


STACK = """stack:
  - label: labels/d3.yaml
  - label: {bad}
  - label: {{product: Vitamin D3 Supplement, facts: [{{name: Vitamin D3, amount: 25 mcg}}]}}
"""


@pytest.mark.parametrize("bad", ["/etc/passwd", "../../outside.yaml", "labels/pipe.yaml", "labels/zero.yaml"])
def test_a_stack_reads_only_regular_files_inside_its_repository(repo, tmp_path, bad):
    (tmp_path / "outside.yaml").write_text(D3, encoding="utf-8")
    os.mkfifo(repo / "labels" / "pipe.yaml")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", repo / "labels" / "zero.yaml")
    (repo / "stack.yaml").write_text(STACK.format(bad=bad), encoding="utf-8")
    status, findings, _ = check("stack.yaml", cwd=repo)
    assert status == 1
    assert ("SUP002", 3) in found(findings)
    assert str(tmp_path) not in " ".join(f["message"] for f in findings)


@pytest.mark.parametrize(("population", "code"), [("adluts", "SUP002"), ("pregnancy", "SUP002")])
def test_a_stack_files_bad_population_is_a_finding_and_the_run_goes_on(repo, population, code):
    (repo / "stack.yaml").write_text(
        f"population: {population}\n" + STACK.format(bad="labels/d3.yaml"), encoding="utf-8"
    )
    status, findings, _ = check("stack.yaml", "labels/d3.yaml", cwd=repo)
    assert status == 1
    assert found(findings, "stack.yaml") == [(code, 1)]
    assert found(findings, "labels/d3.yaml") == D3_FINDINGS


def test_a_file_too_large_is_refused_before_it_is_parsed(repo):
    row = "  - {name: Vitamin C, amount: 500 mg}\n"
    (repo / "labels" / "huge.yaml").write_text("product: Huge\nfacts:\n" + row * 60_000, encoding="utf-8")  # 2.3 MB
    status, findings, _ = check("labels", cwd=repo)
    assert status == 1
    assert found(findings, "labels/huge.yaml") == [("SUP001", 1)]
    assert found(findings, "labels/d3.yaml") == D3_FINDINGS
    status, findings, _ = check(
        "-", "--stdin-filename", "huge.yaml", cwd=repo, stdin=b"product: Huge\nfacts:\n" + row.encode() * 60_000
    )
    assert (status, found(findings)) == (1, [("SUP001", 1)])


def test_a_large_label_without_aliases_is_called_large(repo):
    rows = "".join(f"  - {{name: Vitamin C, amount: {n} mg}}\n" for n in range(1, 20_000))  # under the byte limit
    (repo / "big.yaml").write_text("product: Big\nfacts:\n" + rows, encoding="utf-8")
    status, findings, _ = check("big.yaml", cwd=repo)
    assert (status, found(findings)) == (1, [("SUP001", 2)])
    assert "alias" not in findings[0]["message"]


def test_the_library_refuses_a_fifo_with_an_oserror(repo):
    import supplint

    os.mkfifo(repo / "pipe.yaml")
    with pytest.raises(OSError):
        supplint.check_file(repo / "pipe.yaml")


def test_examples_still_check_from_a_copy_outside_this_repository(tmp_path):
    """The containment root is the checked repository's, not supplint's: a copied site works the same."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / ".git").mkdir()
    _, inside, _ = check("examples", cwd=ROOT)
    _, copied, _ = check("examples", cwd=tmp_path)
    assert found(copied) == found(inside)


def test_import_reads_standard_input_and_refuses_a_fifo(repo):
    panel = b"Supplement Facts\nServing Size 1 Softgel\nVitamin D3 (as cholecalciferol) 125 mcg (5,000 IU) 625%\n"
    done = subprocess.run(
        [sys.executable, "-m", "supplint", "import", "text", "-"],
        cwd=repo,
        input=panel,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0 and b"amount: 125 mcg (5,000 IU)" in done.stdout
    os.mkfifo(repo / "panel.txt")
    done = subprocess.run(
        [sys.executable, "-m", "supplint", "import", "text", "panel.txt"], cwd=repo, capture_output=True, timeout=60
    )
    assert done.returncode == 2 and b"Traceback" not in done.stderr
