"""SUP006 misspelled-nutrient: a row a typo away from a nutrient is named; real non-nutrient rows never are."""

from __future__ import annotations

import pytest

import supplint
from conftest import ROOT

HEAD = "product: Example Supplement\nwarnings: Consult your healthcare provider before use.\nfacts:\n"


def sup006(rows: list[str]) -> list[int]:
    text = HEAD + "".join(f'  - {{name: "{name}", amount: 10 mg}}\n' for name in rows)
    return [f.line for f in supplint.check_text(text, "label.yaml") if f.code == "SUP006"]


@pytest.mark.parametrize(
    "name",
    ["Zink", "Magnesum", "Vitamn C", "Calcuim", "Potasium", "Selenum", "Phosphorous", "Cyanocobalamine", "Chromuim"],
)
def test_a_typo_of_a_nutrient_is_reported_at_its_row(name):
    assert sup006(["Vitamin C", name]) == [5]


@pytest.mark.parametrize("name", ["Vitamin B-6 (as Pyridoxin HCl)", "Zinc Glukonate"])
def test_a_row_that_names_its_nutrient_right_is_not_a_typo(name):
    assert sup006(["Vitamin C", name]) == []  # only the source's spelling is off


def test_real_ingredient_names_never_fire():
    names = [
        line
        for line in (ROOT / "tests" / "data" / "not-nutrient-names.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(names) > 250
    assert sup006(names) == []


def test_a_typo_row_escapes_the_dose_checks_until_it_is_spelled_right():
    assert {f.code for f in supplint.check_text(HEAD + "  - {name: Zink, amount: 900 mg}\n", "l.yaml")} == {"SUP006"}
    assert "SUP201" in {f.code for f in supplint.check_text(HEAD + "  - {name: Zinc, amount: 900 mg}\n", "l.yaml")}
