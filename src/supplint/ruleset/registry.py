"""The rule registry: every rule pack under rules/packs, and turning --select/--ignore into a set of rules.

Selection follows ruff: selectors are codes, code prefixes (``SUP2``), names or ``ALL``; for each rule the most
specific matching selector wins, and on a tie ``ignore`` wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union

from ..errors import SupplintError
from ..kinds import modules, template_fields
from ..kinds.index import MERGED
from ..kinds.spec import BuiltinRule, CatalogueEntry, RuleBase
from ..shipped import cache as data_cache
from ..shipped import files as data
from ..suggest import did_you_mean

#: Rule packs load in this order; any other pack under rules/packs/ follows, by name.
FIRST_PACKS = ("core.yaml",)
#: Every rule's code, name and severity (../shared/spec/rules.md in the repository); the codes no pack implements
#: are reserved.
CATALOGUE = "catalogue.yaml"


class SelectionError(SupplintError, ValueError):
    """An unknown or unimplemented rule named on the command line or in config (exit 2)."""


@dataclass(frozen=True)
class Layer:
    """One source of rule selection: select (None = keep what earlier layers chose), ignore, extend-select."""

    select: Iterable[str] | None = None
    ignore: Iterable[str] = ()
    extend_select: Iterable[str] = ()


@dataclass(frozen=True)
class Registry:
    rules: dict  # code → rule spec (a kind module's Spec), in catalogue order
    by_name: dict[str, str]  # name → code
    planned: dict[str, CatalogueEntry]  # reserved codes, not implemented yet

    def get(self, code_or_name: str):
        key = code_or_name.strip()
        code = self.by_name.get(key.lower(), key.upper())
        if code in self.rules:
            return self.rules[code]
        raise SelectionError(self._unknown(key))

    def select(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] = (), extend_select: Iterable[str] = ()
    ) -> frozenset[str]:
        return self.select_layers([Layer(select, ignore, extend_select)])

    def select_layers(self, layers: Iterable[Layer]) -> frozenset[str]:
        """Apply selection layers in order (config file, then command line), as ruff does.

        Within a layer the most specific selector wins for each rule, and ``ignore`` wins a tie; a rule no
        selector of the layer matches keeps its state, except that a layer with ``select`` starts from nothing.
        """
        chosen = set(self.rules)
        for layer in layers:
            enable = [self._selector(s) for s in (layer.select or ())]
            enable += [self._selector(s) for s in layer.extend_select]
            disable = [self._selector(s) for s in layer.ignore]
            previous = set() if layer.select is not None else chosen
            chosen = set()
            for code in self.rules:
                best_on = max((spec for spec, matches in enable if matches(code)), default=-1)
                best_off = max((spec for spec, matches in disable if matches(code)), default=-1)
                if best_on < 0 and best_off < 0:
                    if code in previous:
                        chosen.add(code)
                elif best_on > best_off:
                    chosen.add(code)
        return frozenset(chosen)

    def code_of(self, code_or_name: str) -> str:
        """The code a rule code or name stands for (SelectionError with a hint if none)."""
        return self.get(code_or_name).code

    def _selector(self, raw: str):
        token = raw.strip()
        if token.upper() == "ALL":
            return 0, lambda code: True
        if token.lower() in self.by_name:
            code = self.by_name[token.lower()]
            return 6, lambda candidate: candidate == code
        upper = token.upper()
        if upper in self.planned:
            raise SelectionError(self._unknown(token))
        if upper.startswith("SUP") and (upper[3:].isdigit() or upper == "SUP") and len(upper) <= 6:
            if any(code.startswith(upper) for code in self.rules):
                return len(upper), lambda code: code.startswith(upper)
            if any(code.startswith(upper) for code in self.planned):
                planned = ", ".join(f"{p.code} {p.name}" for p in self.planned.values() if p.code.startswith(upper))
                raise SelectionError(f"{token}: no implemented rule has this code yet (planned: {planned})")
        raise SelectionError(self._unknown(token))

    def _unknown(self, token: str) -> str:
        upper = token.upper()
        planned = self.planned.get(upper) or next((p for p in self.planned.values() if p.name == token.lower()), None)
        if planned:
            return f"rule {planned.code} ({planned.name}) is in the catalogue but not implemented yet"
        hint = did_you_mean(token, [*self.rules, *self.by_name])
        return f"unknown rule '{token}'" + (f"; {hint}" if hint else "")


def _check_rule(spec, pack: str) -> None:
    """What a kind asks of its rules beyond their model: the target it reads, a message, templates that use only the
    fields it provides for that target, and a vocabulary file that loads (a mistake would otherwise fail on some
    label, later)."""
    if spec.kind == "builtin":
        return
    if spec.examples.fires is None:
        raise data.DataError(f"rule pack {pack}: {spec.code} has no example that fires")
    module = modules()[spec.kind]
    targets = getattr(module, "TARGET", "label")
    targets = (targets,) if isinstance(targets, str) else tuple(targets)  # a kind may read more than one target
    if spec.target not in targets:
        raise data.DataError(
            f"rule pack {pack}: {spec.code} has target {spec.target}, but kind {spec.kind} reads a "
            f"{' or a '.join(targets)}"
        )
    if not spec.message:
        raise data.DataError(f"rule pack {pack}: {spec.code} has no message")
    # A kind may offer a cheaper check than building its vocabulary (compiling large patterns costs start-up time
    # every run; tests/test_rule_packs.py builds every vocabulary, so a bad pattern still fails CI).
    load = getattr(module, "CHECK_VOCABULARY", None) or getattr(module, "VOCABULARY", None)
    if load is not None:
        try:
            load(spec.vocabulary)
        except ValueError as exc:
            raise data.DataError(f"rule pack {pack}: {spec.code}: {exc}") from None
    # A kind that reads more than one target gives each its own fields: another target's would render empty.
    by_target = getattr(module, "FIELDS_BY_TARGET", None)
    provided = by_target[spec.target] if by_target else module.FIELDS
    rules_for = f" for a {spec.target} rule" if by_target else ""
    for key in ("message", "hint", *getattr(module, "TEMPLATES", ())):
        template = getattr(spec, key, None)
        if not template:
            continue
        try:
            unknown = template_fields(template) - provided
        except ValueError as exc:
            raise data.DataError(f"rule pack {pack}: {spec.code} {key}: {exc}") from None
        if unknown:
            written = type(spec).model_fields[key].alias or key  # as the pack spells it: above-ul-note
            raise data.DataError(
                f"rule pack {pack}: {spec.code} {written} uses {{{', '.join(sorted(unknown))}}}, which kind "
                f"{spec.kind} does not provide{rules_for} (it provides {', '.join(sorted(provided))})"
            )


def _packs() -> list[str]:
    names = sorted(p.name for p in (data.rules_dir() / "packs").glob("*.yaml"))
    return [f"packs/{name}" for name in sorted(names, key=lambda n: (n not in FIRST_PACKS, n))]


@cache
def registry() -> Registry:
    """The shipped rules, validated (by the tests, or by the first run: later runs read them from the cache)."""
    return data_cache.cached("registry", Registry, build)


def build() -> Registry:
    """Validate every shipped pack (DataError names the first problem)."""
    from pydantic import (  # built here only: a cached start builds no adapter
        Field,
        TypeAdapter,
        ValidationError,
    )

    models = (BuiltinRule, *(module.Spec for module in modules().values()))
    # A Union over a tuple of models known only at run time: `X | Y` cannot spell it (UP007), nor can a static type.
    one_of: Any = Union[models]  # noqa: UP007
    adapter: TypeAdapter[list[RuleBase]] = TypeAdapter(list[Annotated[one_of, Field(discriminator="kind")]])
    rules: dict = {}
    for pack in _packs():
        entries = data.load(pack)
        try:
            specs = adapter.validate_python(entries)
        except ValidationError as exc:
            raise data.DataError(f"rule pack {pack} is invalid:\n{_problems(exc, entries)}") from None
        for spec in specs:
            _check_rule(spec, pack)
            if spec.code in rules:
                raise data.DataError(f"rule pack {pack}: {spec.code} is declared twice")
            rules[spec.code] = spec
    planned = {entry.code: entry for entry in catalogue() if entry.code not in rules}
    return Registry(dict(sorted(rules.items())), {spec.name: code for code, spec in rules.items()}, planned)


def _problems(error, entries) -> str:
    """pydantic's errors as a reader needs them: which rule (by its code), which key, what is wrong; not the
    validator's own names for the union of kinds."""
    lines = []
    for problem in error.errors(include_url=False):
        where = list(problem["loc"])
        rule = "the pack"
        if where and isinstance(where[0], int):
            index = where.pop(0)
            entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
            code = entry.get("code") if isinstance(entry, dict) else None
            rule = f"rule {index + 1}" + (f" ({code})" if code else "")
            if where and isinstance(entry, dict) and where[0] == entry.get("kind"):
                where.pop(0)  # the union's tag: the kind the entry already names
        key = ".".join(str(part) for part in where)
        message = str(problem["msg"]).removeprefix("Value error, ")
        if problem["type"] == "union_tag_invalid":
            tag, kinds = problem["ctx"]["tag"], list(modules()) + ["builtin"]
            if tag in MERGED:  # an old kind's name: its new spelling, not a guess
                message = f"kind '{tag}' was merged into another: write {MERGED[tag]}"
            else:
                hint = did_you_mean(tag, kinds)
                message = f"unknown kind '{tag}'; " + (hint or f"the kinds are {', '.join(kinds)}")
        lines.append(f"  {rule}" + (f", {key}" if key else "") + f": {message}")
    return "\n".join(lines)


def catalogue() -> list[CatalogueEntry]:
    """rules/catalogue.yaml, validated (DataError names the problem)."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(list[CatalogueEntry]).validate_python(data.load(CATALOGUE))
    except ValidationError as exc:
        raise data.DataError(f"rule catalogue {CATALOGUE} is invalid:\n{exc}") from None
