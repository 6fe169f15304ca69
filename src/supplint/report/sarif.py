"""`sarif`: one SARIF 2.1.0 log for code scanning, with the rule catalogue (from the rules' own metadata) first, once,
then one result per finding as it comes. Machine-readable; what supplint puts in it is documented in
docs/output.md."""

from __future__ import annotations

import json
import os
from typing import Any, TextIO

from ..findings import Finding
from ..version import __version__
from .lines import unicode_ok
from .links import REPOSITORY, rule_help_uri
from .locations import Fingerprints, posix_path, span
from .reporter import ReportContext, Reporter
from .visible import json_safe

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
#: The key of supplint's own entry in a SARIF result's ``partialFingerprints``.
FINGERPRINT_KEY = "supplint/v1"
SRCROOT = "%SRCROOT%"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
#: Rule codes are grouped by hundreds (spec/rules.md); the group is a tag of each rule in SARIF.
GROUPS = {
    "0": "label-format",
    "1": "vitamin-d-and-k",
    "2": "amounts",
    "3": "statements-and-claims",
    "4": "pages",
    "5": "stack",
}


def _template_outline(template: str) -> str | None:
    """A message or hint template with its fields shown as <field>; None when it cannot be read."""
    from string import Formatter

    try:
        return "".join(
            literal + (f"<{field}>" if field is not None else "")
            for literal, field, _spec, _conversion in Formatter().parse(template)
        )
    except ValueError:
        return None


def what_to_do(spec) -> str:
    """The part of a rule's help that says what to change: its hint (fields shown as <field>), its safe fix, and
    how to keep a finding on purpose."""
    parts = []
    hint = _template_outline(spec.hint) if spec.hint else None
    if hint:
        parts.append(hint[0].upper() + hint[1:] + ("" if hint.endswith(".") else "."))
    else:
        parts.append("Correct what the finding's message points at; the message gives the figures.")
    if spec.fix:
        parts.append(f"A safe fix is available (`supplint check --fix`): {spec.fix.rstrip('.')}.")
    if spec.code != "SUP009":  # an unused suppression is not kept by another suppression
        comment = (
            f"<!-- supplint: disable={spec.code} -->"
            if getattr(spec, "target", "label") == "page"
            else f"# supplint: disable={spec.code}"
        )
        parts.append(f"To keep a finding on purpose, put `{comment}` on its line or the line above.")
    return " ".join(parts)


def rule_descriptor(spec, reference) -> dict[str, Any]:
    """One SARIF reportingDescriptor from a rule's own metadata (the data `supplint rule` shows)."""
    from .explain import render_rule

    rationale = " ".join(spec.rationale.split())
    todo = what_to_do(spec)
    tags = [GROUPS.get(spec.code[3], f"SUP{spec.code[3]}xx")]
    if spec.provisional:
        tags.append("provisional")
    if spec.fix:
        tags.append("fixable")
    uri = rule_help_uri(spec.code, spec.name)
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": rationale},
        "help": {
            "text": f"{rationale}\n\nWhat to do: {todo}\n\nDocumentation: {uri}",
            "markdown": render_rule(spec, reference, "markdown").rstrip() + f"\n\n### What to do\n\n{todo}\n",
        },
        "helpUri": uri,
        "defaultConfiguration": {"level": SARIF_LEVEL[spec.severity]},
        "properties": {"tags": tags, "provisional": spec.provisional},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a relative URI against %SRCROOT% (the directory supplint ran in); an absolute one
    becomes a file: URI. Characters a URI cannot hold (spaces, µ, %, :) are percent-encoded."""
    from pathlib import Path
    from urllib.parse import quote

    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    # as bytes: a file name that is not valid UTF-8 (held as surrogate escapes) keeps its own bytes
    return {"uri": quote(os.fsencode(posix_path(path)), safe="/"), "uriBaseId": SRCROOT}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


class SarifReporter(Reporter):
    """One SARIF log with one run: the tool and its rules first, then one result per finding as it comes."""

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self._started = False
        self._results = 0
        self._rule_index: dict[str, int] = {}
        self._rule_fix: dict[str, str | None] = {}
        self._fingerprint = Fingerprints()
        self._ascii = not unicode_ok(out)

    def _dumps(self, value: Any) -> str:
        return json_safe(json.dumps(value, ensure_ascii=self._ascii))

    def _start(self) -> None:
        from pathlib import Path

        self._started = True
        rules, data = self.context.rules(), self.context.reference()
        descriptors = []
        for index, spec in enumerate(rules.values()):
            self._rule_index[spec.code] = index
            self._rule_fix[spec.code] = spec.fix
            descriptors.append(rule_descriptor(spec, data))
        driver = {
            "name": "supplint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": REPOSITORY,
            "rules": descriptors,
        }
        root = Path.cwd().as_uri().rstrip("/") + "/"
        self.out.write(
            "{\n"
            f'  "$schema": {self._dumps(SARIF_SCHEMA)},\n'
            f'  "version": {self._dumps(SARIF_VERSION)},\n'
            '  "runs": [\n'
            "    {\n"
            f'      "tool": {self._dumps({"driver": driver})},\n'
            '      "columnKind": "unicodeCodePoints",\n'
            f'      "originalUriBaseIds": {self._dumps({SRCROOT: {"uri": root}})},\n'
            '      "results": ['
        )

    def write(self, findings: list[Finding]) -> None:
        if not self._started:
            self._start()
        for f in findings:
            self.out.write(("\n        " if not self._results else ",\n        ") + self._dumps(self.result(f)))
            self._results += 1

    def result(self, f: Finding) -> dict[str, Any]:
        text = f.message + (f"\nhelp: {f.hint}" if f.hint else "")
        where = artifact_location(f.file)
        result: dict[str, Any] = {"ruleId": f.code}
        if f.code in self._rule_index:
            result["ruleIndex"] = self._rule_index[f.code]
        result.update(
            {
                "level": SARIF_LEVEL.get(f.severity, "warning"),
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": where, "region": _region(*span(f))}}],
                "partialFingerprints": {FINGERPRINT_KEY: self._fingerprint(f)},
            }
        )
        if f.fix and f.fix.get("edits"):
            replacements = [
                {
                    "deletedRegion": _region(e["line"], e["column"], e["end_line"], e["end_column"]),
                    "insertedContent": {"text": e["content"]},
                }
                for e in f.fix["edits"]
            ]
            description = self._rule_fix.get(f.code) or "a safe fix (supplint check --fix)"
            result["fixes"] = [
                {
                    "description": {"text": description},
                    "artifactChanges": [{"artifactLocation": where, "replacements": replacements}],
                }
            ]
        return result

    def close(self, checked: int) -> None:
        if not self._started:
            self._start()
        self.out.write(
            ("\n      " if self._results else "") + "],\n"
            '      "invocations": [{"executionSuccessful": true}]\n'
            "    }\n"
            "  ]\n"
            "}\n"
        )
