"""`check --add-noqa`: a suppression comment for every current finding, through the CLI in-process (CliRunner).

Each test checks what the comments do (the next `check` reports nothing, by code and line) and that a second run
changes nothing; a generated site of 300 labels and 100 pages checks the same by counts.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, check_in

D3 = (EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8")  # SUP101, SUP201, SUP202 on line 13
JOINT = (EXAMPLES / "joint-formula-disease-claim.yaml").read_text(encoding="utf-8")  # SUP303 on line 25
CLAIM = "  - Relieves arthritis pain and stiffness.*\n"
ADDED = re.compile(r"added (\d+) suppression comments? in (\d+) files?")


def findings(cwd: Path, *paths: str) -> list[tuple[str, str, int]]:
    result = check_in(cwd, "--output-format", "json", *(paths or ["."]))
    assert result.returncode in (0, 1), result.stderr
    return sorted((f["file"], f["code"], f["line"]) for f in json.loads(result.stdout))


def add_noqa(cwd: Path, *paths: str) -> tuple[int, int, int]:
    """(exit status, comments added, files changed)."""
    result = check_in(cwd, "--add-noqa", *(paths or ["."]))
    counts = ADDED.search(result.stderr)
    assert counts, result.stderr
    return result.returncode, int(counts[1]), int(counts[2])


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_label_gets_one_comment_at_the_end_of_the_line_and_a_second_run_adds_nothing(site):
    label = write(site, "d3.yaml", D3)
    assert add_noqa(site) == (0, 1, 1)
    line = label.read_text(encoding="utf-8").splitlines()[12]
    assert line.startswith("    amount: 125 mcg (5,000 IU)") and line.endswith(
        "# supplint: disable=SUP101,SUP201,SUP202"
    )
    assert findings(site) == []
    before = snapshot(site)
    assert add_noqa(site) == (0, 0, 0)
    assert snapshot(site) == before


def test_an_existing_comment_on_the_line_gets_the_codes_added(site):
    lines = D3.splitlines(keepends=True)
    lines[12] = lines[12].rstrip("\n") + "  # supplint: disable=SUP101 (we sell K2 separately)\n"
    label = write(site, "d3.yaml", "".join(lines))
    assert add_noqa(site) == (0, 1, 1)
    line = label.read_text(encoding="utf-8").splitlines()[12]
    assert line.count("supplint:") == 1 and "disable=SUP101,SUP201,SUP202 (we sell K2 separately)" in line
    assert findings(site) == []


@pytest.mark.parametrize(
    "claim",
    [
        "  - |\n    Relieves arthritis pain and stiffness.*\n",  # a block scalar: a '#' on its line is text
        "  - Relieves arthritis pain\n    and stiffness.*\n",  # a plain scalar over two lines: a comment would cut it
    ],
)
def test_where_the_end_of_the_line_is_inside_a_scalar_the_comment_goes_above(site, claim):
    label = write(site, "joint.yaml", JOINT.replace(CLAIM, claim))
    assert findings(site) == [("joint.yaml", "SUP303", 25)]
    assert add_noqa(site) == (0, 1, 1)
    lines = label.read_text(encoding="utf-8").splitlines()
    assert lines[24] == "  # supplint: disable=SUP303" and lines[25] == claim.splitlines()[0]
    assert findings(site) == []
    assert add_noqa(site) == (0, 0, 0)


PAGE = """---
title: Magnesium
supplements: [../labels/none.yaml]
---
# Magnesium

Our favourite is
[Example Magnesium](https://www.amazon.com/dp/B0EXAMPLE2?tag=examplesite-20).

It cured my arthritis in a month.

```supplement
product: Example B12 Supplement
facts:
  - {name: Vitamin B12, amount: 5 ug, dv: 208%}
warnings: Ask your doctor before use.
```

Talk to your doctor first.
"""


def test_a_page_gets_comments_where_they_do_not_change_how_it_renders(site):
    page = write(site, "posts/magnesium.md", PAGE)
    assert findings(site) == [
        ("posts/magnesium.md", "SUP208", 15),
        ("posts/magnesium.md", "SUP401", 8),
        ("posts/magnesium.md", "SUP404", 10),
        ("posts/magnesium.md", "SUP405", 3),
    ]
    assert add_noqa(site) == (0, 4, 1)
    lines = page.read_text(encoding="utf-8").splitlines()
    # front matter holds no supplint comments: the page-wide one comes right after it
    assert lines[4] == "<!-- supplint: disable-file=SUP405 -->"
    # inside a paragraph a comment line would split it: at the end of the line instead
    assert lines[8].endswith("tag=examplesite-20). <!-- supplint: disable=SUP401 -->")
    # after a blank line a block starts: the comment line goes above
    assert lines[10] == "<!-- supplint: disable=SUP404 -->" and lines[11].startswith("It cured")
    # the embedded label reads YAML comments
    assert lines[16].endswith("dv: 208%}  # supplint: disable=SUP208")
    assert findings(site) == []
    before = snapshot(site)
    assert add_noqa(site) == (0, 0, 0)
    assert snapshot(site) == before


def test_an_html_page_gets_the_comment_on_the_line_above(site):
    html = (
        (EXAMPLES / "pages" / "roundup.html")
        .read_text(encoding="utf-8")
        .replace("We earn a commission on purchases made through links on this page.", "")
    )
    page = write(site, "roundup.html", html)
    ((code, line),) = [(code, line) for _, code, line in findings(site)]
    assert code == "SUP401"
    assert add_noqa(site) == (0, 1, 1)
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip() == "<!-- supplint: disable=SUP401 -->"
    assert findings(site) == []


def test_a_file_that_does_not_parse_is_left_alone(site):
    write(site, "broken.yaml", "product: [unclosed\nfacts: []\n")
    before = snapshot(site)
    result = check_in(site, "--add-noqa", ".")
    assert result.returncode == 1  # what is left would still fail a check
    assert "SUP001" in result.stderr and "added 0 suppression comments in 0 files" in result.stderr
    assert snapshot(site) == before


def test_add_noqa_is_not_for_fix_diff_or_standard_input(site):
    write(site, "d3.yaml", D3)
    for extra in (["--fix"], ["--diff"], ["-"]):
        assert check_in(site, "--add-noqa", *extra).returncode == 2


def test_a_generated_site_of_300_labels_and_100_pages(site):
    """By counts: one comment per line with findings, a clean check after, and nothing more on a second run."""
    for script, args in (
        ("gen_corpus.py", ["labels", "--count", "300"]),
        ("gen_pages.py", ["pages", "--labels", "labels", "--count", "100"]),
    ):
        subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=site, check=True, capture_output=True)
    initial = findings(site)
    for file, code, _ in initial:
        if code == "SUP001":  # no comment can go into a file that does not parse
            (site / file).unlink()
    initial = [f for f in initial if f[1] != "SUP001"]
    assert len(initial) > 500 and len({f[0] for f in initial}) > 200
    status, added, files = add_noqa(site)
    assert status == 0 and files == len({f for f, _, _ in initial})
    # one comment per line with findings, except that a page's front-matter findings share one
    groups = {(f, 0 if line <= front_matter_end(site / f) else line) for f, _, line in initial}
    assert any(line == 0 for _, line in groups) and any(f.endswith(".md") and line for f, line in groups)
    assert added == len(groups)
    assert findings(site) == []
    before = snapshot(site)
    assert add_noqa(site) == (0, 0, 0)
    assert snapshot(site) == before


def front_matter_end(path: Path) -> int:
    """The line that closes a page's `---` front matter (0: a label, or a page without one)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix != ".md" or not lines or lines[0] != "---":
        return 0
    return lines.index("---", 1) + 1
