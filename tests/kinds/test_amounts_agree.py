"""The amounts-agree kind (SUP207 amount-mismatch) through the public API: codes and lines, not message wording."""

from __future__ import annotations

import pytest

from amount_checks import found, hits, label, no_load_errors

# SUP207 amount-mismatch -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin D3, amount: "125 mcg (4,000 IU)"}',
        '{name: Vitamin D2, as: ergocalciferol, amount: "25 mcg (800 IU)"}',
        '{name: Folate, amount: "400 mcg DFE (400 mcg folic acid)"}',
        '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (5,000 IU)"}',
        '{name: Vitamin A, as: beta-carotene, amount: "900 mcg RAE (5,000 IU)"}',  # 0.3 mcg RAE per IU as well
        '{name: Vitamin E, as: d-alpha tocopherol, amount: "180 mg (400 IU)"}',
        '{name: Fish oil, amount: "1,000 mg (2 g)"}',
    ],
)
def test_amount_mismatch_fires(row):
    assert ("SUP207", 3) in found(label(row))


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin D3, amount: "125 mcg (5,000 IU)"}',
        '{name: Vitamin D3, amount: "5,000 IU (125 mcg)"}',
        '{name: Folate, as: folic acid, amount: "400 mcg DFE (240 mcg folic acid)"}',  # 408: within 2 %
        '{name: Folate, amount: "680 mcg DFE (400 mcg folic acid)"}',
        '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (3,000 IU)"}',
        '{name: Vitamin E, as: d-alpha tocopherol, amount: "268 mg (400 IU)"}',
        '{name: Fish oil, amount: "1,000 mg (1 g)"}',
        '{name: Vitamin D3, amount: "<1 mcg (<40 IU)"}',
    ],
)
def test_amount_mismatch_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP207" not in {code for code, _ in found(text)}


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin A, amount: "900 mcg RAE (5,000 IU)"}',  # form unknown
        '{name: Folate, as: L-methylfolate, amount: "400 mcg DFE (100 mcg L-methylfolate)"}',  # no factor for it
        '{name: Probiotic blend, amount: "10 billion CFU (50 mg)"}',  # no plain conversion
    ],
)
def test_amount_mismatch_never_guesses(row):
    assert "SUP207" not in {code for code, _ in found(label(row))}


def test_amount_tolerance_is_an_option():
    text = label('{name: Vitamin D2, as: ergocalciferol, amount: "25 mcg (960 IU)"}')  # 24 mcg: 4 % apart
    assert len(hits("SUP207", text)) == 1
    assert hits("SUP207", text, tolerance=5.0) == []
