"""The metric-required kind (SUP206 non-metric-unit) through the public API: codes, lines and fixes, not
message wording; the engine applies its fix to the legacy example as text edits."""

from __future__ import annotations

import pytest

from amount_checks import findings, found, hits, label, no_load_errors

# SUP206 non-metric-unit ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "{name: Vitamin D3, amount: 400 IU}",
        '{name: Vitamin D2, as: ergocalciferol, amount: "1,000 IU"}',
        '{name: Vitamin A, as: retinyl palmitate, amount: "5,000 IU"}',
        '{name: Vitamin A, as: beta-carotene, amount: "5,000 IU"}',
        "{name: Vitamin E, as: d-alpha tocopherol, amount: 400 IU}",
        "{name: Vitamin D3, amount: {value: 400, unit: IU}}",
    ],
)
def test_non_metric_unit_fires(row):
    assert ("SUP206", 3) in found(label(row))


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin D3, amount: "10 mcg (400 IU)"}',
        '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (3,000 IU)"}',
        "{name: Vitamin E, as: d-alpha tocopherol, amount: 15 mg}",
        "{name: Vitamin C, amount: 90 mg}",
    ],
)
def test_non_metric_unit_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP206" not in {code for code, _ in found(text)}


def test_iu_only_vitamin_e_with_no_form_is_still_non_metric():
    assert found(label("{name: Vitamin E, amount: 400 IU}")) == [("SUP206", 3)]


@pytest.mark.parametrize(
    ("row", "content"),
    [
        ("{name: Vitamin D3, amount: 400 IU}", "10 mcg (400 IU)"),
        ('{name: Vitamin D2, as: ergocalciferol, amount: "1,000 iu"}', "25 mcg (1,000 iu)"),  # IU kept as printed
        ('{name: Vitamin A, as: retinyl palmitate, amount: "5,000 IU"}', "1,500 mcg RAE (5,000 IU)"),
        # supplemental beta-carotene: 1 IU = 0.3 mcg RAE (primary-sources §2; the 0.15 on one NIH page is an error)
        ('{name: Vitamin A, as: beta-carotene, amount: "5,000 IU"}', "1,500 mcg RAE (5,000 IU)"),
        ("{name: Vitamin E, as: dl-alpha tocopheryl acetate, amount: 400 IU}", "180 mg alpha-tocopherol (400 IU)"),
    ],
)
def test_non_metric_unit_fix_writes_the_metric_amount_first(row, content):
    (hit,) = hits("SUP206", label(row))
    assert [edit.new for edit in hit.fix] == [content]
    (finding,) = findings(label(row), "SUP206")
    assert finding.fix is not None  # the engine turns the hit's ValueEdit into a text edit
    assert [edit["content"].strip('"') for edit in finding.fix["edits"]] == [content]


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin A, amount: "5,000 IU"}',  # form unknown: preformed or beta-carotene
        "{name: Vitamin E, amount: 400 IU}",  # natural or synthetic: ambiguous
        "{name: Vitamin D3, amount: {value: 400, unit: IU}}",  # a mapping cannot become "10 mcg (400 IU)"
        '{name: Vitamin D3, amount: "40,001 IU"}',  # 1,000.025 mcg would print rounded
    ],
)
def test_non_metric_unit_offers_no_fix_that_is_not_exactly_right(row):
    (hit,) = hits("SUP206", label(row))
    assert hit.fix == ()
    assert all(f.fix is None for f in findings(label(row), "SUP206"))


# The engine applies fixes as text edits: the legacy example keeps its comment ---------------------------------


def test_legacy_example_fix_keeps_the_comment(tmp_path):
    from conftest import EXAMPLES

    source = (EXAMPLES / "legacy-vitamin-d-400iu.yaml").read_text(encoding="utf-8")
    (finding,) = findings(source, "SUP206")
    assert finding.fix is not None
    lines = source.splitlines(keepends=True)
    for edit in sorted(finding.fix["edits"], key=lambda e: (e["line"], e["column"]), reverse=True):
        assert edit["line"] == edit["end_line"]
        line = lines[edit["line"] - 1]
        lines[edit["line"] - 1] = line[: edit["column"] - 1] + edit["content"] + line[edit["end_column"] - 1 :]
    fixed = "".join(lines)
    assert "# Transcribed from the 2014 carton" in fixed
    assert "amount: 10 mcg (400 IU)" in fixed
    assert found(fixed) == [("SUP205", 15)]
