"""Floors on how often the text rules judge the real wording of tests/data/corpus/ right (bench/accuracy.py), on
the dev split: the share of the items the vocabularies were tuned on. The holdout split is measured by the bench
only. A floor is the figure reached when it was set, less a small margin; raising a vocabulary's quality should
raise its floor."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # bench/accuracy.py: the scorer, through supplint.check_text

# check -> verdict -> the least share right on the dev split.
FLOORS = {
    # 100 % on dev when set (2026-12-03, 66+36 links, 98 disclosures, 116 consult sentences) and still 100 % after
    # the vocabulary changes for the second, third and fourth fresh holdouts (2026-12-04, which stay holdout;
    # disclose5's clause-bounded negations included): a floor one item below the figure, so any regression of two
    # items fails.
    "affiliate-links (SUP401)": {"affiliate": 0.98, "plain": 0.97},
    "disclosures (SUP401/SUP406)": {"adequate": 0.97, "vague": 0.95, "not-a-disclosure": 0.96},
    "consult-notes on labels (SUP301)": {"advice": 0.98, "not-advice": 0.96},
    "consult-notes on pages (SUP403)": {"advice": 0.98, "not-advice": 0.96},
    "consult-notes on product-link pages (SUP403)": {"advice": 0.98, "not-advice": 0.96},
    # one reader and vocabulary for labels and pages (issue 11): 125/127 and 96/97 on dev when set, less a margin;
    # unchanged by the claims5 changes for the fourth and fifth fresh samples (which stay holdout)
    "disease-claims on labels (SUP303)": {"disease-claim": 0.97},
    # pages read a disease beside a claim word, in a sentence about a product (prose also informs) or in a list
    # item under a framing line: 117/127 when set (claims3; 114/127 before), and still 117/127 after the reader
    # changes for the third fresh holdout (claims4), which went to the holdout columns only
    "disease-claims on pages (SUP404)": {"disease-claim": 0.91},
    "structure-function on labels (SUP303)": {"pass": 0.98},
    "structure-function on pages (SUP404)": {"pass": 0.98},
}


@pytest.fixture(scope="module")
def result():
    return accuracy.score()


def test_every_check_has_a_floor(result):
    assert set(FLOORS) == set(result["checks"])


def test_dev_split_holds_its_floors(result):
    assert accuracy.below(result, FLOORS) == []


def test_a_floor_fails_when_a_figure_drops(result):
    """The floors can fail: the same figures with one item of a check judged wrong are reported."""
    check, verdict = "disclosures (SUP401/SUP406)", "adequate"
    worse = {"checks": {check: {"dev": {verdict: [0, result["checks"][check]["dev"][verdict][1]]}}}}
    assert accuracy.below(worse, {check: {verdict: FLOORS[check][verdict]}}) != []
    empty = {"checks": {}}
    assert accuracy.below(empty, {check: {verdict: 0.5}}) != []  # a check that scores nothing is a failure too


def test_both_splits_are_scored(result):
    for per_split in result["checks"].values():
        assert {"dev", "holdout", "all"} <= set(per_split)


def test_the_third_fresh_holdout_is_scored_on_its_own(result):
    """The claim files' `batch: 3` items count in the holdout and again in their own column, so the fresh sample's
    figure stays readable after it joined the holdout."""
    checks = result["checks"]
    for check in ("disease-claims on labels (SUP303)", "disease-claims on pages (SUP404)"):
        batch, holdout = checks[check]["holdout3"]["disease-claim"], checks[check]["holdout"]["disease-claim"]
        assert batch[1] == 60 and holdout[1] > batch[1]
    assert checks["structure-function on pages (SUP404)"]["holdout3"]["pass"][1] == 40


def test_the_fourth_and_fifth_fresh_samples_are_scored_on_their_own(result):
    """`batch: 4` (scored once before the claims5 changes) and `batch: 5` (collected after them, scored once before
    its own few) count in the holdout and in their own columns, so both honest figures stay readable."""
    checks = result["checks"]
    for batch, claims, lawful in (("holdout4", 62, 43), ("holdout5", 26, 23)):
        for target in ("labels (SUP303)", "pages (SUP404)"):
            assert checks[f"disease-claims on {target}"][batch]["disease-claim"][1] == claims
            assert checks[f"structure-function on {target}"][batch]["pass"][1] == lawful


def test_the_sixth_fresh_sample_is_scored_on_its_own(result):
    """`batch: 6` (claims6: collected from sources no earlier item cites, scored once on the code as found) and
    `batch: 7` and `batch: 8` (each collected after the changes for the one before, scored once before its own) count
    in the holdout and in their own columns."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        batch = checks[f"disease-claims on {target}"]["holdout6"]["disease-claim"]
        assert batch[1] == 59 and checks[f"disease-claims on {target}"]["holdout"]["disease-claim"][1] > 59
        assert checks[f"structure-function on {target}"]["holdout6"]["pass"][1] == 45
        assert checks[f"disease-claims on {target}"]["holdout7"]["disease-claim"][1] == 20
        assert checks[f"structure-function on {target}"]["holdout7"]["pass"][1] == 20
        assert checks[f"disease-claims on {target}"]["holdout8"]["disease-claim"][1] == 11
        assert checks[f"structure-function on {target}"]["holdout8"]["pass"][1] == 15


def test_the_ninth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 9` items (mentions7: page prose collected and judged, no fix made for it) count in the
    holdout and in their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout9"]["disease-claim"][1] == 49 and claims["holdout"]["disease-claim"][1] > 49
        assert lawful["holdout9"]["pass"][1] == 94 and lawful["holdout"]["pass"][1] > 94


def test_json_output(capsys):
    import json

    assert accuracy.main(["--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"checks", "rules"}


def test_the_fourth_fresh_holdout_is_scored_on_its_own(result):
    """The link, disclosure and consult files' `batch: 4` items (disclose5) count in the holdout and in their own
    column, with the verdict counts they were collected with."""
    checks = result["checks"]
    links = checks["affiliate-links (SUP401)"]["holdout4"]
    assert {v: t[1] for v, t in links.items()} == {"affiliate": 34, "plain": 13}
    disclosures = checks["disclosures (SUP401/SUP406)"]["holdout4"]
    assert {v: t[1] for v, t in disclosures.items()} == {"adequate": 24, "vague": 8, "not-a-disclosure": 29}
    for check in ("consult-notes on labels (SUP301)", "consult-notes on pages (SUP403)"):
        assert {v: t[1] for v, t in checks[check]["holdout4"].items()} == {"advice": 28, "not-advice": 14}
        assert checks[check]["holdout"]["advice"][1] > 28


def test_the_fifth_fresh_holdout_of_links_disclosures_and_consult_notes_is_scored_on_its_own(result):
    """The link, disclosure and consult files' `batch: 5` items (disclose6) count in the holdout and in their own
    column (holdout5, shared with the claim files' fifth sample), with the verdict counts they were collected with."""
    checks = result["checks"]
    links = checks["affiliate-links (SUP401)"]["holdout5"]
    assert {v: t[1] for v, t in links.items()} == {"affiliate": 26, "plain": 15}
    disclosures = checks["disclosures (SUP401/SUP406)"]["holdout5"]
    assert {v: t[1] for v, t in disclosures.items()} == {"adequate": 22, "vague": 8, "not-a-disclosure": 21}
    for check in ("consult-notes on labels (SUP301)", "consult-notes on pages (SUP403)"):
        assert {v: t[1] for v, t in checks[check]["holdout5"].items()} == {"advice": 28, "not-advice": 18}


def test_the_tenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 10` items (claims7: page prose from sources no earlier item cites, scored once on the
    code as found) count in the holdout and in their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout10"]["disease-claim"][1] == 56 and claims["holdout"]["disease-claim"][1] > 56
        assert lawful["holdout10"]["pass"][1] == 68 and lawful["holdout"]["pass"][1] > 68


def test_the_eleventh_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 11` items (claims7: page prose collected after the batch 10 changes, scored once before
    the changes for it) count in the holdout and in their own column."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        assert checks[f"disease-claims on {target}"]["holdout11"]["disease-claim"][1] == 38
        assert checks[f"structure-function on {target}"]["holdout11"]["pass"][1] == 43


def test_the_twelfth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 12` items (claims7: page prose collected after the batch 11 changes, scored once, no fix
    made for it) count in the holdout and in their own column."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        assert checks[f"disease-claims on {target}"]["holdout12"]["disease-claim"][1] == 29
        assert checks[f"structure-function on {target}"]["holdout12"]["pass"][1] == 28


def test_the_sixth_fresh_holdout_of_links_disclosures_and_consult_notes_is_scored_on_its_own(result):
    """The link, disclosure and consult files' `batch: 6` items (disclose7: sources no earlier item cites, scored once
    on the code as found) count in the holdout and in their own column (holdout6, shared with the claim files' sixth
    sample), with the verdict counts they were collected with."""
    checks = result["checks"]
    links = checks["affiliate-links (SUP401)"]["holdout6"]
    assert {v: t[1] for v, t in links.items()} == {"affiliate": 24, "plain": 16}
    disclosures = checks["disclosures (SUP401/SUP406)"]["holdout6"]
    assert {v: t[1] for v, t in disclosures.items()} == {"adequate": 30, "vague": 8, "not-a-disclosure": 20}
    for check in ("consult-notes on labels (SUP301)", "consult-notes on pages (SUP403)"):
        assert {v: t[1] for v, t in checks[check]["holdout6"].items()} == {"advice": 31, "not-advice": 18}
        assert checks[check]["holdout"]["advice"][1] > 31


def test_the_thirteenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 13` items (measure13: FDA/FTC letters, product pages and label lines from sources no
    earlier item cites, collected and judged only, no fix made for it) count in the holdout and in their own column,
    with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout13"]["disease-claim"][1] == 58 and claims["holdout"]["disease-claim"][1] > 58
        assert lawful["holdout13"]["pass"][1] == 85 and lawful["holdout"]["pass"][1] > 85


def test_the_fifteenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 15` items (claims9: FDA/FTC letters and product pages on the conditions the files
    cover least, from sources no earlier item cites, scored once on the code as found) count in the holdout and in
    their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout15"]["disease-claim"][1] == 57 and claims["holdout"]["disease-claim"][1] > 57
        assert lawful["holdout15"]["pass"][1] == 29 and lawful["holdout"]["pass"][1] > 29


def test_the_sixteenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 16` items (mentions10: page prose from sources no earlier item cites, mostly lawful
    mentions, scored once on the code as found, then fixed by class) count in the holdout and in their own column,
    with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout16"]["disease-claim"][1] == 20 and claims["holdout"]["disease-claim"][1] > 20
        assert lawful["holdout16"]["pass"][1] == 73 and lawful["holdout"]["pass"][1] > 73


def test_the_seventeenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 17` items (measure17: FDA/FTC letters and product pages from sources no earlier item
    cites, collected and judged only, no fix made for it) count in the holdout and in their own column, with the
    verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout17"]["disease-claim"][1] == 50 and claims["holdout"]["disease-claim"][1] > 50
        assert lawful["holdout17"]["pass"][1] == 62 and lawful["holdout"]["pass"][1] > 62


def test_the_seventh_fresh_holdout_of_links_disclosures_and_consult_notes_is_scored_on_its_own(result):
    """The link, disclosure and consult files' `batch: 7` items (measure17: sources no earlier item cites, collected
    and judged only, no fix made for them) count in the holdout and in their own column (holdout7, shared with the
    claim files' seventh sample), with the verdict counts they were collected with."""
    checks = result["checks"]
    links = checks["affiliate-links (SUP401)"]["holdout7"]
    assert {v: t[1] for v, t in links.items()} == {"affiliate": 26, "plain": 15}
    disclosures = checks["disclosures (SUP401/SUP406)"]["holdout7"]
    assert {v: t[1] for v, t in disclosures.items()} == {"adequate": 11, "vague": 6, "not-a-disclosure": 9}
    for check in (
        "consult-notes on labels (SUP301)",
        "consult-notes on pages (SUP403)",
        "consult-notes on product-link pages (SUP403)",
    ):
        assert {v: t[1] for v, t in checks[check]["holdout7"].items()} == {"advice": 19, "not-advice": 10}
        assert checks[check]["holdout"]["advice"][1] > 19


def test_the_eighth_fresh_holdout_of_links_disclosures_and_consult_notes_is_scored_on_its_own(result):
    """The link, disclosure and consult files' `batch: 8` items (disclose8: sources no earlier item cites, scored once
    on the code as found, then fixed by class) count in the holdout and in their own column (holdout8, shared with
    the claim files' eighth sample), with the verdict counts they were collected with."""
    checks = result["checks"]
    links = checks["affiliate-links (SUP401)"]["holdout8"]
    assert {v: t[1] for v, t in links.items()} == {"affiliate": 20, "plain": 9}
    disclosures = checks["disclosures (SUP401/SUP406)"]["holdout8"]
    assert {v: t[1] for v, t in disclosures.items()} == {"adequate": 11, "vague": 3, "not-a-disclosure": 10}
    for check in (
        "consult-notes on labels (SUP301)",
        "consult-notes on pages (SUP403)",
        "consult-notes on product-link pages (SUP403)",
    ):
        assert {v: t[1] for v, t in checks[check]["holdout8"].items()} == {"advice": 17, "not-advice": 9}
        assert checks[check]["holdout"]["advice"][1] > 17


def test_the_eighteenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 18` items (claims18: FDA/FTC warning letters and page prose from sources no earlier
    item cites, many on products said to kill or block disease agents, scored once on the code as found) count in the
    holdout and in their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout18"]["disease-claim"][1] == 50 and claims["holdout"]["disease-claim"][1] > 50
        assert lawful["holdout18"]["pass"][1] == 30 and lawful["holdout"]["pass"][1] > 30


def test_the_nineteenth_fresh_sample_is_scored_on_its_own(result):
    """The claim files' `batch: 19` items (claims18: page prose collected after the batch 18 changes, from sources no
    earlier item cites, scored once, no fix made for it) count in the holdout and in their own column, with the
    verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout19"]["disease-claim"][1] == 28 and claims["holdout"]["disease-claim"][1] > 28
        assert lawful["holdout19"]["pass"][1] == 22 and lawful["holdout"]["pass"][1] > 22


def test_the_twentieth_and_twenty_first_fresh_samples_are_scored_on_their_own(result):
    """The claim files' `batch: 20` items (claims20: FDA and FTC letters collected by wave, with lawful label lines on
    the same themes, from sources no earlier item cites, scored once on the code as found) count in the holdout and
    in their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout20"]["disease-claim"][1] == 53 and claims["holdout"]["disease-claim"][1] > 53
        assert lawful["holdout20"]["pass"][1] == 30 and lawful["holdout"]["pass"][1] > 30

        # `batch: 21` (claims20: letters collected after the batch 20 changes, scored once before any change for it).
        assert claims["holdout21"]["disease-claim"][1] == 25 and claims["holdout"]["disease-claim"][1] > 25
        assert lawful["holdout21"]["pass"][1] == 15 and lawful["holdout"]["pass"][1] > 15


def test_claim_batch_22_is_its_own_column(result):
    """The claim files' `batch: 22` items (claims22: page prose and product data from public repositories, taglines,
    product and category names, claims over two sentences, scored once on the code as found) count in the holdout and
    in their own column, with the verdict counts they were collected with."""
    checks = result["checks"]
    for target in ("labels (SUP303)", "pages (SUP404)"):
        claims = checks[f"disease-claims on {target}"]
        lawful = checks[f"structure-function on {target}"]
        assert claims["holdout22"]["disease-claim"][1] == 25 and claims["holdout"]["disease-claim"][1] > 25
        assert lawful["holdout22"]["pass"][1] == 20 and lawful["holdout"]["pass"][1] > 20

        # `batch: 23` (claims22: product data collected after the batch 22 changes, scored once before any change).
        assert claims["holdout23"]["disease-claim"][1] == 20 and claims["holdout"]["disease-claim"][1] > 20
        assert lawful["holdout23"]["pass"][1] == 15 and lawful["holdout"]["pass"][1] > 15
