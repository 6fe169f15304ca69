"""Text from labels, pages and file names, made safe to show: every reporter passes what it prints through here.

A label can hold characters that break a finding's line (CR, LF, VT, FF, NEL, U+2028, U+2029, which some line
splitters and editors count as line ends), send commands to a terminal (ESC and the other controls), or make what is
shown differ from what is there (bidirectional overrides, as in "Trojan Source", and invisible characters).
People-facing formats show each as ``<U+202E>``; the machine formats keep the exact text but write these characters
escaped (``\\u202e`` in JSON, ``&#x202E;`` in XML), so no raw one reaches a file, a pipe or a terminal.
"""

from __future__ import annotations

import re

#: C0 and C1 controls but tab; the line and paragraph separators; the bidirectional controls (LRM, RLM, ALM,
#: embeddings, overrides, isolates); invisible format characters (soft hyphen, Mongolian vowel separator, zero-width
#: space, word joiner and invisible operators, deprecated format controls, BOM, interlinear annotation, tags); lone
#: surrogates (a file name that is not UTF-8). Zero-width joiner and non-joiner are kept: emoji and several scripts
#: need them. A pattern, not compiled: re compiles it on first use (and caches it), so a run that prints nothing
#: does not pay for it at start.
HIDDEN = (
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_XML_HIDDEN = f"(?!\n){HIDDEN}"


def notation(char: str) -> str:
    return f"<U+{ord(char):04X}>"


def visible(text: str) -> str:
    """``text`` with each hidden character shown as ``<U+XXXX>``: one line, shown as it is stored."""
    return re.sub(HIDDEN, lambda match: notation(match.group()), text)


def json_safe(dumped: str) -> str:
    """A ``json.dumps`` result with the hidden characters it leaves raw (json escapes only C0) as ``\\uXXXX``
    escapes, which decode to the same text. They can only be inside strings, where an escape is always allowed."""
    return re.sub(HIDDEN, _json_escape, dumped)


def xml_safe(serialized: str) -> str:
    """Serialized XML with the hidden characters XML may carry as character references (LF stays: a test case's
    text has lines). Those XML cannot carry at all must have been replaced before."""
    return re.sub(_XML_HIDDEN, lambda match: f"&#x{ord(match.group()):X};", serialized)


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a UTF-16 surrogate pair, the only way JSON escapes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
