"""Panels as people paste them from product pages (tests/fixtures/panels/pasted/, each with the public page it is
modelled on in its .expected.yaml): `supplint import text` gives the expected label and notes, `supplint check` on
the .txt gives findings at the panel's lines, and a panel with several serving columns is refused, never guessed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, amount_origins
from supplint.cli import cli
from supplint.importers.text import import_panel

PASTED = ROOT / "tests" / "fixtures" / "panels" / "pasted"
FIXTURES = sorted(PASTED.glob("*.txt"))
BROKEN = {"SUP001", "SUP002", "SUP003", "SUP004"}


def _expected(fixture: Path) -> dict:
    return yaml.safe_load(fixture.with_suffix(".expected.yaml").read_text(encoding="utf-8"))


def _invoke(*args: str, stdin: str | None = None):
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    assert "Traceback" not in result.stderr
    return result


def _note_lines(stderr: str, name: str) -> list[int]:
    lines = []
    for line in stderr.splitlines():
        assert line.startswith(f"supplint: note: {name}: "), line
        found = re.match(r"line (\d+):", line.removeprefix(f"supplint: note: {name}: "))
        lines.append(int(found[1]) if found else 0)
    return lines


def _findings(*args: str, stdin: str | None = None) -> tuple[list[dict], str]:
    result = _invoke("check", "--output-format", "json", *args, stdin=stdin)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout), result.stderr


def test_there_are_enough_pasted_panels_each_with_its_source():
    assert len(FIXTURES) >= 14
    for fixture in FIXTURES:
        expected = _expected(fixture)
        assert expected["source"].startswith(("https://", "http://")), fixture.name
        assert ("label" in expected) != ("refused" in expected), fixture.name


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_import_text_gives_the_expected_label(fixture):
    expected = _expected(fixture)
    result = _invoke("import", "text", str(fixture))
    if "refused" in expected:
        assert result.exit_code == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"supplint: error: {fixture}: ")
        return
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout) == expected["label"]
    assert _note_lines(result.stderr, str(fixture)) == expected["note_lines"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_check_on_the_txt_reads_the_panel(fixture):
    expected = _expected(fixture)
    findings, stderr = _findings(str(fixture))
    assert all(f["file"] == str(fixture) for f in findings)
    if "refused" in expected:  # one finding, at the line that says why, and nothing else
        assert [(f["code"], f["line"]) for f in findings] == [("SUP001", expected["refused"]["line"])]
        return
    assert not {f["code"] for f in findings} & BROKEN, findings
    # the importer's notes that are no finding come out as the run's notes, at the same lines
    assert sorted(_note_lines(stderr, str(fixture))) == sorted(expected["note_lines"])


def test_a_pasted_d3_panel_draws_the_upper_limit_at_its_line():
    fixture = PASTED / "d3-pipes.txt"
    findings, _ = _findings(str(fixture))
    above = [f for f in findings if f["code"] == "SUP201"]
    row = 6  # "Vitamin D3 (as Cholecalciferol) | 125 mcg (5,000 IU) | 625% | |"
    assert [(f["line"], f["column"]) for f in above] == [
        (row, fixture.read_text().splitlines()[row - 1].index("125") + 1)
    ]


def test_repaired_mojibake_keeps_the_columns_of_the_pasted_text():
    fixture = PASTED / "multivitamin-mojibake.txt"
    lines = fixture.read_text(encoding="utf-8").splitlines()
    findings, _ = _findings(str(fixture))
    where = {(f["code"], f["line"]): f["column"] for f in findings}
    d3 = next(number for number, line in enumerate(lines, 1) if line.startswith("Vitamin D3"))
    assert "Âµg" in lines[d3 - 1]  # the fixture really is mojibake
    assert where[("SUP208", d3)] == lines[d3 - 1].index("25 ") + 1  # 'µg' flagged at the amount as pasted


def test_unreadable_rows_are_findings_at_their_lines():
    findings, _ = _findings(str(ROOT / "tests" / "fixtures" / "panels" / "messy-ocr.txt"))
    broken = sorted((f["line"], f["code"]) for f in findings if f["code"] in BROKEN)
    # no unit, no amount ("l00 mg"), no row at all, a comma that is not a thousands separator
    assert broken == [(8, "SUP004"), (9, "SUP002"), (10, "SUP002"), (11, "SUP004")]


def test_an_unknown_unit_in_a_pasted_row_is_sup003(write):
    path = write("p.txt", "P\nSupplement Facts\nServing Size 1 Tablet\nVitamin C 90 mg 100%\nZinc 11 mgg 100%\n")
    findings, _ = _findings(str(path))
    assert [(f["code"], f["line"]) for f in findings if f["code"] in BROKEN] == [("SUP003", 5)]


def test_a_txt_that_is_not_a_panel_is_one_finding(write):
    path = write("notes.txt", "Remember to buy milk.\nAnd eggs.\n")
    findings, _ = _findings(str(path))
    assert [(f["code"], f["line"], f["file"]) for f in findings] == [("SUP001", 1, str(path))]
    assert "import text" in findings[0]["hint"]


def test_standard_input_with_a_txt_name_is_read_as_a_panel():
    text = (PASTED / "d3-pipes.txt").read_text(encoding="utf-8")
    findings, _ = _findings("-", "--stdin-filename", "pasted.txt", stdin=text)
    assert ("SUP201", 6, "pasted.txt") in {(f["code"], f["line"], f["file"]) for f in findings}


def test_import_text_reads_standard_input():
    text = (PASTED / "zinc-each-tablet-dot-leaders.txt").read_text(encoding="utf-8")
    result = _invoke("import", "text", "-", stdin=text)
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == _expected(PASTED / "zinc-each-tablet-dot-leaders.txt")["label"]


def test_walked_txt_files_are_checked_only_when_include_names_them(tmp_path, monkeypatch):
    (tmp_path / "panels").mkdir()
    (tmp_path / "panels" / "d3.txt").write_text((PASTED / "d3-pipes.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "README.txt").write_text("Not a panel.\n", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a walk that does not want .txt says nothing of it
    monkeypatch.chdir(tmp_path)
    findings, stderr = _findings(".")
    assert findings == [] and "gone.txt" not in stderr
    (tmp_path / "supplint.toml").write_text('include = ["panels/*.txt"]\n', encoding="utf-8")
    findings, _ = _findings(".")
    assert {f["file"] for f in findings} == {str(Path("panels") / "d3.txt")}
    assert "SUP201" in {f["code"] for f in findings}


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("Amount Per 1 Gummy  %DV  Amount Per 2 Gummies  %DV", 3),
        ("| Per 1 Gummy | Per 2 Gummies |", 3),
        ("Amount Per Serving  %DV (Adults)  %DV (Children 1-3)", 3),
    ],
)
def test_several_serving_columns_are_refused_at_their_heading(write, heading, line):
    path = write("kids.txt", f"Kids Gummies\nSupplement Facts\n{heading}\nVitamin C 15 mg 17%\n")
    assert _invoke("import", "text", str(path)).exit_code == 2
    findings, _ = _findings(str(path))
    assert [(f["code"], f["line"]) for f in findings] == [("SUP001", line)]


def test_one_column_heading_is_not_refused(write):
    path = write(
        "one.txt", "C\nSupplement Facts\nServing Size 2 Gummies\nAmount Per 2 Gummies  %DV\nVitamin C 30 mg 33%\n"
    )
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["facts"] == [{"name": "Vitamin C", "amount": "30 mg", "dv": "33%"}]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (
            "Vitamin C (as Ascorbic Acid) | 500 mg | 556% |",
            {"name": "Vitamin C", "as": "Ascorbic Acid", "amount": "500 mg", "dv": "556%"},
        ),
        ("|Zinc|11 mg|100%|", {"name": "Zinc", "amount": "11 mg", "dv": "100%"}),
        ("Vitamin D3 .......... 25 mcg", {"name": "Vitamin D3", "amount": "25 mcg"}),
        ("Biotin\t\t１０ mcg\t３３%", {"name": "Biotin", "amount": "10 mcg", "dv": "33%"}),
        ("Vitamin B12 â€“ 500 mcg", {"name": "Vitamin B12", "amount": "500 mcg"}),
        (
            "Calcium\u00a0(as calcium carbonate)\u00a0\u00a0500\u00a0mg\u00a0\u00a038%",
            {"name": "Calcium", "as": "calcium carbonate", "amount": "500 mg", "dv": "38%"},
        ),
        ("Vitamin D3 1000 Âµg", {"name": "Vitamin D3", "amount": "1000 μg"}),
        ("Fish Oil Concentrate 1,200 mg **", {"name": "Fish Oil Concentrate", "amount": "1,200 mg", "dv": "**"}),
    ],
)
def test_row_shapes_as_pasted(write, line, row):
    path = write("p.txt", f"P\nSupplement Facts\nAmt Per Serving  % DV\n|---|---|---|\n{line}\n")
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["facts"] == [row]


@pytest.mark.parametrize(
    "heading",
    [
        "Amt Per Serving",
        "Amount Per Serving % Daily Value",
        "% DV",
        "%Daily Value*",
        "Daily",
        "Amount Per Serving Amt Daily",
        "Amount Per Serving\t%DV",
    ],
)
def test_short_column_headings_are_headings(write, heading):
    path = write("p.txt", f"P\nSupplement Facts\nServing Size 1 Capsule\n{heading}\nZinc 11 mg 100%\n")
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0 and result.stderr == ""
    assert yaml.safe_load(result.stdout)["facts"] == [{"name": "Zinc", "amount": "11 mg", "dv": "100%"}]


@pytest.mark.parametrize(
    ("size", "expected"),
    [("two (2) capsules", "2 capsules"), ("one softgel", "1 softgel"), ("3 veg capsules", "3 veg capsules")],
)
def test_counted_serving_sizes(write, size, expected):
    path = write("p.txt", f"p\nserving size: {size} ingredients: zinc 11 mg\n")
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0, result.stderr
    label = yaml.safe_load(result.stdout)
    assert label["serving"] == {"size": expected}
    assert label["facts"] == [{"name": "zinc", "amount": "11 mg"}]


def test_each_capsule_contains_gives_the_serving():
    label = yaml.safe_load(_invoke("import", "text", str(PASTED / "magnesium-each-tablespoon-runon.txt")).stdout)
    assert label["serving"]["size"] == "1 tablespoon (15 ml)"


@pytest.mark.parametrize(
    "text", ["Two softgels contain:\nVitamin E 100 mg\n", "2 softgels provide\nVitamin E 100 mg\n"]
)
def test_counted_contain_headings(write, text):
    result = _invoke("import", "text", str(write("p.txt", f"E\n{text}")))
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["serving"] == {"size": "2 softgels"}


# -- the function `supplint serve` calls ------------------------------------------------------------------------------


def test_import_panel_gives_the_yaml_and_the_notes():
    text = (PASTED / "two-products-one-page.txt").read_text(encoding="utf-8")
    label_yaml, notes = import_panel(text)
    assert yaml.safe_load(label_yaml) == _expected(PASTED / "two-products-one-page.txt")["label"]
    assert [note.split(":")[0] for note in notes] == ["line 5"]


@pytest.mark.parametrize("text", ["", "no panel here", (PASTED / "kids-gummy-two-columns.txt").read_text("utf-8")])
def test_import_panel_never_raises_and_says_why(text):
    label_yaml, notes = import_panel(text)
    assert label_yaml is None
    assert len(notes) == 1 and notes[0]


# -- fuzzing: the importer never raises and never hangs ----------------------------------------------------------------

_PASTE_NOISE = (
    "\u00a0",
    "\t",
    " | ",
    "|",
    "…",
    ".....",
    "Âµ",
    "â€“",
    "â€™",
    "\ufeff",
    "\u200b",
    "ﬁ",
    "５",
    "％",
    "(",
    ")",
    "*",
    "†",
    "**",
    "<1%",
    "1,000",
    "mcg DFE (",
    "IU)",
    " ingredients: ",
    " serving size: ",
    " other ingredients: ",
    "Each capsule contains:",
    "Amount Per 1 Gummy",
    "Supplement Facts",
    "\r",
    "&amp;",
    "&#",
    "\x00",
    "\x7f",
    "😀",
    "Ã",
    "\u0301",
    "\u202e",
)


def _pasted_mutants(text: str, rng, count: int):
    """Mutants of a pasted panel as copies go wrong: noise inserted, lines cut and joined, encodings mixed up."""
    for _ in range(count):
        chars = list(text)
        for _ in range(rng.randint(1, 12)):
            action = rng.randrange(5)
            at = rng.randrange(len(chars) + 1)
            if action == 0:
                chars[at:at] = rng.choice(_PASTE_NOISE)
            elif action == 1 and chars:
                del chars[at : at + rng.randint(1, 40)]
            elif action == 2:  # a line break dropped or added: run-on copy, narrow columns
                chars[at:at] = "\n" if rng.random() < 0.5 else ""
                if chars and rng.random() < 0.5:
                    chars = [" " if c == "\n" and rng.random() < 0.3 else c for c in chars]
            elif action == 3:
                chars[at:at] = rng.choice(chars or ["x"]) * rng.randint(1, 400)
            else:
                chars = list("".join(chars).encode("utf-8").decode("cp1252", "replace"))
        yield "".join(chars)


def _random_text(rng) -> str:
    alphabet = "abc ABC 0123456789 .,:;()|%*†\t\n mg mcg IU µ Âµ Supplement Facts Serving Size ingredients"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fuzz_import_panel_never_raises_or_hangs(fixture):
    import random

    import fuzzing
    import supplint

    rng = random.Random(fixture.name)
    text = fixture.read_text(encoding="utf-8")
    inputs = [*_pasted_mutants(text, rng, 25), *(_random_text(rng) for _ in range(5))]
    for index, mutant in enumerate(inputs):
        with fuzzing.deadline(20):
            label_yaml, notes = import_panel(mutant)
            assert all(isinstance(note, str) and note for note in notes), (fixture.name, index)
            if label_yaml is None:
                assert len(notes) == 1, (fixture.name, index)
            else:
                assert not {f.code for f in supplint.check_text(label_yaml, "x.yaml")} & {
                    "SUP001",
                    "SUP002",
                    "SUP008",
                }, (fixture.name, index)
            assert "SUP008" not in {f.code for f in supplint.check_text(mutant, "pasted.txt")}, (fixture.name, index)


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if "label" in _expected(f)], ids=lambda p: p.stem)
def test_every_amount_and_dv_points_at_its_text_in_the_paste(fixture):
    import unicodedata

    from supplint.importers.text import convert

    source = fixture.read_text(encoding="utf-8")
    conversion = convert(source, fixture.name)
    checked = 0
    for path, value, line, pasted in amount_origins(conversion, source):
        # a repaired line ("25 Âµg", full-width digits) starts with the same number; the rest was repaired
        folded = unicodedata.normalize("NFKC", pasted)
        assert pasted.startswith(value) or (not line.isascii() and folded[:2] == value[:2]), (path, pasted)
        checked += 1
    assert checked >= len(conversion.label["facts"])


@pytest.mark.parametrize(
    ("size", "refused"),
    [
        ("1 Scoop (about 5 g)  30 Servings", False),
        ("1 to 2 Capsules", False),
        ("2 Capsules (1 g)", False),
        ("1 Tablet (adults), 1/2 Tablet (children)", True),
        ("1 Gummy or 2 Gummies", True),
    ],
)
def test_serving_sizes_that_name_several_servings(write, size, refused):
    path = write("p.txt", f"P\nSupplement Facts\nServing Size {size}\nZinc 11 mg 100%\n")
    assert _invoke("import", "text", str(path)).exit_code == (2 if refused else 0)


def test_pasted_panels_make_a_stack():
    d3, multi = PASTED / "d3-pipes.txt", PASTED / "multivitamin-tabs-dfe.txt"
    findings, _ = _findings("--stack", str(d3), str(multi))
    stacked = [(f["file"], f["line"]) for f in findings if f["code"] == "SUP501"]
    assert stacked == [(str(d3), 6)]  # vitamin D over the upper limit, at the row of the product giving most


def test_a_repeated_heading_before_any_row_is_the_same_panel(write):
    path = write("p.txt", "Zinc\nSupplement Facts\nSupplement Facts\nServing Size 1 Tablet\nZinc 11 mg 100%\n")
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0 and result.stderr == ""
    assert yaml.safe_load(result.stdout)["facts"] == [{"name": "Zinc", "amount": "11 mg", "dv": "100%"}]
