"""supplint: a fast, deterministic linter for dietary-supplement labels.

The library API mirrors the CLI: ``check_text`` and ``check_file`` return the same findings that
``supplint check`` prints, ``fix_text`` the text ``--fix`` would write, ``check_stack`` a daily regimen's findings.
docs/api.md has the details. Heavy modules (pydantic models, pint) are imported on first use so that
``import supplint`` and ``supplint --version`` stay cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["Finding", "__version__", "check_file", "check_stack", "check_text", "fix_text"]

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from os import PathLike

    from .findings import Finding


def check_text(
    text: str | bytes,
    filename: str = "<string>",
    *,
    population: str | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    extend_select: str | Iterable[str] | None = None,
    config: str | PathLike[str] | Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
    read_files: bool = True,
) -> list[Finding]:
    """Lint a label, page, stack file or DSLD record given as text; ``filename`` says which kind (by its suffix)
    and is used in the findings. ``select``/``ignore`` take "SUP2,SUP4" or a list; ``config`` a config file's path
    or its `[tool.supplint]` keys; ``labels`` the texts of label files a page names (by the path it writes);
    ``read_files=False`` never reads a named label from disk."""
    from .api import check_text as check

    return check(
        text,
        filename,
        population=population,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        config=config,
        labels=labels,
        read_files=read_files,
    )


def check_file(
    path: str | PathLike[str],
    *,
    population: str | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    extend_select: str | Iterable[str] | None = None,
    config: str | PathLike[str] | Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Lint one file. A file that cannot be read (missing, a FIFO, too large) raises ``OSError``; bad content
    gives findings."""
    import os

    from .api import linter

    name = os.fspath(path)
    return linter(
        name, population=population, select=select, ignore=ignore, extend_select=extend_select, config=config
    ).check_path(name)


def fix_text(text: str, filename: str = "label.yaml", **options: Any) -> str:
    """The text with every safe fix applied, as ``supplint check --fix`` would write it."""
    from .api import fix_text as fix

    return fix(text, filename, **options)


def check_stack(
    labels: Iterable[str | tuple[str, int]], *, population: str | None = None, **options: Any
) -> list[Finding]:
    """SUP501 for several labels (YAML texts, or (text, servings a day)) taken together by one person."""
    from .api import check_stack as stack

    return stack(labels, population=population, **options)


def __getattr__(name: str):
    if name == "Finding":
        from .findings import Finding

        return Finding
    raise AttributeError(name)
