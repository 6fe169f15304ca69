"""The `supplint` command. Heavy imports happen inside the commands, so `--version` and `--help` stay fast.

Exit status: 0 no finding at or above --fail-on; 1 there is one; 2 usage, config or internal error; 130 interrupted.
"""

from __future__ import annotations

import sys

#: The commands that check files: they import PyYAML, pydantic and the page parser, whose regular expressions the
#: data cache keeps compiled (shipped/patterns.py).
CHECKING = frozenset({"check", "server", "serve"})


def _checks(argv: list[str]) -> bool:
    """Does this command line check files? Its command is the first word (the group's own options, -V and -h, come
    before it and take no value), and asking for help or the version checks nothing."""
    command = next((arg for arg in argv[1:] if not arg.startswith("-")), None)
    return command in CHECKING and not {"-h", "--help", "-V", "--version"} & set(argv[1:])


def _preload() -> None:
    """The compiled forms of earlier runs' patterns, into re's cache (once a process)."""
    from .shipped import patterns

    patterns.preload()


# Before click, PyYAML and the rest compile their regular expressions, the compiled forms of earlier runs: only for
# a command that checks (reading them costs about 10 ms, which --version, --help and `rule` need not pay). The
# command is read from sys.argv here, as the process starts, because click's own patterns are compiled as soon as
# it is imported, below; a command that checks also asks as it begins, for a caller that set sys.argv later
# (``main()`` or click's test runner, in a process of its own).
if _checks(sys.argv):
    _preload()

import contextlib  # noqa: E402
import os  # noqa: E402
from typing import get_args  # noqa: E402

import click  # noqa: E402

from .findings import Severity  # noqa: E402
from .report.formats import ALL_FORMATS  # noqa: E402
from .version import __version__  # noqa: E402

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 128 + 2  # as a shell reports a command that SIGINT ended


class Fatal(click.ClickException):
    """One clear line on stderr and exit 2: a missing path, an unknown rule, a bad option value."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"supplint: error: {self.message}", err=True)


def _default_format() -> str:
    """Under GitHub Actions findings become annotations on the pull request unless a format is asked for (yamllint
    does the same); everywhere else, one line per finding."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "concise"


def _codes(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class _Group(click.Group):
    """Ctrl-C ends a command with one line and status 130. Click itself would turn it into Abort ("Aborted!",
    status 1) before any handler around ``cli.main`` sees it; an Exit raised here passes through click as is."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _interrupted()
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


def _interrupted() -> None:
    import signal

    # A second Ctrl-C while the workers are stopped and the process exits would print a traceback.
    with contextlib.suppress(ValueError):  # not the main thread: it cannot have been Ctrl-C
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    start = "\n" if sys.stderr.isatty() else ""  # after the terminal's ^C
    click.echo(f"{start}supplint: interrupted", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="supplint", message="%(prog)s %(version)s")
def cli() -> None:
    """A fast, deterministic linter for dietary-supplement labels."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output-format",
    type=click.Choice(ALL_FORMATS),
    default=_default_format,
    show_default="concise; github under GitHub Actions",
    envvar="SUPPLINT_OUTPUT_FORMAT",
    help="How findings are printed (env SUPPLINT_OUTPUT_FORMAT).",
)
@click.option(
    "-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write findings to this file."
)
@click.option(
    "--also-output",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write the findings of this same run in another format to a file (repeatable), e.g. "
    "sarif=supplint.sarif beside annotations.",
)
@click.option("--select", multiple=True, help="Rules to check: codes, prefixes (SUP2), names or ALL; comma-separated.")
@click.option("--ignore", multiple=True, help="Rules not to check (same forms as --select).")
@click.option("--extend-select", multiple=True, help="Rules to check on top of the selected ones.")
@click.option("--population", help="Population for labels that name none (default: config, else adults).")
@click.option(
    "--fail-on",
    type=click.Choice(get_args(Severity)),
    help="Lowest severity that makes the exit status 1 (default: config, else warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically), then report what remains.")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing. Exit 1 if any.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this config file (supplint.toml or pyproject.toml) for every path.",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the config's include/exclude to files named on the command line too (for pre-commit).",
)
@click.option(
    "--stack",
    is_flag=True,
    help="Treat the labels given as one daily regimen (or give a stack file): their combined daily amounts "
    "are checked against the upper limits (SUP501).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check files in this many processes (0: one per CPU).",
)
@click.option(
    "--preset",
    metavar="NAME",
    help="A selection of rules for a reader (rules/data/presets.yaml): 'shopper' checks what matters to "
    "the person taking the product and reports it in plain words (concise and html).",
)
@click.option("--stdin-filename", help="The file name to report, and to find the config by, for standard input ('-').")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
@click.option(
    "--no-color",
    "no_colour",
    is_flag=True,
    help="No colour, even on a terminal (NO_COLOR in the environment does the same).",
)
@click.option(
    "--add-noqa",
    is_flag=True,
    help="Write a suppression comment for every current finding (adopting supplint on an existing site).",
)
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and check nothing.")
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the settings that apply to the one PATH given (config file, rules, options), and check nothing.",
)
def check(
    paths,
    output_format,
    output_file,
    also_output,
    select,
    ignore,
    extend_select,
    population,
    fail_on,
    exit_zero,
    statistics,
    fix,
    diff,
    config_file,
    isolated,
    force_exclude,
    stack,
    jobs,
    preset,
    stdin_filename,
    quiet,
    no_colour,
    add_noqa,
    show_files,
    show_settings,
) -> None:
    """Lint labels (*.yaml, *.yml), affiliate pages (*.md, *.mdx, *.html), NIH DSLD records (*.json, when named),
    Supplement Facts panels pasted as text (*.txt, when named or included) and stack files, and folders of them;
    '-' reads standard input."""
    _preload()
    from .errors import SupplintError
    from .run.parallel import WorkerSettings, jobs_for
    from .run.session import Run
    from .run.settings import Overrides, Resolver

    if config_file and isolated:
        raise Fatal("--config and --isolated contradict each other; give one")
    if preset:
        output_format, select = _preset(preset, output_format, select)
    if add_noqa and (fix or diff or "-" in paths):
        raise Fatal("--add-noqa writes to the files checked: not with --fix, --diff or standard input")
    overrides = Overrides(
        population, _codes(select), tuple(_codes(ignore) or ()), tuple(_codes(extend_select) or ()), fail_on
    )
    try:
        run = Run(
            Resolver(overrides, config_file, isolated),
            fix=fix,
            diff=diff,
            quiet=quiet,
            note=_note,
            jobs=jobs_for(jobs),
            workers=WorkerSettings(overrides, config_file, isolated, fix or diff),
            force_exclude=force_exclude,
            stack=stack,
            add_noqa=add_noqa,
        )
        if show_files or show_settings:
            _show(run, list(paths), show_settings)
            return
        # With --fix on standard input the fixed text is the output; findings go to standard error.
        findings_to = sys.stderr if "-" in paths and fix and not diff else sys.stdout
        with contextlib.ExitStack() as streams:
            out = streams.enter_context(_open_output(output_file)) if output_file else findings_to
            also = [(name, streams.enter_context(_open_output(path))) for name, path in map(_also, also_output)]
            run.start(output_format, out, statistics, tuple(also), no_colour)
            run.check(list(paths) or ["."], stdin_filename)
            run.finish()
    except SupplintError as exc:  # a bad option, configuration, selection or data file: its one line
        raise Fatal(str(exc)) from None
    if not quiet:
        from .report.summary import plural

        if diff:
            _note(f"{plural(run.fixed, 'fix')} would change {plural(run.changed, 'file')}", "")
        elif fix and run.changed:
            _note(f"fixed {plural(run.fixed, 'problem')} in {plural(run.changed, 'file')}", "")
    if add_noqa:
        from .report.summary import plural

        _note(f"added {plural(run.noqa_added, 'suppression comment')} in {plural(run.noqa_files, 'file')}", "")
    if diff:
        sys.exit(EXIT_FINDINGS if run.changed and not exit_zero else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if run.failing and not exit_zero else EXIT_CLEAN)


def _preset(name: str, output_format: str, select: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """--preset: its rules become the selection, and its report replaces the concise and html formats."""
    from .reference.presets import preset
    from .shipped.files import DataError

    if select:
        raise Fatal(
            "--preset chooses the rules; give --preset or --select, not both (--extend-select and --ignore "
            "refine a preset)"
        )
    try:
        chosen = preset(name)
    except DataError as exc:
        raise Fatal(str(exc)) from None
    if chosen.report and output_format in ("concise", "html"):
        output_format = f"{chosen.report}-{output_format}"
    return output_format, chosen.codes


def _also(value: str) -> tuple[str, str]:
    from .report.tee import parse

    try:
        return parse(value, ALL_FORMATS)
    except ValueError as exc:
        raise Fatal(str(exc)) from None


def _show(run, paths: list[str], settings: bool) -> None:
    from .run import show

    if settings:
        if len(paths) != 1:
            raise Fatal("--show-settings takes exactly one PATH")
        click.echo(show.settings(run.resolver, paths[0]), nl=False)
        return
    for path in show.files(run, paths or ["."]):
        click.echo(path)


@cli.group(name="import")
def import_group() -> None:
    """Write a label in supplint's format from another source (to standard output, or -o)."""


def _import(kind: str, source: str, output_file: str | None) -> None:
    import importlib

    from .files import MAX_LABEL_BYTES, os_reason, read_bytes, read_stream
    from .importers import ImportFailed, dump_label

    module = importlib.import_module(f".importers.{kind}", __package__)
    try:  # the one file reader: a FIFO, a device or a huge file is refused before it is read
        raw = (
            read_stream(sys.stdin.buffer, MAX_LABEL_BYTES)
            if source == "-"
            else read_bytes(source, limit=MAX_LABEL_BYTES)
        )
    except OSError as exc:
        raise Fatal(f"cannot read {source}: it {os_reason(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Fatal(
            f"{source} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    name = "standard input" if source == "-" else source
    try:
        conversion = module.convert(text, name)
    except ImportFailed as exc:
        raise Fatal(f"{name}: {exc}") from None
    for note in conversion.notes:
        _note(f"{name}: {note}")
    text = dump_label(conversion.label, module.header(name, conversion))
    if output_file:
        with _open_output(output_file) as out:
            out.write(text)
    else:
        sys.stdout.write(text)


@import_group.command("dsld")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the label here.")
def import_dsld(source, output_file) -> None:
    """An NIH Dietary Supplement Label Database (DSLD) v9 label record (JSON); '-' reads standard input."""
    _import("dsld", source, output_file)


@import_group.command("text")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the label here.")
def import_text(source, output_file) -> None:
    """A Supplement Facts panel copied as text (a product page, a PDF, OCR): tables flattened with pipes, tabs or
    dot leaders, run-on retailer copy, "Each capsule contains:" blocks; mojibake and odd characters are repaired
    first. '-' reads standard input (paste, then Ctrl-D). What cannot be carried over is a note on standard error,
    by line; a panel with several serving columns is refused (exit 2), never guessed. `supplint check panel.txt`
    checks a panel without writing the label."""
    _import("text", source, output_file)


def _open_output(path: str):
    """-o: a folder that does not exist, or one we may not write in, is the user's to fix (exit 2), not ours."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise Fatal(f"cannot write {path}: {exc.strerror or exc}") from None


def _note(message: str, kind: str = "note: ") -> None:
    from .report.visible import (
        visible,  # a note names a file, and may quote a label: one line, as it is stored
    )

    click.echo(f"supplint: {kind}{visible(message)}", err=True)


@cli.command()
@click.argument("rule", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
@click.option("--output-format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
def rule(rule, show_all, output_format) -> None:
    """Explain a rule (by code or name): what it checks, why, examples, options and sources."""
    from .errors import SupplintError
    from .reference.tables import reference
    from .report.explain import render_all, render_rule
    from .ruleset.registry import registry

    if bool(rule) == show_all:
        raise Fatal("give one rule code or name, or --all")
    try:
        rules, data = registry(), reference()
        text = render_all(rules, data, output_format) if show_all else render_rule(rules.get(rule), data, output_format)
    except SupplintError as exc:
        raise Fatal(str(exc)) from None
    click.echo(text, nl=False)


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the label format (draft-07, for editors).

    Save it with 'supplint schema > label.schema.json' and put '# yaml-language-server: $schema=label.schema.json'
    (a path relative to the label) at the top of a label; see docs/editors.md.
    """
    from .label.schema import render
    from .shipped.files import DataError

    try:
        text = render()
    except DataError as exc:
        raise Fatal(str(exc)) from None
    click.echo(text, nl=False)


@cli.command("server")
def server_command() -> None:
    """Run the language server (LSP over standard input and output) for editors: diagnostics as you type, quick
    fixes, hover help; see docs/editors.md."""
    _preload()
    from .server import serve  # pygls loads only here: `check` does not pay for it

    serve()


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback makes the page reachable from other computers.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks a free one (the URL is printed).",
)
def serve_command(host, port) -> None:
    """A local web page to paste a label, a Supplement Facts panel or several products into, and POST /api/check
    (JSON) for CMS hooks; see docs/serve.md. Ctrl-C stops it."""
    _preload()
    from .serve import PortInUse, run

    try:
        run(host, port)
    except PortInUse as exc:
        raise Fatal(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("supplint serve: stopped", err=True)
    except OSError as exc:
        raise Fatal(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None


def main() -> None:
    # The command line uses no pydantic plugins; looking for them reads every installed package's metadata
    # (~10 ms of a ~150 ms start). Library users keep pydantic's default.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli.main(prog_name="supplint")
    except SystemExit:
        raise
    except KeyboardInterrupt:  # before click's own handling begins
        _interrupted()
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the last line of defence: never a traceback unless asked for
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
        click.echo(
            f"supplint: internal error: {type(exc).__name__}: {exc} (set SUPPLINT_DEBUG=1 for a traceback)", err=True
        )
        sys.exit(EXIT_ERROR)
