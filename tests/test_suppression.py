"""Suppression comments and SUP009, through the library API and the CLI, checked by code and line."""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import run_in_process

# Magnesium with no consult note: SUP301 at the `warnings` key (line 5).
BASE = """\
product: Example Magnesium Supplement
identity: Dietary Supplement
facts:
  - {name: Magnesium, as: magnesium glycinate, amount: 100 mg}
warnings: Keep out of reach of children.TRAILING
"""
RULES = ["SUP301", "SUP009"]


def base(trailing: str) -> str:
    return BASE.replace("TRAILING", trailing)


def found(text: str) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, "label.yaml", select=RULES))


def test_unsuppressed():
    assert found(base("")) == [("SUP301", 5)]


@pytest.mark.parametrize("directive", ["SUP301", "missing-consult-note", "SUP301,SUP201", "sup301", " SUP201 , SUP301"])
def test_same_line(directive):
    text = base(f"  # supplint: disable={directive}")
    codes = found(text)
    assert ("SUP301", 5) not in codes
    if "SUP201" in directive:
        assert codes == [("SUP009", 5)]  # SUP201 suppressed nothing there
    else:
        assert codes == []


def test_line_above_covers_the_next_content_line():
    text = base("").replace("warnings:", "# supplint: disable=SUP301\n\n# why: legacy label\nwarnings:")
    assert found(text) == []


def test_a_trailing_comment_on_the_line_above_does_not_cover():
    text = base("").replace(
        "  - {name: Magnesium, as: magnesium glycinate, amount: 100 mg}",
        "  - {name: Magnesium, as: magnesium glycinate, amount: 100 mg}  # supplint: disable=SUP301",
    )
    assert found(text) == [("SUP009", 4), ("SUP301", 5)]


def test_disable_file_anywhere():
    assert found("# supplint: disable-file\n" + base("")) == []
    assert found(base("") + "notes: ok  # supplint: disable-file=SUP301\n") == []


def test_unused_file_directive_is_reported():
    text = "# supplint: disable-file=SUP201\n" + base("")
    assert found(text) == [("SUP009", 1), ("SUP301", 6)]


def test_unknown_code_is_reported_with_a_hint():
    findings = supplint.check_text(base("  # supplint: disable=SUP301,SUP3O1"), "l.yaml", select=RULES)
    assert [(f.code, f.line) for f in findings] == [("SUP009", 5)]
    assert "SUP301" in findings[0].message  # the did-you-mean names the rule


def test_a_rule_that_is_not_enabled_is_an_unused_suppression():
    text = base("  # supplint: disable=SUP301")
    assert found(text) == []
    assert sorted((f.code, f.line) for f in supplint.check_text(text, "l.yaml", select=["SUP009"])) == [("SUP009", 5)]


def test_text_that_looks_like_a_directive_is_not_one():
    quoted = base("") + 'notes: "see # supplint: disable=SUP301"\n'
    block = base("") + "notes: |\n  # supplint: disable=SUP301\n"
    for text in (quoted, block):
        assert ("SUP301", 5) in found(text)


def test_suppression_works_on_a_file_the_yaml_parser_rejects():
    broken = "# supplint: disable-file=invalid-yaml\nproduct: x\nfacts: [\n"
    assert [f.code for f in supplint.check_text(broken, "b.yaml")] == []
    assert [f.code for f in supplint.check_text("product: x\nfacts: [\n", "b.yaml")] == ["SUP001"]


def test_sup009_fix_removes_what_is_unused(tmp_path):
    path = tmp_path / "label.yaml"
    original = base("  # supplint: disable=SUP301,SUP201").replace("facts:", "# supplint: disable=SUP104\nfacts:")
    path.write_text(original)
    result = run_in_process("check", "--select", "SUP301,SUP009", "--fix", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text() == original.replace("# supplint: disable=SUP104\n", "").replace("SUP301,SUP201", "SUP301")


def test_cli_reports_sup009_in_json():
    result = run_in_process(
        "check", "--select", "SUP009", "--output-format", "json", "-", stdin=base("  # supplint: disable=SUP201")
    )
    (finding,) = json.loads(result.stdout)
    assert (finding["code"], finding["line"], finding["column"]) == ("SUP009", 5, 43)
    assert finding["fix"]["edits"] == [{"line": 5, "column": 41, "end_line": 5, "end_column": 69, "content": ""}]


def test_lines_are_counted_as_yaml_counts_them():
    """libyaml also breaks lines at NEL (U+0085): a directive and a fix must agree with the parser's line numbers."""
    head = "product: Example B12 Supplement\x85# transcribed 2024\nfacts:\n"
    row = "  - {name: Vitamin B12, amount: 5 ug}"
    tail = "\nwarnings: Ask your doctor before use.\n"
    assert [(f.code, f.line, f.fix is not None) for f in supplint.check_text(head + row + tail, "l.yaml")] == [
        ("SUP208", 4, True)
    ]
    assert supplint.check_text(head + row + "  # supplint: disable=SUP208" + tail, "l.yaml") == []


# A comment alone on its line covers the list item or mapping entry that starts on the next line, to its end.
D3 = """\
product: Example D3 Supplement
identity: Dietary Supplement
facts:
  - name: Vitamin D3
    as: cholecalciferol
    amount: 50 mcg (2,000 IU)
  - name: Zinc
    amount: 5 mg
warnings: Consult your healthcare provider before use.
"""
NODE_RULES = ["SUP101", "SUP009"]


def found_d3(text: str, rules=NODE_RULES) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, "label.yaml", select=rules))


def above(line: str, directive: str, text: str = D3) -> str:
    indent = line[: len(line) - len(line.lstrip(" -"))].replace("-", " ")
    return text.replace(line + "\n", f"{indent}{directive}\n{line}\n", 1)


def test_a_list_item_finding_is_reported_at_its_amount():
    assert found_d3(D3) == [("SUP101", 6)]


def test_a_comment_above_a_list_item_covers_the_whole_item():
    assert found_d3(above("  - name: Vitamin D3", "# supplint: disable=SUP101")) == []
    assert found_d3(above("  - name: Vitamin D3", "# supplint: disable")) == []


def test_a_comment_above_a_mapping_entry_covers_its_value():
    assert found_d3(above("facts:", "# supplint: disable=d3-without-k2")) == []


def test_a_comment_above_one_item_does_not_cover_the_next():
    text = above("  - name: Zinc", "# supplint: disable=SUP101")
    assert found_d3(text) == [("SUP009", 7), ("SUP101", 6)]


def test_a_comment_above_a_key_inside_an_item_covers_only_that_entry():
    text = above("    as: cholecalciferol", "# supplint: disable=SUP101")
    assert found_d3(text) == [("SUP009", 5), ("SUP101", 7)]


def test_a_comment_above_the_first_key_does_not_cover_the_file():
    assert found_d3("# supplint: disable=SUP101\n" + D3) == [("SUP009", 1), ("SUP101", 7)]


def test_blank_and_comment_lines_between_comment_and_item():
    text = D3.replace(
        "  - name: Vitamin D3", "  # supplint: disable=SUP101\n\n  # reviewed 2026-11\n  - name: Vitamin D3"
    )
    assert found_d3(text) == []


def test_the_innermost_comment_is_used_and_an_outer_one_left_unused_is_reported():
    text = above("  - name: Vitamin D3", "# supplint: disable=SUP101", above("facts:", "# supplint: disable=SUP101"))
    assert found_d3(text) == [("SUP009", 3)]


def test_an_unused_node_comment_is_reported_at_its_line():
    text = above("  - name: Vitamin D3", "# supplint: disable=SUP201")
    assert found_d3(text, ["SUP101", "SUP201", "SUP009"]) == [("SUP009", 4), ("SUP101", 7)]


def test_a_flow_item_on_one_line_and_a_block_scalar():
    flow = D3.replace(
        "  - name: Vitamin D3\n    as: cholecalciferol\n    amount: 50 mcg (2,000 IU)\n",
        "  # supplint: disable=SUP101\n  - {name: Vitamin D3, amount: 50 mcg}\n",
    )
    assert found_d3(flow) == []
    block = BASE.replace("TRAILING", "").replace(
        "warnings: Keep out of reach of children.",
        "# supplint: disable=SUP301\nwarnings: |\n  Keep out of reach\n  of children.",
    )
    assert found(block) == []


def test_node_comment_through_the_cli_json(tmp_path):
    path = tmp_path / "label.yaml"
    path.write_text(above("  - name: Vitamin D3", "# supplint: disable=SUP101,SUP201"))
    result = run_in_process("check", "--select", "SUP101,SUP201,SUP009", "--output-format", "json", str(path))
    assert [(f["code"], f["line"]) for f in json.loads(result.stdout)] == [("SUP009", 4)]
