"""The required-text kind (SUP302 disclaimer, SUP304 iron warning, SUP305 anticoagulant warning, SUP306
statement of identity; SUP403 consult note, its page target) through the public API: which code fires, and at which
line; and what a rule of each target may declare."""

from __future__ import annotations

import re

import pytest

import supplint
from pack_edits import check_with_rule_changed
from text_checks import DISCLAIMER_PLURAL, DISCLAIMER_SINGULAR, IRON_WARNING, found, q

# --- SUP302 missing-dshea-disclaimer -------------------------------------------------------------------------

CLAIMED = """\
product: Example Zinc Supplement
facts:
  - {name: Zinc, amount: 11 mg}
claims:
  - Supports immune function.*
"""


def test_claims_without_disclaimer_fire_at_the_claims_key():
    assert found(CLAIMED, "SUP302") == [4]


def test_claims_as_one_string_without_disclaimer():
    text = "product: Example Zinc Supplement\nfacts: []\nclaims: Supports immune function.*\n"
    assert found(text, "SUP302") == [3]


def test_no_claims_needs_no_disclaimer():
    assert found("product: Example Zinc Supplement\nfacts: []\n", "SUP302") == []


@pytest.mark.parametrize(
    "disclaimer",
    [
        DISCLAIMER_PLURAL,
        DISCLAIMER_SINGULAR,
        "*" + DISCLAIMER_PLURAL,
        DISCLAIMER_PLURAL + "*",
        "† " + DISCLAIMER_SINGULAR + " ‡",
        DISCLAIMER_PLURAL.upper(),
        DISCLAIMER_PLURAL.replace(" ", "   ").replace(". ", ".\n"),
        DISCLAIMER_PLURAL.rstrip("."),
    ],
)
def test_exact_disclaimer_passes_after_normalising(disclaimer):
    assert found(CLAIMED + f"disclaimer: {q(disclaimer)}\n", "SUP302") == []


def test_folded_block_disclaimer_passes():
    text = CLAIMED + (
        "disclaimer: >-\n  *These statements have not been evaluated by the Food and Drug\n"
        "  Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.\n"
    )
    assert found(text, "SUP302") == []


# A changed wording of a disclaimer that is there in substance is SUP309 (tests/test_disclaimer.py); a text
# that lacks one of its two sentences is not the disclaimer, and SUP302 fires at it.
@pytest.mark.parametrize(
    "disclaimer",
    [
        "These statements have not been evaluated by the Food and Drug Administration.",
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
    ],
)
def test_a_text_that_is_not_the_disclaimer_fires_at_the_disclaimer(disclaimer):
    text = CLAIMED + f"disclaimer: {q(disclaimer)}\n"
    assert found(text, "SUP302") == [6]


def test_disclaimer_elsewhere_does_not_count():
    text = CLAIMED + f"notes: [{q(DISCLAIMER_PLURAL)}]\n"
    assert found(text, "SUP302") == [4]


# --- SUP304 missing-iron-warning ------------------------------------------------------------------------------

IRON = """\
product: Example Iron Supplement
facts:
  - {name: Iron, as: ferrous bisglycinate, amount: 18 mg}
"""


@pytest.mark.parametrize(
    ("extra", "lines"),
    [
        ("form: tablet\n", [3]),
        ("form: capsule\n", [3]),
        ("form: gummy\n", [3]),
        ("serving: {size: 2 tablets}\n", [3]),
        ("serving: {size: 1 caplet}\n", [3]),
        ("serving: {size: 1 Vegetable Capsule}\n", [3]),
        ("form: liquid\n", []),
        ("form: liquid\nserving: {size: 1 tablet}\n", []),  # a stated form wins over the serving words
        ("form: powder\n", []),
        ("serving: {size: 1 mL}\n", []),
        ("serving: {size: 1 scoop (5 g)}\n", []),
        ("", []),  # nothing says the form
    ],
)
def test_iron_warning_depends_on_the_form(extra, lines):
    assert found(IRON + extra + "warnings: [Keep out of reach of children.]\n", "SUP304") == lines


@pytest.mark.parametrize(
    "warnings",
    [
        [IRON_WARNING],
        [IRON_WARNING.removeprefix("WARNING: ")],
        [IRON_WARNING.lower()],
        ["Consult your doctor before use. " + IRON_WARNING + " Store in a cool, dry place."],
        [IRON_WARNING.replace("iron-containing", "iron\u2011containing").replace(" ", "  ")],
        [
            "Accidental overdose of iron-containing products is a leading cause of fatal poisoning in children under 6.",
            "Keep this product out of reach of children. In case of accidental overdose, call a doctor or poison control center immediately.",
        ],
    ],
)
def test_exact_iron_warning_passes(warnings):
    text = IRON + "form: tablet\nwarnings:\n" + "".join(f"  - {q(w)}\n" for w in warnings)
    assert found(text, "SUP304") == []


def test_near_miss_fires_at_that_warning():
    near = IRON_WARNING.replace("Keep this product out of reach", "Keep out of reach")
    text = IRON + f"form: tablet\nwarnings:\n  - Consult your doctor before use.\n  - {q(near)}\n"
    assert found(text, "SUP304") == [7]
    (finding,) = [f for f in supplint.check_text(text, "x.yaml") if f.code == "SUP304"]
    assert "differs" in finding.message


def test_iron_in_a_blend_member_without_amount():
    text = """\
product: Example Multi Supplement
form: capsule
facts:
  - name: Mineral blend
    amount: 50 mg
    blend:
      - name: Iron
        as: ferrous fumarate
warnings: [Keep out of reach of children.]
"""
    assert found(text, "SUP304") == [7]


def test_no_iron_no_warning_needed():
    text = "product: Example Zinc Supplement\nform: tablet\nfacts:\n  - {name: Zinc, amount: 11 mg}\n"
    assert found(text, "SUP304") == []


# --- SUP305 missing-anticoagulant-warning ---------------------------------------------------------------------

VITAMIN_K = """\
product: Example K2 Supplement
facts:
  - {name: Vitamin D3, amount: 25 mcg}
  - {name: Vitamin K2, as: MK-7, amount: 100 mcg}
"""


@pytest.mark.parametrize(
    ("warning", "lines"),
    [
        ("Consult your healthcare provider before use.", [4]),
        ("Keep out of reach of children.", [4]),
        ("Consult your healthcare provider before use if you take anticoagulant medication.", []),
        ("Do not use if taking blood-thinning medications.", []),
        ("Ask your doctor before use if you take warfarin.", []),
        ("Not for people taking Coumadin.", []),
        ("Consult a physician if you are on blood thinners.", []),
    ],
)
def test_anticoagulant_warning(warning, lines):
    assert found(VITAMIN_K + f"warnings: [{q(warning)}]\n", "SUP305") == lines


def test_no_vitamin_k_no_anticoagulant_warning():
    assert found("product: Example D3 Supplement\nfacts:\n  - {name: Vitamin D3, amount: 25 mcg}\n", "SUP305") == []


def test_anticoagulant_warning_in_directions_counts():
    text = VITAMIN_K + "directions: Take 1 softgel daily. Consult your doctor first if you take warfarin.\n"
    assert found(text, "SUP305") == []


# --- SUP306 missing-statement-of-identity ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "lines"),
    [
        ("product: Magnesium Citrate\n", [1]),
        ("product: Magnesium Citrate\nidentity: Magnesium Capsules\n", [2]),
        ("product: Magnesium Citrate\nidentity: Dietary Supplement\n", []),
        ("product: Magnesium Citrate\nidentity: Magnesium Supplement\n", []),
        ("product: Magnesium Supplement Capsules\n", []),
        ("product: Supplemental Magnesium\n", [1]),
    ],
)
def test_statement_of_identity(head, lines):
    assert found(head + "facts: []\n", "SUP306") == lines


# --- target: page (SUP403 page-missing-consult-note) -------------------------------------------------------------

EMBEDDED = """\
# Our favourite zinc

{advice}

```supplement
product: Example Zinc Supplement
identity: Dietary Supplement
facts:
  - {{name: Zinc, amount: 11 mg}}
warnings: {warning}
```
"""


def page_findings(text: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in supplint.check_text(text, "post.md", select=["SUP301", "SUP403"])]


def test_a_page_rule_reads_the_pages_prose_not_the_labels_it_embeds():
    """The embedded label's own warning satisfies the label rule (SUP301) but not the page rule: the page's reader
    may never open the label. The finding is at the first label the page embeds."""
    text = EMBEDDED.format(advice="Zinc is a mineral.", warning="Consult your doctor before use.")
    assert page_findings(text) == [("SUP403", 6, 1)]  # the label's first line, inside its fence


def test_one_sentence_satisfies_the_label_rule_and_the_page_rule_of_the_kind():
    advice = "Talk to your doctor before starting any supplement."
    assert page_findings(EMBEDDED.format(advice=advice, warning=advice)) == []


def test_a_page_that_recommends_nothing_needs_no_consult_note():
    text = "# Zinc in food\n\nOysters, beef and pumpkin seeds are rich in zinc ([NIH](https://ods.od.nih.gov/)).\n"
    assert page_findings(text) == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"fields": ["warnings"]}, "for a page searches the page's prose: it takes no `fields`"),
        ({"statements": ["dshea-disclaimer-singular"]}, "it takes no `statements`"),
        ({"match": "whole", "message-differs": "x"}, "it takes no `match`, `message-differs`"),
        ({"options": {}}, "for a page needs the option `patterns`"),
    ],
)
def test_a_page_rule_takes_no_label_parameter(change, error):
    from pydantic import TypeAdapter, ValidationError

    from supplint.kinds import modules
    from supplint.ruleset.registry import registry

    entry = registry().rules["SUP403"].model_dump(by_alias=True, exclude_unset=True) | change
    with pytest.raises(ValidationError, match=re.escape(error)):
        TypeAdapter(modules()["required-text"].Spec).validate_python(entry)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"vocabulary": "data/product-pages.yaml"}, "for a label searches its text fields: it takes no `vocabulary`"),
        ({"fields": []}, "for a label needs `fields`"),
    ],
)
def test_a_label_rule_takes_no_page_parameter(change, error):
    from pydantic import TypeAdapter, ValidationError

    from supplint.kinds import modules
    from supplint.ruleset.registry import registry

    entry = registry().rules["SUP301"].model_dump(by_alias=True, exclude_unset=True) | change
    with pytest.raises(ValidationError, match=re.escape(error)):
        TypeAdapter(modules()["required-text"].Spec).validate_python(entry)


@pytest.mark.parametrize(
    ("pack", "code", "key", "template", "field", "target_field"),
    [
        ("pages.yaml", "SUP403", "message", "{nutrient} is not named", "nutrient", "labels"),  # a label's field
        ("core.yaml", "SUP301", "message", "{labels} labels", "labels", "statement"),  # a page's field
        ("statements.yaml", "SUP302", "hint-differs", "{labels}: {found}", "labels", "differences"),
    ],
)
def test_a_template_using_a_field_its_target_does_not_provide_stops_the_run(
    tmp_path, pack, code, key, template, field, target_field
):
    """A label rule's fields and a page rule's are their own: the run stops before any file is checked (exit 2),
    naming the pack, the rule, the field and the fields the rule's target provides."""
    result = check_with_rule_changed(tmp_path, pack, code, key, template)
    assert result.returncode == 2, result.stderr
    assert f"packs/{pack}" in result.stderr and code in result.stderr and "Traceback" not in result.stderr
    assert f"{{{field}}}" in result.stderr and target_field in result.stderr


def test_a_page_template_using_a_pages_field_loads(tmp_path):
    result = check_with_rule_changed(tmp_path, "pages.yaml", "SUP403", "message", "{labels}: no consult note")
    assert result.returncode in (0, 1), result.stderr
    assert "error" not in result.stderr
