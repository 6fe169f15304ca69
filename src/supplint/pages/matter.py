"""Hugo's TOML front matter (between `+++` lines) and JSON front matter (an object at the page's start): their
values through tomllib and json, their places through a scan.

The standard library is the authority on what the text says, and says nothing about where: a finding for a
`supplements` entry has to point at that entry. So once the parser has accepted the text, one forward pass over it
finds where each top-level key's value is, and, for an array, where each item is. The pass only needs to tell
strings, comments and brackets apart (the text is known to be valid); it never goes back, so it costs the length
of the front matter.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

from ..errors import SupplintError

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_WHITE = " \t\r\n"


@dataclass(slots=True)
class Value:
    """Where a top-level key's value is in the front matter text: [start, end) offsets; for an array, its items'."""

    start: int
    end: int
    key: int = 0  # where its key starts
    items: list[tuple[int, int]] = field(default_factory=list)


class MatterError(SupplintError):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def load_toml(text: str) -> tuple[dict, dict[str, Value]]:
    """(the table, {top-level key: where its value is}); MatterError with a 1-based line and column if it is not
    TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _POSITION.search(message)
        if found:
            return_line, column = int(found.group(1)), int(found.group(2))
            message = message[: found.start()]
        else:  # "(at end of document)": the last line
            message = message.replace(" (at end of document)", "")
            return_line, column = text.count("\n") + 1, 1
        raise MatterError(message, return_line, column) from None
    try:
        places = _places(text)
    except (IndexError, ValueError):  # a shape the scan does not know: values without places, never a crash
        places = {}
    return data, places


# TOML's four kinds of string; in a basic string a backslash escapes the one character after it.
_STRINGS = {
    '"""': re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'),
    "'''": re.compile(r"'''[\s\S]*?'''"),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}


def _string_end(text: str, at: int) -> int:
    """The offset after the TOML string that starts at ``at``."""
    quote = text[at]
    multi = text.startswith(quote * 3, at)
    found = _STRINGS[quote * 3 if multi else quote].match(text, at)
    if found is None:
        raise ValueError("unclosed string")
    end = found.end()
    if multi:  # up to two more quotes are the content's last characters
        while end < len(text) and text[end] == quote and end - found.end() < 2:
            end += 1
    return end


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space, no further than ``start`` (without copying the text before it)."""
    while end > start and text[end - 1] in _WHITE:
        end -= 1
    return end


def _skip_space(text: str, i: int, newlines: bool) -> int:
    """Past white space (and, inside brackets or between statements, newlines and comments)."""
    while i < len(text):
        char = text[i]
        if char in " \t" or (newlines and char in "\r\n"):
            i += 1
        elif char == "#" and newlines:
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        else:
            break
    return i


def _key(text: str, i: int) -> tuple[list[str], int]:
    """A (possibly dotted) key at ``i``: its parts and the offset after it."""
    parts = []
    while True:
        if text[i] in "\"'":
            end = _string_end(text, i)
            parts.append(tomllib.loads("k = " + text[i:end])["k"])
            i = end
        else:
            found = _BARE_KEY.match(text, i)
            if found is None:
                raise ValueError("not a key")
            parts.append(found.group())
            i = found.end()
        i = _skip_space(text, i, newlines=False)
        if i < len(text) and text[i] == ".":
            i = _skip_space(text, i + 1, newlines=False)
            continue
        return parts, i


def _value(text: str, i: int) -> Value:
    """The value at ``i``: where it ends and, for an array, where its items are."""
    if text[i] in "\"'":
        return Value(i, _string_end(text, i))
    if text[i] not in "[{":
        end = i
        while end < len(text) and text[end] not in "\r\n#,]}":
            end += 1
        return Value(i, _trimmed(text, i, end))
    value = Value(i, i)
    depth, j = 0, i
    item: int | None = None  # where the current item of the outermost array starts
    outer_array = text[i] == "["
    while j < len(text):
        char = text[j]
        if char in "\"'":
            end = _string_end(text, j)
            if depth == 1 and outer_array and item is None:
                value.items.append((j, end))
                item = -1  # placed already
            j = end
            continue
        if char == "#":
            end = text.find("\n", j)
            j = len(text) if end < 0 else end
            continue
        if char in "[{":
            if depth == 1 and outer_array and item is None:
                item = j
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                if item is not None and item >= 0:
                    value.items.append((item, _trimmed(text, item, j)))
                value.end = j + 1
                return value
            if depth == 1 and outer_array and item is not None and item >= 0:
                value.items.append((item, j + 1))
                item = -1
        elif char == "," and depth == 1:
            if item is not None and item >= 0:
                value.items.append((item, _trimmed(text, item, j)))
            item = None
        elif char not in _WHITE and depth == 1 and outer_array and item is None:
            item = j
        j += 1
    raise ValueError("unclosed bracket")


def _places(text: str) -> dict[str, Value]:
    """Where each key's value is: top-level keys by name, keys of a [table] (Hugo's [params]) and dotted keys by
    their dotted name ("params.supplements"); keys of an [[array of tables]] are left out."""
    places: dict[str, Value] = {}
    table: str | None = ""  # the [table] the keys belong to ("" at the top; None in an [[array of tables]])
    i = 0
    while True:
        i = _skip_space(text, i, newlines=True)
        if i >= len(text):
            return places
        try:
            if text[i] == "[":
                table, i = _header(text, i)
                continue
            key = i
            parts, i = _key(text, i)
            if text[i] != "=":
                raise ValueError("no '='")
            i = _skip_space(text, i + 1, newlines=False)
            value = _value(text, i)
        except (IndexError, ValueError):
            if table == "":
                raise
            return places  # a shape the scan does not know after the top level: the top level is placed
        value.key = key
        if table is not None:
            places[".".join([table, *parts] if table else parts)] = value
        i = value.end


def _header(text: str, i: int) -> tuple[str | None, int]:
    """A `[table]` header at ``i``: (its dotted name, or None for `[[array of tables]]`; the offset after it)."""
    if text.startswith("[[", i):
        end = text.find("\n", i)
        return None, len(text) if end < 0 else end
    parts, j = _key(text, _skip_space(text, i + 1, newlines=False))
    if text[j] != "]":
        raise ValueError("no ']'")
    return ".".join(parts), j + 1


def load_json(text: str) -> tuple[dict, dict[str, Value], int]:
    """The JSON object at the start of ``text``: (its value, {key: where its value is}, the offset after it);
    MatterError when it is not JSON or not an object."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        raise MatterError(error.msg, error.lineno, error.colno) from None
    except RecursionError:  # nesting deeper than the decoder goes
        raise MatterError("nested too deeply", 1, 1) from None
    if not isinstance(data, dict):
        raise MatterError("front matter should be an object of keys", 1, 1)
    try:
        places = _json_places(text)
        params = places.get("params")
        if params is not None and isinstance(data.get("params"), dict):  # Hugo's params: {"supplements": [...]}
            for key, value in _json_places(text[params.start : params.end]).items():
                places["params." + key] = _moved(value, params.start)
    except (IndexError, ValueError):
        places = {}
    return data, places, end


def _moved(value: Value, by: int) -> Value:
    return Value(value.start + by, value.end + by, value.key + by, [(a + by, b + by) for a, b in value.items])


def _json_places(text: str) -> dict[str, Value]:
    """Where each key's value is in the object at the start of ``text`` (a JSON string is a TOML basic string to
    the scan, and JSON has no comments, so the TOML value scan serves)."""
    places: dict[str, Value] = {}
    i = _skip_space(text, 0, newlines=True)
    if text[i] != "{":
        raise ValueError("not an object")
    i += 1
    while True:
        i = _skip_space(text, i, newlines=True)
        if text[i] == "}":
            return places
        if text[i] == ",":
            i += 1
            continue
        key = i
        end = _string_end(text, i)
        name = json.loads(text[i:end])
        i = _skip_space(text, end, newlines=True)
        if text[i] != ":":
            raise ValueError("no ':'")
        i = _skip_space(text, i + 1, newlines=True)
        value = _value(text, i)
        value.key = key
        places[name] = value
        i = value.end
