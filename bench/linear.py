#!/usr/bin/env python3
"""Growth of supplint's text scanning on hostile inputs: each shape at 1x and 4x its size; see bench/README.md.

    python bench/linear.py [--scale F] [--repeat R] [--limit X] [--only NAME ...] [--list] [--json FILE]

Every shape goes through the public API, ``supplint.check_text(text, filename)``, in this process (start-up and
imports are not what is measured). A linear scan takes about 4x as long on a 4x input; a quadratic one 16x. The
exit status is 1 when any shape's ratio exceeds ``--limit`` (default 6), so CI can run it; timed assertions are
kept out of the test suite, where a loaded machine would make them flaky.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sys
import time

# A label whose claims and warnings the hostile text is put into: 5 mg of vitamin C is 6 % of the Daily Value, so
# every "high in vitamin C" is a finding.
LABEL = """product: Example Vitamin C
identity: Dietary Supplement
form: capsule
serving:
  size: 1 capsule
facts:
  - {name: Vitamin C, amount: 5 mg}
"""
PAGE = "---\ntitle: Hostile page\n---\n\n# Hostile page\n\n"


def _label(field: str, text: str) -> str:
    return LABEL + f"{field}:\n  - '{text}'\n"


# name -> (what it is, filename, builder of the text for n repetitions and a salt word, n at 1x). The 1x sizes are
# chosen so that the linear code takes a few tens of milliseconds there: large enough to time, small enough to run in
# seconds.
SHAPES = {
    "label-high-in": (
        "a label claim repeating 'high in vitamin C'",
        "label.yaml",
        lambda n, s: _label("claims", s + "High in vitamin C " * n),
        2_000,
    ),
    "label-source-of": (
        "a claim repeating 'excellent source of calcium' (no stop word)",
        "label.yaml",
        lambda n, s: _label("claims", s + "excellent source of calcium " * n),
        2_000,
    ),
    "label-negated-claim": (
        "a claim that is negated once, then repeats 'rich in zinc'",
        "label.yaml",
        lambda n, s: _label("claims", s + "not " + "rich in zinc " * n),
        16_000,
    ),
    "label-disease-claim": (
        "a claim repeating a disease word",
        "label.yaml",
        lambda n, s: _label("claims", s + "arthritis " * n),
        16_000,
    ),
    "label-disease-notes": (
        "notes repeating a disease word, no claim verb",
        "label.yaml",
        lambda n, s: LABEL + "notes: '" + s + "kidney disease " * n + "'\n",
        8_000,
    ),
    "label-exempt-terms": (
        "a claim repeating an exempt disease phrase",
        "label.yaml",
        lambda n, s: _label("claims", s + "occasional insomnia " * n),
        8_000,
    ),
    "label-health-spaces": (
        "a warning of 'health' and a long run of spaces",
        "label.yaml",
        lambda n, s: _label("warnings", s + "consult health" + " " * n + "x"),
        1_200_000,
    ),
    "label-allergen-made": (
        "other ingredients and allergens repeating 'made' (no facility)",
        "label.yaml",
        lambda n, s: (
            LABEL + "allergens: '" + s + "made with milk " * n + "'\n"
            "other_ingredients: ['" + "milk thistle, " * n + "']\n"
        ),
        4_000,
    ),
    "label-iron-near-miss": (
        "an iron label whose warning repeats the overdose words (a near miss to compare)",
        "label.yaml",
        lambda n, s: (
            LABEL.replace("Vitamin C, amount: 5 mg", "Iron, amount: 18 mg")
            + "warnings:\n  - '"
            + s
            + "accidental overdose of iron " * n
            + "'\n"
        ),
        4_000,
    ),
    "label-directive-lines": (
        "comment lines of suppression directives",
        "label.yaml",
        lambda n, s: LABEL + f"# {s}\n" + "# supplint: disable=SUP101\n" * n + "claims: [x]\n",
        4_000,
    ),
    "label-directives-quoted": (
        "one line of quoted claims, each holding a directive",
        "label.yaml",
        lambda n, s: LABEL + f"# {s}\n" + "claims: [" + "'x # supplint: disable', " * n + "x]\n",
        4_000,
    ),
    "page-disease-word": (
        "page prose repeating a disease word",
        "page.md",
        lambda n, s: PAGE + s + "arthritis " * n + "\n",
        16_000,
    ),
    "page-disease-negated": (
        "page prose: a disease word, then negations after it",
        "page.md",
        lambda n, s: PAGE + s + "arthritis " * n + "not " * n + "\n",
        8_000,
    ),
    "page-disease-clauses": (
        "page prose: many short clauses, each naming a disease",
        "page.md",
        lambda n, s: PAGE + s + "arthritis is common; " * n + "\n",
        4_000,
    ),
    # The consult-note rule reads only pages that recommend a supplement: this one embeds a label.
    "page-health-spaces": (
        "page prose: 'consult health' and a long run of spaces",
        "page.md",
        lambda n, s: PAGE + "```supplement\n" + LABEL + "```\n\n" + s + "Consult health" + " " * n + "x\n",
        32_000,
    ),
    # The disclosure rules read pages with an affiliate link: these end with one, so every sentence is searched.
    "page-earn-no-object": (
        "page prose repeating 'we may also earn' with no commission, one sentence",
        "page.md",
        lambda n, s: PAGE + s + "we may also earn " * n + "\n\n[x](https://amzn.to/x)\n",
        8_000,
    ),
    "page-disclosure-negated": (
        "page prose: a negation, then 'we earn a commission' repeated in one sentence",
        "page.md",
        lambda n, s: PAGE + s + "not " + "we earn a commission " * n + "\n\n[x](https://amzn.to/x)\n",
        8_000,
    ),
    "page-sentence-marks": (
        "page prose of many one-word sentences 'earn.'",
        "page.md",
        lambda n, s: PAGE + s + "earn. " * n + "\n\n[x](https://amzn.to/x)\n",
        16_000,
    ),
    "page-affiliate-words": (
        "page prose repeating 'our affiliate' with no link word",
        "page.md",
        lambda n, s: PAGE + s + "our affiliate " * n + "\n\n[x](https://amzn.to/x)\n",
        8_000,
    ),
    "page-consult-verbs": (
        "a product-link page repeating 'tell your' with no professional",
        "page.md",
        lambda n, s: (
            PAGE
            + "A magnesium supplement, 200 mg.\n\n"
            + s
            + "tell your " * n
            + "\n\n[x](https://www.iherb.com/pr/x/1)\n"
        ),
        8_000,
    ),
    "page-backslashes": (
        "a Markdown line of backslash escapes",
        "page.md",
        lambda n, s: PAGE + s + "\\*" * n + "\n",
        16_000,
    ),
    "page-entities": ("a Markdown line of entities", "page.md", lambda n, s: PAGE + s + "&amp; " * n + "\n", 4_000),
    "page-escape-urls": (
        "a Markdown line of escapes and bare URLs",
        "page.md",
        lambda n, s: PAGE + s + "\\* https://example.com/x " * n + "\n",
        2_000,
    ),
    "page-long-line": (
        "a Markdown line of words, no line break",
        "page.md",
        lambda n, s: PAGE + s + "vitamin D supports bone health " * n + "\n",
        8_000,
    ),
    "page-soft-breaks": (
        "a paragraph of many short lines",
        "page.md",
        lambda n, s: PAGE + s + "vitamin D, \\*\n" * n + "\n",
        2_000,
    ),
    "page-open-comments": (
        "a Markdown line of '<!--' that never close",
        "page.md",
        lambda n, s: PAGE + s + "text <!-- " * n + "\n",
        2_000,
    ),
    "page-comments-one-line": (
        "a Markdown line of closed comments",
        "page.md",
        lambda n, s: PAGE + s + "word <!-- c --> " * n + "\n",
        2_000,
    ),
    "page-html-block": (
        "a Markdown HTML block of many lines with links and comments",
        "page.md",
        lambda n, s: PAGE + s + "<div>\n" + "<a href='x'>y</a> <!-- c -->\n" * n + "</div>\n",
        2_000,
    ),
    "page-links-one-line": (
        "a Markdown line of links",
        "page.md",
        lambda n, s: PAGE + s + "[a](https://example.com/?tag=x) " * n + "\n",
        2_000,
    ),
    "page-brackets": (
        "a Markdown line of '[' that open no link",
        "page.md",
        lambda n, s: PAGE + s + "[x " * n + "\n",
        4_000,
    ),
    "page-emphasis": (
        "a Markdown line of '*' that close no emphasis",
        "page.md",
        lambda n, s: PAGE + s + "*a " * n + "\n",
        8_000,
    ),
    "page-table-pipes": (
        "a Markdown table row of escaped pipes",
        "page.md",
        lambda n, s: PAGE + s + "| a | b |\n|---|---|\n| " + "x \\| " * n + "| y |\n",
        8_000,
    ),
    "page-directive-comments": (
        "comment lines of suppression directives",
        "page.md",
        lambda n, s: PAGE + s + "<!-- supplint: disable=SUP404 -->\n" * n + "text\n",
        2_000,
    ),
    # Entries that are not paths (SUP002 each): a missing label would time the file system, not the scan.
    "page-toml-entries": (
        "Hugo TOML front matter: a long supplements array of numbers and inline tables",
        "page.md",
        lambda n, s: f"+++\ntitle = '{s}'\nsupplements = [" + '1, {a = "]"}, ' * n + "]\n+++\n# x\n",
        4_000,
    ),
    "page-json-entries": (
        "Hugo JSON front matter: a long supplements array of numbers",
        "page.md",
        lambda n, s: '{"title": "' + s + '", "supplements": [' + "1, " * n + "1]}\n# x\n",
        8_000,
    ),
    "page-toml-title": (
        "Hugo TOML front matter: a title of escapes and disease words",
        "page.md",
        lambda n, s: '+++\ntitle = "' + s + 'arthritis \\" ' * n + '"\n+++\n# x\n',
        4_000,
    ),
    "page-footnotes": (
        "GFM footnote references and definitions",
        "page.md",
        lambda n, s: (
            PAGE
            + s
            + "".join(f"a[^{k}] " for k in range(n))
            + "\n\n"
            + "".join(f"[^{k}]: note {k}\n" for k in range(n))
        ),
        1_000,
    ),
    "mdx-open-braces": (
        "an MDX line of '{' that never close",
        "page.mdx",
        lambda n, s: PAGE + s + "text { " * n + "\n",
        4_000,
    ),
    "mdx-open-tags": (
        "an MDX line of '<Tag a' that never close",
        "page.mdx",
        lambda n, s: PAGE + s + "<Tip a b " * n + "\n",
        4_000,
    ),
    "mdx-open-strings": (
        "an MDX line of tags whose attribute string never closes",
        "page.mdx",
        lambda n, s: PAGE + s + '<Tip a="x ' * n + "\n",
        4_000,
    ),
    "mdx-components": (
        "an MDX page of JSX components with expression props",
        "page.mdx",
        lambda n, s: PAGE + s + '<Tip note={"cures arthritis"} a="b">vitamin D</Tip>\n' * n,
        2_000,
    ),
    "mdx-code-ticks": (
        "an MDX line of backtick runs that never close",
        "page.mdx",
        lambda n, s: PAGE + s + "".join("`" * (k % 50 + 1) + " x " for k in range(n)) + "\n",
        2_000,
    ),
    # A .txt is a Supplement Facts panel pasted as text: imported (text.py), then checked as a label.
    "panel-many-rows": (
        "a pasted panel of many rows",
        "panel.txt",
        lambda n, s: (
            s
            + "\nSupplement Facts\nServing Size 1 Capsule\n"
            + "".join(f"Ingredient {k} extract (as leaf) {k % 900 + 1} mg *\n" for k in range(n))
        ),
        2_000,
    ),
    "panel-long-row": (
        "a pasted panel row of many words before its amount",
        "panel.txt",
        lambda n, s: s + "\nSupplement Facts\nVitamin C " + "x " * n + "90 mg 100%\n",
        8_000,
    ),
    "panel-numbers-row": (
        "a pasted panel row of many numbers, none an amount",
        "panel.txt",
        lambda n, s: s + "\nSupplement Facts\nZinc 11 mg\nX " + "1 2, " * n + "\n",
        4_000,
    ),
    "panel-mojibake": (
        "a pasted panel row of mojibake (UTF-8 read as Windows-1252)",
        "panel.txt",
        lambda n, s: s + "\nSupplement Facts\nZinc 11 mg\nVitamin B12 " + "â€“ Âµg " * n + "5 mcg\n",
        4_000,
    ),
    "panel-run-on": (
        "run-on retailer copy: one line of many headings and rows",
        "panel.txt",
        lambda n, s: (
            s
            + " serving size: two (2) capsules"
            + " ingredients: zinc 10 mg, copper 1 mg other ingredients: rice flour." * n
            + "\n"
        ),
        1_000,
    ),
    "panel-pipes": (
        "a pasted table row of many empty pipe cells",
        "panel.txt",
        lambda n, s: s + "\nSupplement Facts\nZinc | 11 mg | 100% " + "| " * n + "\n",
        16_000,
    ),
    "panel-blend-list": (
        "a pasted blend listing many members after its total",
        "panel.txt",
        lambda n, s: s + "\nSupplement Facts\nEnergy Blend 500 mg: " + ", ".join(f"herb {k}" for k in range(n)) + "\n",
        4_000,
    ),
    "html-entities": (
        "an HTML paragraph of entities",
        "page.html",
        lambda n, s: "<html><body><p>" + s + "&amp; " * n + "</p></body></html>\n",
        8_000,
    ),
    "html-open-comments": (
        "an HTML line of '<!--' that never close",
        "page.html",
        lambda n, s: "<html><body><p>" + s + "text <!-- " * n + "</p></body></html>\n",
        4_000,
    ),
    "html-comments-one-line": (
        "an HTML line of closed comments",
        "page.html",
        lambda n, s: "<html><body><p>" + s + "word <!-- c --> " * n + "</p></body></html>\n",
        4_000,
    ),
    "html-less-than": (
        "an HTML paragraph of '<' that open no tag",
        "page.html",
        lambda n, s: "<html><body><p>" + s + "a < b " * n + "</p></body></html>\n",
        4_000,
    ),
    "html-unclosed-tags": (
        "an HTML page of thousands of elements never closed",
        "page.html",
        lambda n, s: "<html><body>" + s + "<div>x <b>y " * n + "</i></body></html>",
        2_000,
    ),
    "html-long-line": (
        "an HTML page on one line: many paragraphs and links",
        "page.html",
        lambda n, s: "<html><body>" + s + "<p>text <a href='https://amzn.to/x'>y</a></p>" * n + "</body></html>",
        2_000,
    ),
}


def _best(check, build, n: int, filename: str, repeat: int) -> tuple[int, float]:
    """(bytes, best seconds) of ``repeat`` runs. Each run's text starts with a different word: the rules remember
    the verdicts on texts they have seen, and a repeated text would time the memo, not the scan."""
    best, size = float("inf"), 0
    for run in range(repeat):
        text = build(n, f"Run{run} ")
        size = len(text)
        gc.collect()  # the garbage of the run before is not this run's cost
        start = time.perf_counter()
        check(text, filename)
        best = min(best, time.perf_counter() - start)
    return size, best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every 1x size by F (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each input; the best counts (default 3)")
    ap.add_argument("--limit", type=float, default=6.0, help="largest 4x/1x ratio that passes (default 6)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these shapes")
    ap.add_argument("--list", action="store_true", help="list the shapes and exit")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers to FILE")
    args = ap.parse_args(argv)
    if args.list:
        for name, (what, *_) in SHAPES.items():
            print(f"{name:24} {what}")
        return 0
    unknown = [name for name in args.only or () if name not in SHAPES]
    if unknown:
        ap.error(f"unknown shape {', '.join(unknown)} (see --list)")

    import supplint

    check = supplint.check_text
    check(LABEL, "warm.yaml")  # the first call loads the rule packs and the parsers: not part of any shape
    check(PAGE, "warm.md")
    check("<p>x</p>", "warm.html")
    print(
        f"python {platform.python_version()}, supplint {supplint.__version__}, best of {args.repeat}, "
        f"limit {args.limit:g}"
    )
    print(f"{'shape':24} {'1x bytes':>9} {'1x s':>8} {'4x bytes':>9} {'4x s':>8} {'ratio':>6}  verdict")
    rows, failed = [], []
    for name, (what, filename, build, size) in SHAPES.items():
        if args.only and name not in args.only:
            continue
        n = max(1, round(size * args.scale))
        small, t1 = _best(check, build, n, filename, args.repeat)
        large, t4 = _best(check, build, 4 * n, filename, args.repeat)
        ratio = t4 / t1 if t1 > 0 else float("inf")
        verdict = "ok" if ratio <= args.limit else "SUPERLINEAR"
        if verdict != "ok":
            failed.append(name)
        print(f"{name:24} {small:>9,} {t1:>8.3f} {large:>9,} {t4:>8.3f} {ratio:>6.1f}  {verdict}", flush=True)
        rows.append(
            {
                "shape": name,
                "what": what,
                "bytes_1x": small,
                "seconds_1x": t1,
                "bytes_4x": large,
                "seconds_4x": t4,
                "ratio": ratio,
            }
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"limit": args.limit, "repeat": args.repeat, "scale": args.scale, "shapes": rows}, out, indent=2)
    if failed:
        print(f"{len(failed)} shape(s) grow faster than {args.limit:g}x on a 4x input: {', '.join(failed)}")
        return 1
    print(f"all {len(rows)} shapes grow at most {args.limit:g}x on a 4x input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
