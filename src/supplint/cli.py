"""The `supplint` command. Heavy imports happen inside the commands, so `--version` and `--help` stay fast.

Exit status: 0 no finding at or above --fail-on; 1 there is one; 2 usage, config or internal error.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .output import ALL_FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Fatal(click.ClickException):
    """One clear line on stderr and exit 2: a missing path, an unknown rule, a bad option value."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"supplint: error: {self.message}", err=True)


def _codes(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="supplint", message="%(prog)s %(version)s")
def cli() -> None:
    """A fast, deterministic linter for dietary-supplement labels."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", type=click.Choice(ALL_FORMATS), default="concise", show_default=True,
              envvar="SUPPLINT_OUTPUT_FORMAT", help="How findings are printed (env SUPPLINT_OUTPUT_FORMAT).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write findings to this file.")
@click.option("--select", multiple=True, help="Rules to check: codes, prefixes (SUP2), names or ALL; comma-separated.")
@click.option("--ignore", multiple=True, help="Rules not to check (same forms as --select).")
@click.option("--extend-select", multiple=True, help="Rules to check on top of the selected ones.")
@click.option("--population", help="Population for labels that name none (default adults).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit status 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--stdin-filename", help="The file name to report for a label read from standard input ('-').")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
def check(paths, output_format, output_file, select, ignore, extend_select, population, fail_on, exit_zero,
          stdin_filename, quiet) -> None:
    """Lint label files (*.yaml, *.yml) and directories of them; '-' reads standard input."""
    from .data import DataError
    from .engine import Linter, UsageError
    from .findings import SEVERITY_RANK
    from .output import FORMATTERS
    from .registry import SelectionError
    from .walk import discover

    if output_format not in FORMATTERS:
        raise Fatal(f"output format '{output_format}' is not implemented yet (available: {', '.join(FORMATTERS)})")
    try:
        linter = Linter.from_options(population, _codes(select), _codes(ignore), _codes(extend_select))
    except (UsageError, SelectionError, DataError) as exc:
        raise Fatal(str(exc)) from None

    targets = list(paths) or ["."]
    findings = []
    checked = 0
    if "-" in targets:
        targets.remove("-")
        findings += linter.check_bytes(sys.stdin.buffer.read(), stdin_filename or "-")
        checked += 1
    found = discover(targets)
    if found.missing:
        raise Fatal(f"no such file or directory: {found.missing[0]}")
    explicit_pages = [page for page in found.pages if page in targets]
    if explicit_pages:
        raise Fatal(f"{explicit_pages[0]}: checking Markdown/HTML pages is not implemented yet")
    if found.pages and not quiet:
        click.echo(f"supplint: note: skipped {len(found.pages)} Markdown/HTML page(s); page checking is not "
                   "implemented yet", err=True)
    for path in found.labels:
        try:
            findings += linter.check_path(path)
        except OSError as exc:
            raise Fatal(f"cannot read {path}: {exc.strerror or exc}") from None
        checked += 1

    write = FORMATTERS[output_format]
    if output_file:
        with open(output_file, "w", encoding="utf-8") as out:
            write(findings, checked, out, quiet)
    else:
        write(findings, checked, sys.stdout, quiet)
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


@cli.command()
@click.argument("rule", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
@click.option("--output-format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
def rule(rule, show_all, output_format) -> None:
    """Explain a rule (by code or name): what it checks, why, examples, options and sources."""
    from .data import DataError
    from .explain import render_all, render_rule
    from .reference import reference
    from .registry import SelectionError, registry

    if bool(rule) == show_all:
        raise Fatal("give one rule code or name, or --all")
    try:
        rules, data = registry(), reference()
        text = render_all(rules, data, output_format) if show_all else render_rule(rules.get(rule), data, output_format)
    except (SelectionError, DataError) as exc:
        raise Fatal(str(exc)) from None
    click.echo(text, nl=False)


def main() -> None:
    try:
        cli.main(prog_name="supplint")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: never a traceback unless asked for
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
        click.echo(f"supplint: internal error: {type(exc).__name__}: {exc} (set SUPPLINT_DEBUG=1 for a traceback)", err=True)
        sys.exit(EXIT_ERROR)
