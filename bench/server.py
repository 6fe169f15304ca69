#!/usr/bin/env python3
"""Benchmark `supplint server` through a real LSP client over stdio; see bench/README.md ("The language server").

    python bench/server.py [--edits N] [--starts N] [--json FILE]

a. start: spawn -> the initialize answer (N spawns), next to the floor `python -c "import lsprotocol.types"`;
b. a label: didChange sent -> its publishDiagnostics received, over N edits that alternate between two amounts;
c. a 2,000-word page naming corpus labels: the same round trip, over N edits of one word;
d. a label the open page names: the label's didChange sent -> the page's publishDiagnostics received.

The client is this file's own JSON-RPC over pipes (standard library only), so the figures hold the server's work
and the pipe, not a test framework's. Misses against the targets are reported, never an exit status: the exit
status is non-zero only when the server fails (exits, or does not answer within 30 s).
"""

import argparse
import json
import os
import platform
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TIMEOUT = 30.0
#: (key, description, target in ms): the issue's targets.
TARGETS = [
    ("start", "start: spawn -> initialize answer, median", 500.0),
    ("label", "label: didChange -> publishDiagnostics, median", 10.0),
    ("page", "2,000-word page: didChange -> publishDiagnostics, median", 30.0),
]


class Failed(Exception):
    pass


class Client:
    """A language client over the server's standard input and output."""

    def __init__(self, cwd: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "supplint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
        )
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        sent = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return sent

    def notify(self, method: str, params) -> float:
        return self.send({"method": method, "params": params})

    def request(self, method: str, params) -> tuple[float, float, dict]:
        self.next_id += 1
        ident = self.next_id
        sent = self.send({"id": ident, "method": method, "params": params})
        at, message = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        return sent, at, message

    def wait(self, matches) -> tuple[float, dict]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                item = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise Failed(f"the server did not answer within {TIMEOUT:.0f} s") from None
            if item is None:
                raise Failed(f"the server exited (status {self.proc.wait()})")
            at, message = item
            if message.get("method") == "client/registerCapability":
                self.send({"id": message["id"], "result": None})
            if matches(message):
                return at, message

    def diagnostics(self, uri: str, version: int | None = None) -> tuple[float, list]:
        at, message = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            )
        )
        return at, message["params"]["diagnostics"]

    def initialize(self, root: str) -> float:
        sent, at, _ = self.request(
            "initialize", {"processId": os.getpid(), "rootUri": Path(root).as_uri(), "capabilities": {}}
        )
        self.notify("initialized", {})
        return at - sent

    def open(self, path: Path, language: str) -> list:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": 1,
                    "text": path.read_text(encoding="utf-8"),
                }
            },
        )
        return self.diagnostics(uri, 1)[1]

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except (Failed, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def summary(ms: list[float], cpu_ms: float | None = None) -> dict:
    ordered = sorted(ms)
    return {
        "runs": len(ms),
        "median_ms": statistics.median(ms),
        "p95_ms": ordered[min(len(ms) - 1, int(0.95 * len(ms)))],
        "max_ms": ordered[-1],
        "cpu_ms_per_run": cpu_ms,
    }


def cpu_seconds(pid: int) -> float | None:
    """The server's user + system CPU time so far (Linux): on a busy machine the wall time includes waiting for a
    CPU, the CPU time does not."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def starts(root: str, n: int) -> tuple[dict, dict]:
    spawn, floor = [], []
    for _ in range(n):
        t0 = time.perf_counter()
        client = Client(root)
        _sent, at, _ = client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        spawn.append((at - t0) * 1000)
        client.close()
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import lsprotocol.types"], check=True)
        floor.append((time.perf_counter() - t0) * 1000)
    return summary(spawn), summary(floor)


def edits(
    client: Client, path: Path, line: int, column: int, words: tuple[str, str], n: int, watch: str | None = None
) -> dict:
    """n edits that swap ``words`` at (line, column) of ``path``; each timed from didChange to the publication
    for ``watch`` (the edited document itself when None)."""
    uri = path.as_uri()
    times = []
    current = words[0]
    cpu_before = cpu_seconds(client.proc.pid)
    for version in range(2, n + 2):
        new = words[1] if current == words[0] else words[0]
        change = {
            "range": {
                "start": {"line": line, "character": column},
                "end": {"line": line, "character": column + len(current)},
            },
            "text": new,
        }
        sent = client.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}
        )
        at, _ = client.diagnostics(watch or uri, None if watch else version)
        times.append((at - sent) * 1000)
        current = new
    cpu_after = cpu_seconds(client.proc.pid)
    cpu = (cpu_after - cpu_before) * 1000 / n if cpu_before is not None and cpu_after is not None else None
    return summary(times, cpu)


def workspace(tmp: str) -> tuple[Path, Path]:
    """A label and a 2,000-word Markdown page naming corpus labels, generated by gen_corpus.py and gen_pages.py."""
    corpus, pages = os.path.join(tmp, "corpus"), os.path.join(tmp, "pages")
    subprocess.run(
        [sys.executable, str(BENCH / "gen_corpus.py"), corpus, "--count", "200"], check=True, stdout=subprocess.DEVNULL
    )
    subprocess.run(
        [sys.executable, str(BENCH / "gen_pages.py"), pages, "--labels", corpus, "--count", "60"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    markdown = sorted(Path(pages).glob("post_*.md"), key=lambda p: -len(p.read_text(encoding="utf-8").split()))
    page = markdown[0].read_text(encoding="utf-8")
    # Longer than any generated post: paragraphs of the others' bodies (front matter left out) up to 2,000 words.
    extra = [
        block
        for other in markdown[1:]
        for block in other.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split("\n\n")
    ]
    while len(page.split()) < 2000 and extra:
        page = page.rstrip("\n") + "\n\n" + extra.pop(0).strip("\n") + "\n"
    target = Path(pages) / "long.md"
    target.write_text(page, encoding="utf-8")
    return Path(corpus) / "label_00000.yaml", target


def amount_position(path: Path) -> tuple[int, int, str]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if "amount:" in line:
            value = line.split("amount:", 1)[1].strip().split(" ", 1)[0]
            return number, line.index(value, line.index("amount:")), value
    raise Failed(f"{path} has no amount")


def word_position(path: Path) -> tuple[int, int, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    body = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    for number in range(body + len(lines) // 2, len(lines)):
        words = lines[number].split()
        if len(words) > 5 and not lines[number].startswith(("#", "|", "-", "<")):
            return number, lines[number].index(words[2]), words[2]
    raise Failed(f"{path} has no prose line")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args(argv)
    result = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, ".git"))  # the work directory is the repository pages name labels in
        label, page = workspace(tmp)
        result["page_words"] = len(page.read_text(encoding="utf-8").split())
        try:
            result["start"], result["start_floor"] = starts(tmp, args.starts)
            client = Client(tmp)
            client.initialize(tmp)
            try:
                client.open(label, "yaml")
                line, column, value = amount_position(label)
                other = str(float(value) + 1) if value.replace(".", "", 1).isdigit() else value + "0"
                result["label"] = edits(client, label, line, column, (value, other), args.edits)
                result["page_findings"] = len(client.open(page, "markdown"))
                line, column, word = word_position(page)
                result["page"] = edits(client, page, line, column, (word, word.upper()), args.edits)
                named = page.parent / json.loads(json.dumps(_first_named(page)))
                client.open(named, "yaml")
                line, column, value = amount_position(named)
                other = str(float(value) + 1) if value.replace(".", "", 1).isdigit() else value + "0"
                result["dependent"] = edits(
                    client, named, line, column, (value, other), min(args.edits, 50), watch=page.as_uri()
                )
            finally:
                client.close()
        except Failed as exc:
            print(f"server.py: {exc}", file=sys.stderr)
            return 1
    print(
        f"supplint server benchmark; Python {result['python']}, {result['cpus']} CPUs, {platform.system()}; "
        f"page of {result['page_words']:,} words with {result['page_findings']} findings"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} (wall times on a busy machine include waiting for a CPU; server CPU does not)")
    print(f"{'':60} {'runs':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'server CPU ms':>14}")
    rows = [
        ("a. start: spawn -> initialize answer", "start"),
        ("   floor: python -c 'import lsprotocol.types'", "start_floor"),
        ("b. label: didChange -> publishDiagnostics", "label"),
        ("c. page: didChange -> publishDiagnostics", "page"),
        ("d. named label's didChange -> the page's publishDiagnostics", "dependent"),
    ]
    for name, key in rows:
        d = result[key]
        cpu = f"{d['cpu_ms_per_run']:>14.1f}" if d.get("cpu_ms_per_run") is not None else f"{'':>14}"
        print(f"{name:60} {d['runs']:>5} {d['median_ms']:>10.1f} {d['p95_ms']:>8.1f} {d['max_ms']:>8.1f} {cpu}")
    print("targets:")
    for key, description, target in TARGETS:
        value = result[key]["median_ms"]
        verdict = "PASS" if value <= target else "MISS"
        result.setdefault("targets", {})[key] = verdict
        print(f"  {description:60} {value:8.1f} ms  target <= {target:g} ms  {verdict}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def _first_named(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("- ") and stripped.endswith(".yaml"):
            return stripped[2:].strip().strip("'\"")
        if stripped.startswith("supplements: ["):
            return stripped.split("[", 1)[1].split(",")[0].strip(" ]'\"")
    raise Failed(f"{page} names no label")


if __name__ == "__main__":
    sys.exit(main())
