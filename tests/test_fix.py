"""--fix and --diff on real files: exact text edits, comments and key order kept, atomic writes, no broken output."""

from __future__ import annotations

import json
import os
import stat

import supplint
from conftest import run_in_process

LEGACY = """\
# Transcribed from a 2014 bottle; keep the panel as printed.
product: Sunshine D Dietary Supplement
brand: Example Naturals
identity: Dietary Supplement
form: tablet
serving: {size: 1 tablet, per_day: 1}
facts:
  - name: Vitamin D          # as cholecalciferol
    as: cholecalciferol
    amount: 400 IU
    dv: 100%
  - {name: Vitamin B12, as: cyanocobalamin, amount: 6 ug, dv: 250%}
directions: Take 1 tablet daily.
warnings:
  - Consult your healthcare provider before use if you are pregnant, nursing or taking medication.
"""
FIXED = LEGACY.replace("amount: 400 IU", "amount: 10 mcg (400 IU)").replace("6 ug", "6 mcg")
SELECT = "SUP205,SUP206,SUP208"


def codes_lines(path) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_file(path, select=SELECT.split(",")))


def test_the_legacy_vitamin_d_row_gets_sup205_and_sup206_and_fixes_only_the_amount(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_text(LEGACY)
    assert codes_lines(path) == [("SUP205", 11), ("SUP206", 10), ("SUP208", 12)]
    result = run_in_process("check", "--select", SELECT, "--fix", str(path))
    assert path.read_text() == FIXED  # comments, key order, flow style and spacing untouched
    assert result.returncode == 1  # the outdated %DV remains: a person decides the new percentage
    assert codes_lines(path) == [("SUP205", 11)]
    assert "fixed 2 problems in 1 file" in result.stderr


def test_diff_prints_the_change_and_writes_nothing(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_text(LEGACY)
    result = run_in_process("check", "--select", SELECT, "--diff", str(path))
    assert path.read_text() == LEGACY
    assert result.returncode == 1
    assert "-    amount: 400 IU\n+    amount: 10 mcg (400 IU)\n" in result.stdout
    assert run_in_process("check", "--select", SELECT, "--diff", str(tmp_path / "none.yaml")).returncode == 2
    path.write_text(FIXED)
    clean = run_in_process("check", "--select", SELECT, "--diff", str(path))
    assert (clean.returncode, clean.stdout) == (0, "")


def test_json_output_carries_the_fix(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_text(LEGACY)
    result = run_in_process("check", "--select", "SUP206,SUP208", "--output-format", "json", str(path))
    findings = json.loads(result.stdout)
    fixes = {f["code"]: f["fix"] for f in findings}
    assert fixes["SUP206"] == {
        "applicability": "safe",
        "edits": [{"line": 10, "column": 13, "end_line": 10, "end_column": 19, "content": "10 mcg (400 IU)"}],
    }
    assert fixes["SUP208"]["edits"] == [{"line": 12, "column": 55, "end_line": 12, "end_column": 57, "content": "mcg"}]


def test_a_fix_that_needs_quotes_in_flow_style_gets_them(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("product: D3 50,000 Supplement\nfacts:\n  - {name: Vitamin D3, amount: 50000 IU}\n")
    run_in_process("check", "--select", "SUP206", "--fix", str(path))
    assert (
        path.read_text()
        == 'product: D3 50,000 Supplement\nfacts:\n  - {name: Vitamin D3, amount: "1,250 mcg (50000 IU)"}\n'
    )
    assert not [f for f in supplint.check_file(path) if f.code.startswith("SUP00")]


def test_quoted_scalars_keep_their_quotes(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("product: B12 Supplement\nfacts:\n  - name: Vitamin B12\n    amount: '500 µg'\n")
    run_in_process("check", "--select", "SUP208", "--fix", str(path))
    assert path.read_text() == "product: B12 Supplement\nfacts:\n  - name: Vitamin B12\n    amount: '500 mcg'\n"


def test_a_file_with_a_parse_error_is_never_rewritten(tmp_path):
    path = tmp_path / "broken.yaml"
    text = "product: B12\nfacts:\n  - {name: Vitamin B12, amount: 5 ug}\nwarning: typo key\n"
    path.write_text(text)
    result = run_in_process("check", "--fix", str(path))
    assert path.read_text() == text
    assert result.returncode == 1


def test_fix_keeps_file_mode_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_text(LEGACY)
    os.chmod(path, 0o640)
    run_in_process("check", "--select", SELECT, "--fix", str(path))
    assert path.read_text() == FIXED
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["legacy.yaml"]


def test_crlf_and_bom_survive(tmp_path):
    path = tmp_path / "win.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + LEGACY.replace("\n", "\r\n").encode())
    run_in_process("check", "--select", SELECT, "--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_stdin_fix_writes_the_fixed_text_to_stdout():
    result = run_in_process("check", "--select", SELECT, "--fix", "--stdin-filename", "legacy.yaml", "-", stdin=LEGACY)
    assert result.stdout == FIXED
    assert "legacy.yaml:11:" in result.stderr  # what remains is reported on stderr


def test_without_fix_nothing_changes(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_text(LEGACY)
    before = os.stat(path).st_mtime_ns
    assert run_in_process("check", str(path)).returncode == 1  # the fixable findings are reported, not applied
    assert path.read_text() == LEGACY and os.stat(path).st_mtime_ns == before
