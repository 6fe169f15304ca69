"""Text from a label cannot break a format's lines, reach the terminal as a control, or be shown reordered:
every format shows or escapes bidirectional controls, line separators and other controls (visible.py)."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, run_cli, run_in_process
from supplint.report.formats import ALL_FORMATS

# A raw right-to-left override in the product name and the nutrient name; a line separator, NEL and ESC (which a
# YAML file can only hold escaped) in the nutrient name, so SUP208's message carries them all.
LABEL = (
    'product: "Sunshine \u202eD3\u202c Supplement"\n'
    "facts:\n"
    '  - {name: "Vitamin B12 \u202ecb\\u2028next\\x85line\\e[2J", amount: 6 ug}\n'
    "  - {name: Vitamin D3, amount: 400 IU}\n"
)
IN_MESSAGE = ("\u202e", "\u2028", "\x85", "\x1b")
RAW = (*IN_MESSAGE, "\u202c")
SELECT = ("--select", "SUP206,SUP208")


@pytest.fixture
def label(tmp_path):
    (tmp_path / "d3.yaml").write_text(LABEL, encoding="utf-8")
    return tmp_path


def check(label, fmt: str, *extra: str) -> str:
    result = run_in_process("check", *SELECT, "--output-format", fmt, *extra, "d3.yaml", cwd=label)
    assert result.returncode == 1, result.stderr
    return result.stdout


def lines_of(text: str) -> list[str]:
    """Lines as the strictest splitter sees them (str.splitlines also ends lines at U+2028, NEL, VT, FF...)."""
    assert text.splitlines() == text.split("\n")[:-1], "a character other than LF ends a line"
    return text.splitlines()


def test_json_keeps_the_exact_text_and_escapes_it(label):
    out = check(label, "json")
    assert not any(char in out for char in RAW)
    findings = {(f["code"], f["line"]): f for f in json.loads(out)}
    assert set(findings) == {("SUP208", 3), ("SUP206", 4)}
    assert all(char in findings["SUP208", 3]["message"] for char in IN_MESSAGE)
    assert "\\u2028" in out and "\\u202e" in out


def test_json_lines_one_finding_a_line(label):
    rows = [json.loads(line) for line in lines_of(check(label, "json-lines"))]
    assert sorted((f["code"], f["line"]) for f in rows) == [("SUP206", 4), ("SUP208", 3)]
    assert all(char in rows[0]["message"] + rows[1]["message"] for char in IN_MESSAGE)


def test_concise_one_finding_a_line_with_hidden_characters_shown(label):
    lines = lines_of(check(label, "concise", "--quiet"))
    assert [line.split(": ")[1].split()[0] for line in lines] == ["SUP208", "SUP206"]
    assert lines[0].startswith("d3.yaml:3:")
    assert all(mark in lines[0] for mark in ("<U+202E>", "<U+2028>", "<U+0085>", "<U+001B>"))


def test_full_shows_the_source_line_escaped(label):
    out = check(label, "full")
    lines_of(out)
    assert not any(char in out for char in RAW)
    row = next(line for line in out.splitlines() if line.startswith("3 | "))
    assert "Vitamin B12 <U+202E>cb" in row


def test_github_one_command_a_line(label):
    lines = lines_of(check(label, "github"))
    assert len(lines) == 2 and all(line.startswith("::warning ") for line in lines)
    sup208 = next(line for line in lines if "title=SUP208" in line)
    assert "line=3," in sup208 and "<U+202E>" in sup208 and "<U+2028>" in sup208


def test_html_shows_bidi_controls_as_marked_code_points(label, tmp_path):
    report = tmp_path / "report.html"
    check(label, "html", "-o", str(report))
    page = report.read_text(encoding="utf-8")
    assert not any(char in page for char in RAW)
    assert page.count('<span class="hidden-char"') >= 4  # the product name (twice) and the finding's message
    assert 'Sunshine <span class="hidden-char"' in page and "&lt;U+202E&gt;" in page


def test_junit_keeps_the_text_as_character_references(label):
    out = check(label, "junit")
    assert not any(char in out for char in RAW)
    assert "&#x202E;" in out
    failure = next(
        case.find("failure")
        for case in ET.fromstring(out).iter("testcase")
        if case.find("failure") is not None and case.find("failure").get("type") == "SUP208"
    )
    assert "\u202e" in failure.get("message") and "\u2028" in failure.get("message")


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_no_format_copies_a_hidden_character_raw(label, fmt):
    out = check(label, fmt)
    assert not any(char in out for char in RAW)
    if fmt in ("concise", "full", "json", "json-lines", "github", "gitlab", "sarif"):
        lines_of(out)


def test_notes_on_standard_error_show_a_file_name_as_stored(tmp_path):
    name = "d3\u202e.yaml"
    (tmp_path / name).write_text("product: D3 Supplement\nfacts:\n  - {name: Vitamin D3, amount: 400 IU}\n")
    (tmp_path / name).chmod(0o444)
    result = run_in_process("check", "--select", "SUP206", "--fix", name, cwd=tmp_path)
    assert result.returncode == 1
    (note,) = [line for line in result.stderr.splitlines() if "not fixed" in line]
    assert "d3<U+202E>.yaml" in note and "\u202e" not in result.stderr


def _on_a_terminal(*args: str, env: dict | None = None) -> str:
    """The CLI's standard output as a terminal receives it (a pseudo-terminal)."""
    import os
    import pty
    import subprocess
    import sys

    main, child = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    environment.update(env or {}, TERM="xterm")
    done = subprocess.run(
        [sys.executable, "-m", "supplint", "check", *args],
        stdout=child,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert done.returncode == 1
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_and_never_when_asked_not_to():
    label = "examples/d3-5000-softgel.yaml"
    assert "\x1b[31m[error]" in _on_a_terminal(label)
    assert "\x1b[" not in _on_a_terminal(label, env={"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal(label, "--no-color")
    assert "\x1b[" not in run_cli("check", label).stdout  # a real pipe gets plain text (a real process: isatty on fd 1)


def test_summary_counts_the_files_checked_too():
    result = run_in_process("check", "examples/d3-5000-softgel.yaml", "examples/d3-k2-softgel.yaml")
    assert result.stdout.splitlines()[-1].endswith("in 1 of 2 files.")
