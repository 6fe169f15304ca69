"""How a run ends when it cannot go on: Ctrl-C (exit 130, one line) and an output file that cannot be written
(exit 2, a usage error): never a traceback, never "internal error"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_cli

LABEL = (
    "product: Sunshine D {n}\nfacts:\n  - {{name: Vitamin D3, amount: 400 IU}}\n"
    "  - {{name: Vitamin B12, amount: 6 ug}}\n"
)


@pytest.fixture(scope="module")
def many_labels(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for n in range(3000):
        (folder / f"label-{n:05}.yaml").write_text(LABEL.format(n=n))
    return folder


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="Ctrl-C as a terminal sends it: to the process group")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_one_line(many_labels, tmp_path, jobs):
    out = tmp_path / "out.txt"
    with open(out, "w") as stdout:
        run = subprocess.Popen(
            [sys.executable, "-m", "supplint", "check", "--jobs", jobs, str(many_labels)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while out.stat().st_size == 0 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # findings are flowing: the run is in the middle of the files
        assert run.poll() is None, "the run ended before it could be interrupted"
        os.killpg(run.pid, signal.SIGINT)  # the parent and its workers, as a terminal's Ctrl-C does
        _, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert "Traceback" not in err and "Aborted" not in err and "KeyboardInterrupt" not in err
    assert len(err.strip().splitlines()) == 1 and "interrupted" in err


@pytest.mark.parametrize("where", ["missing/report.json", "label.yaml/report.json"])
def test_output_file_in_a_folder_that_cannot_hold_it_is_a_usage_error(tmp_path, where):
    (tmp_path / "label.yaml").write_text(LABEL.format(n=1))
    result = run_cli("check", "-o", where, "label.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert f"cannot write {where}: " in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_output_file_in_a_missing_folder_is_a_usage_error(tmp_path):
    panel = ROOT / "tests" / "fixtures" / "panels"
    source = sorted(panel.glob("*.txt"))[0]
    assert run_cli("import", "text", str(source)).returncode == 0
    result = run_cli("import", "text", "-o", "missing/label.yaml", str(source), cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot write missing/label.yaml: " in result.stderr and "internal error" not in result.stderr
