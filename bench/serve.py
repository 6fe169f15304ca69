#!/usr/bin/env python3
"""Benchmark `supplint serve`: request latency of POST /api/check for a label and for a three-product stack,
against the same check in process in the same run; see bench/README.md ("The web page").

    python bench/serve.py [--requests N] [--json FILE]

a. the library, as `supplint check` runs in process: ``supplint.check_text`` on each text (and ``check_stack`` for
   the stack);
b. in process: ``supplint.serve.inputs.check`` on the same texts (what a request does, without HTTP: it also
   imports, adds up and words the report);
c. over HTTP: a fresh connection per request to a server started with `--port 0` (a loopback client, as a CMS hook is).

Each is timed N times (the two taking turns) after 5 uncounted warm-up calls; median and p95 in ms, and the ratios
b/a and c/a. Nothing here fails on a figure; the exit status is non-zero only when the server fails.
"""

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
WARMUP = 5


def texts() -> dict[str, list[str]]:
    read = lambda name: (EXAMPLES / name).read_text(encoding="utf-8")  # noqa: E731
    return {
        "label": [read("d3-5000-softgel.yaml")],
        "stack": [read("multivitamin-50-plus.yaml"), read("calcium-d3-tablet.yaml"), read("d3-5000-k2-softgel.yaml")],
    }


def timed(calls, n: int) -> list[list[float]]:
    """Each call timed n times, the calls taking turns, so that load on a shared machine falls on all alike."""
    for _ in range(WARMUP):
        for call in calls:
            call()
    out: list[list[float]] = [[] for _ in calls]
    for _ in range(n):
        for samples, call in zip(out, calls, strict=True):
            start = time.perf_counter()
            call()
            samples.append((time.perf_counter() - start) * 1000)
    return out


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import supplint
    from supplint.serve.inputs import check

    server = subprocess.Popen(
        [sys.executable, "-m", "supplint", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        match = re.search(r"http://\S+/", server.stdout.readline())
        if not match:
            print("the server printed no URL", file=sys.stderr)
            return 1
        url = match[0] + "api/check"
        results = {}
        for name, pasted in texts().items():
            body = json.dumps({"texts": pasted}).encode()

            def post(body=body):
                request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=30) as answer:
                    answer.read()

            def library(pasted=pasted):
                for number, text in enumerate(pasted, 1):
                    supplint.check_text(text, f"product-{number}.yaml")
                if len(pasted) > 1:
                    supplint.check_stack(pasted)

            base, local, remote = (
                summary(samples)
                for samples in timed([library, lambda pasted=pasted: check(pasted).to_json(), post], args.requests)
            )
            results[name] = {
                "library": base,
                "in_process": local,
                "http": remote,
                "in_process_ratio": round(local["median_ms"] / base["median_ms"], 2),
                "http_ratio": round(remote["median_ms"] / base["median_ms"], 2),
            }
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    print(f"supplint serve, {args.requests} requests each ({platform.python_version()}, {os.cpu_count()} CPUs)")
    for name, row in results.items():
        for key, what in (("library", "check_text"), ("in_process", "serve, in process"), ("http", "serve, HTTP")):
            ratio = "" if key == "library" else f"   {row[key + '_ratio']:.2f}x check_text"
            print(
                f"  {name:5}  {what:18} median {row[key]['median_ms']:7.2f} ms, p95 {row[key]['p95_ms']:7.2f} ms{ratio}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
