"""The checked files' text as the formats that show source read it (`full`'s excerpts, `rdjson`'s byte columns)."""

from __future__ import annotations

from collections.abc import Callable

#: A file's text by its reported path, or None when it cannot be had.
Reader = Callable[[str], "str | None"]


def read_file(path: str) -> str | None:
    """The default reader: the file as UTF-8 (undecodable bytes replaced), or None when it cannot be read. A caller
    with text that is not on disk (standard input) wraps it: ``lambda p: text if p == name else read_file(p)``."""
    from ..files import read_text

    try:
        return read_text(path, errors="replace")
    except OSError:
        return None


class LineCache:
    """Each file's lines, read once through a Reader (the lines the loader's positions count, not
    str.splitlines)."""

    def __init__(self, read: Reader) -> None:
        self._read = read
        self._lines: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._lines:
            try:
                text = self._read(path)
            except (OSError, ValueError):
                text = None
            from ..edit.fixes import split_lines

            self._lines[path] = None if text is None else split_lines(text)
        return self._lines[path]
