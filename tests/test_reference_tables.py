"""The reference tables are validated as the rule packs are: a misspelt key, a figure with no source, a source or a
nutrient that is not defined, a unit no label could print, each ends the run with exit 2 naming the file, the row and
the key (a copy of rules/ with one mistake, pointed at with SUPPLINT_RULES_DIR)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from supplint.shipped import files as data

ROOT = Path(__file__).resolve().parents[1]


def check_with(rules: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """A real process: the rules directory is read once per process."""
    env = {"SUPPLINT_RULES_DIR": str(rules), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")}
    return run_cli("check", "examples/d3-k2-softgel.yaml", env=env)


@pytest.mark.parametrize(
    ("table", "old", "new", "said"),
    [
        # a misspelt key: before the tables were validated, the UL's sources were silently dropped
        (
            "nutrients",
            "    covers: total intake\n    source: [S10]",
            "    covers: total intake\n    sources: [S10]",
            "data/nutrients.yaml is invalid:\n  vitamin-d, ul.source: missing\n"
            "  vitamin-d, ul.sources: unknown key (a misspelt key would drop its figure)",
        ),
        (
            "nutrients",
            "adults: {amount: 20, source: [S57, S58]}",
            "adults: {amount: 20, source: []}",
            "  vitamin-d, dv.adults.source: empty: every figure names its source",
        ),
        ("nutrients", "  name: Vitamin D\n  unit: mcg\n", "  name: Vitamin D\n  unit: mcgs\n", "  vitamin-d, unit: "),
        (
            "conversions",
            "- {nutrient: vitamin-d, from: IU, to: mcg, factor: 0.025, source: [S13, S14, S10]}",
            "- {nutrient: vitamin-d, from: IU, to: mcg, factor: 0.025, source: [S13, S14, S100]}",
            "data/conversions.yaml: row 1 cites S100, which data/sources.yaml does not define",
        ),
        (
            "conversions",
            "- {nutrient: vitamin-d, from: IU, to: mcg, factor: 0.025, source: [S13, S14, S10]}",
            "- {nutrient: vitamin-dd, from: IU, to: mcg, factor: 0.025, source: [S13, S14, S10]}",
            "names nutrient 'vitamin-dd', which data/nutrients.yaml does not define; did you mean 'vitamin-d'?",
        ),
        (
            "populations",
            'adults-71+:      {description: "adults 71+", bands: [71+], dv-set: adults}',
            'adults-71+:      {description: "adults 71+", band: [71+], dv-set: adults}',
            "data/populations.yaml is invalid:\n  adults-71+, band: unknown key",
        ),
    ],
    ids=[
        "misspelt-key",
        "figure-without-source",
        "unit-no-label-prints",
        "undefined-source",
        "undefined-nutrient",
        "population-key",
    ],
)
def test_a_mistake_in_a_reference_table_is_a_clear_error(tmp_path, table, old, new, said):
    rules = tmp_path / "rules"
    shutil.copytree(data.rules_dir() / "data", rules / "data")
    shutil.copytree(data.rules_dir() / "packs", rules / "packs")
    shutil.copy(data.rules_dir() / "catalogue.yaml", rules)
    path = rules / "data" / f"{table}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_with(rules, tmp_path)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr
    assert "Traceback" not in result.stderr and "pydantic" not in result.stderr


def test_the_shipped_tables_are_valid_and_every_figure_has_its_source():
    from supplint.reference.tables import reference

    ref = reference()
    assert all(dv.sources for nutrient in ref.nutrients.values() for dv in nutrient.dv_sets.values())
    assert all(nutrient.ul.sources for nutrient in ref.nutrients.values() if nutrient.ul is not None)
    assert all(conv.sources for convs in ref.conversions.values() for conv in convs)
