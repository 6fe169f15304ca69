"""`check --add-noqa`: a suppression comment for every current finding, so a site adopting supplint fails only on
new problems from then on (ruff's --add-noqa).

Where a comment goes:
- a label (YAML): `# supplint: disable=CODES` at the end of the finding's line; where a comment there would be text
  (inside a quoted, block or multi-line scalar), alone on the line above, indented as the line;
- a page (Markdown, HTML): `<!-- supplint: disable=CODES -->` alone on the line above, indented as the line, else
  at the end of the line. In Markdown the line above is used only where a block starts (after a blank line): a
  comment line inside a paragraph or a list would split it and change how the page renders;
- a label embedded in a page gets the YAML comment, since that is where its suppressions are read;
- a finding in a page's front matter (which holds no supplint comments) gets `<!-- supplint: disable-file=CODES
  -->` right after the front matter;
- a comment that already covers the line gets the codes added to its list instead of a second comment.

Each file's new text is checked again before it is written: a comment that did not silence its finding, or that
changed what else the file reports, is taken back (and the next place tried), so running it twice adds nothing.
Never placed: SUP001 and SUP008 (the file could not be read or checked, so there is no line to trust), SUP009 (an
unused suppression is fixed by removing it: `--fix`) and DSLD records (JSON has no comments).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from yaml.nodes import ScalarNode

from .. import suppressions
from ..codes import INTERNAL_ERROR, INVALID_YAML, UNUSED_SUPPRESSION
from ..filetypes import is_dsld, is_html, is_page
from ..findings import Finding
from ..label.loader import LoadError, load

#: Codes no comment is written for (see the module's docstring).
NEVER = frozenset({INVALID_YAML, INTERNAL_ERROR, UNUSED_SUPPRESSION})
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass
class Outcome:
    text: str
    added: int = 0  # comments written or extended
    left: list[Finding] = field(default_factory=list)  # findings that have no comment after all
    why: str = ""  # why, when the whole file was left alone


@dataclass
class _Group:
    line: int  # 1-based, in the text before any edit
    codes: list[str]
    tried: int = 0  # index of the next place to try


@dataclass
class _Edit:
    line: int  # original 1-based line the edit is at
    kind: str  # "insert" (a new line before ``line``), "append", "replace"
    content: str
    span: tuple[int, int] = (0, 0)  # 0-based columns replaced ("replace")


def add_comments(
    text: str, path: str, findings: list[Finding], registry, recheck: Callable[[str], list[Finding]]
) -> Outcome:
    """``text`` with a comment for each of ``findings`` that can have one; ``recheck(new_text)`` checks a
    candidate as the run would."""
    wanted = [f for f in findings if f.code not in NEVER]
    never = [f for f in findings if f.code in NEVER]
    if not wanted:
        return Outcome(text, left=never)
    if is_dsld(path):
        return Outcome(text, left=findings, why="a DSLD record is JSON, which has no comments")
    places = _PagePlaces(text, path, registry) if is_page(path) else _YamlPlaces(text, registry)
    if places.broken:
        return Outcome(text, left=findings, why="it does not parse, so no line can be trusted")
    by_line: dict[int, list[str]] = {}  # a group's key (its line; 0 for a page's front matter) → its codes
    for f in wanted:
        codes = by_line.setdefault(places.key(f.line), [])
        if f.code not in codes:
            codes.append(f.code)
    groups = [_Group(line, sorted(codes)) for line, codes in sorted(by_line.items())]
    accepted: dict[int, _Edit] = {}
    before = _counted(findings)
    for _ in range(places.strategies):
        trying = {}
        for group in groups:
            if group.line in accepted:
                continue
            edit = None
            while edit is None and group.tried < places.strategies:
                edit = places.edit(group, group.tried)
                group.tried += 1
            if edit is not None:
                trying[group.line] = edit
        if not trying:
            break
        # all of this round's comments, then again without those that did not work
        for _attempt in range(2):
            candidate = {**accepted, **trying}
            new_text = _applied(places.lines, candidate.values())
            after = recheck(new_text)
            worked = {line for line in trying if _silenced(after, candidate, line, by_line[line], places)}
            if worked == set(trying) and _same_otherwise(after, before, candidate, by_line, places):
                accepted = candidate
                break
            trying = {line: edit for line, edit in trying.items() if line in worked}
            if not trying:
                break
    if not accepted:
        return Outcome(text, left=findings)
    left = never + [f for f in wanted if places.key(f.line) not in accepted]
    return Outcome(_applied(places.lines, accepted.values()), added=len(accepted), left=left)


def reasons(outcome: Outcome) -> str:
    """Why ``outcome.left`` has no comments, in words."""
    if outcome.why:
        return outcome.why
    said = []
    codes = {f.code for f in outcome.left}
    if codes & {INVALID_YAML, INTERNAL_ERROR}:
        said.append("SUP001 and SUP008 get none, since the file could not be read or checked")
    if UNUSED_SUPPRESSION in codes:
        said.append("an unused suppression (SUP009) is removed with --fix, not suppressed")
    if codes - NEVER:
        said.append("for the others no comment silenced just that finding without changing what else is reported")
    return "; ".join(said)


def _counted(findings: list[Finding]) -> dict[tuple[str, int], int]:
    counts: dict[tuple[str, int], int] = {}
    for f in findings:
        counts[f.code, f.line] = counts.get((f.code, f.line), 0) + 1
    return counts


def _shift(edits: dict[int, _Edit], line: int) -> int:
    """Where an original line is once the edits' new lines are in."""
    return line + sum(1 for e in edits.values() if e.kind == "insert" and e.line <= line)


def _silenced(after: list[Finding], edits: dict[int, _Edit], key: int, codes: list[str], places) -> bool:
    if key == 0:  # a page's front matter: a file-wide comment after it
        return not any(f.line <= places.front and f.code in codes for f in after)
    at = _shift(edits, key)
    return not any(f.line == at and f.code in codes for f in after)


def _same_otherwise(
    after: list[Finding],
    before: dict[tuple[str, int], int],
    edits: dict[int, _Edit],
    by_line: dict[int, list[str]],
    places,
) -> bool:
    """Nothing new is reported: every finding left was there before (at its line, moved by the new lines)."""
    moved: dict[tuple[str, int], int] = {}
    for (code, line), count in before.items():
        key = places.key(line)
        if key in edits and code in by_line.get(key, ()):
            continue
        moved[code, _shift(edits, line)] = count
    seen: dict[tuple[str, int], int] = {}
    for f in after:
        found = (f.code, f.line)
        seen[found] = seen.get(found, 0) + 1
        if seen[found] > moved.get(found, 0):
            return False
    return True


def _applied(lines: list[str], edits) -> str:
    out = list(lines)
    for edit in sorted(edits, key=lambda e: (e.line, e.kind != "insert"), reverse=True):
        index = edit.line - 1
        if edit.kind == "insert":
            out.insert(index, edit.content + _newline(lines, index))
        elif edit.kind == "append":
            body, end = _split_end(out[index])
            out[index] = body.rstrip() + edit.content + end
        else:
            body, end = _split_end(out[index])
            out[index] = body[: edit.span[0]] + edit.content + body[edit.span[1] :] + end
    return "".join(out)


def _split_end(line: str) -> tuple[str, str]:
    stripped = line.rstrip("\r\n")
    return stripped, line[len(stripped) :]


def _newline(lines: list[str], index: int) -> str:
    """The line break the file uses (that of the line at ``index``, else of the one before, else \\n)."""
    for candidate in (index, index - 1, 0):
        if 0 <= candidate < len(lines):
            end = _split_end(lines[candidate])[1]
            if end:
                return end
    return "\n"


def _indent(line: str) -> str:
    body = _split_end(line)[0]
    return body[: len(body) - len(body.lstrip(" \t"))]


def _codes_text(existing: suppressions.Directive, codes: list[str]) -> str:
    written = list(existing.tokens)
    have = {existing.codes.get(t) for t in written}
    return ",".join(written + [c for c in codes if c not in have])


class _YamlPlaces:
    """Places for comments in YAML: ``offset`` page lines and ``prefix`` columns when the YAML is embedded."""

    strategies = 2  # the end of the line, then alone above it

    def __init__(self, text: str, registry, offset: int = 0, prefix: str = "", lines: list[str] | None = None):
        self.lines = lines if lines is not None else _LINES.findall(text)
        self.offset, self.prefix = offset, prefix
        self.broken = False
        try:
            doc = load(text)
        except LoadError:
            self.broken, self.inside, self.directives = True, set(), {}
            return
        self.inside = _scalar_rows(doc, text)
        self.directives = {
            d.target: d for d in suppressions.find(text, doc, registry) if d.target is not None and d.tokens
        }

    front = 0

    @staticmethod
    def key(line: int) -> int:
        return line

    def edit(self, group: _Group, strategy: int) -> _Edit | None:
        own = group.line - self.offset  # the line within the YAML
        yaml_lines = len(self.lines) if not self.offset else None
        if own < 1 or (yaml_lines is not None and own > yaml_lines):
            return None
        existing = self.directives.get(own)
        if existing is not None and existing.codes_span:
            start, end = existing.codes_span
            shift = len(self.prefix)
            return _Edit(
                existing.line + self.offset,
                "replace",
                _codes_text(existing, group.codes),
                (start - 1 + shift, end - 1 + shift),
            )
        comment = "# supplint: disable=" + ",".join(group.codes)
        if strategy == 0 and own - 1 not in self.inside:
            return _Edit(group.line, "append", "  " + comment)
        if strategy == 1 and own - 2 not in self.inside and own > 1:
            return _Edit(group.line, "insert", _indent(self._line(own)) + comment)
        return None

    def _line(self, own: int) -> str:
        return self.lines[own - 1 + self.offset] if self.offset else self.lines[own - 1]


def _scalar_rows(doc, text: str) -> set[int]:
    """0-based rows whose end lies inside a scalar (quoted, block, or plain over several lines): a `#` there
    would be text, and a comment line after them would cut the scalar."""
    rows: set[int] = set()
    for node in doc.nodes():
        if not isinstance(node, ScalarNode):
            continue
        first, last = node.start_mark.line, node.end_mark.line
        if last > first:
            rows.update(range(first, last))
            if node.style in ("|", ">"):
                rows.add(first)
    return rows


class _PagePlaces:
    """Places for comments on a page: HTML comments in the body, YAML comments in its embedded labels."""

    strategies = 2  # alone above the line, then at its end

    def __init__(self, text: str, path: str, registry):
        from ..subjects.page import parse

        self.lines = _LINES.findall(text)
        self.broken = False
        page = parse(text, path)
        self.html = is_html(path)
        self.front = _front_matter_lines(text, self.lines)
        found = suppressions.from_comments(page.comments, text, registry)
        self.directives = {d.target: d for d in found if d.target is not None and d.tokens}
        self.file_directive = next((d for d in found if d.target is None and d.tokens), None)
        self.embedded = []
        for label in page.labels:
            count = label.text.count("\n") + 1
            places = _YamlPlaces(
                label.text, registry, offset=label.line - 1, prefix=" " * (label.column - 1), lines=self.lines
            )
            self.embedded.append((label.line, label.line + count - 1, places))

    def key(self, line: int) -> int:
        return 0 if line <= self.front else line

    def edit(self, group: _Group, strategy: int) -> _Edit | None:
        line = group.line
        if line == 0:
            return self._file_wide(group) if strategy == 0 else None
        if line > len(self.lines):
            return None
        for first, last, places in self.embedded:
            if first <= line <= last:
                return None if places.broken else places.edit(group, strategy)
        existing = self.directives.get(line)
        if existing is not None and existing.codes_span:
            start, end = existing.codes_span
            return _Edit(existing.line, "replace", _codes_text(existing, group.codes), (start - 1, end - 1))
        comment = "<!-- supplint: disable=" + ",".join(group.codes) + " -->"
        above = _split_end(self.lines[line - 2])[0].strip() if line > 1 else None
        # In Markdown a comment line cuts the paragraph or list it lands in, which changes how the page renders:
        # above the line only where a block starts, else at the line's end (inline HTML, not rendered).
        if strategy == 0 and line > 1 and (self.html or not above or line - 1 == self.front):
            return _Edit(line, "insert", _indent(self.lines[line - 1]) + comment)
        if strategy == 1 and _split_end(self.lines[line - 1])[0].strip():
            return _Edit(line, "append", " " + comment)
        return None

    def _file_wide(self, group: _Group) -> _Edit | None:
        """Front matter holds no supplint comments (its YAML, TOML or JSON is read for values): a finding there
        gets a file-wide comment for its codes right after it. Such findings are about the whole page (SUP403) or
        its list of labels (SUP405), so the page is what the comment names."""
        existing = self.file_directive
        if existing is not None and existing.codes_span:
            start, end = existing.codes_span
            return _Edit(existing.line, "replace", _codes_text(existing, group.codes), (start - 1, end - 1))
        if self.front >= len(self.lines):
            return None
        return _Edit(self.front + 1, "insert", "<!-- supplint: disable-file=" + ",".join(group.codes) + " -->")


def _front_matter_lines(text: str, lines: list[str]) -> int:
    """How many of the page's first lines are front matter (0: none)."""
    first = _split_end(lines[0])[0].strip() if lines else ""
    if first in ("---", "+++"):
        for index in range(1, len(lines)):
            if _split_end(lines[index])[0].strip() in (first, "..."):
                return index + 1
        return len(lines)
    if first.startswith("{"):
        try:
            _, end = json.JSONDecoder().raw_decode(text.lstrip())
        except ValueError:
            return 0
        return text[: len(text) - len(text.lstrip()) + end].count("\n") + 1
    return 0
