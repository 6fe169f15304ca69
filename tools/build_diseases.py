#!/usr/bin/env python3
"""Write rules/data/diseases.yaml, the named-disease list of the disease-claim reader, from ICD-10-CM.

    python tools/build_diseases.py          # rewrite rules/data/diseases.yaml
    python tools/build_diseases.py --check  # exit 1 if the committed file is not what this script writes

It walks ICD-10-CM's categories and subcategories (the `simple-icd-10-cm` package, a test dependency, not a runtime
one), leaves out the chapters and codes that are not diseases a supplement could claim against (injuries,
external causes, Z codes, pregnancy, symptoms, nutritional deficiencies: tools/disease-names.yaml says which and
why), derives lay names from the descriptions (drops "unspecified", qualifiers after a comma or "with"/"without",
parentheses; "Acute nasopharyngitis [common cold]" also gives "common cold"; "Type 2 diabetes mellitus" also gives
"type 2 diabetes"), drops the names FDA treats as structure/function when mild or occasional, and adds the hand
list of lay names with their sources. Every entry keeps its ICD code.

It also adds the Human Disease Ontology's names and exact synonyms (tools/doid-names.yaml, extracted from a DO
release by tools/build_doid_names.py): the curated names ICD-10-CM's descriptions do not give ("restless legs
syndrome", "chickenpox", "tuberculosis", "mini-stroke"), filtered the same way through the ICD-10-CM code DO maps
each term to, plus a list of DO names that are ordinary words or structure/function states.

It lives in tools/ rather than rules/: rules/ ships inside the wheel, and this script and its inputs are only for
maintaining the data, with a dependency users do not install.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tools" / "disease-names.yaml"
DOID = ROOT / "tools" / "doid-names.yaml"
OUTPUT = ROOT / "rules" / "data" / "diseases.yaml"

_CUT = re.compile(
    r",| with | without | due to | in diseases classified| not elsewhere| complicating | following | not "
)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\([^)]*\)")
_NAME = re.compile(r"^[a-z0-9][a-z0-9' -]*[a-z0-9]$")
_MOST_WORDS = 5


def _in_range(code: str, spec: str) -> bool:
    first, _, last = spec.partition("-")
    if not last:
        return code == first or code.startswith(first + ".") or (len(first) > 3 and code.startswith(first))
    head = code[:3]
    return first <= head <= last[:3]


def lay_names(description: str, inputs: dict) -> list[str]:
    """The names a description gives, plain: "Acute nasopharyngitis [common cold]" → nasopharyngitis, common
    cold, acute nasopharyngitis."""
    text = description.lower()
    # A bracketed synonym of two words or more is a name ("[common cold]"); a one-word one is an eponym ("[Baker]").
    found = [m.group(1) for m in _BRACKET.finditer(text) if " " in m.group(1).strip()]
    text = _BRACKET.sub(" ", text)
    text = _PAREN.sub(" ", text)
    found.append(_CUT.split(text, maxsplit=1)[0])
    names: list[str] = []
    drop, leading, trailing = set(inputs["drop-words"]), inputs["strip-leading"], inputs["strip-trailing"]
    for raw in found:
        words = raw.replace("\u2019", "'").split()
        if not words or any(w in drop for w in words):
            continue
        variants = [words]
        stripped = list(words)
        while stripped and stripped[0] in leading:
            stripped = stripped[1:]
        while stripped and stripped[-1] in trailing:
            stripped = stripped[:-1]
        if stripped and stripped != words:
            variants.append(stripped)
        for variant in variants:
            name = " ".join(variant)
            # A lone short token is an abbreviation ICD coins ("pots", "raeb"): the common ones are in the hand list.
            if len(variant) == 1 and len(name) <= 4:
                continue
            if 1 <= len(variant) <= _MOST_WORDS and _NAME.match(name) and name not in names:
                names.append(name)
    return names


def build(inputs: dict, doid: dict | None = None) -> str:
    import simple_icd_10_cm as icd

    excluded_chapters = {str(c) for c in inputs["exclude-chapters"]}
    excluded_codes = list(inputs["exclude-codes"])
    excluded_names = set(inputs["exclude-names"])
    hand = {entry["name"].lower() for entry in inputs["lay"]}

    def excluded(code: str) -> bool:
        chapter = icd.get_ancestors(code)[-1]
        return chapter in excluded_chapters or any(_in_range(code, spec) for spec in excluded_codes)

    entries: dict[str, str] = {}
    for code in icd.get_all_codes(with_dots=True):
        if not (icd.is_category(code) or (icd.is_subcategory(code) and len(code) == 5)):
            continue
        if excluded(code):
            continue
        for name in lay_names(icd.get_description(code), inputs):
            if name in excluded_names or name in hand or name in entries:
                continue
            entries[name] = code
    ontology: dict[str, str] = {}
    if inputs.get("use-disease-ontology", True) or doid is not None:  # off in the shipped list (see its reason)
        doid = read_doid() if doid is None else doid
        ontology = ontology_names(doid, inputs, excluded, icd.is_valid_item, set(entries) | hand | excluded_names)
    version = getattr(icd, "__version__", None) or _package_version()
    lines = [
        "# Named diseases for the disease-claim reader (src/supplint/kinds/_claims.py): 21 CFR 101.93(g)(2)(i).",
        f"# GENERATED by tools/build_diseases.py from ICD-10-CM (simple-icd-10-cm {version}) and the hand list in",
        "# tools/disease-names.yaml, with the Human Disease Ontology's names (tools/doid-names.yaml). Do not edit:",
        "# change the inputs and run the script (a test checks this file is what it writes). Each ICD entry is a",
        "# lay name derived from the code's description; each hand entry is a common name for a disease ICD-10-CM",
        "# names clinically, with where the name is used.",
        "icd10cm:",
    ]
    # One entry a line, each a JSON value (JSON is YAML too): the reader takes the fast path of reading lines
    # (src/supplint/kinds/_claims.py), thousands of entries in a few milliseconds.
    for name in sorted(entries):
        lines.append(f"  - {_scalar([entries[name], name])}")
    if ontology:
        lines += [
            f"# Human Disease Ontology {doid['release']} ({doid['source']}),",
            f"# licence: {doid['licence']}",
            "# Its names and exact synonyms that ICD-10-CM does not give (tools/doid-names.yaml), filtered as above;",
            "# each with the ICD-10-CM code DO maps it to, or its DOID where DO maps none.",
            "disease-ontology:",
        ]
        lines += [f"  - {_scalar([ontology[name], name])}" for name in sorted(ontology)]
    lines.append("lay:")
    for entry in sorted(inputs["lay"] + misspelt(inputs), key=lambda e: e["name"].lower()):
        item = {"name": entry["name"], "code": str(entry["code"])}
        if entry.get("exact"):
            item["exact"] = True
        item["source"] = entry["source"]
        lines.append(f"  - {_scalar(item)}")
    return "\n".join(lines) + "\n"


def ontology_names(doid: dict, inputs: dict, excluded, valid, known: set[str]) -> dict[str, str]:
    """The Disease Ontology's names (tools/doid-names.yaml) that the ICD names and the hand list do not already
    give: {name: code}. A term is left out when its ICD-10-CM code is in an excluded chapter or range; a name, when
    it has an administrative word (`doid-drop-words`), is a lone word of four letters or fewer, is listed in
    `exclude-names` or in `doid-exclude-names` (ordinary words, structure/function states, signs, procedures)."""
    drop = set(inputs.get("doid-drop-words") or inputs["drop-words"])
    refused = set(inputs.get("doid-exclude-names") or ()) | set(known)
    refused_terms = set(inputs.get("doid-exclude-terms") or ())
    found: dict[str, str] = {}
    for row in doid.get("terms") or ():
        term, code, names = row[0], row[1], row[2:]
        if term in refused_terms:
            continue
        if code and not valid(code):
            code = code[:3] if valid(code[:3]) else ""
        if code and excluded(code):
            continue
        for name in names:
            words = name.split()
            if name in refused or name in found or any(w in drop for w in words):
                continue
            if len(words) == 1 and len(name) <= 4:
                continue
            found[name] = code or term
    return found


def misspelt(inputs: dict) -> list[dict]:
    """The hand list's names with each common misspelling of one of their words (`misspellings`): "high cholestrol"
    for "high cholesterol", with the right name's code; a misspelt word is still the disease's name to a reader."""
    names = {entry["name"].lower() for entry in inputs["lay"]}
    found: list[dict] = []
    for fix in inputs.get("misspellings") or ():
        right = re.compile(r"(?<![\w'])" + re.escape(fix["right"]) + r"(?![\w'])")
        for entry in inputs["lay"]:
            name = right.sub(fix["wrong"], entry["name"])
            if name == entry["name"] or name.lower() in names:
                continue
            names.add(name.lower())
            source = f'misspelling of "{entry["name"]}": {fix["source"]}'
            item = {"name": name, "code": entry["code"], "source": source}
            if entry.get("exact"):
                item["exact"] = True
            found.append(item)
    return found


def read_doid(path: Path = DOID) -> dict:
    """tools/doid-names.yaml, written by tools/build_doid_names.py: its header and its rows, read line by line."""
    table: dict = {"terms": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  - "):
            table["terms"].append(json.loads(line[4:]))
        elif line and not line.startswith(("#", " ")) and ": " in line:
            key, _, value = line.partition(": ")
            table[key] = json.loads(value)
    return table


def _scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON value is a YAML flow node


def _package_version() -> str:
    from importlib.metadata import version

    return version("simple-icd-10-cm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    inputs = yaml.safe_load(INPUTS.read_text(encoding="utf-8"))
    text = build(inputs)
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run python tools/build_diseases.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
