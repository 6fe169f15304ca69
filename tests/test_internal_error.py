"""SUP008: a bug met while checking one file costs that file its checks, never the run or its output (issue 10).

No correct input makes supplint fail, so the bug is planted: the label pipeline raises for one product name. The
run is the real command, in process (so the planted bug reaches it, workers included), through every format.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

import supplint.engine
from conftest import EXAMPLES, ROOT
from supplint.cli import cli
from supplint.report.formats import ALL_FORMATS

IRON = [("SUP304", 16)]
CRASH = "product: Crash Test Supplement\nfacts:\n  - {name: Vitamin C, amount: 500 mg}\n"


@pytest.fixture
def planted(monkeypatch):
    real = supplint.engine.resolve

    def resolve(label, *args, **kwargs):
        if label.product.startswith("Crash Test"):
            raise KeyError("planted")
        return real(label, *args, **kwargs)

    monkeypatch.setattr(supplint.engine, "resolve", resolve)
    monkeypatch.delenv("SUPPLINT_DEBUG", raising=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for name in ("d3-5000-softgel.yaml", "iron-tablet-no-warning.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    (tmp_path / "crash.yaml").write_text(CRASH, encoding="utf-8")
    return tmp_path


def run(site: Path, *args: str):
    import os

    cwd = os.getcwd()
    os.chdir(site)
    try:
        return CliRunner().invoke(cli, ["check", ".", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)


def by_file(findings: list[dict]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for f in findings:
        out.setdefault(f["file"], []).append((f["code"], f["line"]))
    return {file: sorted(found) for file, found in out.items()}


def test_the_broken_file_gets_one_sup008_and_the_others_their_findings(planted, site):
    result = run(site, "--output-format", "json")
    assert result.exit_code == 1
    found = by_file(json.loads(result.stdout))
    assert found["crash.yaml"] == [("SUP008", 1)]
    assert found["d3-5000-softgel.yaml"] == [("SUP101", 13), ("SUP201", 13), ("SUP202", 13)]
    assert found["iron-tablet-no-warning.yaml"] == IRON


def test_sup008_is_reported_whatever_the_selection(planted, site):
    result = run(site, "--output-format", "json", "--select", "SUP101")
    assert by_file(json.loads(result.stdout))["crash.yaml"] == [("SUP008", 1)]
    assert result.exit_code == 1


def test_parallel_run_reports_it_the_same(planted, site):
    for n in range(20):  # enough files for --jobs 2 to start workers
        shutil.copy(site / "d3-5000-softgel.yaml", site / f"copy-{n:02}.yaml")
    serial = run(site, "--output-format", "json")
    parallel = run(site, "--output-format", "json", "--jobs", "2")
    assert parallel.stdout == serial.stdout
    assert by_file(json.loads(parallel.stdout))["crash.yaml"] == [("SUP008", 1)]


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.closed_html = False

    def handle_endtag(self, tag: str) -> None:
        self.closed_html = self.closed_html or tag == "html"


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_every_format_stays_complete(planted, site, fmt):
    result = run(site, "--output-format", fmt)
    assert result.exit_code == 1
    out = result.stdout
    assert "SUP008" in out
    assert "d3-5000-softgel.yaml" in out  # the other files are still reported
    if fmt in ("json", "gitlab"):
        json.loads(out)
    elif fmt == "json-lines":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt == "sarif":
        import jsonschema

        schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(out), schema)
    elif fmt == "junit":
        ElementTree.fromstring(out)
    elif fmt == "html":
        parser = _Html()
        parser.feed(out)
        assert parser.closed_html


def test_a_bug_in_the_report_of_one_label_costs_only_that_label(monkeypatch, site):
    """The HTML report builds each label's facts from what its check resolved: a failure there is that file's
    SUP008 too."""
    import supplint.label.daily

    real = supplint.label.daily.label_facts

    def label_facts(resolved, file, doc=None):
        if resolved.label.product == "Crash Test Report Supplement":
            raise ValueError("planted in the report")
        return real(resolved, file, doc)

    (site / "crash.yaml").write_text(CRASH.replace("Crash Test", "Crash Test Report"), encoding="utf-8")
    monkeypatch.setattr(supplint.label.daily, "label_facts", label_facts)
    result = run(site, "--output-format", "html")
    assert result.exit_code == 1
    assert "SUP008" in result.stdout and "d3-5000-softgel.yaml" in result.stdout
    assert result.stdout.rstrip().endswith("</html>")


def test_supplint_debug_lets_the_error_through(planted, site, monkeypatch):
    monkeypatch.setenv("SUPPLINT_DEBUG", "1")
    with pytest.raises(KeyError):
        run(site, "--output-format", "json")


def test_a_bug_drawing_one_files_report_section_keeps_the_page_whole(monkeypatch, site):
    import supplint.report.html

    real = supplint.report.html.HtmlReporter._file_html

    def drawn(self, entry):
        if entry.path.endswith("crash.yaml"):
            raise ValueError("planted in the drawing")
        return real(self, entry)

    monkeypatch.setattr(supplint.report.html.HtmlReporter, "_file_html", drawn)
    result = run(site, "--output-format", "html")
    assert result.exit_code == 1
    parser = _Html()
    parser.feed(result.stdout)
    assert parser.closed_html and "crash.yaml" in result.stdout and "d3-5000-softgel.yaml" in result.stdout
