"""Real pages (tests/data/pages): `supplint check` on each, compared by code and line with the findings judged by
hand in sources.yaml (SUP401, SUP403, SUP404, SUP406).

Every expected finding must be raised and no scored finding may appear at a line that is neither expected nor
optional, except the known gaps below. Each gap is a vocabulary that another module owns (recorded for its owner in
sources.yaml's notes and the README); the test also fails when a gap closes, so the entry is removed and the page
is held to its full verdict from then on.
"""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import ROOT, run_in_process

PAGES = ROOT / "tests" / "data" / "pages"
SOURCES = yaml.safe_load((PAGES / "sources.yaml").read_text(encoding="utf-8"))
SCORED = "SUP401,SUP403,SUP404,SUP406"

# file -> (expected findings not raised, forbidden findings raised), by code and line, each with its reason.
KNOWN: dict[str, tuple[set[tuple[str, int]], set[tuple[str, int]]]] = {
    # batch 5's gaps were closed by pagefp4 (README, "Batch 5's gaps"); batch 7 (measurepages, untouched) left these,
    # recorded as found and not fixed (README, "Batch 7 (untouched)"):
    # Drugs compared with drugs on a page that sells nothing: "new sleep aids and therapies ... without the side
    # effects associated with traditional medications" (a substitute's words, `substitutes`) and "new therapeutic
    # classes like DORAs that avoid the sedative-like effects of older sleep medications" (the drug class
    # "sedative"). Telling a drug's subject from a supplement's needs the sentence's subject, which the claim reader
    # does not parse; an exempt phrase for "therapies ... without the side effects" would also pass a supplement sold
    # as an "herbal therapy without the side effects of drugs", a claim.
    "doac-sleep-expert-summary.md": (set(), {("SUP404", 9), ("SUP404", 12)}),
    # Batch 9 (pages9, README "Batch 9"): a table flattened to one cell a paragraph, its column heading "Key Clinical
    # Uses" far above, so each disease cell ("Cardiovascular disease, Arrhythmia") is a verbless fragment that the
    # prose reader takes for a mention; reading a run of short cells as a table needs the page's shape, not a word.
    "exocore-magnesium-glycinate.md": ({("SUP404", 17), ("SUP404", 19), ("SUP404", 23), ("SUP404", 27)}, set()),
    # Batch 10 (pages9, README "Batch 10"): a video sales letter that never names what it sells as a supplement (a
    # "home remedy" in "bottles"), so its BUY NOW buttons make no recommendation of supplements (SUP403, whose prose
    # test needs supplement words; "remedy" and "bottle" are everyday words too).
    "glycofix-vsl.html": ({("SUP403", 27)}, set()),
    # batch 11 (pages11): the claim reader's reach back: "Doctors call it BPH ... It's not your bladder giving up. It's
    # a blockage caused by swelling. And there is a way to shrink that swelling naturally." claims the disease four
    # sentences back through "that swelling"; a definite reference reaches over one sentence that names no disease,
    # and reaching over three would tie later sentences to diseases a page only explained.
    "bioleanlab-prostavive-review.md": ({("SUP404", 14)}, set()),
}


def test_the_corpus_is_complete():
    files = {item["file"] for item in SOURCES}
    on_disk = {p.name for p in PAGES.iterdir() if p.suffix in (".md", ".mdx", ".html", ".htm")} - {"README.md"}
    assert files == on_disk
    assert set(KNOWN) <= files
    for item in SOURCES:
        assert {"repo", "path", "commit"} <= set(item["source"]), item["file"]


def _raised(name: str) -> set[tuple[str, int]]:
    ran = run_in_process("check", "--select", SCORED, "--output-format", "json", "--exit-zero", str(PAGES / name))
    assert ran.returncode == 0, ran.stderr
    return {(f["code"], f["line"]) for f in json.loads(ran.stdout)}


@pytest.mark.parametrize("item", SOURCES, ids=lambda item: item["file"])
def test_real_page(item):
    raised = _raised(item["file"])
    expected = {(e["code"], e["line"]) for e in item.get("expected") or ()}
    optional = {(e["code"], e["line"]) for e in item.get("optional") or ()}
    missed = expected - raised
    forbidden = raised - expected - optional
    known_missed, known_forbidden = KNOWN.get(item["file"], (set(), set()))
    assert (missed, forbidden) == (known_missed, known_forbidden)


def test_the_figures_hold_their_floor():
    """Over the whole corpus: at least 75 % of the expected findings raised (every one but the known gaps), and no
    more false alarms than the known ones (bench/accuracy.py prints the same figures)."""
    expected = caught = false_alarms = 0
    per_code: dict[str, list[int]] = {}
    for item in SOURCES:
        raised = _raised(item["file"])
        wanted = {(e["code"], e["line"]) for e in item.get("expected") or ()}
        optional = {(e["code"], e["line"]) for e in item.get("optional") or ()}
        for code, line in wanted:
            tally = per_code.setdefault(code, [0, 0])
            tally[0] += (code, line) in raised
            tally[1] += 1
        expected += len(wanted)
        caught += len(wanted & raised)
        false_alarms += len(raised - wanted - optional)
    known_misses = sum(len(missed) for missed, _ in KNOWN.values())
    assert caught == expected - known_misses
    # 75 %: batch 5 came with 7 known misses of its 21 expected findings (pagefp4 closed them); batches 9 and 10 leave 5
    # of all 128 unraised;
    # the exact count above is what holds every page
    assert caught / expected >= 0.75
    # per code, every expected finding but the known gaps (batches 9 and 10: one SUP403, four SUP404)
    known_per_code: dict[str, int] = {}
    for missed, _ in KNOWN.values():
        for code, _line in missed:
            known_per_code[code] = known_per_code.get(code, 0) + 1
    assert all(tally[0] == tally[1] - known_per_code.get(code, 0) for code, tally in per_code.items()), per_code
    assert false_alarms <= sum(len(bad) for _, bad in KNOWN.values())
