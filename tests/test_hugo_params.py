"""Hugo's `[params].supplements` (and `params.supplements` in YAML or JSON front matter) names labels as a
top-level `supplements` does, at the entries' own lines: through the library (the label's findings at the entry,
SUP405 for a missing one) and the CLI (the label once, at the label)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import supplint
from conftest import EXAMPLES, run_in_process

D3_CODES = ["SUP101", "SUP201", "SUP202"]  # the 5,000 IU label's findings
BODY = "# Vitamin D3\n\nTalk to your healthcare provider before starting a supplement.\n"

TOML = """+++
title = "Vitamin D3"
[params]
author = "Sam"
supplements = [
  "../../labels/d3.yaml",
  "../../labels/nope.yaml",
]
+++
"""
DOTTED = """+++
title = "Vitamin D3"
params.supplements = ["../../labels/d3.yaml"]
+++
"""
YAML = """---
title: Vitamin D3
params:
  author: Sam
  supplements:
    - ../../labels/d3.yaml
    - ../../labels/nope.yaml
---
"""
JSON = """{
  "title": "Vitamin D3",
  "params": {
    "supplements": [
      "../../labels/d3.yaml",
      "../../labels/nope.yaml"
    ]
  }
}
"""


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "labels").mkdir()
    shutil.copy(EXAMPLES / "d3-5000-softgel.yaml", tmp_path / "labels" / "d3.yaml")
    folder = tmp_path / "content" / "posts"
    folder.mkdir(parents=True)
    return folder


@pytest.mark.parametrize(("matter", "d3_line", "nope_line"), [(TOML, 6, 7), (YAML, 6, 7), (JSON, 5, 6)])
def test_params_supplements_are_the_pages_labels_at_their_lines(posts, matter, d3_line, nope_line):
    text = matter + BODY
    found = sorted((f.code, f.line) for f in supplint.check_text(text, str(posts / "post.md")))
    assert found == sorted([(code, d3_line) for code in D3_CODES] + [("SUP405", nope_line)])


def test_a_dotted_params_key_counts_too(posts):
    found = sorted((f.code, f.line) for f in supplint.check_text(DOTTED + BODY, str(posts / "post.md")))
    assert found == [(code, 3) for code in D3_CODES]


def test_an_array_of_tables_after_params_does_not_lose_the_places(posts):
    text = TOML[:-4] + '[[cascade]]\n  supplements = ["../../labels/other.yaml"]\n+++\n' + BODY
    found = sorted((f.code, f.line) for f in supplint.check_text(text, str(posts / "post.md")))
    assert found == sorted([(code, 6) for code in D3_CODES] + [("SUP405", 7)])


def test_through_the_cli_the_label_is_reported_once_at_the_label(posts):
    (posts / "post.md").write_text(TOML.replace('  "../../labels/nope.yaml",\n', "") + BODY, encoding="utf-8")
    result = run_in_process("check", "--output-format", "json", ".", cwd=posts.parents[1])
    assert result.returncode == 1, result.stderr
    assert sorted((f["file"], f["code"], f["line"]) for f in json.loads(result.stdout)) == [
        ("labels/d3.yaml", code, 13) for code in D3_CODES
    ]
    assert "content/posts/post.md names label ../../labels/d3.yaml, which has 3 problems" in result.stderr
