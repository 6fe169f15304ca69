#!/usr/bin/env python3
"""Write a deterministic synthetic set of affiliate pages that name labels of a generated corpus (stdlib only).

    python bench/gen_pages.py OUTDIR --labels LABELDIR [--count N] [--seed S] [--defects FILE]

Writes OUTDIR/post_00000.md ... (about 85 %) and OUTDIR/post_NNNNN.html (about 15 %): supplement reviews and
round-ups of 300-1,500 words of prose with headings, lists, now and then a table, rarely a code span. Each page
names 1-4 labels of LABELDIR (the `label_NNNNN.yaml` files bench/gen_corpus.py writes) by a path relative to the
page, in Markdown front matter (`supplements:`) or in HTML `<link rel="supplement">` / `<meta name="supplements">`;
about one page in six also embeds a small valid label (a ```supplement fence, or a
`<script type="application/x-supplement+yaml">`). Affiliate links come in the usual kinds: Amazon `?tag=`, amzn.to
short links, ShareASale and Awin network links, brand shops with `?ref=`, `rel="sponsored"` (HTML, and raw `<a>`
tags pasted into Markdown), next to ordinary links (NIH fact sheets, PubMed, the site's own guides).

A clean page discloses the affiliate connection before its first affiliate link and advises consulting a
healthcare provider. About 10 % of pages (never page 0) carry exactly one deliberate page defect (see DEFECTS); the
labels a page names are the corpus's own, so their label findings (and the corpus's label defects) show up on the
page too. Page i depends only on (seed, i) and on which labels LABELDIR holds.
"""

import argparse
import html
import json
import os
import random
import re
import sys

#: Page defect kind -> the rule that must report it.
DEFECTS = {
    "no-disclosure": "SUP401",
    "late-disclosure": "SUP402",
    "no-consult-note": "SUP403",
    "disease-claim": "SUP404",
    "broken-reference": "SUP405",
}
DEFECT_EVERY = 10  # page i carries a defect when i % 10 == 5
HTML_RATE = 0.15
EMBED_RATE = 0.16

# Topics: key -> (product-name prefixes in the label corpus, what the post is about, structure/function benefits,
# food sources, forms worth buying, a cheap form, the unit the dose talk uses).
TOPICS = {
    "multi": (
        [
            "Complete Multi",
            "Daily Multivitamin",
            "Men's Multivitamin",
            "Women's Multivitamin",
            "Multivitamin 50+",
            "Senior Multi 70+",
        ],
        "multivitamin",
        ["supports overall health", "helps fill common nutrient gaps", "supports normal energy metabolism"],
        ["leafy greens", "beans and lentils", "eggs", "whole grains"],
        ["methylfolate", "methylcobalamin", "magnesium glycinate"],
        "magnesium oxide",
        "tablets",
    ),
    "fish-oil": (
        ["Omega-3 Fish Oil"],
        "fish oil",
        [
            "supports heart health",
            "supports healthy brain function",
            "helps maintain healthy triglyceride levels already within the normal range",
        ],
        ["salmon and trout", "sardines", "mackerel", "anchovies"],
        ["triglyceride-form fish oil", "enteric-coated softgels"],
        "ethyl-ester concentrate",
        "softgels",
    ),
    "b-complex": (
        ["B-Complex", "Vitamin B12"],
        "B vitamins",
        ["support normal energy metabolism", "support a healthy nervous system"],
        ["eggs", "dairy foods", "fortified cereals", "fish and poultry"],
        ["methylcobalamin", "pyridoxal 5'-phosphate"],
        "cyanocobalamin",
        "capsules",
    ),
    "vitamin-d": (
        ["Vitamin D3", "Vitamin D3 + K2", "Calcium + D3"],
        "vitamin D",
        ["supports healthy bones and teeth", "supports immune function", "helps the body absorb calcium"],
        ["fatty fish", "egg yolks", "fortified dairy products", "UV-exposed mushrooms"],
        ["cholecalciferol (D3)", "D3 in olive oil"],
        "ergocalciferol (D2)",
        "softgels",
    ),
    "coq10": (
        ["CoQ10"],
        "CoQ10",
        ["supports cellular energy production", "supports heart health"],
        ["organ meats", "sardines", "peanuts"],
        ["ubiquinol", "ubiquinone in oil"],
        "dry powder capsules",
        "softgels",
    ),
    "magnesium": (
        ["Magnesium", "Electrolyte Mix"],
        "magnesium",
        ["supports normal muscle function", "supports restful sleep", "supports relaxation"],
        ["pumpkin seeds", "almonds", "spinach", "black beans"],
        ["magnesium glycinate", "magnesium citrate"],
        "magnesium oxide",
        "capsules",
    ),
    "vitamin-c": (
        ["Vitamin C"],
        "vitamin C",
        ["supports immune function", "supports collagen formation"],
        ["citrus fruits", "bell peppers", "kiwis", "strawberries"],
        ["ascorbic acid", "buffered calcium ascorbate"],
        "chewable sugar tablets",
        "tablets",
    ),
    "beauty": (
        ["Hair, Skin & Nails"],
        "biotin",
        ["supports healthy hair, skin and nails"],
        ["eggs", "nuts", "sweet potatoes"],
        ["d-biotin"],
        "gummies heavy in sugar",
        "gummies",
    ),
    "probiotic": (
        ["Probiotic", "Daily Greens"],
        "probiotics",
        ["support digestive health", "support a healthy gut flora"],
        ["yogurt and kefir", "fermented vegetables", "miso and tempeh"],
        ["multi-strain blends", "delayed-release capsules"],
        "single-strain powders",
        "capsules",
    ),
    "sleep": (
        ["Sleep Support", "Ashwagandha"],
        "sleep support",
        ["supports restful sleep", "helps with occasional sleeplessness", "supports a healthy response to stress"],
        ["tart cherries", "kiwis", "oats"],
        ["low-dose melatonin", "KSM-66 ashwagandha"],
        "high-dose melatonin",
        "capsules",
    ),
    "iron": (
        ["Iron"],
        "iron",
        ["supports healthy red blood cells", "supports normal oxygen transport"],
        ["lean meats", "lentils", "beans", "fortified cereals"],
        ["iron bisglycinate"],
        "ferrous sulfate",
        "tablets",
    ),
    "eye": (
        ["Eye Health"],
        "eye health",
        ["supports healthy vision", "supports macular health"],
        ["kale", "leafy greens", "egg yolks", "orange peppers"],
        ["lutein from marigold", "zeaxanthin"],
        "beta-carotene only",
        "softgels",
    ),
    "zinc": (
        ["Zinc"],
        "zinc",
        ["supports immune function", "supports healthy skin"],
        ["oysters", "beans", "pumpkin seeds", "chickpeas"],
        ["zinc picolinate", "zinc bisglycinate"],
        "zinc oxide",
        "capsules",
    ),
    "joint": (
        ["Joint Support"],
        "joint support",
        ["supports joint comfort", "supports flexibility and mobility"],
        ["fatty fish", "berries", "leafy greens"],
        ["turmeric with black pepper extract", "Boswellia"],
        "plain turmeric powder",
        "capsules",
    ),
}
TITLES = [
    "The {N} best {t} supplements of {y}",
    "Best {t} supplements in {y}: our honest picks",
    "{T} supplements compared: {N} we would buy again",
    "How to choose {a_t} supplement (and {N} we like)",
    "Our favorite {t} supplements, tested for {w} weeks",
    "{T}: what to buy and what to skip",
    "The {t} buying guide for {y}",
    "{N} {t} supplements worth your money",
]
HEADINGS = [
    "Why {t}?",
    "How we chose",
    "What to look for",
    "Our verdict",
    "How much do you need?",
    "Forms compared",
    "Price per serving",
    "Who should skip it",
    "Taste, size and convenience",
    "How we tested",
    "The runners-up",
    "What the label tells you",
    "Common questions",
    "Getting {t} from food",
    "Timing and absorption",
]
SENTENCES = [
    "Most people reach for {t} because it {benefit}.",
    "Food comes first: {food} are good sources, and a supplement only fills the gap.",
    "We compared labels side by side, not marketing copy.",
    "The form matters more than the brand name on the front of the bottle.",
    "Read the Supplement Facts panel and check the amount per serving, not per bottle.",
    "A serving of two {unit} is not the same as one, so read the serving size first.",
    "Third-party testing is worth paying a little more for.",
    "We bought every product ourselves and took each one for at least four weeks.",
    "Price per serving ranged from a few cents to well over a dollar.",
    "Some of the cheaper options use {cheap}, which the body tends to absorb less well.",
    "If you already take a multivitamin, add up the amounts before you stack another product on top.",
    "Taking it with a meal helps with absorption and keeps an empty stomach from complaining.",
    "We kept every bottle on a kitchen shelf for three months to see how it held up.",
    "Size varied a lot: the largest of the {unit} we tried was nearly an inch long.",
    "None of our top picks contain artificial colors or sweeteners.",
    "A good label names the exact form, for example {form}.",
    "Upper limits exist for a reason, and more is not better.",
    "Store the bottle somewhere cool and dry, away from the stove and the dishwasher.",
    "Our testers preferred {form} over {cheap} almost every time.",
    "Check the expiry date as well as the lot number when a new bottle arrives.",
    "The research on {t} is large, and the effects in healthy adults are modest.",
    "One of the {unit} a day is easy to remember; three a day is not.",
    "Vegans should check whether the capsule shell is gelatin.",
    "The cheapest bottle on the shelf was also the one with the most filler.",
    "Several readers wrote in to ask about {form}, so we added it to this update.",
    "Brands change formulas without much notice, so we recheck our picks every few months.",
    "Eating more {food} is still the cheapest way to get there.",
    "We also weighed how easy each brand makes it to find a certificate of analysis.",
    "Subscriptions can save about ten percent, but only if you actually finish each bottle.",
    "Generic store brands did better than we expected.",
    "Many products stack {t} with other nutrients, which can be handy or redundant.",
    "Nothing here replaces a varied diet, regular sleep and some daylight.",
    "Dose is where most products differ, far more than in quality.",
    "We noted smell and aftertaste, because a bottle you dislike ends up unused.",
    "Packaging matters too: glass and opaque bottles protect the contents better.",
    "If a label hides its amounts behind a proprietary blend, we moved on.",
]
# Plain mentions of a disease with no claim about it: a page rule must leave them alone.
NEAR_MISSES = [
    "This product is not intended to diagnose, treat, cure, or prevent any disease.",
    "Many of our picks are gluten-free and suitable for people with celiac disease.",
    "Stock up before cold and flu season, when the shelves run empty.",
    "Heart disease runs in many families, and it is worth knowing your numbers.",
    "Deficiency is more common in older adults and in people with Crohn's disease.",
    "Skip the gummies if you have diabetes: most are sweetened with sugar.",
    (
        "Adequate calcium and vitamin D throughout life, as part of a well-balanced diet, may reduce the risk of "
        "osteoporosis."
    ),
]
CLAIMS = [  # the deliberate disease claims (SUP404)
    "In our experience {product} cures arthritis within a few weeks.",
    "Taken daily, {t} prevents osteoporosis.",
    "This is the one we recommend because it treats high blood pressure naturally.",
    "Readers tell us it relieves their migraines better than anything else.",
    "A daily dose fights infections before they start.",
    "Our top pick reduces the risk of heart disease.",
    "It is a natural remedy for insomnia.",
    "{product} lowers cholesterol without a prescription.",
]
DISCLOSURES = [
    "This post contains affiliate links: if you buy through them we may earn a commission, at no extra cost to you.",
    "Disclosure: as an Amazon Associate we earn from qualifying purchases.",
    "We may earn a small commission when you buy through links on this page.",
    "Heads up: this article contains affiliate links, and we earn a commission on some purchases.",
    "Some links below are affiliate links: we earn a commission on them. We only recommend products we have tried.",
]
CONSULTS = [
    "Talk to your healthcare provider before starting a supplement, especially if you take medication.",
    "Check with your doctor or pharmacist before use if you are pregnant, nursing or take prescription drugs.",
    "Please consult a healthcare professional before adding a new supplement to your routine.",
    "Ask your physician before taking {t} if you have a medical condition.",
]
SITES = ["vitalshelf", "dailydose", "thewellnessreview", "nutrinerd", "labelwise", "greenpantry", "fitfacts"]
AUTHORS = ["Maya Lindqvist", "Daniel Okafor", "Priya Raman", "Tom Becker", "Ana Souza", "Chris Walsh"]
ORDINARY = [
    ("the NIH fact sheet", "https://ods.od.nih.gov/factsheets/{ods}-HealthProfessional/"),
    ("a recent review", "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"),
    ("our guide to reading labels", "/guides/reading-supplement-labels/"),
    (
        "USP's verification program",
        "https://www.usp.org/verification-services/dietary-supplements-verification-program",
    ),
    ("the FDA's consumer page", "https://www.fda.gov/food/dietary-supplements"),
    ("our methodology", "/about/how-we-test/"),
]
ODS = {
    "multi": "MVMS",
    "fish-oil": "Omega3FattyAcids",
    "b-complex": "VitaminB12",
    "vitamin-d": "VitaminD",
    "coq10": "CoenzymeQ10",
    "magnesium": "Magnesium",
    "vitamin-c": "VitaminC",
    "beauty": "Biotin",
    "probiotic": "Probiotics",
    "sleep": "Melatonin",
    "iron": "Iron",
    "eye": "VitaminA",
    "zinc": "Zinc",
    "joint": "Turmeric",
}
SINGULAR = {"tablets": "tablet", "softgels": "softgel", "capsules": "capsule", "gummies": "gummy"}
ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

# Small labels known to pass every label rule (embedded in about one page in six).
EMBEDS = [
    (
        "Vitamin D3 + K2 Softgels",
        "softgel",
        "1 softgel",
        [
            ("Vitamin D3", "cholecalciferol", "50 mcg (2,000 IU)", "250%"),
            ("Vitamin K2", "menaquinone-7 (MK-7)", "100 mcg", "83%"),
        ],
        ["extra virgin olive oil", "gelatin", "glycerin"],
        "Supports bone and cardiovascular health.*",
        ["If you take blood-thinning (anticoagulant) medication such as warfarin, talk to your doctor before use."],
    ),
    (
        "Vitamin C 500 mg",
        "tablet",
        "1 tablet",
        [("Vitamin C", "ascorbic acid", "500 mg", "556%")],
        ["microcrystalline cellulose", "hypromellose", "stearic acid"],
        "Supports immune function.*",
        [],
    ),
    (
        "Magnesium Glycinate 200 mg",
        "capsule",
        "2 capsules",
        [("Magnesium", "magnesium bisglycinate chelate", "200 mg", "48%")],
        ["hypromellose", "rice flour"],
        "Supports normal muscle function.*",
        [],
    ),
    (
        "Zinc 15 mg",
        "capsule",
        "1 capsule",
        [("Zinc", "zinc picolinate", "15 mg", "136%")],
        ["hypromellose", "rice flour"],
        "Supports immune function.*",
        [],
    ),
]


def slug(rng, n=10):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def read_labels(labeldir):
    """{topic: [(label index, product, brand)]} from the label files' product: and brand: lines, and the count."""
    names = sorted(n for n in os.listdir(labeldir) if re.fullmatch(r"label_\d{5}\.yaml", n))
    if not names:
        sys.exit(f"gen_pages.py: no label_NNNNN.yaml files in {labeldir}")
    by_topic = {k: [] for k in TOPICS}
    for name in names:
        product = brand = ""
        with open(os.path.join(labeldir, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("product:"):
                    product = line[8:].strip().strip("\"'")
                elif line.startswith("brand:"):
                    brand = line[6:].strip().strip("\"'")
                if product and brand:
                    break
        for key, topic in TOPICS.items():
            if any(product.startswith(p) for p in topic[0]):
                by_topic[key].append((name, product, brand or "House Brand"))
                break
    return {k: v for k, v in by_topic.items() if v}, names


class Page:
    """Blocks of one page, rendered to Markdown or HTML at the end. A block is (kind, payload)."""

    def __init__(self):
        self.blocks = []
        self.words = 0

    def add(self, kind, payload, words=0):
        self.blocks.append((kind, payload))
        self.words += words


def affiliate_link(rng, site, product, brand, html_page):
    """(url, rel, markdown_raw): one affiliate link of a random kind."""
    kind = rng.choices(["amazon", "amzn.to", "shareasale", "awin", "ref", "sponsored"], [35, 20, 12, 10, 10, 13])[0]
    shop = re.sub(r"[^a-z]", "", brand.lower()) or "shop"
    path = re.sub(r"[^a-z0-9]+", "-", product.lower()).strip("-")
    if kind == "amazon":
        extra = rng.choice(["", "&linkCode=ll1", "&th=1&psc=1"])
        return f"https://www.amazon.com/dp/B0{slug(rng, 8)}?tag={site}-20{extra}", "", False
    if kind == "amzn.to":
        return f"https://amzn.to/{rng.choice('34')}{slug(rng, 6).lower()}", "", False
    if kind == "shareasale":
        return (
            (
                f"https://shareasale.com/r.cfm?b={rng.randint(100000, 999999)}&u={rng.randint(1000000, 3999999)}"
                f"&m={rng.randint(10000, 99999)}&urllink=www.{shop}.com%2F{path}&afftrack="
            ),
            "",
            rng.random() < 0.5,
        )
    if kind == "awin":
        return (
            (
                f"https://www.awin1.com/cread.php?awinmid={rng.randint(1000, 29999)}"
                f"&awinaffid={rng.randint(100000, 999999)}"
                f"&ued=https%3A%2F%2Fwww.{shop}.com%2Fproducts%2F{path}"
            ),
            "",
            rng.random() < 0.3,
        )
    if kind == "ref":
        return f"https://www.{shop}.com/products/{path}?ref={site}", "", False
    # a plain shop URL, paid only by rel="sponsored": raw <a> in Markdown, since Markdown links carry no rel
    return (
        f"https://www.{shop}.com/products/{path}",
        rng.choice(["sponsored", "sponsored nofollow", "nofollow sponsored noopener"]),
        True,
    )


def sentence(rng, ctx):
    """The next sentence of the page's shuffled deck (no sentence twice until the deck runs out)."""
    deck = ctx["deck"]
    if not deck:
        deck += rng.sample(SENTENCES, len(SENTENCES))
    return deck.pop().format(
        **ctx, benefit=rng.choice(ctx["benefits"]), food=rng.choice(ctx["foods"]), form=rng.choice(ctx["forms"])
    )


def paragraph(rng, ctx, n=None):
    return " ".join(sentence(rng, ctx) for _ in range(n or rng.randint(2, 5)))


def build(rng, i, by_topic, names, relpath):
    """Return (page fields, defect kind or None)."""
    defect = None
    if i % DEFECT_EVERY == DEFECT_EVERY // 2:  # 10 %, never page 0, the kinds in turn
        defect = list(DEFECTS)[(i // DEFECT_EVERY) % len(DEFECTS)]
    is_html = rng.random() < HTML_RATE
    key = rng.choice(sorted(by_topic))
    _, t, benefits, foods, forms, cheap, unit = TOPICS[key]
    picks = rng.sample(by_topic[key], min(len(by_topic[key]), rng.choices([1, 2, 3, 4], [25, 30, 25, 20])[0]))
    site = rng.choice(SITES)
    ctx = {
        "t": t,
        "T": t[0].upper() + t[1:],
        "benefits": benefits,
        "foods": foods,
        "forms": forms,
        "cheap": cheap,
        "unit": unit,
        "deck": [],
        "a_t": ("an " if t[0] in "aeiou" else "a ") + t,
    }
    refs = [relpath(name) for name, _, _ in picks]
    if defect == "broken-reference":
        j = rng.randrange(len(refs))
        bad = rng.choice(["beyond", "unpadded", "extension", "folder"])
        name = picks[j][0]
        refs[j] = {
            "beyond": relpath(f"label_{len(names) + rng.randint(0, 500):05d}.yaml"),  # past the corpus
            "unpadded": relpath(f"label_{int(name[6:11])}.yaml" if name[6] == "0" else name[:-5] + ".yml"),
            "extension": relpath(name[:-5] + ".yml"),
            "folder": "labels/" + name,
        }[bad]  # a folder next to the page that does not exist
    title = rng.choice(TITLES).format(
        N=len(picks) if len(picks) > 1 else rng.choice([3, 5, 7]),
        t=t,
        T=ctx["T"],
        y=rng.choice([2025, 2026]),
        w=rng.choice([4, 6, 8, 12]),
        a_t=ctx["a_t"],
    )
    page = Page()
    target = int(rng.triangular(300, 1500, 650))
    links = [affiliate_link(rng, site, p, b, is_html) for _, p, b in picks]
    disclosure = rng.choice(DISCLOSURES)
    consult = rng.choice(CONSULTS).format(**ctx)
    early = defect not in ("no-disclosure", "late-disclosure")
    if early:
        page.add("disclosure", disclosure, 15)
    page.add("para", paragraph(rng, ctx, rng.randint(3, 5)), 60)
    # the picks, each with its affiliate link
    page.add("heading", "Our picks")
    items = []
    for (_name, product, brand), link in zip(picks, links, strict=False):
        items.append((f"{brand} {product}", link, rng.choice(benefits)))
    page.add("picks", items, 12 * len(items))
    if defect == "disease-claim":
        product = f"{picks[0][2]} {picks[0][1]}"
        page.add("para", rng.choice(CLAIMS).format(product=product, t=t) + " " + paragraph(rng, ctx, 2), 40)
    embed = rng.random() < EMBED_RATE
    consult_at = rng.random()
    headings = rng.sample(HEADINGS, len(HEADINGS))
    h, tabled = 0, False
    while page.words < target:
        page.add("heading", headings[h % len(headings)].format(t=t))
        h += 1
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.15:
                page.add("list", [sentence(rng, ctx) for _ in range(rng.randint(3, 6))], 60)
            elif r < 0.18 and (len(picks) == 1 or tabled):  # one table at most
                page.add("para", paragraph(rng, ctx), 65)
            elif r < 0.18:
                rows = [
                    (
                        f"{b} {p}",
                        rng.choice([SINGULAR[unit], SINGULAR[unit], "scoop", "gummy"]),
                        f"${rng.randint(8, 45)}.{rng.randint(0, 99):02d}",
                        rng.choice(["yes", "no"]),
                    )
                    for _, p, b in picks
                ]
                page.add("table", rows, 8 * len(rows))
                tabled = True
            elif r < 0.185:  # a code span, rarely
                page.add(
                    "code",
                    (
                        rng.choice(
                            ["Check the lot number printed as", "Our notes call it", "Look for the seal marked"]
                        ),
                        rng.choice(["LOT 24B117", "USP Verified", "MK-7", "NSF 173"]),
                    ),
                    8,
                )
            elif r < 0.26:
                label, url = rng.choice(ORDINARY)
                url = url.format(ods=ODS[key], pmid=rng.randint(20000000, 39999999))
                page.add("ref", (paragraph(rng, ctx, 2), label, url), 45)
            elif r < 0.33:
                page.add("para", rng.choice(NEAR_MISSES) + " " + paragraph(rng, ctx, 2), 45)
            else:
                page.add("para", paragraph(rng, ctx), 65)
        if embed and h == 2:
            page.add("embed", make_embed(rng, picks[0][2]))
        if defect != "no-consult-note" and consult_at < 0.5 and h == 2:
            page.add("para", consult, 20)
            consult_at = 2.0
    if embed and h < 2:
        page.add("embed", make_embed(rng, picks[0][2]))
    if defect != "no-consult-note" and consult_at <= 1.0:
        page.add("heading", "Before you buy")
        page.add("para", consult + " " + paragraph(rng, ctx, 1), 30)
    if rng.random() < 0.5:  # one more affiliate link, to the first pick, at the end
        page.add("cta", (f"{picks[0][2]} {picks[0][1]}", links[0]))
    if defect == "late-disclosure":
        page.add("footer-disclosure", disclosure)
    fields = {
        "title": title,
        "description": f"What to look for in {ctx['a_t']} supplement, and the ones we take ourselves.",
        "author": rng.choice(AUTHORS),
        "date": f"{rng.choice([2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "refs": refs,
        "blocks": page.blocks,
        "site": site,
        "style": rng.random(),
    }
    return fields, defect, is_html


def make_embed(rng, brand):
    product, form, size, rows, other, claim, extra = rng.choice(EMBEDS)
    lines = [
        f"product: {product}",
        f"brand: {brand}",
        "identity: Dietary Supplement",
        f"form: {form}",
        "serving:",
        f"  size: {size}",
        "  per_day: 1",
        f"servings_per_container: {rng.choice([30, 60, 90, 120])}",
        "facts:",
    ]
    for name, as_, amount, dv in rows:
        amount = f'"{amount}"' if "," in amount else amount  # a comma would end the value in a flow mapping
        lines.append(f"  - {{name: {name}, as: {as_}, amount: {amount}, dv: {dv}}}")
    lines += [
        f"other_ingredients: [{', '.join(other)}]",
        f"directions: Take {size} daily with a meal.",
        f"claims: {claim}",
        "disclaimer: >-",
        "  These statements have not been evaluated by the Food and Drug Administration.",
        "  This product is not intended to diagnose, treat, cure, or prevent any disease.",
        "warnings:",
        (
            "  - Consult your healthcare provider before use if you are pregnant, nursing, taking medication or have a "
            "medical condition."
        ),
    ]
    lines += [f"  - {w}" for w in extra] + ["  - Keep out of reach of children."]
    return lines


def wrap(text, width=110):
    """Hard-wrap prose the way editors do (a soft line break inside a paragraph)."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(out + [line])


def yaml_str(s):
    return s if re.fullmatch(r"[A-Za-z0-9][^:#'\"{}\[\],&*!|>%@`]*", s) else '"' + s.replace('"', '\\"') + '"'


def render_markdown(f):
    style = f["style"]
    out = [
        "---",
        f"title: {yaml_str(f['title'])}",
        f"description: {yaml_str(f['description'])}",
        f"author: {f['author']}",
        f"date: {f['date']}",
    ]
    if style < 0.4:
        out.append(f"supplements: [{', '.join(f['refs'])}]")
    else:
        out += ["supplements:"] + [f"  - {r}" for r in f["refs"]]
    out += ["tags: [supplements, reviews]", "---", f"# {f['title']}", ""]

    def link_md(text, link):
        url, rel, raw = link
        if raw or rel:
            return f'<a href="{html.escape(url)}" rel="{rel or "sponsored"}" target="_blank">{text}</a>'
        return f"[{text}]({url})"

    for kind, p in f["blocks"]:
        if kind == "disclosure":
            out.append([f"*{p}*", f"> **Disclosure:** {p}", f"<small>{p}</small>", p][int(style * 4) % 4])
        elif kind == "heading":
            out.append(f"## {p}")
        elif kind == "para":
            out.append(wrap(p))
        elif kind == "picks":
            out += [f"{n}. **{link_md(text, link)}**: {why}." for n, (text, link, why) in enumerate(p, 1)]
        elif kind == "list":
            out += [f"- {s}" for s in p]
        elif kind == "table":
            out += ["| Product | Serving | Price | Third-party tested |", "|---|---|---:|:---:|"]
            out += [f"| {a} | 1 {b} | {c} | {d} |" for a, b, c, d in p]
        elif kind == "code":
            out.append(f"{p[0]} `{p[1]}` on the bottle.")
        elif kind == "ref":
            out.append(wrap(f"{p[0]} For the details, see [{p[1]}]({p[2]})."))
        elif kind == "embed":
            out += ["Here is the label of the one we keep in the cupboard:", "", "```supplement"] + p + ["```"]
        elif kind == "cta":
            out.append(f"Ready to try it? {link_md('Check the price of ' + p[0], p[1])}.")
        elif kind == "footer-disclosure":
            out += ["---", f"<small>{p}</small>"]
        out.append("")
    return "\n".join(out)


def render_html(f):
    e = html.escape
    refs = f["refs"]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '  <meta charset="utf-8">',
        f"  <title>{e(f['title'])}</title>",
        f'  <meta name="description" content="{e(f["description"])}">',
        f'  <meta name="author" content="{e(f["author"])}">',
    ]
    if f["style"] < 0.5:
        head += [f'  <link rel="supplement" href="{e(r)}">' for r in refs]
    else:
        head.append(f'  <meta name="supplements" content="{e(", ".join(refs))}">')
    head += [
        '  <link rel="stylesheet" href="/assets/site.css">',
        f"  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{site: '{f['site']}'}});</script>",
        "</head>",
        "<body>",
        '<header><nav><a href="/">Home</a> &middot; <a href="/reviews/">Reviews</a> &middot; '
        '<a href="/about/">About</a></nav></header>',
        "<main>",
        "<article>",
    ]
    out = list(head)

    def link_html(text, link):
        url, rel, _ = link
        rel_attr = f' rel="{rel}"' if rel else (' rel="sponsored nofollow"' if f["style"] < 0.7 else "")
        return f'<a href="{e(url)}"{rel_attr}>{e(text)}</a>'

    first_heading = True
    for kind, p in f["blocks"]:
        if kind == "disclosure":
            out.append(f'  <p class="disclosure"><em>{e(p)}</em></p>')
            if first_heading:
                out.append(f"  <h1>{e(f['title'])}</h1>")
                first_heading = False
            continue
        if first_heading:
            out.append(f"  <h1>{e(f['title'])}</h1>")
            first_heading = False
        if kind == "heading":
            out.append(f"  <h2>{e(p)}</h2>")
        elif kind == "para":
            out.append("  <p>" + wrap(e(p)).replace("\n", "\n     ") + "</p>")
        elif kind == "picks":
            out += ["  <ol>"] + [
                f"    <li><strong>{link_html(text, link)}</strong>: {e(why)}.</li>" for text, link, why in p
            ]
            out.append("  </ol>")
        elif kind == "list":
            out += ["  <ul>"] + [f"    <li>{e(s)}</li>" for s in p] + ["  </ul>"]
        elif kind == "table":
            out += [
                "  <table>",
                "    <thead><tr><th>Product</th><th>Serving</th><th>Price</th><th>Tested</th></tr></thead>",
                "    <tbody>",
            ]
            out += [f"      <tr><td>{e(a)}</td><td>1 {e(b)}</td><td>{e(c)}</td><td>{d}</td></tr>" for a, b, c, d in p]
            out += ["    </tbody>", "  </table>"]
        elif kind == "code":
            out.append(f"  <p>{e(p[0])} <code>{e(p[1])}</code> on the bottle.</p>")
        elif kind == "ref":
            out.append(f'  <p>{e(p[0])} For the details, see <a href="{e(p[2])}">{e(p[1])}</a>.</p>')
        elif kind == "embed":
            out += (
                [
                    "  <p>Here is the label of the one we keep in the cupboard:</p>",
                    '  <script type="application/x-supplement+yaml">',
                ]
                + [f"    {s}" for s in p]
                + ["  </script>"]
            )
        elif kind == "cta":
            out.append(f"  <p>Ready to try it? {link_html('Check the price of ' + p[0], p[1])}.</p>")
        elif kind == "footer-disclosure":
            out += ["</article>", "</main>", f'<footer><p class="fine-print">{e(p)}</p></footer>']
    if not any(k == "footer-disclosure" for k, _ in f["blocks"]):
        out += ["</article>", "</main>", f"<footer><p>&copy; {f['date'][:4]} {e(f['site'])}</p></footer>"]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def make_page(i, seed, by_topic, names, relpath):
    """Return (file name, text, defect) for page i."""
    rng = random.Random(f"pages:{seed}:{i}")
    fields, defect, is_html = build(rng, i, by_topic, names, relpath)
    if is_html:
        return f"post_{i:05d}.html", render_html(fields), defect
    return f"post_{i:05d}.md", render_markdown(fields), defect


def write_pages(outdir, labeldir, count=1000, seed=20261):
    """Write the pages; return {file name: defect kind} for the pages with a deliberate defect."""
    os.makedirs(outdir, exist_ok=True)
    by_topic, names = read_labels(labeldir)
    rel_dir = os.path.relpath(os.path.abspath(labeldir), os.path.abspath(outdir)).replace(os.sep, "/")

    def relpath(name):
        return name if rel_dir == "." else f"{rel_dir}/{name}"

    defects = {}
    for i in range(count):
        name, text, defect = make_page(i, seed, by_topic, names, relpath)
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if defect:
            defects[name] = defect
    return defects


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--labels", required=True, metavar="LABELDIR", help="the label corpus the pages name")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20261)
    ap.add_argument("--defects", metavar="FILE", help="write {file name: defect kind} as JSON to FILE")
    a = ap.parse_args(argv)
    defects = write_pages(a.outdir, a.labels, a.count, a.seed)
    if a.defects:
        with open(a.defects, "w", encoding="utf-8") as f:
            json.dump(defects, f, indent=0)
    tally = {k: list(defects.values()).count(k) for k in DEFECTS}
    print(
        f"wrote {a.count} pages to {a.outdir}; deliberate defects: " + ", ".join(f"{k} {v}" for k, v in tally.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
