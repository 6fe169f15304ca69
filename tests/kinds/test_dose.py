"""The dose kind (SUP201 above-upper-limit, SUP202 isolated-megadose) on short labels: a per-day range, IU-only
amounts converted by nutrient and form, and a population's own limits, by code and line."""

from __future__ import annotations

import supplint
from core_checks import CORE, codes_and_lines


def test_per_day_range_uses_the_upper_bound():
    text = "product: x\nserving: {size: 1 tablet, per_day: 1-3}\nfacts:\n  - {name: Zinc, amount: 15 mg}\nwarnings: Consult your doctor.\n"
    found = supplint.check_text(text, "t.yaml", select=CORE)
    assert [(f.code, f.line) for f in found] == [("SUP201", 4), ("SUP202", 4)]
    assert "45 mg/day" in found[0].message


def test_iu_only_amounts_convert_by_nutrient_and_form():
    head = "product: x\nwarnings: Consult your doctor.\nfacts:\n"
    assert codes_and_lines(
        head + "  - {name: Vitamin D3, amount: '5,000 IU'}\n  - {name: Vitamin K2, as: MK-7, amount: 100 mcg}\n"
    ) == [("SUP201", 4)]
    # 10,000 IU of retinyl palmitate is exactly the 3,000 mcg RAE limit; 11,000 IU is over it
    assert (
        codes_and_lines(
            head + "  - {name: Vitamin A, as: retinyl palmitate, amount: '10,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
        )
        == []
    )
    assert codes_and_lines(
        head + "  - {name: Vitamin A, as: retinyl palmitate, amount: '11,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
    ) == [("SUP201", 4)]
    assert (
        codes_and_lines(
            head + "  - {name: Vitamin A, as: beta-carotene, amount: '25,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
        )
        == []
    )
    # vitamin E against the UL: 1,000 mg = 1,100 IU synthetic = 1,500 IU natural
    e = head + "  - {{name: Vitamin E, as: {form}, amount: '{iu} IU'}}\n  - {{name: Zinc, amount: 5 mg}}\n"
    assert codes_and_lines(e.format(form="dl-alpha-tocopheryl acetate", iu="1,200")) == [("SUP201", 4)]
    assert codes_and_lines(e.format(form="d-alpha-tocopherol", iu="1,200")) == []
    assert codes_and_lines(e.format(form="d-alpha-tocopherol", iu="1,600")) == [("SUP201", 4)]


def test_children_are_held_to_their_own_limits():
    text = "product: x\npopulation: children-4-8\nfacts:\n  - {name: Vitamin D3, amount: 80 mcg}\nwarnings: Ask your doctor.\n"
    assert ("SUP201", 4) in codes_and_lines(text)  # 80 mcg: over the 75 mcg of children 4-8, within the adults' 100
