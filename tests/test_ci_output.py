"""The CI output formats (sarif, github, gitlab, junit), through the CLI on the bundled examples.

SARIF is validated against the official OASIS SARIF 2.1.0 JSON schema carried in tests/data (see its README).
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator

from conftest import EXAMPLES, ROOT, run_cli
from supplint.findings import Finding
from test_examples import EXPECTED

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
#: sha256 of the schema file as obtained (tests/data/README.md): a changed byte would go unnoticed otherwise.
SCHEMA_SHA256 = "ddddcccbf95c7c50c037b5b07eff4140556278ca574ff374db46786b5fce7949"
LABELS = sorted(p.relative_to(ROOT).as_posix() for p in EXAMPLES.rglob("*.yaml"))
#: A file name and label text with every character the formats must escape: markup, %, quotes, a comma and a
#: colon (workflow-command property separators), a newline (in a message) and a non-ASCII µ.
TRICKY_NAME = 'we<i>rd & "µ" 100%, a:b.yaml'
TRICKY_LABEL = (
    'product: "Trace <Minerals> & more"\n'
    "identity: Dietary Supplement\n"
    "serving: {size: 1 capsule}\n"
    "facts:\n"
    '  - {name: "Selenium <b>&amp; \\"50%\\"\\nline two", amount: 55 µg}\n'
)
#: RFC 3986 URI-reference characters (unreserved, reserved, and % for percent-encoding).
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def check(fmt: str, *paths: str, cwd: Path | None = None, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    result = run_cli("check", "--output-format", fmt, *extra, *paths, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result


def findings_json(*paths: str, cwd: Path | None = None) -> list[dict]:
    return json.loads(check("json", *paths, cwd=cwd).stdout)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def examples_sarif() -> dict:
    return json.loads(check("sarif", *LABELS).stdout)


@pytest.fixture(scope="module")
def examples_json() -> list[dict]:
    return findings_json(*LABELS)


@pytest.fixture
def tricky(tmp_path) -> Path:
    (tmp_path / TRICKY_NAME).write_text(TRICKY_LABEL, encoding="utf-8")
    return tmp_path


def _key(f: dict) -> tuple:
    return f["file"], f["line"], f["column"], f["end_line"], f["end_column"], f["code"]


# ------------------------------------------------------------------------------------------------------ schema


def test_carried_schema_is_the_official_sarif_2_1_0_schema(schema):
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    Draft4Validator.check_schema(schema)


# ------------------------------------------------------------------------------------------------------- SARIF


def _validate(log: dict, schema: dict) -> None:
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _uris(value) -> list[str]:
    """Every value of a key named uri or ending in Uri, anywhere in the log."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (key == "uri" or key.endswith("Uri")):
                found.append(item)
            else:
                found += _uris(item)
    elif isinstance(value, list):
        for item in value:
            found += _uris(item)
    return found


def test_sarif_on_the_examples_is_valid_sarif_2_1_0(examples_sarif, schema):
    _validate(examples_sarif, schema)
    assert examples_sarif["version"] == "2.1.0"
    assert examples_sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = examples_sarif["runs"]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert all(URI_CHARS.match(uri) for uri in _uris(examples_sarif))


def test_sarif_driver_lists_every_implemented_rule_once(examples_sarif):
    import supplint
    from supplint.ruleset.registry import registry

    driver = examples_sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "supplint"
    assert driver["version"] == driver["semanticVersion"] == supplint.__version__
    assert driver["informationUri"] == "https://github.com/supplint/supplint"
    specs = registry().rules
    assert [rule["id"] for rule in driver["rules"]] == list(specs)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in driver["rules"]:
        spec = specs[rule["id"]]
        assert rule["name"] == spec.name
        assert rule["shortDescription"]["text"] == spec.summary
        assert rule["defaultConfiguration"]["level"] == levels[spec.severity]
        assert rule["helpUri"].endswith("/docs/rules.md#" + f"{spec.code}-{spec.name}".lower())
        assert " ".join(spec.rationale.split()) in rule["help"]["text"]
        assert "What to do:" in rule["help"]["text"]
        assert rule["help"]["markdown"].startswith(f"## {spec.code} {spec.name}")
        tags = rule["properties"]["tags"]
        assert tags[0] in {"label-format", "vitamin-d-and-k", "amounts", "statements-and-claims", "pages", "stack"}
        assert ("provisional" in tags) == spec.provisional
        assert ("fixable" in tags) == bool(spec.fix)


def test_sarif_help_uris_point_at_headings_of_docs_rules_md(examples_sarif):
    from supplint.report.links import heading_anchor

    assert heading_anchor("SUP201 above-upper-limit") == "sup201-above-upper-limit"
    headings = re.findall(r"^## (SUP\d{3} [a-z0-9-]+)$", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), re.M)
    by_code = {rule["id"]: rule["helpUri"] for rule in examples_sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert headings
    for heading in headings:
        code = heading.split()[0]
        if code in by_code:
            assert by_code[code] == (
                "https://github.com/supplint/supplint/blob/main/docs/rules.md#" + heading_anchor(heading)
            )


def test_repository_url_is_the_one_in_pyproject():
    from supplint.report.links import REPOSITORY

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Documentation"].split("#")[0].rstrip("/") == REPOSITORY


def test_sarif_results_are_the_findings_at_their_lines(examples_sarif, examples_json):
    (run,) = examples_sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    from_sarif = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        artifact, region = location["physicalLocation"]["artifactLocation"], location["physicalLocation"]["region"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        from_sarif.append(
            (
                unquote(artifact["uri"]),
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
                result["ruleId"],
            )
        )
    assert sorted(from_sarif) == sorted(_key(f) for f in examples_json)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert Counter(r["level"] for r in run["results"]) == Counter(levels[f["severity"]] for f in examples_json)
    by_file: dict[str, list] = {}
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_file.setdefault(uri.removeprefix("examples/"), []).append(
            (result["ruleId"], result["locations"][0]["physicalLocation"]["region"]["startLine"])
        )
    labels = {label.removeprefix("examples/") for label in LABELS}
    assert labels <= set(EXPECTED)
    for name in labels:
        assert sorted(by_file.get(name, [])) == sorted(EXPECTED[name]), name


def test_sarif_message_carries_the_hint(examples_sarif, examples_json):
    texts = {r["message"]["text"] for r in examples_sarif["runs"][0]["results"]}
    for f in examples_json:
        assert (f["message"] + (f"\nhelp: {f['hint']}" if f["hint"] else "")) in texts


@pytest.mark.parametrize(
    ("label", "code"),
    [("examples/legacy-vitamin-d-400iu.yaml", "SUP206"), ("examples/selenium-chromium-ug.yaml", "SUP208")],
)
def test_sarif_fixes_for_fixable_findings(label, code, schema):
    log = json.loads(check("sarif", label).stdout)
    _validate(log, schema)
    results = log["runs"][0]["results"]
    fixable = {(f["line"], f["column"]): f["fix"] for f in findings_json(label) if f["fix"]}
    assert fixable and any(r["ruleId"] == code and "fixes" in r for r in results)
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        fix = fixable.get((region["startLine"], region["startColumn"]))
        if fix is None:
            assert "fixes" not in result
            continue
        (sarif_fix,) = result["fixes"]
        assert sarif_fix["description"]["text"]
        (change,) = sarif_fix["artifactChanges"]
        assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert [
            (
                r["deletedRegion"]["startLine"],
                r["deletedRegion"]["startColumn"],
                r["deletedRegion"]["endLine"],
                r["deletedRegion"]["endColumn"],
                r["insertedContent"]["text"],
            )
            for r in change["replacements"]
        ] == [(e["line"], e["column"], e["end_line"], e["end_column"], e["content"]) for e in fix["edits"]]


def _fingerprints(log: dict) -> dict[tuple[str, str], str]:
    return {
        (r["ruleId"], r["message"]["text"]): r["partialFingerprints"]["supplint/v1"] for r in log["runs"][0]["results"]
    }


def test_sarif_fingerprints_are_stable_and_ignore_line_shifts(tmp_path):
    label = tmp_path / "label.yaml"
    shutil.copy(EXAMPLES / "d3-5000-softgel.yaml", label)
    first = json.loads(check("sarif", "label.yaml", cwd=tmp_path).stdout)
    again = json.loads(check("sarif", "label.yaml", cwd=tmp_path).stdout)
    label.write_text("\n" + label.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = json.loads(check("sarif", "label.yaml", cwd=tmp_path).stdout)
    assert len(_fingerprints(first)) == len(first["runs"][0]["results"]) == 3
    assert _fingerprints(first) == _fingerprints(again) == _fingerprints(shifted)
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in first["runs"][0]["results"]]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in shifted["runs"][0]["results"]] == [
        line + 1 for line in lines
    ]


def test_sarif_fingerprints_are_unique_in_a_run(examples_sarif):
    prints = [r["partialFingerprints"]["supplint/v1"] for r in examples_sarif["runs"][0]["results"]]
    assert len(prints) == len(set(prints))


def test_sarif_for_a_clean_file_is_a_valid_empty_run(schema):
    log = json.loads(check("sarif", "examples/vitamin-d-10mcg.yaml").stdout)
    _validate(log, schema)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"]


def test_sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris(tricky, schema):
    log = json.loads(check("sarif", TRICKY_NAME, cwd=tricky).stdout)
    _validate(log, schema)
    for result in log["runs"][0]["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert URI_CHARS.match(artifact["uri"]) and unquote(artifact["uri"]) == TRICKY_NAME
        assert artifact["uriBaseId"] == "%SRCROOT%"
    absolute = json.loads(check("sarif", str(tricky / TRICKY_NAME)).stdout)
    _validate(absolute, schema)
    artifact = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == (tricky / TRICKY_NAME).as_uri() and "uriBaseId" not in artifact


# ------------------------------------------------------------------------------------------------------ github

GITHUB_LINE = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_github(stdout: str) -> list[dict]:
    parsed = []
    for line in stdout.splitlines():
        match = GITHUB_LINE.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        parsed.append(
            {
                "command": match["command"],
                **{k: _unescape(v) for k, v in properties.items()},
                "message": _unescape(match["message"]),
            }
        )
    return parsed


def test_github_annotations_parse_back_to_the_findings(examples_json):
    result = check("github", *LABELS)
    commands = parse_github(result.stdout)
    assert len(commands) == len(examples_json)
    severity = {"error": "error", "warning": "warning", "info": "notice"}
    for command, f in zip(commands, examples_json, strict=True):
        assert (
            command["file"],
            int(command["line"]),
            int(command["col"]),
            int(command["endLine"]),
            int(command["endColumn"]),
        ) == (f["file"], f["line"], f["column"], f["end_line"], f["end_column"])
        assert command["command"] == severity[f["severity"]]
        assert command["title"] == f"{f['code']} {f['name']}"
        # file:line stays in the text: the log alone says where each problem is
        assert command["message"].startswith(f"{f['file']}:{f['line']}:{f['column']}: {f['code']} {f['message']}")
    assert {"error", "warning", "notice"} <= {c["command"] for c in commands}


def test_github_summary_goes_to_stderr_and_not_with_quiet():
    result = check("github", "examples/d3-5000-softgel.yaml")
    assert result.stderr.startswith("Found 3 problems (1 error, 2 warnings) in 1 file.")
    assert all(line.startswith("::") for line in result.stdout.splitlines())
    quiet = check("github", "examples/d3-5000-softgel.yaml", extra=("--quiet",))
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_github_escaping():
    from supplint.report.github import GithubReporter, escape_data, escape_property

    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("100%\r\nnext: a, b") == "100%25%0D%0Anext%3A a%2C b"
    f = Finding("SUP208", "error-prone-unit", "info", "a: b, 5% µg\nline two", "d,i:r/f.yaml", 3, 4, 3, 9, "write mcg")
    line = GithubReporter.command(f)
    assert "\n" not in line and line.startswith("::notice file=d%2Ci%3Ar/f.yaml,line=3,col=4,endLine=3,endColumn=9,")
    (parsed,) = parse_github(line)
    assert parsed["file"] == f.file
    assert parsed["message"] == "d,i:r/f.yaml:3:4: SUP208 a: b, 5% µg\nline two\nhelp: write mcg"


# ------------------------------------------------------------------------------------------------------ gitlab


def test_gitlab_code_quality_report(examples_json):
    issues = json.loads(check("gitlab", *LABELS).stdout)
    assert len(issues) == len(examples_json)
    severity = {"error": "major", "warning": "minor", "info": "info"}
    for issue, f in zip(issues, examples_json, strict=True):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert all(isinstance(issue[k], str) and issue[k] for k in ("description", "check_name", "fingerprint"))
        assert issue["severity"] == severity[f["severity"]]
        assert issue["check_name"] == f"{f['code']} {f['name']}"
        assert f["message"] in issue["description"]
        assert issue["location"] == {"path": f["file"], "lines": {"begin": f["line"], "end": f["end_line"]}}
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_are_stable_and_ignore_line_shifts(tmp_path):
    label = tmp_path / "label.yaml"
    shutil.copy(EXAMPLES / "selenium-chromium-ug.yaml", label)
    first = json.loads(check("gitlab", "label.yaml", cwd=tmp_path).stdout)
    label.write_text("\n\n" + label.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = json.loads(check("gitlab", "label.yaml", cwd=tmp_path).stdout)
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in shifted]
    assert [i["location"]["lines"]["begin"] + 2 for i in first] == [i["location"]["lines"]["begin"] for i in shifted]


def test_identical_findings_in_one_file_get_distinct_fingerprints():
    from supplint.report.gitlab import GitlabReporter

    out = io.StringIO()
    reporter = GitlabReporter(out)
    same = [
        Finding("SUP208", "error-prone-unit", "warning", "writes ug", "a.yaml", line, 1, line, 3) for line in (3, 7)
    ]
    reporter.add(same)
    reporter.add([Finding("SUP208", "error-prone-unit", "warning", "writes ug", "b.yaml", 3, 1, 3, 3)])
    reporter.close(2)
    prints = [issue["fingerprint"] for issue in json.loads(out.getvalue())]
    assert len(set(prints)) == 3


def test_gitlab_with_no_findings_is_an_empty_array():
    assert json.loads(check("gitlab", "examples/vitamin-d-10mcg.yaml").stdout) == []


# ------------------------------------------------------------------------------------------------------- junit


def test_junit_report_counts_and_failures(examples_json):
    root = ET.fromstring(check("junit", *LABELS).stdout)
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite" and suite.get("name") == "supplint"
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    failing = [f for f in examples_json if f["severity"] != "info"]  # the default --fail-on is warning
    clean_files = len(LABELS) - len({f["file"] for f in examples_json})
    assert clean_files > 0 and len(failing) < len(examples_json)
    for element in (root, suite):
        assert int(element.get("tests")) == len(cases) == len(examples_json) + clean_files
        assert int(element.get("failures")) == len(failures) == len(failing)
        assert element.get("errors") == "0"
    noted = [c for c in cases if c.find("system-out") is not None]
    assert len(noted) == len(examples_json) - len(failing)
    passing = [c for c in cases if c.find("failure") is None and c.find("system-out") is None]
    assert {c.get("name") for c in passing} == {"no problems"}
    assert sorted(c.get("classname") for c in passing) == sorted(set(LABELS) - {f["file"] for f in examples_json})
    assert len(passing) == clean_files
    for case, f in zip(failures, failing, strict=True):
        (failure,) = case.findall("failure")
        assert case.get("classname") == case.get("file") == f["file"]
        assert case.get("name") == f"{f['code']} {f['name']} ({f['line']}:{f['column']})"
        assert case.get("line") == str(f["line"])
        assert failure.get("type") == f["code"] and failure.get("message") == f["message"]
        assert failure.text.startswith(f"{f['file']}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}]")


def test_junit_names_clean_files_when_the_caller_gives_their_paths():
    from supplint.report.junit import JunitReporter

    out = io.StringIO()
    reporter = JunitReporter(out)
    reporter.add([], path="clean.yaml")
    reporter.add(
        [Finding("SUP301", "missing-consult-note", "warning", "no consult note", "dirty.yaml", 1, 1, 1, 1)],
        path="dirty.yaml",
    )
    reporter.add([])
    reporter.close(3)
    suite = ET.fromstring(out.getvalue()).find("testsuite")
    cases = [(c.get("classname"), c.get("name"), c.find("failure") is not None) for c in suite]
    assert cases == [
        ("clean.yaml", "no problems", False),
        ("dirty.yaml", "SUP301 missing-consult-note (1:1)", True),
        ("supplint", "1 file with no problems", False),
    ]
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")


def test_junit_replaces_characters_xml_cannot_carry():
    from supplint.report.junit import JunitReporter

    out = io.StringIO()
    reporter = JunitReporter(out)
    reporter.add([Finding("SUP002", "invalid-label", "error", "bell \x07 and nul \x00 <&>", "a\x1b.yaml", 2, 1, 2, 5)])
    reporter.close(1)
    failure = ET.fromstring(out.getvalue()).find("testsuite/testcase/failure")
    assert failure.get("message") == "bell \ufffd and nul \ufffd <&>"


def test_junit_with_an_ascii_only_stream_uses_character_references():
    from supplint.report.junit import JunitReporter

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    reporter = JunitReporter(stream)
    reporter.add([Finding("SUP208", "error-prone-unit", "warning", "55 µg", "µ.yaml", 2, 1, 2, 5)])
    reporter.close(1)
    stream.flush()
    assert b"&#181;" in raw.getvalue()
    assert ET.fromstring(raw.getvalue()).find("testsuite/testcase/failure").get("message") == "55 µg"


# ------------------------------------------------------------------------------------- special characters, all


def test_special_characters_survive_every_format(tricky, schema):
    (expected,) = [f for f in findings_json(TRICKY_NAME, cwd=tricky) if f["code"] == "SUP208"]
    message = expected["message"]
    assert all(part in message for part in ("<b>", "&amp;", '"50%"', "\n", "µ"))
    assert expected["file"] == TRICKY_NAME

    log = json.loads(check("sarif", TRICKY_NAME, cwd=tricky).stdout)
    _validate(log, schema)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "SUP208"]
    assert result["message"]["text"].startswith(message)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "mcg"

    commands = parse_github(check("github", TRICKY_NAME, cwd=tricky).stdout)
    (command,) = [c for c in commands if c["title"] == "SUP208 error-prone-unit"]
    assert command["file"] == TRICKY_NAME
    assert command["message"].startswith(f"{TRICKY_NAME}:{expected['line']}:{expected['column']}: SUP208 {message}")

    issues = json.loads(check("gitlab", TRICKY_NAME, cwd=tricky).stdout)
    (issue,) = [i for i in issues if i["check_name"].startswith("SUP208")]
    assert message in issue["description"] and issue["location"]["path"] == TRICKY_NAME

    suite = ET.fromstring(check("junit", TRICKY_NAME, cwd=tricky).stdout).find("testsuite")
    (failure,) = [
        c.find("failure") for c in suite if c.find("failure") is not None and c.find("failure").get("type") == "SUP208"
    ]
    assert failure.get("message") == message
    assert message in failure.text
    assert all(c.get("classname") == TRICKY_NAME for c in suite)


# ------------------------------------------------------------------------------------------------ registration


def test_a_run_imports_only_its_own_format():
    code = (
        "import sys; from supplint.cli import main; sys.argv = ['supplint', 'check', '--output-format', 'sarif', "
        "'examples/d3-5000-softgel.yaml']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('supplint.report.')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "supplint.report.sarif" in loaded
    assert not loaded & {
        "supplint.report.concise",
        "supplint.report.github",
        "supplint.report.gitlab",
        "supplint.report.junit",
        "supplint.report.html",
        "supplint.report.full",
    }


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "junit"])
def test_output_file_and_exit_status(fmt, tmp_path):
    target = tmp_path / f"report.{fmt}"
    result = run_cli("check", "--output-format", fmt, "-o", str(target), "examples/d3-5000-softgel.yaml")
    assert result.returncode == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8").strip()
    assert run_cli("check", "--output-format", fmt, "--exit-zero", "examples/d3-5000-softgel.yaml").returncode == 0


def test_rdjson_has_every_finding_with_byte_columns_and_fixes_as_suggestions():
    label = "examples/selenium-chromium-ug.yaml"
    rd = json.loads(run_cli("check", "--output-format", "rdjson", label).stdout)
    plain = json.loads(run_cli("check", "--output-format", "json", label).stdout)
    assert rd["source"]["name"] == "supplint"
    assert [(d["code"]["value"], d["location"]["range"]["start"]["line"]) for d in rd["diagnostics"]] == [
        (f["code"], f["line"]) for f in plain
    ]
    lines = (ROOT / label).read_text(encoding="utf-8").splitlines()
    for d, f in zip(rd["diagnostics"], plain, strict=True):
        assert d["severity"] == f["severity"].upper()
        start = d["location"]["range"]["start"]
        assert start["column"] == len(lines[f["line"] - 1][: f["column"] - 1].encode("utf-8")) + 1
        if f["fix"]:
            assert [s["text"] for s in d["suggestions"]] == [e["content"] for e in f["fix"]["edits"]]
    assert any(s["text"] == "mcg" for d in rd["diagnostics"] for s in d.get("suggestions", []))
    assert (
        json.loads(run_cli("check", "--output-format", "rdjson", "examples/d3-k2-softgel.yaml").stdout)["diagnostics"]
        == []
    )


def test_junit_fails_only_what_fails_the_run():
    """--fail-on error: warnings are reported but pass, as the exit status 0 says."""
    from xml.etree import ElementTree

    label = "examples/d3-5000-softgel.yaml"  # SUP201 (error), SUP101 and SUP202 (warnings)
    strict = ElementTree.fromstring(run_cli("check", "--output-format", "junit", label).stdout)
    lenient_run = run_cli("check", "--output-format", "junit", "--fail-on", "error", label)
    lenient = ElementTree.fromstring(lenient_run.stdout)
    assert strict.get("failures") == "3" and lenient.get("failures") == "1"
    failing = [case.get("name").split()[0] for case in lenient.iter("testcase") if case.find("failure") is not None]
    assert failing == ["SUP201"] and lenient_run.returncode == 1
    assert len([case for case in lenient.iter("testcase") if case.find("system-out") is not None]) == 2
