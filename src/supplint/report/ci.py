"""Output formats for CI systems: `sarif` (code scanning), `github` (workflow commands), `gitlab` (Code Quality)
and `junit` (test reports).

Each is a streaming :class:`~supplint.report.formats.Reporter`: ``add`` is called once per checked file, in order, and
``close`` ends the document. SARIF and GitLab JSON are written as findings arrive (the rule catalogue first, once);
JUnit XML needs its counts in the opening tags, so its test cases are spooled (to disk past 1 MiB) until ``close``.

Stability: `sarif`, `gitlab` and `junit` are machine-readable and follow their formats' own specifications; what
supplint puts in them is documented in docs/output.md. `github` is read by the Actions runner, line by line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import Counter
from typing import Any, TextIO

from .. import __version__
from ..findings import SEVERITY_RANK, Finding
from .formats import FIX_HINT, Reporter, concise_line, unicode_ok
from .visible import json_safe, visible, xml_safe

#: The project's repository, as in pyproject.toml ``[project.urls] Documentation`` (a test keeps them in step).
REPOSITORY = "https://github.com/supplint/supplint"
RULES_DOC = f"{REPOSITORY}/blob/main/docs/rules.md"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
#: The key of supplint's own entry in a SARIF result's ``partialFingerprints``.
FINGERPRINT_KEY = "supplint/v1"
SRCROOT = "%SRCROOT%"

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
#: Rule codes are grouped by hundreds (spec/rules.md); the group is a tag of each rule in SARIF.
GROUPS = {"0": "label-format", "1": "vitamin-d-and-k", "2": "amounts", "3": "statements-and-claims", "4": "pages",
          "5": "stack"}

#: Characters XML 1.0 cannot carry at all, not even as character references; shown as U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ---------------------------------------------------------------------------------------------------------------
# Shared helpers


def posix_path(path: str) -> str:
    """The path with forward slashes and no leading ``./`` (as CI systems name files relative to the checkout)."""
    if os.sep == "\\":
        path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


class Fingerprints:
    """Stable identities for findings, independent of line numbers: a hash of the rule code, the file's path and
    the message. Identical findings in one file (same code and message) are told apart by their order, which a
    line shift does not change."""

    def __init__(self) -> None:
        self._seen: Counter[tuple[str, str, str]] = Counter()

    def __call__(self, f: Finding) -> str:
        key = (f.code, posix_path(f.file), f.message)
        self._seen[key] += 1
        text = "\0".join((*key, str(self._seen[key])))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _location(f: Finding) -> tuple[int, int, int, int]:
    """The finding's span, made well-formed: 1-based, and the end not before the start."""
    line, column = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line, line)
    end_column = max(f.end_column, 1)
    if end_line == line:
        end_column = max(end_column, column)
    return line, column, end_line, end_column


# ---------------------------------------------------------------------------------------------------------------
# SARIF 2.1.0


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation other than - and _ dropped, spaces as -."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def rule_help_uri(code: str, name: str) -> str:
    return f"{RULES_DOC}#{heading_anchor(f'{code} {name}')}"


def _template_outline(template: str) -> str | None:
    """A message or hint template with its fields shown as <field>; None when it cannot be read."""
    from string import Formatter

    try:
        return "".join(literal + (f"<{field}>" if field is not None else "")
                       for literal, field, _spec, _conversion in Formatter().parse(template))
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
        comment = (f"<!-- supplint: disable={spec.code} -->" if getattr(spec, "target", "label") == "page"
                   else f"# supplint: disable={spec.code}")
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
        "help": {"text": f"{rationale}\n\nWhat to do: {todo}\n\nDocumentation: {uri}",
                 "markdown": render_rule(spec, reference, "markdown").rstrip() + f"\n\n### What to do\n\n{todo}\n"},
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

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        super().__init__(out, quiet)
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

        from ..reference.tables import reference
        from ..ruleset.registry import registry

        self._started = True
        rules, data = registry().rules, reference()
        descriptors = []
        for index, spec in enumerate(rules.values()):
            self._rule_index[spec.code] = index
            self._rule_fix[spec.code] = spec.fix
            descriptors.append(rule_descriptor(spec, data))
        driver = {"name": "supplint", "version": __version__, "semanticVersion": __version__,
                  "informationUri": REPOSITORY, "rules": descriptors}
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
            '      "results": [')

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
        result.update({
            "level": SARIF_LEVEL.get(f.severity, "warning"),
            "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": where, "region": _region(*_location(f))}}],
            "partialFingerprints": {FINGERPRINT_KEY: self._fingerprint(f)},
        })
        if f.fix and f.fix.get("edits"):
            replacements = [{"deletedRegion": _region(e["line"], e["column"], e["end_line"], e["end_column"]),
                             "insertedContent": {"text": e["content"]}} for e in f.fix["edits"]]
            description = self._rule_fix.get(f.code) or "a safe fix (supplint check --fix)"
            result["fixes"] = [{"description": {"text": description},
                                "artifactChanges": [{"artifactLocation": where, "replacements": replacements}]}]
        return result

    def close(self, checked: int) -> None:
        if not self._started:
            self._start()
        self.out.write(("\n      " if self._results else "") + "],\n"
                       '      "invocations": [{"executionSuccessful": true}]\n'
                       "    }\n"
                       "  ]\n"
                       "}\n")


# ---------------------------------------------------------------------------------------------------------------
# GitHub Actions workflow commands


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded (the runner decodes them), and the other
    characters that could end the command's line or hide what it says shown as <U+XXXX> (visible.py)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, plus : and , (which would end the value)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::path:line:col: CODE message`` per
    finding (info is a notice). The message text keeps path:line:col so the log alone says where each problem
    is; annotations are also shown on the changed files. No summary line among the commands: the usual one goes
    to standard error (not with --quiet)."""

    def __init__(self, out: TextIO, quiet: bool = False, err: TextIO | None = None) -> None:
        super().__init__(out, quiet)
        self.err = err
        encoding = getattr(out, "encoding", None)
        self._encoding = None if unicode_ok(out) else encoding

    def write(self, findings: list[Finding]) -> None:
        self.out.writelines(self._encodable(self.command(f)) + "\n" for f in findings)

    @staticmethod
    def command(f: Finding) -> str:
        line, column, end_line, end_column = _location(f)
        properties = (f"file={escape_property(f.file)},line={line},col={column},endLine={end_line},"
                      f"endColumn={end_column},title={escape_property(f'{f.code} {f.name}')}")
        text = f"{f.file}:{line}:{column}: {f.code} {f.message}" + (f"\nhelp: {f.hint}" if f.hint else "")
        return f"::{GITHUB_COMMAND.get(f.severity, 'warning')} {properties}::{escape_data(text)}"

    def _encodable(self, text: str) -> str:
        if self._encoding is None:
            return text
        return text.encode(self._encoding, "replace").decode(self._encoding)

    def close(self, checked: int) -> None:
        if not self.quiet:
            (self.err or sys.stderr).write(self.tally.summary(checked) + "\n")


# ---------------------------------------------------------------------------------------------------------------
# GitLab Code Quality (a subset of the Code Climate issue format)


class GitlabReporter(Reporter):
    """A JSON array of Code Quality issues: description, check_name, fingerprint, severity and location (path and
    lines), written one issue per line as findings come."""

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        super().__init__(out, quiet)
        self._issues = 0
        self._fingerprint = Fingerprints()
        self._ascii = not unicode_ok(out)

    def issue(self, f: Finding) -> dict[str, Any]:
        line, _column, end_line, _end_column = _location(f)
        description = f"{f.code} {f.message}" + (f" (help: {f.hint})" if f.hint else "")
        return {"description": description, "check_name": f"{f.code} {f.name}", "fingerprint": self._fingerprint(f),
                "severity": GITLAB_SEVERITY.get(f.severity, "minor"),
                "location": {"path": posix_path(f.file), "lines": {"begin": line, "end": end_line}}}

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(("[\n  " if not self._issues else ",\n  ")
                           + json_safe(json.dumps(self.issue(f), ensure_ascii=self._ascii)))
            self._issues += 1

    def close(self, checked: int) -> None:
        self.out.write("\n]\n" if self._issues else "[]\n")


# ---------------------------------------------------------------------------------------------------------------
# reviewdog's Diagnostic Format (rdjson)

RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class RdjsonReporter(Reporter):
    """One DiagnosticResult for reviewdog (`reviewdog -f=rdjson`): each finding a diagnostic with its rule code and
    documentation link, and each safe fix a suggestion, so a review shows it as a one-click change. Columns are
    counted in UTF-8 bytes, as the format says, from the file's own lines."""

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        super().__init__(out, quiet)
        from .formats import LineCache, read_file

        self._lines = LineCache(read_file)
        self._written = 0  # diagnostics are written as they come, like the other formats: nothing is held
        self._ascii = not unicode_ok(out)

    def _position(self, path: str, line: int, column: int) -> dict[str, int]:
        lines = self._lines(path)
        if lines is not None and 0 < line <= len(lines):
            column = len(lines[line - 1][: column - 1].encode("utf-8", "surrogatepass")) + 1
        return {"line": line, "column": column}

    def _range(self, path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
        return {"start": self._position(path, line, column), "end": self._position(path, end_line, end_column)}

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            path = posix_path(f.file)
            diagnostic: dict[str, Any] = {
                "message": f.message + (f"\nhelp: {f.hint}" if f.hint else ""),
                "location": {"path": path, "range": self._range(f.file, *_location(f))},
                "severity": RDJSON_SEVERITY.get(f.severity, "WARNING"),
                "code": {"value": f.code, "url": rule_help_uri(f.code, f.name)},
            }
            if f.fix:
                diagnostic["suggestions"] = [
                    {"range": self._range(f.file, e["line"], e["column"], e["end_line"], e["end_column"]),
                     "text": e["content"]} for e in f.fix["edits"]]
            if not self._written:
                self.out.write('{"source": {"name": "supplint", "url": "https://github.com/supplint/supplint"},\n'
                               ' "diagnostics": [\n  ')
            else:
                self.out.write(",\n  ")
            self.out.write(json_safe(json.dumps(diagnostic, ensure_ascii=self._ascii)))
            self._written += 1

    def close(self, checked: int) -> None:
        if self._written:
            self.out.write("\n]}\n")
        else:
            self.out.write('{"source": {"name": "supplint", "url": "https://github.com/supplint/supplint"}, '
                           '"diagnostics": []}\n')


# ---------------------------------------------------------------------------------------------------------------
# JUnit XML


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry (ElementTree escapes &, <, > and quotes, but passes control characters through)."""
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    """``<testsuites>`` with one ``<testsuite name="supplint">``: one failing test case per finding (classname =
    the file, name = code, rule name and position; a ``<failure>`` whose type is the code) and one passing test
    case per file without findings. One failure per test case is what the JUnit schema and the CI systems that
    render it (GitLab, Jenkins, Azure) expect; a second failure in a test case is dropped or garbled by some.

    The runner calls ``add`` for every checked file; a file with no findings can be named only when the caller
    passes its ``path`` (otherwise such files are counted in one passing test case)."""

    SUITE = "supplint"

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        import tempfile

        super().__init__(out, quiet)
        self._cases = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8", newline="")  # noqa: SIM115 - held for the run, closed by close()
        self._tests = self._failures = self._unnamed_clean = 0
        self._fail_on = 0  # severity rank from which a finding is a failure (the file's --fail-on)

    def add(self, findings: list[Finding], path: str | None = None, fail_on: str | None = None) -> None:
        self._fail_on = SEVERITY_RANK[fail_on] if fail_on else 0
        if findings:
            super().add(findings)
        elif path is not None:
            self._case(path, "no problems", path)
        else:
            self._unnamed_clean += 1

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self._case(f.file, f"{f.code} {f.name} ({f.line}:{f.column})", f.file, f)

    def _case(self, classname: str, name: str, file: str | None, f: Finding | None = None) -> None:
        import xml.etree.ElementTree as ET

        case = ET.Element("testcase", {"classname": xml_text(classname), "name": xml_text(name)})
        if file is not None:
            case.set("file", xml_text(file))
        if f is not None:
            case.set("line", str(f.line))
            body = concise_line(f)
            if f.hint:
                body += f"\nhelp: {f.hint}"
            if f.fix is not None:
                body += "\n" + FIX_HINT
            if SEVERITY_RANK[f.severity] >= self._fail_on:
                failure = ET.SubElement(case, "failure", {"type": f.code, "message": xml_text(f.message)})
                failure.text = xml_text(body)
                self._failures += 1
            else:  # below --fail-on: shown, but a passing test, as the exit status says
                ET.SubElement(case, "system-out").text = xml_text(body)
        self._tests += 1
        self._cases.write("    " + xml_safe(ET.tostring(case, encoding="unicode")) + "\n")

    def close(self, checked: int) -> None:
        if self._unnamed_clean:
            many = self._unnamed_clean != 1
            self._case(self.SUITE, f"{self._unnamed_clean} file{'s' if many else ''} with no problems", None)
        counts = f'tests="{self._tests}" failures="{self._failures}" errors="0"'
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<testsuites name="{self.SUITE}" {counts}>\n'
                       f'  <testsuite name="{self.SUITE}" {counts} skipped="0">\n')
        self._cases.seek(0)
        ascii_only = not unicode_ok(self.out)
        while chunk := self._cases.read(1 << 16):
            self.out.write(chunk.encode("ascii", "xmlcharrefreplace").decode("ascii") if ascii_only else chunk)
        self._cases.close()
        self.out.write("  </testsuite>\n</testsuites>\n")


#: The formats this module adds to output.REPORTERS.
CI_REPORTERS: dict[str, type[Reporter]] = {"sarif": SarifReporter, "github": GithubReporter,
                                           "gitlab": GitlabReporter, "junit": JunitReporter, "rdjson": RdjsonReporter}

__all__ = ["CI_REPORTERS", "Fingerprints", "GithubReporter", "GitlabReporter", "JunitReporter", "SarifReporter",
           "escape_data", "escape_property", "heading_anchor", "rule_descriptor"]
