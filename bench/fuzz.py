"""The fuzz test's mutator (tests/fuzzing.py) at scale: many more inputs, larger mutations, in parallel.

    python bench/fuzz.py                          # 50,000 inputs, seed 1, json + sarif + html + junit, 2 workers
    python bench/fuzz.py --count 2000 --seed 7    # a quick run with another seed
    python bench/fuzz.py --seed 4 --start 2697 --count 1 --keep out/   # rebuild one input (and keep it)

Every input goes through `supplint check` in each format (and, batch by batch in turn, one of the other formats),
and panel and DSLD mutants through `supplint import text|dsld`. A failure (an exception, SUP008, an exit status
other than 0 or 1, a hang, output that does not parse) is printed with the seed and index that rebuild its input,
and the input is saved under --failures. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzzing  # noqa: E402  (the one mutator, shared with the test suite)

# Larger than the CI test's: lines of tens of KB, deep nesting, longer numbers. Known slow page scans (being made
# linear elsewhere) may show up here as slow inputs; the CI test keeps its inputs small enough not to meet them.
BENCH_LIMITS = fuzzing.Limits(long_line=20_000, deep=2_000, huge_digits=1_000, json_digits=20_000)

_state: dict = {}


def _start_worker(seeds, limits, seconds) -> None:
    from multiprocessing.util import Finalize

    work = Path(tempfile.mkdtemp(prefix="supplint-fuzz-"))
    Finalize(None, fuzzing.clean, args=(work,), exitpriority=10)  # run when the worker exits (atexit is not)
    fuzzing.prepare(work, seeds)
    _state.update(work=work, seeds=seeds, codes=fuzzing.known_codes(), limits=limits, seconds=seconds)


def _run_batch(task) -> tuple[int, int, list, float]:
    run_seed, start, count, formats, imports = task
    state = _state
    batch = fuzzing.mutants(run_seed, start, count, state["seeds"], state["limits"])
    fuzzing.write_mutants(state["work"], batch)
    began = time.perf_counter()
    try:
        failures = fuzzing.check_batch(state["work"], batch, formats, state["codes"], state["seconds"])
        if imports:
            failures += fuzzing.check_imports(state["work"], batch, state["seconds"])
    finally:
        fuzzing.remove_mutants(state["work"], batch)
    return start, count, failures, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50_000, help="inputs (default 50,000)")
    parser.add_argument("--seed", type=int, default=1, help="run seed (default 1)")
    parser.add_argument("--start", type=int, default=0, help="index of the first input (default 0)")
    parser.add_argument("--batch", type=int, default=200, help="inputs per CLI call (default 200)")
    parser.add_argument(
        "--formats",
        default=",".join(fuzzing.MAIN_FORMATS),
        help=f"formats for every batch (default {','.join(fuzzing.MAIN_FORMATS)})",
    )
    parser.add_argument("--no-rotate", action="store_true", help="do not add one of the other formats per batch")
    parser.add_argument("--no-imports", action="store_true", help="skip `import text` / `import dsld`")
    parser.add_argument("--small", action="store_true", help="the CI test's mutation sizes instead of larger ones")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one CLI call may take (default 300)")
    parser.add_argument(
        "--failures",
        type=Path,
        default=ROOT / "bench" / "out" / "fuzz-failures",
        help="where failing inputs are saved (default bench/out/fuzz-failures)",
    )
    parser.add_argument("--keep", type=Path, help="also save every input of the run here (for --count 1)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    seeds = fuzzing.load_seeds()
    limits = fuzzing.Limits() if args.small else BENCH_LIMITS
    formats = tuple(f for f in args.formats.split(",") if f)
    others = () if args.no_rotate else tuple(f for f in fuzzing.OTHER_FORMATS if f not in formats)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for mutant in fuzzing.mutants(args.seed, args.start, args.count, seeds, limits):
            (args.keep / Path(mutant.relative).name).write_bytes(mutant.data)
    tasks = []
    for number, start in enumerate(range(args.start, args.start + args.count, args.batch)):
        extra = (others[number % len(others)],) if others else ()
        tasks.append(
            (args.seed, start, min(args.batch, args.start + args.count - start), formats + extra, not args.no_imports)
        )

    began = time.perf_counter()
    failures, slowest, done = [], (0.0, 0), 0
    used = Counter()
    with ProcessPoolExecutor(
        max_workers=max(1, args.jobs), initializer=_start_worker, initargs=(seeds, limits, args.timeout)
    ) as pool:
        for start, count, found, seconds in pool.map(_run_batch, tasks):
            done += count
            failures += found
            slowest = max(slowest, (seconds, start))
            for fmt in tasks[(start - args.start) // args.batch][3]:
                used[fmt] += count
            if found or done % (args.batch * 25) == 0 or done == args.count:
                print(
                    f"  {done:,}/{args.count:,} inputs, {len(failures)} failure(s), "
                    f"{time.perf_counter() - began:.0f} s",
                    flush=True,
                )
    wall = time.perf_counter() - began

    kinds = Counter()
    for mutant in fuzzing.mutants(args.seed, args.start, min(args.count, 5_000), seeds, limits):
        kinds[mutant.seed.suffix] += 1
    saved = fuzzing.save(failures, args.failures, args.seed) if failures else []
    print(
        f"\ninputs: {args.count:,} (seed {args.seed}, from {args.start}; {len(seeds)} seeds; "
        f"kinds in the first {min(args.count, 5_000):,}: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        + ")"
    )
    print(
        "formats: "
        + ", ".join(f"{fmt} {n:,}" for fmt, n in used.items())
        + ("" if args.no_imports else ", import text|dsld on every .txt/.json input")
    )
    print(
        f"time: {wall:.1f} s wall, {args.count / wall:,.0f} inputs/s with {args.jobs} worker(s); slowest batch "
        f"{slowest[0]:.1f} s (inputs {slowest[1]}..{slowest[1] + args.batch - 1})"
    )
    inputs = {m.index for f in failures for m in f.mutants}
    print(
        f"failures: {len(failures)} ({len(inputs)} input(s)"
        + (f": {', '.join(map(str, sorted(inputs)[:20]))}" if inputs else "")
        + ")"
    )
    by_kind = Counter(f"{f.what}: {f.problem[:160]}" for f in failures)
    for text, n in by_kind.most_common(30):
        print(f"  {n} × {text}")
    for failure in failures[:30]:
        print(f"  - {failure.report(args.seed)[:400]}")
    if saved:
        print(f"saved {len(saved)} failing input(s) under {args.failures}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "inputs": args.count,
                    "seed": args.seed,
                    "start": args.start,
                    "formats": dict(used),
                    "wall_seconds": round(wall, 2),
                    "jobs": args.jobs,
                    "failing_inputs": sorted(inputs),
                    "failures": [f.report(args.seed) for f in failures],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.exit(main())
