"""Pages (Markdown, MDX and HTML affiliate posts): what supplint reads out of them, with page positions.

A parser (markdown.py, html.py) turns a page into a `Page`; the page rules and the label rules run on that. Every
position is 1-based and refers to the page file, so findings point at page lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..hits import Hit

#: What a prose run is on the page, as its parser knows it from the markup (a Markdown heading or list item, an
#: HTML <h2>, <p>, <li> or <td>, front matter's title or description). "unknown": the parser cannot tell (text loose
#: in a <div>, an MDX component's children), and readers of the run fall back on its shape.
HEADING, PARAGRAPH, ITEM, CELL, TITLE, DESCRIPTION, UNKNOWN = (
    "heading",
    "paragraph",
    "item",
    "cell",
    "title",
    "description",
    "unknown",
)
ROLES = frozenset({HEADING, PARAGRAPH, ITEM, CELL, TITLE, DESCRIPTION, UNKNOWN})


@dataclass(frozen=True, slots=True)
class Prose:
    """A run of the page's own words (a heading, paragraph, list item, table cell, front-matter title or
    description), without markup, code or URLs. Soft line breaks stay as "\\n", so an offset in ``text`` maps to
    a page line: ``line + text.count("\\n", 0, offset)``.

    ``anchors`` maps offsets to exact page positions: sorted (text offset, page line, page column) points, one
    where each contiguous piece of source text copied into ``text`` starts (after removed markup, at every line
    start, after an entity or escape); within a piece the column advances one per character. Empty when the
    parser could not tell (then only the first line's columns are exact)."""

    text: str
    line: int
    column: int
    order: int  # document order among prose runs, links and labels
    anchors: tuple[tuple[int, int, int], ...] = ()
    role: str = "unknown"  # what the parser knows the run is: one of ROLES ("unknown" when it cannot tell)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    rel: frozenset[str]  # lower-case tokens of rel="..." ("sponsored", "nofollow"); empty for Markdown links
    text: str  # the anchor text
    line: int
    column: int
    order: int  # document order: the prose run that holds the anchor, or its own slot
    offset: int = 0  # where the anchor text starts within that prose run's text (0 when not in one)


@dataclass(frozen=True, slots=True)
class Embedded:
    """A label written inside the page: a ```supplement fence or a <script type="application/x-supplement+yaml">."""

    text: str
    line: int  # page line of the label's first line
    column: int  # page column (1-based) at which each of the label's lines starts
    order: int


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the front matter's `supplements:` list: a label file, relative to the page."""

    path: str
    line: int
    column: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment (in either format): where suppression directives live on pages."""

    text: str  # the comment's content, without <!-- -->
    line: int
    column: int
    own_line: bool  # nothing but the comment on its line(s)
    end_line: int


@dataclass(slots=True)
class Page:
    kind: str  # "markdown" or "html"
    prose: list[Prose] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    labels: list[Embedded] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    problems: list[Hit] = field(default_factory=list)  # what the parser could not read: SUP001, SUP002
    front_matter_line: int | None = None  # line of the front matter's `supplements:` key, if any
    # pages11: what the front matter files the page under (`tags`, `categories`, `keywords`, `topics`: each string,
    # as written), the author's own word for the page's subject; not prose, so nothing in it is read as a claim.
    topics: list[str] = field(default_factory=list)
