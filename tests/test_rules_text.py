"""The label text rules SUP302-SUP308 through the public API: which code fires, and at which line."""

from __future__ import annotations

import json

import pytest

import supplint

DISCLAIMER_PLURAL = ("These statements have not been evaluated by the Food and Drug Administration. "
                     "This product is not intended to diagnose, treat, cure, or prevent any disease.")
DISCLAIMER_SINGULAR = ("This statement has not been evaluated by the Food and Drug Administration. "
                       "This product is not intended to diagnose, treat, cure, or prevent any disease.")
IRON_WARNING = ("WARNING: Accidental overdose of iron-containing products is a leading cause of fatal poisoning in "
                "children under 6. Keep this product out of reach of children. In case of accidental overdose, "
                "call a doctor or poison control center immediately.")


def found(text: str, code: str) -> list[int]:
    """Lines at which ``code`` fires; the label must be well formed (no SUP00x)."""
    findings = supplint.check_text(text, filename="x.yaml")
    assert not [f for f in findings if f.code.startswith("SUP00")], [(f.code, f.message) for f in findings]
    return [f.line for f in findings if f.code == code]


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text)


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


@pytest.mark.parametrize("disclaimer", [
    DISCLAIMER_PLURAL,
    DISCLAIMER_SINGULAR,
    "*" + DISCLAIMER_PLURAL,
    DISCLAIMER_PLURAL + "*",
    "† " + DISCLAIMER_SINGULAR + " ‡",
    DISCLAIMER_PLURAL.upper(),
    DISCLAIMER_PLURAL.replace(" ", "   ").replace(". ", ".\n"),
    DISCLAIMER_PLURAL.rstrip("."),
])
def test_exact_disclaimer_passes_after_normalising(disclaimer):
    assert found(CLAIMED + f"disclaimer: {q(disclaimer)}\n", "SUP302") == []


def test_folded_block_disclaimer_passes():
    text = CLAIMED + ("disclaimer: >-\n  *These statements have not been evaluated by the Food and Drug\n"
                      "  Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.\n")
    assert found(text, "SUP302") == []


# A changed wording of a disclaimer that is there in substance is SUP309 (tests/test_disclaimer.py); a text
# that lacks one of its two sentences is not the disclaimer, and SUP302 fires at it.
@pytest.mark.parametrize("disclaimer", [
    "These statements have not been evaluated by the Food and Drug Administration.",
    "This product is not intended to diagnose, treat, cure, or prevent any disease.",
])
def test_a_text_that_is_not_the_disclaimer_fires_at_the_disclaimer(disclaimer):
    text = CLAIMED + f"disclaimer: {q(disclaimer)}\n"
    assert found(text, "SUP302") == [6]


def test_disclaimer_elsewhere_does_not_count():
    text = CLAIMED + f"notes: [{q(DISCLAIMER_PLURAL)}]\n"
    assert found(text, "SUP302") == [4]


# --- SUP303 disease-claim -------------------------------------------------------------------------------------

STRUCTURE_FUNCTION = [
    "Supports bone health.*",
    "Supports healthy blood sugar levels already within the normal range.*",
    "Supports immune function.*",
    "Helps maintain healthy cholesterol levels already within the normal range.*",
    "Helps maintain healthy blood pressure already within the normal range.*",
    "Supports normal energy metabolism.*",
    "Supports cardiovascular health.*",
    "Supports joint comfort and flexibility.*",
    "Promotes relaxation and relief of occasional sleeplessness.*",
    "Helps relieve occasional constipation.*",
    "Supports healthy immune response during cold and flu season.*",
    "Antioxidant support for healthy aging.*",
    "Aids digestion and nutrient absorption.*",
    "Supports prostate health.*",
    "Supports healthy vision.*",
    "Supports a healthy inflammatory response.*",
    "Supports memory, focus and mood.*",
    "Helps build strong bones and teeth.*",
    "Supports healthy skin, hair and nails.*",
    "Made from cold-pressed, wild-caught fish.",
    "Gluten-free; suitable for people with celiac disease.",
    "Supports bone strength; does not treat osteoporosis.",
    DISCLAIMER_SINGULAR,
    "Adequate calcium and vitamin D as part of a healthful diet may reduce the risk of osteoporosis.",
]

DISEASE_CLAIMS = [
    "Prevents osteoporosis.",
    "Treats arthritis.",
    "Cures colds.",
    "Lowers blood pressure in hypertension.",
    "Fights cancer.",
    "Reduces the risk of heart disease.",
    "Lowers cholesterol.",
    "A natural antibiotic.",
    "Helps manage diabetes.",
    "Relieves migraines.",
    "Protects against the flu.",
    "Eases the symptoms of rheumatoid arthritis.",
    "A natural alternative to prescription statins.",
    "No more arthritis pain.",
]


@pytest.mark.parametrize("claim", STRUCTURE_FUNCTION)
def test_structure_function_claims_do_not_fire(claim):
    text = f"product: Example Supplement\nfacts: []\nclaims: [{q(claim)}]\n"
    assert found(text, "SUP303") == []


@pytest.mark.parametrize("claim", DISEASE_CLAIMS)
def test_disease_claims_fire(claim):
    text = f"product: Example Supplement\nfacts: []\nclaims: [{q(claim)}]\n"
    assert found(text, "SUP303") == [3]


def test_disease_claim_points_at_its_item():
    text = """\
product: Example Calcium Supplement
facts: []
claims:
  - Supports bone health.*
  - Helps prevent osteoporosis.*
  - Supports muscle function.*
"""
    assert found(text, "SUP303") == [5]


def test_disease_claim_in_a_single_string():
    assert found("product: Example Supplement\nfacts: []\nclaims: Cures colds.\n", "SUP303") == [3]


@pytest.mark.parametrize(("product", "lines"), [
    ("Arthritis Relief Formula", [1]),
    ("Diabetic Support Supplement", [1]),
    ("Joint Support Formula", []),
    ("Cold & Flu Season Immune Supplement", []),
])
def test_product_name_implying_a_disease(product, lines):
    assert found(f"product: {product}\nfacts: []\n", "SUP303") == lines


def test_notes_need_a_claim_verb():
    text = """\
product: Example Supplement
facts: []
notes:
  - Do not use if you have kidney disease.
  - Helps prevent kidney stones.
"""
    assert found(text, "SUP303") == [5]


def test_disclaimer_is_never_a_claim():
    text = (f"product: Example Supplement\nfacts: []\nclaims: [Supports bone health.*]\n"
            f"disclaimer: {q(DISCLAIMER_SINGULAR)}\n")
    assert found(text, "SUP303") == []


# --- SUP304 missing-iron-warning ------------------------------------------------------------------------------

IRON = """\
product: Example Iron Supplement
facts:
  - {name: Iron, as: ferrous bisglycinate, amount: 18 mg}
"""


@pytest.mark.parametrize(("extra", "lines"), [
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
])
def test_iron_warning_depends_on_the_form(extra, lines):
    assert found(IRON + extra + "warnings: [Keep out of reach of children.]\n", "SUP304") == lines


@pytest.mark.parametrize("warnings", [
    [IRON_WARNING],
    [IRON_WARNING.removeprefix("WARNING: ")],
    [IRON_WARNING.lower()],
    ["Consult your doctor before use. " + IRON_WARNING + " Store in a cool, dry place."],
    [IRON_WARNING.replace("iron-containing", "iron\u2011containing").replace(" ", "  ")],
    [("Accidental overdose of iron-containing products is a leading cause of fatal poisoning in children "
      "under 6."),
     ("Keep this product out of reach of children. In case of accidental overdose, call a doctor or "
      "poison control center immediately.")],
])
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


@pytest.mark.parametrize(("warning", "lines"), [
    ("Consult your healthcare provider before use.", [4]),
    ("Keep out of reach of children.", [4]),
    ("Consult your healthcare provider before use if you take anticoagulant medication.", []),
    ("Do not use if taking blood-thinning medications.", []),
    ("Ask your doctor before use if you take warfarin.", []),
    ("Not for people taking Coumadin.", []),
    ("Consult a physician if you are on blood thinners.", []),
])
def test_anticoagulant_warning(warning, lines):
    assert found(VITAMIN_K + f"warnings: [{q(warning)}]\n", "SUP305") == lines


def test_no_vitamin_k_no_anticoagulant_warning():
    assert found("product: Example D3 Supplement\nfacts:\n  - {name: Vitamin D3, amount: 25 mcg}\n", "SUP305") == []


def test_anticoagulant_warning_in_directions_counts():
    text = VITAMIN_K + "directions: Take 1 softgel daily. Consult your doctor first if you take warfarin.\n"
    assert found(text, "SUP305") == []


# --- SUP306 missing-statement-of-identity ---------------------------------------------------------------------

@pytest.mark.parametrize(("head", "lines"), [
    ("product: Magnesium Citrate\n", [1]),
    ("product: Magnesium Citrate\nidentity: Magnesium Capsules\n", [2]),
    ("product: Magnesium Citrate\nidentity: Dietary Supplement\n", []),
    ("product: Magnesium Citrate\nidentity: Magnesium Supplement\n", []),
    ("product: Magnesium Supplement Capsules\n", []),
    ("product: Supplemental Magnesium\n", [1]),
])
def test_statement_of_identity(head, lines):
    assert found(head + "facts: []\n", "SUP306") == lines


# --- SUP307 missing-allergen-declaration ----------------------------------------------------------------------

def allergen_label(ingredients: list[str], allergens: str | None = None, facts: str = "facts: []\n") -> str:
    text = "product: Example Supplement\n" + facts + "other_ingredients:\n" + "".join(f"  - {q(i)}\n" for i in ingredients)
    return text + (f"allergens: {q(allergens)}\n" if allergens is not None else "")


@pytest.mark.parametrize(("ingredients", "allergens", "lines"), [
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
])
def test_allergen_declaration(ingredients, allergens, lines):
    assert found(allergen_label(ingredients, allergens), "SUP307") == lines


@pytest.mark.parametrize("ingredient", [
    "eggplant extract", "buckwheat flour", "butternut squash powder", "cream of tartar", "milk thistle seed extract",
    "coconut oil", "coconut milk powder", "cocoa butter", "glucosamine sulfate", "chitosan", "sunflower lecithin",
    "calcium lactate", "lactic acid", "gelatin (bovine)", "water chestnut", "shellfish-free",
])
def test_allergen_word_boundary_traps(ingredient):
    assert found(allergen_label([ingredient]), "SUP307") == []


def test_shellfish_is_not_fish():
    lines = [f for f in supplint.check_text(allergen_label(["glucosamine (from shellfish)"], "Contains: shellfish."), "x.yaml")
             if f.code == "SUP307"]
    assert lines == []


def test_allergen_in_a_facts_row_as_form():
    facts = "facts:\n  - {name: Vitamin E, as: d-alpha tocopherol (from soybean oil), amount: 15 mg}\n"
    assert found(allergen_label(["gelatin"], None, facts), "SUP307") == [3]


def test_allergen_in_a_one_string_ingredient_list():
    text = "product: Example Supplement\nfacts: []\nother_ingredients: gelatin, glycerin, fish gelatin\n"
    assert found(text, "SUP307") == [3]


# --- SUP308 unsupported-nutrient-content-claim ----------------------------------------------------------------

CONTENT = """\
product: Example Supplement
facts:
  - {name: Vitamin C, as: ascorbic acid, amount: 9 mg}
  - {name: Zinc, amount: 5 mg}
  - {name: Calcium, as: calcium carbonate, amount: 130 mg}
"""


@pytest.mark.parametrize(("claim", "count"), [
    ("High in vitamin C.", 1),               # 10% < 20%
    ("Rich in vitamin C.", 1),
    ("An excellent source of calcium.", 1),  # 10% < 20%
    ("High in zinc.", 0),                    # 45%
    ("Good source of vitamin C.", 0),        # 10% = 10%
    ("Provides calcium.", 0),
    ("High in vitamin K.", 1),               # not on the label
    ("Excellent source of zinc, vitamin C and calcium.", 2),
    ("Rich in antioxidants.", 0),
    ("More restful sleep with magnesium.", 0),
    ("Supports immune health with vitamin C and zinc.", 0),
    ("Not a significant source of vitamin C.", 0),
    ("Provides antioxidant support.", 0),
    ("Contains no artificial colors.", 0),
])
def test_content_claims(claim, count):
    assert found(CONTENT + f"claims: [{q(claim)}]\n", "SUP308") == [6] * count


def test_content_claim_below_ten_percent():
    text = CONTENT.replace("amount: 9 mg", "amount: 4 mg") + "claims: [Good source of vitamin C.*]\n"
    assert found(text, "SUP308") == [6]


# --- the examples -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("iron-tablet-no-warning.yaml", [("SUP304", 16)]),
    ("iron-tablet-with-warning.yaml", []),
    ("turmeric-claims-no-disclaimer.yaml", [("SUP302", 21)]),
    ("joint-formula-disease-claim.yaml", [("SUP303", 25)]),
    ("k2-mk7-capsule.yaml", [("SUP305", 11)]),
    ("magnesium-citrate-no-identity.yaml", [("SUP306", 2)]),
    ("omega-3-fish-oil-softgel.yaml", [("SUP307", 20)]),
    ("elderberry-zinc-lozenge-high-in.yaml", [("SUP308", 27)]),
])
def test_text_rule_examples(name, expected):
    from conftest import EXAMPLES

    assert sorted((f.code, f.line) for f in supplint.check_file(EXAMPLES / name)) == expected
