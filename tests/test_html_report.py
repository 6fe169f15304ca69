"""The `html` output format: structure (without a browser), escaping, determinism, stacks, and the page as
headless Chromium renders it (skipped when no Chromium is installed)."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import CHROMIUM_FLAGS, EXAMPLES, ROOT, run_cli
from supplint.findings import Finding
from supplint.label.daily import FactRow, LabelFacts, stack_totals
from supplint.report.html import HtmlReporter

HOSTILE = "<script>alert(1)</script> & \"double\" 'single'"
HOSTILE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;double&quot; &#x27;single&#x27;"
STACK = ("examples/multivitamin-50-plus.yaml", "examples/calcium-d3-tablet.yaml", "examples/d3-5000-k2-softgel.yaml")


class Page(HTMLParser):
    """What the tests look at in a report: per file section, its facts tables and findings; every tag, and the
    attributes that could load something."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.sections: dict[str, dict[str, int]] = {}  # file name → {"facts": n, "findings": n}
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value) of src/href/srcset/...
        self.text: list[str] = []
        self.classes: Counter[str] = Counter()
        self._section: dict[str, int] | None = None
        self._in_name = False
        self._name: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        self.classes.update(classes)
        for key, value in attrs:
            if key in (
                "src",
                "href",
                "srcset",
                "data",
                "poster",
                "action",
                "formaction",
                "background",
            ) or key.startswith("on"):
                self.links.append((tag, key, value or ""))
        if tag == "section" and "file" in classes:
            self._section = {"facts": 0, "findings": 0}
        elif tag == "h2" and "file-name" in classes:
            self._in_name, self._name = True, []
        elif self._section is not None and tag == "table" and "facts" in classes:
            self._section["facts"] += 1
        elif self._section is not None and tag == "li" and "finding" in classes:
            self._section["findings"] += 1

    def handle_endtag(self, tag):
        if tag == "h2" and self._in_name:
            self._in_name = False
            name = "".join(self._name).removeprefix("File: ")
            assert self._section is not None
            self.sections[name] = self._section

    def handle_data(self, data):
        self.text.append(data)
        if self._in_name:
            self._name.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = run_cli("check", "--output-format", "html", "-o", str(out), "examples")
    assert result.returncode in (0, 1), result.stderr
    return out, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def examples_json() -> list[dict]:
    result = run_cli("check", "--output-format", "json", "examples")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


#: Findings that mean a label cannot be read in full: not YAML, not the format, an amount, a unit, a population.
UNREADABLE = ("SUP001", "SUP002", "SUP003", "SUP004", "SUP005")


def _well_formed_labels(findings: list[dict]) -> set[str]:
    """The example files that are labels supplint can give Supplement Facts for (read in full: not the stack
    files, not a label whose amounts or population cannot be read)."""
    from supplint.engine import Linter
    from supplint.ruleset.registry import registry

    linter = Linter(registry().rules)
    labels = set()
    for path in sorted(EXAMPLES.rglob("*.y*ml")):
        name = path.relative_to(ROOT).as_posix()
        if linter.facts(path.read_text(encoding="utf-8"), name) is not None:
            labels.add(name)
    # the wording: at least every label at the top of examples/ that loads without SUP001/SUP002
    broken = {f["file"] for f in findings if f["code"] in ("SUP001", "SUP002")}
    top = {
        path.relative_to(ROOT).as_posix()
        for path in EXAMPLES.glob("*.yaml")
        if "stack" not in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    }
    assert top - broken <= labels
    return labels


# ---------------------------------------------------------------------------------------------------------------
# Structure, without a browser


def test_one_facts_table_per_well_formed_label(examples_report, examples_json):
    _, source = examples_report
    page = Page(source)
    labels = _well_formed_labels(examples_json)
    assert len(labels) >= 20
    with_facts = {name for name, section in page.sections.items() if section["facts"]}
    assert with_facts == labels
    assert all(page.sections[name]["facts"] == 1 for name in labels)
    assert page.classes["facts"] == len(labels)
    assert source.count("<caption>Supplement Facts: ") == len(labels)
    # the labels that cannot be read in full say why there is no table
    for name in ("examples/invalid/broken-yaml.yaml", "examples/invalid/amounts.yaml"):
        assert page.sections[name]["facts"] == 0
    unreadable = {f["file"] for f in examples_json if f["code"] in UNREADABLE} - labels
    assert source.count("No Supplement Facts are shown") == len(unreadable) >= 3


def test_every_checked_file_has_a_section_in_order(examples_report, examples_json):
    _, source = examples_report
    page = Page(source)
    files = list(page.sections)
    assert len(files) == len(set(files))
    assert "examples/pages/roundup.html" in files and "examples/invalid/broken-yaml.yaml" in files
    with_findings = list(dict.fromkeys(f["file"] for f in examples_json))
    assert [name for name in files if name in with_findings] == with_findings  # the order files are checked in
    checked = int(source.split("<dt>Files checked</dt><dd>")[1].split("<")[0].replace(",", ""))
    assert checked == len(files)
    summary = run_cli("check", "examples").stdout.strip().splitlines()[-1]
    assert summary in page.all_text  # the same summary line as the concise output


def test_findings_match_the_json_output(examples_report, examples_json):
    _, source = examples_report
    page = Page(source)
    assert page.classes["finding"] == len(examples_json) > 0
    per_file = Counter(f["file"] for f in examples_json)
    assert {name: section["findings"] for name, section in page.sections.items() if section["findings"]} == per_file
    for f in examples_json:
        assert f"{f['file']}:{f['line']}" in page.all_text
    # plain language: what to do and why, for every finding that has a hint
    assert source.count("<strong>What to do:</strong>") == sum(1 for f in examples_json if f["hint"])
    assert source.count("<strong>Why:</strong>") == len(examples_json)
    assert page.classes["clean"] == sum(1 for section in page.sections.values() if not section["findings"])


def test_self_contained(examples_report):
    _, source = examples_report
    page = Page(source)
    assert source.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in source
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["img"] == 0
    assert page.tags["iframe"] == page.tags["object"] == page.tags["embed"] == 0
    # only links inside the page: no src at all, hrefs are fragments
    assert all(attribute == "href" and value.startswith("#") for _tag, attribute, value in page.links), page.links
    assert "@import" not in source and "url(" not in source and "@font-face" not in source
    assert "http://" not in source and "https://" not in source


def test_accessible_tables(examples_report):
    _, source = examples_report
    page = Page(source)
    assert page.tags["caption"] == page.tags["table"]
    assert source.count('<th scope="col"') >= 7 * page.classes["facts"]
    assert '<th scope="row">Vitamin D3</th>' in source
    # bars carry their value as text; the over-limit state is said in words, not by colour alone
    assert "625%" in page.all_text and "above the limit" in page.all_text
    assert "\u2014 no upper limit" in page.all_text


def test_deterministic(tmp_path):
    outputs = []
    for name in ("one.html", "two.html"):
        result = run_cli("check", "--output-format", "html", "-o", str(tmp_path / name), "examples")
        assert result.returncode in (0, 1), result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    stdout = run_cli("check", "--output-format", "html", "examples").stdout
    assert stdout.encode("utf-8") == outputs[0]


HOSTILE_LABEL = """\
product: {product}
brand: '{brand}'
identity: Dietary Supplement
form: tablet
serving:
  size: 1 tablet
facts:
  - name: Vitamin C
    as: ascorbic acid
    amount: 500 mg
    dv: 556%
  - name: {row}
    amount: 50 mg
    dv: "\u2020"
disclaimer: >-
  This statement has not been evaluated by the Food and Drug Administration.
  This product is not intended to diagnose, treat, cure, or prevent any disease.
warnings:
  - Consult your healthcare provider before use. Keep out of reach of children.
"""


def _hostile_label(tmp_path: Path) -> str:
    """A label whose product, brand, row name and file name are markup; returns its path relative to tmp_path.
    The file sits in a folder named ``<script>alert(1)<`` so that its path reads ``...</script>...``."""
    directory = tmp_path / "<script>alert(1)<"
    directory.mkdir()
    path = directory / "script> & \"q\" 'q'.yaml"
    path.write_text(
        HOSTILE_LABEL.format(
            product=json.dumps(HOSTILE),
            brand="B&B <b>bold</b>",
            row=json.dumps('<img src=x onerror=alert(2)> "Extract"'),
        ),
        encoding="utf-8",
    )
    return path.relative_to(tmp_path).as_posix()


def test_label_text_and_file_names_are_escaped(tmp_path):
    relative = _hostile_label(tmp_path)
    assert "</script>" in relative
    result = run_cli("check", "--output-format", "html", "--isolated", relative, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    source = result.stdout
    page = Page(source)
    assert "<script" not in source.lower() and "<img" not in source.lower() and "<b>" not in source
    assert page.tags["script"] == page.tags["img"] == page.tags["b"] == 0
    assert not [link for link in page.links if link[1] != "href"]  # no src=, no on...= handler
    assert HOSTILE_ESCAPED in source  # product name
    assert "B&amp;B &lt;b&gt;bold&lt;/b&gt;" in source  # brand
    assert "&lt;img src=x onerror=alert(2)&gt; &quot;Extract&quot;" in source  # row name
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#x27;q&#x27;.yaml" in source  # file name
    # and they read back as the original text
    assert HOSTILE in page.all_text and relative in page.all_text
    assert page.sections[relative]["facts"] == 1


def test_reporter_escapes_everything_it_is_given():
    """Direct use: facts, findings (message, hint, file) and a stack's product names, all hostile."""
    out = io.StringIO()
    reporter = HtmlReporter(out)
    row = FactRow(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, 150.0, 250.0, 1)
    reporter.add_facts(LabelFacts(HOSTILE, HOSTILE, HOSTILE, HOSTILE, 2, HOSTILE, (row,)))
    finding = Finding("SUP201", "above-upper-limit", "error", HOSTILE, HOSTILE, 3, 1, 3, 5, hint=f"use `{HOSTILE}`")
    reporter.add([finding], HOSTILE)
    from supplint.label.daily import NutrientTotal

    reporter.add_stack({"x": NutrientTotal(HOSTILE, "mg", 10.0, 10.0, 5.0, "mg", [(HOSTILE, 10.0, 10.0)])}, HOSTILE)
    reporter.close(1)
    source = out.getvalue()
    assert "<script" not in source.lower()
    assert source.count(HOSTILE_ESCAPED) >= 12
    assert "<code>" + HOSTILE_ESCAPED + "</code>" in source  # backticks in a hint become code, escaped inside
    page = Page(source)
    assert page.tags["script"] == 0
    assert "200%" in page.all_text  # the stack's 10 mg of a 5 mg limit


def test_control_characters_and_lone_surrogates_do_not_break_the_page():
    out = io.StringIO()
    reporter = HtmlReporter(out)
    reporter.add(
        [Finding("SUP001", "invalid-yaml", "error", "bad \x00\x1b[31m byte", "bad\udcff.yaml", 1, 1, 1, 1)],
        "bad\udcff.yaml",
    )
    reporter.close(1)
    source = out.getvalue()
    assert "\x00" not in source and "\x1b" not in source and "\udcff" not in source
    source.encode("utf-8")  # writable to a UTF-8 file
    assert "cannot be read in full as a label" in source


def test_ascii_stream_gets_character_references():
    class Ascii(io.StringIO):
        encoding = "ascii"

    out = Ascii()
    reporter = HtmlReporter(out)
    reporter.add([], "caf\u00e9.md")
    reporter.close(1)
    assert out.getvalue().isascii() and "caf&#233;.md" in out.getvalue()


def test_one_shot_and_late_findings_join_their_files():
    """``add`` without a path (a stack's findings, reported at its labels after they were checked) adds to the
    file's own section instead of a second one."""
    out = io.StringIO()
    reporter = HtmlReporter(out)
    first = Finding("SUP101", "d3-without-k2", "warning", "first", "a.yaml", 1, 1, 1, 1)
    late = Finding("SUP501", "stack-above-upper-limit", "error", "late", "a.yaml", 2, 1, 2, 1)
    reporter.add([first], "a.yaml")
    reporter.add([], "b.yaml")
    reporter.add([late])
    reporter.close(2)
    page = Page(out.getvalue())
    assert list(page.sections) == ["a.yaml", "b.yaml"]
    assert page.sections["a.yaml"]["findings"] == 2 and page.sections["b.yaml"]["findings"] == 0


# ---------------------------------------------------------------------------------------------------------------
# Stacks


def _stack_products():
    from supplint.engine import Linter
    from supplint.ruleset.registry import registry

    linter = Linter(registry().rules)
    products = []
    for name in STACK:
        _doc, resolved = linter.resolved((ROOT / name).read_text(encoding="utf-8"))
        products.append((resolved.label.product, resolved, resolved.per_day))
    return products


def test_stack_totals_table_from_add_stack():
    out = io.StringIO()
    reporter = HtmlReporter(out)
    reporter.add_stack(stack_totals(_stack_products()))
    reporter.add([], "a.yaml")
    reporter.close(1)
    source = out.getvalue()
    page = Page(source)
    assert page.classes["stack-totals"] == 1
    assert "<caption>Daily totals: " in source
    text = page.all_text
    assert "Vitamin D" in text and "165 mcg" in text and "100 mcg" in text and "165%" in text
    assert "Calcium" in text and "2,420 mg" in text and "121%" in text
    assert text.count("above the limit") == 2
    for product, _resolved, _per_day in _stack_products():
        assert product in text
    assert 'href="#stack"' in source


def _stack_cli(*args: str, cwd: Path | None = None):
    result = run_cli("check", "--stack", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return result


def test_stack_run_end_to_end(tmp_path):
    out = tmp_path / "stack.html"
    _stack_cli("--output-format", "html", "-o", str(out), *STACK)
    source = out.read_text(encoding="utf-8")
    page = Page(source)
    assert page.classes["stack-totals"] == 1 and page.classes["facts"] == len(STACK)
    assert "Daily totals of the stack" in page.all_text
    findings = json.loads(_stack_cli("--output-format", "json", *STACK).stdout)
    assert page.classes["finding"] == len(findings)
    stack_codes = [f for f in findings if f["code"].startswith("SUP5")]
    assert stack_codes and "Findings about the stack" in page.all_text


# ---------------------------------------------------------------------------------------------------------------
# In headless Chromium

TIMEOUT = 60
#: The page's colours that the screenshot must show: the %DV bar fill and the error badge (report/html.css).
DV_FILL = bytes.fromhex("2f6f4f")
ERROR_BADGE = bytes.fromhex("a4161a")


def browse(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the browser headless in its own process group, killing the whole group if it hangs."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace", start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"{browser} did not finish within {TIMEOUT} s: {' '.join(command)}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def console_messages(stderr: str) -> list[str]:
    """The page's console messages and uncaught errors in Chromium's log. Chromium writes console messages as
    ``[pid:tid:time:LEVEL:CONSOLE(line)] "message", source: URL (line)``; everything else it logs on a machine
    like CI's (D-Bus not running, no GPU/VA-API device, the sandbox warning, the idle-service note, the Debian
    wrapper's shell noise) is about the browser, not the page, and is ignored here by not matching."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def test_console_capture_sees_errors(chromium, tmp_path):
    """The check below is not vacuous: this Chromium reports a page's console errors where the test looks."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
        "<script>console.error('boom'); notDefined();</script></body></html>",
        encoding="utf-8",
    )
    result = browse(chromium, tmp_path, "--dump-dom", bad.as_uri())
    messages = console_messages(result.stderr)
    assert any("boom" in line for line in messages) and any("Uncaught" in line for line in messages), result.stderr


def test_rendered_dom(chromium, examples_report, examples_json, tmp_path):
    path, source = examples_report
    result = browse(chromium, tmp_path, "--dump-dom", path.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = Page(result.stdout)
    assert dom.tags["html"] == 1 and dom.tags["body"] == 1
    assert dom.classes["facts"] == Page(source).classes["facts"] == len(_well_formed_labels(examples_json))
    assert dom.classes["finding"] == len(examples_json)
    assert dom.tags["script"] == 0
    assert "Supplement Facts: Complete Multi 50+" in dom.all_text and "What to do:" in dom.all_text


def test_screenshot_shows_the_tables(chromium, examples_report, tmp_path):
    path, _ = examples_report
    shot = tmp_path / "shot.png"
    result = browse(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", path.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    assert shot.stat().st_size > 50_000
    width, height, colours = png_colours(shot)
    assert (width, height) == (1280, 2000)
    white = colours[b"\xff\xff\xff"]
    assert len(colours) > 50 and white < 0.95 * sum(colours.values()), colours.most_common(5)
    assert colours[DV_FILL] > 0 and colours[ERROR_BADGE] > 0  # the bars and the badges were drawn


def test_stack_and_hostile_pages_render(chromium, tmp_path):
    relative = _hostile_label(tmp_path)
    stack = tmp_path / "stack.html"
    _stack_cli(
        "--output-format", "html", "-o", str(stack), *(str(ROOT / name) for name in STACK), relative, cwd=tmp_path
    )
    result = browse(chromium, tmp_path, "--dump-dom", stack.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = Page(result.stdout)
    assert dom.tags["script"] == 0 and dom.tags["img"] == 0
    assert dom.classes["stack-totals"] == 1 and dom.classes["facts"] == len(STACK) + 1
    assert HOSTILE in dom.all_text and relative in dom.all_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def png_colours(path: Path, step: int = 4) -> tuple[int, int, Counter[bytes]]:
    """Width, height and a sample (every ``step``-th pixel of every ``step``-th row) of the RGB colours of an
    8-bit, non-interlaced RGB or RGBA PNG, decoded with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed.append(body)
        position += 12 + length
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, (depth, colour_type, interlace)
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(compressed))
    stride = width * channels
    previous = bytearray(stride)
    colours: Counter[bytes] = Counter()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b, c = previous[i], previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if y % step == 0:
            for x in range(0, stride, channels * step):
                colours[bytes(line[x : x + 3])] += 1
        previous = line
    return width, height, colours


def test_with_jobs_the_report_gets_each_labels_facts_from_its_check_not_a_second_read(tmp_path, monkeypatch):
    """Workers send back the facts tables with the findings: this process opens none of the labels, and the
    page is the one a serial run draws."""
    from conftest import run_in_process

    for index in range(20):  # enough files for workers under --jobs 2
        for example in STACK:
            (tmp_path / f"{index:02}-{Path(example).name}").write_bytes((ROOT / example).read_bytes())
    serial = run_in_process("check", "--isolated", "--output-format", "html", ".", "--jobs", "1", cwd=tmp_path)
    opened: list[str] = []
    real_open = os.open

    def recording_open(path, *args, **kwargs):
        if os.getpid() == parent:  # a worker forked from here records in its own copy of the list
            opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(os, "open", recording_open)
    parallel = run_in_process("check", "--isolated", "--output-format", "html", ".", "--jobs", "2", cwd=tmp_path)
    monkeypatch.undo()
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout
    assert Page(parallel.stdout).sections and all(
        section["facts"] == 1 for section in Page(parallel.stdout).sections.values()
    )
    assert [path for path in opened if path.endswith(".yaml")] == []
