"""`supplint import text`: Supplement Facts panels pasted as text → labels (importers/text.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

import supplint
from conftest import ROOT, amount_origins, run_in_process
from supplint.importers import ImportFailed, dump_label
from supplint.importers.text import PLACEHOLDER_PRODUCT, convert, header

PANELS = ROOT / "tests" / "fixtures" / "panels"
FIXTURES = sorted(PANELS.glob("*.txt"))
BROKEN = {"SUP001", "SUP002", "SUP003", "SUP004"}

MULTIVITAMIN_ROWS = [
    ("Vitamin A", "retinyl acetate and 50% as beta-carotene", "900 mcg RAE", "100%"),
    ("Vitamin C", "ascorbic acid", "90 mg", "100%"),
    ("Vitamin D3", "cholecalciferol", "25 mcg (1,000 IU)", "125%"),
    ("Vitamin E", "d-alpha tocopheryl succinate", "15 mg", "100%"),
    ("Vitamin K", "phytonadione", "120 mcg", "100%"),
    ("Thiamin", "thiamine mononitrate", "1.2 mg", "100%"),
    ("Riboflavin", None, "1.7 mg", "131%"),
    ("Niacin", "niacinamide", "20 mg NE", "125%"),
    ("Vitamin B6", "pyridoxine hydrochloride", "2 mg", "118%"),
    ("Folate", None, "680 mcg DFE (400 mcg folic acid)", "170%"),
    ("Vitamin B12", "cyanocobalamin", "6 mcg", "250%"),
    ("Biotin", None, "30 mcg", "100%"),
    ("Pantothenic Acid", "d-calcium pantothenate", "10 mg", "200%"),
    ("Choline", "choline bitartrate", "55 mg", "10%"),
    ("Calcium", "calcium carbonate", "200 mg", "15%"),
    ("Iron", "ferrous fumarate", "18 mg", "100%"),
    ("Phosphorus", "dicalcium phosphate", "10 mg", "<1%"),
    ("Iodine", "potassium iodide", "150 mcg", "100%"),
    ("Magnesium", "magnesium oxide", "50 mg", "12%"),
    ("Zinc", "zinc oxide", "11 mg", "100%"),
    ("Selenium", "sodium selenate", "55 mcg", "100%"),
    ("Copper", "cupric sulfate", "0.9 mg", "100%"),
    ("Manganese", "manganese sulfate", "2.3 mg", "100%"),
    ("Chromium", "chromium picolinate", "35 mcg", "100%"),
    ("Molybdenum", "sodium molybdate", "45 mcg", "100%"),
    ("Chloride", "potassium chloride", "72 mg", "3%"),
    ("Potassium", "potassium chloride", "80 mg", "2%"),
    ("Lutein", "marigold extract", "250 mcg", "†"),
    ("Lycopene", None, "300 mcg", "†"),
    ("Boron", "boron citrate", "150 mcg", "†"),
]


def _import(path: Path) -> tuple[str, dict, list[str]]:
    """(YAML text, label, note lines) from the real command."""
    result = run_in_process("import", "text", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if line]
    assert all(line.startswith(f"supplint: note: {path}: ") for line in notes), notes
    return result.stdout, yaml.safe_load(result.stdout), notes


def _rows(label: dict) -> list[tuple]:
    return [(row["name"], row.get("as"), row["amount"], row.get("dv")) for row in label["facts"]]


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def _codes(text: str) -> set[str]:
    return {finding.code for finding in supplint.check_text(text, "x.yaml")}


# -- the multivitamin: every row ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["multivitamin.txt", "multivitamin-tabs.txt"])
def test_multivitamin_imports_all_30_rows_exactly(fixture):
    text, label, notes = _import(PANELS / fixture)
    assert notes == []
    assert _rows(label) == MULTIVITAMIN_ROWS
    assert not any("blend" in row for row in label["facts"])
    assert label["product"] == "Daily Complete Multivitamin"
    assert label["identity"] == "Multivitamin/Multimineral Dietary Supplement"
    assert label["serving"] == {"size": "1 tablet"}
    assert label["servings_per_container"] == 100
    assert label["other_ingredients"][-1] == "titanium dioxide (color)"  # the list wrapped onto a second line
    assert len(label["other_ingredients"]) == 7
    assert label["directions"] == "Adults, take 1 tablet daily with food."
    assert label["claims"] == ["Supports energy metabolism and immune function.*"]
    assert label["disclaimer"] == (
        "These statements have not been evaluated by the Food and Drug Administration. "
        "This product is not intended to diagnose, treat, cure, or prevent any disease."
    )
    assert label["warnings"][1].startswith("WARNING: Accidental overdose of iron-containing products")
    assert label["warnings"][1].endswith("call a doctor or poison control center immediately.")
    assert label["notes"] == ["Store in a cool, dry place."]
    codes = _codes(text)
    assert not codes & BROKEN
    assert not codes & {"SUP204", "SUP302", "SUP304"}  # %DVs agree; the disclaimer and the iron warning are exact


def test_tab_separated_copy_gives_the_same_label():
    spaced = _import(PANELS / "multivitamin.txt")
    tabbed = _import(PANELS / "multivitamin-tabs.txt")
    assert spaced[1] == tabbed[1]


# -- the D3 + K2 panel of the brief ----------------------------------------------------------------------------------


def test_d3_panel_imports_and_checks(tmp_path):
    out = tmp_path / "d3.yaml"
    result = run_in_process("import", "text", str(PANELS / "d3-k2-bone.txt"), "-o", str(out))
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Imported by supplint import text from d3-k2-bone.txt: check it against the label\n")
    label = yaml.safe_load(text)
    assert label["product"] == "Vitamin D3 + K2 Bone Complex"
    assert label["serving"] == {"size": "2 capsules"}  # "Take 2 capsules daily": one serving a day
    assert label["servings_per_container"] == 30
    assert _rows(label) == [
        ("Vitamin D3", "cholecalciferol", "125 mcg (5,000 IU)", "625%"),
        ("Vitamin K2", "menaquinone-7", "100 mcg", "83%"),
        ("Calcium", "calcium carbonate", "500 mg", "38%"),
        ("Proprietary Bone Blend", None, "250 mg", "†"),
    ]
    assert label["facts"][3]["blend"] == [
        {"name": "Turmeric root extract"},
        {"name": "Boswellia serrata gum resin", "amount": "50 mg", "dv": "†"},
    ]
    assert label["other_ingredients"] == ["rice flour", "hypromellose (capsule)", "magnesium stearate"]
    assert label["directions"] == "Take 2 capsules daily with a meal."
    assert label["warnings"] == [
        "Consult your healthcare provider before use if you are pregnant or nursing.",
        "Keep out of reach of children.",
    ]
    assert label["disclaimer"].startswith("These statements have not been evaluated")
    assert "claims" not in label and "notes" not in label

    findings = supplint.check_file(out)
    codes = {f.code for f in findings}
    assert not codes & BROKEN
    assert "SUP101" not in codes  # the K2 row is there
    above = [f for f in findings if f.code == "SUP201"]
    assert len(above) == 1
    assert (above[0].line, above[0].column) == (_line_of(text, "amount: 125 mcg (5,000 IU)"), 11)
    assert "SUP305" in codes  # vitamin K with no anticoagulant warning: true of the printed label too


def test_origins_point_at_the_source_lines():
    conversion = convert((PANELS / "d3-k2-bone.txt").read_text(encoding="utf-8"), "d3-k2-bone.txt")
    assert conversion.origins[("product",)] == (1, 1)
    assert conversion.origins[("facts", 0, "amount")] == (6, 33)
    assert conversion.origins[("facts", 3, "blend", 1, "amount")] == (11, 31)
    assert conversion.origins[("disclaimer",)][0] == 16


# -- messy text ------------------------------------------------------------------------------------------------------


def test_messy_panel_names_each_bad_line_and_still_gives_a_label():
    path = PANELS / "messy-ocr.txt"
    text, label, notes = _import(path)
    said = [line.removeprefix(f"supplint: note: {path}: ") for line in notes]
    assert said == [
        "line 8: could not read 'Vit D3 5000' ('5000' has a number but no unit)",
        "line 9: could not read 'Magnesium (as magnesium citrate) l00 mg 24%' (no amount)",
        "line 10: could not read '~~ ;; '' ~~'",
        "line 11: could not read 'Zinc (as zinc picolinate) 1,5 mg 14%' ('1,5' in '1,5 mg' has a comma that is not a "
        "thousands separator)",
    ]
    assert _rows(label) == [
        ("Vitamin D3", "cholecalciferol", "50 mcg (2,000 IU)", "250%"),  # name and amount on two lines
        ("Vitamin K2", "MK-7", "90 mcg", "75%"),
        ("Vitamin E", "d-alpha tocopherol", "13.4 mg α-TE", "89%"),
    ]
    assert label["serving"] == {"size": "1 softgel"}
    assert label["servings_per_container"] == 60
    assert label["other_ingredients"][0] == "extra virgin olive oil"  # "0ther ingredients", as OCR reads it
    assert label["warnings"] == ["Keep out of reach of children"]
    assert not _codes(text) & BROKEN


def test_every_unreadable_panel_line_is_a_note(write):
    path = write(
        "panel.txt",
        "Thing\nSupplement Facts\nServing Size 1 Tablet\nVitamin C 90 mg 100%\n"
        "Vitamin B12 12 mgg 500%\n125 mcg\nAshwagandha root extract\n",
    )
    _, label, notes = _import(path)
    said = [line.split(": ", 3)[-1] for line in notes]
    assert said == [
        "line 5: could not read 'Vitamin B12 12 mgg 500%' (unknown unit 'mgg' in '12 mgg')",
        "line 6: could not read '125 mcg' (an amount or %DV with no ingredient name before it)",
        "line 7: could not read 'Ashwagandha root extract' (no amount)",
    ]
    assert _rows(label) == [("Vitamin C", None, "90 mg", "100%")]


# -- blends ----------------------------------------------------------------------------------------------------------


def test_blends_nest():
    _, label, notes = _import(PANELS / "preworkout.txt")
    assert notes == []
    facts = {row["name"]: row for row in label["facts"]}
    assert facts["Calories"] == {"name": "Calories", "amount": "10"}  # a bare number, read as kcal on this row
    assert list(facts) == [
        "Calories",
        "Total Carbohydrate",
        "Vitamin B6",
        "Vitamin B12",
        "Sodium",
        "Endurance Matrix",
        "Focus Blend",
        "Energy Complex",
        "Nitric Boost Blend",
    ]
    assert facts["Total Carbohydrate"]["dv"] == "<1%"  # the footnote star after the percentage is not kept
    # indented members
    assert facts["Endurance Matrix"]["blend"] == [
        {"name": "Beta-alanine", "amount": "3.2 g", "dv": "†"},
        {"name": "L-citrulline malate 2:1", "amount": "2 g", "dv": "†"},
        {"name": "Betaine anhydrous", "amount": "1.3 g", "dv": "†"},
    ]
    # after a colon
    assert facts["Focus Blend"]["amount"] == "1 g"
    assert [m["name"] for m in facts["Focus Blend"]["blend"]] == [
        "L-tyrosine",
        "alpha-GPC",
        "huperzine A (whole plant)",
    ]
    # in parentheses after the name
    assert facts["Energy Complex"]["amount"] == "350 mg"
    assert [m["name"] for m in facts["Energy Complex"]["blend"]] == [
        "caffeine anhydrous",
        "theacrine",
        "green tea leaf extract",
    ]
    # marked with "**"
    assert facts["Nitric Boost Blend"]["dv"] == "**"
    assert [m["name"] for m in facts["Nitric Boost Blend"]["blend"]] == [
        "Beetroot powder",
        "Agmatine sulfate",
        "Pine bark extract",
    ]
    assert "notes" not in label
    assert label["warnings"] == [
        "Contains caffeine.",
        "Not for use by individuals under 18.",
        "Consult your physician before use if you have a medical condition.",
        "Keep out of reach of children.",
    ]
    assert label["claims"] == ["Fuels intense training and sharp focus.*"]


def test_blend_members_without_indentation(write):
    path = write(
        "flat.txt",
        "Bone Support\nSupplement Facts\nServing Size 1 Capsule\n"
        "Proprietary Bone Blend 250 mg †\nTurmeric root extract\nBoswellia serrata gum resin 50 mg †\n"
        "Vitamin C 90 mg 100%\n"
        "Energy Blend 500 mg: green tea extract (leaf), guarana seed,\n"
        "yerba mate 100 mg, and caffeine anhydrous\n"
        "Calm Blend 300 mg (L-theanine, lemon balm leaf) †\n",
    )
    _, label, notes = _import(path)
    assert [line.split(": ", 3)[-1] for line in notes] == [
        "line 6: 'Boswellia serrata gum resin' read as a member of 'Proprietary Bone Blend' (not indented, but its "
        "amount fits in the blend's total): check it"
    ]
    facts = label["facts"]
    assert [row["name"] for row in facts] == ["Proprietary Bone Blend", "Vitamin C", "Energy Blend", "Calm Blend"]
    assert facts[0]["blend"] == [
        {"name": "Turmeric root extract"},
        {"name": "Boswellia serrata gum resin", "amount": "50 mg", "dv": "†"},
    ]
    assert facts[2]["blend"] == [
        {"name": "green tea extract (leaf)"},
        {"name": "guarana seed"},
        {"name": "yerba mate", "amount": "100 mg"},
        {"name": "caffeine anhydrous"},
    ]
    assert facts[3] == {
        "name": "Calm Blend",
        "amount": "300 mg",
        "dv": "†",
        "blend": [{"name": "L-theanine"}, {"name": "lemon balm leaf"}],
    }


def test_a_nutrient_row_indented_by_accident_stays_a_row():
    label = convert(
        "P\nSupplement Facts\nVitamin C 90 mg 100%\n Vitamin D3 20 mcg 100%\nHerbal Blend 200 mg *\n"
        "  Ginger root 100 mg *\nZinc 11 mg 100%\n",
        "p.txt",
    ).label
    assert [row["name"] for row in label["facts"]] == ["Vitamin C", "Vitamin D3", "Herbal Blend", "Zinc"]
    assert label["facts"][2]["blend"] == [{"name": "Ginger root", "amount": "100 mg", "dv": "*"}]


def test_probiotic_cfu_and_per_day():
    text, label, notes = _import(PANELS / "probiotic.txt")
    assert notes == []
    assert _rows(label) == [
        ("Probiotic Blend", None, "50 Billion CFU", "†"),
        ("Saccharomyces boulardii", None, "5 billion CFU", "†"),
        ("Bacillus coagulans GBI-30, 6086", None, "500 million CFU", "†"),
        ("Prebiotic Fiber", "inulin from chicory root", "100 mg", "†"),
    ]
    assert [m["name"] for m in label["facts"][0]["blend"]] == [
        "Lactobacillus acidophilus La-14",
        "Bifidobacterium lactis Bl-04",
        "Lactobacillus plantarum Lp-115",
        "Lactobacillus rhamnosus GG",
    ]
    assert label["serving"] == {"size": "1 capsule", "per_day": "1-2"}  # "1 capsule 1 to 2 times daily"
    assert label["allergens"] == "Contains: milk."
    assert label["identity"] == "Dietary Supplement"
    assert label["notes"] == ["Keep refrigerated after opening."]
    assert not _codes(text) & BROKEN


# -- rows, amounts and servings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (
            "Vitamin A (as retinyl palmitate) 900 mcg RAE (3,000 IU) 100%",
            {"name": "Vitamin A", "as": "retinyl palmitate", "amount": "900 mcg RAE (3,000 IU)", "dv": "100%"},
        ),
        (
            "Folate 400 mcg DFE (240 mcg folic acid)    100%",
            {"name": "Folate", "amount": "400 mcg DFE (240 mcg folic acid)", "dv": "100%"},
        ),
        (
            "Vitamin E (as d-alpha tocopherol)\t13.5 mg alpha-tocopherol\t90%",
            {"name": "Vitamin E", "as": "d-alpha tocopherol", "amount": "13.5 mg alpha-tocopherol", "dv": "90%"},
        ),
        ("Niacin 16 mg NE 100%", {"name": "Niacin", "amount": "16 mg NE", "dv": "100%"}),
        ("Sodium <5 mg <1%", {"name": "Sodium", "amount": "<5 mg", "dv": "<1%"}),
        (
            "Vitamin K2 (as menaquinone-7) (MK-7) 100 mcg 83%",
            {"name": "Vitamin K2", "as": "menaquinone-7 (MK-7)", "amount": "100 mcg", "dv": "83%"},
        ),
        (
            "Calcium 500 mg (as calcium carbonate) 38%",
            {"name": "Calcium", "as": "calcium carbonate", "amount": "500 mg", "dv": "38%"},
        ),
        (
            "Lactobacillus rhamnosus GG 10 billion CFU *",
            {"name": "Lactobacillus rhamnosus GG", "amount": "10 billion CFU", "dv": "*"},
        ),
        ("Fish Oil 1,200 mg", {"name": "Fish Oil", "amount": "1,200 mg"}),
        ("Vitamin C ........ 90 mg ........ 100%", {"name": "Vitamin C", "amount": "90 mg", "dv": "100%"}),
        (
            "| Zinc (as zinc gluconate) | 11 mg | 100% |",
            {"name": "Zinc", "as": "zinc gluconate", "amount": "11 mg", "dv": "100%"},
        ),
    ],
)
def test_row_shapes(line, row):
    label = convert(f"Product\nSupplement Facts\n{line}\n", "p.txt").label
    assert label["facts"] == [row]


def test_row_split_over_lines_and_dv_on_its_own_line():
    label = convert(
        "P\nSupplement Facts\nVitamin A (as retinyl acetate and 50% as\nbeta-carotene) 900 mcg RAE 100%\n"
        "Vitamin D3\n125 mcg (5,000 IU)\n625%\n",
        "p.txt",
    ).label
    assert label["facts"] == [
        {"name": "Vitamin A", "as": "retinyl acetate and 50% as beta-carotene", "amount": "900 mcg RAE", "dv": "100%"},
        {"name": "Vitamin D3", "amount": "125 mcg (5,000 IU)", "dv": "625%"},
    ]


@pytest.mark.parametrize(
    ("size", "directions", "expected"),
    [
        ("Serving Size 2 Capsules", "Suggested use: Take 2 capsules daily.", {"size": "2 capsules"}),
        ("Serving Size 1 Capsule", "Directions: Take 1 to 2 capsules daily.", {"size": "1 capsule", "per_day": "1-2"}),
        ("Serving Size 1 Tablet", "Take one (1) tablet up to 3 times daily.", {"size": "1 tablet", "per_day": "1-3"}),
        (
            "Serving Size 2 Softgels",
            "Suggested use: Take 2 softgels twice daily.",
            {"size": "2 softgels", "per_day": 2},
        ),
        ("Serving Size: 1 Scoop (5 g)", "Directions: Mix 1 scoop in water daily.", {"size": "1 scoop (5 g)"}),
        ("Serving Size 1 Capsule", "Take 1 tablespoon 3 times daily.", {"size": "1 capsule"}),  # not the serving's unit
    ],
)
def test_serving(size, directions, expected):
    label = convert(
        f"P\nSupplement Facts\n{size}\nServings Per Container: about 60\nZinc 11 mg 100%\n{directions}\n", "p.txt"
    ).label
    assert label["serving"] == expected
    assert label["servings_per_container"] == 60


def test_serving_size_and_servings_on_one_line():
    label = convert(
        "P\nSupplement Facts Serving Size 2 Gummies Servings Per Container 30\nZinc 11 mg 100%\n", "p.txt"
    ).label
    assert label["serving"] == {"size": "2 gummies"} and label["servings_per_container"] == 30


def test_claims_and_disclaimer_on_one_line_and_split_disclaimer():
    conversion = convert(
        "P\nSupplement Facts\nZinc 11 mg 100%\nSupports immune health.* Promotes wellness.* "
        "*These statements have not been evaluated by the Food and Drug Administration.\n"
        "This product is not intended to diagnose,\ntreat, cure, or prevent any disease.\n",
        "p.txt",
    )
    assert conversion.label["claims"] == ["Supports immune health.*", "Promotes wellness.*"]
    assert conversion.label["disclaimer"] == (
        "These statements have not been evaluated by the Food and Drug Administration. This product is not intended "
        "to diagnose, treat, cure, or prevent any disease."
    )
    assert conversion.notes == []


def test_no_product_name_is_a_note_and_a_placeholder(write):
    path = write("bare.txt", "Supplement Facts\nServing Size 1 Capsule\nZinc 11 mg 100%\n")
    text, label, notes = _import(path)
    assert label["product"] == PLACEHOLDER_PRODUCT
    assert len(notes) == 1 and "no product name" in notes[0]
    assert not _codes(text) & BROKEN


def test_text_around_the_panel_is_kept(write):
    path = write(
        "p.txt",
        "Example Naturals\nZinc Plus\nSupplement Facts\nZinc 11 mg 100%\nMade in USA\n"
        "Lot 12345 see bottom\nScan for recipes\nContains no artificial colors.\n",
    )
    _, label, notes = _import(path)
    assert label["product"] == "Example Naturals"
    assert label["notes"] == [
        "Zinc Plus",
        "Made in USA",
        "Lot 12345 see bottom",
        "Scan for recipes",
        "Contains no artificial colors.",
    ]
    assert [line.split(": ", 3)[-1] for line in notes] == [
        "line 2: not recognised, kept under notes: 'Zinc Plus'",
        "line 7: not recognised, kept under notes: 'Scan for recipes'",
    ]
    assert "allergens" not in label


def test_header():
    assert (
        header("some/dir/panel.txt", convert("P\nSupplement Facts\nZinc 11 mg\n", "x"))
        == "Imported by supplint import text from panel.txt: check it against the label"
    )


# -- failures --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Just some text\nabout vitamins.\n", "no Supplement Facts panel found"),
        ("", "the file is empty"),
        ("  \n\t\n", "the file is empty"),
        ("P\nSupplement Facts\nnothing readable here\n", "could not read any of its rows"),
    ],
)
def test_no_panel_exits_2_with_one_line(write, content, message):
    path = write("x.txt", content)
    result = run_in_process("import", "text", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"supplint: error: {path}: ") and message in lines[0]


# -- never a traceback -----------------------------------------------------------------------------------------------


def _mutations(text: str, rng: random.Random):
    lines = text.splitlines()
    for _ in range(40):
        mutated = list(lines)
        action = rng.randrange(5)
        if action == 0:
            rng.shuffle(mutated)
        elif action == 1:
            for _ in range(rng.randint(1, max(1, len(mutated) // 2))):
                if mutated:
                    del mutated[rng.randrange(len(mutated))]
        elif action == 2:
            for _ in range(rng.randint(1, 4)):
                i, j = rng.randrange(len(mutated)), rng.randrange(len(mutated))
                mutated[i], mutated[j] = mutated[j], mutated[i]
        elif action == 3:  # cut lines at random places, as OCR and narrow columns do
            cut = []
            for line in mutated:
                if rng.random() < 0.3:
                    k = rng.randrange(len(line) + 1)
                    cut += [line[:k], line[k:]]
                else:
                    cut.append(line)
            mutated = cut
        else:
            mutated = [
                line.replace(" ", rng.choice(["\t", "   ", ""]), 1) if rng.random() < 0.3 else line for line in mutated
            ]
        yield "\n".join(mutated)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fuzz_never_raises(fixture):
    rng = random.Random(fixture.name)
    for text in _mutations(fixture.read_text(encoding="utf-8"), rng):
        try:
            conversion = convert(text, "fuzz.txt")
        except ImportFailed:
            continue
        dumped = dump_label(conversion.label, header("fuzz.txt", conversion))
        assert all(isinstance(note, str) and note for note in conversion.notes)
        assert not _codes(dumped) & {"SUP001", "SUP002"}, text


def test_fuzz_through_the_command(tmp_path):
    rng = random.Random(7)
    for index, fixture in enumerate(FIXTURES):
        text = next(iter(_mutations(fixture.read_text(encoding="utf-8"), rng)))
        path = tmp_path / f"f{index}.txt"
        path.write_text(text, encoding="utf-8")
        result = run_in_process("import", "text", str(path))
        assert result.returncode in (0, 2)
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_amount_and_dv_origin_is_that_text_in_the_source(fixture):
    source = fixture.read_text(encoding="utf-8")
    conversion = convert(source, fixture.name)
    checked = 0
    for path, value, _, pasted in amount_origins(conversion, source):
        assert pasted[: len(value)] == value, path
        checked += 1
    assert checked >= len(conversion.label["facts"])


def test_origins_of_a_row_split_over_lines():
    conversion = convert("P\nSupplement Facts\nVitamin D3\n  125 mcg (5,000 IU)\n625%\n", "p.txt")
    assert conversion.origins[("facts", 0)] == (3, 1)
    assert conversion.origins[("facts", 0, "amount")] == (4, 3)
    assert conversion.origins[("facts", 0, "dv")] == (5, 1)


def test_a_panel_without_its_heading_starts_at_the_serving_size():
    label = convert(
        "Magnesium Glycinate 200 mg\nServing Size 2 Capsules\nMagnesium (as magnesium glycinate) 200 mg 48%\n", "p.txt"
    ).label
    assert label["product"] == "Magnesium Glycinate 200 mg"
    assert label["facts"] == [{"name": "Magnesium", "as": "magnesium glycinate", "amount": "200 mg", "dv": "48%"}]
