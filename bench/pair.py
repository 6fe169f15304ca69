#!/usr/bin/env python3
"""Paired CPU-time comparison of `supplint check` builds on one folder: old, new, old, new, ...

    python bench/pair.py DIR [MORE ...] --build old=/tmp/venv-base/bin/supplint --build new=/tmp/venv-perf/bin/supplint
                         [--pairs 5] [--warmup 1]

MORE: further targets of `check` (a site: `pair.py labels pages ...`, run from the site's folder).

Each round runs every build once, in the order given, so load on a shared machine hits them alike. CPU time
(user + system, from wait4) is steadier than wall time there; both are printed, with the load average before
and after. A ratio is the median over the rounds of first-build / this-build (above 1: this build is faster).
Output goes to /dev/null; compare outputs separately (they must not differ).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def timed(cmd):
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"pair.py: {' '.join(cmd)} exited with {code}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target")
    ap.add_argument(
        "--build",
        action="append",
        required=True,
        metavar="NAME=SUPPLINT",
        help="a supplint executable to time (the first is the baseline of the ratios)",
    )
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("extra", nargs="*", help="more targets of `check`, given before --build")
    a = ap.parse_args(argv)
    builds = [item.partition("=")[::2] for item in a.build]
    runs = {name: [] for name, _ in builds}
    load = os.getloadavg()[0]
    for round_ in range(a.warmup + a.pairs):
        for name, exe in builds:
            got = timed([exe, "check", a.target, "--output-format", "json", "--jobs", "1", *a.extra])
            if round_ >= a.warmup:
                runs[name].append(got)
    after = os.getloadavg()[0]
    first = builds[0][0]
    print(
        f"{a.target}: {a.pairs} rounds after {a.warmup} warm-up(s); load average {load:.2f} before, {after:.2f} after"
    )
    print(f"{'build':10} {'CPU s':>7} {'wall s':>7} {'MiB':>6} {'CPU ratio':>10} {'wall ratio':>10}")
    for name, _ in builds:
        r = runs[name]
        cpu = statistics.median(x[1] for x in r)
        wall = statistics.median(x[0] for x in r)
        mib = max(x[2] for x in r)
        cr = statistics.median(b[1] / x[1] for b, x in zip(runs[first], r, strict=True))
        wr = statistics.median(b[0] / x[0] for b, x in zip(runs[first], r, strict=True))
        print(f"{name:10} {cpu:7.3f} {wall:7.3f} {mib:6.1f} {cr:10.3f} {wr:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
