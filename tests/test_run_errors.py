"""How a run ends when it cannot go on: Ctrl-C (exit 130, one line), never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

LABEL = "product: Sunshine D {n}\nfacts:\n  - {{name: Vitamin D3, amount: 400 IU}}\n  - {{name: Vitamin B12, amount: 6 ug}}\n"


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
        run = subprocess.Popen([sys.executable, "-m", "supplint", "check", "--jobs", jobs, str(many_labels)],
                               stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + 60
        while out.stat().st_size == 0 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # findings are flowing: the run is in the middle of the files
        assert run.poll() is None, "the run ended before it could be interrupted"
        os.killpg(run.pid, signal.SIGINT)  # the parent and its workers, as a terminal's Ctrl-C does
        _, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert "Traceback" not in err and "Aborted" not in err and "KeyboardInterrupt" not in err
    assert len(err.strip().splitlines()) == 1 and "interrupted" in err
