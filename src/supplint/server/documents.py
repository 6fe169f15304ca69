"""The documents the editor has open: their text as typed, where they live, and what the last lint found.

The server keeps its own copy of each text and applies the editor's changes to it with the protocol's own line
breaks (CR LF, CR, LF): pygls's copy splits lines with str.splitlines, which also breaks at form feeds and line
separators, so an edit below such a character would land on the wrong line in it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from ..filetypes import DSLD_SUFFIX, LABEL_SUFFIXES, PAGE_SUFFIXES, is_page
from ..findings import Finding
from .positions import Positions

#: The suffix a document that is not a file gets from its language, so it is checked as what it is.
_SUFFIX_OF_LANGUAGE = {"yaml": ".yaml", "markdown": ".md", "mdx": ".mdx", "html": ".html", "json": ".json"}


@dataclass(eq=False)
class Document:
    uri: str
    path: str  # absolute; for a document that is no file, a stand-in in the workspace root
    is_file: bool
    text: str
    version: int | None = None
    findings: list[Finding] = field(default_factory=list)  # from the last lint of ``text``
    names: frozenset[str] = frozenset()  # for a page: the label files it named at its last lint

    def positions(self, encoding: str) -> Positions:
        return Positions(self.text, self.path, encoding)

    @property
    def is_label(self) -> bool:
        return os.path.splitext(self.path)[1].lower() in LABEL_SUFFIXES

    @property
    def is_page(self) -> bool:
        return is_page(self.path)

    @property
    def checked(self) -> bool:
        """Whether supplint checks this kind of file at all."""
        suffix = os.path.splitext(self.path)[1].lower()
        return suffix in LABEL_SUFFIXES or suffix in PAGE_SUFFIXES or suffix == DSLD_SUFFIX


def path_of(uri: str, language_id: str | None, root: str) -> tuple[str, bool]:
    """(absolute path, is a file) of a document's URI."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        local = url2pathname(unquote(parsed.path))
        if parsed.netloc and parsed.netloc != "localhost":
            local = f"//{parsed.netloc}{local}"  # a UNC path
        return os.path.normpath(local), True
    # untitled:Untitled-1, a diff view, a remote file system: no file on disk, no config next to it; the root's
    # config applies, and the language says which kind of file it is.
    name = os.path.basename(unquote(parsed.path or parsed.netloc or uri)) or "untitled"
    name = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:100] or "untitled"
    suffix = _SUFFIX_OF_LANGUAGE.get(language_id or "")
    if suffix and not name.lower().endswith(suffix):
        name += suffix
    return os.path.join(root, name), False


def uri_of(path: str) -> str:
    from pathlib import Path

    return Path(path).as_uri()


class Overlay(Mapping[str, str]):
    """The open labels' texts by absolute path, for the engine to read instead of the disk when a page names them.
    It remembers which paths it was asked for: those are the labels the page being checked names."""

    def __init__(self, documents: Documents):
        self._documents = documents
        self.asked: set[str] = set()

    def get(self, path, default=None):
        self.asked.add(path)
        found = self._documents.label_at(path)
        return found.text if found is not None else default

    def __getitem__(self, path: str) -> str:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def __iter__(self) -> Iterator[str]:
        return (doc.path for doc in self._documents if doc.is_file and doc.is_label)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Documents:
    def __init__(self):
        self._by_uri: dict[str, Document] = {}
        self._labels: dict[str, Document] = {}  # open label files by path

    def __iter__(self) -> Iterator[Document]:
        return iter(list(self._by_uri.values()))

    def get(self, uri: str) -> Document | None:
        return self._by_uri.get(uri)

    def open(self, doc: Document) -> None:
        self._by_uri[doc.uri] = doc
        if doc.is_file and doc.is_label:
            self._labels[doc.path] = doc

    def close(self, uri: str) -> Document | None:
        doc = self._by_uri.pop(uri, None)
        if doc is not None and self._labels.get(doc.path) is doc:
            del self._labels[doc.path]
        return doc

    def label_at(self, path: str) -> Document | None:
        return self._labels.get(path)

    def pages_naming(self, path: str) -> list[Document]:
        return [doc for doc in self if doc.is_page and path in doc.names]


def apply_change(doc: Document, change, encoding: str) -> None:
    """One content change of didChange: a range replaced, or (no range) the whole text."""
    change_range = getattr(change, "range", None)
    if change_range is None:
        doc.text = change.text
        return
    positions = doc.positions(encoding)
    start = positions.offset_at(change_range.start.line, change_range.start.character)
    end = positions.offset_at(change_range.end.line, change_range.end.character)
    doc.text = doc.text[:start] + change.text + doc.text[max(start, end) :]
