from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Every session validates the shipped packs afresh, as a first run does (a cache in the home folder would let it
# skip that), and the real-process tests share what it validated. Nothing is written to the home folder.
_CACHE = tempfile.mkdtemp(prefix="supplint-test-cache-")
os.environ["SUPPLINT_CACHE_DIR"] = _CACHE
os.environ.pop("SUPPLINT_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, True)


#: Headless Chromium renders the HTML report and the serve page (tests/test_html_report.py, tests/test_serve.py).
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)


@pytest.fixture(scope="session")
def chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    message = "no Chromium installed (apt-get install chromium; .ci/run installs it in CI)"
    if os.environ.get("SUPPLINT_REQUIRE_CHROMIUM"):  # CI sets it, so that a missing browser cannot pass unseen
        pytest.fail(message)
    pytest.skip(message)


def check_in(cwd: Path, *args: str) -> Ran:
    """`supplint check ARGS` in-process with ``cwd`` as the working folder (paths in the output are relative to it)."""
    return run_in_process("check", *args, cwd=cwd)


def amount_origins(conversion, source: str):
    """(path, value, the source line from the value's column on) for every amount and %DV a text import placed."""
    lines = source.splitlines()
    for path, (line, column) in conversion.origins.items():
        if path[-1] not in ("amount", "dv"):
            continue
        value = conversion.label
        for key in path:
            value = value[key]
        yield path, value, lines[line - 1], lines[line - 1][column - 1 :]


def label_with_rows(*rows: str, head: str = "") -> str:
    """A label whose facts start on line 3 (or later, by the lines in ``head``): row i is on line 3 + i."""
    return "product: Example\n" + head + "facts:\n" + "".join(f"  - {row}\n" for row in rows)


@dataclass(frozen=True)
class Ran:
    """What one `supplint` command did: its exit status and what it wrote to each stream."""

    returncode: int
    stdout: str
    stderr: str


def run_in_process(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str | None] | None = None
) -> Ran:
    """`supplint ARGS` in this process (click's CliRunner), as `run_cli` runs it in a new one, without paying for an
    interpreter and the imports every time. ``env`` adds variables for the run (None removes one).

    A real run starts from a fresh process and leaves nothing behind, so this puts back what a run could change for
    the next test: the working folder, every environment variable, the SIGINT handler, and the folders the atomic
    writer has swept for leftovers (once per process). The shipped data it parsed stays in memory, as it is the same
    files for every test; the data cache folder is the session's (SUPPLINT_CACHE_DIR, one per xdist worker).
    An exception escapes as a test error with its traceback, where a real process would print "internal error"
    (tests/test_internal_error.py checks that path in a real process)."""
    from click.testing import CliRunner

    from supplint.cli import cli
    from supplint.edit import atomic

    environment = {"GITHUB_ACTIONS": None, **(env or {})}  # under GitHub Actions the default format is github
    saved_env, saved_cwd, saved_sigint = dict(os.environ), os.getcwd(), signal.getsignal(signal.SIGINT)
    os.chdir(cwd or ROOT)
    try:
        result = CliRunner(env=environment).invoke(
            cli, list(args), input=stdin, prog_name="supplint", catch_exceptions=False
        )
    finally:
        os.chdir(saved_cwd)
        if dict(os.environ) != saved_env:
            os.environ.clear()
            os.environ.update(saved_env)
        signal.signal(signal.SIGINT, saved_sigint)
        atomic._swept.clear()
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the installed CLI in a real process, as CI and users do. Only for what needs one: the entry point, a
    real pipe or terminal, signals, the internal-error handler in `main`, state read once per process (another
    rules directory); everything else uses `run_in_process`. ``env``: variables set on top of this process's."""
    # Under GitHub Actions the default format is github; the tests ask for what they read.
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "supplint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
        env=env,
    )


def finding_lines(text: str, name: str = "post.md", code: str = "SUP404") -> list[int]:
    """The lines at which `supplint.check_text` raises ``code`` on ``text`` read as the file ``name``, in order."""
    import supplint

    return sorted(f.line for f in supplint.check_text(text, name, select=[code]) if f.code == code)


def post_lines(body: str) -> list[int]:
    """The lines of SUP404 on a Markdown page whose body starts on line 3."""
    return finding_lines(f"# Post\n\n{body}\n")


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
