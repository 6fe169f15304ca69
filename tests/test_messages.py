"""Validation findings are for people: a table of bad labels through the CLI (json output, in-process), each
checked by code and line, with no Python type name and no pydantic phrase in any message or hint, the value as
written quoted, and a fix."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from supplint.cli import cli

HEAD = "product: Example Zinc Supplement\nfacts:\n"
ROW = "  - name: Zinc\n    amount: 10 mg\n"

#: (label text, [(code, line)], a text the message must quote: the value or key as written).
BAD = [
    pytest.param(HEAD + "  - nmae: Zinc\n    amount: 10 mg\n", [("SUP002", 3)], "'nmae'", id="misspelt-required-key"),
    pytest.param("prodcut: Zinc\nfacts: []\n", [("SUP002", 1)], "'prodcut'", id="misspelt-top-key"),
    pytest.param(HEAD + ROW + "    amonut: 5 mg\n", [("SUP002", 5)], "'amonut'", id="misspelt-optional-key"),
    pytest.param(HEAD + ROW + "warning: Keep cool.\n", [("SUP002", 5)], "'warning'", id="misspelt-list-key"),
    pytest.param(HEAD + ROW + "colour: red\n", [("SUP002", 5)], "'colour'", id="unknown-key"),
    pytest.param("product: x\nform: softgell\nfacts: []\n", [("SUP002", 2)], "'softgell'", id="enum-typo"),
    pytest.param("product: x\nform: pill\nfacts: []\n", [("SUP002", 2)], "'pill'", id="enum-unknown"),
    pytest.param(HEAD + "  - {name: Vitamin D, amount: 1,000 IU}\n", [("SUP002", 3)], "'1,000 IU'", id="flow-comma"),
    pytest.param(
        HEAD + "  - {name: Vitamin D3, amount: 125 mcg (5,000 IU)}\n",
        [("SUP002", 3)],
        "'125 mcg (5,000 IU)'",
        id="flow-comma-parenthesis",
    ),
    pytest.param("product:\nfacts: []\n", [("SUP002", 1)], "'product'", id="empty-required-text"),
    pytest.param("product: 1984\nfacts: []\n", [("SUP002", 1)], "'1984'", id="number-for-text"),
    pytest.param(HEAD + ROW + "directions: yes\n", [("SUP002", 5)], "'yes'", id="yes-for-text"),
    pytest.param(HEAD + ROW + "brand: ''\n", [("SUP002", 5)], "'brand'", id="empty-optional-text"),
    pytest.param("product: x\nfacts: 3\n", [("SUP002", 2)], "'3'", id="number-for-rows"),
    pytest.param("product: x\nfacts:\n  - Zinc 10 mg\n", [("SUP002", 3)], "'Zinc 10 mg'", id="text-for-row"),
    pytest.param(
        "product: x\nfacts: []\nserving: 2 capsules\n", [("SUP002", 3)], "'2 capsules'", id="text-for-mapping"
    ),
    pytest.param(
        "product: x\nfacts: []\nservings_per_container: abc\n", [("SUP002", 3)], "'abc'", id="text-for-number"
    ),
    pytest.param("product: x\nfacts: []\nservings_per_container: -3\n", [("SUP002", 3)], "'-3'", id="negative-number"),
    pytest.param("product: x\nfacts: []\nclaims: {a: b}\n", [("SUP002", 3)], "(a)", id="mapping-for-items"),
    pytest.param("product: x\nfacts: []\nwarnings: [1, Keep cool.]\n", [("SUP002", 3)], "'1'", id="number-item"),
    pytest.param("product: x\nfacts: []\nnotes: [[a]]\n", [("SUP002", 3)], "`- `", id="nested-items"),
    pytest.param(HEAD + "  - {name: Zinc, amount: 10 mg, blend: 5}\n", [("SUP002", 3)], "'5'", id="number-for-blend"),
    pytest.param(HEAD + "  - {name: Zinc, amount: {value: 5}}\n", [("SUP002", 3)], "value", id="amount-mapping"),
    pytest.param(HEAD + "  - {name: Zinc, amount: [5, mg]}\n", [("SUP002", 3)], "`- `", id="items-for-amount"),
    pytest.param(HEAD + "  - name: Zinc\n    amount:\n", [("SUP002", 4)], "empty", id="empty-amount"),
    pytest.param(
        HEAD + "  - {name: Zinc, amount: 10 mg, nutrient: zink}\n", [("SUP002", 3)], "'zink'", id="nutrient-typo"
    ),
    pytest.param(HEAD + "  - {name: Zinc, amount: 10 mg, dv: 91}\n", [("SUP002", 3)], "91", id="dv-number"),
    pytest.param("product: x\npopulation: adultz\nfacts: []\n", [("SUP002", 2)], "'adultz'", id="population-typo"),
    pytest.param(
        "product: x\nserving: {size: 1 tablet, per_day: 0}\nfacts: []\n", [("SUP002", 2)], "0", id="per-day-zero"
    ),
    pytest.param(
        "product: x\nserving: {size: 1 tablet, per_day: 1.5}\nfacts: []\n",
        [("SUP002", 2)],
        "1.5",
        id="per-day-fraction",
    ),
    pytest.param("product: x\nserving:\n  per_day: 2\nfacts: []\n", [("SUP002", 2)], "'size'", id="missing-key"),
    pytest.param("product: x\n", [("SUP002", 1)], "'facts'", id="missing-facts"),
    pytest.param(HEAD + "  - {name: Zinc, as: 5, amount: 10 mg}\n", [("SUP002", 3)], "'5'", id="number-for-as"),
    pytest.param("- a\n- b\n", [("SUP002", 1)], "`- `", id="a-sequence-not-a-label"),
    pytest.param("", [("SUP002", 1)], "empty", id="empty-file"),
]

PYTHON_NAMES = re.compile(r"\b(?:NoneType|dict|tuple|str|int|float|list|bool)\b")
PYDANTIC = ("Input should be", "valid dictionary", "instance of", "type=", "pydantic")


def check_json(text: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["check", "--select", "SUP0", "--output-format", "json", "-"], input=text)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.mark.parametrize(("text", "expected", "quoted"), BAD)
def test_each_bad_input_is_one_finding_in_words(text, expected, quoted):
    findings = check_json(text)
    assert [(f["code"], f["line"]) for f in findings] == expected
    for finding in findings:
        said = finding["message"] + " " + (finding["hint"] or "")
        assert not PYTHON_NAMES.search(said), said
        assert not any(phrase in said for phrase in PYDANTIC), said
        assert finding["hint"], finding["message"]  # every finding says how to fix it
    assert quoted in findings[0]["message"]


def test_did_you_mean_names_the_right_value():
    (enum,) = check_json("product: x\nform: softgell\nfacts: []\n")
    assert "'softgel'" in enum["message"]
    (typo,) = check_json(HEAD + "  - nmae: Zinc\n    amount: 10 mg\n")
    assert "'name'" in typo["message"] and (typo["line"], typo["column"]) == (3, 5)


def test_a_typo_next_to_a_second_unknown_key_leaves_that_one_reported():
    findings = check_json(HEAD + "  - nmae: Zinc\n    amount: 10 mg\n    colour: red\n")
    assert [(f["code"], f["line"]) for f in findings] == [("SUP002", 3), ("SUP002", 5)]


def test_a_flow_comma_hint_says_both_fixes():
    (finding,) = check_json(HEAD + "  - {name: Vitamin D, amount: 1,000 IU}\n")
    assert '"1,000 IU"' in finding["hint"] and "1000 IU" in finding["hint"]
    assert finding["column"] == len("  - {name: Vitamin D, amount: ") + 1  # at the amount


def test_a_quoted_thousands_comma_or_a_block_mapping_is_fine():
    assert check_json(HEAD + '  - {name: Vitamin D3, amount: "125 mcg (5,000 IU)"}\n') == []
    assert check_json(HEAD + "  - name: Vitamin D3\n    amount: 125 mcg (5,000 IU)\n") == []


SUMMED = """\
product: Example Zinc Supplement
identity: Dietary Supplement
facts:
  - name: Zinc
    as: zinc picolinate
    amount: 30 mg
  - {name: Vitamin C, amount: 90 mg}
  - name: Zinc
    as: zinc gluconate
    amount: 20 mg
  - name: Mineral Blend
    amount: 100 mg
    blend:
      - {name: Zinc, as: zinc citrate, amount: 5 mg}
warnings: Consult your healthcare provider before use.
"""


def test_summed_rows_are_said_to_be_summed_and_where_they_are():
    findings = check_json(SUMMED)
    result = CliRunner().invoke(cli, ["check", "--select", "SUP201", "--output-format", "json", "-"], input=SUMMED)
    (finding,) = json.loads(result.output)
    assert (finding["code"], finding["line"]) == ("SUP201", 6)  # at the first row
    assert "55 mg" in finding["message"]
    assert "summed over row 1, row 3 and member 1 of the blend in row 4" in finding["message"]
    assert findings == []  # the label itself is well formed


@pytest.mark.parametrize("row, unit", [("Protein", "g"), ("Total Fat", "g"), ("Cholesterol", "mg")])
def test_a_bare_number_on_a_panel_row_is_hinted_in_a_unit_the_row_can_have(row, unit):
    (finding,) = check_json(HEAD + f"  - name: {row}\n    amount: 2\n")
    assert (finding["code"], finding["line"], finding["column"]) == ("SUP004", 4, 13)
    assert f'"2 {unit}"' in finding["hint"]
