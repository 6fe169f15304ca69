"""`supplint check --preset shopper`: the rules that matter to the person taking a product, reported in plain words
(concise sentences, and the shopper page for --output-format html)."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from supplint.cli import cli

PRESET = {
    rule["code"]
    for rule in yaml.safe_load((ROOT / "rules/data/presets.yaml").read_text(encoding="utf-8"))["shopper"]["rules"]
}
#: Words that belong to the editors' report, never to the shopper's.
AUTHOR_WORDS = ("SUP", "CFR", "--fix", "column", "identity:", "`", ".yaml:", "Traceback")
STACK = ("multivitamin-50-plus.yaml", "calcium-d3-tablet.yaml", "d3-5000-k2-softgel.yaml")


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--isolated", *args])


def test_preset_selects_the_shoppers_rules():
    everything = json.loads(check("--output-format", "json", str(EXAMPLES)).stdout)
    shopper = json.loads(check("--preset", "shopper", "--output-format", "json", str(EXAMPLES)).stdout)
    found = {f["code"] for f in shopper}
    assert found <= PRESET
    assert {"SUP201", "SUP304", "SUP006"} <= found
    assert {f["code"] for f in everything} - PRESET  # identity, disclaimer, %DV arithmetic ... are left out
    assert [f for f in everything if f["code"] in PRESET] == shopper


def test_concise_is_plain_sentences():
    result = check(
        "--preset", "shopper", str(EXAMPLES / "d3-5000-softgel.yaml"), str(EXAMPLES / "iron-tablet-no-warning.yaml")
    )
    assert result.exit_code == 1
    for word in AUTHOR_WORDS:
        assert word not in result.output
    lines = result.output.splitlines()
    d3 = next(line for line in lines if "High Potency Vitamin D3 5,000 IU gives you" in line)
    assert "125 mcg of vitamin D a day" in d3 and "100 mcg upper limit for adults" in d3
    assert any("iron" in line and "child" in line for line in lines)


def test_stack_sentence_names_the_product_that_gives_most():
    result = check("--preset", "shopper", "--stack", *(str(EXAMPLES / name) for name in STACK))
    assert result.exit_code == 1
    sentences = [line.strip("- ").strip() for line in result.output.splitlines() if line.startswith("  - ")]
    assert sentences[0].startswith("Taking these together gives you 165 mcg of vitamin D a day")
    assert "Vitamin D3 5,000 IU with K2 (MK-7) supplies 76% of it" in sentences[0]


def test_stack_file_is_reported_as_a_stack():
    result = check("--preset", "shopper", str(EXAMPLES / "stacks" / "daily-stack.yaml"))
    assert result.exit_code == 1
    assert "Taking these together gives you 2,420 mg of calcium a day" in result.output


def test_html_is_the_shopper_page(tmp_path):
    out = tmp_path / "report.html"
    result = check(
        "--preset",
        "shopper",
        "--output-format",
        "html",
        "-o",
        str(out),
        "--stack",
        *(str(EXAMPLES / name) for name in STACK),
    )
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    for word in ("SUP", "CFR", "--fix", "column", "identity:", ".yaml"):
        assert word not in page
    sentences = re.findall(r'<li class="sentence[^"]*">(.*?)</li>', page)
    assert sentences[0].startswith("Taking these together gives you 165 mcg of vitamin D")
    # one colour per row: a row over its upper limit has both bars in the "over" colour, and the legend says so
    over_rows = re.findall(r'<tr class="over">(.*?)</tr>', page)
    assert over_rows and all(row.count('class="fill over"') == 2 for row in over_rows)
    assert 'class="fill within"' not in "".join(over_rows)
    assert re.search(r'<ul class="legend".*above the upper limit', page)
    # what a total includes: vitamin A counts every form, the limit only the preformed part
    vitamin_a = next(row for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page) if ">Vitamin A<" in row)
    assert "preformed vitamin A" in vitamin_a


def test_editors_html_report_is_unchanged(tmp_path):
    out = tmp_path / "report.html"
    check("--output-format", "html", "-o", str(out), str(EXAMPLES / "d3-5000-softgel.yaml"))
    page = out.read_text(encoding="utf-8")
    assert 'data-code="SUP101"' in page and "supplint report" in page  # a rule the preset leaves out


@pytest.mark.parametrize("args", [("--preset", "nobody"), ("--preset", "shopper", "--select", "SUP2")])
def test_preset_usage_errors(args):
    result = check(*args, str(EXAMPLES / "d3-5000-softgel.yaml"))
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(("output_format", "population"), [("concise", "adults"), ("html", "children-4-8")])
def test_with_jobs_the_report_reads_each_label_through_its_workers_summary(
    tmp_path, monkeypatch, output_format, population
):
    """Workers send back what the shopper report reads of each label (shopper/summary.py): this process opens
    none of the labels, and prints what a serial run prints."""
    import os

    from conftest import run_in_process

    for index in range(2):  # enough files for workers under --jobs 2
        for label in sorted(EXAMPLES.glob("*.yaml")):
            (tmp_path / f"{index}-{label.name}").write_bytes(label.read_bytes())
    args = ("check", "--isolated", "--preset", "shopper", "--output-format", output_format, "--population", population)
    serial = run_in_process(*args, ".", "--jobs", "1", cwd=tmp_path)
    opened: list[str] = []
    real_open = os.open

    def recording_open(path, *rest, **kwargs):
        if os.getpid() == parent:  # a worker forked from here records in its own copy of the list
            opened.append(os.fspath(path))
        return real_open(path, *rest, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(os, "open", recording_open)
    parallel = run_in_process(*args, ".", "--jobs", "2", cwd=tmp_path)
    monkeypatch.undo()
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout
    assert [path for path in opened if path.endswith(".yaml")] == []
