#!/usr/bin/env python3
"""Write a deterministic synthetic corpus of supplint label files (standard library only).

    python bench/gen_corpus.py OUTDIR [--count N] [--seed S] [--verify] [--defects FILE]

Writes OUTDIR/label_00000.yaml ... in the label format of docs/spec (label-format.md). Label i depends only on
(seed, i), so a smaller --count gives a prefix of a larger corpus. About 5% of labels carry one deliberate defect
that a linter must report (see DEFECTS); label 0 is always clean because benchmarks use it for cold starts.
--verify (needs PyYAML) re-reads the files and checks that only the syntax-error labels fail to load.
"""

import argparse
import json
import os
import random
import re
import sys

# Nutrient rows: (name, `as` forms ("" = none), unit, 2016 adult Daily Value in that unit, typical amounts).
# Amounts are what real products print, so some exceed a DV or an upper limit, as real labels do.
NUTRIENTS = [
    (
        "Vitamin A",
        ["retinyl palmitate", "retinyl acetate", "beta-carotene"],
        "mcg RAE",
        900,
        [300, 450, 750, 900, 1500],
    ),
    ("Vitamin C", ["ascorbic acid", "calcium ascorbate", "sodium ascorbate"], "mg", 90, [60, 90, 120, 250, 500, 1000]),
    ("Vitamin D3", ["cholecalciferol"], "mcg", 20, [10, 20, 25, 50, 62.5, 100, 125]),
    (
        "Vitamin E",
        ["d-alpha tocopheryl acetate", "d-alpha tocopherol", "dl-alpha tocopheryl acetate"],
        "mg",
        15,
        [6.7, 13.5, 15, 30, 67, 134],
    ),
    (
        "Vitamin K",
        ["menaquinone-7", "menaquinone-7 (MK-7)", "phytonadione", ""],
        "mcg",
        120,
        [25, 45, 80, 90, 100, 120, 180],
    ),
    ("Thiamin", ["thiamine mononitrate", "thiamine HCl"], "mg", 1.2, [1.2, 1.5, 3, 5, 25, 50]),
    ("Riboflavin", ["riboflavin", "riboflavin 5'-phosphate", ""], "mg", 1.3, [1.3, 1.7, 5, 25, 50]),
    ("Niacin", ["niacinamide", "niacin"], "mg", 16, [16, 20, 25, 50, 100]),
    ("Vitamin B6", ["pyridoxine HCl", "pyridoxal 5'-phosphate"], "mg", 1.7, [1.7, 2, 5, 10, 25, 50]),
    (
        "Folate",
        ["folic acid", "L-5-methyltetrahydrofolate calcium salt", "calcium L-methylfolate"],
        "mcg DFE",
        400,
        [400, 680, 1360, 1700],
    ),
    (
        "Vitamin B12",
        ["methylcobalamin", "cyanocobalamin", "adenosylcobalamin"],
        "mcg",
        2.4,
        [2.4, 6, 25, 100, 250, 500, 1000, 5000],
    ),
    ("Biotin", ["d-biotin", ""], "mcg", 30, [30, 150, 300, 1000, 5000, 10000]),
    ("Pantothenic Acid", ["calcium D-pantothenate", "d-calcium pantothenate"], "mg", 5, [5, 10, 25, 50]),
    ("Choline", ["choline bitartrate"], "mg", 550, [10, 25, 55, 100, 250]),
    ("Calcium", ["calcium carbonate", "calcium citrate"], "mg", 1300, [10, 50, 100, 200, 250, 500, 600]),
    (
        "Iron",
        ["ferrous bisglycinate", "ferrous fumarate", "iron bisglycinate chelate"],
        "mg",
        18,
        [8, 9, 18, 25, 27, 45],
    ),
    ("Phosphorus", ["dicalcium phosphate", "tricalcium phosphate"], "mg", 1250, [8, 20, 50, 109, 125]),
    ("Iodine", ["potassium iodide", "kelp"], "mcg", 150, [75, 150, 225, 290]),
    (
        "Magnesium",
        ["magnesium glycinate", "magnesium oxide", "magnesium citrate"],
        "mg",
        420,
        [25, 50, 100, 120, 200, 400],
    ),
    (
        "Zinc",
        ["zinc picolinate", "zinc citrate", "zinc oxide", "zinc bisglycinate chelate"],
        "mg",
        11,
        [5, 8, 11, 15, 25, 30, 50],
    ),
    ("Selenium", ["L-selenomethionine", "sodium selenite", "selenium glycinate"], "mcg", 55, [20, 55, 70, 100, 200]),
    ("Copper", ["copper gluconate", "copper bisglycinate", "cupric oxide"], "mg", 0.9, [0.5, 0.9, 1, 2]),
    ("Manganese", ["manganese gluconate", "manganese bisglycinate", ""], "mg", 2.3, [0.5, 1, 2, 2.3, 5]),
    ("Chromium", ["chromium picolinate", "chromium polynicotinate"], "mcg", 35, [35, 120, 200, 500]),
    ("Molybdenum", ["sodium molybdate", "molybdenum glycinate"], "mcg", 45, [45, 50, 75, 150]),
    ("Chloride", ["potassium chloride"], "mg", 2300, [10, 36, 72]),
    ("Potassium", ["potassium citrate", "potassium chloride"], "mg", 4700, [25, 80, 99]),
    ("Sodium", [""], "mg", 2300, [5, 10, 15, 20]),
]
NUTRIENT = {n[0]: n for n in NUTRIENTS}

# Rows with no Daily Value: (name, `as` forms, unit, amounts).
OTHERS = {
    "Fish Oil": (
        "Fish oil concentrate",
        ["anchovy, sardine and mackerel oil", "wild Alaska pollock oil"],
        "mg",
        [1000, 1200, 2000],
    ),
    "EPA": ("EPA (eicosapentaenoic acid)", [""], "mg", [180, 360, 650]),
    "DHA": ("DHA (docosahexaenoic acid)", [""], "mg", [120, 240, 450]),
    "CoQ10": ("Coenzyme Q10", ["ubiquinone", "ubiquinol"], "mg", [30, 100, 200, 400]),
    "Ashwagandha": ("Ashwagandha root extract (Withania somnifera)", ["KSM-66", ""], "mg", [300, 450, 600]),
    "Turmeric": ("Turmeric root extract", ["standardized to 95% curcuminoids", ""], "mg", [500, 1000]),
    "Lutein": ("Lutein", ["marigold flower extract", ""], "mg", [6, 10, 20]),
    "Elderberry": ("Elderberry fruit extract (Sambucus nigra)", [""], "mg", [100, 300, 575]),
    "Melatonin": ("Melatonin", [""], "mg", [1, 3, 5]),
}
# Blends: (name, total amounts, members; a member is a name or (name, amount)).
BLENDS = {
    "Probiotic": (
        "Probiotic Blend",
        ["10 billion CFU", "25 billion CFU", "50 billion CFU", "500 million CFU"],
        [
            "Lactobacillus acidophilus",
            "Bifidobacterium lactis",
            "Lactobacillus rhamnosus",
            "Bifidobacterium longum",
            "Lactobacillus plantarum",
        ],
    ),
    "Joint": (
        "Joint Support Blend",
        ["250 mg", "500 mg", "1,200 mg"],
        [
            "Turmeric root extract",
            ("Boswellia serrata gum resin", "50 mg"),
            "Ginger root",
            ("Black pepper fruit extract", "5 mg"),
        ],
    ),
    "Greens": (
        "Organic Greens Blend",
        ["2.5 g", "3,000 mg"],
        ["Spirulina", "Chlorella", ("Wheatgrass juice powder", "500 mg"), "Spinach leaf"],
    ),
    "Calm": (
        "Relaxation Blend",
        ["200 mg", "400 mg"],
        ["L-theanine", ("Chamomile flower extract", "50 mg"), "Lemon balm leaf"],
    ),
}

SIZES = {  # form -> serving sizes as printed (singular, plural)
    "tablet": ["{n} tablet", "{n} tablets"],
    "capsule": ["{n} capsule", "{n} capsules"],
    "softgel": ["{n} softgel", "{n} softgels"],
    "chewable": ["{n} chewable tablet", "{n} chewable tablets"],
    "gummy": ["{n} gummy", "{n} gummies"],
    "lozenge": ["{n} lozenge", "{n} lozenges"],
    "liquid": ["1 tsp (5 mL)", "1 tbsp (15 mL)"],
    "drops": ["1 drop", "{n} drops"],
    "spray": ["1 spray", "{n} sprays"],
    "powder": ["1 scoop (5 g)", "{n} scoops (10 g)"],
}
SOLID = ["tablet", "capsule", "softgel", "chewable", "gummy"]
INACTIVE = {
    "tablet": [
        "microcrystalline cellulose",
        "croscarmellose sodium",
        "stearic acid",
        "magnesium stearate",
        "silicon dioxide",
    ],
    "capsule": ["hypromellose (vegetable capsule)", "rice flour", "magnesium stearate", "silicon dioxide"],
    "softgel": ["extra virgin olive oil", "gelatin", "glycerin", "purified water", "sunflower lecithin"],
    "chewable": ["dextrose", "sorbitol", "natural orange flavor", "stearic acid", "citric acid"],
    "gummy": ["glucose syrup", "sugar", "pectin", "citric acid", "natural flavors", "colors (from black carrot)"],
    "lozenge": ["xylitol", "mannitol", "natural cherry flavor", "magnesium stearate"],
    "liquid": ["purified water", "glycerin", "natural flavor", "potassium sorbate (to preserve freshness)"],
    "drops": ["organic MCT oil", "mixed tocopherols"],
    "spray": ["purified water", "xylitol", "natural peppermint flavor", "potassium sorbate"],
    "powder": ["natural flavors", "citric acid", "stevia leaf extract", "silica"],
}
# Themes: (weight, product title, rows always present, rows sometimes present, forms, claim).
MULTI = "multi"
THEMES = [
    (
        70,
        MULTI,
        [],
        [],
        ["tablet", "capsule", "gummy", "chewable", "powder", "liquid"],
        "Supports overall health and wellness.*",
    ),
    (
        10,
        "Vitamin D3",
        ["Vitamin D3"],
        ["Vitamin K"],
        ["softgel", "drops", "capsule", "gummy", "spray", "chewable"],
        "Supports healthy bones, teeth and immune function.*",
    ),
    (
        6,
        "Vitamin D3 + K2",
        ["Vitamin D3", "Vitamin K"],
        [],
        ["softgel", "capsule", "drops"],
        "Supports bone and cardiovascular health.*",
    ),
    (
        6,
        "Vitamin C",
        ["Vitamin C"],
        ["Zinc", "Elderberry"],
        ["tablet", "capsule", "chewable", "gummy", "powder", "lozenge"],
        "Supports a healthy immune system.*",
    ),
    (
        5,
        "Vitamin B12",
        ["Vitamin B12"],
        ["Folate"],
        ["lozenge", "spray", "liquid", "tablet"],
        "Supports energy metabolism.*",
    ),
    (
        6,
        "Magnesium",
        ["Magnesium"],
        ["Vitamin B6"],
        ["capsule", "tablet", "powder", "gummy"],
        "Supports muscle and nerve function.*",
    ),
    (4, "Zinc", ["Zinc"], ["Copper", "Vitamin C"], ["capsule", "lozenge", "tablet"], "Supports immune function.*"),
    (
        4,
        "Iron",
        ["Iron"],
        ["Vitamin C", "Folate", "Vitamin B12"],
        ["capsule", "tablet"],
        "Supports healthy red blood cell formation.*",
    ),
    (
        5,
        "Calcium + D3",
        ["Calcium", "Vitamin D3"],
        ["Magnesium", "Vitamin K", "Zinc"],
        ["tablet", "chewable", "gummy"],
        "Supports strong bones.*",
    ),
    (
        5,
        "B-Complex",
        ["Thiamin", "Riboflavin", "Niacin", "Vitamin B6", "Folate", "Vitamin B12", "Biotin", "Pantothenic Acid"],
        ["Vitamin C", "Choline"],
        ["capsule", "tablet"],
        "Supports energy metabolism and a healthy nervous system.*",
    ),
    (
        3,
        "Hair, Skin & Nails",
        ["Biotin"],
        ["Vitamin C", "Vitamin E", "Zinc", "Selenium", "Vitamin A"],
        ["gummy", "capsule", "tablet"],
        "Supports healthy hair, skin and nails.*",
    ),
    (
        2,
        "Electrolyte Mix",
        ["Sodium", "Potassium", "Chloride", "Magnesium"],
        ["Calcium"],
        ["powder", "liquid"],
        "Helps replenish electrolytes.*",
    ),
    (
        6,
        "Omega-3 Fish Oil",
        ["Fish Oil", "EPA", "DHA"],
        ["Vitamin E", "Vitamin D3"],
        ["softgel", "liquid"],
        "Supports heart health.*",
    ),
    (4, "CoQ10", ["CoQ10"], ["Vitamin E", "Selenium"], ["softgel", "capsule"], "Supports cellular energy production.*"),
    (
        3,
        "Ashwagandha",
        ["Ashwagandha"],
        ["Magnesium", "Calm"],
        ["capsule", "gummy", "powder"],
        "Helps the body adapt to everyday stress.*",
    ),
    (
        4,
        "Probiotic",
        ["Probiotic"],
        ["Zinc"],
        ["capsule", "powder", "chewable"],
        "Supports digestive and immune health.*",
    ),
    (
        3,
        "Joint Support",
        ["Joint"],
        ["Turmeric", "Vitamin C", "Manganese"],
        ["capsule", "tablet"],
        "Supports joint comfort and mobility.*",
    ),
    (
        2,
        "Daily Greens",
        ["Greens"],
        ["Vitamin C", "Vitamin K", "Potassium"],
        ["powder"],
        "Supports natural detoxification.*",
    ),
    (
        2,
        "Eye Health",
        ["Lutein", "Zinc"],
        ["Vitamin C", "Vitamin E", "Copper"],
        ["softgel", "capsule"],
        "Supports macular health.*",
    ),
    (
        2,
        "Sleep Support",
        ["Melatonin"],
        ["Magnesium", "Vitamin B6", "Calm"],
        ["gummy", "tablet", "spray"],
        "Helps you fall asleep faster.*",
    ),
]
MULTI_EXTRAS = ["Lutein", "CoQ10", "Probiotic", "Greens", "Turmeric"]
MULTI_NAMES = [
    ("Daily Multivitamin", None),
    ("Women's Multivitamin", "adults-19-50"),
    ("Men's Multivitamin", "adults-19-50"),
    ("Multivitamin 50+", "adults-51+"),
    ("Senior Multi 70+", "adults-71+"),
    ("Complete Multi", None),
]
BRANDS = [
    "Example Naturals",
    "Northwind Nutrition",
    "Cedar & Sage",
    "Lumen Wellness",
    "Bergström Vital",
    "Harbor Labs",
    "Kestrel Health",
    "Oak Hollow",
    "Blue Meridian",
    "Søren Organics",
    "Peak & Vale",
    "Green Fern Co.",
]
POPULATIONS = ["adults", "adults", "adults", "adults-19-50", "adults-51+", "adults-71+"]
CONSULT = [
    (
        "Consult your healthcare provider before use if you are pregnant, nursing, taking medication or have a medical "
        "condition."
    ),
    "If you are pregnant, nursing, taking any medications or have a medical condition, consult your doctor before use.",
    "Consult a healthcare professional before use, especially if you are pregnant or nursing.",
]
IRON_WARNING = (
    "WARNING: Accidental overdose of iron-containing products is a leading cause of fatal poisoning in children "
    "under 6. Keep this product out of reach of children. In case of accidental overdose, call a doctor or "
    "poison control center immediately."
)
MORE_WARNINGS = [
    "Keep out of reach of children.",
    "Do not exceed the recommended dose.",
    "Do not use if the safety seal is broken or missing.",
    "Store in a cool, dry place.",
    "Discontinue use and consult your doctor if any adverse reactions occur.",
]
DISCLAIMER = [
    "These statements have not been evaluated by the Food and Drug Administration.",
    "This product is not intended to diagnose, treat, cure, or prevent any disease.",
]
NOTES = [
    "Made in the USA from domestic and imported ingredients.",
    "Manufactured in a GMP-certified facility.",
    "Lot number and best-by date printed on the bottom of the bottle.",
    "Vegan. Non-GMO. Gluten free.",
    "Third-party tested for purity and potency.",
]
HEAD_COMMENTS = [
    "# Transcribed from the product photo (front and side panels).",
    "# yaml-language-server: $schema=../supplint-label.schema.json",
    "# Source: retailer listing, checked against the printed label.",
    "# Label revision 2; previous revision listed a different serving size.",
]
DEFECTS = ["unknown-key", "decimal-comma", "unknown-unit", "syntax"]
DEFECT_RATE = 0.05

# A plain YAML scalar is unsafe when it starts with an indicator, contains ": " or " #", or would load as a
# number, boolean or null; inside a flow collection ,[]{} end it too. Quote those.
_UNSAFE = re.compile(
    r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|: |\s#|[:\s]$|^(?:[-+.\d_,:]+|true|false|yes|no|on|off|y|n|null|~)$""", re.I
)


def scalar(value, flow=False):
    s = str(value)
    if _UNSAFE.search(s) or (flow and re.search(r"[,\[\]{}]", s)):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def num(x):
    """Format as printed: thousands commas, no trailing .0."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def nutrient_row(rng, name, micro_rate=0.3):
    _, forms, unit, dv, amounts = NUTRIENT[name]
    amt, form = rng.choice(amounts), rng.choice(forms)
    if name == "Vitamin K":  # the printed name follows the form
        name = {"phytonadione": rng.choice(["Vitamin K1", "Vitamin K"]), "": "Vitamin K"}.get(form, "Vitamin K2")
    elif name == "Vitamin D3" and rng.random() < 0.2:
        name = "Vitamin D"
    elif name == "Niacin" and rng.random() < 0.25:
        unit = "mg NE"
    if unit == "mcg" and rng.random() < micro_rate:
        unit = "µg"  # accepted but error-prone: the linter's unit parsing must see it
    amount = f"{num(amt)} {unit}"
    if name.startswith("Vitamin D") and rng.random() < 0.9:
        amount += f" ({num(amt * 40)} IU)"
    elif name == "Vitamin A" and form.startswith("retinyl") and rng.random() < 0.5:
        amount += f" ({num(amt * 10 / 3)} IU)"
    elif name == "Folate" and form == "folic acid" and rng.random() < 0.7:
        amount += f" ({num(round(amt / 1.7))} mcg folic acid)"
    pct = 100 * amt / dv
    row = {"name": name, "as": form, "amount": amount, "dv": "<1%" if pct < 1 else f"{num(round(pct))}%"}
    if rng.random() < 0.1:
        del row["dv"]  # %DV is optional in the format
    return row


def other_row(rng, key):
    if key in BLENDS:
        name, totals, members = BLENDS[key]
        picked = rng.sample(members, rng.randint(2, len(members)))
        blend = [{"name": m} if isinstance(m, str) else {"name": m[0], "amount": m[1]} for m in picked]
        return {"name": name, "amount": rng.choice(totals), "dv": "*", "blend": blend}
    name, forms, unit, amounts = OTHERS[key]
    row = {
        "name": name,
        "as": rng.choice(forms),
        "amount": f"{num(rng.choice(amounts))} {unit}",
        "dv": rng.choice(["*", "*", "†"]),
    }
    if rng.random() < 0.1:
        del row["dv"]
    return row


def make_row(rng, key):
    row = nutrient_row(rng, key) if key in NUTRIENT else other_row(rng, key)
    if not row.get("as"):
        row.pop("as", None)
    elif rng.random() < 0.3:  # the format allows "(as ...)" inside the name instead of an `as` key
        row["name"] = f"{row['name']} (as {row.pop('as')})"
    return row


def choose_rows(rng, theme):
    _, title, always, sometimes, _, _ = theme
    if title == MULTI:
        k = rng.randint(8, 25)
        keys = sorted(rng.sample(range(len(NUTRIENTS)), min(k, len(NUTRIENTS))))
        keys = [NUTRIENTS[j][0] for j in keys]
        extras = rng.sample(MULTI_EXTRAS, rng.choice([0, 0, 1, 2]))
        return keys[: 25 - len(extras)] + extras
    return always + [k for k in sometimes if rng.random() < 0.4]


def render_row(row, style, dv_star):
    """Lines of one facts row: style is 'block', 'block+flow-members' or 'flow'."""

    def val(k, v, flow):
        return dv_star if (k == "dv" and v == "*") else scalar(v, flow)

    def flow_map(r):
        items = []
        for k, v in r.items():
            if k == "blend":
                items.append("blend: [" + ", ".join(flow_map(m) for m in v) + "]")
            else:
                items.append(f"{k}: {val(k, v, True)}")
        return "{" + ", ".join(items) + "}"

    if style == "flow":
        return [f"  - {flow_map(row)}"]
    lines = []
    for k, v in row.items():
        prefix = "  - " if not lines else "    "
        if k != "blend":
            lines.append(f"{prefix}{k}: {val(k, v, False)}")
            continue
        lines.append("    blend:")
        for m in v:
            if style == "block+flow-members":
                lines.append(f"      - {flow_map(m)}")
            else:
                lines += [f"      - name: {scalar(m['name'])}"] + (
                    [f"        amount: {scalar(m['amount'])}"] if "amount" in m else []
                )
    return lines


def build(rng, i):
    """Return (label spec dict, defect or None)."""
    theme = rng.choices(THEMES, weights=[t[0] for t in THEMES])[0]
    _, title, _, _, forms, claim = theme
    rows = [make_row(rng, k) for k in choose_rows(rng, theme)]
    form = rng.choice(forms)
    population = rng.choice(POPULATIONS) if rng.random() < 0.7 else None
    if title == MULTI:
        title, pop = rng.choice(MULTI_NAMES)
        population = pop or population
    per_day = rng.choice([1, 1, 1, 2, 2, 3, "1-2", "1-2", "2-3"])
    n = rng.choice([1, 1, 2]) if form in SOLID else rng.choice([1, 2])
    size = SIZES[form][n > 1].format(n=n)
    # "Vitamin D3 125 mcg", "Magnesium 200 mg": only when the title names the first row
    named = title.split()[0].lower() in rows[0]["name"].lower()
    headline = rows[0]["amount"].split(" (")[0] if named and rng.random() < 0.5 else ""
    howmany = {1: "once daily", 2: "twice daily", 3: "three times daily"}.get(
        per_day, f"{per_day} times daily".replace("-", " to ")
    )
    warnings = []
    if rng.random() < 0.85:
        warnings.append(rng.choice(CONSULT))
    if any(r["name"].startswith("Iron") for r in rows):
        warnings.append(IRON_WARNING)
    warnings.append("Keep out of reach of children.")
    if rng.random() < 0.3:
        rng.shuffle(warnings)
    allergens = None
    if title.startswith("Omega"):
        allergens = "Contains fish (anchovy, sardine, mackerel)."
    elif form == "softgel" and rng.random() < 0.4:
        allergens = "Contains soy."
    elif rng.random() < 0.15:
        allergens = rng.choice(["Contains milk.", "Free of gluten, dairy and soy."])
    spec = {
        "head": [f"# supplint benchmark corpus, label {i:05d}"],
        "product": f"{title} {headline}".strip(),
        "brand": rng.choice(BRANDS),
        "identity": rng.choice(["Dietary Supplement", f"{title} Dietary Supplement"]) if rng.random() < 0.5 else None,
        "form": form if rng.random() < 0.9 else None,
        "population": population,
        "serving": (size, per_day),
        "spc": rng.choice([30, 45, 60, 90, 120, 180, 240, 365]) if rng.random() < 0.9 else None,
        "rows": rows,
        "styles": [
            "flow" if rng.random() < 0.08 else "block+flow-members" if "blend" in r and rng.random() < 0.5 else "block"
            for r in rows
        ],
        "other": rng.sample(INACTIVE[form], rng.randint(1, len(INACTIVE[form]))),
        "other_style": rng.choice(["flow", "flow", "string", "block"]),
        "allergens": allergens,
        "directions": f"Take {size} {howmany}"
        f"{rng.choice(['', ' with a meal', ' with food', ' or as directed by your healthcare provider'])}."
        if form in SOLID or form == "lozenge"
        else f"Use {size} {howmany}{rng.choice(['', ' with water', ' before meals'])}.",
        "claims": [claim],
        "disclaimer": "folded" if rng.random() < 0.6 else "line" if rng.random() < 0.93 else None,
        "warnings": warnings,
        "warnings_string": len(warnings) == 1 and rng.random() < 0.3,
        "notes": None,
        "section_comments": False,
        "row_comments": 0,
        "dv_star": rng.choice(['"*"', "'*'"]),
    }
    defect = None
    if i > 0 and rng.random() < DEFECT_RATE:
        defect = rng.choice(DEFECTS)
        row = rng.choice(rows)
        if defect == "decimal-comma":
            row["amount"] = rng.choice(["1,5 mg", "2,5 mg", "0,5 mg"])
        elif defect == "unknown-unit":
            row["amount"] = rng.choice(["5 mgs", "50 mgs", "500 mgs"])
        elif defect == "unknown-key":
            spec["warnings_string"] = False  # the typo goes on a `warnings:` block line
    return spec, defect


def render(spec):
    L = list(spec["head"])
    L.append(f"product: {scalar(spec['product'])}")
    for key in ("brand", "identity", "form", "population"):
        if spec[key]:
            L.append(f"{key}: {scalar(spec[key])}")
    size, per_day = spec["serving"]
    L += [
        "serving:",
        f"  size: {scalar(size)}",
        f"  per_day: {per_day if isinstance(per_day, int) else scalar(per_day)}",
    ]
    if spec["spc"]:
        L.append(f"servings_per_container: {spec['spc']}")
    if spec["section_comments"]:
        L.append("# Supplement Facts panel, rows in printed order")
    L.append("facts:")
    for k, (row, style) in enumerate(zip(spec["rows"], spec["styles"], strict=False)):
        lines = render_row(row, style, spec["dv_star"])
        if k < spec["row_comments"] and style != "flow":
            lines.append("    # amount per serving as printed")
        L += lines
    if spec["section_comments"]:
        L.append("# Printed statements")
    other = spec["other"]
    if spec["other_style"] == "flow":
        L.append("other_ingredients: [" + ", ".join(scalar(o, True) for o in other) + "]")
    elif spec["other_style"] == "string":
        L.append(f"other_ingredients: {scalar((', '.join(other)).capitalize() + '.')}")
    else:
        L += ["other_ingredients:"] + [f"  - {scalar(o)}" for o in other]
    if spec["allergens"]:
        L.append(f"allergens: {scalar(spec['allergens'])}")
    L.append(f"directions: {scalar(spec['directions'])}")
    L += ["claims:"] + [f"  - {scalar(c)}" for c in spec["claims"]]
    if spec["disclaimer"] == "folded":
        L += ["disclaimer: >-"] + [f"  {d}" for d in DISCLAIMER]
    elif spec["disclaimer"] == "line":
        L.append(f"disclaimer: {scalar(' '.join(DISCLAIMER))}")
    if spec["warnings_string"]:
        L.append(f"warnings: {scalar(spec['warnings'][0])}")
    else:
        L += ["warnings:"] + [f"  - {scalar(w)}" for w in spec["warnings"]]
    notes = spec["notes"]
    if isinstance(notes, str):
        L.append(f"notes: {scalar(notes)}")
    elif notes:
        L += ["notes:"] + [f"  - {scalar(n)}" for n in notes]
    return L


def fit(rng, spec, target):
    """Grow or shrink the label towards `target` lines (28-60) the way real files differ: more statements and
    comments when short, one-line flow rows when long."""
    pads = [
        lambda s: s["head"].append(rng.choice(HEAD_COMMENTS[1:])),
        lambda s: s.__setitem__("section_comments", True),
        lambda s: s.__setitem__("notes", rng.choice(NOTES)),
        lambda s: s.__setitem__("notes", rng.sample(NOTES, 3)),
        lambda s: s["warnings"].append(MORE_WARNINGS[1 + len(s["warnings"]) % 4]),  # never the same one twice
        lambda s: s["warnings"].append(MORE_WARNINGS[1 + (len(s["warnings"]) + 2) % 4]),
        lambda s: s["claims"].append("Formulated for optimal absorption.*"),
        lambda s: s.__setitem__("other_style", "block"),
        lambda s: s.__setitem__("row_comments", 2),
        lambda s: s.__setitem__("disclaimer", "folded"),
        lambda s: s.__setitem__("warnings_string", False),
        lambda s: s.__setitem__("identity", s["identity"] or "Dietary Supplement"),
    ]
    rng.shuffle(pads)
    while len(render(spec)) < target and pads:
        pads.pop()(spec)
    # shrink: turn block rows into one-line flow rows, last rows first (long multis end up mostly flow)
    n = len(render(spec))
    for k in reversed(range(len(spec["rows"]))):
        if n <= target:
            break
        if spec["styles"][k] == "flow":
            continue
        n -= len(render_row(spec["rows"][k], spec["styles"][k], "")) - 1 + (k < spec["row_comments"])
        spec["styles"][k] = "flow"
    while len(render(spec)) < 28:  # very short products: a reviewer's comment lines
        spec["head"].append(f"# checked by QA, pass {len(spec['head'])}")


def make_label(i, seed):
    """Return (text, defect) for label i."""
    rng = random.Random(f"{seed}:{i}")  # str seeds hash deterministically (unlike hash() of a str)
    spec, defect = build(rng, i)
    fit(rng, spec, rng.randint(28, 60))
    lines = render(spec)
    if defect == "unknown-key":
        j = lines.index("warnings:")
        lines[j] = "warning:"
    elif defect == "syntax":
        lines = _break_yaml(rng, lines)
    return "\n".join(lines) + "\n", defect


def _break_yaml(rng, lines):
    """Introduce one of the syntax errors people make when editing by hand."""
    choices = ["indent", "quote", "tab"]
    flows = [j for j, s in enumerate(lines) if s.startswith("  - {")]
    stars = [j for j, s in enumerate(lines) if s.endswith(('dv: "*"', "dv: '*'"))]
    choices += ["unclosed"] * bool(flows) + ["alias"] * bool(stars)
    kind = rng.choice(choices)
    if kind == "indent":  # per_day one column left of size
        j = next(j for j, s in enumerate(lines) if s.startswith("  per_day:"))
        lines[j] = lines[j][1:]
    elif kind == "quote":  # an opening quote without its closing one
        j = next(j for j, s in enumerate(lines) if s.startswith("directions:"))
        lines[j] = lines[j].replace("directions: ", 'directions: "', 1).replace('""', '"', 1)
    elif kind == "tab":  # a tab used for indentation
        j = next(j for j, s in enumerate(lines) if s.startswith("  - "))
        lines[j] = "\t" + lines[j][2:]
    elif kind == "unclosed":
        j = rng.choice(flows)
        lines[j] = lines[j][:-1]
    else:  # a bare * starts an alias
        j = rng.choice(stars)
        lines[j] = lines[j][: lines[j].rindex("dv:")] + "dv: *"
    return lines


def write_corpus(outdir, count=10000, seed=20261):
    """Write the corpus; return {file name: defect kind} for the labels with a deliberate defect."""
    os.makedirs(outdir, exist_ok=True)
    defects = {}
    for i in range(count):
        text, defect = make_label(i, seed)
        name = f"label_{i:05d}.yaml"
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if defect:
            defects[name] = defect
    return defects


ALLOWED_KEYS = {
    "product",
    "brand",
    "identity",
    "form",
    "population",
    "serving",
    "servings_per_container",
    "facts",
    "other_ingredients",
    "allergens",
    "directions",
    "claims",
    "disclaimer",
    "warnings",
    "notes",
}


def verify(outdir, count, seed):
    """Load every file with CSafeLoader: only the deliberate syntax errors may fail. Print a summary."""
    import yaml  # only for --verify: generation itself is stdlib-only

    bad, stats = [], {"loaded": 0, "syntax-failed": 0, "micro": 0, "flow": 0, "consult": 0, "lines": []}
    for i in range(count):
        path = os.path.join(outdir, f"label_{i:05d}.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        _, defect = make_label(i, seed)
        n_lines = text.count("\n")
        stats["lines"].append(n_lines)
        try:
            data = yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError as e:
            stats["syntax-failed"] += 1
            if defect != "syntax":
                bad.append(f"{path}: unexpected YAML error: {e}")
            continue
        stats["loaded"] += 1
        if defect == "syntax":
            bad.append(f"{path}: meant to be a syntax error but loaded")
        unknown = set(data) - ALLOWED_KEYS
        if unknown != ({"warning"} if defect == "unknown-key" else set()):
            bad.append(f"{path}: unexpected keys {unknown}")
        facts = data["facts"]
        ok = 1 <= len(facts) <= 25 and all(
            isinstance(r.get("amount"), str) and isinstance(r.get("name"), str) for r in facts
        )
        ok = ok and all(isinstance(r.get("dv", ""), str) for r in facts) and isinstance(data["serving"]["size"], str)
        ok = ok and 28 <= n_lines <= 60 and isinstance(data["product"], str)
        if not ok:
            bad.append(f"{path}: shape check failed")
        stats["micro"] += "µg" in text
        stats["flow"] += "\n  - {" in text
        stats["consult"] += "consult" in str(data.get("warnings", data.get("warning", ""))).lower()
    lines = sorted(stats["lines"])
    print(
        f"verify: {count} files, {stats['loaded']} loaded with CSafeLoader, {stats['syntax-failed']} failed "
        f"(all deliberate syntax errors: {'yes' if not bad else 'NO'}); lines {lines[0]}-{lines[-1]} "
        f"(median {lines[len(lines) // 2]}); with µg {stats['micro']}, with flow rows {stats['flow']}, "
        f"with a consult warning {stats['consult']}"
    )
    for b in bad[:20]:
        print("  " + b)
    return not bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20261)
    ap.add_argument("--verify", action="store_true", help="re-read the files with PyYAML and check them")
    ap.add_argument("--defects", metavar="FILE", help="write {file name: defect kind} as JSON to FILE")
    a = ap.parse_args(argv)
    defects = write_corpus(a.outdir, a.count, a.seed)
    if a.defects:
        with open(a.defects, "w", encoding="utf-8") as f:
            json.dump(defects, f, indent=0)
    tally = {k: list(defects.values()).count(k) for k in DEFECTS}
    print(
        f"wrote {a.count} labels to {a.outdir}; deliberate defects: " + ", ".join(f"{k} {v}" for k, v in tally.items())
    )
    if a.verify and not verify(a.outdir, a.count, a.seed):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
