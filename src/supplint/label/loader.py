"""YAML text → plain Python data plus the position of every key and value.

The C parser composes a node tree that carries marks; walking it ourselves is cheaper than PyYAML's Python
constructor and lets us keep, for each path (the same tuple shape as pydantic's ``loc``), where its key and value
stand. Aliases are expanded under a node budget so that a "billion laughs" document is a finding, not a hang.
"""

from __future__ import annotations

import importlib
import math
import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..codes import INVALID_LABEL, INVALID_YAML
from ..errors import SupplintError
from ..findings import Span
from ..hits import Hit
from ..shipped.files import YAML_LOADER


class _Misfit(ValueError):
    """A scalar whose tag says a type its text is not (``!!bool x``, ``!!int ""``): the text is kept, and the
    document gets a SUP001 finding at the value."""


#: Python refuses to read longer integers (``sys.get_int_max_str_digits``); a fixed figure keeps the result the same
#: wherever supplint runs, and turning a huge digit string into an int takes quadratic time anyway.
MAX_INT_DIGITS = 4_300

_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# YAML 1.1's integer forms (the ones PyYAML resolves), underscores already removed.
_INT_FORMS = (
    (re.compile(r"0b([01]+)"), 2),
    (re.compile(r"0x([0-9a-fA-F]+)"), 16),
    (re.compile(r"0([0-7]+)"), 8),
    (re.compile(r"(0|[1-9][0-9]*)"), 10),
)
_SEXAGESIMAL = re.compile(r"[0-9]+(?::[0-5]?[0-9])+")
_FLOAT = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_SEXAGESIMAL_FLOAT = re.compile(r"[0-9]+(?::[0-5]?[0-9])+\.[0-9]*")


def _shown(text: str) -> str:
    return f"'{text}'" if len(text) <= 40 else f"'{text[:20]}…' ({len(text):,} characters)"


def _sign(text: str) -> tuple[int, str]:
    text = text.replace("_", "")
    if text[:1] in ("+", "-"):
        return (-1 if text[0] == "-" else 1), text[1:]
    return 1, text


def _bool(text: str) -> bool:
    try:
        return _BOOLS[text.lower()]
    except KeyError:
        raise _Misfit(f"YAML reads {_shown(text)} as !!bool, but it is not true or false") from None


def _null(text: str) -> None:
    if text not in _NULLS:
        raise _Misfit(f"YAML reads {_shown(text)} as !!null, but it is not empty, ~ or null")


def _int(text: str) -> int:
    sign, body = _sign(text)
    if len(body) > MAX_INT_DIGITS:
        raise _Misfit(
            f"a whole number of {len(body):,} digits is longer than supplint reads ({MAX_INT_DIGITS:,} digits at most)"
        )
    if _SEXAGESIMAL.fullmatch(body):
        value = 0
        for part in body.split(":"):
            value = value * 60 + int(part)
        return sign * value
    for form, base in _INT_FORMS:
        match = form.fullmatch(body)
        if match:
            return sign * int(match[1], base)
    raise _Misfit(f"YAML reads {_shown(text)} as !!int, but it is not a whole number")


def _float(text: str) -> float:
    sign, body = _sign(text)
    lowered = body.lower()
    if lowered in (".inf", "inf", "infinity"):
        return sign * math.inf
    if lowered in (".nan", "nan"):
        return math.nan
    if _SEXAGESIMAL_FLOAT.fullmatch(body):
        whole, _, fraction = body.partition(".")
        value = 0.0
        for part in whole.split(":"):
            value = value * 60 + float(part)
        return sign * (value + float(f"0.{fraction or 0}"))
    if _FLOAT.fullmatch(body):
        return sign * float(body)  # too large for a float is inf, which the label model rejects where it matters
    raise _Misfit(f"YAML reads {_shown(text)} as !!float, but it is not a number")


# Decided here rather than by PyYAML's constructors: those raise KeyError or IndexError on text that does not fit
# the tag (`!!bool x`, `!!int ""`), and an implicitly resolved value can still be too long for int().
_CONSTRUCT = {
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:bool": _bool,
    "tag:yaml.org,2002:null": _null,
}

_STR = "tag:yaml.org,2002:str"  # kept as written: build's default for a scalar
_MAP = "tag:yaml.org,2002:map"

#: Far above any real label (a 60-row label has ~400 nodes) and far below what hurts.
MAX_NODES = 50_000
MAX_DEPTH = 64

Path = tuple


@dataclass(slots=True)
class Document:
    """The data and the YAML node tree it came from. Positions are looked up by path (the same tuple shape as
    pydantic's ``loc``) only when a finding needs one: a label has thousands of nodes and a handful of findings."""

    data: object
    root: Node | None = None
    problems: list[Hit] = field(default_factory=list)  # SUP001 (syntax) or SUP002 (structure), at spans

    def node(self, path: Path) -> Node | None:
        """The value node at ``path``, or None."""
        node = self.root
        for part in path:
            node = _child(node, part)
            if node is None:
                return None
        return node

    def nodes(self):
        """Every node of the tree once (aliased nodes are shared), for scans such as finding quoted text."""
        seen, stack = set(), [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            if isinstance(node, SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, MappingNode):
                for key, value in node.value:
                    stack += (key, value)

    def value_span(self, path: Path) -> Span:
        """The span of the deepest existing node on ``path``."""
        node = self.root
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return _span(node) if node is not None else Span(1, 1, 1, 1)

    def key_span(self, path: Path) -> Span:
        """The span of the key that names ``path`` (or of the item, for list items)."""
        parent = self.node(path[:-1]) if path else None
        if isinstance(parent, MappingNode):
            key = _key(parent, path[-1])
            if key is not None:
                return _span(key)
        return self.value_span(path)


def _key(mapping: MappingNode, name) -> Node | None:
    """The first key node spelled ``name`` (a duplicate key is reported at its second spelling)."""
    for key, _ in mapping.value:
        if isinstance(key, ScalarNode) and key.value == name:
            return key
    return None


def _child(node: Node | None, part) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in reversed(node.value):  # the last spelling wins, as it does in the data
            if isinstance(key, ScalarNode) and key.value == part:
                return value
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


class LoadError(SupplintError):
    def __init__(self, problem: Hit):
        super().__init__(problem.message)
        self.problem = problem


def _span(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _c_parser() -> type | None:
    try:
        return importlib.import_module("yaml.cyaml").CParser
    except ImportError:  # PyYAML built without libyaml: the shipped loader, pure Python, is used as it is
        return None


_PARSER = _c_parser()

_PLAIN_TAGS: dict[str, str] = {}  # a plain scalar's text → its implicit tag (labels repeat "mcg", "Vitamin D3")
_PLAIN_TAGS_LIMIT = 50_000
_COLLECTION_TAGS = {SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, MappingNode: _MAP}


class _Composer(YAML_LOADER):
    """The loader's C parser alone: a label is only composed (``_Builder`` makes its data), so the constructor's and
    the resolver's per-document state, which the loader's other bases set up, is never made. The tag of a plain
    scalar depends on its text alone (no path resolver is registered) and a quoted or block scalar is text: the
    resolver is asked once per distinct text, without building a key of the text and its style for every scalar."""

    def __init__(self, stream):
        _PARSER.__init__(self, stream)  # type: ignore[misc]

    def resolve(self, kind, value, implicit, _scalar=ScalarNode, _tags=_PLAIN_TAGS):
        # Called for every node of every label: the names it needs are bound as defaults, not looked up each time.
        if kind is not _scalar:
            return _COLLECTION_TAGS[kind]
        if not implicit[0]:
            return _STR
        try:
            return _tags[value]
        except KeyError:
            tag = yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)
            if len(_tags) < _PLAIN_TAGS_LIMIT:
                _tags[value] = tag
            return tag


_COMPOSER = _Composer if _PARSER is not None and issubclass(YAML_LOADER, _PARSER) else YAML_LOADER


def load(text: str) -> Document:
    """Compose and construct ``text``. Raises LoadError (SUP001) for text that is not one YAML document."""
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or "not well-formed YAML"
        if exc.context:
            message = f"{message} ({exc.context})"
        raise LoadError(Hit.at(INVALID_YAML, message, Span(line, column, line, column))) from None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML does not allow
        line = text.count("\n", 0, getattr(exc, "position", 0)) + 1
        raise LoadError(Hit.at(INVALID_YAML, str(exc).splitlines()[0], Span(line, 1, line, 1))) from None
    except UnicodeEncodeError as exc:  # a lone surrogate (an editor's buffer, a library caller): no file holds one
        line = text.count("\n", 0, exc.start) + 1
        raise LoadError(
            Hit.at(
                INVALID_YAML,
                f"the text holds U+{ord(text[exc.start]):04X}, half of a character pair and not a character on its own",
                Span(line, 1, line, 1),
                "remove it, or save the file as UTF-8 again",
            )
        ) from None
    doc = Document(None, root)
    if root is None:
        return doc
    builder = _Builder(doc, "&" in text)
    doc.data = builder.build(root, None, 0)
    return doc


class _Builder:
    __slots__ = ("active", "anchors", "budget", "doc", "values")

    def __init__(self, doc: Document, anchors: bool):
        self.doc = doc
        self.budget = MAX_NODES
        self.active: set[int] = set()
        self.anchors = anchors  # without an anchor nothing can be aliased: a document too large is just large
        self.values = _VALUES

    def build(self, node: Node, top: Node | None, depth: int):
        """``top`` is the key of the top-level entry being built: where an alias bomb is reported."""
        self.budget -= 1
        if self.budget < 0:
            self._too_large(node, top)
        if node.__class__ is ScalarNode:
            return self._scalar(node)
        if depth >= MAX_DEPTH:
            raise LoadError(Hit.at(INVALID_YAML, f"the document nests deeper than {MAX_DEPTH} levels", _span(node)))
        if not self.anchors:  # without anchors no node is reached twice, so none can contain itself
            return self._collection(node, top, depth)
        ident = id(node)
        if ident in self.active:
            raise LoadError(
                Hit.at(INVALID_YAML, "an alias refers to a node that contains it (a recursive document)", _span(node))
            )
        self.active.add(ident)
        try:
            return self._collection(node, top, depth)
        finally:
            self.active.discard(ident)

    def _too_large(self, node: Node, top: Node | None):
        # An aliased node's marks point at its anchor; the top-level key being expanded tells the reader more.
        if not self.anchors:
            raise LoadError(
                Hit.at(
                    INVALID_YAML,
                    f"the document is too large: it has more than {MAX_NODES:,} keys and values",
                    _span(top or node),
                    "a label has a few hundred; split the file, or check that it is the file you meant",
                )
            )
        raise LoadError(
            Hit.at(
                INVALID_YAML,
                f"the document expands through aliases to more than {MAX_NODES:,} keys and values",
                _span(top or node),
                "a label has a few hundred; remove the anchors and aliases",
            )
        )

    def _scalar(self, node: ScalarNode):
        tag = node.tag
        if tag == _STR:
            return node.value
        construct = _CONSTRUCT.get(tag)
        if construct is None:  # tags a label never needs (timestamps, binary, custom): keep the text
            return node.value
        # The same few numbers recur on every label (per_day, servings): each text is read once.
        key = (tag, node.value)
        try:
            return self.values[key]
        except KeyError:
            pass
        try:
            value = construct(node.value)
        except _Misfit as exc:
            self.doc.problems.append(
                Hit.at(INVALID_YAML, str(exc), _span(node), "remove the tag, or quote the value to keep it as text")
            )
            return node.value
        if len(self.values) < _VALUES_LIMIT and len(node.value) <= 40:
            self.values[key] = value
        return value

    def _collection(self, node: Node, top: Node | None, depth: int):
        if node.__class__ is MappingNode:
            return self._mapping(node, top, depth)
        if node.__class__ is not SequenceNode:
            raise TypeError(f"not a YAML node: {node!r}")  # the composer makes only the three kinds
        items: list = []
        append = items.append
        depth += 1
        for item in node.value:
            if item.__class__ is ScalarNode and item.tag == _STR and self.budget > 0:
                self.budget -= 1  # most items are text: what build does for them, without a call per item
                append(item.value)
            else:
                append(self.build(item, top, depth))
        return items

    def _mapping(self, node: MappingNode, top: Node | None, depth: int) -> dict:
        result: dict = {}
        inner = depth + 1
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.doc.problems.append(
                    Hit.at(
                        INVALID_LABEL,
                        "a key must be a plain name, not a sequence or a mapping",
                        _span(key_node),
                        "write the key as one word followed by a colon",
                    )
                )
                continue
            key = key_node.value  # `1: x` or `yes: x` is still the key as written
            if key in result:
                self._duplicate(node, key_node)
            if value_node.__class__ is ScalarNode and value_node.tag == _STR and self.budget > 0:
                # most values are text: what build does for them, without a call per value
                self.budget -= 1
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, top if depth else key_node, inner)
        return result

    def _duplicate(self, node: MappingNode, key_node: ScalarNode) -> None:
        key = key_node.value
        first = next(k for k, _ in node.value if k.__class__ is ScalarNode and k.value == key)
        self.doc.problems.append(
            Hit.at(
                INVALID_LABEL,
                f"duplicate key '{key}' (first on line {first.start_mark.line + 1}); the later value would win",
                _span(key_node),
                "remove one of the two",
            )
        )


#: (tag, text) → value of the numbers, yes/no values and nulls read so far (texts of at most 40 characters, and at
#: most _VALUES_LIMIT of them: a file of random numbers does not grow it without end).
_VALUES: dict = {}
_VALUES_LIMIT = 20_000
