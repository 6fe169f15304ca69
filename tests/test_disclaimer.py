"""SUP302 missing-dshea-disclaimer and SUP309 disclaimer-wording: where the disclaimer stops being the disclaimer
in substance (SUP302, an error), where its words differ (SUP309, a warning), and what is no finding at all. Through
the library API and the CLI, by code and line."""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import run_cli

PLURAL = (
    "These statements have not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)
SINGULAR = PLURAL.replace("These statements have", "This statement has")

CLAIMED = """\
product: Example Zinc Supplement
facts:
  - {name: Zinc, amount: 11 mg}
claims:
  - Supports immune function.*
"""
RULES = ["SUP302", "SUP309"]


def verdict(disclaimer: str | None, head: str = CLAIMED) -> list[tuple[str, int]]:
    text = head if disclaimer is None else head + f"disclaimer: {json.dumps(disclaimer, ensure_ascii=False)}\n"
    return sorted((f.code, f.line) for f in supplint.check_text(text, "x.yaml", select=RULES))


# No finding: the regulation's words, however they are cased, spaced, quoted, hyphenated or punctuated.
@pytest.mark.parametrize(
    "disclaimer",
    [
        PLURAL,
        SINGULAR,
        PLURAL.replace("cure, or", "cure or"),  # no serial comma
        SINGULAR.replace("cure, or", "cure or"),
        PLURAL.lower(),
        PLURAL.upper(),
        "*" + PLURAL.replace(". ", ".\n  "),
        "“" + PLURAL + "”",  # printed in quotes
        PLURAL.replace("Administration. This", "Administration - This"),
        PLURAL.rstrip("."),
        PLURAL.replace("diagnose, treat", "diagnose,treat"),
        PLURAL.replace("Food", "Fo\u00adod").replace("product", "pro\u200bduct"),  # soft hyphen, zero-width space (PDF)
        PLURAL.replace("fied", "ﬁed").replace("Administration", "Ａdministration"),  # compatibility forms (NFKC)
        PLURAL.replace(" ", "\u00a0"),  # no-break spaces
    ],
)
def test_the_regulations_words_are_no_finding(disclaimer):
    assert verdict(disclaimer) == []


# SUP309: both sentences there with their key phrases, but words differ.
@pytest.mark.parametrize(
    "disclaimer",
    [
        PLURAL.replace("Food and Drug Administration", "FDA"),
        PLURAL.replace("Food and Drug Administration", "U.S. Food and Drug Administration"),
        PLURAL.replace("treat, ", ""),  # a verb dropped
        PLURAL.replace("treat, cure, or prevent", "treat"),  # three dropped: still says it
        PLURAL.replace("evaluated", "reviewed"),
        PLURAL.replace("any disease", "any diseases"),
        PLURAL.replace("These statements have", "These statement have"),  # a mix of the two forms
        PLURAL + " Consult your physician.",  # words added
        "This statement has not been evaluated by the FDA and is not intended to treat any disease.",
    ],
)
def test_changed_words_of_a_disclaimer_in_substance_are_sup309(disclaimer):
    assert verdict(disclaimer) == [("SUP309", 6)]


# SUP302: a text in the disclaimer's place that lacks a sentence or a key phrase of one.
@pytest.mark.parametrize(
    "disclaimer",
    [
        "These statements have not been evaluated by the Food and Drug Administration.",  # second sentence missing
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",  # first sentence missing
        PLURAL.replace("by the Food and Drug Administration", ""),  # the agency missing
        PLURAL.replace("not been evaluated", "been evaluated"),  # says the opposite
        PLURAL.replace("diagnose, treat, cure, or prevent any disease", "support your health"),
        PLURAL.replace(" any disease", ""),  # "disease" missing
        "Consult your healthcare provider before use.",
    ],
)
def test_a_text_that_is_not_the_disclaimer_in_substance_is_sup302(disclaimer):
    assert verdict(disclaimer) == [("SUP302", 6)]


def test_no_disclaimer_is_sup302_at_the_claims_and_no_claims_needs_none():
    assert verdict(None) == [("SUP302", 4)]
    assert verdict(None, "product: Example Zinc Supplement\nfacts: []\n") == []


def test_sup309_without_claims_still_reads_the_printed_disclaimer():
    head = "product: Example Zinc Supplement\nfacts: []\n"
    assert verdict(PLURAL.replace("Food and Drug Administration", "FDA"), head) == [("SUP309", 3)]
    assert verdict("Consult your doctor.", head) == []  # not a disclaimer, and none is needed


def test_the_messages_quote_the_words_that_differ():
    text = (
        CLAIMED
        + "disclaimer: "
        + json.dumps(PLURAL.replace("Food and Drug Administration", "FDA").replace("treat, ", ""))
        + "\n"
    )
    (finding,) = supplint.check_text(text, "x.yaml", select=RULES)
    assert finding.code == "SUP309" and finding.severity == "warning"
    assert '"FDA" for "Food and Drug Administration"' in finding.message
    assert '"treat,"' not in finding.message and '"treat"' in finding.message
    assert "Food and Drug Administration" in finding.hint


def test_a_block_scalar_disclaimer_through_the_cli(tmp_path):
    path = tmp_path / "label.yaml"
    path.write_text(
        CLAIMED + "disclaimer: >-\n  *This statement has not been evaluated by the FDA.\n"
        "  This product is not intended to diagnose, treat, cure or prevent any disease.\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--select", "SUP302,SUP309", "--output-format", "json", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert [(f["code"], f["line"], f["severity"]) for f in json.loads(result.stdout)] == [("SUP309", 6, "warning")]


def test_the_exact_iron_warning_is_read_through_the_same_fold():
    warning = (
        "WARNING: Accidental overdose of iron-containing products is a leading cause of fatal poisoning in "
        "children under 6. Keep this product out of reach of children. In case of accidental overdose, "
        "call a doctor or poison control center immediately."
    )
    head = "product: Example Iron Supplement\nform: tablet\nfacts:\n  - {name: Iron, amount: 18 mg}\nwarnings:\n  - "
    pdf_copy = (
        warning.replace("overdose", "over\u00addose")
        .replace("iron-containing", "iron\u2011containing")
        .replace("children under", "children\u200b under")
    )
    assert supplint.check_text(head + json.dumps(pdf_copy) + "\n", "x.yaml", select=["SUP304"]) == []
    changed = head + json.dumps(warning.replace("fatal ", "")) + "\n"
    assert [(f.code, f.line) for f in supplint.check_text(changed, "x.yaml", select=["SUP304"])] == [("SUP304", 6)]
