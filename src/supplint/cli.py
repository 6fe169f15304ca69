"""The `supplint` command. Heavy imports happen inside the commands, so `--version` and `--help` stay fast.

Exit status: 0 no finding at or above --fail-on; 1 there is one; 2 usage, config or internal error.
"""

from __future__ import annotations

import contextlib
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
@click.option("--population", help="Population for labels that name none (default: config, else adults).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit status 1 (default: config, else warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically), then report what remains.")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing. Exit 1 if any.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this config file (supplint.toml or pyproject.toml) for every path.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's include/exclude to files named on the command line too (for pre-commit).")
@click.option("--stack", is_flag=True,
              help="Treat the labels given as one daily regimen (or give a stack file): their combined daily amounts "
                   "are checked against the upper limits (SUP501).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Check files in this many processes (0: one per CPU).")
@click.option("--stdin-filename", help="The file name to report, and to find the config by, for standard input ('-').")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
def check(paths, output_format, output_file, select, ignore, extend_select, population, fail_on, exit_zero,
          statistics, fix, diff, config_file, isolated, force_exclude, stack, jobs, stdin_filename, quiet) -> None:
    """Lint labels (*.yaml, *.yml), affiliate pages (*.md, *.html), NIH DSLD records (*.json, when named) and
    stack files, and folders of them; '-' reads standard input."""
    from .config import ConfigError
    from .data import DataError
    from .engine import UsageError
    from .registry import SelectionError
    from .parallel import jobs_for
    from .runner import Run, RunError
    from .settings import Overrides, Resolver

    if config_file and isolated:
        raise Fatal("--config and --isolated contradict each other; give one")
    overrides = Overrides(population, _codes(select), tuple(_codes(ignore) or ()), tuple(_codes(extend_select) or ()), fail_on)
    try:
        run = Run(Resolver(overrides, config_file, isolated), fix=fix, diff=diff, quiet=quiet, note=_note,
                  jobs=jobs_for(jobs), setup=(overrides, config_file, isolated, fix or diff), force_exclude=force_exclude,
                  stack=stack)
        # With --fix on standard input the fixed text is the output; findings go to standard error.
        findings_to = sys.stderr if "-" in paths and fix and not diff else sys.stdout
        with (open(output_file, "w", encoding="utf-8") if output_file else contextlib.nullcontext(findings_to)) as out:
            run.start(output_format, out, statistics)
            run.check(list(paths) or ["."], stdin_filename)
            run.finish()
    except (ConfigError, UsageError, SelectionError, DataError, RunError) as exc:
        raise Fatal(str(exc)) from None
    if not quiet:
        from .output import plural

        if diff:
            _note(f"{plural(run.fixed, 'fix')} would change {plural(run.changed, 'file')}", "")
        elif fix and run.changed:
            _note(f"fixed {plural(run.fixed, 'problem')} in {plural(run.changed, 'file')}", "")
    if diff:
        sys.exit(EXIT_FINDINGS if run.changed and not exit_zero else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if run.failing and not exit_zero else EXIT_CLEAN)


@cli.group(name="import")
def import_group() -> None:
    """Write a label in supplint's format from another source (to standard output, or -o)."""


def _import(kind: str, source: str, output_file: str | None) -> None:
    import importlib

    from .importers import ImportFailed, dump_label

    module = importlib.import_module(f".importers.{kind}", __package__)
    try:
        with open(source, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise Fatal(f"cannot read {source}: {exc.strerror or exc}") from None
    try:
        conversion = module.convert(raw.decode("utf-8-sig"), source)
    except (ImportFailed, UnicodeDecodeError) as exc:
        raise Fatal(f"{source}: {exc}") from None
    for note in conversion.notes:
        _note(f"{source}: {note}")
    text = dump_label(conversion.label, module.header(source, conversion))
    if output_file:
        with open(output_file, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


@import_group.command("dsld")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the label here.")
def import_dsld(source, output_file) -> None:
    """An NIH Dietary Supplement Label Database (DSLD) v9 label record (JSON)."""
    _import("dsld", source, output_file)


@import_group.command("text")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the label here.")
def import_text(source, output_file) -> None:
    """A Supplement Facts panel copied as text."""
    _import("text", source, output_file)


def _note(message: str, kind: str = "note: ") -> None:
    click.echo(f"supplint: {kind}{message}", err=True)


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


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the label format (draft-07, for editors).

    Save it with 'supplint schema > label.schema.json' and put '# yaml-language-server: $schema=label.schema.json'
    (a path relative to the label) at the top of a label; see docs/editors.md.
    """
    from .data import DataError
    from .schema import render

    try:
        text = render()
    except DataError as exc:
        raise Fatal(str(exc)) from None
    click.echo(text, nl=False)


@cli.command("server")
def server_command() -> None:
    """Run the language server (LSP over standard input and output) for editors: diagnostics as you type, quick
    fixes, hover help; see docs/editors.md."""
    from .server import serve  # pygls loads only here: `check` does not pay for it

    serve()


def main() -> None:
    # The command line uses no pydantic plugins; looking for them reads every installed package's metadata
    # (~10 ms of a ~150 ms start). Library users keep pydantic's default.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
