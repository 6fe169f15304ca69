"""Markdown pages → `Page`, through markdown-it-py's token stream (CommonMark plus GFM tables and strikethrough).

What is prose follows Vale's Markdown scoping: the text of headings, paragraphs, list items, quotes and table cells;
never code spans, indented or fenced code, raw HTML blocks, URLs or image alt text.

markdown-it gives every block token its source lines (``token.map``) but no columns, and inline children no
position at all. Lines are therefore exact (an inline run's line plus the line breaks before a point), while
columns are found by walking a cursor through the inline token's source text (``token.content``) alongside its
children: exact for plain text, best effort where entities or escapes make the rendered text differ from the source.
Raw HTML (``<a rel="sponsored">`` pasted into a post, comments) is read with the stdlib HTML parser, never regexes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..loader import Document, LoadError, load
from . import Comment, Embedded, Link, Page, PageProblem, Prose, Reference
from .html import SafeParser, comment_end, normalize, own_line, rel_tokens

FENCE_INFO = "supplement"
# GFM renders bare URLs as links (the "autolink literal" extension): they are links, and never prose.
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+")
_URL_TAIL = ".,;:!?)]*_~'\""


@lru_cache(maxsize=1)
def _markdown():
    """One parser for the whole run: building the rule chains costs more than parsing a typical post."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Fragment(SafeParser):
    """Raw HTML inside Markdown (one inline tag, or an HTML block): its <a> tags, text and comments, with
    positions within the fragment (line 1-based, column 0-based, as getpos() gives them)."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.events.append(("a", self.getpos(), dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "a":
            self.events.append(("/a", self.getpos(), None))

    def handle_data(self, data):
        self.events.append(("data", self.getpos(), data))

    def handle_comment(self, data):
        self.events.append(("comment", self.getpos(), data))


def _locate(source_line: str, piece: str, start: int = 0) -> int:
    """0-based column of ``piece`` (a source line with block markers or indentation taken off by markdown-it) in
    ``source_line``; the line's indentation when it cannot be found."""
    piece, text = piece.rstrip(), source_line.rstrip()
    if piece:
        if text.endswith(piece) and len(text) - len(piece) >= start:
            return len(text) - len(piece)
        found = source_line.find(piece, start)
        if found >= 0:
            return found
    return len(source_line) - len(source_line.lstrip())


def _index_of(text: str, index: int) -> tuple[int, int]:
    """(0-based line, 0-based column) of ``index`` within ``text``."""
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def _skip_destination(content: str, at: int) -> int:
    """From a link's closing ``]`` at ``at``: the index after its ``(destination)`` or ``[label]``."""
    nxt = at + 1
    if content.startswith("(", nxt):
        depth, i = 0, nxt
        while i < len(content):
            if content[i] == "\\":
                i += 2
                continue
            if content[i] == "(":
                depth += 1
            elif content[i] == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(content)
    if content.startswith("[", nxt):
        close = content.find("]", nxt)
        return close + 1 if close >= 0 else nxt
    return nxt


class _LinkDraft:
    __slots__ = ("url", "rel", "index", "offset", "text", "kind")

    def __init__(self, url: str, rel: frozenset[str], index: int, offset: int, kind: str):
        self.url, self.rel, self.index, self.offset = url, rel, index, offset
        self.kind = kind  # "markdown", "autolink" (<https://…>), "bare" (a GFM autolink literal) or "html"
        self.text: list[str] = []


class _Inline:
    """One inline token (a heading, paragraph, table cell) → its prose text, links and comments."""

    def __init__(self, token, lines: list[str], column_floor: int):
        self.content: str = token.content
        self.first_line = token.map[0] + 1
        content_lines = self.content.split("\n")
        self.prefix = [
            _locate(lines[token.map[0] + k] if token.map[0] + k < len(lines) else "", piece,
                    column_floor if k == 0 else 0)
            for k, piece in enumerate(content_lines)
        ]
        self.parts: list[str] = []
        self.length = self.newlines = 0
        self.first_index: int | None = None
        self.cursor = 0
        self.links: list[tuple[_LinkDraft, int, int]] = []  # draft, page line, page column
        self.comments: list[Comment] = []
        self.open: list[_LinkDraft] = []
        self.walk(token.children or ())

    # --- positions -------------------------------------------------------------------------------------------------

    def position(self, index: int) -> tuple[int, int]:
        line, column = _index_of(self.content, index)
        prefix = self.prefix[line] if line < len(self.prefix) else 0
        return self.first_line + line, prefix + column + 1

    def find(self, piece: str) -> int:
        """Where ``piece`` is in the source from the cursor on, staying on the cursor's line; -1 if not there."""
        if not piece:
            return -1
        found = self.content.find(piece, self.cursor)
        if found < 0 or "\n" in self.content[self.cursor:found]:
            return -1
        return found

    @property
    def column(self) -> int:
        return self.position(self.first_index)[1] if self.first_index is not None else self.prefix[0] + 1

    # --- text ------------------------------------------------------------------------------------------------------

    def emit(self, piece: str, index: int | None, visible: str | None = None) -> None:
        """Add ``piece`` to the prose; ``visible`` is what open links' anchor text gets (the piece by default)."""
        if not piece:
            return
        if not self.parts and index is not None and index >= 0:
            self.first_index = index  # where the run's first character is
        self.parts.append(piece)
        self.length += len(piece)
        self.newlines += piece.count("\n")
        for draft in self.open:
            draft.text.append(piece if visible is None else visible)

    def text(self, text: str) -> None:
        at = self.find(text)
        if at >= 0:
            self.cursor = at + len(text)
        if any(draft.kind == "autolink" for draft in self.open):  # the URL of <https://…> is not prose
            self.emit(" " * len(text), at, text)
            return
        start = 0
        for url in _BARE_URL.finditer(text):
            address = url.group().rstrip(_URL_TAIL)
            if not address.partition("://")[2]:
                continue
            self.emit(text[start:url.start()], at + start if at >= 0 else None)
            if not self.open:  # a bare URL inside a link's text is the anchor, not another link
                index = at + url.start() if at >= 0 else -1
                self.links.append((_LinkDraft(address, frozenset(), index, self.length, "bare"), *self.place(index)))
                self.links[-1][0].text.append(address)
            self.emit(" " * len(address), at + url.start() if at >= 0 else None, address)
            start = url.start() + len(address)
        self.emit(text[start:], at + start if at >= 0 else None)

    def place(self, index: int) -> tuple[int, int]:
        """Page line and column of something at ``index`` in the source that lands at the prose's end: the line
        comes from the prose's line breaks (always right), the column from the source when the two agree."""
        line = self.first_line + self.newlines
        if index >= 0:
            found_line, column = self.position(index)
            if found_line == line:
                return line, column
        k = line - self.first_line
        return line, (self.prefix[k] if k < len(self.prefix) else 0) + 1

    # --- children --------------------------------------------------------------------------------------------------

    def walk(self, children) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                self.text(child.content)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.content.find("\n", self.cursor)
                if newline >= 0:
                    self.cursor = newline + 1
                self.emit("\n", newline + 1 if newline >= 0 else None, " ")
            elif kind == "code_inline":
                self.code(child)
            elif kind == "html_inline":
                self.html(child.content)
            elif kind == "link_open":
                self.link_open(child)
            elif kind == "link_close":
                self.link_close()
            elif kind == "image":  # the alt text is not prose; a space keeps the words around it apart
                at = self.find("![")
                self.emit(" ", at)
                if at >= 0:
                    close = self.content.find("]", at + 2 + len(child.content))
                    self.cursor = _skip_destination(self.content, close) if close >= 0 else self.cursor
        while self.open:
            self.finish(self.open[-1])

    def code(self, child) -> None:
        """A code span is not prose: a space stands for it, or its line breaks, so later lines still count."""
        at = self.find(child.markup)
        if at < 0:
            self.emit(" ", None, child.content)
            return
        close = self.content.find(child.markup, at + len(child.markup) + len(child.content))
        end = close + len(child.markup) if close >= 0 else at + len(child.markup)
        self.cursor = end
        self.emit("\n" * self.content.count("\n", at, end) or " ", at, child.content)

    def html(self, fragment: str) -> None:
        at = self.content.find(fragment, self.cursor)
        if at >= 0:
            self.cursor = at + len(fragment)
        self.emit("\n" * fragment.count("\n") or " ", at, "")
        base = at if at >= 0 else -1
        for kind, (line, column), payload in _Fragment(fragment).events:
            index = (base + _offset_in(fragment, line, column)) if base >= 0 else -1
            if kind == "a":
                self.close_kind("html")  # an <a> inside an open <a> closes it, as in a browser
                if payload.get("href") is not None:
                    draft = _LinkDraft(payload["href"], rel_tokens(payload.get("rel")), index, self.length, "html")
                    self.links.append((draft, *self.place(index)))
                    self.open.append(draft)
            elif kind == "/a":
                self.close_kind("html")
            elif kind == "comment" and index >= 0:
                end = comment_end(self.content, index, payload)
                page_line, page_column = self.position(index)
                end_line = self.position(max(end - 1, index))[0]
                self.comments.append(Comment(payload, page_line, page_column, own_line(self.content, index, end),
                                             end_line))

    def link_open(self, child) -> None:
        kind = "autolink" if child.markup == "autolink" else "markdown"
        at = self.find("<" if kind == "autolink" else "[")
        if at >= 0:
            self.cursor = at + 1
        draft = _LinkDraft(child.attrs.get("href", ""), frozenset(), at, self.length, kind)
        self.links.append((draft, *self.place(at)))
        self.open.append(draft)

    def link_close(self) -> None:
        """Close the innermost Markdown link and move the cursor past its destination."""
        close = self.content.find(">" if self.close_kind("autolink", "markdown") == "autolink" else "]", self.cursor)
        if close >= 0:
            self.cursor = close + 1 if self.content[close] == ">" else _skip_destination(self.content, close)

    def close_kind(self, *kinds: str) -> str | None:
        for draft in reversed(self.open):
            if draft.kind in kinds:
                self.finish(draft)
                return draft.kind
        return None

    def finish(self, draft: _LinkDraft) -> None:
        if draft in self.open:
            self.open.remove(draft)
        draft.text = [" ".join("".join(draft.text).split())]


def _offset_in(fragment: str, line: int, column: int) -> int:
    """Index in ``fragment`` of getpos()'s (1-based line, 0-based column)."""
    at = 0
    for _ in range(line - 1):
        at = fragment.find("\n", at) + 1
    return at + column


class _Builder:
    """Walks the block tokens in document order, numbering prose runs, links outside them and labels."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.page = Page("markdown")
        self.order = 0

    def next_order(self) -> int:
        self.order += 1
        return self.order - 1

    def tokens(self, tokens) -> None:
        row, floor = -1, 0  # table cells share a line: each is looked for after the one before
        for token in tokens:
            if token.type == "inline" and token.map:
                inline = _Inline(token, self.lines, floor if token.map[0] == row else 0)
                row, floor = token.map[0], inline.prefix[0] + len(token.content.split("\n", 1)[0])
                self.inline(inline)
            elif token.type == "fence" and token.info.split()[:1] == [FENCE_INFO] and token.map:
                source_line = self.lines[token.map[0]]
                marker = source_line.find(token.markup)
                indent = marker if marker >= 0 else len(source_line) - len(source_line.lstrip())
                self.page.labels.append(Embedded(token.content, token.map[0] + 2, indent + 1, self.next_order()))
            elif token.type == "html_block" and token.map:
                self.html_block(token)

    def inline(self, inline: _Inline) -> None:
        text = "".join(inline.parts)
        order = self.next_order() if text.strip() else None
        if order is not None:
            self.page.prose.append(Prose(text, inline.first_line, inline.column, order))
        for draft, line, column in inline.links:
            own = order is None
            self.page.links.append(Link(draft.url, draft.rel, draft.text[0] if draft.text else "", line, column,
                                        self.next_order() if own else order, 0 if own else draft.offset))
        self.page.comments.extend(inline.comments)

    def html_block(self, token) -> None:
        """Raw HTML between Markdown blocks: not prose, but its links and comments count."""
        fragment, first = token.content, token.map[0]
        prefix = [_locate(self.lines[first + k], piece) if first + k < len(self.lines) else 0
                  for k, piece in enumerate(fragment.split("\n"))]
        link: list | None = None  # [url, rel, line, column, text parts]

        def finish():
            url, rel, line, column, parts = link
            self.page.links.append(Link(url, rel, " ".join("".join(parts).split()), line, column, self.next_order()))

        for kind, (line, column), payload in _Fragment(fragment).events:
            where = (first + line, prefix[line - 1] + column + 1)
            if kind == "a":
                if link:
                    finish()
                href = payload.get("href")
                link = [href, rel_tokens(payload.get("rel")), *where, []] if href is not None else None
            elif kind == "/a" and link:
                finish()
                link = None
            elif kind == "data" and link:
                link[4].append(payload)
            elif kind == "comment":
                start = _offset_in(fragment, line, column)
                end = comment_end(fragment, start, payload)
                end_line = first + 1 + fragment.count("\n", 0, max(end - 1, start))
                self.page.comments.append(Comment(payload, *where, own_line(fragment, start, end), end_line))
        if link:
            finish()

    def front_matter(self, lines: list[str]) -> None:
        """The YAML between the `---` lines (page line 2 on): `supplements:` references, the title and
        description as prose, and any YAML problem at its page line."""
        try:
            doc = load("\n".join(lines))
        except LoadError as error:
            problem = error.problem
            self.page.problems.append(PageProblem(
                "SUP001", f"front matter is not valid YAML: {problem.message}", problem.span.line + 1,
                problem.span.column, problem.hint))
            return
        for problem in doc.problems:  # e.g. a duplicate key: the later value silently wins
            self.page.problems.append(PageProblem(problem.code, f"front matter: {problem.message}",
                                                  problem.span.line + 1, problem.span.column, problem.hint))
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            span = doc.value_span(())
            self.page.problems.append(PageProblem(
                "SUP002", "front matter should be a mapping of keys (title:, supplements: …)", span.line + 1,
                span.column))
            return
        keys = sorted((doc.key_span((key,)).line, key) for key in ("title", "description") if key in doc.data)
        for _, key in keys:
            if isinstance(doc.data[key], str) and doc.data[key].strip():
                self.page.prose.append(_scalar_prose(doc, key, lines, self.next_order()))
        if "supplements" in doc.data:
            self.page.front_matter_line = doc.key_span(("supplements",)).line + 1
            self.references(doc)

    def references(self, doc: Document) -> None:
        value = doc.data["supplements"]
        if value is None:  # `supplements:` left empty (a template): no labels, nothing wrong
            return
        if isinstance(value, str):
            entries = [(("supplements",), value, "")]
        elif isinstance(value, list):
            entries = [(("supplements", index), entry, f" {index + 1}") for index, entry in enumerate(value)]
        else:
            span = doc.value_span(("supplements",))
            self.page.problems.append(PageProblem(
                "SUP002", f"`supplements:` should be a list of label paths, not {_kind(value)}", span.line + 1,
                span.column, "write `supplements: [labels/name.yaml]`"))
            return
        for path, entry, number in entries:
            span = doc.value_span(path)
            line, column = span.line + 1, span.column
            if not isinstance(entry, str) or not entry.strip():
                what = "empty" if isinstance(entry, str) else _kind(entry)
                self.page.problems.append(PageProblem(
                    "SUP002", f"`supplements:` entry{number} is {what}, not a label path", line, column,
                    "write the label file's path, relative to the page"))
                continue
            end = span.end_column if span.end_line == span.line else column + len(entry)
            self.page.references.append(Reference(entry.strip(), line, column, end))


def _kind(value) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", dict: "a mapping", list: "a list"}.get(
        type(value), "a " + type(value).__name__)


def _scalar_prose(doc: Document, key: str, lines: list[str], order: int) -> Prose:
    """A front-matter string as prose at its page position (front-matter line n is page line n + 1). A value
    folded over several source lines gets its line breaks back, so offsets still map to page lines."""
    node, value = doc.node((key,)), doc.data[key]
    span = doc.value_span((key,))
    style = getattr(node, "style", None)
    segments = []
    for number in range(span.line, span.end_line + 1):
        source = lines[number - 1] if number - 1 < len(lines) else ""
        segments.append(source[span.column - 1 if number == span.line else 0:
                               span.end_column - 1 if number == span.end_line else len(source)])
    line, column = span.line, span.column
    if style in ('"', "'"):
        column += 1
        segments[0], segments[-1] = segments[0][1:], segments[-1][:-1] if len(segments) > 1 else segments[0][1:-1]
    elif style in ("|", ">"):  # the text starts on the line after the indicator
        segments = segments[1:] or [""]
        line += 1
        source = lines[line - 1] if line - 1 < len(lines) else ""
        column = len(source) - len(source.lstrip()) + 1
    pieces = [segment.strip() for segment in segments]
    while pieces and not pieces[-1]:
        pieces.pop()
    text = value.rstrip("\n")
    if style != "|" and len(pieces) > 1 and all(pieces) and " ".join(pieces) == text:
        text = "\n".join(pieces)
    return Prose(text, line + 1, column, order)


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the line closing the front matter; -1 when it is opened and never closed; None when there is
    none (the first line is not `---`)."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    return -1


def parse_markdown(text: str) -> Page:
    """Read a Markdown page: front matter, prose, links, embedded labels and comments, with page positions."""
    lines = normalize(text).split("\n")
    end = _front_matter_end(lines)
    builder = _Builder(lines)
    if end == -1:
        builder.page.problems.append(PageProblem(
            "SUP001", "the front matter opened on line 1 is never closed", 1, 1,
            "end it with a line `---`, or remove the first line if it is meant as a rule"))
    elif end is not None:
        builder.front_matter(lines[1:end])
        # Blank, not cut: markdown-it must not read the YAML as prose, and page lines must stay page lines.
        lines = [""] * (end + 1) + lines[end + 1:]
        builder.lines = lines
    builder.tokens(_markdown().parse("\n".join(lines)))
    return builder.page
