"""supplint: a fast, deterministic linter for dietary-supplement labels.

The library API mirrors the CLI: ``check_file`` and ``check_text`` return the same findings that
``supplint check`` prints. Heavy modules (pydantic models, pint) are imported on first use so that
``import supplint`` and ``supplint --version`` stay cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Finding", "check_file", "check_text", "__version__"]

if TYPE_CHECKING:
    from collections.abc import Iterable
    from os import PathLike

    from .findings import Finding


def check_text(
    text: str,
    filename: str = "<string>",
    *,
    population: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> list[Finding]:
    """Lint one label given as YAML text; ``filename`` is used in the findings."""
    return _linter(population, select, ignore, extend_select).check_text(text, filename)


def check_file(
    path: str | PathLike[str],
    *,
    population: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> list[Finding]:
    """Lint one label file. A file that cannot be read raises ``OSError``; bad content gives findings."""
    return _linter(population, select, ignore, extend_select).check_path(path)


def _linter(population, select, ignore, extend_select):
    from .engine import Linter

    return Linter.from_options(population=population, select=select, ignore=ignore, extend_select=extend_select)


def __getattr__(name: str):
    if name == "Finding":
        from .findings import Finding

        return Finding
    raise AttributeError(name)
