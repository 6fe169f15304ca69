"""`junit`: JUnit XML test reports. Its counts are in the opening tags, so its test cases are spooled (to disk past
1 MiB) until ``close``."""

from __future__ import annotations

import re
from typing import TextIO

from ..findings import SEVERITY_RANK, Finding
from .lines import FIX_HINT, concise_line, unicode_ok
from .reporter import ReportContext, Reporter
from .visible import xml_safe

#: Characters XML 1.0 cannot carry at all, not even as character references; shown as U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        import tempfile

        super().__init__(out, quiet, context)
        # kept open for the reporter's life (cases spill to disk past 1 MiB) and closed when the report is written
        self._cases = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=1 << 20, mode="w+", encoding="utf-8", newline=""
        )
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
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="{self.SUITE}" {counts}>\n'
            f'  <testsuite name="{self.SUITE}" {counts} skipped="0">\n'
        )
        self._cases.seek(0)
        ascii_only = not unicode_ok(self.out)
        while chunk := self._cases.read(1 << 16):
            self.out.write(chunk.encode("ascii", "xmlcharrefreplace").decode("ascii") if ascii_only else chunk)
        self._cases.close()
        self.out.write("  </testsuite>\n</testsuites>\n")
