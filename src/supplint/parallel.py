"""`--jobs N`: check files in N worker processes, results in the order the files were found.

Workers build their own Resolver from the same command-line settings (so this works with fork and spawn alike);
only findings, fixed texts and the labels a page names travel back (a worker checks no named label: the parent's
run checks each once, runner.NamedLabels). Output, fixes on disk and the exit status stay in the parent, so a
parallel run prints exactly what a serial one does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from .runner import FileResult, Runner
from .settings import Resolver

#: Below this many files per worker, starting workers costs more than it saves.
MIN_FILES_PER_JOB = 8

_runner: Runner | None = None


def jobs_for(requested: int) -> int:
    return (os.cpu_count() or 1) if requested == 0 else requested


def check_all(paths, jobs: int, setup: tuple, serial: Runner) -> Iterator[FileResult]:
    """(path, sniff) pairs (see Runner.check_path) → their results, in order. With ``jobs`` 1 ``paths`` may be any
    iterable (a walk in progress); a parallel run takes a list."""
    if jobs <= 1 or len(paths) < jobs * MIN_FILES_PER_JOB:
        for path in paths:
            yield _check_with(serial, path)
        return
    import multiprocessing  # ~2.5 ms: only a parallel run pays for it

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    sys.stdout.flush()
    sys.stderr.flush()
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with _workers(multiprocessing.get_context(method), jobs, setup) as pool:
        for result in pool.imap(_check, paths, chunksize=chunk):
            if isinstance(result, Exception):
                raise result
            yield result


def _workers(context, jobs: int, setup: tuple):
    """The pool, its workers deaf to SIGINT: Ctrl-C reaches the whole process group, and only the parent should
    act on it (it stops the workers as it leaves the ``with``). Ignoring it while they start covers the moment
    before ``_start`` runs, and a spawned interpreter keeps an ignored SIGINT ignored."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        return context.Pool(jobs, initializer=_start, initargs=setup)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return context.Pool(jobs, initializer=_start, initargs=setup)
    finally:
        signal.signal(signal.SIGINT, previous)


def _start(overrides, config_file, isolated, fix) -> None:
    global _runner
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also for a worker the pool starts later, to replace one that died
    _runner = Runner(Resolver(overrides, config_file, isolated), fix=fix, collect_labels=True)  # Run.named


def _check(path: tuple[str, bool]):
    assert _runner is not None
    try:
        return _check_with(_runner, path)
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which reports it as a serial run would
        return exc


def _check_with(runner: Runner, item: tuple[str, bool]) -> FileResult:
    return runner.check_path(*item)  # a file that cannot be read is its own SUP001, never the run's error
