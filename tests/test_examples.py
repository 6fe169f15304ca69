"""Every bundled example, checked by code and line (the examples are the documentation of what fires)."""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import EXAMPLES, run_cli

# (code, line) of every finding each example must produce, and nothing else (default population: adults).
EXPECTED = {
    # core: vitamin D and K pairing, upper limits, megadoses, consult note
    "d3-k2-softgel.yaml": [],
    "d3-5000-softgel.yaml": [("SUP101", 13), ("SUP201", 13), ("SUP202", 13)],
    "d3-5000-k2-softgel.yaml": [("SUP201", 13)],
    "d-k1-drops.yaml": [("SUP102", 15)],
    "d3-low-k2-capsule.yaml": [("SUP104", 16)],
    "bone-formula-k-unspecified.yaml": [("SUP103", 16)],
    "calcium-d3-tablet.yaml": [("SUP201", 19)],
    "multivitamin-50-plus.yaml": [],
    "b12-sublingual.yaml": [("SUP202", 13)],
    "biotin-zinc-hair-formula.yaml": [("SUP203", 11)],
    "magnesium-glycinate.yaml": [("SUP301", 16)],
    "eye-health-areds.yaml": [("SUP201", 26)],
    "folic-acid-b-complex.yaml": [("SUP201", 15)],
    "methylfolate-b-complex.yaml": [],
    # amounts: %DV arithmetic, units, the two amounts of a row (each with its clean twin)
    "legacy-vitamin-d-400iu.yaml": [("SUP206", 14), ("SUP205", 15)],
    "vitamin-d-10mcg.yaml": [],
    "d3-k2-4000iu-mismatch.yaml": [("SUP201", 14), ("SUP207", 14)],
    "selenium-chromium-ug.yaml": [("SUP208", 13), ("SUP208", 17)],
    "selenium-chromium.yaml": [],
    "vitamin-c-dv-slip.yaml": [("SUP204", 14)],
    "vitamin-c-500.yaml": [],
    # statements and claims
    "iron-tablet-no-warning.yaml": [("SUP304", 16)],
    "prenatal-multivitamin.yaml": [],
    "minerals-misspelled.yaml": [("SUP006", 12), ("SUP006", 13)],
    "kids-gummy-children-4-8.yaml": [("SUP201", 17)],
    "iron-tablet-with-warning.yaml": [],
    "turmeric-claims-no-disclaimer.yaml": [("SUP302", 21)],
    "stress-formula-disclaimer-fda.yaml": [("SUP309", 21)],
    "stress-formula-disclaimer-no-serial-comma.yaml": [],
    "joint-formula-disease-claim.yaml": [("SUP303", 25)],
    "k2-mk7-capsule.yaml": [("SUP305", 11)],
    "magnesium-citrate-no-identity.yaml": [("SUP306", 2)],
    "omega-3-fish-oil-softgel.yaml": [("SUP307", 20)],
    "elderberry-zinc-lozenge-high-in.yaml": [("SUP308", 27)],
    # suppression: the megadose findings are suppressed on purpose; a stale comment is reported
    "b12-suppressed.yaml": [("SUP009", 18)],
    # pages: affiliate posts in Markdown and HTML (labels they name are checked and reported at the naming line)
    "pages/best-vitamin-d3-k2.md": [],
    "pages/no-disclosure.md": [("SUP401", 7)],
    "pages/late-disclosure.md": [("SUP402", 10)],
    "pages/d3-5000-roundup.md": [("SUP101", 4), ("SUP201", 4), ("SUP202", 4)],
    "pages/missing-consult-note.md": [("SUP403", 9)],
    "pages/disease-claim.md": [("SUP404", 8)],
    "pages/disease-claims-paragraph.md": [("SUP404", 8), ("SUP404", 10), ("SUP404", 10), ("SUP404", 16)],  # one per claim sentence
    "pages/broken-reference.md": [("SUP405", 3)],
    "pages/roundup.html": [],
    "pages/sponsored-no-disclosure.html": [("SUP401", 10)],
    # site shapes: Hugo's TOML front matter, an MDX post (its JSX is not prose), a disclosure in a footnote (it
    # renders at the page's end, after the link, wherever its definition is written)
    "pages/hugo-toml-roundup.md": [("SUP101", 7), ("SUP201", 7), ("SUP202", 7)],
    "pages/mdx-post.mdx": [],
    "pages/footnote-disclosure.md": [("SUP402", 8)],
    "pages/vague-disclosure.md": [("SUP406", 6)],
    "pages/product-link-no-consult.md": [("SUP403", 8)],
    # daily stacks: the products taken together (each label is checked on its own too)
    "stacks/daily-stack.yaml": [("SUP501", 6), ("SUP501", 7)],
    "stacks/balanced-stack.yaml": [],
    # malformed labels
    "invalid/broken-yaml.yaml": [("SUP001", 9)],
    "invalid/typo-keys.yaml": [("SUP002", 6), ("SUP002", 13)],
    "invalid/amounts.yaml": [("SUP004", 10), ("SUP003", 13), ("SUP004", 15)],
    "invalid/vitamin-e-iu.yaml": [("SUP004", 10), ("SUP206", 10)],
    # folate in plain mcg (SUP209, and its %DV on the pre-2016 basis) and the same tablet declared in mcg DFE
    "folate-plain-mcg.yaml": [("SUP209", 13), ("SUP205", 14)],
    "folate-mcg-dfe.yaml": [],
}


def test_every_example_is_listed():
    on_disk = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".md", ".mdx", ".html")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name):
    found = [(f.code, f.line) for f in supplint.check_file(EXAMPLES / name)]
    assert sorted(found) == sorted(EXPECTED[name])


def test_every_implemented_rule_fires_on_some_example():
    """(That each rule also stays quiet on a clean twin is the rule pack's `passes` example: test_rule_packs.)"""
    from supplint.ruleset.registry import registry

    fired = {code for expected in EXPECTED.values() for code, _ in expected}
    for code, spec in registry().rules.items():
        if spec.examples.fires is None:
            continue  # internal-error: an example that made supplint fail would be a bug to fix (test_rule_packs)
        assert code in fired, f"{code} fires on no example"


#: Pages whose findings the library copies from the labels they name; a CLI run reports those once, at the label.
NAMED_LABEL_COPIES = {"pages/d3-5000-roundup.md", "pages/hugo-toml-roundup.md"}


def test_cli_on_examples_matches_the_library(tmp_path):
    result = run_cli("check", "examples", "--output-format", "json")
    assert result.returncode == 1, result.stderr
    from_cli = sorted((f["file"].replace("\\", "/").removeprefix("examples/"), f["code"], f["line"])
                      for f in json.loads(result.stdout))
    expected = sorted((name, code, line) for name, found in EXPECTED.items() for code, line in found
                      if name not in NAMED_LABEL_COPIES)
    assert from_cli == expected
    for page in NAMED_LABEL_COPIES:
        assert f"examples/{page} names label ../d3-5000-softgel.yaml, which has 3 problems" in result.stderr


@pytest.mark.parametrize(("population", "fires"), [("adults-51+", True), ("adults-19-50", False), ("adults", True)])
def test_calcium_upper_limit_depends_on_population(population, fires):
    found = supplint.check_file(EXAMPLES / "calcium-d3-tablet.yaml", population=population)
    assert (("SUP201", 19) in [(f.code, f.line) for f in found]) is fires
