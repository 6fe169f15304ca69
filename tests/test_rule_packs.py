"""The rule packs and reference data are consistent, and every rule's documented examples really do what they say."""

from __future__ import annotations

import re

import pytest

import supplint
from supplint import data
from supplint.reference import reference
from supplint.registry import registry

RULES = registry().rules


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_example_fires(code):
    spec = RULES[code]
    found = {f.code for f in supplint.check_text(spec.examples.fires, f"{spec.name}.fires.yaml")}
    assert code in found
    if spec.kind != "builtin":  # a semantic rule must fire on a well-formed label, not beside a parse error
        assert not {c for c in found if c.startswith("SUP00")}


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_example_passes(code):
    spec = RULES[code]
    found = {f.code for f in supplint.check_text(spec.examples.passes, f"{spec.name}.passes.yaml")}
    assert code not in found
    assert not {c for c in found if c.startswith("SUP00")}  # quiet because it is right, not because it is broken


def test_codes_and_names_are_the_catalogues():
    """Codes and names are stable public API: every implemented or planned rule is in spec/rules.md as written."""
    catalogue_path = data.rules_dir().parents[1] / "shared" / "spec" / "rules.md"
    if not catalogue_path.is_file():
        pytest.skip("../shared/spec/rules.md is not beside this checkout")
    catalogue = dict(re.findall(r"^\| (SUP\d{3}) \| ([a-z0-9-]+) \|", catalogue_path.read_text(encoding="utf-8"), re.M))
    ours = {code: spec.name for code, spec in RULES.items()} | {p.code: p.name for p in registry().planned.values()}
    assert ours == catalogue


def test_every_cited_source_exists():
    ref = reference()
    cited = {key for spec in RULES.values() for key in spec.sources}
    for nutrient in ref.nutrients.values():
        cited |= set(nutrient.dv_sources) | set(nutrient.ul.sources if nutrient.ul else ())
    for conversions in ref.conversions.values():
        for conv in conversions:
            cited |= set(conv.sources)
            assert conv.sources, f"conversion {conv} has no source"
    assert cited <= set(ref.sources)


def test_every_nutrient_has_a_sourced_dv_and_a_ul_or_a_reason():
    for nutrient in reference().nutrients.values():
        assert nutrient.dv and nutrient.dv_sources, nutrient.id
        if nutrient.ul is None:
            assert nutrient.ul_note, nutrient.id
        else:
            assert nutrient.ul.sources and set(nutrient.ul.bands) == {"19-50", "51-70", "71+"}, nutrient.id


def test_provisional_figures_stay_marked():
    """nutrients.md marks the folate UL basis and the beta-carotene IU factor with a warning sign."""
    ref = reference()
    assert ref.nutrients["folate"].ul.provisional
    beta = [c for c in ref.conversions["vitamin-a"] if "beta-carotene" in c.forms and c.src.unit == "IU"]
    assert beta and all(c.provisional for c in beta)


def test_alias_targets_and_forms_are_known():
    ref = reference()
    for row in data.load("data/aliases.yaml"):
        assert row.get("nutrient") is None or row["nutrient"] in ref.nutrients, row
    for rule in RULES.values():
        for nutrient in [getattr(rule, "nutrient", None)] + [getattr(getattr(rule, side, None), "nutrient", None) for side in ("trigger", "partner")]:
            assert nutrient is None or nutrient in ref.nutrients


@pytest.mark.parametrize(("name", "as_", "nutrient", "forms"), [
    ("Vitamin D3", "cholecalciferol", "vitamin-d", {"d3"}),
    ("Vitamin K2", "menaquinone-7 (MK-7)", "vitamin-k", {"k2", "mk-7"}),
    ("Vitamin K", "phytonadione", "vitamin-k", {"k1"}),
    ("Pantothenic Acid", "calcium pantothenate", "pantothenic-acid", set()),
    ("Selenium", "sodium selenite", "selenium", set()),
    ("Vitamin E", "dl-alpha tocopheryl acetate", "vitamin-e", {"synthetic"}),
    ("Vitamin A", "β-carotene", "vitamin-a", {"beta-carotene"}),
    ("Folate", "L-5-MTHF", "folate", {"methylfolate"}),
    ("Ashwagandha root extract", "KSM-66", None, set()),
    ("Citicoline", None, None, set()),
    ("Chloride (as potassium chloride)", None, "chloride", set()),  # the source in parentheses is not the nutrient
    ("Vitamin K (as menaquinone-7)", None, "vitamin-k", {"k2"}),
])
def test_alias_matching(name, as_, nutrient, forms):
    match = reference().aliases.match(name, as_)
    assert match.nutrient == nutrient
    assert forms <= match.forms
