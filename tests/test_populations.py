"""Every population is held to its own figures: life-stage upper limits and the 2016 rule's four DV sets (issue 15).

Figures: ../shared/reference/primary-sources.md §1.2 (Daily Values) and §3.3-3.4 (upper limits).
"""

from __future__ import annotations

import dataclasses

import pytest

import supplint
from conftest import EXAMPLES, run_in_process
from supplint.engine import Linter
from supplint.reference.tables import Reference
from supplint.ruleset.registry import registry

HEAD = "product: Example Supplement\nwarnings: Consult your healthcare provider before use.\nfacts:\n"


def found(text: str, population: str | None = None) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in supplint.check_text(text, "label.yaml", population=population)]


@pytest.mark.parametrize(
    ("row", "population", "fires"),
    [
        # iron: 45 mg for teens, adults and pregnancy; 40 mg for children up to 13
        ("{name: Iron, amount: 42 mg}", "children-9-13", True),
        ("{name: Iron, amount: 42 mg}", "teens-14-18", False),
        ("{name: Iron, amount: 48 mg}", "pregnant", True),
        # preformed vitamin A: 2,800 mcg RAE in pregnancy at 14-18, 3,000 at 19-50
        ("{name: Vitamin A, as: retinyl palmitate, amount: 2900 mcg RAE}", "pregnant-14-18", True),
        ("{name: Vitamin A, as: retinyl palmitate, amount: 2900 mcg RAE}", "pregnant", False),
        ("{name: Vitamin A, as: retinyl palmitate, amount: 2900 mcg RAE}", "lactating-14-18", True),
        # vitamin D: 63 mcg (2,500 IU) for children 1-3, 75 mcg for 4-8, 100 mcg from 9
        ("{name: Vitamin D3, amount: 70 mcg}", "children-1-3", True),
        ("{name: Vitamin D3, amount: 70 mcg}", "children-4-8", False),
        # supplemental magnesium: 65 mg for 1-3, 110 mg for 4-8, 350 mg from 9
        ("{name: Magnesium, amount: 100 mg}", "children-1-3", True),
        ("{name: Magnesium, amount: 100 mg}", "children-4-8", False),
    ],
)
def test_upper_limits_by_life_stage(row, population, fires):
    assert (("SUP201", 4) in found(HEAD + f"  - {row}\n", population)) is fires


@pytest.mark.parametrize(
    ("row", "population", "mismatch"),
    [
        ("{name: Iron, amount: 27 mg, dv: 100%}", "pregnant", False),  # 27 mg: the pregnancy and lactation DV
        ("{name: Iron, amount: 27 mg, dv: 100%}", "adults", True),  # 150 % of the adults' 18 mg
        ("{name: Folate, amount: 600 mcg DFE, dv: 100%}", "lactating", False),
        ("{name: Vitamin C, amount: 15 mg, dv: 100%}", "children-1-3", False),  # children 1-3: 15 mg
        ("{name: Vitamin C, amount: 15 mg, dv: 17%}", "children-4-8", False),  # 4 and over: the adults' 90 mg
        ("{name: Vitamin C, amount: 15 mg, dv: 17%}", "children-1-3", True),
    ],
)
def test_daily_values_come_from_the_populations_set(row, population, mismatch):
    assert (("SUP204", 4) in found(HEAD + f"  - {row}\n", population)) is mismatch


def test_a_labels_own_population_wins_and_the_cli_accepts_every_population():
    text = HEAD.replace("facts:", "population: children-1-3\nfacts:") + "  - {name: Vitamin D3, amount: 70 mcg}\n"
    assert ("SUP201", 5) in found(text, population="adults")
    for population in (
        "children-1-3",
        "children-4-8",
        "children-9-13",
        "teens-14-18",
        "pregnant",
        "lactating",
        "pregnant-14-18",
        "lactating-14-18",
    ):
        result = run_in_process(
            "check", "--population", population, "--output-format", "json", str(EXAMPLES / "d3-5000-softgel.yaml")
        )
        assert result.returncode == 1, (population, result.stderr)


def test_a_stack_for_a_pregnant_person_uses_the_pregnancy_limits(tmp_path):
    (tmp_path / "stack.yaml").write_text(
        "population: pregnant\nstack:\n"
        "  - label: {product: Prenatal Supplement, facts: [{name: Iron, amount: 27 mg}]}\n"
        "  - label: {product: Iron Supplement, facts: [{name: Iron, amount: 25 mg}]}\n",
        encoding="utf-8",
    )
    codes = [(f.code, f.line) for f in supplint.check_file(tmp_path / "stack.yaml", select=["SUP501"])]
    assert codes == [("SUP501", 3)]  # 52 mg from 2 products over the 45 mg of pregnancy


def test_a_missing_figure_is_sup005_at_the_row_and_never_the_adult_value():
    """The tables are complete today; a gap is made here the way a data edit would make one."""
    data = Reference()
    zinc = data.nutrients["zinc"]
    bands = {band: value for band, value in zinc.ul.bands.items() if band != "4-8"}
    data.nutrients["zinc"] = dataclasses.replace(zinc, ul=dataclasses.replace(zinc.ul, bands=bands, _lowest={}))
    linter = Linter(registry().rules, "children-4-8", data=data)
    text = HEAD + "  - {name: Zinc, amount: 30 mg}\n  - {name: Vitamin C, amount: 100 mg}\n"
    codes = [(f.code, f.line) for f in linter.check_text(text, "label.yaml")]
    assert ("SUP005", 4) in codes
    assert ("SUP201", 4) not in codes  # 30 mg is within the adults' 40 mg, but that is not the children's figure
    assert ("SUP005", 5) not in codes
