#!/usr/bin/env python3
"""How often supplint's text rules judge the real wording of tests/data/corpus/ right; see bench/README.md.

    python bench/accuracy.py [--split dev|holdout|all] [--json]

Each corpus item goes through the public API, ``supplint.check_text(text, filename)``, wrapped in the smallest page
or label the rule reads (see the ``_wrap_*`` functions): a disclosure sentence before an affiliate link, a link URL
on a page without disclosure, a consult sentence in a label's warnings (SUP301) and in the prose of a page that
embeds a label or links to a retailer's product page (SUP403), a claim in a label's claims (SUP303) and as a page's
prose (SUP404).

For every check it prints the share judged right, per split: dev items are the ones vocabularies are tuned on,
holdout items only measure whether the tuning generalises (tests/data/corpus/README.md). Precision and recall are
printed for each rule as a detector of the problem it reports (a "positive" is an item on which the rule must
fire). ``--json`` prints the same figures as one JSON object, which tests/test_accuracy.py reads through
``score()``.

The text output ends with the real pages of tests/data/pages (``score_pages()``): each page checked whole, by code
and line against the findings judged by hand in its sources.yaml (tests/test_real_pages.py holds them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

import supplint

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"

# An amzn.to short link: recognised as affiliate by every version of the vocabulary, so a disclosure item is judged
# on its words alone.
_LINK = "https://amzn.to/3abcdef"

_LABEL = """product: Example Magnesium Glycinate
identity: Dietary Supplement
form: capsule
serving:
  size: 2 capsules
facts:
  - {name: Magnesium, as: magnesium glycinate, amount: 200 mg}
"""
_DISCLAIMER = (
    "disclaimer: This statement has not been evaluated by the Food and Drug Administration. This product "
    "is not intended to diagnose, treat, cure, or prevent any disease.\n"
)


def _quoted(text: str) -> str:
    return json.dumps(" ".join(text.split()), ensure_ascii=False)  # a JSON string is a YAML flow scalar


def _prose(text: str) -> str:
    """The item as one Markdown paragraph: collapsed to one line, so no corpus text turns into a heading or list."""
    return " ".join(text.split())


def _wrap_disclosure(text: str) -> tuple[str, str]:
    return "page.md", f"# Our magnesium pick\n\n{_prose(text)}\n\nOur pick is [Example Magnesium]({_LINK}).\n"


def _wrap_link(url: str) -> tuple[str, str]:
    return "page.md", f"# Our magnesium pick\n\nOur pick is [Example Magnesium]({url.strip()}).\n"


def _wrap_consult_label(text: str) -> tuple[str, str]:
    return "label.yaml", _LABEL + f"warnings: {_quoted(text)}\n"


def _wrap_consult_page(text: str) -> tuple[str, str]:
    fence = "```supplement\n" + _LABEL + "```\n"
    return "page.md", f"# Our magnesium pick\n\n{_prose(text)}\n\n{fence}"


def _wrap_consult_product_page(text: str) -> tuple[str, str]:
    """A page that recommends through a retailer's product link (no label): SUP403 must know it recommends."""
    return "page.md", (
        f"# Our magnesium pick\n\nMagnesium glycinate is the supplement we take: 200 mg per capsule.\n\n"
        f"{_prose(text)}\n\nBuy [Example Magnesium](https://www.iherb.com/pr/example-magnesium/12345).\n"
    )


def _wrap_claim_label(text: str) -> tuple[str, str]:
    return "label.yaml", _LABEL + f"claims:\n  - {_quoted(text)}\n" + _DISCLAIMER


def _wrap_claim_page(text: str) -> tuple[str, str]:
    return "page.md", f"# Magnesium\n\n{_prose(text)}\n"


# check -> (corpus file, wrapper, {verdict: what is right}), where what is right is (codes that must be raised,
# codes that must not be). Every code of both sets is selected, and nothing else, so other rules do not interfere.
CHECKS = {
    "affiliate-links (SUP401)": (
        "affiliate-links.yaml",
        _wrap_link,
        {"affiliate": ({"SUP401"}, set()), "plain": (set(), {"SUP401"})},
    ),
    "disclosures (SUP401/SUP406)": (
        "disclosures.yaml",
        _wrap_disclosure,
        {
            "adequate": (set(), {"SUP401", "SUP406"}),
            "vague": ({"SUP406"}, {"SUP401"}),
            "not-a-disclosure": ({"SUP401"}, {"SUP406"}),
        },
    ),
    "consult-notes on labels (SUP301)": (
        "consult-notes.yaml",
        _wrap_consult_label,
        {"advice": (set(), {"SUP301"}), "not-advice": ({"SUP301"}, set())},
    ),
    "consult-notes on pages (SUP403)": (
        "consult-notes.yaml",
        _wrap_consult_page,
        {"advice": (set(), {"SUP403"}), "not-advice": ({"SUP403"}, set())},
    ),
    "consult-notes on product-link pages (SUP403)": (
        "consult-notes.yaml",
        _wrap_consult_product_page,
        {"advice": (set(), {"SUP403"}), "not-advice": ({"SUP403"}, set())},
    ),
    "disease-claims on labels (SUP303)": (
        "disease-claims.yaml",
        _wrap_claim_label,
        {"disease-claim": ({"SUP303"}, set())},
    ),
    "disease-claims on pages (SUP404)": (
        "disease-claims.yaml",
        _wrap_claim_page,
        {"disease-claim": ({"SUP404"}, set())},
    ),
    "structure-function on labels (SUP303)": (
        "structure-function.yaml",
        _wrap_claim_label,
        {"pass": (set(), {"SUP303"})},
    ),
    "structure-function on pages (SUP404)": (
        "structure-function.yaml",
        _wrap_claim_page,
        {"pass": (set(), {"SUP404"})},
    ),
}

# What each rule reports, for precision and recall: an item is a positive for a rule when the rule must fire on it.
RULES = ("SUP301", "SUP303", "SUP401", "SUP403", "SUP404", "SUP406")


def _implemented(codes) -> list[str]:
    """The codes this version of supplint can run (a rule still reserved in rules/catalogue.yaml with no pack is an
    error to select; it then counts as never raised, so the figures before and after it is built compare)."""
    usable = []
    for code in codes:
        try:
            supplint.check_text("", "page.md", select=[code])
        except Exception:  # noqa: BLE001 - SelectionError (reserved, not implemented): bench/ uses only the API
            continue
        usable.append(code)
    return usable


def _items(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8")) or []


def _splits(item: dict) -> tuple[str, ...]:
    """The tallies an item counts in: its split, "all", and, for a fresh holdout collected later (`batch: N`, scored
    once before the vocabularies changed for it), also "holdoutN", so that batch is printed on its own."""
    split = item.get("split", "dev")
    batch = item.get("batch")
    return (split, "all") + ((f"{split}{batch}",) if batch is not None else ())


def score() -> dict:
    """{"checks": {check: {split: {verdict: [right, total]}}}, "rules": {code: {split: {tp, fp, fn, tn}}}}."""
    checks: dict = {}
    rules: dict = {code: defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0}) for code in RULES}
    for check, (file, wrap, expect) in CHECKS.items():
        codes = sorted(set().union(*(must | must_not for must, must_not in expect.values())))
        selected = _implemented(codes)
        per_split: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for item in _items(file):
            verdict = item["verdict"]
            if verdict not in expect:
                continue
            must, must_not = expect[verdict]
            filename, text = wrap(str(item["text"]))
            raised = {f.code for f in supplint.check_text(text, filename, select=selected)}
            right = must <= raised and not (must_not & raised)
            for split in _splits(item):
                tally = per_split[split][verdict]
                tally[0] += right
                tally[1] += 1
                for code in codes:
                    if code not in must and code not in must_not:
                        continue
                    key = ("t" if (code in raised) == (code in must) else "f") + ("p" if code in raised else "n")
                    rules[code][split][key] += 1
        checks[check] = {split: dict(verdicts) for split, verdicts in per_split.items()}
    return {"checks": checks, "rules": {code: dict(splits) for code, splits in rules.items()}}


# Real pages (tests/data/pages/sources.yaml): the codes judged on each whole page, by code and line.
PAGE_CODES = ("SUP401", "SUP403", "SUP404", "SUP406")


def page_items() -> list[dict]:
    return yaml.safe_load((PAGES / "sources.yaml").read_text(encoding="utf-8")) or []


def page_verdicts(item: dict) -> dict:
    """One page of sources.yaml checked whole: {"expected", "raised", "missed", "forbidden"}, each a sorted list of
    (code, line). A scored finding at a line neither expected nor optional is forbidden (a false alarm)."""
    text = (PAGES / item["file"]).read_text(encoding="utf-8")
    found = supplint.check_text(text, item["file"], select=_implemented(PAGE_CODES))
    raised = sorted({(f.code, f.line) for f in found})
    expected = sorted({(e["code"], e["line"]) for e in item.get("expected") or ()})
    optional = {(e["code"], e["line"]) for e in item.get("optional") or ()}
    return {
        "expected": expected,
        "raised": raised,
        "missed": [e for e in expected if e not in raised],
        "forbidden": [r for r in raised if r not in expected and r not in optional],
    }


def score_pages() -> dict:
    """{code: {"expected": n, "caught": n, "forbidden": n, "pages": n}} over tests/data/pages, and "files": the
    verdict of each page."""
    per_code = {code: {"expected": 0, "caught": 0, "forbidden": 0} for code in PAGE_CODES}
    files = {}
    for item in page_items():
        verdict = page_verdicts(item)
        files[item["file"]] = verdict
        for code, _ in verdict["expected"]:
            per_code[code]["expected"] += 1
        for code, line in verdict["expected"]:
            per_code[code]["caught"] += (code, line) in verdict["raised"]
        for code, _ in verdict["forbidden"]:
            per_code[code]["forbidden"] += 1
    return {"codes": per_code, "files": files, "pages": len(files)}


def _print_pages(result: dict) -> None:
    print(f"\nreal pages ({result['pages']}, tests/data/pages): expected findings raised, forbidden ones raised")
    for code, counts in result["codes"].items():
        print(
            f"{code:8} expected {counts['caught']:>3}/{counts['expected']:<3} forbidden raised {counts['forbidden']:>3}"
        )
    for name, verdict in result["files"].items():
        if verdict["missed"] or verdict["forbidden"]:
            print(f"  {name}: missed {verdict['missed']} forbidden {verdict['forbidden']}")


def rate(tally) -> float:
    right, total = tally
    return right / total if total else 1.0


def precision_recall(counts: dict) -> tuple[float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def below(result: dict, floors: dict[str, dict[str, float]], split: str = "dev") -> list[str]:
    """Each (check, verdict) of ``floors`` whose share right on ``split`` is under its floor, in words."""
    failures = []
    for check, verdicts in floors.items():
        per_verdict = result["checks"].get(check, {}).get(split, {})
        for verdict, floor in verdicts.items():
            tally = per_verdict.get(verdict, [0, 0])
            if tally[1] == 0 or rate(tally) < floor:
                failures.append(f"{check} / {verdict}: {tally[0]}/{tally[1]} on {split}, floor {floor:.0%}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = score()
    if args.json:
        json.dump(result, sys.stdout, indent=2, sort_keys=True)
        print()
        return 0
    batches = sorted(
        {s for per in result["checks"].values() for s in per} - {"dev", "holdout", "all"},
        key=lambda s: (len(s), s),  # holdout10 after holdout9
    )
    splits = ("dev", "holdout", *batches, "all")
    print(f"{'check':46} {'verdict':18} " + " ".join(f"{s:>15}" for s in splits))
    for check, per_split in result["checks"].items():
        verdicts = sorted({v for s in per_split.values() for v in s})
        for verdict in verdicts:
            cells = []
            for split in splits:
                tally = per_split.get(split, {}).get(verdict, [0, 0])
                cells.append(f"{tally[0]:>4}/{tally[1]:<4} {rate(tally):5.0%}" if tally[1] else f"{'-':>15}")
            print(f"{check:46} {verdict:18} " + " ".join(cells))
    print()
    print(f"{'rule':8} " + " ".join(f"{s + ' P/R':>15}" for s in splits))
    for code, per_split in result["rules"].items():
        cells = []
        for split in splits:
            counts = per_split.get(split)
            if not counts:
                cells.append(f"{'-':>15}")
                continue
            p, r = precision_recall(counts)
            cells.append(f"{p:6.0%} / {r:5.0%}")
        print(f"{code:8} " + " ".join(cells))
    _print_pages(score_pages())
    return 0


if __name__ == "__main__":
    sys.exit(main())
