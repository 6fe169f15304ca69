"""A disease-claim finding says why its words make a claim: the criterion of 21 CFR 101.93(g)(2) they meet, in plain
words with its paragraph, on labels (SUP303) and pages (SUP404) alike. Checked through the library API by code and
line, and by the paragraph the message cites (the basis a reviewer looks up), not its wording."""

from __future__ import annotations

import pytest
import yaml

import supplint
from conftest import ROOT

LABEL = "product: Example Herbal Blend\nfacts:\n  - {name: Turmeric, amount: 500 mg}\nclaims:\n  - CLAIM\n"


def _page(sentence: str) -> list[tuple[int, str]]:
    text = f"# Our blend\n\n{sentence}\n"
    return [(f.line, f.message) for f in supplint.check_text(text, "post.md") if f.code == "SUP404"]


@pytest.mark.parametrize(
    ("sentence", "paragraph"),
    [
        ("Our blend prevents osteoporosis.", "(g)(2)(i)"),
        ("Our blend lowers blood sugar.", "(g)(2)(ii)"),
        ("Our blend is a natural antidepressant.", "(g)(2)(v)"),
        ("Our blend works like Prozac.", "(g)(2)(vi)"),
        ("Take our blend with your chemo to boost its effect.", "(g)(2)(vii)"),
        ("Our blend kills viruses.", "(g)(2)(viii)"),
        ("Our blend reduces the nausea of chemotherapy.", "(g)(2)(ix)"),
    ],
)
def test_a_page_claim_cites_its_criterion(sentence, paragraph):
    [(line, message)] = _page(sentence)
    assert line == 3
    assert f"21 CFR 101.93{paragraph}" in message


def test_a_claim_that_points_back_cites_the_disease_named_before():
    text = "# Kidney stones\n\nOur formula dissolves them in days.\n"
    [finding] = [f for f in supplint.check_text(text, "post.md") if f.code == "SUP404"]
    assert finding.line == 3
    assert "Kidney stones" in finding.message and "(g)(2)(i)" in finding.message


def test_a_label_claim_cites_its_criterion():
    text = LABEL.replace("CLAIM", "Lowers blood sugar naturally.")
    [finding] = [f for f in supplint.check_text(text, "label.yaml") if f.code == "SUP303"]
    assert finding.line == 5
    assert "21 CFR 101.93(g)(2)(ii)" in finding.message


def test_every_criterion_names_a_list_of_the_vocabulary():
    table = yaml.safe_load((ROOT / "rules" / "data" / "disease-claims.yaml").read_text(encoding="utf-8"))
    special = {"pointer", "hashtag", "otherwise"}
    for key, reason in table["criteria"].items():
        assert key in special or key in table, key
        assert "21 CFR 101.93(g)(2)(" in reason, key
    # every list a claim can be made by has its reason
    claim_lists = {"diseases", "named-diseases", "signs", "product-names", "drug-classes", "body-response"}
    claim_lists |= {"adverse-events", "substitutes", "augments"}
    assert claim_lists <= set(table["criteria"])
