"""Standard input without --stdin-filename: a page or a DSLD record is read as what it plainly is, anything else
as a label, and --stdin-filename always decides when it is given (through the CLI in-process, by code and line)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from supplint.cli import cli

LINK = "[Example D3](https://amzn.to/3abcdef)"
CONSULT = "Talk to your healthcare provider before starting a supplement."
DSLD = (ROOT / "tests" / "fixtures" / "dsld" / "d3-5000-softgel.json").read_text(encoding="utf-8")
D3_LABEL = (EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8")  # starts with a `#` comment


def check(text: str, *args: str) -> list[tuple[str, str, int]]:
    result = CliRunner().invoke(
        cli, ["check", "--output-format", "json", *args, "-"], input=text, catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return sorted((f["file"], f["code"], f["line"]) for f in json.loads(result.stdout))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"# Vitamin D3\n\nOur pick is {LINK}.\n", 3),  # Markdown
        (
            f"---\ntitle: Vitamin D3\ndate: 2026-11-02\n---\n# Vitamin D3\n\nOur pick is {LINK}.\n",
            7,
        ),  # YAML front matter
        (f'+++\ntitle = "Vitamin D3"\n+++\n# Vitamin D3\n\nOur pick is {LINK}.\n', 6),  # Hugo TOML
        (f'{{\n  "title": "Vitamin D3"\n}}\n# Vitamin D3\n\nOur pick is {LINK}.\n', 6),  # Hugo JSON
        (f"Vitamin D3 in winter.\n\nOur pick is {LINK}.\n", 3),  # a link YAML cannot hold
        ('<p>Vitamin D3 in winter.</p>\n\n<p>Our pick is <a href="https://amzn.to/3abcdef">D3</a>.</p>\n', 3),  # a tag
        (
            '<!doctype html>\n<html><body>\n<p>Our pick is <a href="https://amzn.to/3abcdef">D3</a>.</p>\n'
            "</body></html>\n",
            3,
        ),  # an HTML document
    ],
)
def test_a_page_on_standard_input_is_checked_as_a_page(text, line):
    if "</body>" in text:
        text = text.replace("</body>", f"<p>{CONSULT}</p></body>")
    elif text.startswith("<p>"):
        text += f"\n<p>{CONSULT}</p>\n"
    else:
        text += f"\n{CONSULT}\n"
    assert check(text) == [("-", "SUP401", line)]


def test_a_dsld_record_on_standard_input_is_checked_as_one():
    assert check(DSLD) == [("-", code, 81) for code in ("SUP101", "SUP201", "SUP202")]


@pytest.mark.parametrize(
    "text",
    [
        D3_LABEL,  # a label whose first line is a `#` comment
        "---\n" + D3_LABEL,  # a label with a document marker
        "---\n" + D3_LABEL + "...\n",  # ... and an end marker
    ],
)
def test_a_label_stays_a_label(text):
    assert check(text) == [("-", code, 13 + text.startswith("---")) for code in ("SUP101", "SUP201", "SUP202")]


@pytest.mark.parametrize(
    "text",
    [
        "# Vitamin D3\n\nserving: one a day\n",  # a heading, or a YAML comment; then a key
        "just some words\n",  # a plain scalar to YAML, a paragraph to Markdown
        "# from [the FDA](https://www.fda.gov)\nname: Vitamin D3\n",  # a link in a YAML comment
    ],
)
def test_ambiguous_input_stays_a_label(text):
    assert {code for _, code, _ in check(text)} == {"SUP002"}


def test_stdin_filename_always_wins():
    page = f"# Vitamin D3\n\nOur pick is {LINK}.\n"
    assert {code for _, code, _ in check(page, "--stdin-filename", "label.yaml")} == {"SUP002"}  # not a mapping
    assert check(D3_LABEL, "--stdin-filename", "post.md") == []  # a page without links or claims
    assert check(DSLD, "--stdin-filename", "record.yaml") != check(DSLD)
