"""A real site's tree: only labels are labels, the repository's ignore files count, configs layer (issue 16).

Runs the CLI (in-process) on a site laid out as teams have it: a docker-compose file, CI workflows, a docs config,
a generated label git ignores, a legacy folder whose config extends the root's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_in_process

D3 = EXAMPLES / "d3-5000-softgel.yaml"  # SUP101, SUP201, SUP202 on line 13
CALCIUM = EXAMPLES / "calcium-d3-tablet.yaml"  # 2,200 mg calcium a day: SUP201 on line 19 unless adults-19-50


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("labels", "legacy", ".github/workflows", ".git/info", "generated"):
        (root / folder).mkdir(parents=True)
    (root / "docker-compose.yml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Vitamins\nnav:\n  - index.md\n", encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (root / ".github/workflows/ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    shutil.copy(D3, root / "labels" / "d3.yaml")
    shutil.copy(D3, root / "generated" / "d3.yaml")
    shutil.copy(D3, root / "labels" / "draft.yaml")
    shutil.copy(CALCIUM, root / "legacy" / "calcium.yaml")
    (root / ".gitignore").write_text("generated/\nlabels/draft.yaml\n", encoding="utf-8")
    return root


def checked(result) -> dict[str, list[tuple[str, int]]]:
    assert result.returncode in (0, 1), result.stderr
    out: dict[str, list[tuple[str, int]]] = {}
    for f in json.loads(result.stdout):
        out.setdefault(f["file"], []).append((f["code"], f["line"]))
    return out


def test_only_labels_are_linted_and_git_ignored_files_are_left_out(site):
    result = run_in_process("check", ".", "--output-format", "json", cwd=site)
    assert set(checked(result)) == {"labels/d3.yaml", "legacy/calcium.yaml"}
    assert checked(result)["labels/d3.yaml"] == [("SUP101", 13), ("SUP201", 13), ("SUP202", 13)]
    assert "docker-compose.yml" in result.stderr and "mkdocs.yml" in result.stderr  # said, not silently dropped


def test_files_pre_commit_passes_are_sniffed_too(site):
    """pre-commit names every YAML file; with --force-exclude the same rule decides what is a label."""
    result = run_in_process(
        "check",
        "--force-exclude",
        "--output-format",
        "json",
        "docker-compose.yml",
        ".github/workflows/ci.yml",
        ".pre-commit-config.yaml",
        "labels/d3.yaml",
        cwd=site,
    )
    assert set(checked(result)) == {"labels/d3.yaml"}


def test_a_file_named_on_the_command_line_is_checked_whatever_it_looks_like(site):
    result = run_in_process("check", "--output-format", "json", "docker-compose.yml", cwd=site)
    assert [code for code, _ in checked(result)["docker-compose.yml"]].count("SUP002") >= 1


def test_include_makes_any_yaml_a_label(site):
    (site / "supplint.toml").write_text('include = ["**/*.yml", "labels/**"]\n', encoding="utf-8")
    result = run_in_process("check", ".", "--output-format", "json", cwd=site)
    assert "docker-compose.yml" in checked(result)


def test_respect_gitignore_can_be_turned_off(site):
    (site / "supplint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    result = run_in_process("check", ".", "--output-format", "json", cwd=site)
    assert {"generated/d3.yaml", "labels/draft.yaml"} <= set(checked(result))


def test_nested_gitignore_and_negation(site):
    (site / "labels" / ".gitignore").write_text("*.yaml\n!d3.yaml\n", encoding="utf-8")
    shutil.copy(D3, site / "labels" / "other.yaml")
    (site / ".git" / "info" / "exclude").write_text("legacy/\n", encoding="utf-8")
    result = run_in_process("check", ".", "--output-format", "json", cwd=site)
    assert set(checked(result)) == {"labels/d3.yaml"}


def test_extend_inherits_then_overrides_key_by_key(site):
    (site / "supplint.toml").write_text(
        'population = "adults-19-50"\nper-file-ignores = {"labels/**" = ["SUP101"]}\n', encoding="utf-8"
    )
    (site / "legacy" / "supplint.toml").write_text(
        'extend = "../supplint.toml"\nignore = ["SUP301"]\n', encoding="utf-8"
    )
    shutil.copy(D3, site / "legacy" / "d3.yaml")
    found = checked(run_in_process("check", ".", "--output-format", "json", cwd=site))
    assert "legacy/calcium.yaml" not in found  # the root's population (19-50: 2,500 mg) reaches legacy/
    assert ("SUP101", 13) not in found["labels/d3.yaml"]
    assert ("SUP101", 13) in found["legacy/d3.yaml"]  # the inherited glob keeps the root's folder


def test_without_extend_the_closest_file_alone_applies(site):
    (site / "supplint.toml").write_text('population = "adults-19-50"\n', encoding="utf-8")
    (site / "legacy" / "supplint.toml").write_text('ignore = ["SUP301"]\n', encoding="utf-8")
    found = checked(run_in_process("check", "legacy", "--output-format", "json", cwd=site))
    assert found["legacy/calcium.yaml"] == [("SUP201", 19)]  # adults: the lowest adult limit, 2,000 mg


@pytest.mark.parametrize(
    ("root", "legacy", "blamed"),
    [
        ('extend = "legacy/supplint.toml"\n', 'extend = "../supplint.toml"\n', "supplint.toml"),
        ('populaton = "adults"\n', 'extend = "../supplint.toml"\n', "supplint.toml"),
        ("", 'extend = "../missing.toml"\n', "missing.toml"),
    ],
)
def test_a_broken_extend_chain_is_a_usage_error(site, root, legacy, blamed):
    (site / "supplint.toml").write_text(root, encoding="utf-8")
    (site / "legacy" / "supplint.toml").write_text(legacy, encoding="utf-8")
    result = run_in_process("check", "legacy", cwd=site)
    assert result.returncode == 2
    assert blamed in result.stderr and "Traceback" not in result.stderr


def test_show_files_lists_what_check_would_check(site):
    result = run_in_process("check", "--show-files", cwd=site)
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["labels/d3.yaml", "legacy/calcium.yaml"]


def test_show_settings_says_what_applies_through_extend(site):
    import tomllib

    (site / "supplint.toml").write_text(
        'population = "adults-19-50"\nper-file-ignores = {"legacy/**" = ["SUP101"]}\n[rules.megadose]\nmultiple = 12\n',
        encoding="utf-8",
    )
    (site / "legacy" / "supplint.toml").write_text('extend = "../supplint.toml"\nfail-on = "error"\n', encoding="utf-8")
    result = run_in_process("check", "--show-settings", "legacy/calcium.yaml", cwd=site)
    assert result.returncode == 0
    shown = tomllib.loads(result.stdout)
    assert shown["config-file"].endswith("legacy/supplint.toml")
    assert shown["extends"][0].endswith("site/supplint.toml")
    assert (shown["population"], shown["fail-on"], shown["ignored-here"]) == ("adults-19-50", "error", ["SUP101"])
    assert shown["rules"]["megadose"]["multiple"] == 12
    assert run_in_process("check", "--show-settings", "a.yaml", "b.yaml", cwd=site).returncode == 2


def test_a_big_folder_is_walked_in_sorted_order(tmp_path):
    """More names than the walk holds in one sorted run (4,096): the runs merge back into one sorted order."""
    names = [f"post-{i:05d}.md" for i in range(0, 9000, 2)] + ["Z.md", "a.md", "é.md", "post-4097.MD", "_.md"]
    names += ["notes.txt", ".hidden.md", "data.json"]  # not walked (a .txt only when `include` names it)
    for name in reversed(names):
        (tmp_path / name).write_text("# a post\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# a post\n", encoding="utf-8")
    result = run_in_process("check", "--isolated", "--show-files", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    walked = sorted(n for n in names if n.lower().endswith(".md") and not n.startswith("."))
    assert result.stdout.splitlines() == walked + ["sub/b.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_targets_reaching_one_file_check_it_once(site, jobs):
    for index in range(20):  # enough files for workers under --jobs 2
        shutil.copy(D3, site / "labels" / f"d3-{index:02}.yaml")
    result = run_in_process(
        "check", "labels", "labels/d3.yaml", "./labels", "--output-format", "json", "--jobs", jobs, cwd=site
    )
    found = checked(result)
    assert sorted(found) == sorted([f"labels/d3-{i:02}.yaml" for i in range(20)] + ["labels/d3.yaml"])
    assert all(codes == [("SUP101", 13), ("SUP201", 13), ("SUP202", 13)] for codes in found.values())
