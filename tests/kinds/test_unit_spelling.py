"""The unit-spelling kind (SUP208 error-prone-unit) through the public API: codes, lines and fixes, not message
wording."""

from __future__ import annotations

import pytest

from amount_checks import findings, found, hits, label, no_load_errors
from supplint.ruleset.registry import registry

# SUP208 error-prone-unit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "spellings"),
    [
        ("{name: Vitamin B12, amount: 5 \u00b5g}", ["\u00b5g"]),  # MICRO SIGN
        ("{name: Vitamin B12, amount: 5 \u03bcg}", ["\u03bcg"]),  # GREEK SMALL LETTER MU
        ("{name: Vitamin B12, amount: 5 ug}", ["ug"]),
        ("{name: Vitamin B12, amount: 5 UG}", ["UG"]),
        ('{name: Vitamin D3, amount: "25 ug (1,000 IU)"}', ["ug"]),
        ('{name: Vitamin D3, amount: "1,000 IU (25 \u00b5g)"}', ["\u00b5g"]),  # the parenthetical amount too
        ('{name: Biotin, amount: "30 ug (30 \u00b5g)"}', ["ug", "\u00b5g"]),
    ],
)
def test_error_prone_unit_fires_and_fixes_to_mcg(row, spellings):
    text = label(row)
    assert found(text) == [("SUP208", 3)]
    (hit,) = hits("SUP208", text)
    assert hit.path == ("facts", 0, "amount")
    assert [(edit.old, edit.new) for edit in hit.fix] == [(s, "mcg") for s in spellings]


def test_error_prone_unit_in_the_mapping_form_points_at_the_unit():
    text = (
        "product: Example Iodine\n"
        "facts:\n"
        "  - name: Iodine\n"
        "    as: potassium iodide\n"
        "    amount:\n"
        "      value: 150\n"
        "      unit: ug\n"
    )
    assert found(text) == [("SUP208", 7)]
    (hit,) = hits("SUP208", text)
    assert hit.path == ("facts", 0, "amount", "unit")
    assert [(edit.old, edit.new) for edit in hit.fix] == [("ug", "mcg")]
    (finding,) = findings(text, "SUP208")
    assert finding.fix is not None
    assert [edit["content"] for edit in finding.fix["edits"]] == ["mcg"]


@pytest.mark.parametrize(
    "row",
    [
        "{name: Vitamin B12, amount: 5 mcg}",
        "{name: Vitamin B12, amount: {value: 5, unit: mcg}}",
        '{name: Vitamin D3, amount: "25 mcg (1,000 IU)"}',
        "{name: Magnesium, amount: 100 mg}",
    ],
)
def test_error_prone_unit_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP208" not in {code for code, _ in found(text)}


def test_error_prone_spellings_are_data():
    from supplint.quantity.amounts import unit_table

    assert unit_table().flags["error-prone"] == {"ug", "\u00b5g", "\u03bcg"}
    assert registry().rules["SUP208"].flag == "error-prone"
