"""`--jobs N`: check files in N worker processes, results in the order the files were found.

Workers build their own Resolver from the same command-line settings (so this works with fork and spawn alike);
only findings, fixed texts and the labels a page names travel back (a worker checks no named label: the parent's
run checks each once, session.NamedLabels). Output, fixes on disk and the exit status stay in the parent, so a
parallel run prints exactly what a serial one does.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from .checker import Checker, FileResult
from .settings import Overrides, Resolver

#: Below this many files per worker, starting workers costs more than it saves.
MIN_FILES_PER_JOB = 8
#: Files per chunk handed to a worker, at most; and chunks out per worker at a time.
CHUNK = 64
WINDOW = 4


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build the same Resolver and Checker as the parent: the command line's settings (it
    is pickled to spawned workers, so it holds plain values only)."""

    overrides: Overrides
    config_file: str | None = None
    isolated: bool = False
    fix: bool = False
    facts: bool = False  # the report draws each label's Supplement Facts: send them back with the findings
    summary: str | None = None  # or it reads each label through this summary ("module:function"): send that

    def checker(self) -> Checker:
        checker = Checker(
            Resolver(self.overrides, self.config_file, self.isolated), fix=self.fix, collect_labels=True
        )  # session.NamedLabels checks the labels pages name
        checker.facts = self.facts
        checker.summary = self.summary
        return checker


_checker: Checker | None = None


def jobs_for(requested: int) -> int:
    return (os.cpu_count() or 1) if requested == 0 else requested


def check_all(
    paths: Iterable[tuple[str, bool]], jobs: int, settings: WorkerSettings | None, serial: Checker
) -> Iterator[FileResult]:
    """(path, sniff) pairs (see Checker.check_path) → their results, in order. ``paths`` may be a walk in
    progress: it is read as the work goes, never held whole."""
    items = iter(paths)
    head = [] if jobs <= 1 or settings is None else list(islice(items, jobs * MIN_FILES_PER_JOB))
    if len(head) < jobs * MIN_FILES_PER_JOB or settings is None:
        for path in chain(head, items):
            yield _check_with(serial, path)
        return
    import multiprocessing  # ~2.5 ms: only a parallel run pays for it

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    sys.stdout.flush()
    sys.stderr.flush()
    items = chain(head, items)
    with _workers(multiprocessing.get_context(method), jobs, settings) as pool:
        # A few chunks per worker are out at a time, so the walk, the workers and this process's reports go
        # on together and results wait for the report at most WINDOW chunks at a time.
        pending: deque = deque()
        given = 0
        while True:
            while len(pending) < jobs * WINDOW:
                # small chunks first, so a short run is shared evenly; then up to CHUNK, as a run proves long
                chunk = list(islice(items, max(1, min(CHUNK, given // (jobs * 8)))))
                if not chunk:
                    break
                given += len(chunk)
                pending.append(pool.apply_async(_check_chunk, (chunk,)))
            if not pending:
                return
            for result in pending.popleft().get():
                if isinstance(result, Exception):
                    raise result
                yield result


def _workers(context, jobs: int, settings: WorkerSettings):
    """The pool, its workers deaf to SIGINT: Ctrl-C reaches the whole process group, and only the parent should
    act on it (it stops the workers as it leaves the ``with``). Ignoring it while they start covers the moment
    before ``_start`` runs, and a spawned interpreter keeps an ignored SIGINT ignored."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        return context.Pool(jobs, initializer=_start, initargs=(settings,))
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return context.Pool(jobs, initializer=_start, initargs=(settings,))
    finally:
        signal.signal(signal.SIGINT, previous)


def _start(settings: WorkerSettings) -> None:
    global _checker  # noqa: PLW0603 - the worker process's one checker, built by the pool's initializer
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also for a worker the pool starts later, to replace one that died
    _checker = settings.checker()


def _check_chunk(chunk: list[tuple[str, bool]]) -> list:
    assert _checker is not None
    out: list = []
    for path in chunk:
        try:
            out.append(_check_with(_checker, path))
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which reports it as a serial run would
            out.append(exc)
    return out


def _check_with(checker: Checker, item: tuple[str, bool]) -> FileResult:
    return checker.check_path(*item)  # a file that cannot be read is its own SUP001, never the run's error
