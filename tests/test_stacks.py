"""Daily stacks: products taken together against the upper limits (SUP501), by --stack or by a stack file."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

import supplint
from conftest import EXAMPLES, check_in, run_cli

MULTI, CALCIUM_D, D3 = "multivitamin-50-plus.yaml", "calcium-d3-tablet.yaml", "d3-5000-k2-softgel.yaml"


@pytest.fixture
def shelf(tmp_path):
    for name in (MULTI, CALCIUM_D, D3, "d3-k2-softgel.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def json_findings(result) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_stack_flag_reports_vitamin_d_and_calcium_totals_with_each_products_share(shelf):
    result = run_cli(
        "check", "--stack", "--select", "SUP501", "--output-format", "json", MULTI, CALCIUM_D, D3, cwd=shelf
    )
    found = json_findings(result)
    assert sorted((f["file"], f["code"], f["line"]) for f in found) == [(CALCIUM_D, "SUP501", 19), (D3, "SUP501", 13)]
    vitamin_d = next(f for f in found if f["file"] == D3)
    assert "3 products" in vitamin_d["message"] and "Complete Multi 50+" in vitamin_d["message"]
    assert result.returncode == 1


def test_without_stack_the_same_labels_get_no_stack_finding(shelf):
    assert (
        json_findings(
            run_cli("check", "--select", "SUP501", "--output-format", "json", MULTI, CALCIUM_D, D3, cwd=shelf)
        )
        == []
    )


def test_a_balanced_stack_passes(shelf):
    result = run_cli("check", "--stack", "--select", "SUP501", MULTI, "d3-k2-softgel.yaml", cwd=shelf)
    assert result.returncode == 0, result.stdout


def test_stack_file_with_servings_a_day(shelf):
    # vitamin D: 20 mcg from the multivitamin + 50 mcg per D3 + K2 softgel; the limit is 100 mcg
    (shelf / "regimen.yaml").write_text(f"stack:\n  - label: {MULTI}\n  - label: d3-k2-softgel.yaml\n    per_day: 1\n")
    assert [(f.code, f.line) for f in supplint.check_file(shelf / "regimen.yaml", select=["SUP501"])] == []
    (shelf / "regimen.yaml").write_text(f"stack:\n  - label: {MULTI}\n  - label: d3-k2-softgel.yaml\n    per_day: 2\n")
    assert [(f.code, f.line) for f in supplint.check_file(shelf / "regimen.yaml", select=["SUP501"])] == [("SUP501", 3)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("stack:\n  - label: missing.yaml\n  - label: d3.yaml\n", 2),
        ("stack:\n  - labl: x.yaml\n", 2),
        ("stack: []\n", 1),
        ("stack:\n  - label: x.yaml\n    per_day: 0\n", 3),
    ],
)
def test_stack_file_mistakes_are_sup002_at_their_line(shelf, text, line):
    (shelf / "bad.yaml").write_text(text)
    found = [(f.code, f.line) for f in supplint.check_file(shelf / "bad.yaml")]
    assert ("SUP002", line) in found


def test_inline_labels_in_a_stack_file_are_linted_in_place(tmp_path):
    text = (
        "stack:\n  - label:\n      product: Example B12 Supplement\n      facts:\n"
        "        - {name: Vitamin B12, amount: 5 ug}\n      warnings: Ask your doctor before use.\n"
    )
    (tmp_path / "s.yaml").write_text(text)
    assert ("SUP208", 5) in [(f.code, f.line) for f in supplint.check_file(tmp_path / "s.yaml")]


def test_stack_file_population_applies(shelf):
    # calcium: 220 + 2,200 = 2,420 mg; the 19-50 limit is 2,500 mg, the 51+ one 2,000 mg
    for population, fires in (("adults-19-50", False), ("adults-51+", True)):
        (shelf / "r.yaml").write_text(f"population: {population}\nstack:\n  - label: {MULTI}\n  - label: {CALCIUM_D}\n")
        found = [(f.code, f.line) for f in supplint.check_file(shelf / "r.yaml", select=["SUP501"])]
        assert found == ([("SUP501", 4)] if fires else [])  # at the calcium + D tablet, the larger share


def test_stack_takes_dsld_records_and_survives_a_file_that_is_not_utf8(shelf):
    from conftest import ROOT

    shutil.copy(ROOT / "tests" / "fixtures" / "dsld" / "d3-5000-softgel.json", shelf / "record.json")
    (shelf / "broken.yaml").write_bytes(b"product: \xff\nfacts: []\n")
    result = run_cli(
        "check",
        "--stack",
        "--select",
        "SUP001,SUP501",
        "--output-format",
        "json",
        "record.json",
        D3,
        "broken.yaml",
        cwd=shelf,
    )
    found = json_findings(result)
    assert ("broken.yaml", "SUP001") in {(f["file"], f["code"]) for f in found}
    # 2 x 125 mcg of vitamin D; equal shares, so the first product named carries the finding
    assert [f["file"] for f in found if f["code"] == "SUP501"] == ["record.json"]


_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str):
        _opened.append(args[0])


@pytest.fixture
def opened():
    """The files the process opens while the test runs (an audit hook: builtins.open and os.open alike)."""
    global _opened  # noqa: PLW0603 - the audit hook, installed once per process, reads the module's list
    if not getattr(_audit, "installed", False):
        sys.addaudithook(_audit)  # a hook cannot be removed: it records only while a test holds the list
        _audit.installed = True
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def test_stack_and_the_html_report_read_each_label_once(shelf, opened):
    result = check_in(shelf, "--stack", "--output-format", "html", MULTI, CALCIUM_D, D3)
    assert result.returncode == 1 and "SUP501" in result.stdout
    assert [name for name in (MULTI, CALCIUM_D, D3) if sum(p.endswith(name) for p in opened) != 1] == []


def test_a_stack_file_is_read_once_and_its_labels_once(shelf, opened):
    (shelf / "daily.yaml").write_text(
        f"stack:\n  - label: {MULTI}\n  - label: {CALCIUM_D}\n  - label: {D3}\n", encoding="utf-8"
    )
    opened.clear()  # writing it was an open too
    result = check_in(shelf, "--stack", "--output-format", "html", "daily.yaml")
    assert result.returncode == 1 and "SUP501" in result.stdout
    assert [name for name in ("daily.yaml", MULTI, CALCIUM_D, D3) if sum(p.endswith(name) for p in opened) != 1] == []


@pytest.mark.parametrize("output_format", ["concise", "html"])
def test_the_shopper_report_of_a_stack_file_reads_it_once(shelf, opened, output_format):
    (shelf / "daily.yaml").write_text(
        f"stack:\n  - label: {MULTI}\n  - label: {CALCIUM_D}\n  - label: {D3}\n", encoding="utf-8"
    )
    opened.clear()  # writing it was an open too
    result = check_in(shelf, "--preset", "shopper", "--output-format", output_format, "daily.yaml")
    assert result.returncode == 1  # the stack is over the upper limit of vitamin D
    assert [name for name in ("daily.yaml", MULTI, CALCIUM_D, D3) if sum(p.endswith(name) for p in opened) != 1] == []


def test_a_stack_with_jobs_reads_each_label_once(tmp_path, monkeypatch):
    """--stack builds the regimen from what checking each label computed: with --jobs too, no label is read
    again for it, and the findings are a serial run's."""
    import os

    from conftest import run_in_process

    names = []
    for index in range(6):  # 18 labels: enough for workers, were they used
        for example in (MULTI, CALCIUM_D, D3):
            names.append(f"{index}-{example}")
            shutil.copy(EXAMPLES / example, tmp_path / names[-1])
    args = ("check", "--isolated", "--stack", "--output-format", "json", *names)
    serial = run_in_process(*args, "--jobs", "1", cwd=tmp_path)
    log = tmp_path / "opened.log"
    real_open = os.open

    def recording_open(path, *rest, **kwargs):
        # appended to a file: a worker forked from this process records there too
        with open(log, "a", encoding="utf-8") as out:
            out.write(os.path.basename(os.fspath(path)) + "\n")
        return real_open(path, *rest, **kwargs)

    monkeypatch.setattr(os, "open", recording_open)
    parallel = run_in_process(*args, "--jobs", "2", cwd=tmp_path)
    monkeypatch.undo()
    opened = log.read_text(encoding="utf-8").splitlines()
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout
    assert "SUP501" in {f["code"] for f in json.loads(parallel.stdout)}
    assert sorted(name for name in opened if name.endswith(".yaml")) == sorted(names)
