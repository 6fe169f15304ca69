"""The shapes behind the real pages' batch 8 gaps (tests/data/pages README, "Batch 8"), each class with a near miss
on the other side. Pages go through `supplint.check_text` and the CLI; findings are compared by code and line, never
by message text.
"""

from __future__ import annotations

import json

import pytest

from conftest import finding_lines as page_lines
from conftest import post_lines as post
from conftest import run_cli


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a guide to label rules names claims as what a label may or may not say
        ('"Prevents colds and flu" or "Cures arthritis" - disease claims without authorization.', False),
        (
            "For example, stating that calcium helps lower the risk of osteoporosis is considered a valid health claim.",
            False,
        ),
        ("These claims must connect a food substance to a reduced risk of a particular disease.", False),
        ("Brands must steer clear of unapproved disease claims.", False),
        ("Many manufacturers include them to safeguard consumers with severe allergies.", False),
        # near misses: the product's own words, with no claim named as such, stay claims
        ("Clinically proven to cure arthritis and prevent colds.", True),
        ("Our formula prevents colds and flu.", True),
        ("Our formula safeguards your heart against heart disease.", True),
    ],
)
def test_talk_about_claims_is_no_claim(sentence, claim):
    assert bool(post(sentence)) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ashwagandha supplements can benefit adults with and without insomnia by enhancing sleep.", True),
        ("Our blend helps adults with or without arthritis move freely.", True),
        # near misses: who may take it, and "without" that negates
        ("It is safe for people with and without diabetes.", False),
        ("Fall asleep without insomnia medication.", False),
    ],
)
def test_with_and_without_a_disease_names_those_who_have_it(sentence, claim):
    assert bool(post(sentence)) is claim


NEWS = """# Research roundup

Researchers at a university published a study of {subject} in older adults with Alzheimer's disease, and the
participants improved their memory scores over six months of the trial.

A second study by the same researchers found that participants given {subject} had fewer symptoms of Alzheimer's
disease, according to the authors of the trial.

A review of clinical trials by other scientists found the evidence mixed, and the researchers call for larger
studies of Alzheimer's disease before anyone draws conclusions.
"""


@pytest.mark.parametrize(
    ("subject", "claims"),
    [
        ("a ginkgo extract", []),  # science news that sells nothing: what researchers found
        ("our memory formula", [3]),  # the seller's own product, twice: its research paragraphs are its claims
        ("the AcmeIQ Memory Formula", [3]),
    ],
)
def test_a_sellers_own_product_is_not_news(subject, claims):
    assert sorted(set(page_lines(NEWS.format(subject=subject)))) == claims


def test_one_sellers_sentence_on_a_news_page_leaves_it_news():
    page = NEWS.format(subject="a ginkgo extract") + "\nOur memory formula has ginkgo in it.\n"
    assert page_lines(page) == []
    headed = page.replace("# Research roundup", "# The AcmeIQ Memory Formula")
    assert 3 in page_lines(headed)


def test_mercadolibre_item_pages_are_product_links(tmp_path):
    page = (
        "# My supplements\n\n"
        "## [Fish Oil 1200 mg](https://articulo.mercadolibre.com.ar/MLA-868718794-fish-oil-1200-mg-_JM)\n\n"
        "- Take 2 fish oil capsules per day with the vitamin D3 softgel.\n"
    )
    (tmp_path / "stack.md").write_text(page, encoding="utf-8")
    listing = page.replace("MLA-868718794-fish-oil-1200-mg-_JM", "ofertas/suplementos")  # a listing, no item page
    (tmp_path / "listing.md").write_text(listing, encoding="utf-8")
    ran = run_cli("check", "--select", "SUP403", "--output-format", "json", "--exit-zero", str(tmp_path))
    found = {(f["file"].rsplit("/", 1)[-1], f["code"], f["line"]) for f in json.loads(ran.stdout)}
    assert found == {("stack.md", "SUP403", 3)}
