"""Markdown pages → `Page`, through markdown-it-py's token stream (CommonMark plus GFM tables and strikethrough).

What is prose follows Vale's Markdown scoping: the text of headings, paragraphs, list items, quotes and table cells;
never code spans, indented or fenced code, URLs or image alt text. Raw HTML blocks are read as an HTML page is (their
visible text, a run per block element), and so is an indented block that starts with a tag inside an element an HTML
block left open (a post whose body is indented HTML). Each run carries its role (`pages.ROLES`) from the block
around it.

markdown-it gives every block token its source lines (``token.map``) but no columns, and inline children no
position at all. Lines are therefore exact (an inline run's line plus the line breaks before a point), while
columns are found by walking a cursor through the inline token's source text (``token.content``) alongside its
children. Each piece of source copied into a prose run leaves an anchor (`Prose.anchors`); where entities or escapes
make a text child differ from its source, the two are aligned character by character and a new anchor starts after
each replacement, so offsets map to exact page columns.
Raw HTML (``<a rel="sponsored">`` pasted into a post, comments) is read with the stdlib HTML parser, never regexes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from html import unescape
from typing import Any

from ..codes import INVALID_LABEL, INVALID_YAML
from ..hits import Hit
from ..label.loader import Document, LoadError, load
from . import (
    CELL,
    DESCRIPTION,
    HEADING,
    ITEM,
    PARAGRAPH,
    TITLE,
    UNKNOWN,
    Comment,
    Embedded,
    Link,
    Page,
    Prose,
    Reference,
)
from .html import (
    BLOCKS,
    HIDDEN,
    ROLE_TAGS,
    VOID,
    SafeParser,
    align,
    code_pre,
    comment_end,
    navigates_to,
    normalize,
    rel_tokens,
    slice_anchors,
    source_point,
)
from .lines import Lines
from .templates import blank_templates

FENCE_INFO = "supplement"
#: The heading of a post's reader comments, as blog exports keep them in the Markdown (a WordPress or Disqus archive
#: imported into Jekyll, Hugo or Astro: "## Comments", "## 15 Comments", "### 3 Responses to “Title”", "## 12 thoughts
#: on “Title”", "## Leave a Reply"). What follows, up to the next heading of the same or a higher level, is readers'
#: words, left out as the HTML reader leaves out a theme's comments area (html.BOILERPLATE): a reader's "they think
#: I've got chronic kidney disease" is not the page's claim, nor a reader's link the page's recommendation.
_QUOTE = "[\"'\u2018\u201c]"  # a quoted post title opens with a straight or a curly quotation mark
_COMMENTS_HEADING = re.compile(
    rf"\W*(?:\d+\s+)?(?:(?:reader|readers'?|user|visitor)\s+)?(?:comments?|responses?|replies)"
    rf"(?:\s+(?:to|on)\s+{_QUOTE}.*)?\W*|\W*\d+\s+thoughts?\s+on\s+{_QUOTE}.*"
    rf"|\W*(?:leave|post|add)\s+a\s+(?:reply|comment)\W*",
    re.IGNORECASE,
)
# GFM renders bare URLs as links (the "autolink literal" extension): they are links, and never prose.
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+")
_URL_TAIL = ".,;:!?)]*_~'\""
# What markdown-it replaces inside text: backslash escapes of ASCII punctuation, and entities (with their ";").
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPECIAL = re.compile(r"[\\&]")
_DELIMITERS = " \t*_~"  # emphasis and strikethrough markers (no tokens of their own here) and the spaces around them


def _markdown_special(source: str, j: int, text: str, i: int) -> tuple[int, int, int] | None:
    """An escape or entity at ``source[j]`` that renders as what ``text`` has at ``i`` (see html.align)."""
    if source[j] == "\\":
        escaped = source[j + 1 : j + 2]
        return (2, 1, 1) if escaped and escaped in _ESCAPABLE and text.startswith(escaped, i) else None
    found = _ENTITY.match(source, j)
    if found is None:
        return None
    decoded = unescape(found.group())
    return (len(found.group()), len(decoded), 0) if decoded != found.group() and text.startswith(decoded, i) else None


@lru_cache(maxsize=1)
def _markdown():
    """One parser for the whole run: building the rule chains costs more than parsing a typical post. GFM
    footnotes are parsed (their definitions render at the page's end, after the body: see `_Builder.tokens`);
    `^[inline]` footnotes are not GFM and stay text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin, inline=False)


@lru_cache(maxsize=1)
def _mdx_markdown():
    """The parser for MDX pages: MDX has no indented code (an indented line inside a JSX block is Markdown)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return (
        MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin, inline=False).disable("code")
    )


class _Fragment(SafeParser):
    """Raw HTML inside Markdown (one inline tag, or an HTML block): its <a> tags, text and comments, with
    positions within the fragment (line 1-based, column 0-based, as getpos() gives them)."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.depth = 0  # elements opened and not closed in the fragment (an HTML block that leaves a <div> open)
        self.pres: list[bool] = []  # for each open <pre>: whether it holds code (code_pre)
        self.onclick: tuple[str, int] | None = None  # the open element (tag, depth) whose onclick navigates
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.depth += 1
        if tag == "a":
            self.events.append(("a", self.getpos(), dict(attrs)))
        elif tag == "iframe":  # an ad unit's frame is a link (html.py)
            src = (dict(attrs).get("src") or "").strip()
            if src:
                self.events.append(("a", self.getpos(), {"href": src}))
                self.events.append(("/a", self.getpos(), None))
        elif tag == "pre":
            self.pres.append(code_pre(dict(attrs)))
            self.events.append(("tag", self.getpos(), "code" if self.pres[-1] else "pre"))
        elif tag in BLOCKS or tag in HIDDEN:
            self.events.append(("tag", self.getpos(), tag))
        if self.onclick is None and tag != "a" and tag not in VOID and attrs:
            for name, value in attrs:
                if name == "onclick" and value:
                    target = navigates_to(value)
                    if target is not None:  # an order button (html.py): a link to where it goes
                        self.onclick = (tag, self.depth)
                        self.events.append(("a", self.getpos(), {"href": target}))
                    break

    def handle_endtag(self, tag):
        if self.onclick is not None and tag == self.onclick[0] and self.depth <= self.onclick[1]:
            self.onclick = None
            self.events.append(("/a", self.getpos(), None))
        if tag not in VOID and self.depth:
            self.depth -= 1
        if tag == "a":
            self.events.append(("/a", self.getpos(), None))
        elif tag == "pre":
            self.events.append(("/tag", self.getpos(), "code" if self.pres and self.pres.pop() else "pre"))
        elif tag in BLOCKS or tag in HIDDEN:
            self.events.append(("/tag", self.getpos(), tag))

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
        # markdown-it turns a tab it partly strips into spaces: place the piece by its words (the column can be
        # less than 0 then, but no character of the piece is placed before the line's start)
        words = piece.lstrip()
        lead = len(piece) - len(words)
        if lead and words:
            if text.endswith(words) and len(text) - len(words) >= start:
                return len(text) - len(words) - lead
            found = source_line.find(words, start)
            if found >= 0:
                return found - lead
    return len(source_line) - len(source_line.lstrip())


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
    __slots__ = ("index", "kind", "offset", "rel", "text", "url")

    def __init__(self, url: str, rel: frozenset[str], index: int, offset: int, kind: str):
        self.url, self.rel, self.index, self.offset = url, rel, index, offset
        self.kind = kind  # "markdown", "autolink" (<https://…>), "bare" (a GFM autolink literal) or "html"
        self.text: list[str] = []


class _Inline:
    """One inline token (a heading, paragraph, table cell) → its prose text, links and comments."""

    def __init__(self, token, lines: list[str], column_floor: int):
        self.content: str = token.content
        self.lines = Lines(self.content)
        self.first_line = token.map[0] + 1
        content_lines = self.content.split("\n")
        self.prefix: list[int] = []
        # A table cell's content has its escaped pipes (\|) unescaped by markdown-it: the content columns of those
        # pipes, per line, so that the source column can count the backslashes before them.
        self.pipes: list[list[int]] = []
        for k, piece in enumerate(content_lines):
            source_line = lines[token.map[0] + k] if token.map[0] + k < len(lines) else ""
            floor = column_floor if k == 0 else 0
            pipes: list[int] = []
            if "|" in piece and "\\|" in source_line and piece.strip() and source_line.find(piece.strip(), floor) < 0:
                escaped = piece.rstrip().replace("|", "\\|")
                found = source_line.find(escaped.lstrip(), floor)
                if found >= 0:
                    lead = len(piece) - len(piece.lstrip())
                    self.prefix.append(found - lead)
                    self.pipes.append([c for c, char in enumerate(piece) if char == "|"])
                    continue
            self.prefix.append(_locate(source_line, piece, floor))
            self.pipes.append(pipes)
        self.anchors: list[tuple[int, int, int]] = []  # (text offset, page line, page column), see Prose
        self.parts: list[str] = []
        self.length = self.newlines = 0
        self.first_index: int | None = None
        self.cursor = 0
        self.links: list[tuple[_LinkDraft, int, int]] = []  # draft, page line, page column
        self.comments: list[Comment] = []
        self.open: list[_LinkDraft] = []
        self.has_pipes = any(self.pipes)
        self.walk(token.children or ())

    # --- positions -------------------------------------------------------------------------------------------------

    def position(self, index: int) -> tuple[int, int]:
        line, column = self.lines.locate(index)
        prefix = self.prefix[line] if line < len(self.prefix) else 0
        if line < len(self.pipes) and self.pipes[line]:
            prefix += bisect_right(self.pipes[line], column)
        return self.first_line + line, prefix + column + 1

    def find(self, piece: str) -> int:
        """Where ``piece`` is in the source from the cursor on, staying on the cursor's line; -1 if not there."""
        if not piece:
            return -1
        # Only the cursor's line is searched: looking further, and then for a line break before what was found,
        # costs the rest of the content each time on a long paragraph.
        line_end = self.lines.line_end(self.lines.line_of(self.cursor))
        return self.content.find(piece, self.cursor, line_end + len(piece))

    @property
    def column(self) -> int:
        return self.position(self.first_index)[1] if self.first_index is not None else max(self.prefix[0], 0) + 1

    # --- text ------------------------------------------------------------------------------------------------------

    def emit(
        self, piece: str, index: int | None, visible: str | None = None, points: list[tuple[int, int]] | None = None
    ) -> None:
        """Add ``piece`` to the prose; ``visible`` is what open links' anchor text gets (the piece by default).
        ``index`` is where the piece starts in the source (None or -1: unknown); ``points`` (offset in the piece,
        source index) say where its parts are when entities or escapes make it differ from the source."""
        if not piece:
            return
        if points is None and index is not None and index >= 0:
            points = [(0, index)]
        if not self.parts and points:
            self.first_index = points[0][1]  # where the run's first character is
        if points and self.has_pipes:
            points = self.split_at_pipes(piece, points)
        for offset, at in points or ():
            anchor = (self.length + offset, *self.position(at))
            if self.anchors and self.anchors[-1][0] == anchor[0]:
                self.anchors[-1] = anchor
            else:
                self.anchors.append(anchor)
        self.parts.append(piece)
        self.length += len(piece)
        self.newlines += piece.count("\n")
        for draft in self.open:
            draft.text.append(piece if visible is None else visible)

    def split_at_pipes(self, piece: str, points: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Points also at each unescaped pipe of a table cell, whose source has a backslash more before it."""
        split = []
        for k, (offset, at) in enumerate(points):
            split.append((offset, at))
            size = (points[k + 1][0] if k + 1 < len(points) else len(piece)) - offset
            line, column = self.lines.locate(at)
            pipes = self.pipes[line] if line < len(self.pipes) else []
            for pipe in pipes[bisect_right(pipes, column) : bisect_left(pipes, column + size)]:
                split.append((offset + pipe - column, at + pipe - column))
        return split

    def locate(self, text: str) -> tuple[list[tuple[int, int]], int] | None:
        """Where a text child is in the source: (points, the index after it), points being (offset in ``text``,
        source index) at its start and after each entity or escape; None if it cannot be found. It starts at the
        cursor, or after emphasis markers and spaces there; failing that, anywhere further on the cursor's line."""
        content, j = self.content, self.cursor
        while j <= len(content):
            aligned = align(text, content, j, _markdown_special, _SPECIAL)
            if aligned is not None:
                return aligned
            if j < len(content) and content[j] in _DELIMITERS:
                j += 1
                continue
            break
        at = self.find(text)
        return ([(0, at)], at + len(text)) if at >= 0 else None

    def text(self, text: str) -> None:
        located = self.locate(text)
        points = None
        if located is not None:
            points, self.cursor = located
        if any(draft.kind == "autolink" for draft in self.open):  # the URL of <https://…> is not prose
            self.emit(" " * len(text), None, text, points)
            return
        start = 0
        for url in _BARE_URL.finditer(text):
            address = url.group().rstrip(_URL_TAIL)
            if not address.partition("://")[2]:
                continue
            end = url.start() + len(address)
            self.emit(text[start : url.start()], None, None, points and slice_anchors(points, start, url.start()))
            if not self.open:  # a bare URL inside a link's text is the anchor, not another link
                index = source_point(points, url.start()) if points else -1
                self.links.append((_LinkDraft(address, frozenset(), index, self.length, "bare"), *self.place(index)))
                self.links[-1][0].text.append(address)
            self.emit(" " * len(address), None, address, points and slice_anchors(points, url.start(), end))
            start = end
        self.emit(text[start:], None, None, points and slice_anchors(points, start, len(text)))

    def place(self, index: int) -> tuple[int, int]:
        """Page line and column of something at ``index`` in the source that lands at the prose's end: the line
        comes from the prose's line breaks (always right), the column from the source when the two agree."""
        line = self.first_line + self.newlines
        if index >= 0:
            found_line, column = self.position(index)
            if found_line == line:
                return line, column
        k = line - self.first_line
        return line, max(self.prefix[k] if k < len(self.prefix) else 0, 0) + 1

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
            elif kind == "footnote_ref":  # [^label] renders as a superscript number: not words
                at = self.find("[^")
                self.emit(" ", at)
                if at >= 0:
                    close = self.content.find("]", at)
                    self.cursor = close + 1 if close >= 0 else self.cursor
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
        events = _Fragment(fragment).events
        # A block element inside a link's text separates its words ("Cleveland Clinic", then "Free", in a card's
        # <div>s); any other tag joins them, as a browser shows them.
        block = any(kind in ("tag", "/tag") for kind, _, _ in events)
        self.emit("\n" * fragment.count("\n") or " ", at, " " if block else "")
        base = at if at >= 0 else -1
        starts = Lines(fragment).starts
        for kind, (line, column), payload in events:
            index = (base + _offset_in(starts, line, column)) if base >= 0 else -1
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
                self.comments.append(
                    Comment(payload, page_line, page_column, self.lines.own_line(index, end), end_line)
                )

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


def _offset_in(starts: list[int], line: int, column: int) -> int:
    """Index in a fragment (its line starts: `Lines.starts`) of getpos()'s (1-based line, 0-based column)."""
    return (starts[line - 1] if line - 1 < len(starts) else 0) + column


#: The block token that opens an inline token, and what that makes its run (a paragraph inside a list item is
#: the item's text).
_ROLE_OPENS = {
    "heading_open": HEADING,
    "paragraph_open": PARAGRAPH,
    "th_open": CELL,
    "td_open": CELL,
}
#: Front-matter keys read as prose, and what each is: the page's title, shown as its heading, and its summary.
_MATTER_ROLES = {"title": TITLE, "description": DESCRIPTION}


#: A line that is one whole block element, opened and closed ("<h1>The List</h1>"), and a line that starts a Markdown
#: block of its own kind: a list item, an ATX heading or a block quote.
_WHOLE_ELEMENT = re.compile(
    r" {0,3}<(h[1-6]|p|div|section|header|aside|center)(?:\s[^<>]*)?>[^<>]*</\1>\s*", re.IGNORECASE
)
_MARKDOWN_BLOCK = re.compile(r" {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s|>)")


def _markdown_after_element(token) -> int | None:
    """Where the Markdown ends (the block's last line, exclusive) when an HTML block is one whole element on its first
    line followed, with no blank line, by Markdown ("<h1>The List</h1>" then "- ## General health support"), else
    None. CommonMark keeps such lines in the HTML block as raw text up to the next blank line; kramdown (Jekyll's
    renderer, and what the author saw) ends the block at the element's closing tag and reads the list as a list, its
    links as links. Only a whole element on one line, and only before a list item, heading or quote: an element left
    open, or a line of text after it, stays HTML as CommonMark reads it."""
    lines = token.content.split("\n")
    if len(lines) < 2 or not _WHOLE_ELEMENT.fullmatch(lines[0]) or not _MARKDOWN_BLOCK.match(lines[1]):
        return None
    return token.map[1]


def _starts_with_tag(text: str) -> bool:
    """Whether ``text`` starts (after white space) with a start or end tag, a comment or a declaration."""
    text = text.lstrip()
    nxt = text[1:2]
    return text.startswith("<") and (nxt.isalpha() or nxt == "!" or (nxt == "/" and text[2:3].isalpha()))


class _BlockRun:
    """A prose run of an HTML block being collected: trimmed lines joined by a space (a line break within a block
    element) and anchors at each piece; its order is taken when its first word comes, so links and runs stay in
    document order."""

    __slots__ = ("anchors", "length", "order", "parts", "role")

    def __init__(self, role: str):
        self.role = role
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int, int]] = []
        self.length = 0
        self.order = -1

    def next_offset(self) -> int:
        return self.length + (1 if self.parts else 0)

    def add(self, data: str, line: int, column: int, first: int, prefix: list[int], next_order) -> None:
        for k, piece in enumerate(data.split("\n")):
            stripped = piece.strip()
            if not stripped:
                continue
            at = line - 1 + k
            col = (prefix[at] if at < len(prefix) else 0) + (column if k == 0 else 0) + 1
            col += len(piece) - len(piece.lstrip())
            if self.parts:
                sep = "\n" if k else " "
                self.parts.append(sep)
                self.length += len(sep)
            else:
                self.order = next_order()
            self.anchors.append((self.length, first + at + 1, col))
            self.parts.append(stripped)
            self.length += len(stripped)


def _comments_heading(tokens, index: int) -> bool:
    """Whether the heading opened at ``tokens[index]`` heads the post's reader comments (`_COMMENTS_HEADING`)."""
    if index + 1 >= len(tokens) or tokens[index + 1].type != "inline":
        return False
    content = tokens[index + 1].content
    return len(content) <= 120 and _COMMENTS_HEADING.fullmatch(content.strip()) is not None


class _Builder:
    """Walks the block tokens in document order, numbering prose runs, links outside them and labels."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.page = Page("markdown")
        self.order = 0
        self.open_html = 0  # elements raw HTML blocks opened and left open (a post whose body is a <div>)

    def next_order(self) -> int:
        self.order += 1
        return self.order - 1

    def tokens(self, tokens) -> None:
        row, floor = -1, 0  # table cells share a line: each is looked for after the one before
        items = 0  # list items open around the token
        before = ""  # the type of the token before: an inline token's block opens just before it
        skipping = 0  # the level of the comments heading whose section is being left out (0: none)
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1:]) if token.tag[1:].isdigit() else 6
                if skipping and level <= skipping:
                    skipping = 0
                if not skipping and _comments_heading(tokens, index):
                    skipping = level
            if skipping:
                before = kind
                continue
            if kind == "inline" and token.map:
                inline = _Inline(token, self.lines, floor if token.map[0] == row else 0)
                row = token.map[0]
                floor = inline.prefix[0] + len(token.content.split("\n", 1)[0]) + len(inline.pipes[0])
                role = _ROLE_OPENS.get(before, UNKNOWN)
                self.inline(inline, ITEM if role == PARAGRAPH and items else role)
            elif kind == "list_item_open":
                items += 1
            elif kind == "list_item_close":
                items -= 1
            elif token.type == "fence" and token.info.split()[:1] == [FENCE_INFO] and token.map:
                source_line = self.lines[token.map[0]]
                marker = source_line.find(token.markup)
                indent = marker if marker >= 0 else len(source_line) - len(source_line.lstrip())
                self.page.labels.append(Embedded(token.content, token.map[0] + 2, indent + 1, self.next_order()))
            elif token.type == "html_block" and token.map:
                rest = _markdown_after_element(token) if token.level == 0 else None
                if rest is None:
                    self.html_block(token)
                else:  # kramdown's reading: the block ends with its element, the lines after it are Markdown
                    first = token.map[0]
                    self.html_block(token.copy(content=token.content.split("\n", 1)[0] + "\n", map=[first, first + 1]))
                    padded = "\n" * (first + 1) + "\n".join(self.lines[first + 1 : rest])
                    self.tokens(_markdown().parse(padded))
            elif token.type == "code_block" and token.map and self.open_html and _starts_with_tag(token.content):
                # Indented HTML inside an element an HTML block left open: CommonMark reads it as code after a
                # blank line, but a post whose body is HTML (a WordPress export, a site that inserts the file
                # as HTML) means markup, indented for reading; code samples come fenced, or outside such a block.
                self.html_block(token)
            before = kind

    def inline(self, inline: _Inline, role: str = UNKNOWN) -> None:
        text = "".join(inline.parts)
        order = self.next_order() if text.strip() else None
        if order is not None:
            self.page.prose.append(Prose(text, inline.first_line, inline.column, order, tuple(inline.anchors), role))
        for draft, line, column in inline.links:
            own = order is None
            self.page.links.append(
                Link(
                    draft.url,
                    draft.rel,
                    draft.text[0] if draft.text else "",
                    line,
                    column,
                    self.next_order() if order is None else order,
                    0 if own else draft.offset,
                )
            )
        self.page.comments.extend(inline.comments)

    def html_block(self, token) -> None:
        """Raw HTML between Markdown blocks (an <aside> disclosure, a <div> call-out, a post's whole HTML body): its
        visible text is prose, a new run at each block element (script and style are not text), as in an HTML
        page; its links and comments count, each link in document order among the runs."""
        fragment, first = token.content, token.map[0]
        prefix = [
            _locate(self.lines[first + k], piece) if first + k < len(self.lines) else 0
            for k, piece in enumerate(fragment.split("\n"))
        ]
        lines = Lines(fragment)
        parsed = _Fragment(fragment)
        self.open_html = max(0, self.open_html + parsed.depth)
        run = _BlockRun(UNKNOWN)
        link: list | None = None  # [url, rel, line, column, text parts, run, offset in the run]
        hidden = 0
        blocks: list[str] = []  # the block elements open in the fragment, innermost last

        def flush(role: str) -> None:
            nonlocal run
            if run.parts:
                self.page.prose.append(
                    Prose(
                        "".join(run.parts),
                        run.anchors[0][1],
                        run.anchors[0][2],
                        run.order,
                        tuple(run.anchors),
                        run.role,
                    )
                )
            run = _BlockRun(role)

        def finish() -> None:
            assert link is not None  # called with a link open
            url, rel, line, column, parts, held, offset = link
            text = " ".join("".join(parts).split())
            if held.order >= 0:  # its text (or words after it) is in that run
                self.page.links.append(Link(url, rel, text, line, column, held.order, min(offset, held.length)))
            else:
                self.page.links.append(Link(url, rel, text, line, column, self.next_order()))

        for kind, (line, column), payload in parsed.events:
            where = (first + line, prefix[line - 1] + column + 1)
            if kind in ("tag", "/tag"):
                if payload in HIDDEN:
                    hidden = max(0, hidden + (1 if kind == "tag" else -1))
                else:  # a block element: what follows is a new run, of the element's role
                    if kind == "tag":
                        role = ROLE_TAGS.get(payload, UNKNOWN)
                        outer = ROLE_TAGS.get(blocks[-1], UNKNOWN) if blocks else UNKNOWN
                        if role == PARAGRAPH and outer in (ITEM, CELL):  # <li><p>: the item's text
                            role = outer
                        blocks.append(payload)
                    else:
                        if payload in blocks:
                            del blocks[len(blocks) - 1 - blocks[::-1].index(payload) :]
                        role = ROLE_TAGS.get(blocks[-1], UNKNOWN) if blocks else UNKNOWN
                    flush(role)
                if link:
                    link[4].append(" ")  # a card's <div>s inside the link: "Cleveland Clinic Free"
                continue
            if kind == "a":
                if link:
                    finish()
                href = payload.get("href")
                link = (
                    [href, rel_tokens(payload.get("rel")), *where, [], run, run.next_offset()]
                    if href is not None
                    else None
                )
            elif kind == "/a" and link:
                finish()
                link = None
            elif kind == "data":
                if link:
                    link[4].append(payload)
                if not hidden:
                    run.add(payload, line, column, first, prefix, self.next_order)
            elif kind == "comment":
                start = _offset_in(lines.starts, line, column)
                end = comment_end(fragment, start, payload)
                end_line = first + 1 + lines.line_of(max(end - 1, start))
                self.page.comments.append(Comment(payload, *where, lines.own_line(start, end), end_line))
        if link:
            finish()
        flush(UNKNOWN)

    def front_matter(self, lines: list[str], bodyless: bool = False) -> None:
        """The YAML between the `---` lines (page line 2 on): `supplements:` references, the title and
        description as prose, and any YAML problem at its page line. A page with no body (``bodyless``: a Jekyll
        collection item whose layout shows its keys, a product's `long_description:` and `directions:`) has its
        other sentence-long strings as paragraphs too (`_matter_paragraphs`)."""
        try:
            doc = load("\n".join(lines))
        except LoadError as error:
            problem = error.problem
            assert problem.span is not None  # a load problem is always at a place
            self.page.problems.append(
                Hit.point(
                    INVALID_YAML,
                    f"front matter is not valid YAML: {problem.message}",
                    problem.span.line + 1,
                    problem.span.column,
                    problem.hint,
                )
            )
            return
        for problem in doc.problems:  # e.g. a duplicate key: the later value silently wins
            assert problem.span is not None and problem.code is not None  # the loader's problems are placed, coded
            self.page.problems.append(
                Hit.point(
                    problem.code,
                    f"front matter: {problem.message}",
                    problem.span.line + 1,
                    problem.span.column,
                    problem.hint,
                )
            )
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            span = doc.value_span(())
            self.page.problems.append(
                Hit.point(
                    INVALID_LABEL,
                    "front matter should be a mapping of keys (title:, supplements: …)",
                    span.line + 1,
                    span.column,
                )
            )
            return
        keys = sorted((doc.key_span((key,)).line, key) for key in ("title", "description") if key in doc.data)
        if bodyless:  # the layout renders the keys: each sentence-long string is a paragraph of the page
            keys = sorted(keys + [(doc.key_span((key,)).line, key) for key in _matter_paragraphs(doc.data)])
        for _, name in keys:
            if isinstance(doc.data[name], str) and doc.data[name].strip():
                role = _MATTER_ROLES.get(name, PARAGRAPH)
                self.page.prose.append(_scalar_prose(doc, name, lines, self.next_order(), role))
        for key in _label_keys(doc.data):
            if self.page.front_matter_line is None:
                self.page.front_matter_line = doc.key_span(key).line + 1
            self.references(doc, key)
        for path, url, text in _matter_links(doc.data):
            span = doc.value_span(path)
            self.page.links.append(Link(url, frozenset(), text, span.line + 1, span.column, self.next_order()))
        self.page.topics.extend(_matter_topics(doc.data))

    def references(self, doc: Document, key: tuple[str, ...]) -> None:
        value: Any = doc.data
        for part in key:
            value = value[part]
        span = doc.value_span(key)
        if isinstance(value, str):
            places = [_place(span, value)]
        elif isinstance(value, list):
            places = [_place(doc.value_span((*key, index)), entry) for index, entry in enumerate(value)]
        else:
            places = []
        self.entries(value, places, (span.line + 1, span.column))

    def entries(self, value, places: list[tuple[int, int, int]], where: tuple[int, int]) -> None:
        """`supplements` (a path or a list of them) → references, at ``places`` (page line, column, end column
        of each entry); ``where`` is the value's page line and column, for a value that is not a list."""
        if value is None:  # `supplements:` left empty (a template): no labels, nothing wrong
            return
        entries: list[tuple[object, str]]
        if isinstance(value, str):
            entries = [(value, "")]
        elif isinstance(value, list):
            entries = [(entry, f" {index + 1}") for index, entry in enumerate(value)]
        else:
            self.page.problems.append(
                Hit.point(
                    INVALID_LABEL,
                    f"`supplements:` should be a list of label paths, not {_kind(value)}",
                    *where,
                    "write `supplements: [labels/name.yaml]`",
                )
            )
            return
        for (entry, number), (line, column, end) in zip(entries, places, strict=False):
            if not isinstance(entry, str) or not entry.strip():
                what = "empty" if isinstance(entry, str) else _kind(entry)
                self.page.problems.append(
                    Hit.point(
                        INVALID_LABEL,
                        f"`supplements:` entry{number} is {what}, not a label path",
                        line,
                        column,
                        "write the label file's path, relative to the page",
                    )
                )
                continue
            self.page.references.append(Reference(entry.strip(), line, column, end))

    def toml_front_matter(self, lines: list[str]) -> None:
        """Hugo's TOML between the `+++` lines (page line 2 on): the same keys as YAML front matter, read by
        tomllib; a TOML error is SUP001 at its page line, as a YAML one is."""
        from . import matter

        text = "\n".join(lines)
        try:
            data, places = matter.load_toml(text)
        except matter.MatterError as error:
            self.page.problems.append(
                Hit.point(
                    INVALID_YAML,
                    f"front matter is not valid TOML: {error.message}",
                    error.line + 1,
                    error.column,
                    'between `+++` lines Hugo reads TOML: `key = "value"`, `supplements = ["labels/name.yaml"]`',
                )
            )
            return
        self.structured(text, data, places, 1)

    def json_front_matter(self, text: str) -> int | None:
        """Hugo's JSON front matter (an object from the page's first character): its keys as for YAML; the index
        of the page line it ends on, or None when it is not JSON (SUP001, and the page is read from line 1)."""
        from . import matter

        try:
            data, places, end = matter.load_json(text)
        except matter.MatterError as error:
            self.page.problems.append(
                Hit.point(
                    INVALID_YAML,
                    f"front matter is not valid JSON: {error.message}",
                    error.line,
                    error.column,
                    'a page that starts with `{` has JSON front matter (Hugo): `{"supplements": ["labels/name.yaml"]}`',
                )
            )
            return None
        self.structured(text, data, places, 0)
        return text.count("\n", 0, end)

    def structured(self, text: str, data: dict, places: dict, first: int) -> None:
        """TOML or JSON front matter, parsed: `title` and `description` as prose, `supplements` as references at
        their places (offsets in ``text``, whose line 1 is page line ``first + 1``)."""
        where = Lines(text)

        def point(offset: int) -> tuple[int, int]:
            line, column = where.locate(offset)
            return line + 1 + first, column + 1

        prose = [key for key in ("title", "description") if isinstance(data.get(key), str) and data[key].strip()]
        for name in sorted(prose, key=lambda key: places[key].start if key in places else 0):
            run = _toml_prose(text, places.get(name), data[name], point, self.next_order(), _MATTER_ROLES[name])
            self.page.prose.append(run)
        for key in _label_keys(data):
            self.structured_references(
                data[key[0]] if len(key) == 1 else data[key[0]][key[1]], places.get(".".join(key)), point, first
            )
        self.page.topics.extend(_matter_topics(data))
        cursor = 0  # each link's URL is looked for after the one before, so repeated URLs keep their own places
        for _, url, words in _matter_links(data):
            at = text.find(url, cursor)
            at = text.find(url) if at < 0 else at  # an escaped URL (JSON "\/") is placed at the first plain one
            line, column = point(at) if at >= 0 else (first + 1, 1)
            cursor = at + len(url) if at >= 0 else cursor
            self.page.links.append(Link(url, frozenset(), words, line, column, self.next_order()))

    def structured_references(self, value, place, point, first: int) -> None:
        """One list of labels in TOML or JSON front matter (``place``: where it is, when the scan could tell)."""
        start = point(place.start) if place else (first + 1, 1)
        if self.page.front_matter_line is None:
            self.page.front_matter_line = point(place.key)[0] if place else first + 1
        if place is None:  # no places (a shape the scan does not know): every entry at the front matter's start
            spans = [(start, start)] * (len(value) if isinstance(value, list) else 1)
        elif isinstance(value, list) and len(place.items) == len(value):
            spans = [(point(a), point(b)) for a, b in place.items]
        else:
            spans = [(start, point(place.end))] * (len(value) if isinstance(value, list) else 1)
        # an entry that spans lines (a TOML multi-line string) is marked on its first line
        self.entries(
            value,
            [(begin[0], begin[1], stop[1] if stop[0] == begin[0] else begin[1] + 1) for begin, stop in spans],
            start,
        )


#: Front-matter keys (YAML, TOML or JSON) whose value the site's layout renders as a link: a product list's `href`,
#: `url`, `link` (the Hugo and Astro themes' product cards: `products: [{title, href, badge}]`), and keys ending in
#: url or link (`buy_url`, `affiliateLink`, `amazon_link`), and a ClickBank hoplink (`affiliateHoplink`, `hoplink`:
#: ClickBank's name for its affiliate link); the MDX reader takes the same props of a component as links (mdx.py).
#: Media and page-identity URLs are not links the reader follows to a product (`image_url`, `canonical_url`,
#: `permalink`).
_LINK_KEY = re.compile(r"(?:href|url|link|(?:[\w-]*?)(?:[_-]url|[_-]link|Url|Link|URL|[hH]op[lL]ink))$")
_NOT_LINK_KEY = re.compile(
    r"image|img|photo|picture|thumb|cover|icon|logo|avatar|banner|video|audio|canonical|perma|feed|og[_-]|twitter"
    r"|source|redirect|alias|edit|repo|github",
    re.IGNORECASE,
)
_LINK_TEXT_KEYS = ("title", "name", "label", "text", "cta", "button")
_MATTER_DEPTH = 6  # how deep into nested lists and mappings links are looked for


#: A front-matter string a bodyless page's layout shows as its text: a sentence of this many words or more.
_MATTER_PARAGRAPH_WORDS = 6


def _matter_paragraphs(data) -> list[str]:
    """The top-level keys of a bodyless page's front matter whose value is prose: a string of a sentence's length
    (`_MATTER_PARAGRAPH_WORDS`), not a URL or a site path, under a key that is not a link's, a picture's or the
    page's identity (`_LINK_KEY`, `_NOT_LINK_KEY`). Lists are left alone (a recipe's steps and notes)."""
    if not isinstance(data, dict):
        return []
    return [
        key
        for key, value in data.items()
        if isinstance(key, str)
        and key not in _MATTER_ROLES
        and isinstance(value, str)
        and len(value.split()) >= _MATTER_PARAGRAPH_WORDS
        and not re.match(r"(?:https?://|/)\S*$", value.strip())
        and not _LINK_KEY.fullmatch(key)
        and not _NOT_LINK_KEY.search(key)
    ]


def _matter_links(data, path: tuple = (), depth: int = 0):
    """The (path, url, anchor text) of each link-valued key in front matter, in document order: a string that is an
    absolute http(s) URL or a site path, under a `_LINK_KEY` key; the anchor text is a sibling title or name."""
    if depth > _MATTER_DEPTH:
        return
    if isinstance(data, dict):
        text = next((data[k] for k in _LINK_TEXT_KEYS if isinstance(data.get(k), str)), "")
        for key, value in data.items():
            if isinstance(value, str):
                if (
                    isinstance(key, str)
                    and _LINK_KEY.fullmatch(key)
                    and not _NOT_LINK_KEY.search(key)
                    and re.match(r"(?:https?://|/(?!/))\S+$", value.strip())
                ):
                    yield (*path, key), value.strip(), text
            elif isinstance(value, (dict, list)):
                yield from _matter_links(value, (*path, key), depth + 1)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from _matter_links(value, (*path, index), depth + 1)


#: pages11: the front-matter keys that file a page under its subjects (Jekyll's and Hugo's `tags` and `categories`,
#: Hugo's `keywords`, some themes' `topics`), at the top level or under Hugo's `params`.
_TOPIC_KEYS = ("tags", "categories", "keywords", "topics")


def _matter_topics(data) -> list[str]:
    """The strings the front matter files the page under (`_TOPIC_KEYS`): a list's strings, or a string of them
    separated by commas (`tags: supplements, reviews`)."""
    if not isinstance(data, dict):
        return []
    found: list[str] = []
    for table in (data, data.get("params")):
        if not isinstance(table, dict):
            continue
        for key in _TOPIC_KEYS:
            value = table.get(key)
            if isinstance(value, str):
                found.extend(part.strip() for part in value.split(",") if part.strip())
            elif isinstance(value, list):
                found.extend(item.strip() for item in value if isinstance(item, str) and item.strip())
    return found


def _label_keys(data: dict) -> list[tuple[str, ...]]:
    """Where front matter lists its labels: `supplements`, and Hugo's `params.supplements` (a Hugo site's own
    front-matter fields go under `params`), which counts the same."""
    keys: list[tuple[str, ...]] = [("supplements",)] if "supplements" in data else []
    if isinstance(data.get("params"), dict) and "supplements" in data["params"]:
        keys.append(("params", "supplements"))
    return keys


def _place(span, entry) -> tuple[int, int, int]:
    """(page line, column, end column) of a YAML front-matter value (front-matter line n is page line n + 1)."""
    end = span.end_column if span.end_line == span.line else span.column + len(entry if isinstance(entry, str) else "")
    return span.line + 1, span.column, end


def _toml_prose(text: str, place, value: str, point, order: int, role: str = UNKNOWN) -> Prose:
    """A TOML front-matter string as prose. A one-line string gets exact anchors (escapes decoded as YAML's
    double-quoted style does, which covers TOML's); a multi-line one is placed at its first line."""
    if place is None:
        return Prose(value, 2, 1, order, (), role)
    line, column = point(place.start)
    raw = text[place.start : place.end]
    quote = raw[:1]
    if raw[:3] in ('"""', "'''") or "\n" in raw or quote not in "\"'" or len(raw) < 2:
        first = 1 if raw[3:4] == "\n" else 0  # a newline right after the delimiter is not part of the value
        return Prose(value, line + first, 1 if first else column + 3, order, (), role)
    decoded = _yaml_decode(raw[1:-1], '"' if quote == '"' else None)
    if decoded is None or decoded[0] != value:
        return Prose(value, line, column + 1, order, (), role)
    anchors: list[tuple[int, int, int]] = []
    for offset, index in decoded[1]:
        if anchors and anchors[-1][0] == offset:
            anchors.pop()
        anchors.append((offset, line, column + 1 + index))
    return Prose(value, line, column + 1, order, tuple(anchors), role)


def _kind(value) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", dict: "a mapping", list: "a list"}.get(
        type(value), "a " + type(value).__name__
    )


def _scalar_prose(doc: Document, key: str, lines: list[str], order: int, role: str = UNKNOWN) -> Prose:
    """A front-matter string as prose at its page position (front-matter line n is page line n + 1). A value
    folded over several source lines gets its line breaks back, so offsets still map to page lines."""
    assert isinstance(doc.data, dict)  # front matter that is a mapping (the caller checked)
    node, value = doc.node((key,)), doc.data[key]
    span = doc.value_span((key,))
    style = getattr(node, "style", None)
    segments = []  # (source text on a line, its 0-based column, its front-matter line)
    for number in range(span.line, span.end_line + 1):
        source = lines[number - 1] if number - 1 < len(lines) else ""
        first = span.column - 1 if number == span.line else 0
        segments.append(
            (source[first : span.end_column - 1 if number == span.end_line else len(source)], first, number)
        )
    line, column = span.line, span.column
    if style in ('"', "'"):
        column += 1
        text, first, number = segments[0]
        segments[0] = (text[1:], first + 1, number)
        text, first, number = segments[-1]
        segments[-1] = (text[:-1], first, number)
    elif style in ("|", ">"):  # the text starts on the line after the indicator
        segments = segments[1:] or [("", 0, line + 1)]
        line += 1
        source = lines[line - 1] if line - 1 < len(lines) else ""
        column = len(source) - len(source.lstrip()) + 1
    pieces = [(text.strip(), first + len(text) - len(text.lstrip()), number) for text, first, number in segments]
    while pieces and not pieces[-1][0]:
        pieces.pop()
    text = value.rstrip("\n")
    anchors: list[tuple[int, int, int]] = []
    if len(segments) == 1 and style in ('"', "'"):  # a quoted value keeps its inner spaces
        pieces = [(segments[0][0], segments[0][1], segments[0][2])]
    if style == "|":  # literal: value lines are the source lines less the block's indentation
        offset = 0
        for text_line, (_, _first, number) in zip(text.split("\n"), pieces, strict=False):
            source = lines[number - 1]
            at = source.find(text_line.strip()) if text_line.strip() else -1
            if at >= 0:  # a more-indented line keeps its extra indentation in the value
                anchors.append((offset, number + 1, at - (len(text_line) - len(text_line.lstrip())) + 1))
            offset += len(text_line) + 1
    elif pieces and all(piece for piece, _, _ in pieces):
        decoded = [d for piece, _, _ in pieces if (d := _yaml_decode(piece, style)) is not None]
        if len(decoded) == len(pieces) and " ".join(d[0] for d in decoded) == text:
            text, offset = "\n".join(d[0] for d in decoded), 0
            for (piece_text, points), (_, first, number) in zip(decoded, pieces, strict=True):
                for at, index in points:
                    if anchors and anchors[-1][0] == offset + at:
                        anchors.pop()  # an escape right at a point: the later point wins
                    anchors.append((offset + at, number + 1, first + index + 1))
                offset += len(piece_text) + 1
    return Prose(text, line + 1, column, order, tuple(anchors), role)


_YAML_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def _yaml_decode(piece: str, style: str | None) -> tuple[str, list[tuple[int, int]]] | None:
    """A scalar's text on one source line, decoded as YAML reads it: (text, (text offset, index in ``piece``) at
    its start and after each escape); None when it holds something this does not read (the value then gets no
    anchors)."""
    quote = {'"': "\\", "'": "'"}.get(style or "")
    if quote is None or quote not in piece:
        return piece, [(0, 0)]
    out: list[str] = []
    points = [(0, 0)]
    length = at = 0
    while True:
        found = piece.find(quote, at)
        if found < 0:
            out.append(piece[at:])
            break
        out.append(piece[at:found])
        length += found - at
        if quote == "'":
            if piece[found + 1 : found + 2] != "'":
                return None
            out.append("'")
            at = found + 2
            length += 1
            points.append((length - 1, found + 1))  # the quote that stays
            continue
        code = piece[found + 1 : found + 2]
        if code in _YAML_HEX:
            digits = piece[found + 2 : found + 2 + _YAML_HEX[code]]
            if len(digits) != _YAML_HEX[code] or not all(c in "0123456789abcdefABCDEF" for c in digits):
                return None
            out.append(chr(int(digits, 16)))
            at = found + 2 + len(digits)
        elif code in _YAML_ESCAPES:
            out.append(_YAML_ESCAPES[code])
            at = found + 2
        else:
            return None
        points.append((length, found + 1 if out[-1] == code else found))  # \" is the " after the backslash
        length += 1
        points.append((length, at))
    return "".join(out), points


#: Hugo reads a page that starts with `{` as JSON front matter; this asks for a `{` alone on the first line or a
#: `{"key"`, so that a page opening with a template tag (`{% include %}`, `{{ partial }}`) is still Markdown.
_JSON_START = re.compile(r'\{\s*(?:$|")')


def _front_matter_end(lines: list[str]) -> tuple[str, int] | None:
    """(the fence, index of the line closing the front matter), the index being -1 when it is opened and never
    closed; None when there is none. YAML sits between `---` lines, Hugo's TOML between `+++` lines."""
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return None
    closing = ("---", "...") if fence == "---" else ("+++",)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closing:
            return fence, index
    return fence, -1


def parse_markdown(text: str, mdx: bool = False) -> Page:
    """Read a Markdown page: front matter, prose, links, embedded labels and comments, with page positions.
    ``mdx``: an MDX page, whose ESM lines, JSX tags and {expressions} are blanked out first (see mdx.py)."""
    lines = normalize(text).split("\n")
    found = _front_matter_end(lines)
    builder = _Builder(lines)
    if found is not None and found[1] == -1:
        fence = found[0]
        builder.page.problems.append(
            Hit.point(
                INVALID_YAML,
                "the front matter opened on line 1 is never closed",
                1,
                1,
                f"end it with a line `{fence}`, or remove the first line if it is meant as a rule",
            )
        )
    elif found is None and not mdx and _JSON_START.match(lines[0] if lines else ""):
        end = builder.json_front_matter("\n".join(lines))
        if end is not None:
            lines = [""] * (end + 1) + lines[end + 1 :]
    elif found is not None:
        fence, end = found
        if fence == "+++":
            builder.toml_front_matter(lines[1:end])
        else:
            builder.front_matter(lines[1:end], bodyless=not any(line.strip() for line in lines[end + 1 :]))
        # Blank, not cut: markdown-it must not read the front matter as prose, and page lines must stay page lines.
        lines = [""] * (end + 1) + lines[end + 1 :]
    rendered: list = []
    if not mdx:  # in MDX, braces are JavaScript (mdx.py)
        lines = blank_templates(lines)
    if mdx:
        from .mdx import blank_mdx

        lines, comments, rendered = blank_mdx(lines)
        builder.page.comments.extend(comments)
    builder.lines = lines
    builder.tokens((_mdx_markdown if mdx else _markdown)().parse("\n".join(lines)))
    builder.page.comments.sort(key=lambda comment: (comment.line, comment.column))
    if rendered:  # blanking keeps every character's place, so offsets in the page are offsets in the blanked lines
        _add_component_links(builder.page, rendered, Lines("\n".join(lines)))
    return builder.page


def _add_component_links(page: Page, rendered: list, where: Lines) -> None:
    """Put the links MDX components render (mdx.ComponentLink) in document order among the page's runs, links and
    labels: in the run of what the component holds, or in a slot of their own just before the next item. Orders
    are renumbered (every existing one to 2n + 1) to make room for the slots."""
    runs = sorted(page.prose, key=lambda run: (run.line, run.column))
    slots = sorted(
        [(run.line, run.column, run.order) for run in page.prose]
        + [(label.line, label.column, label.order) for label in page.labels]
        + [(link.line, link.column, link.order) for link in page.links if link.order not in {r.order for r in runs}]
    )
    last = max((order for _, _, order in slots), default=-1)
    added = []
    for link in rendered:
        line, column = (part + 1 for part in where.locate(link.start))
        end = tuple(part + 1 for part in where.locate(link.end))
        inside = next((run for run in runs if (line, column) <= (run.line, run.column) < end), None)
        if inside is not None:
            order = 2 * inside.order + 1
        else:
            after = next((slot for slot in slots if slot[:2] >= (line, column)), None)
            order = 2 * after[2] if after is not None else 2 * last + 2
        added.append(Link(link.url, rel_tokens(link.rel), link.text, line, column, order, 0))
    page.prose = [replace(run, order=2 * run.order + 1) for run in page.prose]
    page.labels = [replace(label, order=2 * label.order + 1) for label in page.labels]
    moved = [replace(link, order=2 * link.order + 1) for link in page.links]
    page.links = sorted(moved + added, key=lambda link: (link.order, link.offset))
