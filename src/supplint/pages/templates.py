"""Template tags in Markdown sources, blanked before markdown-it reads the page; PHP tags in HTML pages, quieted
before the HTML parser reads them.

Static-site generators put their own syntax into Markdown posts: Hugo shortcodes (`{{< notice >}}`, `{{% amazon
asin="..." %}}`), Jekyll's Liquid (`{% include affiliate-box.html url="..." %}`, `{{ page.price }}`) and Jinja
(`{# a note #}`). None of it is the page's words; what a paired shortcode wraps (`{{< notice >}}We earn a commission
...{{< /notice >}}`) is, and stays. A URL written inside a tag is where the rendered page links, so it is kept and
read as a link; everything else in the tag becomes spaces. Newlines stay, so every character keeps its page line
and column. Fenced code is left alone (a tag there is an example), and so are braces that do not close within the
paragraph. The scan goes forward only, and each closer is looked for once per stretch of text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

#: (opener, closer), longest opener first so that "{{<" is not read as "{{".
_TAGS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"), ("{#", "#}"))
_URL = re.compile(r"https?://[^\s\"'<>{}]+")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LONGEST = 2000  # characters: a shortcode or Liquid tag with its parameters is far shorter


def blank_templates(lines: list[str]) -> list[str]:
    """The page's lines with template tags blanked (see the module docstring); unchanged when there are none."""
    text = "\n".join(lines)
    if "{%" not in text and "{{" not in text and "{#" not in text:
        return lines
    fences = _fenced(lines)
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]  # a tag never spans a paragraph break
    closers: dict[str, int] = {}  # closer -> where it next occurs (-1: nowhere further on), found once per stretch
    out: list[str] = []
    last = i = 0
    n = len(text)
    fence_at = 0
    while i < n:
        i = text.find("{", i)
        if i < 0:
            break
        while fence_at < len(fences) and fences[fence_at][1] <= i:
            fence_at += 1
        if fence_at < len(fences) and fences[fence_at][0] <= i:
            i = fences[fence_at][1]
            continue
        for opener, closer in _TAGS:
            if not text.startswith(opener, i):
                continue
            close = closers.get(closer, -2)
            if close != -1 and close < i + len(opener):
                close = closers[closer] = text.find(closer, i + len(opener))
            if close < 0:
                continue
            end = close + len(closer)
            if end - i > _LONGEST or bisect_left(breaks, i) != bisect_left(breaks, close):
                continue  # too long, or across a blank line: text that happens to hold braces
            out.append(text[last:i])
            out.append(_blank_keeping_urls(text[i:end]))
            last = i = end
            break
        else:
            i += 1
    out.append(text[last:])
    return [_no_new_indent(before, after) for before, after in zip(lines, "".join(out).split("\n"), strict=True)]


def _no_new_indent(before: str, after: str) -> str:
    """``after`` (a blanked line), with the indentation blanking gave it written as no-break spaces: four spaces
    before text would make an indented code block of a line that began with a tag (`{{< notice >}}We earn ...`).
    No-break spaces are no indentation to Markdown, and prose reads them as spaces."""
    if before == after:
        return after
    indent = len(after) - len(after.lstrip(" "))
    own = len(before) - len(before.lstrip(" "))
    if indent - own < 1 or indent < 4 or not after.strip():
        return after
    return after[:own] + "\u00a0" * (indent - own) + after[indent:]


def _blank_keeping_urls(tag: str) -> str:
    kept = [" "] * len(tag)
    for at, char in enumerate(tag):
        if char == "\n":
            kept[at] = "\n"
    for url in _URL.finditer(tag):
        address = url.group().rstrip("%")  # a tag's closer can follow the URL with no space: `url=https://x%}`
        kept[url.start() : url.start() + len(address)] = address
    return "".join(kept)


def _fenced(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) offsets in the joined text of each fenced code block, fences included."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    start = 0
    for line in lines:
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence, start = opened.group(1), offset
        elif fence is not None and opened:
            marker = opened.group(1)
            if marker[0] == fence[0] and len(marker) >= len(fence) and not line[opened.end() :].strip():
                spans.append((start, offset + len(line)))
                fence = None
        offset += len(line) + 1
    if fence is not None:
        spans.append((start, offset))
    return spans


def quiet_php(text: str) -> str:
    """``text`` with the quotes inside each PHP tag (``<?php ... ?>``, ``<?= ... ?>``) written as spaces.

    A page saved from a PHP template writes its links as PHP (`href="<?= $offer["6_bottle"]["link"]; ?>"`): the
    tag's own quotes would end the attribute early, so the parser would read the rest of the tag as the link's words
    and lose its `>`. A quote inside a tag is PHP's, never the page's, so it goes; everything else stays, at its
    place, so every character keeps its page line and column. Only a PHP opener counts (`<?php`, `<?=`, `<?` and a
    space: not `<?xml`, nor a script's string "<?"), and only up to `_LONGEST_PHP` characters; a tag that does not
    close within them is left alone."""
    if "<?" not in text:
        return text
    out: list[str] = []
    last = 0
    for opener in _PHP_OPENER.finditer(text):
        start = opener.start()
        if start < last:
            continue  # inside the tag before
        end = text.find("?>", opener.end(), start + _LONGEST_PHP)
        if end < 0:
            continue
        out.append(text[last:start])
        out.append(text[start:end].replace('"', " ").replace("'", " "))
        last = end
    out.append(text[last:])
    return "".join(out)


_PHP_OPENER = re.compile(r"<\?(?:php\b|=|\s)", re.IGNORECASE)
#: characters: a template's echo or include is short; a long stretch to the next "?>" is not one tag
_LONGEST_PHP = 5000
