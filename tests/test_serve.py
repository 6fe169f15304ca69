"""`supplint serve` over HTTP: the server runs in its own process on a free loopback port (`--port 0`, the URL read
from its first line), and every endpoint and limit is exercised as a client would; then the page in headless
Chromium (skipped only when no Chromium is installed and SUPPLINT_REQUIRE_CHROMIUM is unset)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml
from click.testing import CliRunner

from conftest import CHROMIUM_FLAGS, ROOT
from supplint.cli import cli

#: A real panel shape (as copied from a product page): 125 mcg of vitamin D3 is above the adult upper limit.
D3_PANEL = """High Potency Vitamin D3
Supplement Facts
Serving Size 1 Softgel
Servings Per Container 120
Amount Per Serving %Daily Value
Vitamin D3 (as cholecalciferol) 125 mcg (5,000 IU) 625%
Other ingredients: safflower oil, gelatin, glycerin.
"""
ZINC_LOZENGE = """product: Zinc Lozenges
serving: {size: 1 lozenge, per_day: 2}
facts:
  - {name: Zinc, as: zinc gluconate, amount: 40 mg}
"""
MULTI = """product: Daily Multi
facts:
  - {name: Zinc, as: zinc oxide, amount: 13 mg}
  - {name: Vitamin C, as: ascorbic acid, amount: 90 mg}
"""
VITAMIN_C = """product: Vitamin C 250
facts:
  - {name: Vitamin C, as: ascorbic acid, amount: 250 mg}
"""
MAX_BODY = 2 * 1024 * 1024
TIMEOUT = 60


def _start(*args: str, stderr) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "supplint", "serve", "--port", "0", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=env,
    )
    line = process.stdout.readline()
    match = re.search(r"http://\S+/", line)
    if not match:
        process.kill()
        pytest.fail(f"the server printed no URL: {line!r}")
    return process, match[0]


def _stop(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGINT)  # Ctrl-C
    try:
        return process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the server did not stop on Ctrl-C")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = (tmp_path_factory.mktemp("serve") / "stderr.txt").open("w+")
    process, url = _start(stderr=log)
    yield url
    assert _stop(process) == 0  # Ctrl-C stops it cleanly
    log.seek(0)
    assert "Traceback" not in log.read()


def request(url: str, data: bytes | None = None, method: str | None = None, headers: dict | None = None):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as answer:
            return answer.status, answer.headers, answer.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def api(server: str, payload) -> tuple[int, dict]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    status, headers, text = request(server + "api/check", body, headers={"Content-Type": "application/json"})
    assert headers["Content-Type"].startswith("application/json")
    return status, json.loads(text)


def codes(answer: dict) -> set[str]:
    return {f["code"] for f in answer["findings"]}


# -- the form ----------------------------------------------------------------------------------------------------


def test_get_form_has_a_textarea_and_every_population(server):
    status, headers, page = request(server)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert re.search(r'<textarea[^>]*name="text"', page)
    populations = yaml.safe_load((ROOT / "rules/data/populations.yaml").read_text(encoding="utf-8"))
    offered = set(re.findall(r'<option value="([^"]+)"', page))
    assert set(populations) <= offered
    assert "<script" not in page


def test_form_post_answers_the_shopper_report(server):
    body = urllib.parse.urlencode([("text", D3_PANEL), ("text", ""), ("population", "adults")]).encode()
    status, _, page = request(server, body)
    assert status == 200
    sentences = re.findall(r'<li class="sentence[^"]*">(.*?)</li>', page)
    assert sentences and "upper limit" in sentences[0] and "125 mcg" in sentences[0]
    # no author-facing words in the shopper view
    for word in ("SUP2", "CFR", "--fix", "column", "product-1.yaml", "identity:"):
        assert word not in page


def test_form_population_is_the_persons(server):
    iron = "product: Iron 65\nform: tablet\nfacts:\n  - {name: Iron, as: ferrous sulfate, amount: 65 mg}\n"
    body = urllib.parse.urlencode([("text", iron), ("population", "children-1-3")]).encode()
    status, _, page = request(server, body)
    assert status == 200
    sentences = re.findall(r'<li class="sentence[^"]*">(.*?)</li>', page)
    assert any("65 mg of iron a day" in s and "40 mg upper limit for children 1-3" in s for s in sentences)
    assert any("child" in s and "overdose" in s for s in sentences)  # the iron warning, in plain words
    assert re.search(r'<option value="children-1-3" selected>', page)


def test_form_bad_input_is_answered_on_the_form(server):
    status, _, page = request(server, urllib.parse.urlencode([("text", ""), ("population", "adults")]).encode())
    assert status == 400 and "nothing was pasted" in page and "<textarea" in page
    status, _, page = request(server, "&".join(["text=x"] * 500).encode())
    assert status == 400 and "Traceback" not in page


def test_form_escapes_what_is_pasted(server):
    hostile = ZINC_LOZENGE.replace("Zinc Lozenges", "<script>alert(1)</script> Zinc")
    body = urllib.parse.urlencode([("text", hostile), ("text", MULTI)]).encode()
    status, _, page = request(server, body)
    assert status == 200
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Zinc" in page


def test_form_editor_view_is_the_editors_report(server):
    body = urllib.parse.urlencode([("text", D3_PANEL), ("view", "editor")]).encode()
    status, _, page = request(server, body)
    assert status == 200
    assert 'data-code="SUP201"' in page and 'data-code="SUP306"' in page  # every rule, not only the shopper's


# -- the API -----------------------------------------------------------------------------------------------------


def test_api_checks_a_pasted_panel(server):
    status, answer = api(server, {"text": D3_PANEL})
    assert status == 200
    assert set(answer) == {"kind", "findings", "notes", "totals"}
    assert answer["kind"] == "panel"
    assert "SUP201" in codes(answer)
    d = next(t for t in answer["totals"] if t["nutrient"] == "Vitamin D")
    assert (d["amount"], d["unit"], d["ul"], d["ul_percent"], d["dv"], d["dv_percent"]) == (
        125,
        "mcg",
        100,
        125,
        20,
        625,
    )


def test_api_findings_are_the_cli_json_objects(server, tmp_path):
    label = tmp_path / "product-1.yaml"
    label.write_text(MULTI, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--output-format", "json", str(label)])
    expected = [{**f, "file": "product-1.yaml"} for f in json.loads(result.output)]
    status, answer = api(server, {"text": MULTI})
    assert status == 200 and answer["kind"] == "label"
    assert answer["findings"] == expected


def test_api_two_products_make_a_stack(server):
    status, answer = api(server, {"texts": [ZINC_LOZENGE, MULTI]})
    assert status == 200 and answer["kind"] == "stack"
    stack = [f for f in answer["findings"] if f["code"] == "SUP501"]
    assert len(stack) == 1 and stack[0]["file"] == "product-1.yaml"  # at the lozenges, which give the most
    zinc = next(t for t in answer["totals"] if t["nutrient"] == "Zinc")
    assert zinc["amount"] == 93 and [p["amount"] for p in zinc["products"]] == [80, 13]


def test_api_stack_within_the_limits_has_no_stack_finding(server):
    status, answer = api(server, {"texts": [MULTI, VITAMIN_C], "population": "adults"})
    assert status == 200 and answer["kind"] == "stack"
    assert "SUP501" not in codes(answer)


def test_api_dashes_separate_products(server):
    status, answer = api(server, {"text": ZINC_LOZENGE + "---\n" + MULTI})
    assert status == 200 and answer["kind"] == "stack" and "SUP501" in codes(answer)


def test_a_ruler_of_dashes_inside_a_pasted_panel_keeps_it_one_product(server):
    ruled = D3_PANEL.replace("Amount Per Serving", "---\nAmount Per Serving")
    status, answer = api(server, {"text": ruled})
    assert status == 200 and answer["kind"] == "panel" and "SUP201" in codes(answer)


def test_dashes_between_two_pasted_panels_separate_them(server):
    status, answer = api(server, {"text": D3_PANEL + "---\n" + D3_PANEL.replace("High Potency", "Another")})
    assert status == 200 and answer["kind"] == "stack" and "SUP501" in codes(answer)


def test_api_population_changes_the_limits(server):
    _, adults = api(server, {"text": VITAMIN_C.replace("250 mg", "1900 mg")})
    _, children = api(server, {"text": VITAMIN_C.replace("250 mg", "1900 mg"), "population": "children-4-8"})
    assert "SUP201" not in codes(adults) and not codes(adults) & {"SUP001", "SUP002", "SUP004"}
    assert "SUP201" in codes(children)


def test_api_shopper_preset_selects_the_shoppers_rules(server):
    presets = yaml.safe_load((ROOT / "rules/data/presets.yaml").read_text(encoding="utf-8"))
    chosen = {rule["code"] for rule in presets["shopper"]["rules"]}
    _, everything = api(server, {"text": D3_PANEL})
    _, shopper = api(server, {"text": D3_PANEL, "preset": "shopper"})
    assert codes(shopper) <= chosen and "SUP201" in codes(shopper)
    assert codes(everything) - chosen  # the default run has author-facing rules the preset leaves out


def test_api_pasted_page_reads_no_file(server, tmp_path):
    """A label a pasted page names is never read: not ../../etc/passwd, not a real label on disk."""
    over = tmp_path / "over.yaml"
    over.write_text(ZINC_LOZENGE, encoding="utf-8")  # would draw SUP201 if it were read
    page = (
        f"---\ntitle: Best zinc\nsupplements: [../../etc/passwd, {over}]\n---\n"
        "# Best zinc\n\nWe take these every day.\n"
    )
    status, answer = api(server, {"text": page})
    assert status == 200 and answer["kind"] == "page"
    broken = [f for f in answer["findings"] if f["code"] == "SUP405"]
    assert len(broken) == 2
    assert "SUP201" not in codes(answer) and answer["totals"] == []
    assert "root:" not in json.dumps(answer)


def test_api_pasted_stack_file_reads_no_file(server):
    text = (
        "stack:\n  - label: ../../etc/passwd\n  - label: {product: D, facts: [{name: Vitamin D3, amount: 125 mcg}]}\n"
    )
    status, answer = api(server, {"text": text})
    assert status == 200
    assert any("not read" in note for note in answer["notes"])
    assert "SUP201" in codes(answer)  # the inline label is checked


@pytest.mark.parametrize(
    "body",
    [
        b"{bad",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"text": 5}',
        b'{"text": "x", "texts": ["y"]}',
        b'{"txt": "x"}',
        b'{"text": "product: X\\nfacts: []\\n", "population": "martians"}',
    ],
)
def test_api_bad_requests_are_400_with_a_json_error(server, body):
    status, answer = api(server, body)
    assert status == 400
    assert set(answer) == {"error", "status"} and answer["status"] == 400 and answer["error"]


def test_unknown_paths_are_404_and_wrong_methods_405(server):
    status, _, _ = request(server + "nowhere")
    assert status == 404
    status, headers, body = request(server + "api/check")
    assert status == 405 and headers["Allow"] == "POST" and json.loads(body)["status"] == 405
    status, headers, _ = request(server, b"", method="DELETE")
    assert status == 405 and headers["Allow"] == "GET, POST"
    status, _, body = request(server + "api/nowhere", b"{}")
    assert status == 404 and json.loads(body)["status"] == 404


def _raw(server: str, head: bytes, body: bytes = b"") -> bytes:
    host, port = urllib.parse.urlsplit(server).hostname, urllib.parse.urlsplit(server).port
    with socket.create_connection((host, port), timeout=TIMEOUT) as connection:
        connection.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def test_large_body_is_refused_before_it_is_read(server):
    """3 MB declared: the 413 comes before a byte of the body is sent, and the server still answers."""
    head = (
        f"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {3 * 1024 * 1024}\r\n\r\n"
    ).encode()
    answer = _raw(server, head)
    assert answer.startswith(b"HTTP/1.1 413 ")
    status, answer = api(server, {"text": D3_PANEL})
    assert status == 200 and "SUP201" in codes(answer)


def test_large_body_sent_whole_gets_413(server):
    body = json.dumps({"text": "a" * (3 * 1024 * 1024)}).encode()
    status, answer = api(server, body)
    assert status == 413 and answer["status"] == 413
    assert request(server)[0] == 200


def test_large_chunked_body_gets_413(server):
    head = b"POST /api/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"a" * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(MAX_BODY // len(chunk) + 1)) + b"0\r\n\r\n"
    assert _raw(server, head, body).startswith(b"HTTP/1.1 413 ")
    assert request(server)[0] == 200


def test_small_chunked_body_is_read(server):
    payload = json.dumps({"text": D3_PANEL}).encode()
    head = b"POST /api/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    answer = _raw(server, head, b"%x\r\n%s\r\n0\r\n\r\n" % (len(payload), payload))
    assert answer.startswith(b"HTTP/1.1 200 ")


def test_missing_length_is_411(server):
    answer = _raw(server, b"POST /api/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 411 ")


def test_a_stalled_client_does_not_hold_up_others(server):
    host, port = urllib.parse.urlsplit(server).hostname, urllib.parse.urlsplit(server).port
    with socket.create_connection((host, port), timeout=TIMEOUT) as stalled:
        stalled.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")  # and nothing more
        status, answer = api(server, {"text": D3_PANEL})
        assert status == 200 and "SUP201" in codes(answer)


# -- the command ---------------------------------------------------------------------------------------------------


def test_port_in_use_is_a_usage_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert "in use" in result.output and "Traceback" not in result.output


def test_binding_beyond_loopback_warns(tmp_path):
    log = (tmp_path / "stderr.txt").open("w+")
    process, url = _start("--host", "0.0.0.0", stderr=log)
    try:
        assert url.startswith("http://0.0.0.0:")
    finally:
        assert _stop(process) == 0
    log.seek(0)
    assert "warning" in log.read()


# -- in headless Chromium -------------------------------------------------------------------------------------------


def test_page_in_chromium(chromium, server, tmp_path):
    """Open the page, paste a lozenge panel and a multivitamin, submit, read the report and keep a screenshot."""
    from cdp import Browser

    lozenges = (
        "Zinc Lozenges\nSupplement Facts\nServing Size 1 Lozenge\nServings Per Container 60\n"
        "Amount Per Serving %Daily Value\nZinc (as zinc gluconate) 40 mg 364%\n"
    )
    profile = tmp_path / "profile"
    profile.mkdir()
    browser = Browser(chromium, profile, CHROMIUM_FLAGS)
    try:
        browser.open_page(1280, 1400)
        browser.navigate(server)
        assert browser.evaluate("document.querySelectorAll('textarea').length") == 2
        browser.evaluate(
            f"document.querySelector('#text').value = {json.dumps(lozenges)};"
            f"document.querySelector('#text-2').value = {json.dumps(MULTI)};"
            "document.querySelector('form').submit(); true"
        )
        browser.wait_for("Page.loadEventFired")
        sentences = browser.evaluate("[...document.querySelectorAll('li.sentence')].map(e => e.innerText)")
        over = browser.evaluate("[...document.querySelectorAll('table.daily tr.over th')].map(e => e.innerText)")
        dv_fill = browser.evaluate("document.querySelector('table.daily tr.over td:nth-child(5) .fill').className")
        browser.screenshot(tmp_path / "serve.png")
    finally:
        log = browser.close()
    # The first sentence says what is over the limit, by how much, and which product gives most of it.
    assert sentences and sentences[0].startswith("Taking these together gives you 53 mg of zinc a day")
    assert "40 mg upper limit" in sentences[0] and "Zinc Lozenges supplies 75% of it" in sentences[0]
    assert over and over[0].startswith("Zinc")
    assert dv_fill == "fill over"  # a %DV bar takes its row's upper-limit colour: never "within" when over
    assert (tmp_path / "serve.png").stat().st_size > 20_000
    assert [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line] == []


def test_example_stack_shopper_report_in_chromium(chromium, tmp_path):
    """`check --preset shopper --output-format html` of the example stack file, rendered: its first sentences say
    what is over the limit and which product gives most of it."""
    from cdp import Browser

    out = tmp_path / "day.html"
    result = CliRunner().invoke(
        cli,
        [
            "check",
            "--isolated",
            "--preset",
            "shopper",
            "--output-format",
            "html",
            "-o",
            str(out),
            str(ROOT / "examples/stacks/daily-stack.yaml"),
        ],
    )
    assert result.exit_code == 1, result.output
    profile = tmp_path / "profile"
    profile.mkdir()
    browser = Browser(chromium, profile, CHROMIUM_FLAGS)
    try:
        browser.open_page(1280, 1000)
        browser.navigate(out.as_uri())
        sentences = browser.evaluate("[...document.querySelectorAll('li.sentence')].map(e => e.innerText)")
        browser.screenshot(tmp_path / "day.png")
    finally:
        browser.close()
    assert sentences[0].startswith("Taking these together gives you 165 mcg of vitamin D a day")
    assert "Vitamin D3 5,000 IU with K2 (MK-7) supplies 76% of it" in sentences[0]
    assert sentences[1].startswith("Taking these together gives you 2,420 mg of calcium a day")
