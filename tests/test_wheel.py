"""The built wheel carries the rule data and works from a fresh virtual environment (no network needed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (found,) = out.glob("supplint-*.whl")
    return found


def test_wheel_contains_the_rule_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "supplint/rules/data/nutrients.yaml",
        "supplint/rules/data/aliases.yaml",
        "supplint/rules/data/pint-units.txt",
        "supplint/rules/packs/core.yaml",
        "supplint/cli.py",
        "supplint/report/html.css",
        "supplint/version.py",
    ):
        assert required in names


def test_wheel_runs_from_a_fresh_venv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # Dependencies come from this environment by path (no network); the project's own editable install does not,
    # because .pth files in a directory added this way are not processed.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    where = subprocess.run(
        [python, "-c", "import supplint.shipped.files as d; print(d.rules_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout + where.stderr

    shutil.copy(EXAMPLES / "d3-5000-softgel.yaml", tmp_path / "label.yaml")
    result = subprocess.run([bin_dir / "supplint", "check", "label.yaml"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "label.yaml:13:13: SUP201 [error]" in result.stdout

    # the HTML report's style is package data, read from the installed wheel
    page = subprocess.run(
        [bin_dir / "supplint", "check", "--output-format", "html", "label.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    css = (ROOT / "src" / "supplint" / "report" / "html.css").read_text(encoding="utf-8").strip()
    assert page.returncode == 1 and f"<style>{css}</style>" in page.stdout, page.stderr
