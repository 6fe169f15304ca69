"""A label that pages name is checked once per run and reported once, at the label (issue 16).

A site of 50 posts naming one label goes through the CLI in-process (click's CliRunner) in concise, json and sarif,
serially and with two worker processes; the findings are compared by file, code and line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_in, run_in_process

D3_LABEL = EXAMPLES / "d3-5000-softgel.yaml"  # SUP101, SUP201 and SUP202 on its line 13
LABEL_FINDINGS = [("labels/d3.yaml", code, 13) for code in ("SUP101", "SUP201", "SUP202")]
POST = """---
title: Post {index}
supplements: [{target}]
---
# Post {index}

Talk to your doctor before starting a supplement.
"""
CONCISE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):\d+: (?P<code>SUP\d{3}) ")


def findings(result, output_format: str) -> list[tuple[str, str, int]]:
    assert result.returncode in (0, 1), result.stderr
    if output_format == "json":
        found = [(f["file"], f["code"], f["line"]) for f in json.loads(result.stdout)]
    elif output_format == "sarif":
        found = [
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in json.loads(result.stdout)["runs"][0]["results"]
        ]
    else:
        found = [(m["file"], m["code"], int(m["line"])) for m in map(CONCISE.match, result.stdout.splitlines()) if m]
    return sorted(found)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "posts").mkdir()
    shutil.copy(D3_LABEL, tmp_path / "labels" / "d3.yaml")
    for index in range(50):
        (tmp_path / "posts" / f"p{index:02}.md").write_text(
            POST.format(index=index, target="../labels/d3.yaml"), encoding="utf-8"
        )
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("output_format", ["concise", "json", "sarif"])
def test_a_label_named_by_50_pages_is_reported_once_at_the_label(site, output_format, jobs):
    result = check_in(site, ".", "--output-format", output_format, "--jobs", jobs)
    assert result.returncode == 1
    assert findings(result, output_format) == LABEL_FINDINGS
    notes = [
        line for line in result.stderr.splitlines() if "names label ../labels/d3.yaml, which has 3 problems" in line
    ]
    assert len(notes) == 50  # each page says which label it names and how many problems it has


def test_checking_only_pages_still_checks_their_label_once_at_its_file(site):
    result = check_in(site, "posts/p00.md", "posts/p01.md", "--output-format", "json")
    assert result.returncode == 1
    assert findings(result, "json") == LABEL_FINDINGS


def test_a_label_reached_by_other_spellings_of_its_path_is_checked_once(site):
    os.symlink(site / "labels", site / "shelf")
    for index, target in enumerate(["../labels/./d3.yaml", "../shelf/d3.yaml", "../posts/../labels/d3.yaml"]):
        (site / "posts" / f"p{index:02}.md").write_text(POST.format(index=index, target=target), encoding="utf-8")
    result = check_in(site, "posts/p00.md", "posts/p01.md", "posts/p02.md", "--output-format", "json")
    assert [code for _, code, _ in findings(result, "json")] == ["SUP101", "SUP201", "SUP202"]


@pytest.mark.parametrize("only_pages", [False, True])
def test_the_labels_own_per_file_ignores_and_suppressions_apply(site, only_pages):
    (site / "supplint.toml").write_text('[per-file-ignores]\n"labels/**" = ["SUP101"]\n', encoding="utf-8")
    label = site / "labels" / "d3.yaml"
    lines = label.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[12] = lines[12].rstrip("\n") + "  # supplint: disable=SUP202\n"
    label.write_text("".join(lines), encoding="utf-8")
    result = check_in(site, *(["posts/p00.md"] if only_pages else ["."]), "--output-format", "json")
    assert findings(result, "json") == [("labels/d3.yaml", "SUP201", 13)]


def test_a_clean_label_gives_its_pages_no_note(site):
    clean = EXAMPLES / "d3-k2-softgel.yaml"
    shutil.copy(clean, site / "labels" / "d3.yaml")
    result = check_in(site, ".", "--output-format", "json")
    assert findings(result, "json") == []
    assert "names label" not in result.stderr


def test_a_page_naming_a_missing_label_still_gets_sup405(site):
    (site / "posts" / "p00.md").write_text(POST.format(index=0, target="../labels/gone.yaml"), encoding="utf-8")
    result = check_in(site, "posts/p00.md", "--output-format", "json")
    assert findings(result, "json") == [("posts/p00.md", "SUP405", 3)]


def test_a_named_file_that_does_not_look_like_a_label_is_still_checked_as_one(site):
    """A walk skips YAML without `product:` or `facts:`; a page that names it says it is a label."""
    (site / "labels" / "odd.yaml").write_text("name: Vitamin D3\nrows: []\n", encoding="utf-8")
    (site / "posts" / "p00.md").write_text(POST.format(index=0, target="../labels/odd.yaml"), encoding="utf-8")
    result = check_in(site, ".", "--output-format", "json")
    odd = [(code, line) for file, code, line in findings(result, "json") if file == "labels/odd.yaml"]
    assert odd and {code for code, _ in odd} == {"SUP002"}
    assert not any("skipped" in line and "odd.yaml" in line for line in result.stderr.splitlines())


def test_a_page_on_standard_input_and_its_label_given_too_report_the_label_once(site):
    result = run_in_process(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "posts/p00.md",
        "-",
        "labels",
        stdin=(site / "posts" / "p00.md").read_text(),
        cwd=site,
    )
    assert findings(result, "json") == LABEL_FINDINGS
