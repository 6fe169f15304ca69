"""MDX pages: what of Markdown-with-JSX is code, blanked before markdown-it reads the page as Markdown.

Code, never prose: ESM blocks (`import` / `export` at a line's start, to the next blank line), `{expressions}`
(JavaScript, and `{/* comments */}`), and JSX tags with their attributes (`<Callout type="warn" note={...}>`,
`</Callout>`, `<Chart data={...} />`, `<>` fragments). What a JSX element holds between its tags is Markdown in MDX
and renders as the page's text, so it stays and counts as prose. `<a href=... rel=...>` keeps its tag (its
`{expression}` attributes turned into empty strings) so that affiliate links written as JSX are still links. A
component given a link as a string prop (`<ProductCard store="amazon" href="https://amzn.to/..." />`,
`<AffiliateButton url="...">Buy</AffiliateButton>`: a blog's button and card components, their props often one a
line) renders that link: its tag is blanked like any other, and the link is handed to the Markdown reader
(`ComponentLink`) to place among the page's runs.

Blanking puts spaces where the code was and keeps every newline, so every remaining character keeps its page line
and column. Fenced code and code spans are left as they are (a `<Tag>` in them is an example, not JSX). The scan
goes forward only: a tag or expression that does not close is left as text and the scan goes on from where it gave
up, so no part of the page is read more than a bounded number of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import Comment
from .lines import Lines

_ESM = re.compile(r"(?:import|export)(?=[\s{*])")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_NAME = re.compile(r"[A-Za-z_$][\w$.:-]*")
_ATTRIBUTE = re.compile(r"[A-Za-z_$:][\w$.:-]*")
_JS_STRING = {
    "'": re.compile(r"'(?:[^'\\\n]|\\.)*'"),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "`": re.compile(r"`(?:[^`\\]|\\[\s\S])*`"),
}
_ATTRIBUTE_STRING = {"'": re.compile(r"'[^']*'"), '"': re.compile(r'"[^"]*"')}
_SPACE = " \t\n"
#: A component's prop that holds the link it renders: href, url, link, or a name ending in one (affiliateUrl,
#: buyLink); its value a string literal, absolute or site-relative.
_LINK_PROPS = frozenset({"href", "url", "link"})
_LINK_PROP_ENDS = ("Url", "URL", "Link", "Href")
_URL_VALUE = re.compile(r"(?:https?:)?/")
_MARKUP = re.compile(r"<[^>]*>|\{[^{}]*\}")


@dataclass(slots=True)
class ComponentLink:
    """A link a JSX component renders (see the module docstring): offsets in the page text."""

    url: str
    rel: str
    start: int  # the component tag's `<`
    end: int  # the end of its closing tag (of the tag itself when it closes itself)
    text: str = ""  # what the component holds, without markup


def _blank(text: str) -> str:
    return "".join("\n" if char == "\n" else " " for char in text)


def _expression_end(text: str, at: int) -> int:
    """The offset after the `{...}` at ``at`` (braces balanced, JavaScript strings and comments stepped over);
    when it never closes, ``-1 - where the scan gave up``."""
    depth, i, n = 0, at, len(text)
    while i < n:
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        elif char in _JS_STRING:
            found = _JS_STRING[char].match(text, i)
            if found is None:
                return -1 - (n if char == "`" else i)
            i = found.end()
            continue
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            if close < 0:
                return -1 - n
            i = close + 2
            continue
        elif text.startswith("//", i):
            close = text.find("\n", i)
            i = n if close < 0 else close
            continue
        i += 1
    return -1 - n


_Tag = tuple[int, bool, list[tuple[int, int, bool]], list[tuple[str, str]]]


def _tag(text: str, at: int) -> _Tag | int:
    """A JSX tag at ``at`` (its ``<``): (offset after it, whether it is an `<a>` tag, its attribute expressions
    as (start, end, after `=`), its string attributes as (name, value)); when it is not a tag, where the scan gave
    up."""
    i = at + 1
    if i < len(text) and text[i] == "/":
        i += 1
    name = _NAME.match(text, i)
    if name:
        i = name.end()
    elif i >= len(text) or text[i] != ">":  # `<` then neither a name nor `>` (a fragment): text, as in "a < b"
        return i
    is_a = name is not None and name.group().lower() == "a"
    expressions: list[tuple[int, int, bool]] = []
    strings: list[tuple[str, str]] = []
    n = len(text)
    while i < n:
        while i < n and text[i] in _SPACE:
            i += 1
        if i >= n:
            return n
        char = text[i]
        if char == ">":
            return i + 1, is_a, expressions, strings
        if text.startswith("/>", i):
            return i + 2, is_a, expressions, strings
        if char == "{":  # {...spread}
            end = _expression_end(text, i)
            if end < 0:
                return -1 - end
            expressions.append((i, end, False))
            i = end
            continue
        attribute = _ATTRIBUTE.match(text, i)
        if attribute is None:
            return i
        i = attribute.end()
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if j >= n or text[j] != "=":
            continue  # a boolean attribute
        j += 1
        while j < n and text[j] in _SPACE:
            j += 1
        if j < n and text[j] in _ATTRIBUTE_STRING:
            found = _ATTRIBUTE_STRING[text[j]].match(text, j)
            if found is None:
                return n
            strings.append((attribute.group(), found.group()[1:-1]))
            i = found.end()
        elif j < n and text[j] == "{":
            end = _expression_end(text, j)
            if end < 0:
                return -1 - end
            expressions.append((j, end, True))
            i = end
        else:
            return j
    return n


def blank_mdx(lines: list[str]) -> tuple[list[str], list[Comment], list[ComponentLink]]:
    """The page's lines with MDX code blanked out, its `{/* ... */}` comments (where suppression directives
    live on an MDX page, which cannot hold `<!-- -->`), and the links its components render."""
    text = "\n".join(lines)
    out: list[str] = []
    comments: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    fence: str | None = None  # the marker of the open code fence
    esm = False  # inside an import/export block
    unclosed: set[int] = set()  # code-span run lengths that have no closing run further on
    # Where a tag or expression that did not close made the scan give up: none is looked for again before there,
    # so no stretch of the page is scanned twice.
    no_tag_before = no_expression_before = 0
    links: list[ComponentLink] = []
    open_links: list[tuple[str, ComponentLink]] = []  # components with a link whose closing tag is still to come
    at_line_start = True
    previous_blank = True
    while i < n:
        if at_line_start:
            end = text.find("\n", i)
            end = n if end < 0 else end
            line = text[i:end]
            blank = not line.strip()
            opened = _FENCE.match(line)
            if fence is not None or esm or (opened and not esm):
                if esm:
                    esm = not blank
                    out.append(_blank(line))
                elif fence is None:
                    assert opened is not None  # neither in a fence nor in ESM: this line opened a fence
                    fence = opened.group(1)
                    out.append(line)
                else:
                    if (
                        opened
                        and opened.group(1)[0] == fence[0]
                        and len(opened.group(1)) >= len(fence)
                        and not line[opened.end() :].strip()
                    ):
                        fence = None
                    out.append(line)
                previous_blank = blank
                i = end
                if i < n:
                    out.append("\n")
                    i += 1
                continue
            if previous_blank and _ESM.match(line):
                esm = True
                out.append(_blank(line))
                previous_blank = False
                i = end
                if i < n:
                    out.append("\n")
                    i += 1
                continue
            previous_blank = blank
            at_line_start = False
        char = text[i]
        if char == "\n":
            out.append(char)
            i += 1
            at_line_start = True
            continue
        if char == "`":
            run = i
            while run < n and text[run] == "`":
                run += 1
            size = run - i
            close = None
            if size not in unclosed:
                found = re.compile(rf"(?<!`)`{{{size}}}(?!`)").search(text, run)
                if found is None:
                    unclosed.add(size)
                else:
                    close = found.end()
            stop = close if close is not None else run
            chunk = text[i:stop]
            out.append(chunk)
            if "\n" in chunk:
                previous_blank = not chunk[chunk.rfind("\n") + 1 :].strip()
            i = stop
            continue
        if char == "\\" and i + 1 < n and text[i + 1] in "{}<":  # an escaped brace or bracket is text
            out.append(text[i : i + 2])
            i += 2
            continue
        if char == "{":
            end = _expression_end(text, i) if i >= no_expression_before else -1 - no_expression_before
            if end < 0:
                no_expression_before = max(no_expression_before, -1 - end)
                out.append(char)
                i += 1
                continue
            inner = text[i + 1 : end - 1].strip()
            if inner.startswith("/*") and inner.endswith("*/") and inner.count("*/") == 1:
                comments.append((i, end))
            out.append(_blank(text[i:end]))
            i = end
            continue
        if char == "<":
            tag = _tag(text, i) if i >= no_tag_before else no_tag_before
            if isinstance(tag, int):
                no_tag_before = max(no_tag_before, tag)
                out.append(char)
                i += 1
                continue
            end, is_a, expressions, strings = tag
            if not is_a:
                _component(text, i, end, strings, links, open_links)
                out.append(_blank(text[i:end]))
            else:  # keep the tag as HTML for the link reader: an {expression} value becomes ""
                last = i
                for start, stop, valued in expressions:
                    out.append(text[last:start])
                    piece = _blank(text[start:stop])
                    out.append(('""' + piece[2:]) if valued else piece)
                    last = stop
                out.append(text[last:end])
            i = end
            continue
        out.append(char)
        i += 1
    blanked = "".join(out)
    return blanked.split("\n"), _comments(text, comments), links


def _tag_name(text: str, at: int) -> str:
    name = _NAME.match(text, at + (2 if text.startswith("</", at) else 1))
    return name.group() if name else ""


def _link_prop(prop: str) -> bool:
    return prop in _LINK_PROPS or prop.endswith(_LINK_PROP_ENDS)


def _component(text, start, end, strings: list[tuple[str, str]], links: list[ComponentLink], open_links) -> None:
    """Note the link a component tag at ``text[start:end]`` renders, or close the open one its closing tag ends."""
    name = _tag_name(text, start)
    if text.startswith("</", start):
        if open_links and open_links[-1][0] == name:
            _, link = open_links.pop()
            link.text = " ".join(_MARKUP.sub(" ", text[link.end : start]).split())
            link.end = end
        return
    if not name[:1].isupper() or not strings:  # a lower-case tag is HTML or a custom element, not a component
        return
    url = next((value for prop, value in strings if _link_prop(prop) and _URL_VALUE.match(value)), None)
    if url is None:
        return
    rel = next((value for prop, value in strings if prop == "rel"), "")
    link = ComponentLink(url, rel, start, end)
    links.append(link)
    if not text.startswith("/>", end - 2):
        open_links.append((name, link))


def _comments(text: str, spans: list[tuple[int, int]]) -> list[Comment]:
    if not spans:
        return []
    where = Lines(text)
    found = []
    for start, end in spans:
        line, column = where.locate(start)
        inner = text[start + 1 : end - 1].strip()
        end_line = where.line_of(end - 1)
        found.append(Comment(inner[2:-2], line + 1, column + 1, where.own_line(start, end), end_line + 1))
    return found
