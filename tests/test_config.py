"""Configuration files as a team uses them: discovery, precedence, per-file-ignores, options, and exit 2 on typos."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES, run_in_process

CALCIUM = EXAMPLES / "calcium-d3-tablet.yaml"  # 2,200 mg calcium a day: above the 51+ limit only
MAGNESIUM = EXAMPLES / "magnesium-glycinate.yaml"  # no consult note (SUP301 on line 16)
B12 = EXAMPLES / "b12-sublingual.yaml"  # SUP202 isolated megadose (B12 is its one nutrient)


@pytest.fixture
def site(tmp_path):
    """A small site: labels at the top, a legacy/ folder, and an articles/ folder with its own config."""
    for folder in ("labels", "legacy", "articles"):
        (tmp_path / folder).mkdir()
    shutil.copy(CALCIUM, tmp_path / "labels" / "calcium.yaml")
    shutil.copy(MAGNESIUM, tmp_path / "labels" / "magnesium.yaml")
    shutil.copy(B12, tmp_path / "labels" / "b12.yaml")
    shutil.copy(B12, tmp_path / "legacy" / "b12.yaml")
    return tmp_path


def findings(result) -> set[tuple[str, str, int, str]]:
    assert result.returncode in (0, 1), result.stderr
    return {(f["file"].replace("\\", "/"), f["code"], f["line"], f["severity"]) for f in json.loads(result.stdout)}


PYPROJECT = """\
[project]
name = "my-site"

[tool.supplint]
population = "adults-51+"
select = ["SUP2", "SUP301"]
severity = { SUP301 = "error" }
per-file-ignores = { "legacy/**" = ["SUP202"] }
"""


def test_pyproject_population_severity_and_per_file_ignores(site):
    (site / "pyproject.toml").write_text(PYPROJECT)
    found = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    assert ("labels/calcium.yaml", "SUP201", 19, "error") in found  # adults-51+ limit of 2,000 mg
    assert ("labels/magnesium.yaml", "SUP301", 16, "error") in found  # raised from warning
    assert ("labels/b12.yaml", "SUP202", 13, "warning") in found
    assert not any(f[0] == "legacy/b12.yaml" and f[1] == "SUP202" for f in found)  # ignored for legacy/**
    assert {f[1] for f in found} <= {"SUP201", "SUP202", "SUP203", "SUP301"}


def test_without_config_the_defaults_apply(site):
    found = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    assert ("labels/calcium.yaml", "SUP201", 19, "error") in found  # adults: the lowest band's 2,000 mg applies
    assert ("labels/magnesium.yaml", "SUP301", 16, "warning") in found


def test_population_from_config_changes_the_limit(site):
    (site / "supplint.toml").write_text('population = "adults-19-50"\n')
    found = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    assert ("labels/magnesium.yaml", "SUP301", 16, "warning") in found  # the run did check the labels
    assert not any(f[1] == "SUP201" and f[0] == "labels/calcium.yaml" for f in found)  # 2,200 mg is under 2,500


def test_closest_config_wins_and_files_are_not_merged(site):
    (site / "pyproject.toml").write_text(PYPROJECT)
    (site / "legacy" / "supplint.toml").write_text('select = ["SUP202"]\n')
    found = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    legacy = {f[1] for f in found if f[0].startswith("legacy/")}
    assert legacy == {"SUP202"}  # the closer file's select; the parent's per-file-ignores do not reach in


def test_dotted_file_wins_over_plain_and_pyproject_in_one_directory(site):
    (site / "pyproject.toml").write_text(PYPROJECT)
    (site / "supplint.toml").write_text('select = ["SUP202"]\n')
    (site / ".supplint.toml").write_text('select = ["SUP202"]\n')
    found = findings(run_in_process("check", "--output-format", "json", "labels", cwd=site))
    assert {f[1] for f in found} == {"SUP202"}


def test_command_line_beats_the_file(site):
    (site / "pyproject.toml").write_text(PYPROJECT)
    found = findings(
        run_in_process(
            "check", "--output-format", "json", "--population", "adults-19-50", "--select", "SUP201", "labels", cwd=site
        )
    )
    assert not found
    found = findings(run_in_process("check", "--output-format", "json", "--ignore", "SUP301", "labels", cwd=site))
    assert "SUP301" not in {f[1] for f in found} and "SUP201" in {f[1] for f in found}


def test_fail_on_from_config(site):
    (site / "supplint.toml").write_text('select = ["SUP202"]\nfail-on = "info"\n')
    assert run_in_process("check", "labels/b12.yaml", cwd=site).returncode == 1
    (site / "supplint.toml").write_text('select = ["SUP202"]\nfail-on = "error"\n')
    assert run_in_process("check", "labels/b12.yaml", cwd=site).returncode == 0
    assert run_in_process("check", "--fail-on", "info", "labels/b12.yaml", cwd=site).returncode == 1


def test_explicit_config_and_isolated(site, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("conf") / "strict.toml"
    elsewhere.write_text('select = ["SUP301"]\n')
    (site / "supplint.toml").write_text('select = ["SUP202"]\n')
    assert {
        f[1]
        for f in findings(
            run_in_process("check", "--output-format", "json", "--config", str(elsewhere), "labels", cwd=site)
        )
    } == {"SUP301"}
    isolated = {
        f[1] for f in findings(run_in_process("check", "--output-format", "json", "--isolated", "labels", cwd=site))
    }
    assert {"SUP202", "SUP301"} <= isolated


def test_rule_options_from_config(site):
    (site / "supplint.toml").write_text('select = ["SUP202"]\n[rules.isolated-megadose]\nmultiple = 500\n')
    assert not findings(run_in_process("check", "--output-format", "json", "labels/b12.yaml", cwd=site))  # 417x < 500x
    (site / "supplint.toml").write_text('select = ["SUP202"]\n[rules.SUP202]\nmultiple = 400\n')
    assert findings(run_in_process("check", "--output-format", "json", "labels/b12.yaml", cwd=site))


def test_include_and_exclude(site):
    (site / "supplint.toml").write_text('select = ["SUP202"]\nexclude = ["legacy/"]\n')
    found = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    assert {f[0] for f in found} == {"labels/b12.yaml"}
    # a file named on the command line is checked even when a pattern excludes it
    assert findings(run_in_process("check", "--output-format", "json", "legacy/b12.yaml", cwd=site))
    (site / "supplint.toml").write_text('select = ["SUP202"]\ninclude = ["legacy/*.yaml"]\n')
    everything = findings(run_in_process("check", "--output-format", "json", ".", cwd=site))
    assert {f[0] for f in everything} == {"legacy/b12.yaml"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('populaton = "adults"\n', "unknown key 'populaton'; did you mean 'population'?"),
        ('population = "adult"\n', "did you mean 'adults'?"),
        ('population = "pregnancy"\n', "unknown population"),
        ('select = ["SUP2O1"]\n', "did you mean 'SUP201'?"),
        ('severity = { SUP301 = "fatal" }\n', "severity.SUP301"),
        ('severity = { missing-consult-nte = "error" }\n', "did you mean 'missing-consult-note'?"),
        ('[rules.d3-without-k3]\nmin-vitamin-d = "25 mcg"\n', "did you mean 'd3-without-k2'?"),
        ('[rules.d3-without-k2]\nmin-vitamin = "25 mcg"\n', "did you mean 'min-vitamin-d'?"),
        ('[rules.d3-without-k2]\nmin-vitamin-d = "25 mg RAE"\n', "cannot be a daily amount of Vitamin D"),
        ("[rules.d3-without-k2]\nmin-vitamin-d = 25\n", "min-vitamin-d"),
        ("[rules.megadose]\nmultiple = -1\n", "positive number"),
        ('[rules.missing-consult-note]\npatterns = ["(unclosed"]\n', "bad regular expression"),
        ('per-file-ignores = { "x/*" = ["SUP77"] }\n', "unknown rule 'SUP77'"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_config_mistakes_are_exit_2_with_a_hint(site, text, message):
    (site / "supplint.toml").write_text(text)
    result = run_in_process("check", "labels", cwd=site)
    assert result.returncode == 2
    assert message in result.stderr and "supplint.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_without_our_table_is_not_a_config(site):
    (site / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert run_in_process("check", "labels", cwd=site).returncode == 1
    result = run_in_process("check", "--config", "pyproject.toml", "labels", cwd=site)
    assert result.returncode == 2 and "no [tool.supplint] table" in result.stderr


def test_config_and_isolated_together_is_a_usage_error(site):
    (site / "supplint.toml").write_text("")
    result = run_in_process("check", "--config", "supplint.toml", "--isolated", "labels", cwd=site)
    assert result.returncode == 2 and "--config and --isolated" in result.stderr


def test_stdin_filename_picks_the_config(site):
    (site / "legacy" / "supplint.toml").write_text('select = ["SUP202"]\nfail-on = "info"\n')
    text = B12.read_text()
    result = run_in_process(
        "check", "--output-format", "json", "--stdin-filename", "legacy/new.yaml", "-", stdin=text, cwd=site
    )
    assert {(f["file"], f["code"]) for f in json.loads(result.stdout)} == {("legacy/new.yaml", "SUP202")}
    assert result.returncode == 1


def test_force_exclude_applies_patterns_to_named_files(site):
    (site / "supplint.toml").write_text('select = ["SUP202"]\nexclude = ["legacy/"]\n')
    assert findings(run_in_process("check", "--output-format", "json", "legacy/b12.yaml", cwd=site))
    result = run_in_process(
        "check", "--output-format", "json", "--force-exclude", "legacy/b12.yaml", "labels/b12.yaml", cwd=site
    )
    assert {f[0] for f in findings(result)} == {"labels/b12.yaml"}
