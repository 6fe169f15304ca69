"""The library API behind ``supplint.check_text`` and friends: what a CMS hook or a script calls.

Every function answers as `supplint check` would for the same text and settings: the same rules, the same
findings, the same fixes. Nothing here prints, exits or (with ``read_files=False``) touches the disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Linter
    from .findings import Finding

#: Rule selections: "SUP2,SUP4", or any iterable of codes, prefixes and names.
Selection = str | Iterable[str] | None
#: A config: a path to supplint.toml / pyproject.toml, or the `[tool.supplint]` keys as a mapping.
ConfigLike = str | os.PathLike | Mapping | None


def codes(selection: Selection) -> list[str] | None:
    """A selection as a list of tokens; a string is split at commas (never iterated letter by letter)."""
    if selection is None:
        return None
    items = [selection] if isinstance(selection, str) else list(selection)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def linter(
    filename: str,
    *,
    population: str | None = None,
    select: Selection = None,
    ignore: Selection = None,
    extend_select: Selection = None,
    config: ConfigLike = None,
    labels: Mapping[str, str] | None = None,
    read_files: bool = True,
) -> Linter:
    """The linter `check` would use for ``filename``. ``labels``: texts of the label files a page names, keyed
    by the path as the page writes it (or absolute); ``read_files=False``: named labels come only from there."""
    from .run.settings import Overrides, Resolver, Settings

    overrides = Overrides(population, codes(select), tuple(codes(ignore) or ()), tuple(codes(extend_select) or ()))
    if isinstance(config, Mapping):
        from .run.config import Config, validate_table

        settings = Settings(Config(None, Path.cwd(), validate_table(dict(config), "config")), overrides)
        found = settings.linter_for(filename)
    elif config is not None:
        found = Resolver(overrides, os.fspath(config)).for_path(filename).linter_for(filename)
    else:
        found = Resolver(overrides, isolated=True).for_path(filename).linter_for(filename)
    if labels or not read_files:
        found = found.without(())  # a copy: the overlay and the disk rule are this call's, not the cached linter's
        base = os.path.dirname(os.path.abspath(filename))
        found.overlay = {os.path.normpath(os.path.join(base, key)): text for key, text in (labels or {}).items()}
        found.read_files = read_files
    return found


def check_text(text: str | bytes, filename: str = "<string>", **options) -> list[Finding]:
    """Findings for a label, page, stack file or DSLD record given as text (bytes are decoded as a file is)."""
    checker = linter(filename, **options)
    if isinstance(text, bytes):
        return checker.check_bytes(text, filename)
    return checker.check_text(text, filename)


def fix_text(text: str, filename: str = "label.yaml", **options) -> str:
    """The text with every safe fix applied, as `supplint check --fix` would write it (unchanged when there is
    nothing safe to fix, or when fixing would break the file)."""
    from .run.checker import Checker
    from .run.settings import Overrides, Resolver

    checker = linter(filename, **options)
    result = Checker(Resolver(Overrides(), isolated=True), fix=True).fix_with(checker, text, filename)
    return result.fixed_text if result.fixed_text is not None else text


def check_stack(
    labels: Iterable[str | tuple[str, int]],
    *,
    population: str | None = None,
    names: Iterable[str] | None = None,
    **options,
) -> list[Finding]:
    """SUP501 for products taken together: each label as YAML text, or (text, servings a day). ``names`` are the
    file names the findings are reported at (default ``label-1.yaml``, ...). Each label's own findings are
    ``check_text``'s; this returns the stack's."""
    from .subjects import stack as stacks

    texts = [(item, None) if isinstance(item, str) else item for item in labels]
    files = list(names) if names is not None else [f"label-{n}.yaml" for n in range(1, len(texts) + 1)]
    if len(files) != len(texts):
        raise ValueError("give one name per label")
    checker = linter(files[0] if files else "label.yaml", population=population, **options)
    entries = []
    for (text, per_day), file in zip(texts, files, strict=False):
        found = checker.resolved(text, file, own_population=False)
        if found is None:
            raise ValueError(f"{file} is not a well-formed label; check_text says why")
        entries.append((file, found[0], found[1], per_day, ()))
    stack = stacks.build(checker, entries)
    return stacks.findings(checker, stack) if stack is not None else []
