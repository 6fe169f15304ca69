"""What standard input holds when no --stdin-filename names its kind: a label, a page or an NIH DSLD record.

A file is known by its name; standard input has none, and reading a Markdown post as YAML gives an error that is
about the wrong thing. So the text decides, but only when it plainly is something else: a label's top-level
`product:`, `facts:` or `stack:` always makes it a label, and what is neither plainly a page nor plainly a DSLD
record stays a label too (as before). `--stdin-filename` always wins over this.

Plainly a page: front matter (`---` YAML without a label's keys, `+++` TOML, or a JSON object with Markdown after
it), an HTML document or tag at the start, or Markdown structure YAML cannot hold (a `[text](url)` link, or a
`#` heading beside a line of prose). Plainly a DSLD record: one JSON object with the record's `fullName` and
`ingredientRows`.
"""

from __future__ import annotations

import json
import re

#: How much of the text the sniffing looks at: enough for any front matter and the start of a page.
LOOK = 64 * 1024

_LABEL_KEY = re.compile(r"^(?:\{[ \t]*)?[\"']?(?:product|facts|stack)[\"']?[ \t]*:", re.MULTILINE)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|!--|[a-z][a-z0-9-]*(?:\s[^>]*)?/?>)", re.IGNORECASE)
_DOCUMENT = re.compile(r"<(?:!doctype|html|head|body)\b", re.IGNORECASE)
_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_COMMENT_LINES = re.compile(r"^[ \t]*#.*$", re.MULTILINE)  # a link in a YAML comment says nothing
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# A line YAML could read at the top of a mapping or a list: `key:`, `- item`, a comment, a document marker.
_YAML_LINE = re.compile(r"(?:[^\s#:][^:]*:(?:\s|$)|-(?:\s|$)|#|---|\.\.\.|\s)")

SUFFIXES = {"markdown": ".md", "html": ".html", "dsld": ".json"}


def stdin_kind(raw: bytes) -> str:
    """ "label", "markdown", "html" or "dsld"."""
    text = raw[:LOOK].decode("utf-8-sig", "replace")
    start = text.lstrip()
    if start[:1] in ("{", "["):
        return _json_kind(raw.decode("utf-8-sig", "replace").lstrip())  # a record is read whole anyway
    first = start.split("\n", 1)[0].strip()
    if first == "+++":
        return "markdown"
    if first == "---":
        return _front_matter_kind(start)
    if _LABEL_KEY.search(text):
        return "label"
    if start.startswith("<") and _HTML.match(start):
        return "html" if _DOCUMENT.match(start) else "markdown"
    if _LINK.search(_COMMENT_LINES.sub("", text)) or (_HEADING.search(text) and _has_prose(text)):
        return "markdown"
    return "label"


def _json_kind(text: str) -> str:
    """A DSLD record, a page with JSON front matter (Hugo), or a label written as JSON (which is YAML)."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return "label"
    if not isinstance(data, dict) or {"product", "facts", "stack"} & set(data):
        return "label"
    rest = text[end:].strip()
    if rest:
        return "markdown"  # an object and then more: front matter, then the page
    return "dsld" if {"fullName", "ingredientRows"} <= set(data) else "label"


def _front_matter_kind(start: str) -> str:
    """`---` first: a page's front matter when another `---` closes it and what is between holds no label keys."""
    lines = start.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            matter = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :]).strip()
            if _LABEL_KEY.search(matter) or (body and _LABEL_KEY.search(body)):
                return "label"  # a label with document markers (or several documents)
            return "markdown"
    return "label"


def _has_prose(text: str) -> bool:
    """A line at the left margin that YAML could not read as a key, a list item or a comment: a sentence."""
    return any(line.strip() and not _YAML_LINE.match(line) for line in text.splitlines())
