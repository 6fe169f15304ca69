"""The `full` output format (source lines, caret, help) and the `statistics` table."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

import supplint
from conftest import EXAMPLES, run_cli
from supplint.report import formats
from supplint.report.reporter import ReportContext
from supplint.report.summary import summary

D3 = EXAMPLES / "d3-5000-softgel.yaml"
FIX = {"applicability": "safe", "edits": [{"line": 1, "column": 1, "end_line": 1, "end_column": 1, "content": ""}]}
GUTTER = re.compile(r"^ *(\d*) \|(?: (.*))?$")


def render(findings, checked=1, quiet=False, read=None) -> str:
    out = io.StringIO()
    formats.render("full", findings, checked, out, quiet, ReportContext(read=read) if read else None)
    return out.getvalue()


def blocks(text: str) -> list[list[str]]:
    """The output split into one block of lines per finding (the summary is the last block)."""
    return [block.split("\n") for block in text.rstrip("\n").split("\n\n")]


def source_rows(block: list[str]) -> list[tuple[str, str]]:
    """(gutter, text) for each gutter row of a block; the gutter is empty on caret and frame rows."""
    rows = []
    for line in block[1:]:
        match = GUTTER.match(line)
        if match:
            rows.append((match[1], match[2] or ""))
    return rows


def caret_span(block: list[str]) -> tuple[int, int, str]:
    """(0-based offset of the first ^ in the source text, number of ^, the source line above the carets)."""
    rows = source_rows(block)
    for index, (gutter, text) in enumerate(rows):
        if not gutter and "^" in text:
            source = rows[index - 1][1]
            return text.index("^"), text.count("^"), source
    raise AssertionError(f"no caret row in {block}")


# --- on a real example --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def d3_findings():
    findings = supplint.check_file(D3)
    assert findings, "d3-5000-softgel.yaml is an example that has findings"
    return findings


def test_full_starts_each_finding_with_the_concise_line(d3_findings):
    concise_out = io.StringIO()
    formats.render("concise", d3_findings, 1, concise_out)
    headers = [block[0] for block in blocks(render(d3_findings))[:-1]]
    assert headers == concise_out.getvalue().splitlines()[:-1]


def test_full_gutter_and_caret_point_at_the_span(d3_findings):
    source = D3.read_text(encoding="utf-8").splitlines()
    for finding, block in zip(d3_findings, blocks(render(d3_findings)), strict=False):
        rows = source_rows(block)
        numbered = [(int(gutter), text) for gutter, text in rows if gutter]
        assert numbered[0][0] == finding.line - 1  # one line of context
        assert (finding.line, source[finding.line - 1]) in numbered
        for number, text in numbered:
            assert text == source[number - 1].rstrip()
        offset, count, above = caret_span(block)
        assert above == source[finding.line - 1]
        assert offset == finding.column - 1
        assert count == finding.end_column - finding.column
        assert above[offset : offset + count] == "125 mcg (5,000 IU)"


def test_full_help_line_and_blank_line_between_findings(d3_findings):
    text = render(d3_findings, checked=1)
    parts = blocks(text)
    assert len(parts) == len(d3_findings) + 1
    for finding, block in zip(d3_findings, parts, strict=False):
        assert finding.hint
        assert block[-1] == f"  = help: {finding.hint}"
        assert not any(line.startswith("  = fix available") for line in block)
    assert parts[-1] == [summary(d3_findings, 1)]
    assert text.endswith(summary(d3_findings, 1) + "\n")


def test_full_quiet_has_no_summary(d3_findings):
    text = render(d3_findings, quiet=True)
    assert summary(d3_findings, 1) not in text
    assert not text.endswith("\n\n")


def test_full_without_findings_prints_the_summary():
    assert render([], checked=3) == "No problems found in 3 files.\n"


def test_every_format_is_one_module_of_the_table():
    from supplint.report.reporter import Reporter

    assert set(formats.ALL_FORMATS) <= set(formats.TABLE)
    modules = {}
    for name in formats.TABLE:
        reporter = formats.reporter_class(name)
        assert issubclass(reporter, Reporter)
        modules.setdefault(reporter.__module__, set()).add(name)
    # one module per format, but json and json-lines (one family) and the shopper's two reports
    assert {module: names for module, names in modules.items() if len(names) > 1} == {
        "supplint.report.json": {"json", "json-lines"},
        "supplint.shopper.reporters": {"shopper-concise", "shopper-html"},
    }
    with pytest.raises(KeyError):
        formats.reporter_class("yaml")


def test_full_notes_an_available_fix(d3_findings):
    block = blocks(render([replace(d3_findings[0], fix=FIX)]))[0]
    assert block[-1] == "  = fix available: run supplint check --fix"
    assert block[-2].startswith("  = help: ")


def test_full_reads_each_file_once(d3_findings):
    calls = []

    def read(path):
        calls.append(path)
        return D3.read_text(encoding="utf-8")

    render(d3_findings, read=read)
    assert calls == [str(D3)]


# --- tmp files and edge cases ---------------------------------------------------------------------------------


def test_full_clips_context_at_the_start_of_the_file(write):
    path = write("label.yaml", "prodct: Vitamin C\nfacts: []\n")
    findings = supplint.check_file(path)
    (finding,) = [f for f in findings if "prodct" in f.message]
    assert (finding.line, finding.column) == (1, 1)
    block = blocks(render([finding]))[0]
    assert [int(gutter) for gutter, _ in source_rows(block) if gutter] == [1]
    assert caret_span(block) == (0, len("prodct"), "prodct: Vitamin C")
    assert "  = help: rename 'prodct' to 'product'" in block


def test_full_gutter_width_follows_the_line_numbers(write):
    text = "".join(f"# comment {n}\n" for n in range(1, 100)) + "product: X\nfacts: []\nwarning: Keep cool.\n"
    path = write("long.yaml", text)
    (finding,) = [f for f in supplint.check_file(path) if f.code == "SUP002"]
    assert finding.line == 102
    block = blocks(render([finding]))[0]
    assert "101 | facts: []" in block
    assert "102 | warning: Keep cool." in block
    assert block[block.index("102 | warning: Keep cool.") + 1] == "    | ^^^^^^^"


def test_full_without_a_hint_has_no_help_line():
    (finding,) = supplint.check_file(EXAMPLES / "invalid" / "broken-yaml.yaml")
    assert finding.hint is None
    block = blocks(render([finding]))[0]
    assert not any(line.startswith("  = help") for line in block)
    offset, count, _ = caret_span(block)
    assert (offset, count) == (finding.column - 1, 1)


def test_full_unreadable_file_shows_header_and_hint_only():
    findings = supplint.check_text("product: X\nfacts: []\nwarning: Keep cool.\n", "no/such/dir/label.yaml")
    assert findings
    text = render(findings)
    for block in blocks(text)[:-1]:
        assert source_rows(block) == []
        assert block[0].startswith("no/such/dir/label.yaml:3:1: SUP002 [error]")
        assert block[-1] == "  = help: rename 'warning' to 'warnings'"
    assert render(findings, read=lambda path: None) == text


def test_full_reader_errors_degrade_gracefully(d3_findings):
    def read(path):
        raise PermissionError(path)

    text = render(d3_findings, read=read)
    assert all(source_rows(block) == [] for block in blocks(text))
    assert text.count("  = help: ") == len(d3_findings)


def test_full_directory_path_degrades_gracefully(tmp_path, d3_findings):
    finding = replace(d3_findings[0], file=str(tmp_path))
    assert source_rows(blocks(render([finding]))[0]) == []


def test_full_line_past_the_end_of_the_file(d3_findings):
    finding = replace(d3_findings[0], line=999, end_line=999)
    block = blocks(render([finding]))[0]
    assert block[0].startswith(f"{D3}:999:13: ")
    assert source_rows(block) == []
    assert block[-1].startswith("  = help: ")


def test_full_zero_width_span_gets_one_caret(d3_findings):
    finding = replace(d3_findings[0], end_column=d3_findings[0].column)
    offset, count, _ = caret_span(blocks(render([finding]))[0])
    assert (offset, count) == (12, 1)


def test_full_column_past_the_end_of_the_line():
    probe = replace(_probe(), line=1, column=20, end_line=1, end_column=22)
    block = blocks(render([probe], read=lambda path: "product: X\n"))[0]
    offset, count, above = caret_span(block)
    assert above == "product: X"
    assert (offset, count) == (19, 2)


def _probe():
    """A real finding to move around with dataclasses.replace."""
    return supplint.check_text("prodct: X\nfacts: []\n", "x.yaml")[0]


def test_full_long_span_is_cut_to_five_lines():
    text = "\n".join(f"line {n}" for n in range(1, 21)) + "\n"
    finding = replace(_probe(), file="span.yaml", line=3, column=6, end_line=15, end_column=3)
    block = blocks(render([finding], read=lambda path: text))[0]
    numbers = [int(gutter) for gutter, _ in source_rows(block) if gutter]
    assert numbers == [2, 3, 4, 5, 6, 7]
    assert any(line.endswith("| ...") for line in block)
    offset, count, above = caret_span(block)
    assert above == "line 3"
    assert (offset, count) == (5, 1)  # from column 6 to the end of its line


def test_full_span_running_past_the_end_of_the_file_is_not_marked_as_cut():
    finding = replace(_probe(), file="short.yaml", line=2, column=1, end_line=9, end_column=1)
    block = blocks(render([finding], read=lambda path: "a: 1\nb: 2"))[0]
    assert [int(gutter) for gutter, _ in source_rows(block) if gutter] == [1, 2]
    assert not any(line.endswith("| ...") for line in block)


def test_full_tabs_and_wide_characters_keep_the_caret_aligned():
    finding = replace(_probe(), file="t.yaml", line=1, column=3, end_line=1, end_column=5)
    block = blocks(render([finding], read=lambda path: "a\tbc: 1\n"))[0]
    offset, count, above = caret_span(block)
    assert above == "a   bc: 1"  # the tab shown as spaces
    assert above[offset : offset + count] == "bc"

    finding = replace(finding, column=5, end_column=6)
    block = blocks(render([finding], read=lambda path: "名前: x\n"))[0]
    offset, count, _ = caret_span(block)
    assert (offset, count) == (6, 1)  # before the x: two wide characters (four cells), ":" and " "


def test_full_shows_control_characters_harmlessly():
    finding = replace(_probe(), file="c.yaml", line=1, column=4, end_line=1, end_column=5)
    block = blocks(render([finding], read=lambda path: "a\x1b[2Jb: x\n"))[0]
    assert "\x1b" not in "\n".join(block)
    offset, count, above = caret_span(block)
    assert above == "a<U+001B>[2Jb: x"  # shown as it is stored, not as the terminal would take it
    assert above[offset : offset + count] == "2"  # column 4, after the eight cells ESC is shown in


def test_full_crlf_and_bom(write):
    path = write("crlf.yaml", b"\xef\xbb\xbfprodct: X\r\nfacts: []\r\n")
    (finding,) = [f for f in supplint.check_file(path) if "prodct" in f.message]
    text = render([finding])
    assert "\r" not in text and "\ufeff" not in text
    assert caret_span(blocks(text)[0]) == (0, len("prodct"), "prodct: X")


def test_full_keeps_reading_invalid_utf8(write):
    path = write("latin1.yaml", "product: Caf\xe9\nfacts: []\nwarning: x\n".encode("latin-1"))
    findings = supplint.check_file(path)
    text = render(findings)  # the default reader replaces undecodable bytes
    assert text.startswith(f"{path}:")


# --- statistics -----------------------------------------------------------------------------------------------


def stats(findings) -> str:
    out = io.StringIO()
    formats.render("statistics", findings, 0, out, quiet=True)
    return out.getvalue()


def test_statistics_counts_rules_most_frequent_first(d3_findings):
    typos = supplint.check_file(EXAMPLES / "invalid" / "typo-keys.yaml")
    assert [f.code for f in typos] == ["SUP002", "SUP002"]
    lines = stats(d3_findings + typos).splitlines()
    assert lines[0] == "    2  SUP002  invalid-label"
    expected = sorted({f.code: f.name for f in d3_findings}.items())
    assert lines[1:] == [f"    1  {code}  {name}" for code, name in expected]


def test_statistics_count_column_is_right_aligned(d3_findings):
    many = d3_findings[:1] * 123456 + d3_findings[1:2] * 7
    lines = stats(many).splitlines()
    assert lines == [
        f"123456  {d3_findings[0].code}  {d3_findings[0].name}",
        f"     7  {d3_findings[1].code}  {d3_findings[1].name}",
    ]


def test_statistics_marks_rules_with_a_fix(d3_findings):
    fixable = [replace(d3_findings[0], fix=FIX), d3_findings[0]]
    lines = stats(fixable + d3_findings[1:2]).splitlines()
    assert lines[0].startswith(f"    2  {d3_findings[0].code}  {d3_findings[0].name}")
    assert lines[0].endswith("  [*]")
    assert "[*]" not in lines[1]
    assert lines[1] == lines[1].rstrip()


def test_statistics_prints_nothing_without_findings():
    assert stats([]) == ""


def test_summary_counts_each_severity_in_plain_english():
    result = run_cli(
        "check",
        "--select",
        "SUP1,SUP2",
        "examples/d3-5000-softgel.yaml",
        "examples/b12-sublingual.yaml",
        "examples/bone-formula-k-unspecified.yaml",
    )
    assert result.stdout.splitlines()[-1] == "Found 5 problems (1 error, 3 warnings, 1 info) in 3 files."
