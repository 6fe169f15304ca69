"""One `supplint check` command: the files it walks, the settings each file gets, the workers, the report, and
writing fixed files (atomically: temporary file + rename). Each file is checked by a ``checker.Checker``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..edit.atomic import NotWritten, write_atomically
from ..engine import debug
from ..errors import SupplintError
from ..files import limit_for, read_bytes, read_stream, read_text
from ..filetypes import is_label_name, is_page, is_panel
from ..findings import SEVERITY_RANK
from ..report.summary import plural
from ..subjects.contract import Checked
from .checker import Checker, FileResult
from .parallel import WorkerSettings, check_all
from .settings import Resolver

if TYPE_CHECKING:
    from ..engine import Linter
    from ..report.formats import Reporter
    from ..report.tee import Tee
    from ..subjects.stack import StackContext, StackEntry
    from .walk import Reach


class RunError(SupplintError, ValueError):
    """A path that cannot be checked or written (exit 2)."""


class Run:
    """One `check` run: files are checked, fixed and reported one at a time, so memory does not grow with them."""

    def __init__(
        self,
        resolver: Resolver,
        fix: bool,
        diff: bool,
        quiet: bool,
        note=lambda message: None,
        jobs: int = 1,
        workers: WorkerSettings | None = None,
        force_exclude: bool = False,
        stack: bool = False,
        add_noqa: bool = False,
    ):
        self.resolver = resolver
        self.note = note
        self.jobs, self.workers = jobs, workers  # None: no worker processes, whatever jobs says
        self.force_exclude = force_exclude
        self.stack = stack
        self.stack_files: list[str] = []  # label files of a --stack run, in the order given
        self.checker = Checker(resolver, fix=fix or diff, collect_labels=True)
        self.named = NamedLabels()
        # a label checked only because a page names it is not rewritten: no one asked for that file to be fixed
        self.label_checker = Checker(resolver) if fix or diff else self.checker
        self.stack_checked: dict[str, Checked] = {}  # what checking them computed (serial runs)
        self.checker.keep = self.label_checker.keep = stack  # --stack reuses them; so may the report (start)
        self.diff, self.quiet = diff, quiet
        self.reporter: Reporter | Tee | None = None
        self.sources: dict[str, str] = {}  # standard input's text, which cannot be read again
        self.checked = self.changed = self.fixed = 0
        self.not_labels: list[str] = []  # walked YAML files that are not labels
        self.failing = False
        self.stdin_fixed: str | None = None
        self.add_noqa = add_noqa
        self.noqa_added = self.noqa_files = 0  # --add-noqa: comments written, in how many files

    def start(self, output_format: str, out, statistics: bool, also: tuple = (), no_colour: bool = False) -> None:
        """``also``: (format, stream) pairs of more reports written from this same run (--also-output)."""
        from ..report import formats
        from ..report.lines import wants_colour

        if self.diff or self.add_noqa:
            return
        colour = not statistics and output_format in ("concise", "full") and wants_colour(out, no_colour)
        self.reporter = formats.reporter(
            "statistics" if statistics else output_format, out, self.quiet, self._context(colour)
        )
        if also:
            from ..report.tee import Tee

            self.reporter = Tee(
                [self.reporter, *(formats.reporter(name, stream, self.quiet, self._context()) for name, stream in also)]
            )
        if self.reporter.wants_facts:
            self.checker.keep = self.label_checker.keep = True
            summary = getattr(self.reporter, "worker_summary", None)  # a reporter's own summary of a label
            if self.workers is not None and (self.reporter.facts_only or summary):
                from dataclasses import replace

                # the facts tables, or the summary, come back from the workers: no label is read again here
                self.workers = replace(self.workers, facts=self.reporter.facts_only, summary=summary)

    def _context(self, colour: bool = False):
        """What this run hands a reporter: the text of each file as checked (standard input's from memory) and
        whether to colour. Its rule set and reference are the shipped ones every Settings holds: the context's
        defaults."""
        from ..report.reporter import ReportContext
        from ..report.source import read_file

        return ReportContext(
            read=lambda path: self.sources[path] if path in self.sources else read_file(path),
            colour=colour,
            revisits=self.stack,
        )

    def check(self, targets: list[str], stdin_filename: str | None) -> None:
        if "-" in targets:
            targets = [t for t in targets if t != "-"]
            name = stdin_filename or "-"
            try:
                raw = read_stream(sys.stdin.buffer, limit_for(name))
            except OSError as exc:
                settings = self.resolver.for_path(name)
                self._handle(
                    FileResult(name, settings.fail_on, settings.linter_for(name).unreadable(name, exc)), from_stdin=True
                )
            else:
                self.sources[name] = raw.decode("utf-8-sig", "replace")
                self._handle(self._check_stdin(raw, name, sniff=stdin_filename is None), from_stdin=True)
        if not targets and self.sources:
            return
        import gc

        from .walk import may_hold_pages

        # The rule packs, tables and label models built at start live as long as the run: set aside, they are not
        # traversed again by every full collection while thousands of files are checked. Nothing is freed later
        # than it would be (they were never garbage), and a worker process forked from here shares them as well.
        gc.freeze()
        # Checking a file makes tens of thousands of short-lived objects (YAML nodes, rows) that reference counting
        # frees; at the default threshold (700) the young generation is scanned dozens of times per file for cycles
        # a label never makes. A larger threshold scans it about once per file.
        gc.set_threshold(20_000, *gc.get_threshold()[1:])

        # Only a page names labels. A run that can reach none keeps no record of the files it checks, so its
        # memory does not grow with their number; one that can asks the walk, not a list of files, whether a
        # label a page names is among them (walk.Reach).
        if not self.named.problems and not self.named.pages and not may_hold_pages(targets):
            self.named.tracking = False
        else:
            from .walk import Reach

            self.named.reach = Reach(targets, self._respect_gitignore, self._keeps)
        plan: Iterable[tuple[str, bool]] = self.streamed(targets)
        if self.named.problems:  # a label a page on standard input named is checked already
            checked = self.named.problems
            plan = (item for item in plan if os.path.abspath(item[0]) not in checked)
        # --stack builds the regimen from each label's resolved rows and document, which are not small to send
        # from a worker: its handful of labels is checked here, each once.
        jobs = 1 if self.stack else self.jobs
        for result in check_all(plan, jobs, self.workers, self.checker):
            if result.skipped:
                self.not_labels.append(result.path)
                continue
            self._handle(result)
        for path in self.named.unchecked(self.not_labels):
            # a walked YAML file that did not look like a label, but a page names it: it is checked as one
            self.not_labels.remove(path)
            self._handle(self.label_checker.check_path(path), named=True)
        if self.not_labels:
            shown = ", ".join(self.not_labels[:3]) + (", ..." if len(self.not_labels) > 3 else "")
            verb = "does" if len(self.not_labels) == 1 else "do"
            self.note(
                f"skipped {plural(len(self.not_labels), 'YAML file')} that {verb} not look like a label (no "
                f"top-level `product:` or `facts:`): {shown}; name them in the config's `include` to check them"
            )

    def _check_stdin(self, raw: bytes, name: str, sniff: bool) -> FileResult:
        """Standard input, as the kind --stdin-filename names; without it, as the kind its text plainly is
        (sniff.py), reported as "-"."""
        if not sniff:
            return self.checker.check_bytes(raw, name)
        from dataclasses import replace

        from .sniff import SUFFIXES, stdin_kind

        suffix = SUFFIXES.get(stdin_kind(raw))
        if suffix is None:
            return self.checker.check_bytes(raw, name)
        result = self.checker.check_bytes(raw, name + suffix)
        result.path, result.findings = name, [replace(f, file=name) for f in result.findings]
        result.checked = None  # read as another kind than its name says; reports read it by its name
        return result

    def streamed(self, targets: list[str]) -> Iterator[tuple[str, bool]]:
        """The files to check, each with whether it must look like a label to be checked (Checker.check_path), as
        the walk finds them (a missing target is still an error before any is checked); a file the walk skips is
        noted when it is met."""
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
        for p in files:
            explicit = p in found.explicit
            if self._keeps(p, explicit):
                # A walked YAML file is a label when it looks like one or the config includes it: a site's
                # docker-compose.yml or workflow is not a label with four errors.
                chosen = explicit and not self.force_exclude
                yield p, not chosen and is_label_name(p) and not self.resolver.for_path(p).included(p)

    def _keeps(self, p: str, explicit: bool) -> bool:
        """Does the run check the file ``p`` the walk gives (``explicit``: named on the command line)?"""
        if not (explicit and not self.force_exclude) and self.resolver.for_path(p).excluded(p):
            return False
        # A walked .txt file is checked as a panel only when the config's `include` names it.
        return explicit or not is_panel(p) or self.resolver.for_path(p).included(p)

    def _facts(self, result: FileResult) -> None:
        """For a report that shows Supplement Facts: the label's facts, as the check resolved them (a worker sends
        them back when the report needs no more; else they are read again from the file or standard input: a
        check that failed)."""
        path, checked = result.path, result.checked
        assert self.reporter is not None  # facts are kept only for a reporter that wants them
        if checked is None and result.facts_known:
            if result.facts is not None:
                self.reporter.add_facts(result.facts)
            return
        if checked is not None:  # the engine's resolved label, or the stack a stack file describes
            if checked.resolved is not None:
                from ..label.daily import label_facts

                self.reporter.add_facts(label_facts(checked.resolved, path, checked.doc))
            elif checked.stack is not None:
                self.reporter.add_stack_file(path, checked.stack)
            return
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
        except Exception as exc:  # the per-file guard, for what the run does beyond checking
            if debug():
                raise
            linter = self.resolver.for_path(result.path).linter_for(result.path)
            result.findings = [f for f in result.findings if f.code != "SUP008"] + linter.internal_error(
                result.path, exc
            )
            return False

    def _handle(self, result, from_stdin: bool = False, named: bool = False) -> None:
        """``named``: a label no target holds, checked because a page names it."""
        if self.reporter is not None and self.reporter.wants_facts:
            self._guarded(result, lambda: self._facts(result))
        if self.stack and not from_stdin and not named:
            self.stack_files.append(result.path)
            if result.checked is not None and result.fixed_text is None:  # a fixed file is read again
                self.stack_checked[result.path] = result.checked
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
            result, lambda: self.reporter.add(result.findings, result.path, result.fail_on)
        ):
            self.reporter.add([f for f in result.findings if f.code == "SUP008"], result.path, result.fail_on)
        if self.add_noqa and result.findings and not from_stdin:
            self._guarded(result, lambda: self._add_comments(result))
        threshold = SEVERITY_RANK[result.fail_on]
        self.failing = self.failing or any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
        self.named.checked(result.path, len(result.findings))
        for target in self.named.named_by(result):
            # not among the files this run checks (`supplint check post.md`): checked here, once
            self._handle(self.label_checker.check_path(target), named=True)

    def _add_comments(self, result: FileResult) -> None:
        """--add-noqa: a suppression comment for each of the file's findings (noqa.py); what is left stays in
        ``result.findings``, for the exit status."""
        from .add_noqa import add_comments, reasons

        try:
            raw = read_bytes(result.path)
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return  # its SUP001 is what it has, and that gets no comment
        linter = self.resolver.for_path(result.path).linter_for(result.path)
        outcome = add_comments(
            text,
            result.path,
            result.findings,
            linter.registry,
            lambda candidate: self.checker.check_bytes(candidate.encode("utf-8"), result.path).findings,
        )
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
            self.note(
                f"{result.path}: {plural(len(outcome.left), 'finding')} left without a comment ({codes}): "
                f"{reasons(outcome)}"
            )
        result.findings = outcome.left

    def _check_stack(self) -> None:
        """--stack: the label files checked are one daily regimen (or one stack file describes it): SUP501."""
        from ..engine import is_stack_document
        from ..subjects import stack as stacks

        entries: list[StackEntry] = []
        linter: Linter | None = None
        stack: StackContext | None = None
        for path in self.stack_files:
            linter = linter or self.resolver.for_path(path).linter_for(path)
            checked = self.stack_checked.get(path)
            if checked is not None and linter is self.resolver.for_path(path).linter_for(path):
                # what checking the file computed, with the same rules and population
                if checked.doc is None:
                    continue
                if is_stack_document(checked.doc):
                    stack = checked.stack
                    break
                if checked.resolved is not None:
                    label = checked.resolved.label  # a label's own population gives way to the stack's person
                    stacked = checked.resolved if label.population is None else linter.resolve_label(label, False)
                    entries.append((path, checked.doc, stacked, None, ()))
                continue
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
            if stack is not None and linter is not None:
                extra = stacks.findings(linter, stack)
                if self.reporter is not None:
                    self.reporter.add(extra)
                self.failing = self.failing or any(
                    SEVERITY_RANK[f.severity] >= SEVERITY_RANK[self.resolver.for_path(f.file).fail_on] for f in extra
                )
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

    Pages are checked with ``Checker.collect_labels``, in this process or in workers alike: they list the labels they
    name and check none of them. This process, which sees every result in order, decides: a label among the run's
    files is checked where the walk reaches it (by a worker under --jobs); any other is checked here when the first
    page naming it is handled. A label is known by its absolute path, or by its real path when a page reaches it
    through a link or another spelling of the path; whether the walk reaches it, ``reach`` says (walk.Reach)."""

    def __init__(self) -> None:
        self.reach: Reach | None = None  # None: no walk (yet): the labels pages name are none of the run's files
        # absolute (or real) path → (findings, the run's path), for each file checked
        self.problems: dict[str, tuple[int, str | None]] = {}
        self.pages: list[tuple[str, str, str, str | None]] = []  # (page, the name it wrote, label's key, run's path)
        self.tracking = True  # False: the run has no page, so nothing will ask what was checked (Run.check)

    def checked(self, path: str, problems: int) -> None:
        if self.tracking and not is_page(path):
            self.problems[os.path.abspath(path)] = (problems, path)

    def _key(self, target: str) -> tuple[str, str | None]:
        """(the label's key, its path among the run's files or None)."""
        known = self.problems.get(target)
        if known is not None and known[1] is not None:  # checked already (most labels come before their pages)
            return target, known[1]
        if self.reach is not None:
            path = self.reach.path_of(target)
            if path is not None:
                return os.path.abspath(path), path
        real = os.path.realpath(target)
        if self.reach is not None:
            path = self.reach.real_path_of(real)
            if path is not None and not is_page(path):
                return os.path.abspath(path), path
        return real, None

    def named_by(self, result: FileResult) -> list[str]:
        """The paths to check now for the labels ``result``'s page names: those no file of the run holds and no
        earlier page named."""
        todo = []
        for target, written in result.labels:
            key, path = self._key(target)
            self.pages.append((result.path, written, key, path))
            if path is None and key not in self.problems:
                self.problems[key] = (0, None)  # claimed: another page naming it in this result does not check it
                todo.append(_shown(key))
        return todo

    def unchecked(self, skipped: list[str]) -> list[str]:
        """Those of the ``skipped`` files (walked, not looking like labels) that a page names."""
        named = {key for _, _, key, _ in self.pages}
        return [path for path in skipped if os.path.abspath(path) in named]

    def notes(self) -> list[str]:
        """A note for each page that names a label with problems (the finding would need a catalogue code)."""
        out = []
        for page, written, key, path in self.pages:
            count = self.problems.get(key, (0, None))[0]
            if count:
                out.append(
                    f"{page} names label {written}, which has {plural(count, 'problem')} (reported at "
                    f"{path or _shown(key)})"
                )
        return out


def _shown(path: str) -> str:
    """An absolute path as a run shows it: relative to the working folder when it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def write_fixed(result: FileResult) -> None:
    assert result.fixed_text is not None
    write_atomically(result.path, ("\ufeff" if result.bom else "") + result.fixed_text)
