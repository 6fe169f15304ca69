"""Cut the real pages of tests/data/pages down to the lines their tests score (how the excerpts were made).

The pages are third-party text, ten of eleven sources without a licence, so the repository keeps only what the
tests need: front matter keys the reader uses, headings, every line sources.yaml expects or leaves optional (or a
note cites), every line where supplint raises a scored code (false alarms included: precision is measured on them),
lines with links, disclosure and consult sentences, and the markup a parser needs to read those in context. Whole
lines are kept, never parts of one, so each excerpt line is a line of the original.

It reads the pages, sources.yaml and tests/test_real_pages.py as they were at commit ORIGIN (pages copied whole or
by line ranges), writes the excerpts, and rewrites `kept` (ranges of the original file), the `expected` and
`optional` lines, line numbers in notes, and the test's KNOWN lines through the old-to-new line map. It then checks
each excerpt: the scored findings raised on it must be those raised on the page at ORIGIN, line for line through
the map; where one differs, the nearest dropped line above it is restored (a claim read with the sentence before
it) and the page is checked again; a page that still differs stops the run. Run from the repository root:
``python tools/trim_pages.py``. It is the record of how the excerpts were made: run again it gives the same pages
and sources.yaml (whose header comment it leaves as it is), and rewrites tests/test_real_pages.py from ORIGIN's.

A later batch is cut on its own, from the commit that holds its pages as copied, with the same selection and the
same check: ``python tools/trim_pages.py --batch COMMIT FILE...`` reads those files at COMMIT and rewrites only
their entries in the current sources.yaml and their KNOWN lines in the current tests/test_real_pages.py (both
must still give the lines of the copies). Batch 4 was cut so: ``--batch ca5fd10`` and its sixteen files, batch 5
with ``--batch 5c8163e`` and its fourteen, batch 6 with ``--batch c24ffed`` and its thirteen, batch 7 with
``--batch 1683262`` and its eleven, batch 8 with ``--batch 78a13c8`` and its nine, batch 9 with ``--batch 3d3f4d1``
and its eleven, batch 10 with ``--batch a36f352`` and its six, batch 11 with ``--batch 561954a`` and its eleven,
batch 12 with ``--batch b39bec2`` and its five (BATCHES).
"""

from __future__ import annotations

import bisect
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

import supplint

ORIGIN = "7416591"  # the pages as copied (whole or by line ranges), with `kept` checked against their sources
ROOT = Path(__file__).resolve().parent.parent
PAGES = "tests/data/pages"
TEST = "tests/test_real_pages.py"
SCORED = ["SUP401", "SUP403", "SUP404", "SUP406"]
LICENSED = {"mauss-core-supplements.md"}  # MIT (ignatiusmb/mauss.dev): kept whole
#: Later batches: the commit that holds each one's pages as copied. (GoNumero.com's and minimal-mistakes' MIT
#: licences are their themes', not the authors' posts: those pages are cut like the rest.)
BATCHES = {
    "ca5fd10": "fourth batch, 16 pages",
    "5c8163e": "fifth batch, 14 pages",
    "c24ffed": "sixth batch, 13 pages",
    "1683262": "seventh batch, 11 pages",
    "78a13c8": "eighth batch, 9 pages",
    "3d3f4d1": "ninth batch, 11 pages",
    "a36f352": "tenth batch, 6 pages",
    "561954a": "eleventh batch (pages11), 11 pages",
    "b39bec2": "twelfth batch (pages11), 5 pages",
}

FRONT_KEYS = {"title", "tags", "supplements"}
_KEY = re.compile(r"[A-Za-z_][\w-]*:")
_HEADING = re.compile(r"\s{0,3}#{1,6}\s|.*<h[1-6][\s>]", re.IGNORECASE)
_LINK = re.compile(r"https?://|\bhref\s*=|\]\(|\bwww\.", re.IGNORECASE)
# Disclosure and consult wording, wide on purpose: a line too many costs a few bytes, a line too few changes a verdict
# (the check below catches that too).
_NOTICE = re.compile(
    r"affiliate|commission|amazon associate|\bearn (from|through|a )|sponsored|\bpaid (for|by|partner|link)|"
    r"\bgiven (to )?(me|us)\b|\bsent (to )?(me|us)\b|free of charge|"
    r"consult|(talk|speak) (to|with) your|check with|ask your|your (doctor|gp|physician|healthcare|health care)|"
    r"healthcare (provider|professional)|\bRD\b|pharmacist|dietitian",
    re.IGNORECASE,
)
_MDX_OPEN = re.compile(r"\s*<[A-Z][\w.]*")
_TAGS = re.compile(r"<[^>]*>")
_DROP_TAG = re.compile(r"\s*<(meta|link|img|path|svg|/svg|source|picture|/picture|br)\b", re.IGNORECASE)
_NOTE_LINES = re.compile(r"\b(lines? |at )(\d+(?:(?:, | and |-)\d+)*)(?![\d-]| characters)")


def git_show(path: str, origin: str = ORIGIN) -> str:
    return subprocess.run(
        ["git", "show", f"{origin}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def raised(text: str, name: str) -> set[tuple[str, int]]:
    return {(f.code, f.line) for f in supplint.check_text(text, name, select=SCORED)}


def expand(kept: str, count: int) -> list[int]:
    """Original line of each current line, from a `kept` field ("all", or ranges "1-28,64-76", maybe with a note)."""
    spec = kept.split(" (", maxsplit=1)[0].strip()
    if spec == "all":
        return list(range(1, count + 1))
    lines: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        lines.extend(range(int(first), int(last or first) + 1))
    if len(lines) != count:
        raise SystemExit(f"`kept: {kept}` holds {len(lines)} lines, the page {count}")
    return lines


def compress(lines: list[int]) -> str:
    parts: list[str] = []
    start = prev = lines[0]
    for line in [*lines[1:], None]:
        if line is not None and line == prev + 1:
            prev = line
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if line is not None:
            start = prev = line
    return ",".join(parts)


def note_lines(item: dict) -> set[int]:
    """Page lines a note or a `why` cites ("line 121", "lines 178-179", "at 39 and 56")."""
    texts = [str(item.get("note") or "")] + [str(e.get("why", "")) for e in item.get("optional") or ()]
    found: set[int] = set()
    for text in texts:
        for match in _NOTE_LINES.finditer(text):
            for number in re.findall(r"\d+", match.group(2)):
                found.add(int(number))
    return found


def markup_only(lines: list[str]) -> list[bool]:
    """For each line: nothing on it but markup (tags, or the inside of a tag that spans lines)."""
    result: list[bool] = []
    inside = False
    for line in lines:
        rest = line
        if inside:
            end = rest.find(">")
            if end < 0:
                result.append(True)
                continue
            rest, inside = rest[end + 1 :], False
        rest = _TAGS.sub("", rest)
        opened = rest.rfind("<")
        if opened >= 0 and re.match(r"</?[A-Za-z!]", rest[opened:]):
            rest, inside = rest[:opened], True
        result.append(not rest.replace("&nbsp;", "").strip())
    return result


def tag_groups(lines: list[str]) -> list[tuple[int, int]]:
    """[first, last] (0-based) of each tag that spans lines (an MDX component with one prop a line, an iframe)."""
    groups = []
    i = 0
    while i < len(lines):
        line = lines[i]
        opened = line.rfind("<")
        if opened >= 0 and ">" not in line[opened:] and re.match(r"</?[A-Za-z]", line[opened:]):
            j = i + 1  # a prop's value may hold ">" (description="simple > perfect"): the tag ends with its line
            while j < len(lines) and not lines[j].rstrip().endswith(">"):
                j += 1
            groups.append((i, min(j, len(lines) - 1)))
            i = j + 1
            continue
        i += 1
    return groups


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Elements(HTMLParser):
    """Each element's (first line, last line, closed by its own end tag), 0-based, in a page or its raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.found: list[tuple[int, int, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.open.append((tag, self.getpos()[0] - 1))

    def handle_endtag(self, tag):
        if not any(name == tag for name, _ in self.open):
            return
        line = self.getpos()[0] - 1
        while self.open:
            name, first = self.open.pop()
            self.found.append((first, line, name == tag))
            if name == tag:
                return


def enclosing(lines: list[str], keep: set[int], front_end: int) -> set[int]:
    """The start and end tag lines of every element that holds a kept line, so the kept lines are read in their
    blocks (a card's <div>, a consult note's <span>, the section of a price card, the page's <body>); wrappers round
    dropped text go with it."""
    parser = _Elements()
    parser.feed("".join("\n" if i <= front_end and front_end else line for i, line in enumerate(lines)))
    parser.close()
    last = len(lines) - 1
    elements = parser.found + [(first, last, False) for _, first in parser.open]
    added: set[int] = set()
    kept = sorted(keep)
    for first, end, closed in elements:
        at = bisect.bisect_left(kept, first)
        if at < len(kept) and kept[at] <= end:
            added.add(first)
            if closed:
                added.add(end)
    return added


def _prose_line(line: str, markup: bool) -> bool:
    stripped = line.strip()
    return bool(stripped) and not markup and not re.match(r"[<#|>]|/>|([-*+]|\d+[.)])\s|---", stripped)


# A front-matter key the Markdown reader takes as a link (pages/markdown.py: href, url, link, or a key ending in url
# or link; not an image, canonical or source URL), with a URL value.
_FRONT_LINK = re.compile(
    r"\s*(?:-\s+)?(?:[\w-]*[_-])?(?:href|url|link|[\w-]*(?:Url|Link|URL))\s*:\s*[\"']?(?:https?://|/)"
)
_FRONT_NOT_LINK = re.compile(
    r"image|img|photo|picture|thumb|cover|icon|logo|avatar|banner|video|audio|canonical|perma|feed|og[_-]|twitter"
    r"|source|redirect|alias|edit|repo|github",
    re.IGNORECASE,
)


def front_link_lines(lines: list[str], i: int) -> set[int]:
    """A front-matter line holding a link (a theme's product card: `products:` / `- title: ...` / `  href: ...`), with
    what keeps it in place: the line that opens its list entry (its title, the link's words) and its top-level key."""
    keep = {i}
    indent = len(lines[i]) - len(lines[i].lstrip())
    for j in range(i - 1, 0, -1):
        line = lines[j]
        if not line.strip():
            continue
        here = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- ") and here < indent:
            keep.add(j)
            indent = here
        elif here == 0 and _KEY.match(line):
            keep.add(j)
            break
    return keep


def select(name: str, lines: list[str], wanted: set[int]) -> set[int]:
    """0-based indices of the lines to keep, given the 1-based lines that must stay (scored, expected, cited)."""
    keep = {line - 1 for line in wanted}
    html = name.endswith((".html", ".htm"))
    markup = markup_only(lines)
    in_code = False  # a script or style body
    front_end = 0
    if not html and lines and lines[0].strip() == "---":
        front_end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        keep |= {0, front_end}
        key = ""
        for i in range(1, front_end):
            if _KEY.match(lines[i]):
                key = lines[i].split(":")[0]
            if key in FRONT_KEYS:
                keep.add(i)
            elif _FRONT_LINK.match(lines[i]) and not _FRONT_NOT_LINK.search(lines[i].split(":")[0]):
                keep |= front_link_lines(lines, i)
    for i, line in enumerate(lines):
        if i <= front_end and front_end:
            continue
        stripped = line.strip()
        lower = stripped.lower()
        if re.search(r"<(script|style)\b", lower) and not re.search(r"</(script|style)>", lower):
            in_code = True
            keep.add(i)  # the opening tag, and the body's first line as the placeholder it is skipped by
            if i + 1 < len(lines) and len(lines[i + 1]) <= 120:
                keep.add(i + 1)
            continue
        if in_code:
            if re.search(r"</(script|style)>", lower):
                in_code = False
                keep.add(i)
            continue
        if not stripped or lower.startswith("<!--") or _DROP_TAG.match(line):
            continue
        if re.match(r"<(script|style)\b", lower):
            continue  # a one-line script or stylesheet
        if _HEADING.match(line) or _LINK.search(line) or _NOTICE.search(line) or lower.startswith("<!doctype"):
            keep.add(i)
    for first, last in tag_groups(lines):
        if any(first <= i <= last for i in keep) and _MDX_OPEN.match(lines[first]):
            # a component's opening and closing lines and its link props; its other props (titles, descriptions)
            # are the author's words, read by no scored rule
            keep |= {first, last} | {i for i in range(first, last + 1) if _LINK.search(lines[i])}
        elif first in keep and not _DROP_TAG.match(lines[first]):
            keep |= set(range(first, last + 1))
    if not html:  # a soft-wrapped paragraph is kept whole, so no sentence starts mid-way
        for i in sorted(keep):
            if _prose_line(lines[i], markup[i]):
                for step in (-1, 1):
                    j = i + step
                    while 0 <= j < len(lines) and j > front_end and _prose_line(lines[j], markup[j]):
                        keep.add(j)
                        j += step
    for i in sorted(keep):  # a table row needs the table's header row and delimiter row
        if lines[i].lstrip().startswith("|"):
            top = i
            while top > 0 and lines[top - 1].lstrip().startswith("|"):
                top -= 1
            keep |= {top, top + 1}
    for i in sorted(keep):  # a list item needs the line that introduces the list, when it ends with a colon
        if re.match(r"\s*([-*+]|\d+[.)])\s", lines[i]):
            top = i
            while top > 0 and (re.match(r"\s*([-*+]|\d+[.)])\s", lines[top - 1]) or not lines[top - 1].strip()):
                top -= 1
            if top > 0 and lines[top - 1].rstrip().endswith(":") and len(lines[top - 1]) <= 200:
                keep.add(top - 1)
    keep = {i for i in keep if 0 <= i < len(lines)}
    keep |= {i for i in enclosing(lines, keep, front_end) if markup[i]}  # a tag on a line of prose stays out
    for first, last in tag_groups(lines):  # a wrapper's start tag that spans lines
        if first in keep and not _MDX_OPEN.match(lines[first]):
            keep |= set(range(first, last + 1))
    for i in sorted(keep):  # the blank line after a kept line, so paragraphs stay apart
        if i + 1 < len(lines) and not lines[i + 1].strip() and lines[i].strip():
            keep.add(i + 1)
    return keep


def excerpt(lines: list[str], keep: set[int]) -> tuple[str, dict[int, int]]:
    order = sorted(keep)
    return "".join(lines[i] for i in order), {i + 1: n + 1 for n, i in enumerate(order)}


def trim(name: str, text: str, item: dict) -> tuple[str, dict[int, int]]:
    """The excerpt and {current line: excerpt line}, checked to raise the same scored findings through the map."""
    lines = text.splitlines(keepends=True)
    before = raised(text, name)
    wanted = {line for _, line in before}
    wanted |= {e["line"] for key in ("expected", "optional") for e in item.get(key) or ()}
    wanted |= note_lines(item)
    keep = select(name, lines, wanted)
    for _ in range(20):
        new, line_map = excerpt(lines, keep)
        back = {n: o for o, n in line_map.items()}
        after = {(code, back[line]) for code, line in raised(new, name)}
        if after == before:
            return new, line_map
        restored = False
        for _, line in sorted(after ^ before, key=lambda f: f[1]):
            above = next((i for i in range(line - 2, -1, -1) if i not in keep and lines[i].strip()), None)
            if above is not None:
                keep.add(above)
                if above + 1 < len(lines) and not lines[above + 1].strip():
                    keep.add(above + 1)
                restored = True
        if not restored:
            break
    raise SystemExit(f"{name}: findings differ, at ORIGIN {sorted(before)}, on the excerpt {sorted(after)}")


def renumber_notes(text: str, line_map: dict[int, int]) -> str:
    def one(match: re.Match) -> str:
        numbers = re.sub(r"\d+", lambda m: str(line_map[int(m.group())]), match.group(2))
        return match.group(1) + numbers

    return _NOTE_LINES.sub(one, text)


def _renumber(pattern: str, text: str, line_map: dict[int, int]) -> str:
    """Each match's second group with its line numbers mapped; the first and third kept."""

    def one(match: re.Match) -> str:
        numbers = re.sub(r"\d+", lambda d: str(line_map[int(d.group())]), match.group(2))
        return match.group(1) + numbers + match.group(3)

    return re.sub(pattern, one, text)


def rewrite_sources(text: str, maps: dict[str, dict[int, int]], kept: dict[str, str]) -> str:
    blocks = re.split(r"(?m)^(?=- file: )", text)
    out = []
    for block in blocks:
        found = re.match(r"- file: (\S+)", block)
        if not found or found.group(1) not in maps:
            out.append(block)
            continue
        name = found.group(1)
        line_map = maps[name]
        block = re.sub(r"(?m)^(  kept: ).*$", lambda m, name=name: m.group(1) + kept[name], block)
        block = _renumber(r"(\{code: SUP\d+, line: )(\d+)()", block, line_map)
        head, sep, tail = block.partition("\n  expected:")
        block = head + sep + renumber_notes(tail, line_map)  # notes and whys, not the source's commit
        out.append(block)
    return "".join(out)


def rewrite_known(text: str, maps: dict[str, dict[int, int]]) -> str:
    start = text.index("KNOWN:")
    end = text.index("\n}\n", start)
    body = text[start:end]
    pieces = re.split(r'(?m)^(?=    "[^"]+": \()', body)
    for n, piece in enumerate(pieces):
        found = re.match(r'    "([^"]+)": \(', piece)
        if not found or found.group(1) not in maps:
            continue
        line_map = maps[found.group(1)]
        piece = _renumber(r'(\("SUP\d+", )(\d+)(\))', piece, line_map)
        piece = _renumber(r"(for line in \()([\d, ]+)(\))", piece, line_map)
        pieces[n] = piece
    return text[:start] + "".join(pieces) + text[end:]


def batch(origin: str, names: list[str]) -> int:
    """Cut the pages ``names`` of a later batch, read as copied at ``origin``; rewrite their entries only."""
    here = ROOT / PAGES / "sources.yaml"
    sources_text = here.read_text(encoding="utf-8")
    items = {item["file"]: item for item in yaml.safe_load(sources_text)}
    maps: dict[str, dict[int, int]] = {}
    kept: dict[str, str] = {}
    sizes = [0, 0]
    for name in names:
        item = items[name]
        text = git_show(f"{PAGES}/{name}", origin)
        new, maps[name] = trim(name, text, item)
        original = expand(str(item["kept"]), len(text.splitlines()))
        note = str(item["kept"]).partition(" (")[2]
        kept[name] = compress([original[i - 1] for i in sorted(maps[name])]) + (f" ({note}" if note else "")
        (ROOT / PAGES / name).write_text(new, encoding="utf-8")
        sizes[0] += len(text.encode())
        sizes[1] += len(new.encode())
        print(f"{name:45} {len(text.encode()):>6} -> {len(new.encode()):>6} bytes")
    here.write_text(rewrite_sources(sources_text, maps, kept), encoding="utf-8")
    test = ROOT / TEST
    test.write_text(rewrite_known(test.read_text(encoding="utf-8"), maps), encoding="utf-8")
    print(f"{'these pages':45} {sizes[0]:>6} -> {sizes[1]:>6} bytes")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--batch"]:
        if len(args) < 3:
            raise SystemExit("usage: trim_pages.py --batch COMMIT FILE...")
        return batch(args[1], args[2:])
    sources_text = git_show(f"{PAGES}/sources.yaml")
    items = yaml.safe_load(sources_text)
    maps: dict[str, dict[int, int]] = {}
    kept: dict[str, str] = {}
    sizes = [0, 0]
    for item in items:
        name = item["file"]
        text = git_show(f"{PAGES}/{name}")
        if name in LICENSED:
            new = text
        else:
            new, maps[name] = trim(name, text, item)
            original = expand(str(item["kept"]), len(text.splitlines()))
            note = str(item["kept"]).partition(" (")[2]
            kept[name] = compress([original[i - 1] for i in sorted(maps[name])]) + (f" ({note}" if note else "")
        (ROOT / PAGES / name).write_text(new, encoding="utf-8")
        sizes[0] += len(text.encode())
        sizes[1] += len(new.encode())
        print(f"{name:45} {len(text.encode()):>6} -> {len(new.encode()):>6} bytes")
    rewritten = rewrite_sources(sources_text, maps, kept)
    here = ROOT / PAGES / "sources.yaml"
    if here.exists():  # the header comment as it stands now (it describes the excerpts, ORIGIN's the copies)
        current = here.read_text(encoding="utf-8")
        rewritten = current[: current.index("\n- file: ")] + rewritten[rewritten.index("\n- file: ") :]
    here.write_text(rewritten, encoding="utf-8")
    (ROOT / TEST).write_text(rewrite_known(git_show(TEST), maps), encoding="utf-8")
    print(f"{'all pages':45} {sizes[0]:>6} -> {sizes[1]:>6} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
