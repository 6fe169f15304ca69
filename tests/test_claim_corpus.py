"""The claim rules scored on the real-text corpus (tests/data/corpus/, README.md there).

Every disease claim must be flagged by SUP303 as a label's `claims:` entry and by SUP404 as page prose; every
structure/function claim, mention and disclaimer must pass both. The floors hold the dev split at what the
vocabulary reaches, a little below, so that a change that loses real claims fails here; the holdout split is only
measured (run this file with ``-s`` to see both), never tuned on.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

import supplint

CORPUS = Path(__file__).parent / "data" / "corpus"

#: Share of the dev split each rule must reach: disease claims caught, structure/function items passed.
#: Reached when set (dev, framing lists, a heading's disease, comparisons: claims3): 98.4 %, 92.1 %, 99.0 %,
#: 99.0 %, and the same after the reader changes for the third fresh holdout (claims4). Before: 98.4 %, 89.8 %,
#: 99.0 %, 99.0 %; before the one reader: 66.9 %, 35.4 %, 80.4 %, 95.9 %.
FLOORS = {
    ("SUP303", "disease-claims"): 0.97,
    ("SUP404", "disease-claims"): 0.91,  # prose also informs: a disease counts beside a claim word or a product
    ("SUP303", "structure-function"): 0.98,
    ("SUP404", "structure-function"): 0.98,
}


@cache
def _items(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def _label(text: str) -> str:
    # json.dumps writes a YAML double-quoted scalar: any quote, colon or bracket in the claim stays text.
    return (
        "product: Example Herbal Supplement\nidentity: Dietary Supplement\n"
        "facts:\n  - {name: Vitamin C, amount: 90 mg}\n"
        f"claims: [{json.dumps(text)}]\n"
    )


def _page(text: str) -> str:
    return f"# Our review\n\n{' '.join(text.split())}\n"


def flagged(code: str, text: str) -> bool:
    if code == "SUP303":
        found = supplint.check_text(_label(text), "label.yaml", select=[code])
    else:
        found = supplint.check_text(_page(text), "page.md", select=[code])
    return any(f.code == code for f in found)


def score(code: str, name: str, split: str) -> tuple[float, list[str]]:
    """(share right, the texts got wrong) for one rule on one corpus file's split."""
    want = name == "disease-claims"
    items = [item for item in _items(name) if item["split"] == split]
    wrong = [item["text"] for item in items if flagged(code, item["text"]) != want]
    return 1 - len(wrong) / len(items), wrong


@pytest.mark.parametrize(("code", "name"), sorted(FLOORS))
def test_dev_split_floor(code, name):
    dev, wrong = score(code, name, "dev")
    holdout, _ = score(code, name, "holdout")
    print(f"\n{code} {name}: dev {dev:.1%}, holdout {holdout:.1%}")
    assert dev >= FLOORS[code, name], f"{code} on {name}: {dev:.1%} < {FLOORS[code, name]:.0%}; wrong: {wrong[:10]}"


def test_floors_can_fail(monkeypatch):
    """The scorer is not vacuous: a rule that flags nothing, or everything, falls below the floors."""
    monkeypatch.setattr(sys.modules[__name__], "flagged", lambda code, text: False)
    assert score("SUP303", "disease-claims", "dev")[0] == 0 < FLOORS["SUP303", "disease-claims"]
    monkeypatch.setattr(sys.modules[__name__], "flagged", lambda code, text: True)
    assert score("SUP404", "structure-function", "dev")[0] == 0 < FLOORS["SUP404", "structure-function"]
    monkeypatch.undo()
    assert not flagged("SUP303", "Supports bone health.") and flagged("SUP303", "Prevents osteoporosis.")
    assert not flagged("SUP404", "Supports bone health.") and flagged("SUP404", "This supplement cures arthritis.")


# The reader's behaviour, on shapes of our own (the corpus above is the real wording).


def page_findings(body: str) -> list[tuple[int, int, int]]:
    """(line, column, end column) of each SUP404 on a page whose prose is ``body`` (line 3 on)."""
    found = supplint.check_text(f"# Post\n\n{body}\n", "post.md", select=["SUP404"])
    return [(f.line, f.column, f.end_column) for f in found if f.code == "SUP404"]


def label_lines(claims: list[str]) -> list[int]:
    entries = "".join(f"  - {json.dumps(claim)}\n" for claim in claims)
    text = f"product: Example Supplement\nfacts: []\nclaims:\n{entries}"
    return [f.line for f in supplint.check_text(text, "x.yaml", select=["SUP303"]) if f.code == "SUP303"]


def test_a_paragraph_with_three_claims_gives_three_findings_each_at_its_claim():
    body = (
        "Our turmeric eases arthritis.\nWe source it in India.\nIt also prevents\ncancer. It works like an\n"
        "antidepressant."
    )
    found = page_findings(body)
    assert [line for line, _, _ in found] == [3, 6, 6]
    _, column, end = found[0]
    assert (column, end) == (20, 29)  # "arthritis", the claim's words, not the paragraph's start


def test_a_label_claim_of_two_sentences_gives_two_findings():
    assert label_lines(["Cures arthritis. Prevents cancer.", "Supports bone health."]) == [4, 4]


@pytest.mark.parametrize(
    ("body", "claims"),
    [
        ("Not only does it soothe joints, it also cures arthritis.", 1),  # the "not" belongs to its own clause
        ("This product does not treat arthritis.", 0),
        ("This product is not intended to diagnose, treat, cure, or prevent any disease.", 0),
        ("In the case of a urinary tract infection, cranberry is not a substitute for antibiotics.", 0),
    ],
)
def test_negation_applies_to_its_own_clause(body, claims):
    assert len(page_findings(body)) == claims
    assert len(label_lines([body])) == claims


@pytest.mark.parametrize(
    "body",
    [
        "This formula \ufb01ghts cancer.",  # a PDF ligature
        "It helps prevent Alzheimer\u2019s.",  # a curly apostrophe
        "It cures arthri\u00adtis.",  # a soft hyphen
        "It cures arth\u200britis.",  # a zero-width space
        "A natural alternative to statins\u2014and safer.",
    ],
)
def test_text_is_normalised_before_matching(body):
    assert len(page_findings(body)) == 1
    assert len(label_lines([body])) == 1


@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("If you take diuretics, ask your doctor before using this product.", False),  # the reader's medication
        ("People with diabetes should check with their doctor before using chromium.", False),
        ("Vitamin D deficiency is common in winter.", False),
        ("If you have heart disease you may benefit from fish oil.", True),
        ("Works like Prozac, without the side effects.", True),
        ("Skip the surgery: this formula rebuilds cartilage.", True),
        ("My LDL fell 40 points in two months.", True),
        ("Take it alongside your metformin for better results.", True),
        ("Hypertension is treatable, and this blend can help.", True),
        ("Arthritis affects millions of adults. This formula relieves its symptoms.", True),  # disease named before
    ],
)
def test_mentions_pass_and_claims_fire_on_pages(body, claim):
    assert bool(page_findings(body)) is claim


@pytest.mark.parametrize(
    "text",
    [
        "Helps with occasional sleeplessness.",
        "For mild mood changes, cramps and edema associated with the menstrual cycle.",
        "Helps reduce hot flashes.",
        "Helps maintain cholesterol levels that are already within the normal range.",
        "Supports healthy blood sugar levels.",
    ],
)
def test_fda_structure_function_examples_pass_on_labels_and_pages(text):
    assert label_lines([text]) == [] and page_findings(text) == []


# Every criterion of 21 CFR 101.93(g)(2), and the mentions that are not claims, on labels and pages alike: one
# reader, one vocabulary, the same verdict for the same sentence.


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Keeps high blood sugar in check.", True),  # (iii) an abnormal physiological state
        ("Lowers elevated LDL.", True),
        ("Improves HbA1c.", True),  # (ii) a sign of a disease
        ("Not a cure, but it eases the joint pain of arthritis.", True),  # the "not" is in its own clause
        ("An alternative to your statin.", True),  # (vi) a substitute
        ("Skip the surgery.", True),
        ("Works like an antidepressant.", True),  # (v)/(vi) a drug class, a comparison
        ("A natural antidepressant.", True),
        ("Take it alongside your metformin for better results.", True),  # (vii) an augmented therapy
        ("My LDL fell 40 points.", True),  # a testimonial with numbers
        ("Arthritis is treatable.", True),
        ("Your first line of defense against the flu.", True),
        ("Arthritis Relief Formula", True),  # (iv)(A) the product's name
        ("Boosts your immune response to the flu.", True),  # (viii) the body's response
        ("Reduces nausea from chemotherapy.", True),  # (ix) adverse events of a therapy
        ("Helps relieve symptoms of type 2 diabetes.", True),  # a named disease (ICD-10-CM E11)
        ("Soothes the itching of psoriasis.", True),  # ICD-10-CM L40, from the generated list
        ("If you have heart disease you may benefit from fish oil.", True),
        ("If you take diuretics, ask your doctor.", False),  # the reader's own medication
        ("People with heart disease should talk to their doctor.", False),
        ("Heart disease is the leading cause of death in the United States.", False),
        ("Helps with occasional sleeplessness.", False),  # FDA's structure/function examples
        ("Helps reduce hot flashes.", False),
        ("Supports healthy blood sugar levels.", False),
        ("Supports a healthy inflammatory response.", False),
        ("Vitamin D aids in the absorption of calcium.", False),  # "aids", not AIDS
        ("High doses can cause kidney stones.", False),  # a warning about the product itself
        ("Avoid if you have a bleeding disorder.", False),
        ("Reduces the side effects of chemotherapy.", True),
        ("Heart disease runs in many families, and it is worth knowing your numbers.", False),  # facts about a disease
        ("Deficiency is more common in older adults and in people with Crohn's disease.", False),
        ("Skip the gummies if you have diabetes: most are sweetened with sugar.", False),  # whom it is not for
    ],
)
def test_each_criterion_on_labels_and_pages_alike(text, claim):
    assert bool(label_lines([text])) is claim
    assert bool(page_findings(text)) is claim


@pytest.mark.parametrize(
    "text",
    ["cystic acne", "Alzheimer's disease or senile dementias in the elderly", "recurrent or persistent heartburn"],
)
def test_a_bare_fragment_is_read_on_a_page_that_sells_as_on_a_label(text):
    """A heading or a list item naming a disease on a page that sells a supplement (it embeds a label) claims it,
    as a claim field does (FDA: products "referenced under the heading 'Macular Degeneration'" imply the claim);
    on a page that only informs, a bare disease name is a topic, not a claim."""
    assert label_lines([text]) == [4]
    selling = "# Our pick\n\n```supplement\nproduct: Example Zinc\nfacts:\n  - {name: Zinc, amount: 15 mg}\n```\n"
    for body in (f"- {text}", f"## {text}"):
        found = supplint.check_text(f"{selling}\n{body}\n", "post.md", select=["SUP404"])
        assert [f.line for f in found] == [9]
        assert page_findings(body) == []


def test_the_excerpt_is_the_claim_sentence_and_keeps_the_claim_in_a_long_one():
    body = (
        "We tested a dozen turmeric capsules over the winter, with a panel of readers who kept notes on taste, "
        "price, capsule size and how the jar held up, and the one we liked best cures arthritis in weeks."
    )
    found = supplint.check_text(f"# Post\n\nIntro sentence here. {body}\n", "post.md", select=["SUP404"])
    assert len(found) == 1
    assert "cures arthritis" in found[0].message or "arthritis" in found[0].message
    assert "Intro sentence" not in found[0].message


def test_the_disease_list_comes_from_icd_10_cm_with_codes():
    from supplint.kinds._claims import read_disease_list

    table = read_disease_list("data/diseases.yaml")
    codes = {name: code for code, name in table["icd10cm"]}
    assert codes["psoriasis"] == "L40" and codes["type 2 diabetes mellitus"] == "E11"
    assert "fatigue" not in codes and "constipation" not in codes and "anxiety" not in codes
    assert all(entry["source"] and entry["code"] for entry in table["lay"])
    assert yaml.safe_load((Path(supplint.__file__).parents[2] / "rules/data/diseases.yaml").read_text()) == table


def test_the_regenerated_disease_list_is_the_committed_one():
    """tools/build_diseases.py writes rules/data/diseases.yaml from ICD-10-CM (the test extra installs it)."""
    pytest.importorskip("simple_icd_10_cm")
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_diseases", root / "tools" / "build_diseases.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    inputs = yaml.safe_load((root / "tools" / "disease-names.yaml").read_text(encoding="utf-8"))
    assert build.build(inputs) == (root / "rules" / "data" / "diseases.yaml").read_text(encoding="utf-8")


def test_literal_gates_never_hide_a_match_on_the_corpus():
    """Each vocabulary entry is compiled only when a literal it needs is in the text: on every corpus text, an
    entry that matches has its literal there (the gate is a necessary condition, never a guess)."""
    from supplint.kinds._terms import required_literals, whole_words
    from supplint.shipped import files as data

    table = data.load("data/disease-claims.yaml")
    entries = [
        e
        for key, value in table.items()
        if isinstance(value, list)
        for e in value
        if isinstance(e, str) and key != "sources"
    ]
    texts = [str(item["text"]) for name in ("disease-claims", "structure-function") for item in _items(name)]
    checked = 0
    for entry in entries:
        literals = required_literals(entry)
        if literals is None:
            continue
        for text in texts:
            if whole_words(entry).search(text):
                checked += 1
                assert any(literal in text.lower() for literal in literals), (entry, text)
    assert checked > 200


def test_page_prose_that_informs_about_a_disease_is_no_claim():
    """A health page's facts, cautions and study reports name diseases without claiming an effect for a product;
    only the sentence that does (line 26) is SUP404."""
    from pathlib import Path

    page = Path(__file__).parent / "fixtures" / "pages" / "disease-mentions.md"
    found = supplint.check_text(page.read_text(encoding="utf-8"), "disease-mentions.md", select=["SUP404"])
    assert [(f.code, f.line) for f in found] == [("SUP404", 26)]


def test_an_entry_with_its_own_case_flags_is_gated_by_its_literals():
    """An entry matched case-sensitively ("(?-i:MS)") still needs its letters in the text's lower case: it is gated
    like any other, so a text without them never compiles or runs it (before, such entries ran on every text)."""
    from supplint.kinds._terms import required_literals

    assert required_literals("(?-i:HPV|EBV)") == frozenset({"hpv", "ebv"})
    assert required_literals(r"(?<=with\s)(?-i:MS)(?![\w-])") == frozenset({"ms"})
    assert required_literals("(?i)abc") == frozenset({"abc"})  # a global flag is no group of literals
