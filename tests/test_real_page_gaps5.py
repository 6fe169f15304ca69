"""The shapes behind the real pages' batch 5 gaps (tests/data/pages README, "Batch 5's gaps"), each class with a
near miss that stays flagged. Pages go through `supplint.check_text` and the CLI; findings are compared by code and
line, never by message text.
"""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import run_cli


def page_lines(text: str, name: str = "post.md", code: str = "SUP404") -> list[int]:
    return [f.line for f in supplint.check_text(text, name, select=[code]) if f.code == code]


def post(body: str) -> list[int]:
    """The lines of SUP404 on a Markdown page whose body starts on line 3."""
    return page_lines(f"# Post\n\n{body}\n")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # A recall or safety notice names the pathogen or the recalled drug's use as what is wrong with the product.
        ("Acme Herbs Issues Voluntary Recall of Joint Complex Capsules Due to Possible Salmonella Contamination.", False),
        ("Acme Herbs is recalling its Sprouted Chia Powder because it may be contaminated with Salmonella.", False),
        ("Acme Labs is initiating a recall of Children's Pain and Fever Syrup for failure of the product assay.", False),
        ("The firm expanded its recall to Omega Blend Capsules due to possible listeria risk.", False),
        ("The capsules may be contaminated with pathogens and could lead to illness.", False),
        # near misses: a claim beside a recall word that is no recall, and memory's "recall", stay claims
        ("Our ginkgo supplement improves recall in people with Alzheimer's disease.", True),
        ("I recall the week this formula ended my arthritis flare-ups.", True),
        ("Our formula helps the body fight Salmonella infection.", True),
    ],
)
def test_a_recall_notice_reports_a_hazard_not_a_claim(sentence, claim):
    assert bool(post(sentence)) is claim


def test_a_recall_archive_page_through_the_cli(tmp_path):
    page = tmp_path / "alerts.html"
    page.write_text(
        "<html><head><title>Recalls</title></head><body>\n"
        "<p><strong>Acme Issues Voluntary Recall of Shark Cartilage Complex Capsules Due to Possible Salmonella"
        " Contamination.</strong></p>\n"
        "<p>Our shark cartilage capsules cure arthritis.</p>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    ran = run_cli("check", str(page), "--select", "SUP404", "--output-format", "json", "--exit-zero")
    assert ran.returncode == 0, ran.stderr
    assert [(f["code"], f["line"]) for f in json.loads(ran.stdout)] == [("SUP404", 3)]


@pytest.mark.parametrize(
    ("credit", "flagged"),
    [
        # a page crediting its sources or pictures discloses nothing: the affiliate link stays undisclosed
        ("These references were provided by Jane Doe.", True),
        ("Photos supplied by the author.", True),
        ("The statistics were provided by the CDC.", True),
        # near misses: a product given to the publisher is a connection, disclosed
        ("These samples were provided by Acme for this review.", False),
        ("We were sent free bottles by Acme.", False),
    ],
)
def test_credited_sources_are_no_free_product_disclosure(credit, flagged):
    page = f"# Krill oil\n\n{credit}\n\n* [High quality krill oil](https://amzn.to/4hPtCff) for joints\n"
    assert (page_lines(page, code="SUP401") == [5]) is flagged
