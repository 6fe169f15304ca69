"""One `supplint check` run over files: settings per file, linting, and --fix / --diff.

Fixes are applied in passes (apply the fixes that do not overlap, lint the result again) and kept only if the
fixed text is still a well-formed label; files are replaced atomically (temporary file + rename), and a file the
YAML parser or the label model rejects is never rewritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import fixes
from .findings import Finding
from .settings import Resolver, Settings

MAX_PASSES = 5
#: Findings that mean the file is not a well-formed label: such a file is never rewritten.
UNFIXABLE = frozenset({"SUP001", "SUP002"})
#: A fix must not introduce these (it would have broken the file or an amount).
BREAKAGE = frozenset({"SUP001", "SUP002", "SUP003", "SUP004"})


@dataclass
class FileResult:
    path: str
    settings: Settings
    findings: list[Finding]
    original: str | None = None
    fixed_text: str | None = None   # set when fixes changed the text
    fixed: int = 0
    bom: bool = False
    notes: list[str] = field(default_factory=list)

    def diff(self) -> str:
        if self.fixed_text is None or self.original is None:
            return ""
        import difflib

        return "".join(difflib.unified_diff(self.original.splitlines(keepends=True),
                                            self.fixed_text.splitlines(keepends=True),
                                            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


class Runner:
    def __init__(self, resolver: Resolver, fix: bool = False):
        self.resolver = resolver
        self.fix = fix

    def check_bytes(self, raw: bytes, path: str) -> FileResult:
        settings = self.resolver.for_path(path)
        linter = settings.linter_for(path)
        findings = linter.check_bytes(raw, path)
        result = FileResult(path, settings, findings, bom=raw.startswith(b"\xef\xbb\xbf"))
        if self.fix and any(f.fix for f in findings):
            self._fix(result, raw.decode("utf-8-sig"), linter)
        return result

    def check_path(self, path: str) -> FileResult:
        with open(path, "rb") as handle:
            raw = handle.read()
        return self.check_bytes(raw, path)

    def _fix(self, result: FileResult, text: str, linter) -> None:
        findings = result.findings
        if any(f.code in UNFIXABLE for f in findings):
            result.notes.append(f"{result.path}: not fixed: the file is not a well-formed label")
            return
        broken_before = sum(f.code in BREAKAGE for f in findings)
        current, total = text, 0
        for _ in range(MAX_PASSES):
            groups = [[fixes.TextEdit(**edit) for edit in f.fix["edits"]] for f in findings if f.fix]
            if not groups:
                break
            candidate, applied = fixes.apply(current, groups)
            after = linter.check_text(candidate, result.path)
            if sum(f.code in BREAKAGE for f in after) > broken_before:
                result.notes.append(f"{result.path}: a fix would have broken the file; left as it was")
                break
            current, findings, total = candidate, after, total + applied
            if applied == len(groups):
                break
        if current != text:
            result.original, result.fixed_text, result.fixed, result.findings = text, current, total, findings


def write_fixed(result: FileResult) -> None:
    assert result.fixed_text is not None
    write_atomically(result.path, ("\ufeff" if result.bom else "") + result.fixed_text)


def write_atomically(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` so that a reader sees the old file or the new one, never half of one."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=".supplint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
