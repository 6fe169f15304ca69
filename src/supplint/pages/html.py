"""HTML pages → `Page`.

Why the standard library's ``html.parser`` and not html5lib or selectolax: every finding must point at a page line
and column, and HTMLParser reports where each tag, text chunk and comment starts (``getpos()``), which tree
builders throw away; it also adds no dependency and shrugs at the tag soup CMS exports are made of. Two traps:
``getpos()``'s column is 0-based (we add 1), and ``handle_data`` may be called in several chunks for one stretch of
text (at every ``<`` that opens no tag, and inside ``<script>`` at every ``</``), so text is accumulated, never
assumed whole. Where the raw source is exact (an embedded label, a comment's extent) we slice the source instead.

Prose is every piece of visible text outside code, styling and machinery (script, style, code, template,
noscript, svg, a <pre> that holds code, and head apart from its <title>), plus <meta name="description">; a block
element (p, h1-h6, li, td, div, …) starts a new run, and the run's role says which (`pages.ROLES`). Whitespace
is collapsed but line breaks are kept, so offsets still map to page lines; every word leaves an anchor
(`Prose.anchors`) at its source position, and one more after each character reference in it (the parser hands us
decoded text, which is aligned back onto the source), so offsets map to exact page columns.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from html import unescape
from html.parser import HTMLParser

from ..codes import INVALID_LABEL
from ..hits import Hit
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
from .lines import Lines
from .templates import quiet_php

LABEL_TYPE = "application/x-supplement+yaml"
#: schema.org data in a page (JSON-LD): a Product's `offers` say where it is sold, so each offer's url is a product
#: link of the page, although no <a> shows it (https://schema.org/Offer, property `url`).
JSON_LD_TYPE = "application/ld+json"
#: An element that navigates when clicked is a link to where it goes: sales pages make their order buttons
#: `<button onclick="window.location.href='https://…/checkout'">Order Now</button>` (or `location.assign(…)`,
#: `window.open(…)`), with no <a> at all. The first URL literal the handler sends the browser to is the link.
NAVIGATES = re.compile(
    r"""(?:\blocation(?:\.href)?\s*=\s*|\blocation\.(?:assign|replace)\(\s*|\bwindow\.open\(\s*)(['"])([^'"\s]+)\1"""
)


def navigates_to(onclick: str | None) -> str | None:
    """The URL an element's ``onclick`` handler sends the browser to (`NAVIGATES`), or None."""
    target = NAVIGATES.search(onclick or "")
    return target.group(2) if target is not None else None


#: Page furniture a theme or plugin adds around the post, by the class or id it carries: readers' comments
#: (WordPress `comments-area`/`comment-list`, Disqus), related-posts widgets (Jetpack, YARPP, Contextual Related
#: Posts) and cookie banners. Their words are not the publisher's about this page: a reader's "this cured my
#: arthritis" is not the page's claim, and a widget's teaser for another post does not make a recipe page one about
#: supplements. Their text and links are left out.
BOILERPLATE = re.compile(
    r"comments?(?:-area|-list|-section|-wrapper)?|commentlist|comment-respond|disqus_thread"
    r"|(?:jp-|yarpp-|crp_)?related(?:-?posts?|-articles|_posts)?|jp-relatedposts|yarpp-related"
    r"|cookie(?:-banner|-notice|-consent|-law-info-bar|bar)|cmplz-cookiebanner|cc-window",
    re.IGNORECASE,
)

#: Elements whose start or end ends a prose run (a heading and the paragraph after it are two runs).
BLOCKS = frozenset(
    """
    address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary table tbody td tfoot th thead
    title tr ul
""".split()
)
#: Text inside these is code, styling or machinery, not the page's words (Vale's HTML scoping, plus a few more).
HIDDEN = frozenset("script style code tt kbd samp template noscript svg math".split())
#: A <pre> is preformatted text: code when it says so (a highlighter's or Markdown renderer's class) or holds a
#: <code>, which HIDDEN covers; otherwise it is words laid out by hand (an old page's whole text may be one <pre>).
_CODE_PRE = ("highlight", "language-", "lang-", "code", "source", "prettyprint", "brush", "chroma", "hljs", "syntax")
#: The block elements whose text is a run of a known role (see pages.ROLES); any other block's is "unknown".
ROLE_TAGS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), HEADING),
    "p": PARAGRAPH,
    "li": ITEM,
    "td": CELL,
    "th": CELL,
    "title": TITLE,
}
#: Elements that never have content, so never go on the open-element stack.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_TOKEN = re.compile(r"(\s+)|\S+")


def code_pre(attrs: dict) -> bool:
    """Whether a <pre> with these attributes is marked as code (its class or data-lang)."""
    if "data-lang" in attrs:
        return True
    names = (attrs.get("class") or "").lower()
    return any(word in names for word in _CODE_PRE)


_URL = re.compile(r"https?://[^\s<>\"']+")


def _blank(url: re.Match) -> str:
    return " " * len(url.group())  # same length, so the words after it keep their positions


_ATTR = {name: re.compile(rf"\s{name}\s*=\s*[\"']?", re.I) for name in ("href", "content")}


#: What html.unescape (and so HTMLParser's convert_charrefs) replaces: the same pattern the stdlib uses.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_AMP = re.compile("&")


def align(
    text: str, source: str, start: int, special, specials: re.Pattern
) -> tuple[list[tuple[int, int]], int] | None:
    """Map ``text`` (decoded) onto ``source`` from ``start`` on: anchors (text offset, source index), one at the
    start and one after each replacement, and the source index after the text; None when ``text`` is not what
    ``source`` holds there. ``specials`` finds where a replacement may start; ``special(source, j, text, i)``
    says whether one does: (source length, text length, source offset of the replacement's text) or None."""
    anchors = [(0, start)]
    i, j, n, size = 0, start, len(text), len(source)
    while i < n:
        found = specials.search(source, j, j + n - i)  # the source never is shorter than its text
        stop = found.start() if found else size
        step = min(stop - j, n - i)
        if source[j : j + step] != text[i : i + step]:
            return None
        i, j = i + step, j + step
        if i >= n:
            break
        if j >= size:
            return None
        replaced = special(source, j, text, i)
        if replaced is None:
            if source[j] != text[i]:
                return None
            i, j = i + 1, j + 1
            continue
        source_length, text_length, shift = replaced
        if anchors[-1][0] == i:
            anchors[-1] = (i, j + shift)
        else:
            anchors.append((i, j + shift))
        if i + text_length < n and j + shift + text_length != j + source_length:
            anchors.append((i + text_length, j + source_length))
        i, j = i + text_length, j + source_length
    return anchors, j


def html_special(source: str, j: int, text: str, i: int) -> tuple[int, int, int] | None:
    """A character reference at ``source[j]`` that decodes to what ``text`` has at ``i``."""
    found = _CHARREF.match(source, j)
    if found is None:
        return None
    decoded = unescape(found.group())
    if decoded == found.group() or not text.startswith(decoded, i):
        return None
    return len(found.group()), len(decoded), 0


def source_point(anchors: list[tuple[int, int]], offset: int) -> int:
    """The source index of text ``offset``, through ``align``'s anchors (sorted by offset: a bisection, since a
    long text with many entities has many anchors and is asked for a point per word)."""
    at = max(bisect_right(anchors, (offset, _MAX)) - 1, 0)
    return anchors[at][1] + offset - anchors[at][0]


def slice_anchors(anchors: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The anchors of ``text[start:end]``, with offsets relative to ``start``."""
    points = [(0, source_point(anchors, start))]
    first, stop = bisect_right(anchors, (start, _MAX)), bisect_left(anchors, (end,))
    points += [(offset - start, index) for offset, index in anchors[first:stop]]
    return points


_MAX = float("inf")


def rel_tokens(value: str | None) -> frozenset[str]:
    return frozenset((value or "").lower().split())


def comment_end(source: str, start: int, data: str) -> int:
    """Where a comment opening at ``start`` with content ``data`` ends (after ``-->``, or the end of the text)."""
    end = start + 4 + len(data)
    for closer in ("-->", "--!>"):
        if source.startswith(closer, end):
            return end + len(closer)
    return min(end, len(source))


def normalize(text: str) -> str:
    """One newline convention and no BOM, so line arithmetic is the same for every page."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class SafeParser(HTMLParser):
    """HTMLParser that never raises: before Python 3.13 a malformed declaration (``<![x``, ``<!DOCTYPE [``) trips an
    AssertionError deep in _markupbase, and a traceback is never the answer to a page."""

    def parse_html_declaration(self, i):
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # read it as browsers do: a bogus comment up to the next ">"
            end = self.rawdata.find(">", i)
            return end + 1 if end >= 0 else -1


class _Run:
    """A prose run being collected: whitespace collapsed on the way in, line breaks kept."""

    __slots__ = ("anchors", "column", "length", "line", "order", "parts", "pending", "role")

    def __init__(self, role: str = UNKNOWN):
        self.role = role
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""  # whitespace seen since the last word: "" / " " / "\n" * k
        self.line = self.column = 0
        self.order = -1
        self.anchors: list[tuple[int, int, int]] = []  # (text offset, page line, page column), see Prose

    def word(self, word: str) -> int:
        """Append ``word``; returns the offset it landed at."""
        if self.pending and self.parts:
            self.parts.append(self.pending)
            self.length += len(self.pending)
        self.pending = ""
        at = self.length
        self.parts.append(word)
        self.length += len(word)
        return at

    def place(self, word: str, points, position) -> int:
        """Append ``word`` with its anchors: ``points`` are (offset in the word, source index) and ``position``
        turns a source index into a page (line, column)."""
        at = self.word(word)
        for offset, index in points:
            self.anchors.append((at + offset, *position(index)))
        if at == 0:
            self.line, self.column = self.anchors[0][1:] if self.anchors else (self.line, self.column)
        return at

    def space(self, blank: str) -> None:
        if not self.parts:
            return
        newlines = blank.count("\n")
        if newlines:
            self.pending = "\n" * (self.pending.count("\n") + newlines)
        elif not self.pending:
            self.pending = " "


class _LinkDraft:
    __slots__ = ("at", "column", "line", "offset", "rel", "run", "text", "url")

    def __init__(self, url, rel, line, column, run: _Run):
        self.url, self.rel, self.line, self.column, self.run = url, rel, line, column, run
        self.at = run.length + (1 if run.pending and run.parts else 0)  # where it sits if its text adds no word
        self.offset: int | None = None
        self.text: list[str] = []


class _OpenElements:
    """The stack of open elements, with where each tag is on it: whether a tag is open, and its innermost or
    outermost place, cost no walk of the stack (a page of thousands of unclosed tags made every tag such a walk)."""

    __slots__ = ("tags", "where")

    def __init__(self):
        self.tags: list[str] = []
        self.where: dict[str, list[int]] = {}  # tag → its indices on the stack, innermost last

    def __contains__(self, tag: str) -> bool:
        return bool(self.where.get(tag))

    def push(self, tag: str) -> None:
        self.where.setdefault(tag, []).append(len(self.tags))
        self.tags.append(tag)

    def innermost(self, tag: str) -> int:
        return self.where[tag][-1]

    def outermost(self, tag: str) -> int:
        return self.where[tag][0]

    def cut(self, index: int) -> None:
        """Close the element at ``index`` and every one inside it."""
        for tag in self.tags[index:]:
            self.where[tag].pop()  # those removed are each tag's innermost places
        del self.tags[index:]


class _PageParser(SafeParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.lines = Lines(source)
        self.starts = self.lines.starts  # offset of each line's first character, for offset ↔ (line, column)
        self.page = Page("html")
        self.stack = _OpenElements()
        self.hidden = False
        self.run = _Run()
        self.items: list = [self.run]  # runs, link drafts and labels in document order
        self.link: _LinkDraft | None = None
        self.link_tag: tuple[str, int] | None = None  # the element (tag, stack place) an onclick link is open on
        self.label_start: int | None = None
        self.json_start: int | None = None  # where an open JSON-LD script's content starts
        self.furniture: list[int] = []  # stack places of the open boilerplate elements (BOILERPLATE)
        self.code_pres: list[int] = []  # stack places of the open <pre> elements that hold code (code_pre)

    # --- positions -------------------------------------------------------------------------------------------------

    def here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def position(self, offset: int) -> tuple[int, int]:
        line, column = self.lines.locate(offset)
        return line + 1, column + 1

    def attr_position(self, name: str) -> tuple[int, int, int]:
        """Page line, column and offset of attribute ``name``'s value in the current start tag (the tag's own
        position when it cannot be found)."""
        tag_at = self.here()
        found = _ATTR[name].search(self.get_starttag_text() or "")
        at = tag_at + (found.end() if found else 0)
        return (*self.position(at), at)

    # --- structure -------------------------------------------------------------------------------------------------

    def break_run(self) -> None:
        if self.run.parts or self.items[-1] is not self.run:  # a link may hold on to an empty run: leave it be
            self.new_run()

    def new_run(self) -> None:
        self.run = _Run()
        self.items.append(self.run)

    def insert(self, item) -> None:
        """An item that stands between runs (a label, the meta description): text after it is a later run."""
        self.break_run()
        self.items.append(item)
        self.new_run()

    def restack(self) -> None:
        stack = self.stack
        while self.furniture and self.furniture[-1] >= len(stack.tags):  # closed with the element
            self.furniture.pop()
        while self.code_pres and self.code_pres[-1] >= len(stack.tags):
            self.code_pres.pop()
        self.hidden = (
            any(tag in stack for tag in HIDDEN)
            or ("head" in stack and "title" not in stack)
            or bool(self.furniture)
            or bool(self.code_pres)
        )

    def enclosing_role(self) -> str:
        """The role of the innermost open block element (text after a nested block closes belongs to it again);
        a few levels are looked at, never the whole stack."""
        for tag in reversed(self.stack.tags[-8:]):
            if tag in BLOCKS:
                return ROLE_TAGS.get(tag, UNKNOWN)
        return UNKNOWN

    def close(self):
        super().close()
        self.end_link()
        if self.label_start is not None:  # an unclosed label script runs to the end of the page
            self.add_label(self.label_start, len(self.source))
        return self.build()

    def gap(self, raw: str) -> None:
        """Markup or hidden text inside a run still takes up its source lines: keep its line breaks, so the words
        after it stay on the right page line."""
        if "\n" in raw and self.run.parts:
            self.run.space("\n" * raw.count("\n"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.gap(self.get_starttag_text() or "")
        # a body tag (or body content) ends an unclosed head, as in a browser
        if "head" in self.stack and (tag == "body" or (tag in BLOCKS and tag != "title")):
            self.stack.cut(self.stack.outermost("head"))
            self.restack()
        if tag in BLOCKS:
            self.break_run()
            role = ROLE_TAGS.get(tag, UNKNOWN)
            if role == PARAGRAPH:  # a <p> in an <li> or a <td> (WordPress lists and tables) is the item's text
                outer = self.enclosing_role()
                role = outer if outer in (ITEM, CELL) else role
            self.run.role = role
        elif tag in HIDDEN and self.run.parts:
            self.run.space(" ")  # `Take<code>x</code>daily` must not read as "Takedaily"
        elif tag in ("br", "img", "wbr", "input"):
            self.run.space(" ")
        if tag == "a":
            self.end_link()  # an <a> inside an open <a> closes it, as in a browser
            if attrs.get("href") is not None and not self.furniture:
                line, column = self.getpos()
                self.link = _LinkDraft(attrs["href"], rel_tokens(attrs.get("rel")), line, column + 1, self.run)
                self.items.append(self.link)
        elif tag == "iframe" and self.link is None and not self.furniture and (attrs.get("src") or "").strip():
            # An iframe shows the reader another page, and an ad unit's frame is a link: Amazon Associates' text
            # and image links are <iframe src="//ws-na.amazon-adsystem.com/widgets/q?...&tracking_id=...-20">.
            line, column = self.getpos()
            frame = _LinkDraft(attrs["src"].strip(), frozenset(), line, column + 1, self.run)
            frame.text = [" ".join((attrs.get("title") or "").split())]
            self.items.append(frame)
        elif self.link is None and tag not in VOID and not self.furniture and attrs.get("onclick"):
            target = navigates_to(attrs["onclick"])
            if target is not None:  # <button onclick="window.location.href='...'">Order Now</button>
                line, column = self.getpos()
                self.link = _LinkDraft(target, frozenset(), line, column + 1, self.run)
                self.link_tag = (tag, len(self.stack.tags))
                self.items.append(self.link)
        if tag == "script" and (attrs.get("type") or "").split(";")[0].strip().lower() == LABEL_TYPE:
            self.label_start = self.here() + len(self.get_starttag_text() or "")
        elif tag == "script" and (attrs.get("type") or "").split(";")[0].strip().lower() == JSON_LD_TYPE:
            self.json_start = self.here() + len(self.get_starttag_text() or "")
        elif tag == "meta":
            self.meta(attrs)
        elif tag == "link" and "supplement" in rel_tokens(attrs.get("rel")):
            self.reference(attrs.get("href"))
        if tag not in VOID:
            if _furniture(attrs):
                self.furniture.append(len(self.stack.tags))
            if tag == "pre" and code_pre(attrs):
                self.code_pres.append(len(self.stack.tags))
            self.stack.push(tag)
            self.restack()

    def handle_endtag(self, tag):
        if tag == "a" or (
            self.link_tag is not None
            and tag == self.link_tag[0]
            and tag in self.stack
            and self.stack.innermost(tag) <= self.link_tag[1]
        ):
            self.end_link()
        elif tag == "script" and self.label_start is not None:
            self.add_label(self.label_start, self.here())
            self.label_start = None
        elif tag == "script" and self.json_start is not None:
            self.offers(self.json_start, self.here())
            self.json_start = None
        if tag in BLOCKS:
            self.break_run()
        if tag in self.stack:  # close it and whatever was left open inside it
            self.stack.cut(self.stack.innermost(tag))
            self.restack()
        if tag in BLOCKS and not self.run.parts:
            self.run.role = self.enclosing_role()

    def handle_data(self, data):
        if self.link is not None:
            self.link.text.append(data)
        if self.hidden:
            self.gap(data)
            return
        run, link = self.run, self.link
        line, column = self.getpos()
        start = self.starts[line - 1] + column
        # Where each character of the (decoded) data is in the source: one to one unless it held entities.
        plain = self.source.startswith(data, start) and self.source.find("&", start, start + len(data)) < 0
        mapped = [(0, start)] if plain else None
        if mapped is None:
            aligned = align(data, self.source, start, html_special, _AMP)
            mapped = aligned[0] if aligned else [(0, start)]
        in_pre = "pre" in self.stack  # a <pre> that holds words (one that holds code is hidden)
        for token in _TOKEN.finditer(_URL.sub(_blank, data)):
            if token.group(1):
                if in_pre and token.group().count("\n") > 1 and run.parts:
                    self.break_run()  # a blank line in preformatted text ends a paragraph, as it shows
                    run = self.run
                    continue
                run.space(token.group())
                continue
            if not run.parts:  # the run starts here: remember where its first character is
                before = data[: token.start()]
                newlines = before.count("\n")
                run.line = line + newlines
                run.column = len(before) - before.rfind("\n") if newlines else column + len(before) + 1
            points = (
                slice_anchors(mapped, token.start(), token.end()) if len(mapped) > 1 else [(0, start + token.start())]
            )
            spot = run.place(token.group(), points, self.position)
            if link is not None and link.offset is None and link.run is run:
                link.offset = spot

    def handle_comment(self, data):
        self.gap(data)
        start = self.here()
        end = comment_end(self.source, start, data)
        line, column = self.position(start)
        end_line = self.position(end)[0] if end > start else line
        self.page.comments.append(Comment(data, line, column, self.lines.own_line(start, end), end_line))

    # --- pieces ----------------------------------------------------------------------------------------------------

    def meta(self, attrs: dict) -> None:
        name = (attrs.get("name") or "").strip().lower()
        content = attrs.get("content")
        if name == "description" and content and content.strip():
            line, column, at = self.attr_position("content")
            run = _Run(DESCRIPTION)
            run.line, run.column = line, column
            aligned = align(content, self.source, at, html_special, _AMP)
            for token in _TOKEN.finditer(_URL.sub(_blank, content)):
                if token.group(1):
                    run.space(token.group())
                elif aligned:
                    run.place(token.group(), slice_anchors(aligned[0], token.start(), token.end()), self.position)
                else:  # the value is not where we looked: no anchors, the run's position is the best we have
                    run.word(token.group())
            self.insert(run)
        elif name == "supplements" and content is not None:
            line, column, at = self.attr_position("content")
            raw = self.source[at : at + len(content) + 64]
            cursor = 0
            for path in content.split(","):
                path = path.strip()
                where = raw.find(path, cursor) if path else -1
                if where >= 0:
                    cursor = where + len(path)
                    line, column = self.position(at + where)
                self.reference(path, (line, column))

    def reference(self, path: str | None, where: tuple[int, int] | None = None) -> None:
        if where is None:
            line, column, _ = self.attr_position("href")
        else:
            line, column = where
        if not path or not path.strip():
            self.page.problems.append(
                Hit.point(
                    INVALID_LABEL,
                    "a supplement reference has no label path",
                    line,
                    column,
                    'write the label file\'s path: <link rel="supplement" href="labels/x.yaml">',
                )
            )
            return
        path = path.strip()
        self.page.references.append(Reference(path, line, column, column + len(path)))

    def end_link(self) -> None:
        if self.link is not None:
            self.link.text = [" ".join("".join(self.link.text).split())]
            self.link = None
        self.link_tag = None

    def offers(self, start: int, end: int) -> None:
        """The url of every schema.org Offer in a JSON-LD script, each a link at its place in the script."""
        content = self.source[start:end]
        try:
            data = json.loads(content)
        except (ValueError, RecursionError):  # a broken script is the site's business; it holds no link we can read
            return
        cursor = 0
        for url, name in _offer_urls(data):
            where = content.find(json.dumps(url)[1:-1], cursor)
            if where < 0:
                where = cursor
            else:
                cursor = where
            line, column = self.position(start + where)
            self.insert(("link", url, name, line, column))

    def add_label(self, start: int, end: int) -> None:
        """A label script's content; dedented when it starts on the line after the tag, so that every label line
        begins at the same page column and label positions map back exactly."""
        content = self.source[start:end]
        line, column = self.position(start)
        newline = content.find("\n")
        if newline >= 0 and not content[:newline].strip():
            lines = content[newline + 1 :].split("\n")
            if lines and not lines[-1].strip():
                lines[-1] = ""  # the indentation before </script>
            indents = [ln[: len(ln) - len(ln.lstrip())] for ln in lines if ln.strip()]
            indent = _common_prefix(indents)
            text = "\n".join(ln[len(indent) :] if ln.strip() else "" for ln in lines)
            line, column = line + 1, len(indent) + 1
        else:
            text = content
        self.insert(("label", text, line, column))

    def build(self) -> Page:
        page, order = self.page, 0
        for item in self.items:
            if isinstance(item, _Run):
                if item.parts:
                    item.order, order = order, order + 1
                    page.prose.append(
                        Prose("".join(item.parts), item.line, item.column, item.order, tuple(item.anchors), item.role)
                    )
            elif isinstance(item, _LinkDraft):
                text, run = item.text[0], item.run  # end_link() has joined the text
                if run.parts:
                    offset = item.offset if item.offset is not None else min(item.at, run.length)
                    page.links.append(Link(item.url, item.rel, text, item.line, item.column, run.order, offset))
                else:
                    page.links.append(Link(item.url, item.rel, text, item.line, item.column, order, 0))
                    order += 1
            elif item[0] == "link":
                _, url, name, line, column = item
                page.links.append(Link(url, frozenset(), name, line, column, order, 0))
                order += 1
            else:
                _, text, line, column = item
                page.labels.append(Embedded(text, line, column, order))
                order += 1
        return page


def _furniture(attrs: dict) -> bool:
    """Whether an element's class or id names it as page furniture (BOILERPLATE)."""
    names = attrs.get("class") or ""
    if attrs.get("id"):
        names = f"{names} {attrs['id']}"
    if not _FURNITURE_HINT.search(names):  # most elements: one scan, no split
        return False
    return any(BOILERPLATE.fullmatch(name) for name in names.split())


_FURNITURE_HINT = re.compile(r"comment|related|cookie|disqus|cc-window", re.IGNORECASE)


def _offer_urls(data, name: str = "", depth: int = 0):
    """(url, product name) of each Offer under an `offers` key of JSON-LD ``data``, in document order."""
    if depth > 32:  # a page's data is shallow; deeper nesting is not worth walking
        return
    if isinstance(data, list):
        for item in data:
            yield from _offer_urls(item, name, depth + 1)
        return
    if not isinstance(data, dict):
        return
    own = data.get("name")
    name = own if isinstance(own, str) else name
    for key, value in data.items():
        if key == "offers":
            for offer in value if isinstance(value, list) else [value]:
                if isinstance(offer, dict) and isinstance(offer.get("url"), str) and offer["url"].strip():
                    yield offer["url"].strip(), name
                yield from _offer_urls(offer, name, depth + 1)
        elif isinstance(value, (dict, list)):
            yield from _offer_urls(value, name, depth + 1)


def _common_prefix(strings: list[str]) -> str:
    if not strings:
        return ""
    low, high = min(strings), max(strings)
    size = 0
    while size < len(low) and low[size] == high[size]:
        size += 1
    return low[:size]


def parse_html(text: str) -> Page:
    """Read an HTML page: its prose, links, embedded labels, label references and comments, with page positions."""
    source = quiet_php(normalize(text))
    parser = _PageParser(source)
    parser.feed(source)
    return parser.close()
