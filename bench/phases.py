#!/usr/bin/env python3
"""Where a label's time goes, phase by phase, in this process: CPU µs per label for each step of a check.

    python bench/phases.py DIR [--limit N]

Each label of DIR (a folder bench/gen_corpus.py wrote) goes through the engine's steps one at a time, each timed
on its own: read, compose (the C parser's node tree), build (the data from the nodes), validate (the label
model), resolve (rows matched and converted), each rule kind, findings (hits placed and stamped) and json (the
reporter's encoding). Labels are checked one after another and let go, as a run does. Unlike a profiler, nothing
is inflated per call, so small functions keep their true share; the figures are CPU time of this process
(``time.process_time``), which other work on a shared machine still slows a little. Files that do not load or
validate are counted and left out after the step that refuses them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target", help="a folder of labels")
    ap.add_argument("--limit", type=int, default=0, help="only the first N labels (0: all)")
    a = ap.parse_args(argv)

    clock = time.process_time
    start = clock()
    from supplint.engine import Linter
    from supplint.label.loader import Document, LoadError, load
    from supplint.label.validation import validate
    from supplint.report.json import encoded

    linter = Linter.from_options()
    ready = clock() - start

    names = sorted(n for n in os.listdir(a.target) if n.endswith((".yaml", ".yml")))
    if a.limit:
        names = names[: a.limit]
    spent: dict[str, float] = defaultdict(float)
    kinds: dict[str, float] = defaultdict(float)
    counts = {"labels": 0, "not loaded": 0, "not valid": 0, "findings": 0}

    def timed(step: str, work, *args):
        began = clock()
        try:
            return work(*args)
        finally:
            spent[step] += clock() - began

    for name in names:
        path = os.path.join(a.target, name)
        text = timed("read", _read, path)
        try:
            doc: Document = timed("compose + build", load, text)
        except LoadError:
            counts["not loaded"] += 1
            continue
        label, _ = timed("validate", validate, doc)
        if label is None:
            counts["not valid"] += 1
            continue
        counts["labels"] += 1
        resolved = timed("resolve", linter.resolve_label, label)
        findings = timed("findings", linter.findings, resolved.issues, path, doc)
        for spec, evaluate, options in linter.active:
            began = clock()
            hits = list(evaluate(spec, resolved, options))
            kinds[spec.kind] += clock() - began
            for hit in hits:
                findings.append(timed("findings", linter.finding, hit, path, spec, doc, text))
        timed("json", encoded, findings)
        counts["findings"] += len(findings)

    per = max(counts["labels"], 1)
    spent["rules (all kinds)"] = sum(kinds.values())
    total = sum(spent.values())
    print(
        f"{counts['labels']:,} labels checked ({counts['not loaded']} did not load, {counts['not valid']} did not "
        f"validate), {counts['findings']:,} findings; start-up (imports, rules, tables) {ready * 1000:.0f} ms, "
        f"then {total:.2f} s in the steps below (µs per label checked, share of those seconds)"
    )
    print(f"{'step':<24}{'µs/label':>10}{'share':>8}")
    for step, seconds in spent.items():
        print(f"{step:<24}{seconds / per * 1e6:>10.1f}{seconds / total:>8.1%}")
    for kind, seconds in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  kind {kind:<19}{seconds / per * 1e6:>10.1f}{seconds / total:>8.1%}")
    return 0


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read()


if __name__ == "__main__":
    sys.exit(main())
