"""A seeded mutation fuzzer for supplint's public surface, shared by tests/test_fuzz.py (a few thousand inputs per
CI run) and bench/fuzz.py (as many as asked for).

Seeds are the bundled examples (labels, pages, stacks) and the test fixtures (DSLD records, text panels). Mutant
*i* of a run depends only on the run's seed and *i* (``random.Random(f"{seed}:{i}")``), so a failure names the two
numbers that rebuild its input, whatever else the run did. Mutants are written next to unmutated copies of every
seed, in the seeds' own folders, so that a page's `supplements:` and a stack's `label:` paths still resolve and the
rules behind them run too.

Each batch of mutants goes through the CLI in-process (click's CliRunner: one call per batch and format, far cheaper
than a process per file), and each output is checked: no exception, an exit status of 0 or 1, output that parses
in its format, every finding with a known rule code, never SUP008 (internal-error, which would mean an exception
was caught and reported), and every file of the batch present in the JUnit report. A batch runs under
``signal.alarm``; a batch that overruns is retried one file at a time to name the input that hangs.
"""

from __future__ import annotations

import html.parser
import json
import os
import random
import re
import shutil
import signal
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Where each kind of seed comes from, relative to the repository.
SEED_GLOBS = (
    "examples/**/*.yaml",
    "examples/**/*.md",
    "examples/**/*.html",
    "tests/fixtures/dsld/*.json",
    "tests/fixtures/panels/*.txt",
    "tests/fixtures/panels/pasted/*.txt",
)

#: The formats every batch goes through, and the ones a sample of batches goes through too.
MAIN_FORMATS = ("json", "sarif", "html", "junit")
OTHER_FORMATS = ("concise", "full", "json-lines", "github", "gitlab")

#: The rule a lead-side guard reports when checking a file raised: a fuzz input must never get it.
INTERNAL_ERROR = "SUP008"


@dataclass(frozen=True)
class Seed:
    relative: str  # path inside the repository, e.g. examples/pages/roundup.html
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.relative).suffix


@dataclass
class Mutant:
    index: int
    seed: Seed
    data: bytes
    mutations: list[str] = field(default_factory=list)
    relative: str = ""  # where it is written inside the work folder

    def describe(self, run_seed: int) -> str:
        return (
            f"input {self.index} of seed {run_seed} (from {self.seed.relative}; mutations: {', '.join(self.mutations)})"
        )


def load_seeds(root: Path = ROOT) -> list[Seed]:
    found: dict[str, Seed] = {}
    for pattern in SEED_GLOBS:
        for path in sorted(root.glob(pattern)):
            relative = path.relative_to(root).as_posix()
            found[relative] = Seed(relative, path.read_bytes())
    return list(found.values())


# ---------------------------------------------------------------------------------------------------------------
# Mutations. Each takes (text, rng, seeds, limits) and returns new text; byte-level ones work on bytes.


@dataclass(frozen=True)
class Limits:
    """How large mutations may make an input. The CI test keeps lines to a few KB so that slow paths already being
    fixed elsewhere (quadratic page scans) do not make the suite slow; the bench may go further."""

    long_line: int = 3_000
    deep: int = 300
    huge_digits: int = 400
    json_digits: int = 5_000


_TAGS = (
    "!!bool",
    "!!int",
    "!!float",
    "!!null",
    "!!str",
    "!!binary",
    "!!timestamp",
    "!!set",
    "!!omap",
    "!!pairs",
    "!!seq",
    "!!map",
    "!!merge",
    "!!value",
    "!!yaml",
    "!custom",
    "!<tag:example.com,2026:label>",
    "!",
    "!!python/object/apply:os.system",
    "!!python/name:os.system",
)
_CONTROLS = (
    "\u202e",
    "\u2028",
    "\u2029",
    "\x00",
    "\ufeff",
    "\x85",
    "\x1b[31m",
    "\r",
    "\x0b",
    "\x0c",
    "\u200b",
    "\ud800",
    "\U0001f600",
    "\u0301",
    "\t",
)
_JSON_ESCAPES = ("\\ud800", "\\udfff", "\\u0000", "\\u202e", "\\u2028", "\\ud83d\\ude00", "\\ud83d", "\\\\", '\\"')
_NON_FINITE = (
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "inf",
    "nan",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e-999",
    "-0",
    "0",
    "0.0",
    "1e308",
    "1.7976931348623157e308",
)
_EMPTIES = ("", '""', "''", "[]", "{}", "~", "null", " ", "-", "*", "&", "!", "|", ">")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
# Possessive indentation and key: a line of thousands of spaces (deep block nesting) must not be re-split per try.
_KEY_VALUE = re.compile(r"^(?P<lead>[ \t]*+(?:-[ \t]++)?[\"']?\w[\w -]*+[\"']?:)(?P<gap>[ \t]+)(?P<value>\S.*)$")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick_line(lines: list[str], rng: random.Random, pattern: re.Pattern | None = None) -> int | None:
    candidates = [i for i, line in enumerate(lines) if pattern is None or pattern.search(line)]
    return rng.choice(candidates) if candidates else None


def flip_bytes(data: bytes, rng: random.Random, seeds, limits) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buffer:
            break
        at = rng.randrange(len(buffer))
        buffer[at] = rng.choice((buffer[at] ^ (1 << rng.randrange(8)), rng.randrange(256), 0xFF, 0xC0, 0x80))
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random, seeds, limits) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def delete_lines(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    del lines[start : start + rng.randint(1, 3)]
    return "\n".join(lines)


def duplicate_lines(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    chunk = lines[start : start + rng.randint(1, 4)]
    lines[start:start] = chunk * rng.randint(1, 3)
    return "\n".join(lines)


def splice(text: str, rng: random.Random, seeds, limits) -> str:
    other = _lines(rng.choice(seeds).data.decode("utf-8", "replace"))
    lines = _lines(text)
    start = rng.randrange(len(other))
    lines[rng.randrange(len(lines) + 1) : 0] = other[start : start + rng.randint(1, 5)]
    return "\n".join(lines)


def yaml_tag(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    at = _pick_line(lines, rng, _KEY_VALUE)
    if at is None:
        return text
    match = _KEY_VALUE.match(lines[at])
    value = match["value"] if rng.random() < 0.7 else rng.choice(('""', "x", "1", "", "[]", "{}", "1.5", "yes"))
    lines[at] = f"{match['lead']} {rng.choice(_TAGS)} {value}"
    return "\n".join(lines)


def huge_number(text: str, rng: random.Random, seeds, limits) -> str:
    matches = list(_NUMBER.finditer(text))
    digits = rng.choice(
        (rng.randint(300, max(300, limits.huge_digits)), 309, 310, 4_300, 4_301, rng.randint(1, limits.json_digits))
    )
    number = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(digits - 1))
    if rng.random() < 0.2:
        number = f"{number[:3]}.{number[3:]}"
    if not matches:
        return text + "\n" + number
    match = rng.choice(matches)
    return text[: match.start()] + number + text[match.end() :]


def non_finite(text: str, rng: random.Random, seeds, limits) -> str:
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return text
    match = rng.choice(matches)
    return text[: match.start()] + rng.choice(_NON_FINITE) + text[match.end() :]


def control_chars(text: str, rng: random.Random, seeds, limits) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_CONTROLS) + text[at:]
    return text


def json_escape(text: str, rng: random.Random, seeds, limits) -> str:
    quotes = [m.start() + 1 for m in re.finditer(r'"(?=[^"\n]*")', text)]
    if not quotes:
        return text
    at = rng.choice(quotes)
    return text[:at] + rng.choice(_JSON_ESCAPES) + text[at:]


def deep_nesting(text: str, rng: random.Random, seeds, limits) -> str:
    depth = rng.choice((10, 63, 64, 65, rng.randint(1, limits.deep)))
    opener, closer = rng.choice((("[", "]"), ("{a: ", "}"), ('{"a": ', "}"), ("- ", "")))
    lines = _lines(text)
    at = _pick_line(lines, rng, _KEY_VALUE)
    if opener == "- ":
        block = [" " * (2 * i) + "- " for i in range(depth)]
        block[-1] += "x"
        lines[rng.randrange(len(lines) + 1) : 0] = ["nested:"] + ["  " + line for line in block]
        return "\n".join(lines)
    nested = opener * depth + "1" + closer * depth
    if at is None:
        return text + "\n" + nested
    match = _KEY_VALUE.match(lines[at])
    lines[at] = f"{match['lead']} {nested}"
    return "\n".join(lines)


def anchors(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    keyed = [i for i, line in enumerate(lines) if _KEY_VALUE.match(line)]
    if not keyed:
        return text
    choice = rng.random()
    if choice < 0.3:  # an alias with no anchor
        at = rng.choice(keyed)
        match = _KEY_VALUE.match(lines[at])
        lines[at] = f"{match['lead']} *nowhere"
    elif choice < 0.6:  # a value shared by two keys
        first, second = rng.choice(keyed), rng.choice(keyed)
        one, two = _KEY_VALUE.match(lines[first]), _KEY_VALUE.match(lines[second])
        lines[first] = f"{one['lead']} &shared {one['value']}"
        if second != first:
            lines[second] = f"{two['lead']} *shared"
    elif choice < 0.8:  # a merge key
        at = rng.choice(keyed)
        indent = re.match(r"\s*", lines[at])[0]
        lines.insert(at, f"{indent}<<: {rng.choice(('*shared', '{a: 1}', '[1, 2]', 'x'))}")
    else:  # a small expansion bomb
        width = rng.randint(2, 12)
        bomb = ["b0: &b0 [x, x, x, x]"] + [
            f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * width) + "]" for i in range(1, rng.randint(2, 7))
        ]
        lines[0:0] = bomb
    return "\n".join(lines)


def long_line(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    at = rng.randrange(len(lines))
    length = rng.randint(200, limits.long_line)
    piece = lines[at] or rng.choice(("x", "9", "a ", "(", "Supports ", "<b>", "[x](", "mg "))
    lines[at] = (piece * (length // max(1, len(piece)) + 1))[:length]
    return "\n".join(lines)


def empty_value(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    at = _pick_line(lines, rng, _KEY_VALUE)
    if at is None:
        return text
    lines[at] = f"{_KEY_VALUE.match(lines[at])['lead']} {rng.choice(_EMPTIES)}".rstrip()
    return "\n".join(lines)


def type_swap(text: str, rng: random.Random, seeds, limits) -> str:
    lines = _lines(text)
    at = _pick_line(lines, rng, _KEY_VALUE)
    if at is None:
        return text
    match = _KEY_VALUE.match(lines[at])
    value = match["value"]
    swapped = rng.choice(
        (
            f"[{value}]",
            f"{{value: {value}}}",
            f"[[{value}]]",
            "[]",
            "{}",
            "12",
            "true",
            "1.5",
            f'"{value}"',
            f"\n{' ' * (len(match['lead']) - len(match['lead'].lstrip()) + 2)}- {value}",
            f"{{name: {value}, amount: {value}}}",
        )
    )
    lines[at] = f"{match['lead']} {swapped}"
    return "\n".join(lines)


def line_endings(data: bytes, rng: random.Random, seeds, limits) -> bytes:
    choice = rng.random()
    if choice < 0.3:
        return data.replace(b"\n", b"\r\n")
    if choice < 0.5:
        return data.replace(b"\n", b"\r")
    if choice < 0.7:
        return b"\xef\xbb\xbf" + data
    if choice < 0.85:
        return data.replace(b"  ", b"\t")
    return data.replace(b"\n", b"")


def json_structure(text: str, rng: random.Random, seeds, limits) -> str:
    """Mutate one value of the parsed record (a type swap, a huge or non-finite number, an odd string)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return text
    holders: list[tuple[object, object]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            holders.append((node, key))
            stack.append(child)
    if not holders:
        return text
    holder, key = rng.choice(holders)
    old = holder[key]
    huge = int("9" * rng.randint(300, max(300, limits.huge_digits)))
    holder[key] = rng.choice(
        (
            None,
            True,
            0,
            -1,
            1.5,
            huge,
            float("inf"),
            float("nan"),
            -float("inf"),
            "",
            "NP",
            [],
            {},
            [old],
            {"x": old},
            str(old),
            "\u202e" + str(old),
            "\x00",
            "9" * 400,
            "1,5",
            "1e400",
            [{"order": "x"}],
            {"quantity": huge, "unit": "mg"},
            10**20,
        )
    )
    if rng.random() < 0.1:
        marker = "__HUGE__"
        holder[key] = marker
        return json.dumps(data, indent=2).replace(f'"{marker}"', "1" + "0" * rng.randint(4_300, limits.json_digits))
    return json.dumps(data, indent=2)


#: (name, function, works on bytes, weight, suffixes it applies to or None for all)
MUTATIONS = (
    ("flip-bytes", flip_bytes, True, 3, None),
    ("truncate", truncate, True, 1, None),
    ("line-endings", line_endings, True, 1, None),
    ("delete-lines", delete_lines, False, 3, None),
    ("duplicate-lines", duplicate_lines, False, 3, None),
    ("splice", splice, False, 3, None),
    ("yaml-tag", yaml_tag, False, 4, (".yaml", ".md", ".html")),
    ("huge-number", huge_number, False, 4, None),
    ("non-finite", non_finite, False, 3, None),
    ("control-chars", control_chars, False, 3, None),
    ("json-escape", json_escape, False, 2, (".json", ".md", ".html")),
    ("deep-nesting", deep_nesting, False, 2, None),
    ("anchors", anchors, False, 3, (".yaml", ".md", ".html")),
    ("long-line", long_line, False, 2, None),
    ("empty-value", empty_value, False, 3, None),
    ("type-swap", type_swap, False, 4, None),
    ("json-structure", json_structure, False, 6, (".json",)),
)


def mutate(seed: Seed, rng: random.Random, seeds: list[Seed], limits: Limits) -> tuple[bytes, list[str]]:
    usable = [m for m in MUTATIONS if m[4] is None or seed.suffix in m[4]]
    weights = [m[3] for m in usable]
    data, names = seed.data, []
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        name, function, on_bytes, _weight, _suffixes = rng.choices(usable, weights)[0]
        if on_bytes:
            data = function(data, rng, seeds, limits)
        else:
            # surrogates in a str cannot be written as UTF-8; "surrogatepass" writes them anyway (invalid UTF-8)
            text = data.decode("utf-8", "surrogateescape")
            data = function(text, rng, seeds, limits).encode("utf-8", "surrogatepass")
        names.append(name)
    return data, names


def mutants(run_seed: int, start: int, count: int, seeds: list[Seed], limits: Limits = Limits()) -> list[Mutant]:
    """Mutants ``start`` .. ``start + count - 1`` of a run: each depends only on ``run_seed`` and its index."""
    made = []
    for index in range(start, start + count):
        rng = random.Random(f"{run_seed}:{index}")
        seed = rng.choice(seeds)
        data, names = mutate(seed, rng, seeds, limits)
        folder, _name = os.path.split(seed.relative)
        made.append(Mutant(index, seed, data, names, f"{folder}/fuzz-{index:06d}{seed.suffix}"))
    return made


# ---------------------------------------------------------------------------------------------------------------
# Running mutants through the CLI and checking what comes out.


class Hang(Exception):
    pass


@contextmanager
def deadline(seconds: float):
    """Raise Hang in the main thread after ``seconds`` (generous: it is there to catch a hang, not to time)."""

    def expire(signum, frame):
        raise Hang(f"no answer after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Failure:
    what: str  # e.g. "check --output-format json"
    problem: str
    mutants: list[Mutant]

    def report(self, run_seed: int) -> str:
        inputs = "; ".join(m.describe(run_seed) for m in self.mutants[:3])
        more = f" and {len(self.mutants) - 3} more" if len(self.mutants) > 3 else ""
        return f"{self.what}: {self.problem} [{inputs}{more}]"


def known_codes() -> frozenset[str]:
    from supplint.ruleset.registry import registry

    return frozenset(registry().rules) - {INTERNAL_ERROR}


def prepare(work: Path, seeds: list[Seed]) -> None:
    """Unmutated copies of every seed, so that the references mutants keep (pages, stacks) still resolve."""
    for seed in seeds:
        target = work / seed.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(seed.data)


def write_mutants(work: Path, batch: list[Mutant]) -> None:
    for mutant in batch:
        (work / mutant.relative).write_bytes(mutant.data)


def remove_mutants(work: Path, batch: list[Mutant]) -> None:
    for mutant in batch:
        (work / mutant.relative).unlink(missing_ok=True)


class _HtmlCheck(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_script = False

    def handle_starttag(self, tag, attrs):
        self.open_script = self.open_script or tag == "script"


def _named_label(file: str) -> bool:
    """A label file in the work folder: a page given may name it, and a run reports a named label's findings once,
    at the label."""
    return (
        not os.path.isabs(file)
        and not file.startswith("..")
        and file.endswith((".yaml", ".yml"))
        and os.path.isfile(file)
    )


def check_output(fmt: str, stdout: str, files: set[str], codes: frozenset[str]) -> str | None:
    """Why the output of one format is broken, or None. ``files`` are the paths given, as the CLI reports them."""
    if "Traceback (most recent call last)" in stdout:
        return "a traceback in the output"
    findings: list[tuple[str, str]] = []  # (code, file)
    try:
        if fmt == "json":
            data = json.loads(stdout)
            if not isinstance(data, list):
                return "the JSON output is not an array"
            findings = [(f["code"], f["file"]) for f in data]
        elif fmt == "json-lines":
            findings = [(f["code"], f["file"]) for f in map(json.loads, filter(None, stdout.split("\n")))]
        elif fmt == "gitlab":
            findings = [(f["check_name"].split()[0], f["location"]["path"]) for f in json.loads(stdout)]
        elif fmt == "sarif":
            data = json.loads(stdout)
            results = data["runs"][0]["results"]
            findings = [
                (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results
            ]
        elif fmt == "junit":
            root = ET.fromstring(stdout)
            seen = set()
            for case in root.iter("testcase"):
                seen.add(case.get("classname"))
                failure = case.find("failure")
                if failure is not None:
                    findings.append((failure.get("type"), case.get("classname")))
            missing = files - seen
            if missing:
                return f"{len(missing)} checked file(s) missing from the JUnit report, e.g. {sorted(missing)[0]}"
        elif fmt == "html":
            if not stdout.rstrip().endswith("</html>"):
                return "the HTML report does not end with </html>"
            checker = _HtmlCheck()
            checker.feed(stdout)
            checker.close()
            findings = [(code, "") for code in re.findall(r"\bSUP[0-9]{3}\b", stdout)]
        elif fmt == "github":
            bad = [line for line in stdout.split("\n") if line and not line.startswith("::")]
            if bad:
                return f"a line that is not a workflow command: {bad[0][:120]!r}"
            findings = [(m, "") for m in re.findall(r"\btitle=(SUP[0-9]{3})\b", stdout)]
        elif fmt in ("concise", "full"):
            findings = [(m, "") for m in re.findall(r":[0-9]+:[0-9]+: (SUP[0-9]{3}) ", stdout)]
    except (ValueError, KeyError, IndexError, TypeError, ET.ParseError) as exc:
        return f"the {fmt} output does not parse: {type(exc).__name__}: {str(exc)[:200]}"
    for code, file in findings:
        if code == INTERNAL_ERROR:
            return f"{INTERNAL_ERROR} (internal error) reported for {file or 'a file'}"
        if code not in codes and not (fmt == "html" and code.startswith("SUP")):
            return f"an unknown rule code {code!r} for {file}"
        if file and fmt != "sarif" and file not in files and not _named_label(file):
            return f"a finding for a file that was not given: {file!r}"
    if fmt == "html" and INTERNAL_ERROR in {code for code, _ in findings}:
        return f"{INTERNAL_ERROR} in the HTML report"
    return None


def _invoke(args: list[str], seconds: float):
    from click.testing import CliRunner

    from supplint.cli import cli

    with deadline(seconds):
        return CliRunner().invoke(cli, args, catch_exceptions=True)


def _exception(result) -> str | None:
    exc = result.exception
    if exc is None or isinstance(exc, SystemExit):
        return None
    import traceback

    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    # the deepest frame in supplint itself says more than one inside PyYAML or json
    ours = [frame for frame in frames if f"{os.sep}supplint{os.sep}" in frame.filename] or frames
    place = f" at {os.path.relpath(ours[-1].filename, ROOT)}:{ours[-1].lineno}" if ours else ""
    return f"{type(exc).__name__}: {str(exc)[:200]}{place}"


def check_batch(
    work: Path,
    batch: list[Mutant],
    formats: tuple[str, ...],
    codes: frozenset[str],
    seconds: float = 120.0,
    outputs: dict[str, str] | None = None,
) -> list[Failure]:
    """Every mutant of the batch through `supplint check` in each format; failures name the inputs. ``outputs``,
    when given, receives each format's output (for checks too slow to run on every batch, such as the schema)."""
    failures: list[Failure] = []
    paths = [m.relative for m in batch]
    old = os.getcwd()
    os.chdir(work)
    try:
        for fmt in formats:
            what = f"check --output-format {fmt}"
            try:
                result = _invoke(["check", "--isolated", "--output-format", fmt, *paths], seconds)
            except Hang as exc:
                failures += _find_hang(batch, fmt, seconds) or [Failure(what, f"the batch hung ({exc})", batch)]
                continue
            if outputs is not None:
                outputs[fmt] = result.stdout
            problem = _problem(result, fmt, set(paths), codes)
            if problem is not None:
                failures += _narrow(batch, fmt, what, problem, codes, seconds)
    finally:
        os.chdir(old)
    return failures


def _problem(result, fmt: str, files: set[str], codes: frozenset[str]) -> str | None:
    problem = _exception(result)
    if problem is None and "Traceback (most recent call last)" in result.stderr:
        problem = "a traceback on standard error"
    if problem is None and result.exit_code not in (0, 1):
        problem = f"exit status {result.exit_code}: {result.stderr.strip()[:300]}"
    return problem or check_output(fmt, result.stdout, files, codes)


def _narrow(batch: list[Mutant], fmt: str, what: str, problem: str, codes, seconds) -> list[Failure]:
    """The inputs of a failing batch that fail on their own (the batch's failure when none does alone)."""
    if len(batch) == 1:
        return [Failure(what, problem, batch)]
    found = []
    for mutant in batch:
        try:
            result = _invoke(["check", "--isolated", "--output-format", fmt, mutant.relative], seconds)
        except Hang as exc:
            found.append(Failure(what, f"hung ({exc})", [mutant]))
            continue
        alone = _problem(result, fmt, {mutant.relative}, codes)
        if alone is not None:
            found.append(Failure(what, alone, [mutant]))
    return found or [Failure(what, problem, batch)]


def _find_hang(batch: list[Mutant], fmt: str, seconds: float) -> list[Failure]:
    found = []
    for mutant in batch:
        try:
            _invoke(["check", "--isolated", "--output-format", fmt, mutant.relative], seconds / 4)
        except Hang as exc:
            found.append(Failure(f"check --output-format {fmt}", f"hung ({exc})", [mutant]))
    return found


def check_imports(work: Path, batch: list[Mutant], seconds: float = 30.0) -> list[Failure]:
    """`supplint import text|dsld` on the panel and record mutants: a label (exit 0) or one plain error (exit 2)."""
    import yaml

    failures = []
    old = os.getcwd()
    os.chdir(work)
    try:
        for mutant in batch:
            kind = {".txt": "text", ".json": "dsld"}.get(mutant.seed.suffix)
            if kind is None:
                continue
            what = f"import {kind}"
            try:
                result = _invoke(["import", kind, mutant.relative], seconds)
            except Hang as exc:
                failures.append(Failure(what, f"hung ({exc})", [mutant]))
                continue
            problem = _exception(result)
            if problem is None and result.exit_code == 0:
                try:
                    yaml.safe_load(result.stdout)
                except yaml.YAMLError as exc:
                    problem = f"the imported label is not YAML: {str(exc)[:200]}"
            elif problem is None and result.exit_code == 2:
                errors = [line for line in result.stderr.splitlines() if line.startswith("supplint: error:")]
                if len(errors) != 1 or "internal error" in result.stderr:
                    problem = f"exit 2 without one plain error line: {result.stderr.strip()[:300]}"
            elif problem is None:
                problem = f"exit status {result.exit_code}"
            if problem is not None:
                failures.append(Failure(what, problem, [mutant]))
    finally:
        os.chdir(old)
    return failures


def save(failures: list[Failure], folder: Path, run_seed: int) -> list[str]:
    """Each failing input (when the failure has one) under ``folder``, with a line saying how to reproduce it."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for failure in failures:
        if len(failure.mutants) != 1:
            continue
        mutant = failure.mutants[0]
        target = folder / f"seed{run_seed}-{mutant.index:06d}{mutant.seed.suffix}"
        target.write_bytes(mutant.data)
        (folder / f"{target.name}.txt").write_text(
            f"{failure.report(run_seed)}\nreproduce: copy it to {mutant.relative} beside the seeds (or run "
            f"`python bench/fuzz.py --seed {run_seed} --start {mutant.index} --count 1`) and run "
            f"`supplint {failure.what} {target.name}`\n",
            encoding="utf-8",
        )
        written.append(str(target))
    return written


def clean(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
