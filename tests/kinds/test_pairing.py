"""The pairing kind (SUP101, SUP102, SUP104) and the vitamin K form (SUP103) on short labels: which vitamin K
row a vitamin D3 label needs, by code."""

from __future__ import annotations

import pytest

from core_checks import codes_and_lines


@pytest.mark.parametrize(
    ("vitamin_k", "expected"),
    [
        ("", {"SUP101"}),  # no K at all
        ("  - {name: Vitamin K1, amount: 90 mcg}\n", {"SUP102"}),  # K1 only
        ("  - {name: Vitamin K, amount: 90 mcg}\n", {"SUP103"}),  # form unknown: no guessing K1 or K2
        (
            "  - {name: Vitamin K, as: phylloquinone and MK-7, amount: 20 mcg}\n",
            set(),
        ),  # mixed row: the K2 share is unknown
        ("  - {name: Vitamin K2, as: MK-4, amount: 20 mcg}\n", {"SUP104"}),
        ("  - {name: Vitamin K2, as: MK-7, amount: 45 mcg}\n", set()),
    ],
)
def test_vitamin_k_pairing_semantics(vitamin_k, expected):
    text = (
        "product: x\nwarnings: Consult your doctor.\nfacts:\n  - {name: Vitamin D3, amount: 50 mcg}\n"
        "  - {name: Zinc, amount: 5 mg}\n" + vitamin_k
    )
    assert {code for code, _ in codes_and_lines(text)} == expected


def test_vitamin_d_below_the_trigger_needs_no_k2():
    text = "product: x\nwarnings: Consult your doctor.\nfacts:\n  - {name: Vitamin D3, amount: 20 mcg}\n  - {name: Zinc, amount: 5 mg}\n"
    assert codes_and_lines(text) == []
