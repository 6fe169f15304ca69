"""The command line as users and CI run it: real files, exit codes 0/1/2.

The commands run in-process (conftest.run_in_process); two tests start a real `python -m supplint` on purpose: the
version (the module entry point and `main` start and exit) and the exit statuses (what a shell sees through `main`'s
sys.exit, with standard output a real pipe)."""

from __future__ import annotations

import json
import os

import pytest

from conftest import EXAMPLES, run_cli, run_in_process

D3_ONLY = """\
product: D3 5000 Supplement
facts:
  - name: Vitamin D3
    amount: 125 mcg (5,000 IU)
warnings: Consult your healthcare provider before use.
"""


def test_concise_output_and_summary():
    result = run_in_process("check", "examples/d3-5000-softgel.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("examples/d3-5000-softgel.yaml:13:13: SUP101 [warning] ")
    assert lines[-1] == "Found 3 problems (1 error, 2 warnings) in 1 file."


def test_clean_file_exits_zero():
    result = run_in_process("check", "examples/d3-k2-softgel.yaml")
    assert (result.returncode, result.stdout) == (0, "No problems found in 1 file.\n")


def test_json_shape():
    result = run_in_process("check", "--output-format", "json", "examples/d3-5000-softgel.yaml")
    findings = json.loads(result.stdout)
    assert [f["code"] for f in findings] == ["SUP101", "SUP201", "SUP202"]
    assert set(findings[0]) == {
        "code",
        "name",
        "severity",
        "message",
        "hint",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }
    assert (findings[1]["line"], findings[1]["column"], findings[1]["end_line"], findings[1]["end_column"]) == (
        13,
        13,
        13,
        31,
    )


def test_json_lines_and_env_default(monkeypatch):
    monkeypatch.setenv("SUPPLINT_OUTPUT_FORMAT", "json-lines")
    result = run_in_process("check", "examples/d3-5000-softgel.yaml")
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["SUP101", "SUP201", "SUP202"]


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--select", "SUP2"], {"SUP201", "SUP202"}),
        (["--select", "d3-without-k2"], {"SUP101"}),
        (["--ignore", "SUP2"], {"SUP101"}),
        (["--ignore", "SUP2", "--extend-select", "SUP201"], {"SUP101", "SUP201"}),
        (["--select", "SUP201,SUP202", "--ignore", "isolated-megadose"], {"SUP201"}),
        (["--select", "ALL", "--ignore", "SUP"], set()),
    ],
)
def test_selection(args, codes):
    result = run_in_process("check", "--output-format", "json", *args, "examples/d3-5000-softgel.yaml")
    assert {f["code"] for f in json.loads(result.stdout)} == codes


def test_fail_on_and_exit_zero():
    assert run_cli("check", "--fail-on", "error", "examples/d-k1-drops.yaml").returncode == 0
    assert run_cli("check", "examples/d-k1-drops.yaml").returncode == 1
    assert run_cli("check", "--exit-zero", "examples/d3-5000-softgel.yaml").returncode == 0
    # info-only findings do not fail by default, but do under --fail-on info
    assert run_cli("check", "examples/bone-formula-k-unspecified.yaml").returncode == 0
    assert run_cli("check", "--fail-on", "info", "examples/bone-formula-k-unspecified.yaml").returncode == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no/such/file.yaml"], "no such file or directory"),
        (["check", "--select", "SUP999", "examples"], "unknown rule 'SUP999'"),
        (["check", "--select", "warnigns", "examples"], "unknown rule"),
        (["check", "--population", "toddlers", "examples"], "unknown population"),
        (["check", "--population", "adult", "examples"], "did you mean 'adults'"),
        (["check", "--output-format", "nope", "examples"], "Invalid value"),
        (["rule", "SUP777"], "unknown rule"),
        (["rule"], "give one rule"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, message):
    result = run_in_process(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_population_option():
    assert run_in_process("check", "--population", "adults-19-50", "examples/calcium-d3-tablet.yaml").returncode == 0
    result = run_in_process("check", "--population", "adults-51+", "examples/calcium-d3-tablet.yaml")
    assert result.returncode == 1 and ":19:13: SUP201 [error]" in result.stdout


def test_stdin_with_filename():
    result = run_in_process("check", "-", "--stdin-filename", "d3.yaml", stdin=D3_ONLY)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("d3.yaml:4:13: SUP101")


def test_directory_walk_checks_labels_and_pages_and_skips_hidden(tmp_path):
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "d3.yml").write_text(D3_ONLY)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "workflow.yaml").write_text("on: push\n")
    (tmp_path / "post.md").write_text("# A post\n\nOur pick: [D3](https://amzn.to/abc).\n")
    (tmp_path / "notes.txt").write_text("not a label\n")
    result = run_in_process("check", "--output-format", "json", str(tmp_path))
    found = {(f["file"], f["code"]) for f in json.loads(result.stdout)}
    assert {file for file, _ in found} == {str(tmp_path / "labels" / "d3.yml"), str(tmp_path / "post.md")}
    assert (str(tmp_path / "post.md"), "SUP401") in found


def test_no_path_means_current_directory(tmp_path):
    (tmp_path / "d3.yaml").write_text(D3_ONLY)
    result = run_in_process("check", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("d3.yaml:4:13: SUP101")


def test_output_file(tmp_path):
    target = tmp_path / "out.json"
    result = run_in_process("check", "--output-format", "json", "-o", str(target), "examples/d3-5000-softgel.yaml")
    assert result.returncode == 1 and result.stdout == ""
    assert len(json.loads(target.read_text())) == 3


def test_check_never_modifies_files(tmp_path):
    label = tmp_path / "d3.yaml"
    label.write_text(D3_ONLY)
    before = (label.read_bytes(), label.stat().st_mtime_ns)
    assert run_in_process("check", str(label)).returncode == 1  # it ran, found problems, and still wrote nothing
    assert (label.read_bytes(), label.stat().st_mtime_ns) == before


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rule_explains_by_code_or_name(fmt):
    by_code = run_in_process("rule", "SUP101", "--output-format", fmt)
    by_name = run_in_process("rule", "d3-without-k2", "--output-format", fmt)
    assert by_code.returncode == 0 and by_code.stdout == by_name.stdout
    assert "min-vitamin-d" in by_code.stdout and "Vitamin D3" in by_code.stdout


def test_rule_all_lists_every_rule_and_the_planned_ones():
    result = run_in_process("rule", "--all", "--output-format", "json")
    codes = [rule["code"] for rule in json.loads(result.stdout)]
    assert codes[:5] == ["SUP001", "SUP002", "SUP003", "SUP004", "SUP005"] and "SUP301" in codes
    assert codes[-1] == "SUP501" and len(codes) == len(set(codes))


def test_version():
    import supplint

    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"supplint {supplint.__version__}"


def test_examples_directory_runs_like_the_readme():
    result = run_in_process("check", str(EXAMPLES))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1].startswith("Found ")


def test_committed_rule_reference_is_current():
    result = run_in_process("rule", "--all", "--output-format", "markdown")
    committed = (EXAMPLES.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert result.stdout == committed, "regenerate: supplint rule --all --output-format markdown > docs/rules.md"


def test_statistics_counts_per_rule():
    result = run_in_process("check", "--statistics", "--select", "SUP1,SUP2", "examples/d3-5000-softgel.yaml")
    assert result.returncode == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows == [
        ["1", "SUP101", "d3-without-k2"],
        ["1", "SUP201", "above-upper-limit"],
        ["1", "SUP202", "isolated-megadose"],
    ]


def test_full_format_shows_the_line_and_a_caret_also_for_stdin():
    text = (EXAMPLES / "d3-5000-softgel.yaml").read_text()
    for args, stdin in ((["examples/d3-5000-softgel.yaml"], None), (["--stdin-filename", "d3.yaml", "-"], text)):
        result = run_in_process("check", "--output-format", "full", "--select", "SUP201", *args, stdin=stdin)
        lines = result.stdout.splitlines()
        source = next(line for line in lines if line.lstrip().startswith("13 |"))
        caret = lines[lines.index(source) + 1]
        assert source.index("125 mcg") == caret.index("^")


# The in-process helper stands in for a real run in most tests: it must give what a real process gives, and leave
# the test process as it found it.


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("check", "examples/d3-5000-softgel.yaml"), None),  # findings: 1
        (("check", "examples/d3-k2-softgel.yaml"), None),  # clean: 0
        (("check", "--select", "SUP999", "examples/d3-5000-softgel.yaml"), None),  # usage error: 2
        (("check", "--output-format", "json", "--stdin-filename", "d3.yaml", "-"), D3_ONLY),  # standard input
    ],
)
def test_in_process_runs_give_what_a_real_process_gives(args, stdin):
    real, here = run_cli(*args, stdin=stdin), run_in_process(*args, stdin=stdin)
    assert (here.returncode, here.stdout, here.stderr) == (real.returncode, real.stdout, real.stderr)


def test_in_process_runs_put_back_the_folder_and_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # a real run under GitHub Actions would default to github
    (tmp_path / "d3.yaml").write_text(D3_ONLY, encoding="utf-8")
    before = (os.getcwd(), dict(os.environ))
    result = run_in_process("check", "d3.yaml", cwd=tmp_path, env={"SUPPLINT_OUTPUT_FORMAT": "json"})
    assert {f["file"] for f in json.loads(result.stdout)} == {"d3.yaml"}
    assert (os.getcwd(), dict(os.environ)) == before
    assert run_in_process("check", "d3.yaml", cwd=tmp_path).stdout.startswith("d3.yaml:")  # concise, not github
