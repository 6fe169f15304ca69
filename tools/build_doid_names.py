#!/usr/bin/env python3
"""Write tools/doid-names.yaml, the Disease Ontology's disease names, from a release of doid.obo.

    python tools/build_doid_names.py PATH/TO/doid.obo

The Human Disease Ontology (disease-ontology.org, github.com/DiseaseOntology/HumanDiseaseOntology) is a curated
list of human diseases, each with its name, its exact synonyms (other names for the same disease: "mini-stroke",
"restless legs syndrome" as "Willis-Ekbom disease") and cross-references to ICD-10-CM. This script keeps, for every
term that is not obsolete nor under a branch tools/disease-names.yaml leaves out (`doid-exclude-branches`), the
names of the shape a page could use (plain words, at most five, no lone abbreviation in capitals: those are the
hand list's job), the term's ICD-10-CM code (its own, or else its nearest ancestor's), and writes them one term a
line. tools/build_diseases.py reads that file and filters it like the ICD
names (excluded chapters and codes, structure/function words) into rules/data/diseases.yaml.

The .obo file is not kept in the repository (4 MB): the extract is, with the release it came from, so that
build_diseases.py needs no network and its --check runs in the tests.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tools" / "doid-names.yaml"
INPUTS = ROOT / "tools" / "disease-names.yaml"

_SYNONYM = re.compile(r'"((?:[^"\\]|\\.)*)"\s+(\w+)')
_SHAPE = re.compile(r"^[a-z0-9][a-z0-9' -]*[a-z0-9]$")
_ABBREVIATION = re.compile(r"^[A-Z0-9-]+$")
_MOST_WORDS = 5


def read_obo(text: str) -> tuple[dict[str, str], list[dict]]:
    """The header's tags and the [Term] stanzas, each {tag: [values]}."""
    header: dict[str, str] = {}
    terms: list[dict] = []
    stanza: dict | None = None
    in_header = True
    for line in text.splitlines():
        if line.startswith("["):
            in_header = False
            stanza = {} if line.strip() == "[Term]" else None
            if stanza is not None:
                terms.append(stanza)
            continue
        tag, sep, value = line.partition(": ")
        if not sep:
            continue
        if in_header:
            header.setdefault(tag, value)
        elif stanza is not None:
            stanza.setdefault(tag, []).append(value)
    return header, terms


def usable(name: str) -> str | None:
    """The name as a plain lower-case phrase, or None when it is not of a shape a page would write."""
    name = " ".join(name.replace("\u2019", "'").split())
    if not name or _ABBREVIATION.match(name):
        return None
    plain = name.lower()
    if len(plain.split()) > _MOST_WORDS or not _SHAPE.match(plain):
        return None
    return plain


def extract(text: str, branches: frozenset[str] = frozenset()) -> tuple[dict[str, str], list[list[str]]]:
    """The header, and a row [DOID, ICD-10-CM code, names...] for each live term outside the excluded `branches`
    (DOIDs: a term under one of them, at any depth, is left out)."""
    header, stanzas = read_obo(text)
    live = {s["id"][0]: s for s in stanzas if "id" in s and "is_obsolete" not in s}

    def parents(doid: str) -> list[str]:
        return [p.split(" ! ")[0].strip() for p in live[doid].get("is_a", ())]

    def under(doid: str) -> bool:
        queue, seen = [doid], set()
        while queue:
            current = queue.pop()
            if current in branches:
                return True
            if current in seen or current not in live:
                continue
            seen.add(current)
            queue += parents(current)
        return False

    def own_icd(stanza: dict) -> str:
        codes = sorted(x.split()[0].split(":", 1)[1] for x in stanza.get("xref", ()) if x.startswith("ICD10CM:"))
        return codes[0] if codes else ""

    def icd(doid: str) -> str:
        """The term's ICD-10-CM code, or its nearest ancestor's (breadth first)."""
        queue, seen = [doid], set()
        while queue:
            current = queue.pop(0)
            if current in seen or current not in live:
                continue
            seen.add(current)
            code = own_icd(live[current])
            if code:
                return code
            queue += parents(current)
        return ""

    rows: list[list[str]] = []
    for doid in sorted(live):
        if under(doid):
            continue
        stanza = live[doid]
        names = [stanza.get("name", [""])[0]]
        for synonym in stanza.get("synonym", ()):
            found = _SYNONYM.match(synonym)
            if found and found.group(2) == "EXACT":
                names.append(found.group(1))
        plain: list[str] = []
        for name in names:
            value = usable(name)
            if value and value not in plain:
                plain.append(value)
        if plain and doid != "DOID:4":  # DOID:4 is "disease" itself
            rows.append([doid, icd(doid), *plain])
    return header, rows


def render(header: dict[str, str], rows: list[list[str]], commit: str) -> str:
    lines = [
        "# Disease names of the Human Disease Ontology, extracted by tools/build_doid_names.py from doid.obo;",
        "# tools/build_diseases.py filters them into rules/data/diseases.yaml. Do not edit: run the script on a",
        "# release of doid.obo. Each row: DOID, ICD-10-CM code (the term's own or its nearest ancestor's, \"\" if",
        "# none), then the term's name and exact synonyms, lower case.",
        f"release: {json.dumps(header.get('data-version', ''))}",
        f"source: {json.dumps('DiseaseOntology/HumanDiseaseOntology, src/ontology/doid.obo at commit ' + commit)}",
        f"licence: {json.dumps(header.get('remark', ''))}",
        "terms:",
    ]
    lines += [f"  - {json.dumps(row, ensure_ascii=False)}" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("obo", type=Path, help="a doid.obo release")
    parser.add_argument("--commit", default="unknown", help="the repository commit the file was taken from")
    args = parser.parse_args(argv)
    import yaml

    inputs = yaml.safe_load(INPUTS.read_text(encoding="utf-8"))
    branches = frozenset(inputs.get("doid-exclude-branches") or ())
    header, rows = extract(args.obo.read_text(encoding="utf-8"), branches)
    OUTPUT.write_text(render(header, rows, args.commit), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
