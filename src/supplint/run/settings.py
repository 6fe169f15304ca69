"""What applies to one checked file: its configuration (closest file wins) with the command line on top.

A Settings object is built once per configuration file and hands out Linters, one per distinct set of rules
(per-file-ignores make that set depend on the path), so the per-file cost is a dictionary lookup.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Linter, UsageError
from ..reference.tables import Reference, reference
from ..ruleset.registry import Layer, Registry, registry
from ..suggest import did_you_mean
from . import config as config_files
from .config import Config, ConfigError

if TYPE_CHECKING:
    from pathspec import PathSpec, Pattern


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None / empty means "not given", so the config file decides."""

    population: str | None = None
    select: list[str] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None


class Settings:
    def __init__(
        self, config: Config, overrides: Overrides, rules: Registry | None = None, data: Reference | None = None
    ):
        self.config = config
        self.rules = rules or registry()
        self.data = data or reference()
        values = config.values
        self.fail_on = overrides.fail_on or values.fail_on or "warning"
        file_layer = Layer(values.select, values.ignore, values.extend_select)
        with _blamed(config.label):
            self.rules.select_layers([file_layer])
        # The command line is validated on its own first, so that its errors are not blamed on the file.
        cli_layer = Layer(overrides.select, overrides.ignore, overrides.extend_select)
        self.rules.select_layers([cli_layer])
        self.codes = self.rules.select_layers([file_layer, cli_layer])
        with _blamed(config.label):
            self.severity = {self.rules.code_of(key): level for key, level in values.severity.items()}
            self.options = {
                self.rules.code_of(name): self._options(name, table) for name, table in values.rules.items()
            }
            self.per_file_ignores = [
                (_Globs([glob], f"{config.label}: per-file-ignores"), self.rules.select(list(codes)))
                for glob, codes in values.per_file_ignores.items()
            ]
        self.include = _Globs(values.include, f"{config.label}: include") if values.include is not None else None
        self.exclude = _Globs(values.exclude, f"{config.label}: exclude") if values.exclude else None
        self.respect_gitignore = values.respect_gitignore
        population = overrides.population or values.population
        try:
            self._base = Linter(self.codes, population, self.rules, self.data, self.options, self.severity)
        except UsageError as exc:
            if overrides.population:
                raise
            raise ConfigError(f"{config.label}: population: {exc}") from None
        self._linters: dict[frozenset[str], Linter] = {frozenset(): self._base}

    def _options(self, name: str, table: dict) -> dict:
        spec = self.rules.get(name)
        values = {}
        for key, raw in table.items():
            option = spec.options.get(key)
            if option is None:
                known = list(spec.options)
                hint = did_you_mean(key, known) or (
                    f"its options are {', '.join(known)}" if known else "it has no options"
                )
                raise ConfigError(
                    f"{self.config.label}: rules.{name}: unknown option '{key}' for {spec.code} ({spec.name}); {hint}"
                )
            try:
                value = option.coerce(raw)
            except ValueError as exc:
                raise ConfigError(f"{self.config.label}: rules.{name}.{key}: {exc}") from None
            if option.type == "quantity" and option.nutrient:
                try:
                    self.data.quantity_of(value, option.nutrient)
                except ValueError as exc:
                    raise ConfigError(f"{self.config.label}: rules.{name}.{key}: {raw!r} {exc}") from None
            values[key] = value
        return values

    def relative(self, path: str, key: str = "include") -> str:
        """The path as the globs of ``key`` see it: relative to the folder of the config file that set them, with
        '/' separators."""
        absolute = os.path.abspath(path)
        rel = os.path.relpath(absolute, self.config.root_of(key))
        return Path(rel if not rel.startswith("..") else absolute).as_posix()

    def excluded(self, path: str) -> bool:
        if self.exclude is None and self.include is None:
            return False
        if self.exclude is not None and self.exclude.match_file(self.relative(path, "exclude")):
            return True
        return self.include is not None and not self.include.match_file(self.relative(path, "include"))

    def included(self, path: str) -> bool:
        """Does the config's `include` name this path? (Then a YAML file is a label whatever it looks like.)"""
        return self.include is not None and self.include.match_file(self.relative(path, "include"))

    def linter_for(self, path: str) -> Linter:
        if not self.per_file_ignores:
            return self._base
        rel = self.relative(path, "per-file-ignores")
        ignored = frozenset().union(*(codes for spec, codes in self.per_file_ignores if spec.match_file(rel)))
        linter = self._linters.get(ignored)
        if linter is None:
            linter = self._linters[ignored] = self._base.without(ignored)
        return linter


@contextmanager
def _blamed(label: str):
    """Errors raised while reading a config's values name the file they come from."""
    try:
        yield
    except ConfigError:
        raise
    except ValueError as exc:  # SelectionError and option errors
        raise ConfigError(f"{label}: {exc}") from None


class _Globs:
    """A config's gitwildmatch patterns, compiled when a path is first matched: importing pathspec costs about as
    much as the rest of a one-label run, and a file named on the command line is never matched against include."""

    def __init__(self, patterns: list[str], where: str):
        self.patterns = list(patterns)
        self.where = where
        self._spec: PathSpec | None = None

    def match_file(self, path: str) -> bool:
        if self._spec is None:
            import pathspec

            try:
                self._spec = pathspec.PathSpec.from_lines(_wildmatch(), self.patterns)
            except ValueError as exc:  # pathspec's pattern errors: the config's to fix (exit 2)
                raise ConfigError(f"{self.where}: {exc}") from None
        return self._spec.match_file(path)


def _wildmatch() -> str | type[Pattern]:
    """The patterns config globs have always been read as: pathspec 1.0 deprecates their name 'gitwildmatch' (it
    warns) for the class GitIgnoreSpecPattern, which an older pathspec does not have."""
    try:
        from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern
    except ImportError:  # pathspec before 1.0
        return "gitwildmatch"
    return GitIgnoreSpecPattern


class Resolver:
    """Finds the Settings for each path: --config for all, --isolated for none, else the closest file."""

    def __init__(self, overrides: Overrides, config_path: str | None = None, isolated: bool = False):
        self.overrides = overrides
        self._fixed: Settings | None = None
        if config_path is not None:
            self._fixed = Settings(config_files.read(config_path), overrides)
        elif isolated:
            self._fixed = Settings(Config(None, Path.cwd()), overrides)
        self._by_dir: dict[str, Settings] = {}  # by the directory as written: walking repeats it
        self._by_file: dict[Path | None, Settings] = {}

    def for_path(self, path: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        directory = os.path.dirname(path)
        settings = self._by_dir.get(directory)
        if settings is None:
            found = config_files.find(Path(os.path.abspath(path)).parent)
            settings = self._by_file.get(found)
            if settings is None:
                config = config_files.read(found) if found else Config(None, Path.cwd())
                settings = self._by_file[found] = Settings(config, self.overrides)
            self._by_dir[directory] = settings
        return settings
