#!/usr/bin/env python3
"""Cold start of `supplint check` on one file, against the bare import of its dependencies; see bench/README.md.

    python bench/startup.py [--runs N] [--warmup N] [--compare NAME=SRC ...] [--version] [--json FILE]

Each round starts every command once, in turn (the bare imports first), so that load on a shared machine hits all
of them alike; the figures are medians over the rounds, and each ratio is the median of the per-round ratios
against the bare imports of the same round. Exits 0 unless a command fails (2, or a traceback).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORTS = "import yaml, click, pydantic, pint"
#: (case, file): a label with nothing to say, a label with a disease claim, an affiliate page.
CASES = [
    ("label", "examples/vitamin-c-500.yaml"),
    ("claim", "examples/joint-formula-disease-claim.yaml"),
    ("page", "examples/pages/best-vitamin-d3-k2.md"),
]
TARGET = 1.2


def timed(cmd, env):
    """Wall seconds and CPU seconds (user + system, from wait4) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode not in (0, 1) or "Traceback" in stderr:
        sys.exit(f"startup.py: {' '.join(cmd)} failed with status {child.returncode}:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="counted rounds (default 15)")
    ap.add_argument("--warmup", type=int, default=2, help="uncounted rounds first (default 2)")
    ap.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="NAME=SRC",
        help="also time the supplint whose package is in SRC (e.g. main=/work/main/src), on the label",
    )
    ap.add_argument(
        "--no-cache",
        action="store_true",
        help="also time the label with the data cache off (SUPPLINT_NO_CACHE=1): the fallback's cost",
    )
    ap.add_argument(
        "--claims-off",
        action="store_true",
        help="also time the two labels with --ignore SUP303: the start without compiling the disease-claim "
        "patterns, which the vitamin C label's structure/function claim also needs",
    )
    ap.add_argument(
        "--version",
        action="store_true",
        help="also time `python -m supplint --version` (and each --compare build's): what a command that checks "
        "nothing costs",
    )
    ap.add_argument("--json", help="write every run and ratio here")
    a = ap.parse_args(argv)

    # What users run: bytecode cached (an installed wheel has it; PYTHONDONTWRITEBYTECODE would make every run
    # compile supplint from source), the data cache in a folder of this run's own, filled by the warm-up.
    cache = tempfile.mkdtemp(prefix="supplint-startup-")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "GITHUB_ACTIONS", "SUPPLINT_NO_CACHE", "PYTHONPATH")
    }
    env["SUPPLINT_CACHE_DIR"] = cache
    commands = {"imports": ([sys.executable, "-c", IMPORTS], env)}
    for case, path in CASES:
        commands[case] = ([sys.executable, "-m", "supplint", "check", path], env)
    if a.no_cache:
        commands["label, no cache"] = (commands["label"][0], {**env, "SUPPLINT_NO_CACHE": "1"})
    if a.claims_off:
        for case in ("label", "claim"):
            commands[f"{case}, no SUP303"] = (commands[case][0] + ["--ignore", "SUP303"], env)
    for item in a.compare:
        name, _, src = item.partition("=")
        if not src:
            ap.error(f"--compare {item}: give NAME=SRC")
        commands[f"label, {name}"] = (commands["label"][0], {**env, "PYTHONPATH": os.path.abspath(src)})
    if a.version:
        commands["version"] = ([sys.executable, "-m", "supplint", "--version"], env)
        for item in a.compare:
            name, _, src = item.partition("=")
            commands[f"version, {name}"] = (commands["version"][0], {**env, "PYTHONPATH": os.path.abspath(src)})

    load_before = os.getloadavg()
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for round_ in range(a.warmup + a.runs):
        for name, (cmd, cmd_env) in commands.items():
            wall, cpu = timed(cmd, cmd_env)
            if round_ >= a.warmup:
                walls[name].append(wall)
                cpus[name].append(cpu)
    load_after = os.getloadavg()

    rows = {}
    for name in commands:
        w, c = walls[name], cpus[name]
        rows[name] = {
            "median": statistics.median(w),
            "min": min(w),
            "max": max(w),
            "cpu_median": statistics.median(c),
            "ratio": statistics.median(x / y for x, y in zip(w, walls["imports"], strict=True)),
            "cpu_ratio": statistics.median(x / y for x, y in zip(c, cpus["imports"], strict=True)),
            "runs": w,
            "cpu": c,
        }
    print(
        f"cold start, {a.runs} rounds after {a.warmup} warm-ups; {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    print(f"{'command':<18} {'median s':>9} {'min s':>7} {'max s':>7} {'x imports':>10} {'CPU s':>7} {'CPU x':>6}")
    for name, row in rows.items():
        mark = "" if name == "imports" else ("  PASS" if row["ratio"] <= TARGET else "  MISS")
        print(
            f"{name:<18} {row['median']:9.3f} {row['min']:7.3f} {row['max']:7.3f} {row['ratio']:10.2f} "
            f"{row['cpu_median']:7.3f} {row['cpu_ratio']:6.2f}{mark}"
        )
    print(
        f"target: x imports (the median of each round's wall-time ratio) <= {TARGET}; CPU x is the same ratio of "
        "user + system time, steadier on a busy machine"
    )
    print(
        f'imports = python -c "{IMPORTS}"; the others are python -m supplint check FILE: '
        + ", ".join(f"{case} {path}" for case, path in CASES)
    )
    if a.json:
        with open(a.json, "w", encoding="utf-8") as out:
            json.dump(
                {"rounds": a.runs, "warmup": a.warmup, "load": [load_before[0], load_after[0]], "rows": rows},
                out,
                indent=2,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
