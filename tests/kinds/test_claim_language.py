"""The claim-language kind on labels (SUP303 disease-claim) through the public API: which code fires, and at
which line."""

from __future__ import annotations

import pytest

from text_checks import DISCLAIMER_SINGULAR, found, q

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


@pytest.mark.parametrize(
    ("product", "lines"),
    [
        ("Arthritis Relief Formula", [1]),
        ("Diabetic Support Supplement", [1]),
        ("Joint Support Formula", []),
        ("Cold & Flu Season Immune Supplement", []),
    ],
)
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
    text = f"product: Example Supplement\nfacts: []\nclaims: [Supports bone health.*]\ndisclaimer: {q(DISCLAIMER_SINGULAR)}\n"
    assert found(text, "SUP303") == []
