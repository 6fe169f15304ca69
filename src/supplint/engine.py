"""The pipeline a label takes: text → YAML nodes → Label → resolved rows → rules → sorted findings."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .findings import FILE_START, Finding, Span
from .kinds import evaluators
from .loader import LoadError, Problem, load
from .reference import Reference, reference
from .registry import Registry, registry
from .resolve import resolve
from .suggest import did_you_mean
from .validation import validate


class UsageError(ValueError):
    """A bad option value (population, rule selection): exit 2 with one clear line."""


class Linter:
    """Holds everything that is the same for every file of a run: rules, options, reference data."""

    def __init__(self, codes: Iterable[str], population: str | None = None,
                 rules: Registry | None = None, data: Reference | None = None):
        self.registry = rules or registry()
        self.reference = data or reference()
        self.codes = frozenset(codes)
        self.population = self._population(population or "adults")
        kinds = evaluators()
        self.active = [(spec, kinds[spec.kind], spec.defaults())
                       for code, spec in self.registry.rules.items() if code in self.codes and spec.kind != "builtin"]

    @classmethod
    def from_options(cls, population: str | None = None, select: Iterable[str] | None = None,
                     ignore: Iterable[str] | None = None, extend_select: Iterable[str] | None = None) -> Linter:
        rules = registry()
        codes = rules.select(list(select) if select is not None else None, list(ignore or ()), list(extend_select or ()))
        return cls(codes, population, rules)

    def _population(self, name: str):
        populations = self.reference.populations
        if name not in populations:
            hint = did_you_mean(name, populations)
            raise UsageError(f"unknown population '{name}'" + (f"; {hint}" if hint else f" (one of {', '.join(populations)})"))
        if not populations[name].supported:
            raise UsageError(f"population '{name}' has no reference values in supplint's tables yet; "
                             "supported: " + ", ".join(p for p, v in populations.items() if v.supported))
        return populations[name]

    def check_path(self, path: str | os.PathLike[str]) -> list[Finding]:
        with open(path, "rb") as handle:
            raw = handle.read()
        return self.check_bytes(raw, os.fspath(path))

    def check_bytes(self, raw: bytes, filename: str) -> list[Finding]:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            problem = Problem("SUP001", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                              Span(line, 1, line, 1), "save the file as UTF-8")
            return self._from_problems(filename, [problem])
        return self.check_text(text, filename)

    def check_text(self, text: str, filename: str) -> list[Finding]:
        findings = self._check(text, filename)
        findings.sort(key=Finding.sort_key.fget)
        return findings

    def _check(self, text: str, filename: str) -> list[Finding]:
        try:
            doc = load(text)
        except LoadError as exc:
            return self._from_problems(filename, [exc.problem])
        label, problems = validate(doc)
        problems = doc.problems + problems
        if label is None:
            return self._from_problems(filename, problems)
        population = self.reference.populations[label.population] if label.population else self.population
        resolved = resolve(label, self.reference, population)
        problems += [Problem(i.code, i.message, doc.value_span(i.path), i.hint) for i in resolved.issues]
        findings = self._from_problems(filename, problems)
        for spec, evaluate, options in self.active:
            for hit in evaluate(spec, resolved, options):
                if not hit.path:
                    span = FILE_START
                else:
                    span = doc.key_span(hit.path) if hit.at_key else doc.value_span(hit.path)
                findings.append(_finding(spec, hit.message, span, hit.hint, filename))
        return findings

    def _from_problems(self, filename: str, problems: list[Problem]) -> list[Finding]:
        rules = self.registry.rules
        return [_finding(rules[p.code], p.message, p.span, p.hint, filename) for p in problems if p.code in self.codes]


def _finding(spec, message: str, span: Span, hint: str | None, filename: str) -> Finding:
    return Finding(spec.code, spec.name, spec.severity, message, filename,
                   span.line, span.column, span.end_line, span.end_column, hint)
