#!/usr/bin/env python3
"""Benchmark supplint against yamllint and the PyYAML compose floor; see bench/README.md.

    python bench/run.py [--count N] [--corpus DIR] [--repeat R] [--yamllint-sample N] [--baseline REF]
                        [--pages N] [--skip-jobs] [--json FILE]

Every figure is a whole-process wall time (interpreter start-up and imports included), as in
shared/reference/perf-baselines.md. Misses against the targets are reported, never turned into a failing exit
status: the exit status is non-zero only when a command fails.
"""

import argparse
import collections
import filecmp
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_corpus.py")
GEN_PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_pages.py")
# The venv's bin directory. Not resolved: a venv's python is a symlink to the base interpreter, whose bin
# directory holds neither supplint nor yamllint.
BIN = os.path.dirname(sys.executable)
SUPPLINT = os.path.join(BIN, "supplint")
YAMLLINT = os.path.join(BIN, "yamllint")
IMPORTS = "import yaml, click, pydantic, pint"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The core release (issue 3): later work must keep its throughput within 10 %.
CORE_BASELINE = "1103c95"

# The physical floor: read every label and build PyYAML's node tree (with line/column marks) with libyaml.
FLOOR = r"""
import os, sys, yaml
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            try:
                yaml.compose(text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                pass  # the corpus's deliberate syntax errors
"""

# (key, description, comparison, target)
TARGETS = [
    ("vs_yamllint", "supplint throughput / yamllint throughput", ">=", 7.0),
    ("vs_floor", "supplint wall / compose-floor wall", "<=", 5.0),
    ("cold_start", "cold start: supplint / imports (median of pair ratios)", "<=", 1.4),
    ("peak_mib", "supplint peak RSS, MiB", "<", 80.0),
    ("vs_core", "supplint throughput / core baseline throughput", ">=", 0.9),
    ("vs_jobs1", "--jobs 2 speed-up over --jobs 1 (1,000 pages + labels)", ">=", 1.6),
]
PAGE_RULES = ("SUP401", "SUP402", "SUP403", "SUP404", "SUP405")
PAGE_DEFECT_RULE = {
    "no-disclosure": "SUP401",
    "late-disclosure": "SUP402",
    "no-consult-note": "SUP403",
    "disease-claim": "SUP404",
    "broken-reference": "SUP405",
}


class CommandFailed(Exception):
    pass


def timed(cmd, ok=(0,), out=None, cwd=None, env=None):
    """Run cmd once, stdout to the file `out` or discarded; return (wall seconds, peak RSS in MiB). os.wait4 gives
    the child's own rusage, whose ru_maxrss (KiB on Linux) is the largest resident set of that process and the
    children it waited for."""
    with tempfile.TemporaryFile() as err, open(out or os.devnull, "wb") as stdout:  # files: nothing to drain
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=stdout, stderr=err, cwd=cwd, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        if p.returncode not in ok:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-3000:]
            raise CommandFailed(f"command failed with exit status {p.returncode}: {' '.join(cmd)}\n{tail}")
    return wall, usage.ru_maxrss / 1024


def series(cmd, n, **kw):
    runs = [timed(cmd, **kw) for _ in range(n)]
    walls = [w for w, _ in runs]
    return {"runs": walls, "best": min(walls), "median": statistics.median(walls), "peak_mib": max(m for _, m in runs)}


def checkout(ref, where):
    """The source tree of ``ref`` (git archive: no worktree bookkeeping left behind); returns its src/ path."""
    os.makedirs(where)
    archive = subprocess.run(["git", "-C", REPO, "archive", "--format=tar", ref], capture_output=True)
    if archive.returncode:
        raise CommandFailed(f"git archive {ref}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", where], input=archive.stdout, check=True)
    return os.path.join(where, "src")


def label_files(corpus):
    found = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    return found


def summarize_findings(path, defects):
    """Sanity check that supplint really linted: count its JSON findings and the deliberate defects it caught."""
    try:
        with open(path, encoding="utf-8") as f:
            findings = json.load(f)
        by_file = {os.path.basename(str(x.get("file"))) for x in findings}
        codes = collections.Counter(x.get("code") for x in findings).most_common(6)
    except (ValueError, AttributeError, TypeError) as e:
        return {"error": f"output is not the documented JSON array of findings ({e})"}
    out = {"findings": len(findings), "files_with_findings": len(by_file), "top_codes": dict(codes)}
    if defects:
        out["defects_reported"] = sum(name in by_file for name in defects)
        out["defects"] = len(defects)
    return out


def summarize_pages(path, defects):
    """The page rules' findings in the site run's JSON output, and how many deliberate page defects drew the rule
    meant for them."""
    try:
        with open(path, encoding="utf-8") as f:
            findings = json.load(f)
        hits = collections.defaultdict(set)
        for x in findings:
            if x.get("code") in PAGE_RULES:
                hits[os.path.basename(str(x.get("file")))].add(x.get("code"))
    except (ValueError, AttributeError, TypeError) as e:
        return {"error": f"output is not the documented JSON array of findings ({e})"}
    out = {
        "findings": len(findings),
        "page_rules": dict(sorted(collections.Counter(c for v in hits.values() for c in v).items())),
    }
    if defects:
        out["defects"] = len(defects)
        out["defects_reported"] = sum(PAGE_DEFECT_RULE[kind] in hits.get(name, ()) for name, kind in defects.items())
        out["clean_pages_flagged"] = sum(name not in defects for name in hits)
    return out


def site_step(work, corpus, n_pages, seed, repeat, say):
    """f. A site: the label corpus plus generated pages that name its labels by relative paths. Times the pages
    alone and labels + pages with --jobs 1 and --jobs 2 (alternating, so drift hits both). Run from `work`, which
    is then the repository root (no .git above it), so pages may name ../corpus/label_....yaml. Returns the
    figures, or None when the corpus has no label_NNNNN.yaml files to name."""
    if not any(name.startswith("label_") and name.endswith(".yaml") for name in os.listdir(corpus)):
        say(f"f. skipped: {corpus} has no label_NNNNN.yaml files for pages to name")
        return None
    labels = corpus
    if os.path.commonpath([work, corpus]) != work:  # outside the root: reach it through a link inside the work dir
        labels = os.path.join(work, "labels")
        os.symlink(corpus, labels)
    pages = os.path.join(work, "pages")
    manifest = os.path.join(work, "page-defects.json")
    say(f"f. generating {n_pages} pages naming labels of {labels} ...")
    timed(
        [
            sys.executable,
            GEN_PAGES,
            pages,
            "--labels",
            labels,
            "--count",
            str(n_pages),
            "--seed",
            str(seed),
            "--defects",
            manifest,
        ]
    )
    with open(manifest, encoding="utf-8") as f:
        defects = json.load(f)
    names = os.listdir(pages)
    kinds = {"md": sum(n.endswith(".md") for n in names), "html": sum(n.endswith(".html") for n in names)}
    common = ["--output-format", "json", "--exit-zero"]
    say(f"f. pages alone, --jobs 1, {repeat} runs ...")
    alone = series([SUPPLINT, "check", pages, *common, "--jobs", "1"], repeat, cwd=work)
    say(f"f. labels + pages, --jobs 1 and --jobs 2, {repeat} alternating runs each ...")
    outs = {j: os.path.join(work, f"site-jobs{j}.json") for j in (1, 2)}
    runs = {1: [], 2: []}
    for k in range(repeat):
        for j in (1, 2) if k % 2 == 0 else (2, 1):
            runs[j].append(timed([SUPPLINT, "check", labels, pages, *common, "--jobs", str(j)], out=outs[j], cwd=work))
    jobs = {}
    for j, rs in runs.items():
        walls = [w for w, _ in rs]
        jobs[j] = {
            "runs": walls,
            "best": min(walls),
            "median": statistics.median(walls),
            "peak_mib": max(m for _, m in rs),
        }
    identical = filecmp.cmp(outs[1], outs[2], shallow=False)
    return {
        "pages": len(names),
        "pages_md": kinds["md"],
        "pages_html": kinds["html"],
        "labels_dir": labels,
        "pages_alone": alone,
        "jobs1": jobs[1],
        "jobs2": jobs[2],
        "identical": identical,
        "out": outs[1],
        "page_defects": defects,
    }


def cold_start(single, pairs, warmup, cwd):
    a_cmd = [SUPPLINT, "check", single]
    b_cmd = [sys.executable, "-c", IMPORTS]
    for _ in range(warmup):
        timed(a_cmd, ok=(0, 1), cwd=cwd)
        timed(b_cmd)
    a, b = [], []
    for k in range(pairs):  # alternate which goes first, so drift and ordering effects hit both sides
        first, second = (a_cmd, b_cmd) if k % 2 == 0 else (b_cmd, a_cmd)
        t1, _ = timed(first, ok=(0, 1), cwd=cwd)  # 1 = the label has findings; 2 would be a usage/internal error
        t2, _ = timed(second, ok=(0, 1), cwd=cwd)
        (ta, tb) = (t1, t2) if k % 2 == 0 else (t2, t1)
        a.append(ta)
        b.append(tb)
    return {
        "single": single,
        "pairs": pairs,
        "supplint_median": statistics.median(a),
        "imports_median": statistics.median(b),
        "ratio": statistics.median(x / y for x, y in zip(a, b, strict=True)),
        "supplint_runs": a,
        "imports_runs": b,
    }


def verdict(value, op, target):
    ok = {">=": value >= target, "<=": value <= target, "<": value < target}[op]
    return "PASS" if ok else "MISS"


def positive(text):
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=positive, default=10000, help="labels to generate (default 10000)")
    ap.add_argument("--seed", type=int, default=20261, help="generator seed (default 20261)")
    ap.add_argument("--corpus", help="use this directory of labels instead of generating one")
    ap.add_argument("--repeat", type=positive, default=3, help="runs of supplint and of the floor (default 3)")
    ap.add_argument("--yamllint-sample", type=positive, default=2000, help="labels yamllint runs on (default 2000)")
    ap.add_argument("--yamllint-repeat", type=positive, default=1, help="runs of yamllint (default 1)")
    ap.add_argument("--pairs", type=positive, default=20, help="cold-start pairs (default 20)")
    ap.add_argument("--warmup", type=int, default=2, help="uncounted cold-start runs of each side (default 2)")
    ap.add_argument(
        "--baseline",
        default=CORE_BASELINE,
        metavar="REF",
        help=f"git revision whose supplint is timed on the same corpus (default {CORE_BASELINE}, the core)",
    )
    ap.add_argument(
        "--pages", type=positive, default=1000, help="pages to generate for the --jobs step f. (default 1000)"
    )
    ap.add_argument("--skip-jobs", action="store_true", help="skip step f. (pages, --jobs 1 against --jobs 2)")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers to FILE")
    a = ap.parse_args(argv)

    for exe, hint in (
        (SUPPLINT, "install the package into this venv (pip install -e .)"),
        (YAMLLINT, "pip install 'yamllint>=1.35' (or the [bench] extra)"),
    ):
        if not os.access(exe, os.X_OK):
            sys.exit(f"run.py: {exe} not found: {hint}, or run this script with that venv's python.")

    def say(msg):
        print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="supplint-bench-") as work:
        defects = {}
        if a.corpus:
            corpus = os.path.abspath(a.corpus)
        else:
            corpus = os.path.join(work, "corpus")
            say(f"generating {a.count} labels (seed {a.seed}) ...")
            # In a child process: every child we time starts with this process's RSS as its peak, so stay small.
            manifest = os.path.join(work, "defects.json")
            try:
                timed(
                    [sys.executable, GEN, corpus, "--count", str(a.count), "--seed", str(a.seed), "--defects", manifest]
                )
            except CommandFailed as e:
                sys.exit(f"run.py: {e}")
            with open(manifest, encoding="utf-8") as f:
                defects = json.load(f)
        files = label_files(corpus)
        if not files:
            sys.exit(f"run.py: no .yaml/.yml files in {corpus}")
        n = len(files)
        single = files[0]
        try:
            # One uncounted run: byte-compiles supplint if needed and fails early if it cannot run at all.
            timed([SUPPLINT, "check", single], ok=(0, 1), cwd=work)

            say(f"a. supplint on {n} labels, {a.repeat} runs ...")
            out_json = os.path.join(work, "supplint.json")  # a file (rewritten each run) so the output can be checked
            sup = series(
                [SUPPLINT, "check", corpus, "--exit-zero", "--output-format", "json"], a.repeat, out=out_json, cwd=work
            )

            # yamllint costs ~7 ms a label, so by default it runs on a sample and its rate is extrapolated.
            sample_n = min(a.yamllint_sample, n)
            target_dir = corpus
            if sample_n < n:
                target_dir = os.path.join(work, "yamllint-sample")  # outside the corpus, which supplint walks
                os.makedirs(target_dir)
                for j, f in enumerate(files[:sample_n]):
                    shutil.copyfile(f, os.path.join(target_dir, f"{j:05d}_{os.path.basename(f)}"))
            say(f"b. yamllint on {sample_n} labels, {a.yamllint_repeat} run(s) ...")
            yl = series([YAMLLINT, "-d", "default", target_dir], a.yamllint_repeat, ok=(0, 1), cwd=work)
            yl["labels"] = sample_n

            say(f"c. compose floor on {n} labels, {a.repeat} runs ...")
            floor = series([sys.executable, "-c", FLOOR, corpus], a.repeat, cwd=work)

            say(f"d. cold start, {a.warmup} warm-ups then {a.pairs} pairs ...")
            cold = cold_start(single, a.pairs, a.warmup, work)

            say(f"e. baseline supplint at {a.baseline} on {n} labels, {a.repeat} runs ...")
            base_src = checkout(a.baseline, os.path.join(work, "baseline"))
            env = dict(os.environ, PYTHONPATH=base_src)
            base = series(
                [sys.executable, "-m", "supplint", "check", corpus, "--exit-zero", "--output-format", "json"],
                a.repeat,
                out=os.devnull,
                cwd=work,
                env=env,
            )

            site = None if a.skip_jobs else site_step(work, corpus, a.pages, a.seed, a.repeat, say)
        except CommandFailed as e:
            sys.exit(f"run.py: {e}")
        # A child's ru_maxrss starts from the RSS of the process that spawned it, so no figure reads below ours.
        # Hence the findings are parsed only now, after the last timed run.
        own_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sup["findings"] = summarize_findings(out_json, defects)
        if site:
            site["findings"] = summarize_pages(site.pop("out"), site.pop("page_defects"))

    rate = lambda labels, secs: labels / secs  # noqa: E731
    sup["labels_per_s"] = rate(n, sup["median"])
    yl["labels_per_s"] = rate(sample_n, yl["median"])
    floor["labels_per_s"] = rate(n, floor["median"])
    base["labels_per_s"] = rate(n, base["median"])
    ratios = {
        "vs_yamllint": sup["labels_per_s"] / yl["labels_per_s"],
        "vs_floor": sup["median"] / floor["median"],
        "cold_start": cold["ratio"],
        "peak_mib": sup["peak_mib"],
        "vs_core": sup["labels_per_s"] / base["labels_per_s"],
    }
    if site:
        site["pages_per_s"] = rate(site["pages"], site["pages_alone"]["median"])
        for j in ("jobs1", "jobs2"):
            site[j]["files_per_s"] = rate(n + site["pages"], site[j]["median"])
        site["speedup"] = ratios["vs_jobs1"] = site["jobs1"]["median"] / site["jobs2"]["median"]

    src = corpus if a.corpus else f"generated, seed {a.seed}"
    print(
        f"supplint benchmark: {n:,} labels ({src}); Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.system()}"
    )
    print(f"{'':44} {'runs':>4} {'best s':>8} {'median s':>9} {'labels/s':>9} {'peak MiB':>9}")

    def row(name, d):
        print(
            f"{name:44} {len(d['runs']):>4} {d['best']:>8.3f} {d['median']:>9.3f} "
            f"{d['labels_per_s']:>9,.0f} {d['peak_mib']:>9.1f}"
        )

    row("a. supplint check --output-format json", sup)
    row(f"b. yamllint -d default ({sample_n:,} labels)", yl)
    if sample_n < n:
        print(
            f"{'':44}      (rate measured on {sample_n:,} labels, "
            f"extrapolated: ~{n / yl['labels_per_s']:.1f} s for {n:,})"
        )
    row("c. floor: read + CSafeLoader compose", floor)
    row(f"e. baseline: supplint at {a.baseline}", base)
    print(
        f"d. cold start, one label ({os.path.basename(single)}), {cold['pairs']} alternating pairs: "
        f"supplint check {cold['supplint_median']:.3f} s, "
        f'python -c "{IMPORTS}" {cold["imports_median"]:.3f} s (medians)'
    )
    print(f"   peak MiB cannot read below this harness's own {own_mib:.1f} MiB (the child starts as a copy of it)")
    f = sup["findings"]
    if "error" in f:
        print(f"   note: supplint {f['error']}")
    else:
        caught = (
            f" deliberate defects reported in {f['defects_reported']}/{f['defects']} files;" if "defects" in f else ""
        )
        print(
            f"   supplint reported {f['findings']:,} findings in {f['files_with_findings']:,} files;{caught} "
            f"top codes {', '.join(f'{c} {k}' for c, k in f['top_codes'].items()) or 'none'}"
        )
    if site:
        print(
            f"f. site: {n:,} labels + {site['pages']:,} pages "
            f"({site['pages_md']:,} Markdown, {site['pages_html']:,} HTML) "
            f"naming labels by relative paths; run from the work dir"
        )
        print(f"{'':44} {'runs':>4} {'best s':>8} {'median s':>9} {'files/s':>9} {'peak MiB':>9}")

        def srow(name, d, per_s):
            print(
                f"{name:44} {len(d['runs']):>4} {d['best']:>8.3f} {d['median']:>9.3f} "
                f"{per_s:>9,.0f} {d['peak_mib']:>9.1f}"
            )

        srow("   pages alone, --jobs 1 (files = pages)", site["pages_alone"], site["pages_per_s"])
        srow("   labels + pages, --jobs 1", site["jobs1"], site["jobs1"]["files_per_s"])
        srow("   labels + pages, --jobs 2", site["jobs2"], site["jobs2"]["files_per_s"])
        same = "byte-identical" if site["identical"] else "DIFFERENT (a parallel run must print what a serial one does)"
        print(f"   --jobs 2 output vs --jobs 1: {same}")
        sf = site["findings"]
        if "error" in sf:
            print(f"   note: supplint {sf['error']}")
        else:
            caught = (
                (
                    f"; deliberate page defects drew their rule in {sf['defects_reported']}/{sf['defects']} pages, "
                    f"{sf['clean_pages_flagged']} other pages drew a page rule"
                )
                if "defects" in sf
                else ""
            )
            rules = ", ".join(f"{c} {k}" for c, k in sf["page_rules"].items()) or "none"
            print(f"   {sf['findings']:,} findings; page rules {rules}{caught}")
    print("targets:")
    results = []
    for key, desc, op, target in TARGETS:
        if key not in ratios:
            results.append({"key": key, "value": None, "op": op, "target": target, "result": "SKIP"})
            print(f"  {desc:56} {'-':>8}   target {op} {target:g}x  SKIP")
            continue
        v = ratios[key]
        unit = "" if key == "peak_mib" else "x"
        results.append({"key": key, "value": v, "op": op, "target": target, "result": verdict(v, op, target)})
        if key == "vs_jobs1" and not site["identical"]:
            results[-1]["result"] = "MISS"  # a speed-up with a different answer does not count
        print(f"  {desc:56} {v:8.2f}{unit:1}  target {op} {target:g}{unit:1}  {results[-1]['result']}")

    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "labels": n,
                    "corpus": src,
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "harness_peak_mib": own_mib,
                    "supplint": sup,
                    "yamllint": yl,
                    "floor": floor,
                    "cold_start": cold,
                    "baseline": {"ref": a.baseline, **base},
                    "site": site,
                    "ratios": ratios,
                    "targets": results,
                },
                fh,
                indent=2,
            )
    if site and not site["identical"]:
        print("run.py: --jobs 2 printed something other than --jobs 1", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
