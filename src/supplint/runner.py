"""One `supplint check` run over files: settings per file, linting, and --fix / --diff.

Fixes are applied in passes (apply the fixes that do not overlap, lint the result again) and kept only if the
fixed text is still a well-formed label; files are replaced atomically (temporary file + rename), and a file the
YAML parser or the label model rejects is never rewritten.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import fixes
from .atomic import NotWritten, write_atomically
from .files import limit_for, read_bytes, read_stream, read_text
from .filetypes import is_label_name, is_page, is_panel, looks_like_label
from .findings import SEVERITY_RANK, Finding
from .output import plural
from .engine import debug
from .settings import Resolver


MAX_PASSES = 5
#: Findings that mean the file is not a well-formed label: such a file is never rewritten.
UNFIXABLE = frozenset({"SUP001", "SUP002"})
#: A fix must not introduce these (it would have broken the file or an amount).
BREAKAGE = frozenset({"SUP001", "SUP002", "SUP003", "SUP004"})


@dataclass
class FileResult:
    path: str
    fail_on: str                    # the file's --fail-on (its config's, unless the command line says)
    findings: list[Finding]
    original: str | None = None
    fixed_text: str | None = None   # set when fixes changed the text
    fixed: int = 0
    bom: bool = False
    notes: list[str] = field(default_factory=list)
    skipped: bool = False           # a walked YAML file that is not a label: not checked, not reported
    unfixed: list[Finding] | None = None  # the findings before fixing: reported if the file cannot be written
    labels: list[tuple[str, str]] = field(default_factory=list)  # a page's named labels (Runner.collect_labels)

    def diff(self) -> str:
        if self.fixed_text is None or self.original is None:
            return ""
        import difflib

        return "".join(difflib.unified_diff(self.original.splitlines(keepends=True),
                                            self.fixed_text.splitlines(keepends=True),
                                            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


class RunError(ValueError):
    """A path that cannot be checked or written (exit 2)."""


class Runner:
    """``collect_labels``: a page does not check the labels it names but lists them in its result (``labels``), so
    that the run checks and reports each of them once, at its own file (NamedLabels)."""

    def __init__(self, resolver: Resolver, fix: bool = False, collect_labels: bool = False):
        self.resolver = resolver
        self.fix = fix
        self.collect_labels = collect_labels

    def check_bytes(self, raw: bytes, path: str) -> FileResult:
        if self.collect_labels and is_page(path):
            from .pages.check import collecting_named_labels

            with collecting_named_labels() as named:  # the fix passes' checks, too, leave the labels alone
                return self._check_bytes(raw, path, named)
        return self._check_bytes(raw, path, [])

    def _check_bytes(self, raw: bytes, path: str, named: list[tuple[str, str]]) -> FileResult:
        settings = self.resolver.for_path(path)
        linter = settings.linter_for(path)
        try:
            findings = linter.check_bytes(raw, path)
            result = FileResult(path, settings.fail_on, findings, bom=raw.startswith(b"\xef\xbb\xbf"),
                                labels=list(named))
            if is_panel(path) and not any(f.code == "SUP001" for f in findings):  # the importer's other notes
                from .panel_check import panel_notes

                result.notes += panel_notes(raw.decode("utf-8-sig", "replace"), path)
            if self.fix and any(f.fix for f in findings):
                self._fix(result, raw.decode("utf-8-sig"), linter)
        except Exception as exc:  # noqa: BLE001 - the per-file guard: a bug costs this file its checks, not the run
            if debug():
                raise
            result = FileResult(path, settings.fail_on, linter.internal_error(path, exc))
        return result

    def fix_with(self, linter, text: str, path: str) -> FileResult:
        """``text`` checked and, where safe, fixed by ``linter`` (the library's fix_text: no file, no config)."""
        findings = linter.check_text(text, path)
        result = FileResult(path, "warning", findings)
        if any(f.fix for f in findings):
            self._fix(result, text, linter)
        return result

    def check_path(self, path: str, sniff: bool = False) -> FileResult:
        """``sniff``: a walked YAML file, checked only if it looks like a label (else the result is ``skipped``)."""
        try:
            raw = read_bytes(path)
        except OSError as exc:
            settings = self.resolver.for_path(path)
            return FileResult(path, settings.fail_on, settings.linter_for(path).unreadable(path, exc))
        if sniff and not looks_like_label(raw):
            return FileResult(path, "warning", [], skipped=True)
        return self.check_bytes(raw, path)

    def _fix(self, result: FileResult, text: str, linter) -> None:
        findings = result.findings
        if any(f.code in UNFIXABLE for f in findings):
            result.notes.append(f"{result.path}: not fixed: the file is not a well-formed label")
            return
        broken_before = sum(f.code in BREAKAGE for f in findings)
        current, total = text, 0
        for _ in range(MAX_PASSES):
            groups = [[fixes.TextEdit(**edit) for edit in f.fix["edits"]] for f in findings if f.fix]
            if not groups:
                break
            candidate, applied = fixes.apply(current, groups)
            after = linter.check_text(candidate, result.path)
            if sum(f.code in BREAKAGE for f in after) > broken_before:
                result.notes.append(f"{result.path}: a fix would have broken the file; left as it was")
                break
            current, findings, total = candidate, after, total + applied
            if applied == len(groups):
                break
        if current != text:
            result.unfixed = result.findings
            result.original, result.fixed_text, result.fixed, result.findings = text, current, total, findings


class Run:
    """One `check` run: files are checked, fixed and reported one at a time, so memory does not grow with them."""

    def __init__(self, resolver: Resolver, fix: bool, diff: bool, quiet: bool, note=lambda message: None,
                 jobs: int = 1, setup: tuple = (), force_exclude: bool = False, stack: bool = False,
                 add_noqa: bool = False):
        self.resolver = resolver
        self.note = note
        self.jobs, self.setup = jobs, setup  # setup: what a worker process needs to build its own resolver
        self.force_exclude = force_exclude
        self.stack = stack
        self.stack_files: list[str] = []  # label files of a --stack run, in the order given
        self.runner = Runner(resolver, fix=fix or diff, collect_labels=True)
        self.named = NamedLabels()
        # a label checked only because a page names it is not rewritten: no one asked for that file to be fixed
        self.label_runner = Runner(resolver) if fix or diff else self.runner
        self.diff, self.quiet = diff, quiet
        self.reporter = None
        self.sources: dict[str, str] = {}  # standard input's text, which cannot be read again
        self.checked = self.changed = self.fixed = 0
        self.not_labels: list[str] = []  # walked YAML files that are not labels
        self.failing = False
        self.stdin_fixed: str | None = None
        self.add_noqa = add_noqa
        self.noqa_added = self.noqa_files = 0  # --add-noqa: comments written, in how many files

    def start(self, output_format: str, out, statistics: bool, also: tuple = (), no_colour: bool = False) -> None:
        """``also``: (format, stream) pairs of more reports written from this same run (--also-output)."""
        from . import output

        if self.diff or self.add_noqa:
            return
        if statistics:
            self.reporter = output.StatisticsReporter(out, self.quiet)
        else:
            self.reporter = self._reporter(output_format, out)
            if output_format in ("concise", "full"):
                self.reporter.colour = output.wants_colour(out, no_colour)
        if also:
            from .tee import Tee

            self.reporter = Tee([self.reporter, *(self._reporter(name, stream) for name, stream in also)])

    def _reporter(self, output_format: str, out):
        from . import output

        if output_format == "full":
            return output.FullReporter(
                out, self.quiet, read=lambda path: self.sources[path] if path in self.sources else output.read_file(path))
        return output.reporter_class(output_format)(out, self.quiet)

    def check(self, targets: list[str], stdin_filename: str | None) -> None:
        if "-" in targets:
            targets = [t for t in targets if t != "-"]
            name = stdin_filename or "-"
            try:
                raw = read_stream(sys.stdin.buffer, limit_for(name))
            except OSError as exc:
                settings = self.resolver.for_path(name)
                self._handle(FileResult(name, settings.fail_on, settings.linter_for(name).unreadable(name, exc)),
                             from_stdin=True)
            else:
                self.sources[name] = raw.decode("utf-8-sig", "replace")
                self._handle(self._check_stdin(raw, name, sniff=stdin_filename is None), from_stdin=True)
        if not targets and self.sources:
            return
        import gc

        from .parallel import check_all
        from .walk import may_hold_pages

        # The rule packs, tables and label models built at start live as long as the run: set aside, they are not
        # traversed again by every full collection while thousands of files are checked. Nothing is freed later
        # than it would be (they were never garbage), and a worker process forked from here shares them as well.
        gc.freeze()

        # Only a page names labels. A serial run that can reach none checks the files as the walk finds them and
        # keeps no record of them, so its memory does not grow with the number of files.
        if self.jobs <= 1 and not self.named.problems and not self.named.pages and not may_hold_pages(targets):
            self.named.tracking = False
            plan = self.streamed(targets)
        else:
            plan = self.planned(targets)
            if self.named.problems:  # a label a page on standard input named is checked already
                plan = [item for item in plan if os.path.abspath(item[0]) not in self.named.problems]
            self.named.expect(path for path, _ in plan)
        for result in check_all(plan, self.jobs, self.setup, self.runner):
            if result.skipped:
                self.not_labels.append(result.path)
                continue
            self._handle(result)
        for path in self.named.unchecked(self.not_labels):
            # a walked YAML file that did not look like a label, but a page names it: it is checked as one
            self.not_labels.remove(path)
            self._handle(self.label_runner.check_path(path), named=True)
        if self.not_labels:
            shown = ", ".join(self.not_labels[:3]) + (", ..." if len(self.not_labels) > 3 else "")
            verb = "does" if len(self.not_labels) == 1 else "do"
            self.note(f"skipped {plural(len(self.not_labels), 'YAML file')} that {verb} not look like a label (no "
                      f"top-level `product:` or `facts:`): {shown}; name them in the config's `include` to check them")

    def _check_stdin(self, raw: bytes, name: str, sniff: bool) -> FileResult:
        """Standard input, as the kind --stdin-filename names; without it, as the kind its text plainly is
        (sniff.py), reported as "-"."""
        if not sniff:
            return self.runner.check_bytes(raw, name)
        from dataclasses import replace

        from .sniff import SUFFIXES, stdin_kind

        suffix = SUFFIXES.get(stdin_kind(raw))
        if suffix is None:
            return self.runner.check_bytes(raw, name)
        result = self.runner.check_bytes(raw, name + suffix)
        result.path, result.findings = name, [replace(f, file=name) for f in result.findings]
        return result

    def planned(self, targets: list[str]) -> list[tuple[str, bool]]:
        """The files to check, each with whether it must look like a label to be checked (Runner.check_path)."""
        from .walk import discover

        found = discover(targets, self._respect_gitignore)
        if found.missing:
            raise RunError(f"no such file or directory: {found.missing[0]}")
        self._skipped(found)
        return list(self._kept(found.files, found))

    def streamed(self, targets: list[str]) -> Iterator[tuple[str, bool]]:
        """``planned``'s files as the walk finds them (a missing target is still an error before any is checked);
        a file the walk skips is noted when it is met."""
        from .walk import Discovery, walked

        missing = [raw for raw in targets if not os.path.isdir(raw) and not os.path.lexists(raw)]
        if missing:
            raise RunError(f"no such file or directory: {missing[0]}")
        found = Discovery()
        found.explicit = {raw for raw in targets if not os.path.isdir(raw)}  # all known before the first file
        files = walked(targets, found, self._respect_gitignore)

        def noting():
            for path in files:
                self._skipped(found)
                yield path
            self._skipped(found)

        return self._kept(noting(), found)

    def _respect_gitignore(self, folder: str) -> bool:
        return self.resolver.for_path(os.path.join(folder, "-")).respect_gitignore

    def _skipped(self, found) -> None:
        """Notes for the files the walk skipped so far (each once)."""
        for path, why in found.skipped:
            if not is_panel(path) or self.resolver.for_path(path).included(path):  # other .txt were never meant
                self.note(f"skipped {path}: it {why}")
        found.skipped.clear()

    def _kept(self, files, found) -> Iterator[tuple[str, bool]]:
        explicit = set() if self.force_exclude else found.explicit
        for p in files:
            if p not in explicit and self.resolver.for_path(p).excluded(p):
                continue
            # A walked .txt file is checked as a panel only when the config's `include` names it.
            if not (p in found.explicit or not is_panel(p) or self.resolver.for_path(p).included(p)):
                continue
            # A walked YAML file is a label when it looks like one or the config includes it: a site's
            # docker-compose.yml or workflow is not a label with four errors.
            yield p, p not in explicit and is_label_name(p) and not self.resolver.for_path(p).included(p)

    def _facts(self, path: str) -> None:
        """For a report that shows Supplement Facts: the label's facts, read again from the file (or standard input)."""
        text = self.sources.get(path)
        if text is None:
            try:
                text = read_text(path)
            except (OSError, UnicodeDecodeError):
                return  # reported with the file's own findings (SUP001)
        facts = self.resolver.for_path(path).linter_for(path).facts(text, path)
        if facts is not None:
            self.reporter.add_facts(facts)

    def _guarded(self, result: FileResult, work) -> bool:
        """Run ``work()`` for ``result``'s file; an exception becomes that file's SUP008 (True: it went well)."""
        try:
            work()
            return True
        except Exception as exc:  # noqa: BLE001 - the per-file guard, for what the run does beyond checking
            if debug():
                raise
            linter = self.resolver.for_path(result.path).linter_for(result.path)
            result.findings = [f for f in result.findings if f.code != "SUP008"] + linter.internal_error(result.path, exc)
            return False

    def _handle(self, result, from_stdin: bool = False, named: bool = False) -> None:
        """``named``: a label no target holds, checked because a page names it."""
        if self.reporter is not None and self.reporter.wants_facts:
            self._guarded(result, lambda: self._facts(result.path))
        if self.stack and not from_stdin and not named:
            self.stack_files.append(result.path)
        self.checked += 1
        for note in result.notes:
            self.note(note)
        if result.fixed_text is not None:
            if self.diff:
                sys.stdout.write(result.diff())
            elif from_stdin:
                self.stdin_fixed = result.fixed_text  # an editor's buffer: the fixed text goes to stdout
            else:
                try:
                    write_fixed(result)
                except NotWritten as exc:  # that file is left as it was; the others are still fixed
                    self.note(f"{result.path}: not fixed: {exc}")
                    result.findings, result.fixed_text = result.unfixed or [], None
        if result.fixed_text is not None:
            self.changed += 1
            self.fixed += result.fixed
        if self.reporter is not None and not self._guarded(
                result, lambda: self.reporter.add(result.findings, result.path, result.fail_on)):
            self.reporter.add([f for f in result.findings if f.code == "SUP008"], result.path, result.fail_on)
        if self.add_noqa and result.findings and not from_stdin:
            self._guarded(result, lambda: self._add_comments(result))
        threshold = SEVERITY_RANK[result.fail_on]
        self.failing = self.failing or any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
        self.named.checked(result.path, len(result.findings))
        for target in self.named.named_by(result):
            # not among the files this run checks (`supplint check post.md`): checked here, once
            self._handle(self.label_runner.check_path(target), named=True)

    def _add_comments(self, result: FileResult) -> None:
        """--add-noqa: a suppression comment for each of the file's findings (noqa.py); what is left stays in
        ``result.findings``, for the exit status."""
        from .noqa import add_comments, reasons

        try:
            raw = read_bytes(result.path)
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return  # its SUP001 is what it has, and that gets no comment
        linter = self.resolver.for_path(result.path).linter_for(result.path)
        outcome = add_comments(text, result.path, result.findings, linter.registry,
                               lambda candidate: self.runner.check_bytes(candidate.encode("utf-8"), result.path).findings)
        if outcome.added:
            try:
                write_atomically(result.path, ("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "") + outcome.text)
            except NotWritten as exc:
                self.note(f"{result.path}: no comments added: {exc}")
                return
            self.noqa_added += outcome.added
            self.noqa_files += 1
        if outcome.left:
            codes = ", ".join(sorted({f.code for f in outcome.left}))
            self.note(f"{result.path}: {plural(len(outcome.left), 'finding')} left without a comment ({codes}): "
                      f"{reasons(outcome)}")
        result.findings = outcome.left

    def _check_stack(self) -> None:
        """--stack: the label files checked are one daily regimen (or one stack file describes it): SUP501."""
        from . import stacks
        from .engine import is_stack_document

        entries, linter, stack = [], None, None
        for path in self.stack_files:
            linter = linter or self.resolver.for_path(path).linter_for(path)
            try:
                text = read_text(path)
            except (OSError, UnicodeDecodeError):
                continue  # reported with the file's own findings (SUP001)
            doc = linter.document(text, path)
            if doc is None:
                continue  # a page, or a file that does not load (SUP001 already)
            if is_stack_document(doc):
                stack = stacks.stack_of_file(linter, doc, text, path)  # its SUP501 came with the file's findings
                break
            found = linter.resolve_document(doc, own_population=False)
            if found is not None:
                entries.append((path, found[0], found[1], None, ()))
        else:
            stack = stacks.build(linter, entries) if linter else None
            if stack is not None:
                extra = stacks.findings(linter, stack)
                if self.reporter is not None:
                    self.reporter.add(extra)
                self.failing = self.failing or any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[self.resolver.for_path(f.file).fail_on]
                                                   for f in extra)
        if stack is None:
            self.note("--stack needs at least two well-formed labels, or a stack file; no stack was checked")
        elif self.reporter is not None:
            self.reporter.add_stack(stack.totals)

    def finish(self) -> None:
        if self.stack and self.stack_files:
            first = FileResult(self.stack_files[0], self.resolver.for_path(self.stack_files[0]).fail_on, [])
            if not self._guarded(first, self._check_stack) and self.reporter is not None:
                self.reporter.add(first.findings)
                self.failing = True
        elif self.stack:
            self.note("--stack needs at least two well-formed labels, or a stack file; no stack was checked")
        for message in self.named.notes():
            self.note(message)
        if self.reporter is not None:
            self.reporter.close(self.checked)
        if self.stdin_fixed is not None:
            sys.stdout.write(self.stdin_fixed)


class NamedLabels:
    """The labels pages name, each checked once per run and reported at its own file (not copied onto pages).

    Pages are checked with ``Runner.collect_labels``, in this process or in workers alike: they list the labels they
    name and check none of them. This process, which sees every result in order, decides: a label among the run's
    files is checked where the walk reaches it (by a worker under --jobs); any other is checked here when the first
    page naming it is handled. A label is known by its absolute path, or by its real path when a page reaches it
    through a link or another spelling of the path."""

    def __init__(self) -> None:
        self.planned: dict[str, str] = {}         # absolute path → the run's path, for the files the run checks
        self.planned_real: dict[str, str] | None = None  # real path → absolute path, built the first time needed
        self.problems: dict[str, int] = {}        # absolute (or real) path → findings, for each file checked
        self.pages: list[tuple[str, str, str]] = []  # (page, the name it wrote, the label's key)
        self.tracking = True  # False: the run has no page, so nothing will ask what was checked (Run.check)

    def expect(self, paths) -> None:
        self.planned = {os.path.abspath(path): path for path in paths}

    def checked(self, path: str, problems: int) -> None:
        if self.tracking and not is_page(path):
            self.problems[os.path.abspath(path)] = problems

    def _key(self, target: str) -> tuple[str, bool]:
        """(the label's key, whether it is one of the run's files)."""
        if target in self.planned:
            return target, True
        real = os.path.realpath(target)
        if self.planned_real is None:
            self.planned_real = {os.path.realpath(p): p for p in self.planned if not is_page(p)}
        found = self.planned_real.get(real)
        return (found, True) if found is not None else (real, False)

    def named_by(self, result: FileResult) -> list[str]:
        """The paths to check now for the labels ``result``'s page names: those no file of the run holds and no
        earlier page named."""
        todo = []
        for target, written in result.labels:
            key, planned = self._key(target)
            self.pages.append((result.path, written, key))
            if not planned and key not in self.problems:
                self.problems[key] = 0  # claimed: a second page naming it in this same result does not check it again
                todo.append(_shown(key))
        return todo

    def unchecked(self, skipped: list[str]) -> list[str]:
        """Those of the ``skipped`` files (walked, not looking like labels) that a page names."""
        named = {key for _, _, key in self.pages}
        return [path for path in skipped if os.path.abspath(path) in named]

    def notes(self) -> list[str]:
        """A note for each page that names a label with problems (the finding would need a catalogue code)."""
        out = []
        for page, written, key in self.pages:
            count = self.problems.get(key, 0)
            if count:
                out.append(f"{page} names label {written}, which has {plural(count, 'problem')} (reported at "
                           f"{self.planned.get(key) or _shown(key)})")
        return out


def _shown(path: str) -> str:
    """An absolute path as a run shows it: relative to the working folder when it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def write_fixed(result: FileResult) -> None:
    assert result.fixed_text is not None
    write_atomically(result.path, ("\ufeff" if result.bom else "") + result.fixed_text)

