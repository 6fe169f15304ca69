"""The allergen kind (SUP307 missing-allergen-declaration) through the public API: which code fires, and at which
line."""

from __future__ import annotations

import pytest

import supplint
from text_checks import found, q

# --- SUP307 missing-allergen-declaration ----------------------------------------------------------------------


def allergen_label(ingredients: list[str], allergens: str | None = None, facts: str = "facts: []\n") -> str:
    text = (
        "product: Example Supplement\n" + facts + "other_ingredients:\n" + "".join(f"  - {q(i)}\n" for i in ingredients)
    )
    return text + (f"allergens: {q(allergens)}\n" if allergens is not None else "")


@pytest.mark.parametrize(
    ("ingredients", "allergens", "lines"),
    [
        (["soybean oil", "gelatin"], None, [4]),
        (["soybean oil", "gelatin"], "Contains: soy.", []),
        (["soy lecithin"], "Contains soybeans.", []),
        (["fish gelatin"], "Contains milk and fish (cod).", []),
        (["gelatin", "whey protein isolate"], "Contains: dairy.", []),
        (["rice flour", "lactose"], None, [5]),
        (["sodium caseinate"], None, [4]),
        (["cod liver oil"], "Contains: fish (cod).", []),
        (["glucosamine sulfate (from shrimp and crab shells)"], None, [4]),
        (["krill oil"], "Contains: fish.", [4]),
        (["wheat germ oil", "sesame oil", "almond flour"], "Contains: wheat, sesame.", [6]),
        (["whey protein"], "Dairy-free. Free of milk and soy.", [4]),
        (["peanut flour"], "Manufactured in a facility that also processes peanuts.", [4]),
        (["eggshell membrane"], None, [4]),
        (["soybean oil", "soy lecithin"], None, [4]),  # one finding per allergen, at the first ingredient
    ],
)
def test_allergen_declaration(ingredients, allergens, lines):
    assert found(allergen_label(ingredients, allergens), "SUP307") == lines


@pytest.mark.parametrize(
    "ingredient",
    [
        "eggplant extract",
        "buckwheat flour",
        "butternut squash powder",
        "cream of tartar",
        "milk thistle seed extract",
        "coconut oil",
        "coconut milk powder",
        "cocoa butter",
        "glucosamine sulfate",
        "chitosan",
        "sunflower lecithin",
        "calcium lactate",
        "lactic acid",
        "gelatin (bovine)",
        "water chestnut",
        "shellfish-free",
    ],
)
def test_allergen_word_boundary_traps(ingredient):
    assert found(allergen_label([ingredient]), "SUP307") == []


def test_shellfish_is_not_fish():
    lines = [
        f
        for f in supplint.check_text(allergen_label(["glucosamine (from shellfish)"], "Contains: shellfish."), "x.yaml")
        if f.code == "SUP307"
    ]
    assert lines == []


def test_allergen_in_a_facts_row_as_form():
    facts = "facts:\n  - {name: Vitamin E, as: d-alpha tocopherol (from soybean oil), amount: 15 mg}\n"
    assert found(allergen_label(["gelatin"], None, facts), "SUP307") == [3]


def test_allergen_in_a_one_string_ingredient_list():
    text = "product: Example Supplement\nfacts: []\nother_ingredients: gelatin, glycerin, fish gelatin\n"
    assert found(text, "SUP307") == [3]
